"""Text-PDF throughput: pages read per second, and a whole `stdidx index` of one long PDF.

    .venv/bin/python bench/bench_pdf.py [--pages 500]

The PDF is made with bench/officegen.py (reportlab, a test extra): a standard's cover,
then pages of 40 lines of Chinese. Optionally `--pdf FILE` times a PDF of your own.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import officegen

LINE = "本标准规定了烧结钕铁硼永磁材料的分类和牌号、要求、试验方法、检验规则以及标志、包装、运输、贮存。"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--pdf", type=Path, help="time this PDF instead of a generated one")
    args = parser.parse_args()
    from indexer.read import read_file

    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder) / "docs"
        docs.mkdir()
        pdf = docs / "long.pdf"
        if args.pdf:
            pdf.write_bytes(args.pdf.read_bytes())
        else:
            officegen.text_pdf(pdf, [[LINE] * 40] * args.pages)
        started = time.perf_counter()
        raw = read_file(pdf)[0]
        seconds = time.perf_counter() - started
        pages = raw.text.count("\f") + 1
        print(f"read: {pages} pages in {seconds:.2f} s = {pages / seconds:.0f} pages/s")
        stdidx = Path(sys.executable).with_name("stdidx")
        started = time.perf_counter()
        subprocess.run([str(stdidx), "index", str(docs), "--index", str(Path(folder) / "ix")], check=True,
                       stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
        print(f"stdidx index: {pages} pages in {seconds:.2f} s = {pages / seconds:.0f} pages/s (start-up included)")


if __name__ == "__main__":
    main()
