"""Bytes → text: BOMs, declared charsets, and the GB family, without mangling."""
from __future__ import annotations

import codecs
import re

from indexer.errors import NotADocument, ReadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# GB2312 and GBK are subsets of GB18030; pages that declare the older names
# routinely contain characters only the newer tables have.
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
            "gb_2312-80": "gb18030", "utf8": "utf-8"}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def canonical_encoding(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(_ALIASES.get(name, name)).name
    except LookupError:
        return None
    return _ALIASES.get(name, name)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Return (text, encoding used, notes on what was repaired)."""
    if not data.strip():
        raise NotADocument("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(name, errors="replace"), name, [])
    if b"\x00" in data[:8192]:
        raise NotADocument("binary file (NUL bytes, no UTF-16 byte-order mark)")
    declared_name = canonical_encoding(declared)
    notes: list[str] = []
    # Strict UTF-8 is the strongest evidence there is: GB text almost never
    # happens to be valid UTF-8, so it wins even over a wrong declaration.
    candidates = ["utf-8"] + ([declared_name] if declared_name not in (None, "utf-8") else []) + ["gb18030"]
    for name in dict.fromkeys(candidates):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        text, name = _plausible(data, text, name)
        if name == "gb18030":
            text, name = _detected(data, text)
        if declared_name and name != declared_name:
            notes.append(f"declared charset {declared} but content is {name}")
        elif name not in candidates:
            notes.append(f"no charset declared; content is {name}")
        return _checked(text, name, notes)
    text = data.decode("utf-8", errors="replace")
    notes.append(f"undecodable bytes replaced ({text.count(chr(0xFFFD))} characters)")
    return _checked(text, "utf-8", notes)


# Legacy encodings decode almost any bytes without error, so a wrong one shows
# only in what it yields: private-use characters (Big5 read as GB18030) or
# runs of accented Latin letters (GBK read as ISO-8859-1) in a Chinese page.
_ODD = re.compile(r"[\ue000-\uf8ff\u0080-\u00ff]")
_LIKELY = ("gb18030", "big5", "shift_jis", "euc_kr")


def _plausible(data: bytes, text: str, encoding: str) -> tuple[str, str]:
    """The decoding with the fewest odd characters, when the first one has many."""
    odd = len(_ODD.findall(text))
    if encoding == "utf-8" or odd < 2:
        return text, encoding
    best = (odd, text, encoding)
    for name in _LIKELY:
        try:
            other = data.decode(name)
        except UnicodeDecodeError:
            continue
        count = len(_ODD.findall(other))
        if count * 4 < best[0]:
            best = (count, other, name)
    return best[1], best[2]


# What a detector may find instead of GB18030, which decodes most double-byte
# text of other CJK encodings without error, as Han characters in no order: the
# codec it names, and the name a note gives it.
_OTHER_CJK = {"big5": "big5", "big5hkscs": "big5", "cp950": "big5", "shift_jis": "shift_jis",
              "cp932": "shift_jis", "shift_jis_2004": "shift_jis", "euc_jp": "euc_jp",
              "euc_jis_2004": "euc_jp", "euc_kr": "euc_kr", "cp949": "euc_kr", "johab": "euc_kr"}
# How much more chaotic (charset-normalizer's measure of implausible characters
# and sequences, 0 to 1) the GB18030 reading must be before another is taken;
# short texts read about equally well either way and stay GB18030.
MIN_CHAOS_MARGIN = 0.05


def _detected(data: bytes, text: str) -> tuple[str, str]:
    """GB18030's reading, unless a detector finds another CJK encoding far more plausible:
    Shift_JIS or EUC-KR pages without a charset, Big5 declared as GB2312."""
    from charset_normalizer import from_bytes  # loaded only for text that is not UTF-8

    matches = {m.encoding: m for m in from_bytes(data, cp_isolation=["gb18030", *_OTHER_CJK])}
    gb = matches.get("gb18030")
    others = [m for name, m in matches.items() if name in _OTHER_CJK]
    if not others:
        return text, "gb18030"
    best = min(others, key=lambda m: m.chaos)
    if gb is not None and gb.chaos - best.chaos < MIN_CHAOS_MARGIN:
        return text, "gb18030"
    try:
        return data.decode(best.encoding), _OTHER_CJK[best.encoding]
    except UnicodeDecodeError:
        return text, "gb18030"


def _checked(text: str, encoding: str, notes: list[str]) -> tuple[str, str, list[str]]:
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > len(sample) * 0.05:
        raise NotADocument("binary file (control characters)")
    if sample.count("\ufffd") > max(8, len(sample) * 0.05):
        raise ReadError(f"not text in any supported encoding (tried {encoding})")
    if not text.strip():
        raise NotADocument("no text")
    return text, encoding, notes


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([\w-]+)""")


def declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    match = _XML_DECL.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None
