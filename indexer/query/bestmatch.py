"""Best match: documents with every concept of a query first, then those with most of them.

A query typed as words becomes concepts (a word with its synonyms and translations, a number,
a word that names a status or a time). `BestMatch` matches a document holding at least
`minimum` of the topic concepts and scores it by tier first — twice the topic concepts it
holds plus the condition concepts — then by relevance within the tier, the way a search
engine's "minimum should match" fills a page with the closest matches when too few documents
match them all. Bonus queries (a run of words standing together as typed) add to the
relevance of a document that matches anyway, never to its tier.
"""
from __future__ import annotations

from whoosh import query as Q
from whoosh.matching import Matcher, NullMatcher

# Relevance scores stay far below one tier step, so a tier always outranks relevance.
TIER = 100_000.0
TOPIC, CONDITION = 2, 1  # tier units a matched concept is worth


def tier_of(score: float) -> int:
    return int(score // TIER)


def relevance_of(score: float) -> float:
    return score - tier_of(score) * TIER


class BestMatch(Q.Query):
    def __init__(self, concepts: list[Q.Query], units: list[int], minimum: int,
                 bonuses: list[Q.Query] = (), boost: float = 1.0):
        self.concepts = list(concepts)
        self.units = list(units)  # TOPIC or CONDITION per concept
        self.minimum = minimum  # topic concepts a document needs (conditions when there are none)
        self.bonuses = list(bonuses)
        self.boost = boost

    @property
    def full_tier(self) -> int:
        return sum(self.units)

    def __repr__(self):
        return f"BestMatch({self.concepts!r}, {self.units!r}, minimum={self.minimum}, bonuses={self.bonuses!r})"

    def __unicode__(self):
        parts = [f"{'+' if u == TOPIC else '~'}({q})" for q, u in zip(self.concepts, self.units)]
        return f"BestMatch[{self.minimum}]({' '.join(parts)})"

    __str__ = __unicode__

    def __eq__(self, other):
        return (type(other) is type(self) and self.concepts == other.concepts and self.units == other.units
                and self.minimum == other.minimum and self.bonuses == other.bonuses)

    def __hash__(self):
        return hash((type(self).__name__, tuple(self.concepts), tuple(self.units), self.minimum))

    def is_leaf(self):
        return False

    def children(self):
        return [*self.concepts, *self.bonuses]

    def apply(self, fn):
        n = len(self.concepts)
        done = [fn(q) for q in self.children()]
        return BestMatch(done[:n], self.units, self.minimum, done[n:], self.boost)

    def normalize(self):
        return self.apply(lambda q: q.normalize())

    def estimate_size(self, ixreader):
        return sum(q.estimate_size(ixreader) for q in self.concepts)

    def matcher(self, searcher, context=None):
        subs = [q.matcher(searcher, context) for q in self.concepts]
        if not any(m.is_active() for m in subs):
            return NullMatcher()
        bonuses = [q.matcher(searcher, context) for q in self.bonuses]
        counted = [u == TOPIC for u in self.units] if TOPIC in self.units else [True] * len(self.units)
        return BestMatchMatcher(subs, self.units, counted, self.minimum, bonuses)


class BestMatchMatcher(Matcher):
    def __init__(self, subs, units, counted, minimum, bonuses):
        self._subs = subs
        self._units = units
        self._counted = counted
        self._minimum = minimum
        self._bonuses = bonuses
        self._id: int | None = None
        self._find(self._lowest())

    def _lowest(self) -> int | None:
        ids = [m.id() for m in self._subs if m.is_active()]
        return min(ids) if ids else None

    def _at(self, docid: int) -> list[int]:
        return [i for i, m in enumerate(self._subs) if m.is_active() and m.id() == docid]

    def _find(self, docid: int | None) -> None:
        """Settle on the first document from `docid` on that holds enough concepts."""
        while docid is not None:
            here = self._at(docid)
            if sum(self._counted[i] for i in here) >= self._minimum:
                self._id = docid
                return
            for i in here:
                self._subs[i].next()
            docid = self._lowest()
        self._id = None

    def is_active(self):
        return self._id is not None

    def id(self):
        return self._id

    def next(self):
        for i in self._at(self._id):
            self._subs[i].next()
        self._find(self._lowest())

    def skip_to(self, docid):
        for m in self._subs:
            if m.is_active() and m.id() < docid:
                m.skip_to(docid)
        self._find(self._lowest())

    def reset(self):
        for m in [*self._subs, *self._bonuses]:
            m.reset()
        self._find(self._lowest())

    def copy(self):
        return BestMatchMatcher([m.copy() for m in self._subs], self._units, self._counted,
                                self._minimum, [m.copy() for m in self._bonuses])

    def children(self):
        return list(self._subs)

    def replace(self, minquality=0):
        return self

    def supports(self, astype):
        return False

    def supports_block_quality(self):
        return False

    def weight(self):
        return sum(self._subs[i].weight() for i in self._at(self._id))

    def score(self):
        here = self._at(self._id)
        relevance = sum(self._subs[i].score() for i in here)
        for m in self._bonuses:
            if m.is_active() and m.id() < self._id:
                m.skip_to(self._id)
            if m.is_active() and m.id() == self._id:
                relevance += m.score()
        return sum(self._units[i] for i in here) * TIER + min(relevance, TIER - 1)

    def term_matchers(self):
        for m in self._subs:
            yield from m.term_matchers()

    def matching_terms(self, id=None):
        id = self._id if id is None else id
        for i in self._at(id):
            yield from self._subs[i].matching_terms(id)
