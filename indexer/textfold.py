"""Character folding shared by extraction, indexing and querying.

Two kinds of folding:

* ``fold`` maps one character to one character (full-width to half-width,
  traditional to simplified, upper to lower case). Because it never changes
  the length of a string, offsets in the folded text are offsets in the
  original, which is what snippets and highlighting rely on.
* ``safe_nfkc`` is the normalization applied to a record's stored text: NFKC
  for compatibility characters, but Chinese punctuation keeps its full-width
  form, since folding ，。：（） to ASCII would change how the text reads.
"""
from __future__ import annotations

import functools
import hashlib
import unicodedata
from importlib import resources

# Full-width punctuation that belongs to Chinese typography and must stay as is
# in stored text (it is still folded for matching).
_CJK_PUNCT = set("，。、；：？！（）【】《》〈〉「」『』〔〕…—～·“”‘’")


def _opencc_pairs() -> dict[str, str]:
    # OpenCC's traditional→simplified character table: one line per character,
    # the first candidate is the usual simplified form.
    text = resources.files("opencc").joinpath("dictionary/TSCharacters.txt").read_text("utf-8")
    pairs = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1 and parts[0] != parts[1]:
            pairs[parts[0]] = parts[1]
    return pairs


@functools.cache
def t2s_table() -> dict[int, str]:
    return {ord(t): s for t, s in _opencc_pairs().items()}


@functools.cache
def fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    table.update(t2s_table())
    for code in list(range(0x41, 0x5B)) + list(range(0xC0, 0xDF)):
        if code != 0xD7:  # multiplication sign has no lower case
            table[code] = chr(code + 0x20)
    # full-width capitals fold straight to lower case
    for code in range(0xFF21, 0xFF3B):
        table[code] = chr(code - 0xFEE0 + 0x20)
    return table


def fold(text: str) -> str:
    """Width, script and case folding; len(fold(s)) == len(s) always."""
    return text.translate(fold_table())


@functools.cache
def _nfkc_table() -> dict[int, str]:
    table = {}
    for code in range(0xA0, 0x10000):
        char = chr(code)
        if char in _CJK_PUNCT or 0xD800 <= code < 0xE000:
            continue
        norm = unicodedata.normalize("NFKC", char)
        if norm != char:
            table[code] = norm
    for char in _CJK_PUNCT:  # NFKC would make these ASCII; keep them
        table.pop(ord(char), None)
    return table


def safe_nfkc(text: str) -> tuple[str, int]:
    """NFKC where it does not change Chinese typography; returns (text, chars changed)."""
    text = unicodedata.normalize("NFC", text)
    out = text.translate(_nfkc_table())
    if out == text:
        return text, 0
    changed = sum(1 for a in text if ord(a) in _nfkc_table())
    return out, changed


def count_traditional(text: str) -> int:
    table = t2s_table()
    return sum(1 for char in text if ord(char) in table)


def is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F


FINGERPRINT_MIN = 40


def fingerprint(text: str) -> str:
    """What two copies of one text share whatever their encoding, script, width or layout:
    a hash of the folded text without spaces and punctuation; "" for a text too short to
    tell copies from different texts that say little."""
    kept = "".join(c for c in fold(text) if c.isalnum())
    return hashlib.sha1(kept.encode("utf-8")).hexdigest()[:16] if len(kept) >= FINGERPRINT_MIN else ""
