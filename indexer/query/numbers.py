"""Standard and document numbers as people type them into a search box.

Extraction (indexer.extract.stdno, .docno) reads numbers as documents print them; a query is
looser: gbt20892, xb/t 231, t-csre-10004, iso22444 part 2, gb 18115-6, tcsre 10001-21,
785号令, 国务院785号令, decree 785, 商务部 2025 61号, No. 62 of 2025. Each loose number is read into the parts that identify it —
a standard's prefix, number and year; a document's kind (令), year and serial number — and
matched against the numbers the index stores in canonical form. A standard number without a
part (GB/T 18115) finds every part of the series.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from whoosh import query as Q
from whoosh.matching import NullMatcher

from indexer.extract.stdno import StdNo, parse_std_no
from indexer.lazyre import lazy_compile

# A prefix as typed, its letters then optional separators; the canonical prefix comes from
# taking the letters alone.
_STD = lazy_compile(
    r"(?<![a-z0-9])(?P<prefix>gb\s*[/_-]?\s*[tz]|gb|xb\s*[/_-]?\s*t|ys\s*[/_-]?\s*t|t\s*[/_-]?\s*csre"
    r"|iso(?:\s*/\s*ts)?|db\s*\d{2}(?:\s*/?\s*t)?)"
    r"[\s/_-]*(?P<number>\d{1,6}(?:\.\d{1,3})*)(?:-(?P<dash>\d{1,2})(?=\D|$))?"
    r"(?:[\s,]*(?:part|pt\.?)\s*(?P<part>\d{1,2})|\s*第\s*(?P<part_zh>\d{1,2})\s*部分)?"
    r"(?:\s*[-—–:：]\s*(?P<year>(?:19|20)\d{2}|\d{2}))?(?![0-9])",
    re.I,
)
_CANONICAL_PREFIX = {"gbt": "GB/T", "gbz": "GB/Z", "gb": "GB", "xbt": "XB/T", "yst": "YS/T",
                     "tcsre": "T/CSRE", "iso": "ISO", "isots": "ISO/TS"}

_DIGITS = r"[0-9]{1,5}"
_ORDER = lazy_compile(rf"(?:第\s*)?(?P<n>{_DIGITS})\s*号\s*令|令\s*第?\s*(?P<n2>{_DIGITS})\s*号?"
                    rf"|\b(?:decree|order)\s*(?:no\.?|number|#)?\s*(?P<n3>{_DIGITS})\b", re.I)
_YEAR_SERIAL = lazy_compile(
    rf"(?P<y>(?:19|20)\d\d)\s*(?:年度?)?\s*[〕\])）】\s]*\s*第?\s*(?P<n>{_DIGITS})\s*号"
    rf"|\bno\.?\s*(?P<n2>{_DIGITS})\s*(?:of|,)?\s*(?P<y2>(?:19|20)\d\d)\b"
    rf"|\b(?P<y3>(?:19|20)\d\d)\s*(?:no\.?|number|#)\s*(?P<n3>{_DIGITS})\b",
    re.I,
)


@dataclass(frozen=True)
class LooseNumber:
    start: int
    end: int
    written: str
    label: str  # how --explain names it: GB/T 18115 (series), 令第785号, 2025年第61号
    query: Q.Query


class _KeepsBoost:
    """A pattern query whose boost counts: Whoosh drops it when the pattern expands to one
    term and leaves it on an Or of terms, which does not apply it, so a number found by a
    pattern would rank with a word of the text."""

    def matcher(self, searcher, context=None):
        terms = [Q.Term(self.fieldname, text, boost=self.boost) for text in self._btexts(searcher.reader())]
        if not terms:
            return NullMatcher()
        return (terms[0] if len(terms) == 1 else Q.Or(terms)).matcher(searcher, context)


class Prefix(_KeepsBoost, Q.Prefix):
    pass


class Wildcard(_KeepsBoost, Q.Wildcard):
    pass


# A prefix typed without its /T: people often mean the recommended standard.
WITHOUT_T = ("GB", "XB", "YS")


def _std_query(m: re.Match) -> tuple[str, Q.Query] | None:
    letters = re.sub(r"[\s/_-]", "", m.group("prefix")).lower()
    canonical_prefix: str | None
    if letters.startswith("db"):
        canonical_prefix = "DB" + letters[2:4] + ("/T" if letters.endswith("t") else "")
    else:
        canonical_prefix = _CANONICAL_PREFIX.get(letters)
    if canonical_prefix is None:
        return None
    prefixes = [canonical_prefix] + ([canonical_prefix + "/T"] if canonical_prefix in WITHOUT_T else [])
    read = [_one_std(p, number, year) for p in prefixes for number, year in _readings(p, m)]
    made = [one for n, one in enumerate(read) if one is not None and one not in read[:n]]
    if not made:
        return None
    return made[0][0], made[0][1] if len(made) == 1 else Q.Or([q for _, q in made])


def _readings(prefix: str, m: re.Match) -> list[tuple[str, str | None]]:
    """The (number, year) pairs a typed number can mean. "part 2" and 第2部分 are parts; so is
    a dash after the number of an ISO standard (22444-2). Elsewhere one digit after a dash is
    a part (18115-6 is 18115.6) and two are a year written short (20001-23) or a part
    (18115-12): both are searched, the year first."""
    number, dash, year = m.group("number"), m.group("dash"), _full_year(m.group("year"))
    part = m.group("part") or m.group("part_zh")
    joint = "-" if prefix.startswith("ISO") else "."
    if part:
        return [(f"{number}{joint}{int(part)}", year)]
    if dash is None:
        return [(number, year)]
    readings = [(f"{number}{joint}{int(dash)}", year)]
    if len(dash) == 2 and year is None and joint == ".":
        readings.insert(0, (number, _full_year(dash)))
    return readings


def _full_year(year: str | None) -> str | None:
    """A year as standards print it: 2023 for 23, 1999 for 99 (a standard is not dated
    more than a year ahead)."""
    if year is None or len(year) == 4:
        return year
    short = int(year)
    return str((2000 if short <= date.today().year % 100 + 1 else 1900) + short)


def _one_std(prefix: str, number: str, year: str | None) -> tuple[str, Q.Query] | None:
    sep = ":" if prefix.startswith("ISO") else "-"
    std = parse_std_no(f"{prefix} {number}" + (f"{sep}{year}" if year else ""))
    return (std_label(std), std_query(std)) if std is not None else None


def std_label(std: StdNo) -> str:
    return std.canonical if std.year else f"{std.code} (every version and part)"


def std_query(std: StdNo, mention_boost: float = 0.1) -> Q.Query:
    """The standard itself, or without a year every version of it and of its parts
    (GB/T 18115 finds GB/T 18115.1-2020); then, weaker, the texts that cite it."""
    return Q.Or([std_terms(std, "std"), std_terms(std, "mentions", mention_boost)])


def std_terms(std: StdNo, fieldname: str, boost: float = 1.0) -> Q.Query:
    if std.year:
        return Q.Term(fieldname, std.canonical.lower(), boost=boost)
    code = std.code.lower()
    part = "-" if std.code.startswith("ISO") else "."
    return Q.Or([Q.Term(fieldname, code, boost=boost), Prefix(fieldname, code + part, boost=boost)])


def _doc_query(patterns: list[str]) -> Q.Query:
    """The document with a number of these forms; weaker, the texts that cite one."""
    return Q.Or([Wildcard("doc_no", p) for p in patterns] +
                [Wildcard("mentions", p, boost=0.1) for p in patterns])


def find_loose_numbers(text: str) -> list[LooseNumber]:
    """Loose standard and document numbers in a query, in order, not overlapping."""
    found: list[LooseNumber] = []

    def free(a: int, b: int) -> bool:
        return not any(n.start < b and a < n.end for n in found)

    for m in _STD.finditer(text):
        made = _std_query(m)
        if made and free(m.start(), m.end()):
            found.append(LooseNumber(m.start(), m.end(), m.group(), made[0], made[1]))
    for m in _ORDER.finditer(text):
        n = str(int(m.group("n") or m.group("n2") or m.group("n3")))
        if free(m.start(), m.end()):
            found.append(LooseNumber(m.start(), m.end(), m.group(), f"令第{n}号", _doc_query([f"*令第{n}号"])))
    for m in _YEAR_SERIAL.finditer(text):
        year = m.group("y") or m.group("y2") or m.group("y3")
        n = str(int(m.group("n") or m.group("n2") or m.group("n3")))
        if free(m.start(), m.end()):
            found.append(LooseNumber(m.start(), m.end(), m.group(), f"{year}年第{n}号",
                                     _doc_query([f"*{year}年第{n}号", f"*〔{year}〕{n}号"])))
    return sorted(found, key=lambda n: n.start)
