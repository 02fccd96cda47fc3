"""Word documents: .docx through docx2python, legacy .doc and .wps through antiword or catdoc.

docx2python is used rather than python-docx because it keeps the text of text
boxes and gives a merged table cell once (README: "Office files").
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import warnings
from pathlib import Path

from indexer.errors import NotADocument, ReadError
from indexer.read.rawdoc import RawDoc
from indexer.read.zipguard import checked_zip

CONVERT_SECONDS = 60
# docx2python writes "--" for a list number in a format it does not know (一、二、…).
_UNKNOWN_NUMBER = re.compile(r"^--\t", re.M)
# docx2python marks where an image stood; they are not text.
_IMAGE_MARK = re.compile(r"----(media/)?[^\n]*?\.(png|jpe?g|gif|emf|wmf|bmp|tiff?)----|----Image alt text---->.*?<", re.I)


# Compound files (Word 97-2003, WPS) start with this signature, zip containers with "PK".
_OLE = b"\xd0\xcf\x11\xe0"
_HTML = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?<(!doctype html|html)", re.I)


def read_word(data: bytes) -> RawDoc:
    """A Word file read by what it holds, whatever its extension says: sites serve .doc files
    that are DOCX, and Word's "web page" files that are HTML; a renamed .doc is no DOCX."""
    if data.startswith(_OLE):
        return read_doc(data)
    if data.startswith(b"PK"):
        return read_docx(data)
    if _HTML.match(data[:1024]):
        from indexer.read.html import read_html

        return read_html(data)
    if data.lstrip().startswith(b"{\\rtf"):
        raise ReadError("an RTF file named as a Word file; RTF is not read")
    raise ReadError("not a Word file (neither a Word 97-2003 compound file nor a DOCX container)")


def read_docx(data: bytes) -> RawDoc:
    from docx2python import docx2python  # loaded only when a .docx is read

    checked_zip(data, "DOCX", "word/document.xml")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown numbering formats are reported as warnings
            with docx2python(io.BytesIO(data), duplicate_merged_cells=False) as content:
                parts = [content.body, content.footnotes, content.endnotes, content.header, content.footer]
                blocks = [_lines(part) for part in parts]
    except Exception as exc:  # a damaged part surfaces as any of several library errors
        raise ReadError(f"damaged DOCX: {type(exc).__name__}: {exc}") from None
    text = "\n\n".join(block for block in blocks if block)
    return RawDoc(format="docx", encoding="docx", text=_IMAGE_MARK.sub("", text).strip())


def _lines(tables) -> str:
    """docx2python's tables → rows → cells → paragraphs as lines; a row's cells share a line."""
    lines: list[str] = []
    for table in tables:
        for row in table:
            cells = ["\n".join(p.strip() for p in cell if p.strip()) for cell in row]
            cells = [c for c in cells if c]
            for line in ["  ".join(cells)] if all("\n" not in c for c in cells) else cells:
                # Word stores a text box twice (drawing and fallback); docx2python reads both.
                if not (line and lines and line == lines[-1]):
                    lines.append(line)
    text = _UNKNOWN_NUMBER.sub("", "\n".join(lines))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# Converters for the binary Word format, best first, with the arguments that make them
# write UTF-8 text to standard output.
CONVERTERS = (("antiword", ["-m", "UTF-8.txt", "-w", "0"]), ("catdoc", ["-d", "utf-8", "-w"]))


def read_doc(data: bytes) -> RawDoc:
    converters = [(program, name, args) for name, args in CONVERTERS if (program := shutil.which(name))]
    if not converters:
        raise NotADocument("legacy Word file: install antiword or catdoc to read it")
    reasons = []
    for program, name, args in converters:
        text, reason = _convert(program, args, data)
        if text is not None:
            return RawDoc(format="doc", encoding=name, text=text)
        reasons.append(f"{name}: {reason}")
    raise ReadError("legacy Word file not converted (" + "; ".join(reasons) + ")")


def _convert(program: str, args: list[str], data: bytes) -> tuple[str | None, str]:
    with tempfile.TemporaryDirectory(prefix="stdidx-doc-") as folder:
        path = Path(folder) / "file.doc"
        path.write_bytes(data)
        try:
            done = subprocess.run([program, *args, str(path)], capture_output=True, timeout=CONVERT_SECONDS)
        except subprocess.TimeoutExpired:
            return None, f"took over {CONVERT_SECONDS} s"
        except OSError as exc:
            return None, exc.strerror or str(exc)
    # antiword indents paragraphs; extraction reads lines as written, without the margin.
    text = "\n".join(line.strip() for line in done.stdout.decode("utf-8", "replace").splitlines()).strip()
    if done.returncode != 0 or not text:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, message[0] if message else f"exit status {done.returncode}"
    return text, ""
