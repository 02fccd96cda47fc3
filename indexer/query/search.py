"""Searching an index: ranked hits with snippets and facet counts, or every match for export."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Iterator

from whoosh import sorting
from whoosh.query import Every, Require

from indexer.errors import UsageError
from indexer.index.schema import unpack
from indexer.query.parse import Filters, filter_query, parse_query
from indexer.query.snippet import snippet
from indexer.record import Record

SORTS = ("relevance", "date")
FACETS = ("issuer", "doc_type", "year")


@dataclass
class Hit:
    record: Record
    score: float
    snippet: str
    highlights: list[tuple[int, int]]


@dataclass
class Results:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: float = 0.0


def search(ix, text: str, filters: Filters | None = None, sort: str = "relevance",
           limit: int = 10) -> Results:
    started = time.perf_counter()
    q = parse_query(text, ix.schema)
    flt = filter_query(filters or Filters())
    groups = {name: sorting.FieldFacet(name, allow_overlap=(name == "issuer"),
                                       maptype=sorting.Count) for name in FACETS}
    with ix.searcher() as searcher:
        results = searcher.search(_restricted(q, flt), limit=limit, groupedby=groups, **_sorting(sort))
        hits = []
        # Grouping can make Whoosh keep more than `limit` hits; the page is ours to cut.
        for hit in results[:limit]:
            record = unpack(hit["record"])
            text_snippet, spans = snippet(record.text, text)
            # A sorted search has no relevance score (Whoosh reports the sort key).
            score = hit.score if isinstance(hit.score, (int, float)) else 0.0
            hits.append(Hit(record, score, text_snippet, spans))
        facets = {name: _counts(results.groups(name)) for name in FACETS}
        total = len(results)
    return Results(str(q), total, hits, facets, time.perf_counter() - started)


def get_record(ix, doc_id: str) -> Record:
    with ix.searcher() as searcher:
        stored = searcher.document(id=doc_id)
    if stored is None:
        raise UsageError(f"no document with id {doc_id!r}")
    return unpack(stored["record"])


def iter_records(ix, text: str | None = None, filters: Filters | None = None,
                 sort: str | None = None) -> Iterator[Record]:
    """Every matching record (every record when there is no query), in a stable order."""
    flt = filter_query(filters or Filters())
    with ix.searcher() as searcher:
        q = parse_query(text, ix.schema) if text else Every()
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
