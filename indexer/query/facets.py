"""Facet counts over the documents a search matched, read from each value's postings.

Whoosh's field facets build, on every search, a table of every document's value from the
whole field before counting (these fields have no column): work in proportion to the corpus,
whatever the hits. Here the collector keeps the matched documents as it finds them, and each
value's postings are read a block at a time and intersected with them as sets, so that a
count costs a few set operations per block of 128 documents. The counts are exact.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from whoosh.collectors import WrappingCollector

FACETS = ("issuer", "doc_type", "year")
# Shown where the matched documents state them (most documents state none).
STATED_FACETS = ("committee", "ics", "ccs", "drafter")
STATED_COLUMN = "classified"         # their values, per document (indexer.index.schema)


class MatchedCollector(WrappingCollector):
    """Passes every match on to the wrapped collector and keeps its number, per segment."""

    def __init__(self, child):
        super().__init__(child)
        self.matched: dict[int, set[int]] = {}  # segment offset → its matched document numbers
        self._here: set[int] = set()

    def set_subsearcher(self, subsearcher, offset):
        super().set_subsearcher(subsearcher, offset)
        self._here = self.matched.setdefault(offset, set())

    def collect(self, sub_docnum):
        self._here.add(sub_docnum)
        return self.child.collect(sub_docnum)


def facet_counts(searcher, matched: dict[int, set[int]]) -> dict[str, dict[str, int]]:
    """For each facet, how many matched documents hold each value, most first; the
    classification facets only where some matched document states them."""
    counts: dict[str, dict[str, int]] = {name: {} for name in FACETS + STATED_FACETS}
    for segment, offset in searcher.leaf_searchers():
        here = matched.get(offset)
        if not here:
            continue
        reader = segment.reader()
        for name in FACETS:
            _add_counts(counts[name], reader, name, here)
        _add_stated_counts(counts, reader, here)
    return {name: most_first(c) for name, c in counts.items() if c or name in FACETS}


def _add_stated_counts(counts: dict[str, dict[str, int]], reader, matched: set[int]) -> None:
    """The classification facets: drafting units run to thousands of values, each with a
    handful of documents, so their postings cost more to read than the matched documents'
    own values, read from one column."""
    if not reader.has_column(STATED_COLUMN):
        return
    column = reader.column_reader(STATED_COLUMN)
    for docnum in matched:
        for line in column[docnum].decode("utf-8").splitlines():
            name, _, value = line.partition("\t")
            if name in counts:
                counts[name][value] = counts[name].get(value, 0) + 1


def most_first(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _add_counts(counts: dict[str, int], reader, name: str, matched: set[int]) -> None:
    if name not in reader.schema:
        return
    field = reader.schema[name]
    for btext in reader.lexicon(name):
        found = sum(len(matched.intersection(ids)) for ids in _id_blocks(reader.postings(name, btext)))
        if found:
            value = str(field.from_bytes(btext))
            counts[value] = counts.get(value, 0) + found


def _id_blocks(matcher) -> Iterator[Iterable[int]]:
    """A term's document numbers, a stored block at a time (deleted documents included:
    they are never among the matched)."""
    leaf = getattr(matcher, "child", matcher)  # the segment wraps a term with deletions in a filter
    if not hasattr(leaf, "_read_ids"):
        yield list(matcher.all_ids())
        return
    # Whoosh's own all_ids() steps through one posting at a time in Python; a block's ids
    # are already decoded as one tuple or array.
    while leaf.is_active():
        leaf.id()  # decodes the current block's ids
        yield leaf._ids
        leaf._next_block()
