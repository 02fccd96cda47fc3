"""Phrase matching for one-token-per-ideograph text.

Whoosh's Phrase checks adjacency with general span algebra, which is slow when
the phrase is made of very common characters (稀土 occurs in nearly every
document). Here the term matchers are intersected directly and adjacency is one
set intersection per word: position p of the first word, p+1 of the second, …
"""
from __future__ import annotations

from whoosh import matching
from whoosh.matching import Matcher
from whoosh.query import Phrase, Term


class AdjacentPhrase(Phrase):
    """Words in order, each directly after the previous one (slop is ignored)."""

    def matcher(self, searcher, context=None):
        fieldname = self.fieldname
        if fieldname not in searcher.schema or not self.words:
            return matching.NullMatcher()
        field = searcher.schema[fieldname]
        reader = searcher.reader()
        leaves, frequencies = [], []
        for word in self.words:
            btext = field.to_bytes(word)
            if (fieldname, btext) not in reader:
                return matching.NullMatcher()
            leaves.append(Term(fieldname, word).matcher(searcher, context))
            frequencies.append(reader.doc_frequency(fieldname, btext))
        if len(leaves) == 1:
            return Term(fieldname, self.words[0], boost=self.boost).matcher(searcher, context)
        rarest_first = sorted(range(len(leaves)), key=frequencies.__getitem__)
        return AdjacentMatcher(leaves, self.boost, rarest_first)


class AdjacentMatcher(Matcher):
    def __init__(self, leaves: list, boost: float = 1.0, rarest_first: list[int] | None = None):
        self._leaves = leaves  # in the phrase's order: a leaf's index is its offset
        self._boost = boost
        self._rarest_first = rarest_first or list(range(len(leaves)))
        self._lead = leaves[self._rarest_first[0]]
        self._others = [leaves[i] for i in self._rarest_first[1:]]
        self._align()

    def _align(self) -> None:
        """Move every leaf to the next document where all of them occur, adjacent.

        The word in fewest documents leads and the others catch up with it, rarest
        first: most of the documents a common character (稀, 土) stands in are skipped
        over, never visited."""
        # Where the leaves stand is kept: the unions and best match above ask for it
        # several times per document.
        self._id = None
        lead = self._lead
        while lead.is_active():
            target = lead.id()
            for m in self._others:
                if m.is_active() and m.id() < target:
                    m.skip_to(target)
                if not m.is_active():
                    return
                if m.id() > target:
                    lead.skip_to(m.id())
                    break
            else:
                if self._adjacent():
                    self._id = target
                    return
                lead.next()

    def _adjacent(self) -> bool:
        # The word occurring least often in this document first (a leaf's weight is its
        # frequency times the field's boost): in 稀土永磁, 永 and 磁 rule out most places
        # before the positions of 稀 and 土, which stand everywhere, are decoded.
        leaves = self._leaves
        order = sorted(range(len(leaves)), key=lambda offset: leaves[offset].weight())
        starts = {p - order[0] for p in leaves[order[0]].value_as("positions")}
        for offset in order[1:]:
            starts.intersection_update([p - offset for p in leaves[offset].value_as("positions")])
            if not starts:
                return False
        return True

    def is_active(self) -> bool:
        return self._id is not None

    def id(self) -> int | None:
        return self._id

    def next(self) -> None:
        self._lead.next()
        self._align()

    def skip_to(self, id: int) -> None:
        for m in self._leaves:
            if m.is_active() and m.id() < id:
                m.skip_to(id)
        self._align()

    def reset(self) -> None:
        for m in self._leaves:
            m.reset()
        self._align()

    def copy(self) -> "AdjacentMatcher":
        return AdjacentMatcher([m.copy() for m in self._leaves], self._boost, self._rarest_first)

    def children(self) -> list:
        return list(self._leaves)

    def supports(self, astype: str) -> bool:
        return False

    def supports_block_quality(self) -> bool:
        return False

    def weight(self) -> float:
        return sum(m.weight() for m in self._leaves) * self._boost

    def score(self) -> float:
        return sum(m.score() for m in self._leaves) * self._boost

    def term_matchers(self):
        for m in self._leaves:
            yield from m.term_matchers()

    def matching_terms(self, id=None):
        for m in self._leaves:
            yield from m.matching_terms(id)
