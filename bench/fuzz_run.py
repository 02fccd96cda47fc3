"""One run of the fuzz and fault suite, with its figures.

    .venv/bin/python bench/fuzz_run.py [--files 400] [--kills 120] [--seed 1] [--scale 2000] [--keep DIR]

Generates a folder of hostile files, odd names, special files and encodings
(tests/fuzzing.py), inspects every file, indexes the folder, then --kills times:
changes the folder, starts `index` or `reindex`, SIGKILLs it (its process group,
or its main process alone) at a random moment, and checks that the index opens
and that the next `reindex` equals a fresh build. Prints files tried, crashes,
hangs, peak memory, kills and their outcomes.
"""
import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fuzzing import Fuzzer  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--kills", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="stdidx-fuzz-"))
    started = time.monotonic()
    try:
        figures = Fuzzer(work, args.seed, args.scale).run(args.files, args.kills)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"seed {args.seed}, scale {args.scale}, {time.monotonic() - started:.0f} s")
    print("\n".join(figures.lines()))
    return 1 if figures.problems else 0


if __name__ == "__main__":
    sys.exit(main())
