"""Extraction accuracy and speed on real and labelled documents.

    python bench/bench_realdata.py [--show N] [--only laws|pages|eval-pages|eval-pages-b|eval-pages-c|eval-pages-d|eval-local]

Indexes each set with the real CLI, exports JSONL and scores it with the scorer
that ships beside the set, printing each field's figure and the time of each step:

* laws — ../shared/realdata/laws-national, scored by ../shared/tools/score_extraction.py;
* pages — ../shared/realdata/pages, scored by ../shared/tools/score_pages.py;
* eval-pages, eval-pages-b, eval-pages-c, eval-pages-d — tests/eval/pages… (pages and local regulations
  labelled for stdidx, in the same truth format), scored by the same page scorer;
* eval-local — tests/eval/local (provincial and city regulations, rules and decisions),
  scored by bench/score_local.py (title, issued, effective, issuers, status).

A set whose files or scorer are absent is reported and skipped.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REALDATA = ROOT.parent / "shared" / "realdata"
TOOLS = ROOT.parent / "shared" / "tools"
STDIDX = Path(sys.executable).with_name("stdidx")
SETS = {
    "laws": (REALDATA / "laws-national", REALDATA / "laws-national.truth.tsv", TOOLS / "score_extraction.py"),
    "pages": (REALDATA / "pages", REALDATA / "pages.truth.tsv", TOOLS / "score_pages.py"),
    "eval-pages": (ROOT / "tests" / "eval" / "pages", ROOT / "tests" / "eval" / "pages.truth.tsv",
                   TOOLS / "score_pages.py"),
    **{f"eval-pages-{letter}": (ROOT / "tests" / "eval" / f"pages-{letter}",
                                ROOT / "tests" / "eval" / f"pages-{letter}.truth.tsv", TOOLS / "score_pages.py")
       for letter in "bcd"},
    "eval-local": (ROOT / "tests" / "eval" / "local", ROOT / "tests" / "eval" / "local.truth.tsv",
                   ROOT / "bench" / "score_local.py"),
}


def timed(args: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    return time.perf_counter() - started, result


def score(name: str, show: int) -> int:
    folder, truth, scorer = SETS[name]
    if not (folder.is_dir() and truth.exists() and scorer.exists()):
        print(f"== {name}: not present ({folder}, {scorer}); skipped\n")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        ix, export, registry = Path(tmp) / "ix", Path(tmp) / "records.jsonl", Path(tmp) / "issuers.json"
        index_s, indexed = timed([str(STDIDX), "index", str(folder), "--index", str(ix)])
        export_s, _ = timed([str(STDIDX), "export", "--index", str(ix), "--out", str(export)])
        registry.write_text(timed([str(STDIDX), "issuers", "--format", "json"])[1].stdout, "utf-8")
        extra = ["--registry", str(registry)] if scorer.name == "score_pages.py" else []
        _, scored = timed([sys.executable, str(scorer), str(export), str(truth), "--show", str(show), *extra])
    print(f"== {name}: {indexed.stdout.splitlines()[0] if indexed.stdout else indexed.stderr.strip()}")
    print(f"index {index_s:.1f} s, export {export_s:.1f} s\n")
    print(scored.stdout)
    return scored.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=5, help="misses to list per field")
    parser.add_argument("--only", choices=sorted(SETS), help="score one set")
    args = parser.parse_args()
    codes = [score(name, args.show) for name in SETS if args.only in (None, name)]
    return max(codes)


if __name__ == "__main__":
    sys.exit(main())
