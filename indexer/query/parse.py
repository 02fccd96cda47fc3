"""User query text and filter options → Whoosh queries."""
from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Iterable

from whoosh import query as Q
from whoosh.qparser import MultifieldParser

from indexer.errors import UsageError
from indexer.extract.docno import find_doc_nos
from indexer.extract.stdno import find_std_nos, parse_std_no
from indexer.index.schema import to_datetime
from indexer.query.bestmatch import CONDITION, CONDITION_TEXT, BestMatch, BestOf, Graded
from indexer.query.concepts import (LOOSE_WEIGHT, MENTION_BOOST, NUMBER_BOOST, PARTS_WEIGHT, WEAK_SOURCES, Reading,
                                    boosted, read_query, stage_query)
from indexer.query.phrase import AdjacentPhrase
from indexer.extract.glossary import Glossary
from indexer.query.translate import Expansion, Unit, expand
from indexer.record import DOC_TYPES, LANGS, STAGE_FILTERS, STATUSES

if TYPE_CHECKING:
    from indexer.extract.issuers import Registry

# A body named in the query also finds the documents it issued, even when their text uses
# none of its names; a little weight, since naming a body in the text says more.
ISSUER_BOOST = 0.5
# Stands in for a glossary unit while Whoosh parses the query syntax around it: a digit
# inside keeps the analyzer from stemming it, and no text contains it.
_PLACEHOLDER = "zzgloss{}q"


@dataclass
class Filters:
    issuers: list[str] = field(default_factory=list)
    doc_types: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    langs: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    std: str | None = None
    cites: str | None = None  # a standard or document number the text cites
    # --as-of: a document issued after this day (YYYY-MM-DD) did not exist yet; undated ones stay
    existing_on: str | None = None
    stages: list[str] = field(default_factory=list)   # life stages (comments-open: deadline not passed)
    # Classification the documents state: an ICS code or its group (77.120 takes 77.120.99), a CCS
    # code or its class (H, H6), a technical committee (SAC/TC 229 or its name), a drafting unit.
    ics: list[str] = field(default_factory=list)
    ccs: list[str] = field(default_factory=list)
    committees: list[str] = field(default_factory=list)
    drafters: list[str] = field(default_factory=list)


@functools.cache
def _registry() -> Registry:
    # Imported when a filter names an issuer: most searches never need the registry.
    from indexer.extract.issuers import Registry

    return Registry.load()


def parse_query(text: str, schema, glossary: Glossary | None = None) -> Q.Query:
    """The query for the user's text: numbers matched exactly, the rest as words and phrases;
    with a glossary, each term also as its equivalents in the other language."""
    return build_query(text, schema, glossary)[0]


def build_query(text: str, schema, glossary: Glossary | None = None, literal: bool = False,
                today: date | None = None) -> tuple[Q.Query, "Expansion | Reading | None"]:
    """The query and what it was read as (None: searched as written, nothing expanded).

    Words typed without quotes or operators are read as concepts and matched best-first
    (indexer.query.concepts); explicit syntax, and `literal`, search the text as written:
    every word required, each run of Chinese characters one phrase."""
    if not text.strip():
        return Q.Every(), None  # no words: every document the filters let through
    check_syntax(text)
    if not literal and not _EXPLICIT.search(text):
        reading = read_query(text, glossary, today)
        if reading.concepts:
            return _best_match(reading, schema), reading
    return _written_query(text, schema, None if literal else glossary)


# Quotes, parentheses, operators and field prefixes: the user wrote a query, not words.
_EXPLICIT = re.compile(r'["()]|\b(?:AND|OR|NOT)\b|(?:^|\s)[a-z_]+:\S')


def _best_match(reading: Reading, schema) -> Q.Query:
    def either(queries: list[Q.Query]) -> Q.Query:
        queries = [q for q in queries if q is not Q.NullQuery]
        return queries[0] if len(queries) == 1 else BestOf(queries, tiebreak=0.0)

    def words_apart(words: list[str], weight: float) -> Q.Query:
        found = [q for q in (_phrase(w, schema) for w in words) if q is not Q.NullQuery]  # "of" is no word
        return boosted(Q.And(found), weight) if found else Q.NullQuery

    def text_query(concept) -> Q.Query:
        strong = [boosted(_phrase(form, schema), weight) for form, weight, source in concept.forms
                  if source not in WEAK_SOURCES]
        if concept.parts:
            strong.append(words_apart(concept.parts, PARTS_WEIGHT))
        weak = [boosted(_phrase(form, schema), weight) for form, weight, source in concept.forms
                if source in WEAK_SOURCES]
        weak += [words_apart(words.split(), LOOSE_WEIGHT) for words in concept.loose]
        strong, weak = [q for q in strong if q is not Q.NullQuery], [q for q in weak if q is not Q.NullQuery]
        if strong and weak:
            return Graded(either(strong), either(weak))
        return either(strong or weak)

    concepts, units, bonuses = [], [], [(_phrase(b, schema), 0) for b in reading.bonuses]
    for concept in reading.concepts:
        fields = [q for _, q in concept.fields]
        if concept.role == CONDITION and fields and concept.forms:
            # A condition's tier comes from the record's fields (issued by MIIT, in force);
            # its words in the text (工信部, 现行) only add relevance.
            concepts.append(either(fields))
            bonuses.append((text_query(concept), CONDITION_TEXT))
        else:
            in_text = [text_query(concept)] if concept.forms or concept.parts or concept.loose else []
            concepts.append(either(in_text + fields))
        # a word that only ranks (发布, "issued") counts as a condition's word in the text
        units.append(CONDITION_TEXT if concept.role == CONDITION and not fields else concept.role)
    q: Q.Query = BestMatch(concepts, units, bonuses)
    if reading.excluded:
        q = Q.AndNot(q, Q.Or([either([text_query(c)] + [f for _, f in c.fields]) for c in reading.excluded]))
    return q


def _written_query(text: str, schema, glossary: Glossary | None) -> tuple[Q.Query, Expansion | None]:
    parts: list[Q.Query] = []
    numbers: list[tuple[int, int]] = []
    rest = text
    # Numbers are blanked with as many spaces, so offsets in `rest` stay offsets in `text`.
    for std, start, end in reversed(find_std_nos(text)):
        parts.append(_number_query("std", std.canonical if std.year else std.code, text[start:end], schema))
        rest = _blank(rest, start, end)
        numbers.append((start, end))
    for number, start, end in reversed(find_doc_nos(rest)):
        parts.append(_number_query("doc_no", number, rest[start:end], schema))
        rest = _blank(rest, start, end)
        numbers.append((start, end))
    expansion = expand(text, glossary, skip=numbers) if glossary is not None else None
    groups: list[Q.Query] = []
    if expansion is not None:
        for start, end in expansion.dropped:
            rest = _blank(rest, start, end)
        groups = [_unit_query(unit, schema) for unit in expansion.units]
        for index, unit in reversed(list(enumerate(expansion.units))):
            rest = rest[:unit.start] + f" {_PLACEHOLDER.format(index)} " + rest[unit.end:]
    if rest.strip():
        parsed = _parse_written(rest, text, schema)
        if groups:
            parsed = _substitute(parsed, groups)
        if parsed is not Q.NullQuery:
            parts.append(parsed)
    if not parts:
        raise UsageError(f"query {text!r} has nothing to search for")
    return (parts[0] if len(parts) == 1 else Q.And(parts)), expansion


def _parse_written(rest: str, text: str, schema) -> Q.Query:
    try:
        return _parser(schema).parse(rest)
    except (IndexError, RecursionError):   # Whoosh's parser on operators with nothing to act on
        raise UsageError(f"query syntax error: operators without words in {text!r}") from None


def _parser(schema) -> MultifieldParser:
    return MultifieldParser(["title", "content"], schema, phraseclass=AdjacentPhrase)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _phrase(form: str, schema) -> Q.Query:
    return _parser(schema).parse('"' + form.replace('"', " ") + '"')


def _either(forms: list[str], schema, extra: Iterable[Q.Query] = ()) -> Q.Query:
    # The best-matching alternative scores, not their sum: a document that says a term in
    # both languages is not worth more than one that says it better in one.
    queries = [q for q in (_phrase(f, schema) for f in forms) if q is not Q.NullQuery] + list(extra)
    return queries[0] if len(queries) == 1 else BestOf(queries, tiebreak=0.0)


def _unit_query(unit: Unit, schema) -> Q.Query:
    if unit.parts:
        english = Q.And([_either(list(part.english()), schema) for part in unit.parts])
        return BestOf([_phrase(unit.written, schema), english], tiebreak=0.0)
    issuers = [Q.Term("issuer", ident, boost=ISSUER_BOOST) for ident in unit.issuer_ids]
    return _either(list(unit.alternatives), schema, issuers)


def _placeholder_index(q: Q.Query) -> int | None:
    """The unit a parsed query stands for: a placeholder term, or an Or of its field copies."""
    leaves = q.subqueries if isinstance(q, Q.Or) else [q]
    if not all(isinstance(leaf, Q.Term) for leaf in leaves) or len({leaf.text for leaf in leaves}) != 1:
        return None
    text = leaves[0].text
    prefix, suffix = _PLACEHOLDER.split("{}")
    if isinstance(text, str) and text.startswith(prefix) and text.endswith(suffix):
        return int(text[len(prefix):-len(suffix)])
    return None


def _substitute(q: Q.Query, groups: list[Q.Query]) -> Q.Query:
    index = _placeholder_index(q)
    if index is not None:
        return groups[index]
    if q.is_leaf():
        return q
    if not isinstance(q, Q.CompoundQuery):
        return q.apply(lambda child: _substitute(child, groups))
    # Whoosh flattens "a OR b" into one Or of every field copy, so a placeholder's copies
    # may sit beside other children: the first copy becomes the unit, the others go.
    children, seen = [], set()
    for child in q.subqueries:
        index = _placeholder_index(child)
        if index is None:
            children.append(_substitute(child, groups))
        elif index not in seen:
            seen.add(index)
            children.append(groups[index])
    replaced = copy.copy(q)
    replaced.subqueries = children
    return replaced


def _number_query(fieldname: str, value: str, written: str, schema) -> Q.Query:
    term = value.lower() if fieldname == "std" else value
    alternatives = [Q.Term(fieldname, term, boost=NUMBER_BOOST)]
    if fieldname == "std":
        alternatives.append(Q.Term("mentions", term, boost=MENTION_BOOST))
    alternatives.append(MultifieldParser(["content"], schema, phraseclass=AdjacentPhrase).parse(f'"{written}"'))
    return Q.Or(alternatives)


MAX_NESTING = 32                   # deeper, and parsing the query would exhaust the stack


def check_syntax(text: str) -> None:
    """Refuse, with a one-line reason, a query that cannot be searched (unbalanced quotes
    or parentheses, nesting too deep, an operator with nothing on one side)."""
    _check_syntax(text)
    if _DANGLING.search(text):
        raise UsageError(f"query syntax error: an operator with nothing on one side in {text!r}")


_DANGLING = re.compile(r"^\s*(?:AND|OR)\b|\b(?:AND|OR|NOT)\s*$|\b(?:AND|OR|NOT)\s+(?:AND|OR)\b")


def _check_syntax(text: str) -> None:
    if not text.strip():
        raise UsageError("empty query")
    if text.count('"') % 2:
        raise UsageError(f"query syntax error: unbalanced quote in {text!r}")
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
        if depth < 0:
            break
    if depth != 0:
        raise UsageError(f"query syntax error: unbalanced parenthesis in {text!r}")
    if deepest > MAX_NESTING:
        raise UsageError(f"query syntax error: parentheses nested more than {MAX_NESTING} deep")


def filter_query(filters: Filters) -> Q.Query | None:
    terms: list[Q.Query] = []
    if filters.issuers:
        terms.append(_issuers(filters.issuers))
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
    if filters.cites:
        terms.append(_cites(filters.cites))
    if filters.stages:
        terms.append(_stages(filters.stages, filters.existing_on))
    terms += _classification(filters)
    if filters.existing_on:
        later = _bound(filters.existing_on, "until") + timedelta(seconds=1)
        terms.append(Q.Not(Q.DateRange("issued", later, None)))
    return Q.And(terms) if terms else None


def _stages(stages: list[str], on: str | None) -> Q.Query:
    """Documents at any of the stages; comments-open: a call for comments whose deadline is on
    or after the day (--as-of, else today)."""
    alternatives: list[Q.Query] = []
    for stage in stages:
        if stage not in STAGE_FILTERS:
            raise UsageError(f"unknown stage {stage!r} (one of: {', '.join(STAGE_FILTERS)})")
        day = _bound(on, "since") if on else datetime.combine(date.today(), datetime.min.time())
        alternatives.append(stage_query(stage, day))
    return Q.Or(alternatives)


def _classification(filters: Filters) -> list[Q.Query]:
    from indexer.extract.classification import ccs_code, committee_id, ics_code

    terms: list[Q.Query] = []
    if filters.ics:
        codes = [(written, ics_code(written)) for written in filters.ics]
        bad = [written for written, code in codes if code is None]
        if bad:
            raise UsageError(f"--ics {bad[0]!r} is not an ICS code (e.g. 77, 77.120 or 77.120.99)")
        terms.append(Q.Or([q for _, code in codes if code is not None
                           for q in (Q.Term("ics", code), Q.Prefix("ics", code + "."))]))
    if filters.ccs:
        alternatives = []
        for written in filters.ccs:
            code = re.sub(r"\s+", "", written).upper()
            if not re.fullmatch(r"[A-Z]\d{0,2}", code):
                raise UsageError(f"--ccs {written!r} is not a CCS code (e.g. H, H6 or H65)")
            alternatives.append(Q.Term("ccs", code) if ccs_code(code) else Q.Prefix("ccs", code))
        terms.append(Q.Or(alternatives))
    if filters.committees:
        named = [committee_id(written) for written in filters.committees]
        if not all(named):
            raise UsageError("--committee needs a committee code or name (SAC/TC 229, 全国稀土标准化技术委员会)")
        terms.append(Q.Or([Q.Term("committee", ident) for ident in named]))
    if filters.drafters:
        # A unit as a list names it, or any unit whose name holds it (包头稀土研究院 in …（包头稀土研究院）).
        units = [written.strip() for written in filters.drafters if written.strip()]
        if not units:
            raise UsageError("--drafter needs a unit's name")
        terms.append(Q.Or([Q.Wildcard("drafter", f"*{_wild(unit)}*") for unit in units]))
    return terms


def _wild(text: str) -> str:
    """Text with Whoosh's wildcard characters taken literally (as any one character: they are
    not in units' names)."""
    return re.sub(r"[*?\[\]]", "?", text)


def _cites(number: str) -> Q.Query:
    from indexer.extract.docno import normalize_doc_no
    from indexer.query.numbers import std_terms

    std = parse_std_no(number)
    if std is not None:
        return std_terms(std, "mentions")
    doc_no = normalize_doc_no(number)
    if doc_no is None:
        raise UsageError(f"--cites {number!r} is neither a standard number (GB/T 13560) nor a "
                         "document number (国务院令第785号)")
    return Q.Term("mentions", doc_no)


def resolve_issuer(name: str) -> str:
    entry = _registry().resolve(name)
    if entry is None:
        guesses = _registry().suggest(name)
        hint = f"did you mean {' or '.join(f'{e.id} {e.name_zh}' for e in guesses)}? " if guesses else ""
        raise UsageError(f"unknown issuer {name!r} ({hint}see `stdidx issuers` for the registry)")
    return entry.id


def _issuers(names: list[str]) -> Q.Query:
    """Any of the names; a name joined with + (MIIT+MNR) asks for documents all of them issued."""
    return Q.Or([Q.And([Q.Term("issuer", resolve_issuer(part)) for part in _joint(name)]) for name in names])


def _joint(name: str) -> list[str]:
    parts = [part.strip() for part in name.split("+")]
    if not all(parts):      # "MIIT+" or "+": a name left out, which would match nothing, or all
        raise UsageError(f"--issuer: {name!r} leaves a name out; join names with + (MIIT+MNR)")
    return parts


def _bound(text: str, which: str) -> datetime:
    # The date reader's patterns take a noticeable part of a search process's start to
    # compile; only --since and --until need them.
    from indexer.extract.dates import parse_date

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
