"""Markdown and plain text."""
from __future__ import annotations

import re

from indexer.read.encoding import decode
from indexer.read.rawdoc import RawDoc

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.M)
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def read_markdown(data: bytes) -> RawDoc:
    text, encoding, notes = decode(data)
    text = _COMMENT.sub("", text)
    heading = _HEADING.search(text)
    body = _LINK.sub(r"\1", _EMPHASIS.sub(r"\2", text))
    body = re.sub(r"^\s{0,3}(#{1,6}|>|[-*+]\s)\s*", "", body, flags=re.M)
    return RawDoc(format="markdown", encoding=encoding, text=_tidy(body),
                  title=heading.group(1).strip() if heading else None, repairs=notes)


def read_text(data: bytes) -> RawDoc:
    text, encoding, notes = decode(data)
    return RawDoc(format="text", encoding=encoding, text=_tidy(text), repairs=notes)


def _tidy(text: str) -> str:
    lines = (line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
