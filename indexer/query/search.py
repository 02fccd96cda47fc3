"""Searching an index: ranked hits with snippets and facet counts, or every match for export."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterator

from whoosh import sorting
from whoosh.query import Every, Require

from indexer.errors import UsageError
from indexer.index.schema import unpack
from indexer.query.parse import Filters, build_query, filter_query
from indexer.extract.glossary import Glossary, load_glossary
from indexer.query.snippet import snippet
from indexer.record import Record
from indexer.textfold import is_cjk

FACETS = ("issuer", "doc_type", "year")


@dataclass
class Hit:
    record: Record
    score: float
    snippet: str
    highlights: list[tuple[int, int]]
    gloss: str | None = None  # English words for the terms of a Chinese title without title_en


@dataclass
class Results:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: float = 0.0
    expanded: str = ""  # the query as searched: each glossary term as (alternative OR …)
    terms: list[dict] = field(default_factory=list)  # each unit found: written, alternatives, terms
    translated: bool = False


def search(ix, text: str, filters: Filters | None = None, sort: str = "relevance",
           limit: int = 10, translate: bool = True, glossary: Glossary | None = None) -> Results:
    """Ranked hits, facets over every match. With `translate` (the default) glossary terms in
    the query also search their equivalents in the other language; `glossary` defaults to
    :func:`load_glossary` with no extra files."""
    started = time.perf_counter()
    glossary = glossary if glossary is not None else load_glossary()
    q, expansion = build_query(text, ix.schema, glossary if translate else None)
    expanded = expansion.explain() if expansion is not None else text
    flt = filter_query(filters or Filters())
    groups = {name: sorting.FieldFacet(name, allow_overlap=(name == "issuer"),
                                       maptype=sorting.Count) for name in FACETS}
    with ix.searcher() as searcher:
        results = searcher.search(_restricted(q, flt), limit=limit, groupedby=groups, **_sorting(sort))
        hits = []
        # Grouping can make Whoosh keep more than `limit` hits; the page is ours to cut.
        for hit in results[:limit]:
            record = unpack(hit["record"])
            # Highlight what was searched: a Chinese text found by an English word shows the
            # Chinese term.
            text_snippet, spans = snippet(record.text, expanded)
            # A sorted search has no relevance score (Whoosh reports the sort key).
            score = hit.score if isinstance(hit.score, (int, float)) else 0.0
            hits.append(Hit(record, score, text_snippet, spans, title_gloss(record, glossary)))
        facets = {name: _counts(results.groups(name)) for name in FACETS}
        total = len(results)
    return Results(str(q), total, hits, facets, time.perf_counter() - started, expanded,
                   expansion.to_list() if expansion is not None else [], expansion is not None)


def title_gloss(record: Record, glossary: Glossary) -> str | None:
    """A glossary gloss of a Chinese title, for records that state no English title."""
    if record.title_en or not any(is_cjk(c) for c in record.title):
        return None
    return glossary.gloss(record.title)


def get_record(ix, doc_id: str) -> Record:
    with ix.searcher() as searcher:
        stored = searcher.document(id=doc_id)
    if stored is None:
        raise UsageError(f"no document with id {doc_id!r}")
    return unpack(stored["record"])


def iter_records(ix, text: str | None = None, filters: Filters | None = None,
                 sort: str | None = None, translate: bool = True,
                 glossary: Glossary | None = None) -> Iterator[Record]:
    """Every matching record (every record when there is no query), in a stable order.
    A query is read as by :func:`search`, so both find the same records."""
    flt = filter_query(filters or Filters())
    if text and translate and glossary is None:
        glossary = load_glossary()
    with ix.searcher() as searcher:
        q = build_query(text, ix.schema, glossary if translate else None)[0] if text else Every()
        results = searcher.search(_restricted(q, flt), limit=None,
                                  **_sorting(sort or ("relevance" if text else "path")))
        for hit in results:
            yield unpack(hit["record"])


def _restricted(q, flt):
    # Intersecting with the filter lets a selective filter skip most candidates;
    # Whoosh's filter= argument would test every match of the query instead.
    # Require scores by the query alone.
    return Require(q, flt) if flt is not None else q


def _sorting(sort: str) -> dict:
    if sort == "date":
        return {"sortedby": [sorting.FieldFacet("issued", reverse=True), sorting.FieldFacet("id")]}
    if sort == "path":
        return {"sortedby": [sorting.FieldFacet("path"), sorting.FieldFacet("id")]}
    return {}


def _counts(groups: dict) -> dict[str, int]:
    counts = {str(k): v for k, v in groups.items() if k not in (None, "")}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def search_as_of(ix, text: str, filters: Filters, as_of: str | None, sort: str = "relevance", limit: int = 10,
                 translate: bool = True, glossary: Glossary | None = None) -> Results:
    """A search whose statuses (and --status filter) are those in force on as_of (today: None).

    The index stores statuses as of indexing; which version was in force on
    another day depends on the other versions of each work, so statuses are
    worked out on the matches, then filtered and counted.
    """
    from indexer.query.history import restate

    glossary = glossary if glossary is not None else load_glossary()
    options = dict(sort=sort, translate=translate, glossary=glossary)
    wanted = set(filters.statuses)
    if not wanted:
        res = search(ix, text, filters, limit=limit, **options)
        restate(ix, [hit.record for hit in res.hits], as_of)
        return res
    started = time.perf_counter()
    records = list(iter_records(ix, text, replace(filters, statuses=[]), **options))
    kept = [r for r in restate(ix, records, as_of) if r.status in wanted]
    page = search(ix, text, replace(filters, statuses=[]), limit=1, **options)  # the expansion, once
    hits = []
    for record in kept[:limit]:
        text_snippet, spans = snippet(record.text, page.expanded)
        hits.append(Hit(record, 0.0, text_snippet, spans, title_gloss(record, glossary)))
    return Results(page.query, len(kept), hits, _facets_of(kept), time.perf_counter() - started,
                   page.expanded, page.terms, page.translated)


def _facets_of(records: list[Record]) -> dict[str, dict[str, int]]:
    counts = {"issuer": Counter(i.id for r in records for i in r.issuers),
              "doc_type": Counter(r.doc_type for r in records),
              "year": Counter(r.issued[:4] for r in records if r.issued)}
    return {name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for name, c in counts.items()}
