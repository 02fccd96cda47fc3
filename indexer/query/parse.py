"""User query text and filter options → Whoosh queries."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from whoosh import query as Q
from whoosh.qparser import MultifieldParser

from indexer.errors import UsageError
from indexer.extract.dates import parse_date
from indexer.extract.docno import find_doc_nos
from indexer.extract.issuers import Registry
from indexer.extract.stdno import find_std_nos, parse_std_no
from indexer.index.schema import to_datetime
from indexer.query.phrase import AdjacentPhrase
from indexer.record import DOC_TYPES, LANGS, STATUSES

# An exact standard or document number outranks any amount of text matching.
NUMBER_BOOST = 50.0
MENTION_BOOST = 5.0


@dataclass
class Filters:
    issuers: list[str] = field(default_factory=list)
    doc_types: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    langs: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    std: str | None = None


@functools.cache
def _registry() -> Registry:
    return Registry.load()


def parse_query(text: str, schema) -> Q.Query:
    """The query for the user's text: numbers matched exactly, the rest as words and phrases."""
    _check_syntax(text)
    parts: list[Q.Query] = []
    rest = text
    for std, start, end in reversed(find_std_nos(text)):
        parts.append(_number_query("std", std.canonical if std.year else std.code, text[start:end], schema))
        rest = rest[:start] + " " + rest[end:]
    for number, start, end in reversed(find_doc_nos(rest)):
        parts.append(_number_query("doc_no", number, rest[start:end], schema))
        rest = rest[:start] + " " + rest[end:]
    if rest.strip():
        parsed = MultifieldParser(["title", "content"], schema, phraseclass=AdjacentPhrase).parse(rest)
        if parsed is not Q.NullQuery:
            parts.append(parsed)
    if not parts:
        raise UsageError(f"query {text!r} has nothing to search for")
    return parts[0] if len(parts) == 1 else Q.And(parts)


def _number_query(fieldname: str, value: str, written: str, schema) -> Q.Query:
    term = value.lower() if fieldname == "std" else value
    alternatives = [Q.Term(fieldname, term, boost=NUMBER_BOOST)]
    if fieldname == "std":
        alternatives.append(Q.Term("mentions", term, boost=MENTION_BOOST))
    alternatives.append(MultifieldParser(["content"], schema, phraseclass=AdjacentPhrase).parse(f'"{written}"'))
    return Q.Or(alternatives)


def _check_syntax(text: str) -> None:
    if not text.strip():
        raise UsageError("empty query")
    if text.count('"') % 2:
        raise UsageError(f"query syntax error: unbalanced quote in {text!r}")
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            break
    if depth != 0:
        raise UsageError(f"query syntax error: unbalanced parenthesis in {text!r}")


def filter_query(filters: Filters) -> Q.Query | None:
    terms: list[Q.Query] = []
    if filters.issuers:
        terms.append(Q.Or([Q.Term("issuer", resolve_issuer(name)) for name in filters.issuers]))
    for fieldname, values, allowed in (("doc_type", filters.doc_types, DOC_TYPES),
                                       ("status", filters.statuses, STATUSES),
                                       ("lang", filters.langs, LANGS)):
        for value in values:
            if value not in allowed:
                raise UsageError(f"unknown {fieldname} {value!r} (one of: {', '.join(allowed)})")
        if values:
            terms.append(Q.Or([Q.Term(fieldname, v) for v in values]))
    if filters.since or filters.until:
        start = _bound(filters.since, "since") if filters.since else None
        end = _bound(filters.until, "until") if filters.until else None
        if start and end and start > end:
            raise UsageError(f"--since {filters.since} is after --until {filters.until}")
        terms.append(Q.DateRange("issued", start, end))
    if filters.std:
        std = parse_std_no(filters.std)
        if std is None:
            raise UsageError(f"--std {filters.std!r} is not a standard number (e.g. GB/T 13560)")
        terms.append(Q.Term("std", (std.canonical if std.year else std.code).lower()))
    return Q.And(terms) if terms else None


def resolve_issuer(name: str) -> str:
    entry = _registry().resolve(name)
    if entry is None:
        raise UsageError(f"unknown issuer {name!r} (see `stdidx issuers` for the registry)")
    return entry.id


def _bound(text: str, which: str) -> datetime:
    value = parse_date(text)
    if value is None:
        raise UsageError(f"--{which}: {text!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    start = to_datetime(value.iso)
    if which == "since":
        return start
    # --until includes the whole day, month or year it names.
    if value.precision == "year":
        return datetime(start.year, 12, 31, 23, 59, 59)
    if value.precision == "month":
        following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return following - timedelta(seconds=1)
    return start + timedelta(days=1) - timedelta(seconds=1)
