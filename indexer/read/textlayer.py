"""Is a page's text layer text? Scanned pages have none; garbled ones have characters
that stand for glyphs, not for what they show.

A PDF whose CID font has no usable ToUnicode map yields "(cid:123)" runs (as other
tools write them), U+FFFD, private-use code points, or the bytes of a GBK string
read as Latin-1 ("±ê×¼"); a Chinese document then has pages with almost no Han
characters. None of that may be indexed as if it were the document's words.
"""
from __future__ import annotations

import re
import unicodedata

# Fewer visible characters than this and the page has no text layer to speak of.
MIN_VISIBLE = 8
# A page is garbled when this share of its visible characters are glyph stand-ins.
MAX_SUSPECT_SHARE = 0.2
# In a Chinese document a page of letters with less than this share of Han is a text
# layer in the wrong encoding.
MIN_HAN_SHARE_CHINESE = 0.05
# Letters from this many scripts on one page are glyph numbers read as code points;
# a page of Chinese with English and a Greek symbol has three.
MAX_SCRIPTS = 4

_CID = re.compile(r"\(cid:\d+\)")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Replacement character, private use areas, C1 controls, Latin-1 letters and signs
# (what GBK bytes read as Latin-1 become).
_SUSPECT = re.compile(r"[\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff\x80-\x9f\xa1-\xff]")
_VISIBLE = re.compile(r"\S")
_LETTER = re.compile(r"[^\W\d_]")
# Letters other than ASCII and Han: the only ones whose script needs looking up.
_OTHER_LETTER = re.compile(r"[^\W\d_\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def page_problem(text: str, chinese: bool) -> str | None:
    """Why a page's text is not to be indexed ("no text layer", "garbled text layer"), or None.

    `chinese` says the document is Chinese, so a page of non-Han letters is suspect."""
    visible = len(_VISIBLE.findall(_CID.sub("", text)))
    cids = len(_CID.findall(text))
    if visible + cids < MIN_VISIBLE:
        return "no text layer"
    suspect = cids + len(_SUSPECT.findall(text))
    if suspect / (visible + cids) > MAX_SUSPECT_SHARE:
        return "garbled text layer"
    if (chinese and _wrong_script(text)) or len(_scripts(text)) >= MAX_SCRIPTS:
        return "garbled text layer"
    return None


def _scripts(text: str) -> set[str]:
    """The scripts with at least two letters on the page, by the first word of their names."""
    counts: dict[str, int] = {}
    for letter in _OTHER_LETTER.findall(text):
        script = unicodedata.name(letter, "UNKNOWN").split()[0]
        counts[script] = counts.get(script, 0) + 1
    if _HAN.search(text):
        counts["CJK"] = 2
    if re.search(r"[A-Za-z].*[A-Za-z]", text, re.S):
        counts["LATIN"] = counts.get("LATIN", 0) + 2
    return {script for script, count in counts.items() if count >= 2}


def _wrong_script(text: str) -> bool:
    """Letters, but almost none of them Han, on a page of a Chinese document."""
    letters = _LETTER.findall(text)
    if len(letters) < 2 * MIN_VISIBLE:
        return False
    return len(_HAN.findall(text)) / len(letters) < MIN_HAN_SHARE_CHINESE


def is_chinese(pages: list[str]) -> bool:
    """Most readable letters across the pages are Han."""
    han = sum(len(_HAN.findall(page)) for page in pages)
    letters = sum(len(_LETTER.findall(page)) for page in pages)
    return letters > 0 and han / letters > 0.3
