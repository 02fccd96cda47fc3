"""Repairs for text scraped from web pages and document-sharing sites.

Two kinds of damage are common enough to undo before any field is read:

* pinyin annotations that some sites print after each character of a term,
  "標(biāo)準(zhǔn)", left in the text when it is copied;
* OCR spacing, "X B/T 2 1 5-2 0 0 6 发布", where a PDF's text layer puts a space
  between every character of a line.
"""
from __future__ import annotations

import re

# A syllable of Hanyu Pinyin with a tone mark (or a tone number) in brackets
# right after a Chinese character.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(
    rf"(?<=[\u3400-\u9fff])\((?=[a-z{_TONED}ü]*[{_TONED}1-5])[a-z{_TONED}ü]{{1,7}}[1-5]?\)")
# A line is OCR-spaced when most of its space-separated tokens are single characters.
OCR_MIN_TOKENS = 10
OCR_SINGLE_SHARE = 0.6


def strip_pinyin(text: str) -> tuple[str, int]:
    """Text without pinyin annotations after characters; returns (text, annotations removed)."""
    out, count = _PINYIN.subn("", text)
    return out, count


def collapse_ocr_spacing(text: str) -> tuple[str, int]:
    """Lines spaced character by character joined up; returns (text, lines changed)."""
    changed = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        tokens = line.split()
        if len(tokens) < OCR_MIN_TOKENS:
            continue
        single = sum(1 for t in tokens if len(t) == 1)
        if single / len(tokens) >= OCR_SINGLE_SHARE:
            lines[i] = "".join(tokens)
            changed += 1
    return "\n".join(lines), changed


def repair_scraped(text: str) -> tuple[str, list[str]]:
    """Both repairs, with a note for each one that changed something."""
    notes = []
    text, pinyin = strip_pinyin(text)
    if pinyin:
        notes.append(f"pinyin: {pinyin} annotations after characters removed")
    text, spaced = collapse_ocr_spacing(text)
    if spaced:
        notes.append(f"ocr-spacing: {spaced} character-spaced lines joined")
    return text, notes
