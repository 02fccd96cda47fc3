"""Counts of matching records over time, or by issuer or document type."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from indexer.errors import UsageError
from indexer.query.parse import Filters
from indexer.query.search import iter_records

GROUPINGS = ("year", "issuer", "doc_type")
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Bucket:
    key: str          # 2024, MIIT, policy, unknown
    label: str        # what a reader sees: the year, the issuer's name, the type
    count: int


@dataclass
class Timeline:
    by: str
    query: str | None
    buckets: list[Bucket]
    records: int      # records counted (an issuer count can add up to more: joint issuers)
    filtered: bool = False


def timeline(ix, query: str | None = None, filters: Filters | None = None, by: str = "year") -> Timeline:
    if by not in GROUPINGS:
        raise UsageError(f"--by {by!r}: one of {', '.join(GROUPINGS)}")
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    records = 0
    for record in iter_records(ix, query, filters):
        records += 1
        if by == "year":
            counts[record.issued[:4] if record.issued else UNKNOWN] += 1
        elif by == "doc_type":
            counts[record.doc_type] += 1
        else:
            for issuer in record.issuers or []:
                counts[issuer.id] += 1
                labels.setdefault(issuer.id, issuer.name_zh or issuer.id)
            if not record.issuers:
                counts[UNKNOWN] += 1
    filtered = filters is not None and any(vars(filters).values())
    return Timeline(by, query, _buckets(by, counts, labels), records, filtered)


def _buckets(by: str, counts: Counter[str], labels: dict[str, str]) -> list[Bucket]:
    if by == "year":
        years = sorted(int(k) for k in counts if k != UNKNOWN)
        # Every year between the first and the last, so gaps show as gaps.
        keys = [str(y) for y in range(years[0], years[-1] + 1)] if years else []
        if counts.get(UNKNOWN):
            keys.append(UNKNOWN)
        return [Bucket(k, "undated" if k == UNKNOWN else k, counts.get(k, 0)) for k in keys]
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    missing = "no issuer" if by == "issuer" else UNKNOWN
    return [Bucket(k, missing if k == UNKNOWN else labels.get(k, k), n) for k, n in ordered]
