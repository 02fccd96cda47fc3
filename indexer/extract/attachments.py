"""Which files a notice names as its attachments (附件：1. ….pdf  2. 编制说明), and whether a
file is one of them: by its file name, or by its own title.

A notice lists its attachments after 附件 — on that line, numbered on the lines under it,
or as 附件1：… lines. The files themselves are found next to the notice (same folder) or in
a folder named after it; indexer.query.attachments does the looking up.
"""
from __future__ import annotations

import re
from pathlib import PurePosixPath

from indexer.lazyre import lazy_compile
from indexer.textfold import fold

# 附件：…  附件1：…  附件 2: …  (the label of the list, or of one item)
_LABEL = lazy_compile(r"^\s*附\s*件\s*(\d{0,2})\s*[:：]\s*(.*)$")
# "1. 征求意见稿", "2、编制说明", "（3）意见反馈表" at the start of an item
_NUMBERED = lazy_compile(r"^\s*(\d{1,2}\s*[.．、]|[（(]\d{1,2}[)）])\s*")
_ITEM_SPLIT = lazy_compile(r"\s{2,}|\u3000+|[；;]|(?=\s\d{1,2}\s*[.．、])")
_EXTENSION = lazy_compile(r"\.(pdf|docx?|wps|xlsx?|txt|html?|md)$", re.I)
_NOT_NAME = lazy_compile(r"[\s《》〈〉“”\"'「」『』·・:：,，、.．\-—–_（）()\[\]【】]")
# Editorial marks in brackets say which cut or stage of a text a name means: 附件：…实施日期
# （节录） names the list titled …实施日期. A stage names another text than the final one, so
# a title must agree with a name's stage: a draft's notice does not name the law it became.
CUT_MARKS = ("节录", "节选", "摘录", "摘编")
STAGE_MARKS = ("征求意见稿", "送审稿", "报批稿", "讨论稿", "草案", "草稿", "修订稿", "修改稿", "试行")


def _marks(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"[（(〔【\[]\s*(?:%s)\s*[)）〕】\]]" % "|".join(words))


_ANY_MARK, _CUT_MARK = _marks(CUT_MARKS + STAGE_MARKS), _marks(CUT_MARKS)
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


def key(name: str, marks: re.Pattern = _ANY_MARK) -> str:
    """An attachment name as compared: folded, without extension, editorial marks (unless
    the name is nothing else: 附件：（征求意见稿）), punctuation or spaces."""
    plain = _plain(name, marks)
    return plain if len(plain) >= MIN_NAME else _plain(name)


def _plain(name: str, marks: re.Pattern | None = None) -> str:
    """Folded, without extension, punctuation, spaces and the marks given."""
    name = fold(_EXTENSION.sub("", name.strip()))
    return _NOT_NAME.sub("", marks.sub("", name) if marks else name)


def _stem(path: str) -> str:
    # A file's marks are kept: 1. 征求意见稿 names 再生氧化镨钕（征求意见稿）.docx.
    return _plain(PurePosixPath(path).name)


def keys_naming(path: str, title: str = "") -> set[str]:
    """Every attachment key that names the file at `path` (see names_file): the pieces of its
    name; with `title`, the ends of its title too (see names_title)."""
    stem = _stem(path)[:MAX_KEY]
    pieces = {stem[a:b] for a in range(len(stem)) for b in range(a + MIN_NAME, len(stem) + 1)}
    ends = (form[-MAX_KEY:] for form in _title_forms(title))
    return pieces | {end[a:] for end in ends for a in range(len(end) - MIN_NAME + 1)}


def names_file(name: str, path: str) -> bool:
    """Whether an attachment name is the file at `path`: the file's name is it, or holds it
    ("编制说明" is "再生氧化镨钕编制说明.pdf")."""
    wanted = key(name)
    return bool(wanted) and wanted in _stem(path)


def names_title(name: str, title: str) -> bool:
    """Whether an attachment name is a document's title: the title is it, or ends with it after
    a heading (工业和信息化部公告2019年第33号附件：稀土行业标准编号、名称及实施日期)."""
    wanted = key(name, _CUT_MARK)
    return bool(wanted) and any(form.endswith(wanted) for form in _title_forms(title))


def names(name: str, path: str, title: str) -> bool:
    """Whether an attachment name is the document at `path` titled `title`."""
    return names_file(name, path) or names_title(name, title)


def _title_forms(title: str) -> set[str]:
    """A title as compared, with and without its editorial marks."""
    return {form for form in (_plain(title), _plain(title, _ANY_MARK)) if form}
