"""Incremental reindexing on a synthetic corpus: full build, no-op reindex, 1 % changed.

    python bench/bench_reindex.py [--docs 10000] [--changed 0.01] [--corpus DIR] [--keep]

Runs the real CLI as whole processes, as cron would: `stdidx index`, then
`stdidx reindex` with nothing changed, then `stdidx reindex` after rewriting
a share of the files (content changed, not just touched). Targets: no-op
≤ 2 s and ≤ 5 % of the full build; 1 % changed ≤ 10 % of the full build.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STDIDX = Path(sys.executable).with_name("stdidx")


def timed(*args: str) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run([str(STDIDX), *args], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"stdidx {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return time.perf_counter() - started, done


ADDITION = "补充说明：本文件有关稀土指标的规定同时适用于综合利用企业。"


def change_files(corpus: Path, share: float, seed: int = 1) -> int:
    """Rewrite a share of all files with a real content change, in their own format and encoding."""
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    chosen = random.Random(seed).sample(files, max(1, round(len(files) * share)))
    for path in chosen:
        data = path.read_bytes()
        encoding = "utf-8" if _utf8(data) else "gb18030"
        text = data.decode(encoding)
        if path.suffix == ".xml":
            text = text.replace("</text>", ADDITION + "</text>", 1)
        elif path.suffix in (".html", ".htm"):
            text = text.replace("</body>", f"<p>{ADDITION}</p></body>", 1)
        else:
            text += "\n" + ADDITION + "\n"
        path.write_bytes(text.encode(encoding))
    return len(chosen)


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--changed", type=float, default=0.01)
    parser.add_argument("--corpus", type=Path, help="reuse a corpus made by bench/synth.py")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    work = HERE / "out" / f"reindex-{args.docs}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    corpus = work / "corpus"
    if args.corpus:
        shutil.copytree(args.corpus, corpus)
    else:
        subprocess.run([sys.executable, str(HERE / "synth.py"), str(corpus), "--docs", str(args.docs)],
                       check=True, capture_output=True)
    index = work / "index"
    full, _ = timed("index", str(corpus), "--index", str(index))
    noop, quiet = timed("reindex", "--index", str(index))
    changed = change_files(corpus, args.changed)
    partial, summary = timed("reindex", "--index", str(index))
    rebuild, _ = timed("reindex", "--full", "--index", str(index))
    figures = {
        "documents": args.docs, "files_changed": changed,
        "full_build_s": round(full, 2), "noop_reindex_s": round(noop, 2),
        "changed_reindex_s": round(partial, 2), "reindex_full_s": round(rebuild, 2),
        "noop_share_of_full": round(noop / full, 4), "changed_share_of_full": round(partial / full, 4),
        "noop_output": quiet.stdout, "changed_summary": summary.stdout.strip(),
    }
    checks = {
        "no-op ≤ 2 s": noop <= 2.0,
        "no-op ≤ 5 % of full build": noop <= 0.05 * full,
        f"{args.changed:.0%} changed ≤ 10 % of full build": partial <= 0.10 * full,
    }
    print(f"full build (stdidx index)     {full:7.1f} s  ({args.docs} documents)")
    print(f"no-op reindex                 {noop:7.2f} s  {noop / full:6.1%} of full"
          f"   output: {quiet.stdout.strip() or '(none)'}")
    print(f"reindex, {changed} files changed  {partial:7.2f} s  {partial / full:6.1%} of full")
    print(f"                              {summary.stdout.strip()}")
    print(f"reindex --full                {rebuild:7.1f} s")
    for name, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    report = HERE / "out" / f"reindex-{args.docs}.json"
    report.write_text(json.dumps({"figures": figures, "checks": checks}, ensure_ascii=False, indent=2))
    print(f"report {report}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
