"""Extraction accuracy and speed on the real laws in ../shared/realdata.

    python bench/bench_realdata.py [--show N]

Indexes ../shared/realdata/laws-national with the real CLI, exports JSONL and
scores it with ../shared/tools/score_extraction.py, printing each field's figure
and the time of each step.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LAWS = SHARED / "realdata" / "laws-national"
TRUTH = SHARED / "realdata" / "laws-national.truth.tsv"
SCORER = SHARED / "tools" / "score_extraction.py"
STDIDX = Path(sys.executable).with_name("stdidx")


def timed(args: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=5, help="misses to list per field")
    args = parser.parse_args()
    if not LAWS.is_dir():
        print(f"real texts not present at {LAWS}; nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        ix, export = Path(tmp) / "ix", Path(tmp) / "laws.jsonl"
        index_s, indexed = timed([str(STDIDX), "index", str(LAWS), "--index", str(ix)])
        export_s, _ = timed([str(STDIDX), "export", "--index", str(ix), "--out", str(export)])
        _, scored = timed([sys.executable, str(SCORER), str(export), str(TRUTH), "--show", str(args.show)])
    print(indexed.stdout.splitlines()[0])
    print(f"index {index_s:.1f} s, export {export_s:.1f} s\n")
    print(scored.stdout)
    return scored.returncode


if __name__ == "__main__":
    sys.exit(main())
