"""Standard and document numbers as people type them into a search box.

Extraction (indexer.extract.stdno, .docno) reads numbers as documents print them; a query is
looser: gbt20892, xb/t 231, t-csre-10004, iso22444, 785号令, 国务院785号令, decree 785,
商务部 2025 61号, No. 62 of 2025. Each loose number is read into the parts that identify it —
a standard's prefix, number and year; a document's kind (令), year and serial number — and
matched against the numbers the index stores in canonical form. A standard number without a
part (GB/T 18115) finds every part of the series.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh import query as Q

from indexer.extract.stdno import StdNo, parse_std_no

# A prefix as typed, its letters then optional separators; the canonical prefix comes from
# taking the letters alone.
_STD = re.compile(
    r"(?<![a-z0-9])(?P<prefix>gb\s*[/_-]?\s*[tz]|gb|xb\s*[/_-]?\s*t|ys\s*[/_-]?\s*t|t\s*[/_-]?\s*csre"
    r"|iso(?:\s*/\s*ts)?|db\s*\d{2}(?:\s*/?\s*t)?)"
    r"[\s/_-]*(?P<number>\d{1,6}(?:\.\d{1,3})*(?:-\d{1,2}(?=\D|$))?)"
    r"(?:\s*[-—–:：]\s*(?P<year>(?:19|20)\d{2}|\d{2}))?(?![0-9])",
    re.I,
)
_CANONICAL_PREFIX = {"gbt": "GB/T", "gbz": "GB/Z", "gb": "GB", "xbt": "XB/T", "yst": "YS/T",
                     "tcsre": "T/CSRE", "iso": "ISO", "isots": "ISO/TS"}

_DIGITS = r"[0-9]{1,5}"
_ORDER = re.compile(rf"(?:第\s*)?(?P<n>{_DIGITS})\s*号\s*令|令\s*第?\s*(?P<n2>{_DIGITS})\s*号?"
                    rf"|\b(?:decree|order)\s*(?:no\.?|number|#)?\s*(?P<n3>{_DIGITS})\b", re.I)
_YEAR_SERIAL = re.compile(
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


# A prefix typed without its /T: people often mean the recommended standard.
WITHOUT_T = ("GB", "XB", "YS")


def _std_query(prefix: str, number: str, year: str | None) -> tuple[str, Q.Query] | None:
    letters = re.sub(r"[\s/_-]", "", prefix).lower()
    if letters.startswith("db"):
        canonical_prefix = "DB" + letters[2:4] + ("/T" if letters.endswith("t") else "")
    else:
        canonical_prefix = _CANONICAL_PREFIX.get(letters)
    if canonical_prefix is None:
        return None
    prefixes = [canonical_prefix] + ([canonical_prefix + "/T"] if canonical_prefix in WITHOUT_T else [])
    made = [_one_std(p, number, year) for p in prefixes]
    made = [m for m in made if m is not None]
    if not made:
        return None
    return made[0][0], made[0][1] if len(made) == 1 else Q.Or([q for _, q in made])


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
    return Q.Or([Q.Term(fieldname, code, boost=boost), Q.Prefix(fieldname, code + part, boost=boost)])


def _doc_query(patterns: list[str]) -> Q.Query:
    """The document with a number of these forms; weaker, the texts that cite one."""
    return Q.Or([Q.Wildcard("doc_no", p) for p in patterns] +
                [Q.Wildcard("mentions", p, boost=0.1) for p in patterns])


def find_loose_numbers(text: str) -> list[LooseNumber]:
    """Loose standard and document numbers in a query, in order, not overlapping."""
    found: list[LooseNumber] = []

    def free(a: int, b: int) -> bool:
        return not any(n.start < b and a < n.end for n in found)

    for m in _STD.finditer(text):
        made = _std_query(m.group("prefix"), m.group("number"), m.group("year"))
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
