"""Repairs for text scraped from web pages and document-sharing sites.

Two kinds of damage are common enough to undo before any field is read:

* pinyin annotations that some sites print after each character of a term,
  "標(biāo)準(zhǔn)", left in the text when it is copied;
* OCR spacing, "X B/T 2 1 5-2 0 0 6 发布", where a PDF's text layer puts a space
  between every character of a line;
* dates whose dashes were lost to "?" on the way (a PDF's U+2010 through a code
  page without it): "2025?08?01发布".
"""
from __future__ import annotations

import re

# A syllable of Hanyu Pinyin with a tone mark (or a tone number) in brackets
# right after a Chinese character.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(
    rf"(?<=[\u3400-\u9fff])\((?=[a-z{_TONED}ü]*[{_TONED}1-5])[a-z{_TONED}ü]{{1,7}}[1-5]?\)")
_LOST_DASH_DATE = re.compile(r"(?<![\d?])((?:19|20)\d{2})\?(0[1-9]|1[0-2])\?(0[1-9]|[12]\d|3[01])(?![\d?])")
# A stretch of a line is OCR-spaced when it is a run of at least OCR_MIN_TOKENS short
# tokens (a character, or two or three the layer kept together: "B/T", "5-2"), most of
# them single characters.
OCR_MIN_TOKENS = 4
OCR_TOKEN_MAX = 3
OCR_SINGLE_SHARE = 0.6
_TOKEN = re.compile(r"\S+")


def strip_pinyin(text: str) -> tuple[str, int]:
    """Text without pinyin annotations after characters; returns (text, annotations removed)."""
    out, count = _PINYIN.subn("", text)
    return out, count


def collapse_ocr_spacing(text: str) -> tuple[str, int]:
    """Character-spaced stretches of lines joined up; returns (text, lines changed)."""
    changed = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        joined = _join_spaced_runs(line)
        if joined != line:
            lines[i] = joined
            changed += 1
    return "\n".join(lines), changed


def _join_spaced_runs(line: str) -> str:
    tokens = list(_TOKEN.finditer(line))
    out, last, i = [], 0, 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and len(tokens[j].group()) <= OCR_TOKEN_MAX:
            j += 1
        run = tokens[i:j]
        single = sum(1 for t in run if len(t.group()) == 1 and t.group().isalnum())
        if len(run) >= OCR_MIN_TOKENS and single >= OCR_SINGLE_SHARE * len(run):
            # The token right after a run was glued to its last character by the layer.
            end = j + 1 if j < len(tokens) else j
            out.append(line[last:run[0].start()] + "".join(t.group() for t in tokens[i:end]))
            last = tokens[end - 1].end()
            i = end
        else:
            i = max(j, i + 1)
    return "".join(out) + line[last:] if out else line


def restore_date_dashes(text: str) -> tuple[str, int]:
    """"2025?08?01" back to "2025-08-01"; returns (text, dates restored)."""
    return _LOST_DASH_DATE.subn(r"\1-\2-\3", text)


def repair_scraped(text: str) -> tuple[str, list[str]]:
    """The repairs above, with a note for each one that changed something."""
    notes = []
    text, dashes = restore_date_dashes(text)
    if dashes:
        notes.append(f"lost-dashes: {dashes} dates written with '?' for '-' restored")
    text, pinyin = strip_pinyin(text)
    if pinyin:
        notes.append(f"pinyin: {pinyin} annotations after characters removed")
    text, spaced = collapse_ocr_spacing(text)
    if spaced:
        notes.append(f"ocr-spacing: {spaced} character-spaced lines joined")
    return text, notes
