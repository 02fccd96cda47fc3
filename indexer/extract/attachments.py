"""Which files a notice names as its attachments (附件：1. ….pdf  2. 编制说明), and whether a
file is one of them.

A notice lists its attachments after 附件 — on that line, numbered on the lines under it,
or as 附件1：… lines. The files themselves are found next to the notice (same folder) or in
a folder named after it; indexer.query.attachments does the looking up.
"""
from __future__ import annotations

import re
from pathlib import PurePosixPath

from indexer.textfold import fold

# 附件：…  附件1：…  附件 2: …  (the label of the list, or of one item)
_LABEL = re.compile(r"^\s*附\s*件\s*(\d{0,2})\s*[:：]\s*(.*)$")
# "1. 征求意见稿", "2、编制说明", "（3）意见反馈表" at the start of an item
_NUMBERED = re.compile(r"^\s*(\d{1,2}\s*[.．、]|[（(]\d{1,2}[)）])\s*")
_ITEM_SPLIT = re.compile(r"\s{2,}|\u3000+|[；;]|(?=\s\d{1,2}\s*[.．、])")
_EXTENSION = re.compile(r"\.(pdf|docx?|wps|xlsx?|txt|html?|md)$", re.I)
_NOT_NAME = re.compile(r"[\s《》〈〉“”\"'「」『』·・:：,，、.．\-—–_（）()\[\]【】]")
# A name this short is a word ("表"), not the name of a file.
MIN_NAME = 2
MAX_ITEMS = 20
# Longer file names are compared on their start only.
MAX_KEY = 40


def named_attachments(text: str) -> list[str]:
    """The attachment names a text lists, as written (without numbering), in order."""
    names: list[str] = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        label = _LABEL.match(line)
        if not label:
            continue
        rest = label.group(2).strip()
        items = _items(rest) if rest else _numbered_lines(lines[i + 1:])
        names.extend(item for item in items if item not in names)
    return names[:MAX_ITEMS]


def _items(rest: str) -> list[str]:
    parts = (_NUMBERED.sub("", part).strip() for part in _ITEM_SPLIT.split(rest))
    return [part for part in parts if len(key(part)) >= MIN_NAME]


def _numbered_lines(lines: list[str]) -> list[str]:
    items = []
    for line in lines:
        if not _NUMBERED.match(line):
            break
        items.extend(_items(line))
    return items


def key(name: str) -> str:
    """A name or file name as compared: folded, no extension, no punctuation or spaces."""
    return _NOT_NAME.sub("", fold(_EXTENSION.sub("", name.strip())))


def keys_naming(path: str) -> set[str]:
    """Every attachment key that names the file at `path` (see names_file): the pieces of its name."""
    stem = key(PurePosixPath(path).name)[:MAX_KEY]
    return {stem[a:b] for a in range(len(stem)) for b in range(a + MIN_NAME, len(stem) + 1)}


def names_file(name: str, path: str) -> bool:
    """Whether an attachment name is the file at `path`: the file's name is it, or holds it
    ("编制说明" is "再生氧化镨钕编制说明.pdf")."""
    wanted, stem = key(name), key(PurePosixPath(path).name)
    return bool(wanted) and (wanted == stem or wanted in stem)
