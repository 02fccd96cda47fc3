"""Searching an index: ranked hits with snippets and facet counts, or every match for export."""
from __future__ import annotations

import itertools
import time
from datetime import date
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Iterator

from whoosh import sorting
from whoosh.query import AndNot, Every, Require

from indexer.errors import UsageError
from indexer.index.schema import unpack
from indexer.query.bestmatch import BestMatch, driving_of, rank_of, relevance_of
from indexer.query.concepts import Reading
from indexer.query.facets import MatchedCollector, facet_counts, most_first
from indexer.query.parse import Filters, build_query, filter_query
from indexer.extract.glossary import Glossary, load_glossary
from indexer.query.attachments import attachment_keys, notice_of
from indexer.query.snippet import snippet
from indexer.record import Record
from indexer.textfold import is_cjk


@dataclass
class Hit:
    record: Record
    score: float
    snippet: str
    highlights: list[tuple[int, int]]
    gloss: str | None = None  # English words for the terms of a Chinese title without title_en
    partial: bool = False  # a best-match hit that lacks some of the query's concepts
    page: int | None = None  # the page of a paged document (PDF) the snippet is from
    notice: Record | None = None  # the notice this document is an attachment of


def _name_notices(searcher, hits: list[Hit]) -> None:
    """Each hit in an attachment names the notice it belongs to."""
    known = attachment_keys(searcher)
    for hit in hits:
        hit.notice = notice_of(searcher, hit.record, known)


def hit_snippet(record: Record, needles: str) -> dict:
    """The snippet, its highlights and (for a paged document) its page, as Hit's fields."""
    shown, spans, at = snippet(record.text, needles)
    return {"snippet": shown, "highlights": spans, "page": record.page_at(at)}


@dataclass
class Results:
    query: str  # as the user typed it; `expanded` and `explanation` say how it was read
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: float = 0.0
    expanded: str = ""  # the query as searched: each glossary term as (alternative OR …)
    terms: list[dict] = field(default_factory=list)  # each unit found: written, alternatives, terms
    translated: bool = False
    complete: int | None = None  # best match: how many of `total` hold every concept
    needles: str = ""  # what snippets highlight
    explanation: str = ""  # best match: how the query was read (words, conditions, dropped)
    concepts: list[dict] = field(default_factory=list)  # best match: each concept and its alternatives
    offset: int = 0  # how many ranked hits come before the first of `hits`


def search(ix, text: str, filters: Filters | None = None, sort: str = "relevance",
           limit: int = 10, translate: bool = True, glossary: Glossary | None = None,
           literal: bool = False, today: date | None = None, offset: int = 0) -> Results:
    """Ranked hits, facets over every match. With `translate` (the default) glossary terms in
    the query also search their equivalents in the other language; `glossary` defaults to
    :func:`load_glossary` with no extra files. `literal` searches the words as written (no
    translation, no best match, no words read as conditions); `today` dates 今年 and "recent"."""
    started = time.perf_counter()
    glossary = glossary if glossary is not None else load_glossary()
    q, reading = build_query(text, ix.schema, glossary if translate and not literal else None, literal, today)
    expanded = reading.render() if reading is not None else text
    needles = reading.needles() if reading is not None else text
    flt = filter_query(filters or Filters())
    with ix.searcher() as searcher:
        q = _narrowed(searcher, q, flt)
        best = _best_of(q)
        explanation = reading.explain(best.minimum if best else None) if isinstance(reading, Reading) else ""
        groups = {"driving": _TierFacet(maptype=sorting.Count, key=driving_of)} if best is not None else None
        # By relevance every match is kept in order: ties past the page are settled below,
        # and Whoosh's top-k collector would ask the phrase matchers for a block quality
        # they do not have.
        collector = MatchedCollector(searcher.collector(limit=None if sort == "relevance" else offset + limit,
                                                        groupedby=groups, **_sorting(sort, best is not None)))
        searcher.search_with_collector(_restricted(q, flt), collector)
        results = collector.results()
        hits = []
        page = ((hit, unpack(hit["record"])) for hit in results[:offset + limit + TIE_WINDOW])
        for hit, record in itertools.islice(_ties_settled(page, sort), offset, offset + limit):
            # Highlight what was searched: a Chinese text found by an English word shows the
            # Chinese term.
            # A sorted search has no relevance score (Whoosh reports the sort key).
            score = hit.score if isinstance(hit.score, (int, float)) else 0.0
            partial = best is not None and sort == "relevance" and driving_of(score) < best.driving
            hits.append(Hit(record, relevance_of(score) if best is not None else score,
                            gloss=title_gloss(record, glossary), partial=partial, **hit_snippet(record, needles)))
        _name_notices(searcher, hits)
        facets = facet_counts(searcher, collector.matched)
        complete = results.groups("driving").get(best.driving, 0) if best is not None else None
        total = len(results)
    return Results(text, total, hits, facets, time.perf_counter() - started, expanded,
                   reading.to_list() if reading is not None else [], reading is not None and translate and not literal,
                   complete, needles, explanation,
                   reading.concept_list() if isinstance(reading, Reading) else [], offset)


# Hits beyond the page that may still tie with its last ones (versions of one standard
# matched by its number all score the same).
TIE_WINDOW = 20


def _ties_settled(pairs: Iterable[tuple], sort: str) -> Iterator[tuple]:
    """(hit, record) pairs in score order, each run of equal scores ordered as a reader
    expects: in force first, then newest."""
    if sort != "relevance":
        yield from pairs
        return

    def key(pair):
        record = pair[1]
        return (record.status != "in_force", -int((record.issued or "0").replace("-", "").ljust(8, "0")))

    for _, run in itertools.groupby(pairs, key=lambda pair: round(pair[0].score, 6)):
        yield from sorted(run, key=key)


# Documents with every word make the whole result when there are at least this many of
# them; fewer, and documents with most of the words follow (a page is filled either way).
ENOUGH = 10


def _narrowed(searcher, q, flt):
    """q, needing as many of its topics as still finds ENOUGH documents: every topic when
    ENOUGH have them all (counting those is an intersection, much cheaper than a union with
    a common word), else the default half, else fewer, so that a long question still fills
    its page with the closest matches."""
    best = _best_of(q)
    if best is None:
        return q
    *stricter, loosest = dict.fromkeys([best.driving, *range(best.minimum, 0, -1)])
    for least in stricter:
        candidate = _needing(q, best, least)
        if _enough(searcher, candidate, flt):
            return candidate
    return _needing(q, best, loosest)


def _needing(q, best: BestMatch, least: int):
    """q with its best-match part needing `least` driving concepts (less its excluded words)."""
    return AndNot(best.needing(least), q.b) if isinstance(q, AndNot) else best.needing(least)


def _enough(searcher, q, flt) -> bool:
    # Reading stops at the ENOUGH-th match: counting them all (and Whoosh counted twice
    # when a segment held none) cost as much as the search itself.
    return sum(1 for _ in itertools.islice(searcher.docs_for_query(_restricted(q, flt)), ENOUGH)) >= ENOUGH


def _best_of(q) -> BestMatch | None:
    """The best-match query in q (alone, or less excluded words)."""
    inner = q.a if isinstance(q, AndNot) else q
    return inner if isinstance(inner, BestMatch) else None


class _TierFacet(sorting.FacetType):
    """Best-match hits by a key of their score: by default their rank before relevance,
    highest first (for sorting); `key=driving_of` counts the topics they hold."""

    def __init__(self, maptype=None, key=lambda score: -rank_of(score)):
        self.maptype = maptype
        self.key = key

    def categorizer(self, global_searcher):
        return _TierCategorizer(self.key)


class _TierCategorizer(sorting.Categorizer):
    needs_current = True

    def __init__(self, key):
        self._key = key

    def key_for(self, matcher, docid):
        return self._key(matcher.score())


def title_gloss(record: Record, glossary: Glossary) -> str | None:
    """A glossary gloss of a Chinese title, for records that state no English title."""
    if record.title_en or not any(is_cjk(c) for c in record.title):
        return None
    return glossary.gloss(record.title)


def get_record(ix, doc_id: str) -> Record:
    """The record with this id, or the one record with this standard or document number."""
    with ix.searcher() as searcher:
        stored = searcher.document(id=doc_id)
        if stored is not None:
            return unpack(stored["record"])
        found = _numbered(searcher, doc_id)
    if len(found) == 1:
        return found[0]
    if found:
        options = "; ".join(f"{r.id} {r.std_no or r.doc_no or ''} issued {r.issued or '?'}" for r in found[:8])
        raise UsageError(f"{doc_id!r} names {len(found)} documents: {options}")
    raise UsageError(f"no document with id or number {doc_id!r}")


def _numbered(searcher, name: str) -> list[Record]:
    from indexer.extract.docno import normalize_doc_no
    from indexer.extract.stdno import parse_std_no
    from indexer.query.history import Lookup

    lookup = Lookup(searcher)
    parsed = parse_std_no(name)
    if parsed is not None:
        return [r for r in lookup.by_std(parsed.canonical) if r.std_no]
    doc_no = normalize_doc_no(name)
    return lookup.by_doc_no(doc_no) if doc_no else []


def iter_records(ix, text: str | None = None, filters: Filters | None = None,
                 sort: str | None = None, translate: bool = True,
                 glossary: Glossary | None = None, literal: bool = False,
                 today: date | None = None) -> Iterator[Record]:
    """Every matching record (every record when there is no query), in a stable order.
    A query is read as by :func:`search`, so both find the same records."""
    flt = filter_query(filters or Filters())
    translate = translate and not literal
    if text and translate and glossary is None:
        glossary = load_glossary()
    with ix.searcher() as searcher:
        q = build_query(text, ix.schema, glossary if translate else None, literal, today)[0] if text else Every()
        q = _narrowed(searcher, q, flt)
        results = searcher.search(_restricted(q, flt), limit=None,
                                  **_sorting(sort or ("relevance" if text else "path"), _best_of(q) is not None))
        pairs = ((hit, unpack(hit["record"])) for hit in results)
        for _, record in _ties_settled(pairs, sort or ("relevance" if text else "path")):
            yield record


def _restricted(q, flt):
    # Intersecting with the filter lets a selective filter skip most candidates;
    # Whoosh's filter= argument would test every match of the query instead.
    # Require scores by the query alone.
    return Require(q, flt) if flt is not None else q


class _NewestFacet(sorting.FacetType):
    """Newest issued date first; undated documents last (Whoosh's column stores a missing
    date as the largest number, which a plain reversed sort would put first)."""

    def categorizer(self, global_searcher):
        return _NewestCategorizer()


class _NewestCategorizer(sorting.Categorizer):
    _MISSING = 2 ** 64 - 1

    def set_searcher(self, segment_searcher, docoffset):
        self._column = segment_searcher.reader().column_reader("issued", translate=False)

    def key_for(self, matcher, docid):
        raw = self._column[docid]
        return float("inf") if raw >= self._MISSING else -raw


def _sorting(sort: str, tiers: bool = False) -> dict:
    if sort == "date":
        # Best match by date: the hits with every concept first, each tier newest first.
        keys = [_TierFacet()] if tiers else []
        return {"sortedby": [*keys, _NewestFacet(), sorting.FieldFacet("id")]}
    if sort == "path":
        return {"sortedby": [sorting.FieldFacet("path"), sorting.FieldFacet("id")]}
    return {}


def search_as_of(ix, text: str, filters: Filters, as_of: str | None, sort: str = "relevance", limit: int = 10,
                 translate: bool = True, glossary: Glossary | None = None, literal: bool = False,
                 offset: int = 0) -> Results:
    """A search whose statuses (and --status filter) are those in force on as_of (today: None).

    The index stores statuses as of indexing; which version was in force on
    another day depends on the other versions of each work, so statuses are
    worked out on the matches, then filtered and counted.
    """
    from indexer.status import checked_day, restate

    glossary = glossary if glossary is not None else load_glossary()
    # 今年, "recent": counted from the day the statuses are worked out for.
    today = date.fromisoformat(checked_day(as_of)) if as_of else None
    options: dict[str, Any] = dict(sort=sort, translate=translate, glossary=glossary, literal=literal, today=today)
    if as_of:
        filters = replace(filters, existing_on=checked_day(as_of))  # nothing issued after the day
    wanted = set(filters.statuses)
    if not wanted:
        res = search(ix, text, filters, limit=limit, offset=offset, **options)
        restate(ix, [hit.record for hit in res.hits], as_of)
        return res
    started = time.perf_counter()
    records = list(iter_records(ix, text, replace(filters, statuses=[]), **options))
    kept = [r for r in restate(ix, records, as_of) if r.status in wanted]
    page = search(ix, text, replace(filters, statuses=[]), limit=1, **options)  # the expansion, once
    hits = []
    for record in kept[offset:offset + limit]:
        hits.append(Hit(record, 0.0, gloss=title_gloss(record, glossary), **hit_snippet(record, page.needles)))
    with ix.searcher() as searcher:
        _name_notices(searcher, hits)
    return Results(page.query, len(kept), hits, _facets_of(kept), time.perf_counter() - started,
                   page.expanded, page.terms, page.translated, needles=page.needles,
                   explanation=page.explanation, concepts=page.concepts, offset=offset)


def _facets_of(records: list[Record]) -> dict[str, dict[str, int]]:
    counts = {"issuer": Counter(i.id for r in records for i in r.issuers),
              "doc_type": Counter(r.doc_type for r in records),
              "year": Counter(r.issued[:4] for r in records if r.issued)}
    stated = {"committee": Counter(c for r in records for c in r.committees),
              "ics": Counter(c for r in records for c in r.ics),
              "ccs": Counter(c for r in records for c in r.ccs),
              "drafter": Counter(d for r in records for d in r.drafters)}
    counts.update({name: c for name, c in stated.items() if c})
    return {name: most_first(c) for name, c in counts.items()}
