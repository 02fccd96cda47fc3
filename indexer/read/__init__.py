"""The read stage: a file on disk → one or more RawDocs (format and encoding handled)."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from indexer.errors import NotADocument, ReadError
from indexer.read.html import read_html
from indexer.read.pdf import read_pdf
from indexer.read.plain import read_markdown, read_text
from indexer.read.rawdoc import RawDoc
from indexer.read.sheet import read_xlsx
from indexer.read.word import read_word
from indexer.read.xmlrec import read_xml
from indexer.regular import open_regular

READERS: dict[str, Callable[[bytes], RawDoc | list[RawDoc]]] = {
    ".html": read_html, ".htm": read_html, ".shtml": read_html,
    ".xml": read_xml,
    ".md": read_markdown, ".markdown": read_markdown,
    ".txt": read_text, ".text": read_text,
    ".pdf": read_pdf,
    ".docx": read_word, ".doc": read_word, ".wps": read_word,
    ".xlsx": read_xlsx,
}
MAX_BYTES = 32 * 1024 * 1024

__all__ = ["READERS", "RawDoc", "ReadError", "parse", "read_bytes", "read_file"]


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """A file's bytes, once its type is known to be readable and its size bounded."""
    if path.suffix.lower() not in READERS:
        raise NotADocument(f"unsupported file type {path.suffix or '(none)'}")
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(max_bytes + 1) if size <= max_bytes else b""
    except OSError as exc:
        raise ReadError(f"unreadable: {exc.strerror or exc}") from None
    size = max(size, len(data))             # it may have grown since
    if size > max_bytes:
        raise ReadError(f"file too large ({size} bytes > {max_bytes})")
    return data


def parse(path: Path, data: bytes) -> list[RawDoc]:
    """The documents in a file's bytes, read by the reader for its type."""
    if not data.strip():
        raise NotADocument("empty file")
    result = READERS[path.suffix.lower()](data)
    docs = result if isinstance(result, list) else [result]
    if all(not d.text.strip() and not d.title and not d.stated for d in docs):
        raise NotADocument("no text in the file")
    return docs


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> list[RawDoc]:
    """Read one file; raises ReadError with a one-line reason when it can't."""
    return parse(path, read_bytes(path, max_bytes))
