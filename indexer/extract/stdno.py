"""Standard numbers (GB/T 13560-2017, XB/T 505-2011, T/CSRE 10001-2021, ISO 22444-1:2020).

Numbers are found in the text as written (full-width forms, dash variants,
missing or extra separators) and reduced to one canonical spelling.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from indexer.lazyre import lazy_compile

# Chinese national and sector codes.  Sector codes are a closed list so that
# ordinary two-letter abbreviations followed by a number are not taken for
# standards.
CN_CODES = (
    "GB", "XB", "YS", "JB", "HG", "HJ", "SJ", "YB", "DZ", "NB", "QB", "SH", "JC", "JG",
    "DL", "MT", "SY", "WS", "GA", "AQ", "EJ", "HB", "JT", "TB", "CJ", "SN", "NY", "LY",
    "GY", "QC", "FZ", "BB", "WB", "SB", "JR", "YD", "CB", "JJF", "JJG", "GBZ",
)
# Codes accepted with neither "/T" nor a year ("GB 18030").
YEARLESS_OK = ("GB", "GBZ")
# International prefixes, canonical spelling.  These write the year after ":".
ISO_PREFIXES = ("ISO", "IEC")
ISO_SUBTYPES = ("IEC", "TS", "TR", "PAS", "GUIDE")
# Cue words introducing the standards a document replaces.
REPLACE_CUES = ("代替", "替代", "取代", "replaces", "replacing", "supersedes", "superseding",
                "supersede", "replace", "in place of")
# Joins between numbers in a replaced-standards list, including a title in
# 《》 or brackets after each number.
REPLACE_JOIN = r"(?:\s|[、,，;；和及]|以及|and|《[^》\n]{0,80}》|[(（][^)）\n]{0,80}[)）])*"

_FW = {0xFF01 + i: 0x21 + i for i in range(94)} | {0x3000: 0x20}
_D = "[0-9０-９]"
_SP = r"[ \t\u3000\xa0]"
_DASH = "[-‐‑‒–—―－~～]"


def _ci(word: str) -> str:
    """Case-insensitive, full-width-tolerant pattern for an ASCII word."""
    out = []
    for c in word:
        variants = {c.upper(), c.lower(), chr(ord(c.upper()) + 0xFEE0), chr(ord(c.lower()) + 0xFEE0)}
        out.append("[" + "".join(sorted(variants)) + "]")
    return "".join(out)


def _fw_upper(word: str) -> str:
    """Upper-case only pattern (ISO must be capitalised), full width tolerated."""
    return "".join(f"[{c}{chr(ord(c) + 0xFEE0)}]" for c in word)


_SLASH = f"{_SP}*[/／]{_SP}*"
_CN_NUMBER = rf"(?P<num>{_D}{{1,6}}(?:[.．]{_D}{{1,4}})*)"
_CN_TAIL = (
    rf"{_CN_NUMBER}(?:(?P<ysep>{_SP}*{_DASH}{_SP}*)(?P<year>{_D}{{4}}|{_D}{{2}})"
    rf"|{_SP}+(?P<year2>{_D}{{4}}))?(?![0-9０-９]|[.．][0-9０-９])"
)


def _after_first_letter(words: tuple[str, ...]) -> str:
    """Alternation of codes whose first letter STD_RE has already consumed.

    STD_RE starts with a plain character class so the regex engine can jump
    to candidate letters; each alternative re-checks that letter with a
    lookbehind and then matches the rest of the code.
    """
    branches = []
    for word in sorted(words, key=len, reverse=True):
        pattern = _ci if word.startswith("GB") else _fw_upper
        branches.append(f"(?<={pattern(word[0])}){pattern(word[1:])}")
    return "|".join(branches)


_LEADS = sorted({code[0] for code in CN_CODES + ISO_PREFIXES + ("DB", "T")})
_LEAD = "[" + "".join(_LEADS) + "".join(chr(ord(c) + 0xFEE0) for c in _LEADS) + "gｇtｔ]"
_ISO_SUB = "|".join(_fw_upper(c) for c in ISO_SUBTYPES)

_CN_FORM = (
    # GB/T 13560-2017, GBT 13560-2017, GB T 13560 2017, XB/T 505-2011, DB15/T 1234-2017
    rf"(?P<org>{_after_first_letter(CN_CODES)}|(?<=[DＤ])(?P<db>[BＢ]){_SP}*(?P<region>{_D}{{2}}))"
    rf"(?:(?:{_SLASH}|{_SP}?)(?P<kind>[TZtzＴＺｔｚ])(?![A-Za-zＡ-Ｚａ-ｚ]))?(?P<gap>{_SP}*){_CN_TAIL}"
)
_GROUP_FORM = (
    # T/CSRE 10001-2021
    rf"(?<=[TtＴｔ])(?P<t>){_SLASH}(?P<torg>[A-Za-zＡ-Ｚａ-ｚ]{{2,12}})(?![0-9０-９])(?P<tgap>{_SP}*)"
    rf"(?P<tnum>{_D}{{1,6}}(?:[.．]{_D}{{1,4}})*)(?:(?P<tysep>{_SP}*{_DASH}{_SP}*)(?P<tyear>{_D}{{4}}|{_D}{{2}})"
    rf"|{_SP}+(?P<tyear2>{_D}{{4}}))?(?![0-9０-９]|[.．][0-9０-９])"
)
_ISO_FORM = (
    # ISO 22444-1:2020, ISO/TS 1234, IEC 60404-8-1:2015
    rf"(?P<iso>{_after_first_letter(ISO_PREFIXES)})(?:{_SLASH}(?P<isub>{_ISO_SUB}))?{_SP}*"
    rf"(?P<inum>{_D}{{1,6}}(?:(?:{_DASH}|[.．](?={_D}{{1,4}}{_SP}*[:：]))?{_D}{{1,4}}|[(（]{_D}{{1,4}}[)）])*)(?:{_SP}*[:：]{_SP}*(?P<iyear>{_D}{{4}}))?(?![0-9０-９])"
)
_DIGIT_RE = re.compile(_D)
STD_RE = lazy_compile(rf"(?P<lead>{_LEAD})(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９].)(?:{_CN_FORM}|{_GROUP_FORM}|{_ISO_FORM})")


def _replace_cue_branch(cue: str) -> str:
    # English cues are matched capitalised or not ("Replaces", "replaces").
    first = "".join(sorted({cue[0], cue[0].upper()}))
    rest = r"\s+".join(re.escape(word) for word in cue[1:].split(" "))
    return f"(?<=[{first}]){rest}"


_REPLACE_CUE_RE = lazy_compile(
    "[" + "".join(sorted({c[0] for c in REPLACE_CUES} | {c[0].upper() for c in REPLACE_CUES})) + "]"
    "(?:" + "|".join(_replace_cue_branch(c) for c in sorted(REPLACE_CUES, key=len, reverse=True)) + ")"
)
_REPLACE_JOIN_RE = lazy_compile(REPLACE_JOIN + r"\Z", re.IGNORECASE)
# Text allowed between a cue and the first number: "代替 GB/T …", "replaces the
# former", "代替的标准为：".
_REPLACE_LEAD_RE = lazy_compile(r"(?:\s|[:：]|了|标准|的|为|是|the|former|previous|standard|standards)*\Z",
                              re.IGNORECASE)


@dataclass(frozen=True)
class StdNo:
    prefix: str
    number: str
    year: str | None

    @property
    def code(self) -> str:
        return f"{self.prefix} {self.number}"

    @property
    def canonical(self) -> str:
        if self.year is None:
            return self.code
        sep = ":" if is_iso_family(self.prefix) else "-"
        return f"{self.code}{sep}{self.year}"


def is_iso_family(prefix: str) -> bool:
    return prefix.split("/")[0] in ISO_PREFIXES


def ascii_fold(s: str) -> str:
    """Full-width ASCII forms and the ideographic space to plain ASCII."""
    return s.translate(_FW)


def full_year(raw: str) -> str | None:
    """Four-digit year from a 4- or old-style 2-digit year, None if implausible."""
    raw = ascii_fold(raw)
    if len(raw) == 2:
        # two-digit years belong to standards from before 2000 (GB 1234-88)
        year = 1900 + int(raw)
        return str(year) if year >= 1950 else None
    return raw if 1900 <= int(raw) <= 2100 else None


def _dash_to_hyphen(s: str) -> str:
    return re.sub(_DASH, "-", s)


def _from_match(m: re.Match[str]) -> tuple[StdNo, int, int] | None:
    if m.group("iso") is not None:
        return _iso_from_match(m)
    if m.group("t") is not None:
        prefix = "T/" + ascii_fold(m.group("torg")).upper()
        number, year_raw, num_end = m.group("tnum"), m.group("tyear") or m.group("tyear2"), m.end("tnum")
        glued = not m.group("tgap")
    else:
        if m.group("db") is not None:
            org = "DB" + ascii_fold(m.group("region"))
        else:
            org = ascii_fold(m.group("lead") + m.group("org")).upper()
        kind = m.group("kind")
        prefix = f"{org}/{ascii_fold(kind).upper()}" if kind else org
        number, year_raw, num_end = m.group("num"), m.group("year") or m.group("year2"), m.end("num")
        # "GB18030" or "GB2312" with nothing between the letters and the digits
        # and no year is a character-set name, not a standard; a sector code
        # with neither /T nor a year is more often something else ("SH 600111").
        glued = not kind and (not m.group("gap") or org not in YEARLESS_OK)
    number = ascii_fold(number).replace("．", ".")
    year = full_year(year_raw) if year_raw else None
    if year is None:
        if glued:
            return None
        return StdNo(prefix, number, None), m.start(), num_end
    return StdNo(prefix, number, year), m.start(), m.end()


def _iso_from_match(m: re.Match[str]) -> tuple[StdNo, int, int] | None:
    prefix = ascii_fold(m.group("lead") + m.group("iso"))
    if m.group("isub"):
        prefix += "/" + ascii_fold(m.group("isub"))
    # Parts are written ISO 22444.1:2020 or IEC 60050(221):1990 as well as with a hyphen.
    inum = re.sub(r"[.(]", "-", ascii_fold(m.group("inum")).replace("．", ".").replace("（", "(")).rstrip(")）")
    parts = _dash_to_hyphen(re.sub(r"[)）]", "", inum)).split("-")
    year = full_year(m.group("iyear")) if m.group("iyear") else None
    end = m.end()
    if m.group("iyear") and year is None:
        end = m.end("inum")
    elif year is None and len(parts) > 1 and len(parts[-1]) == 4 and full_year(parts[-1]):
        # "ISO 14001-2015": Chinese texts often write the ISO year after a dash
        year = parts.pop()
    return StdNo(prefix, "-".join(parts), year), m.start(), end


def find_std_nos(text: str) -> list[tuple[StdNo, int, int]]:
    """Every standard number in text with its span, in text order."""
    if not _DIGIT_RE.search(text):
        return []   # every form has digits; a text without them need not compile STD_RE
    found = []
    for m in STD_RE.finditer(text):
        item = _from_match(m)
        if item is not None:
            found.append(item)
    return found


def parse_std_no(s: str) -> StdNo | None:
    """The standard number that makes up the whole of s (whitespace aside)."""
    s = s.strip()
    m = STD_RE.fullmatch(s)
    if m is None:
        return None
    item = _from_match(m)
    if item is None or item[2] != len(s):
        return None
    return item[0]


def find_replaces(text: str) -> list[StdNo]:
    """Standards the text says it replaces ("代替GB/T 13560-2009", "supersedes ...").

    Only numbers in an unbroken list right after the cue count, so the
    normative references and comparisons ("与GB/T 13560-2009相比") are left out.
    """
    cue_ends = [m.end() for m in _REPLACE_CUE_RE.finditer(text)]
    if not cue_ends:
        return []
    nos = find_std_nos(text)
    starts = [start for _, start, _ in nos]
    out: list[StdNo] = []
    for pos in cue_ends:
        allowed = _REPLACE_LEAD_RE
        for std, start, end in nos[bisect_left(starts, pos):]:
            if not allowed.match(text, pos, start):
                break
            if std not in out:
                out.append(std)
            pos = end
            allowed = _REPLACE_JOIN_RE
    return out
