"""The read stage: a file on disk → one or more RawDocs (format and encoding handled)."""
from __future__ import annotations

from pathlib import Path

from indexer.errors import NotADocument, ReadError
from indexer.read.html import read_html
from indexer.read.plain import read_markdown, read_text
from indexer.read.rawdoc import RawDoc
from indexer.read.xmlrec import read_xml

READERS = {
    ".html": read_html, ".htm": read_html, ".shtml": read_html,
    ".xml": read_xml,
    ".md": read_markdown, ".markdown": read_markdown,
    ".txt": read_text, ".text": read_text,
}
MAX_BYTES = 32 * 1024 * 1024

__all__ = ["READERS", "RawDoc", "ReadError", "read_file", "readable"]


def readable(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> list[RawDoc]:
    """Read one file; raises ReadError with a one-line reason when it can't."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise NotADocument(f"unsupported file type {path.suffix or '(none)'}")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"file too large ({size} bytes > {max_bytes})")
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"unreadable: {exc.strerror or exc}") from None
    result = reader(data)
    return result if isinstance(result, list) else [result]
