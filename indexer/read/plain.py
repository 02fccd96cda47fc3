"""Markdown and plain text."""
from __future__ import annotations

import re

from indexer.read.encoding import decode
from indexer.read.rawdoc import RawDoc

# Every pattern here runs on untrusted text, so none may backtrack more than
# linearly: spaces within a line only ([^\S\n]), the heading's closing #s
# stripped in Python, bracket runs stopped at the next bracket.
_HEADING = re.compile(r"^[^\S\n]{0,3}#{1,6}[^\S\n]+(\S.*)$", re.M)
# Emphasis closes within a bounded stretch, so a line of unclosed marks costs
# that stretch per mark, not the rest of the line.
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.{1,300}?)(?<=\S)\1")
_LINK = re.compile(r"!?\[([^\][\n]*)\]\([^()\n]*\)")


# YAML-style front matter: "---" lines around "key: value" lines.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*(\n|\Z)", re.S)
# A post's date or published date is when it was put up, as a page's PubDate is: it dates
# the text only where the text states no date of its own; an issued date is the text's.
_FRONT_KEYS = {"title": "title", "date": "published", "issued": "issued", "published": "published",
               "issuer": "issuer", "url": "source_url", "source_url": "source_url", "link": "source_url"}


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front matter's known keys and the text without it."""
    m = _FRONT_MATTER.match(text)
    if m is None:
        return {}, text
    found: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        value = value.strip().strip("\"'")
        if sep and value and key.strip().lower() in _FRONT_KEYS:
            found.setdefault(_FRONT_KEYS[key.strip().lower()], value)
    return found, text[m.end():]


def read_markdown(data: bytes) -> RawDoc:
    text, encoding, notes = decode(data)
    meta, text = front_matter(_unix_lines(text))
    text = _without_comments(text)
    heading = _HEADING.search(text)
    body = _LINK.sub(r"\1", _EMPHASIS.sub(r"\2", text))
    body = re.sub(r"^\s{0,3}(#{1,6}|>|[-*+]\s)\s*", "", body, flags=re.M)
    stated: dict = {}
    if meta.get("issued"):
        stated["issued"] = meta["issued"]
    if meta.get("issuer"):
        stated["issuers"] = [{"written": name.strip()} for name in re.split(r"[、,;，；|]", meta["issuer"])
                             if name.strip()]
    title = meta.get("title") or (heading.group(1).rstrip().rstrip("#").rstrip() if heading else None)
    return RawDoc(format="markdown", encoding=encoding, text=_tidy(body), title=title,
                  stated=stated, repairs=notes, source_url=meta.get("source_url"),
                  meta={"published": meta["published"]} if meta.get("published") else {})


def _without_comments(text: str) -> str:
    """The text without <!-- … --> comments; an unclosed one stays (found in one pass)."""
    kept, start = [], 0
    while (opening := text.find("<!--", start)) != -1:
        closing = text.find("-->", opening + 4)
        if closing == -1:
            break
        kept.append(text[start:opening])
        start = closing + 3
    kept.append(text[start:])
    return "".join(kept)


def read_text(data: bytes) -> RawDoc:
    text, encoding, notes = decode(data)
    return RawDoc(format="text", encoding=encoding, text=_tidy(text), repairs=notes)


def _unix_lines(text: str) -> str:
    """CR LF (Windows) and lone CR (classic Mac OS) line ends as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _tidy(text: str) -> str:
    lines = (line.rstrip() for line in _unix_lines(text).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
