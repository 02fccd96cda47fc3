"""OCR of PDF pages with Tesseract, when asked for (`--ocr`, STDIDX_OCR=on).

Opt-in: a page costs seconds of CPU where a text page costs milliseconds (README:
"Office files" has the figures), and Chinese OCR misreads characters, so a run
reads scans only when asked. Only pages without a usable text layer are read.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from indexer.config import OCR_ENV
from indexer.read.textlayer import page_problem

LANGUAGES = "chi_sim+eng"
DPI = 300
PAGE_SECONDS = 120


@functools.cache
def tesseract() -> str | None:
    """The tesseract program when it has Chinese (simplified) data, else None."""
    program = shutil.which("tesseract")
    if program is None:
        return None
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return program if "chi_sim" in listed.stdout.split() else None


def wanted() -> bool:
    return os.environ.get(OCR_ENV, "").lower() in ("on", "1", "yes", "true")


def read_unreadable(document, texts: list[str], problems: list[str | None]
                    ) -> tuple[list[str], list[str | None], list[str]]:
    """Texts and problems with OCR's reading of each unreadable page that it could read."""
    program = tesseract() if wanted() else None
    if program is None or not any(problems):
        return texts, problems, []
    texts, problems = list(texts), list(problems)
    read = []
    for number, problem in enumerate(problems):
        if not problem:
            continue
        page = document[number]
        try:
            text = _ocr_page(program, page)
        finally:
            page.close()
        if text is not None and page_problem(text, chinese=True) is None:
            texts[number], problems[number] = text, None
            read.append(number + 1)
    pages = ", ".join(str(n) for n in read)
    return texts, problems, [f"ocr: {len(read)} pages read by Tesseract (pages {pages})"] if read else []


def _ocr_page(program: str, page) -> str | None:
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    with tempfile.TemporaryDirectory(prefix="stdidx-ocr-") as folder:
        image = Path(folder) / "page.pgm"
        image.write_bytes(_pgm(bitmap))
        try:
            done = subprocess.run([program, str(image), "stdout", "-l", LANGUAGES],
                                  capture_output=True, timeout=PAGE_SECONDS)
        except (OSError, subprocess.SubprocessError):
            return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def _pgm(bitmap) -> bytes:
    """A grayscale bitmap as a binary PGM image, which Tesseract reads without extra libraries."""
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    raw = bytes(bitmap.buffer)
    rows = b"".join(raw[y * stride:y * stride + width] for y in range(height))
    return f"P5\n{width} {height}\n255\n".encode() + rows
