"""Best match: documents with every concept of a query first, then those with most of them.

A query typed as words becomes concepts (a word with its synonyms and translations, a number,
a word that names a status or a time). `BestMatch` matches a document holding at least
`minimum` of the topic concepts and scores it by tier first — twice the topic concepts it
holds plus the condition concepts — then by relevance within the tier, the way a search
engine's "minimum should match" fills a page with the closest matches when too few documents
match them all. Bonus queries add to the score of a document that matches anyway: a run of
words standing together as typed to its relevance, a condition's word in the text (废止 in a
notice) to its tier, less than the record's fields meeting the condition would.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

from whoosh import query as Q
from whoosh.matching import Matcher, NullMatcher
from whoosh.matching.binary import UnionMatcher

# Relevance scores stay far below one tier step, so a tier always outranks relevance.
TIER = 100_000.0
# Tier units: a topic, a condition met by the record's fields, a condition's word in the text.
TOPIC, CONDITION, CONDITION_TEXT = 4, 2, 1
# A concept found only through its weak alternatives (a general dictionary's guess, a term's
# words apart) earns this share of its units: a document holding every concept as written
# ranks above one that holds some of them only as guessed.
WEAK_SHARE = 0.5


# Below the tier units, a score counts the driving concepts (topics) a document holds, so
# that a hit that lacks one can be told from one that only lacks a condition.
_DRIVING = 16


def rank_of(score: float) -> int:
    """What orders hits before relevance: tier units, then driving concepts held."""
    return int(score // TIER)


def tier_of(score: float) -> int:
    return rank_of(score) // _DRIVING


def driving_of(score: float) -> int:
    return rank_of(score) % _DRIVING


def relevance_of(score: float) -> float:
    return score - rank_of(score) * TIER


def minimum_for(topics: int, concepts: int) -> int:
    """Topic concepts a document needs: at least half of them (of the conditions when the
    query names nothing else)."""
    return max(1, math.ceil((topics or concepts) / 2))


class _BestOfMatcher(UnionMatcher):
    """Matches what either side matches and scores the better side only.

    Whoosh's DisjunctionMaxMatcher takes the maximum of both sides even when they stand on
    different documents, crediting a document with another's score, and asks its sides for
    block quality, which the adjacent-phrase matcher has none of.
    """

    def supports_block_quality(self) -> bool:
        return False

    def replace(self, minquality=0):
        return super().replace(0)

    def _pick(self, value):
        a, b = self.a, self.b
        if not a.is_active():
            return value(b)
        if not b.is_active() or a.id() < b.id():
            return value(a)
        if b.id() < a.id():
            return value(b)
        return max(value(a), value(b))

    def score(self) -> float:
        return self._pick(lambda m: m.score())

    def weight(self) -> float:
        return self._pick(lambda m: m.weight())


class BestOf(Q.DisjunctionMax):
    """Alternatives for one term: a document matches if any does, and scores as the best one."""

    def _matcher(self, subs, searcher, context):
        return self._tree_matcher(subs, _BestOfMatcher, searcher, context, None)


class _GradedMatcher(_BestOfMatcher):
    """Best of a concept's strong (a) and weak (b) alternatives, telling which stood here."""

    def replace(self, minquality=0):
        return self  # collapsing to one side would forget which side it was

    def share(self) -> float:
        a = self.a
        return 1.0 if a.is_active() and a.id() == self.id() else WEAK_SHARE


class Graded(Q.CompoundQuery):
    """A concept's alternatives in two grades: BestMatch counts a document that holds only
    the weak ones (the second query) at WEAK_SHARE of the concept's tier units."""

    def __init__(self, strong: Q.Query, weak: Q.Query, boost: float = 1.0):
        super().__init__([strong, weak], boost)

    def _matcher(self, subs, searcher, context):
        return _GradedMatcher(subs[0].matcher(searcher, context), subs[1].matcher(searcher, context))

    def matcher(self, searcher, context=None):
        return self._matcher(self.subqueries, searcher, context)


class BestMatch(Q.Query):
    def __init__(self, concepts: list[Q.Query], units: list[int],
                 bonuses: Iterable[tuple[Q.Query, int]] = (), boost: float = 1.0, least: int | None = None):
        self.concepts = list(concepts)
        self.units = list(units)  # TOPIC or CONDITION per concept
        self.bonuses = list(bonuses)  # (query, tier units): optional, never required
        self.boost = boost
        self.least = least  # driving concepts required, when not the default

    @property
    def driving(self) -> int:
        """The concepts that decide whether a document matches: the topics, else all."""
        return self.units.count(TOPIC) or len(self.units)

    def needing(self, least: int) -> "BestMatch":
        """The same query, matching documents with at least `least` driving concepts."""
        return BestMatch(self.concepts, self.units, self.bonuses, self.boost, least=least)

    @property
    def full_tier(self) -> int:
        """The tier of a document with every concept (bonuses aside)."""
        return sum(self.units)

    @property
    def minimum(self) -> int:
        return self.least if self.least is not None else minimum_for(self.units.count(TOPIC), len(self.units))

    def __repr__(self):
        return f"BestMatch({self.concepts!r}, {self.units!r}, bonuses={self.bonuses!r})"

    def __unicode__(self):
        parts = [f"{'+' if u == TOPIC else '~'}({q})" for q, u in zip(self.concepts, self.units)]
        return f"BestMatch[{self.minimum}]({' '.join(parts)})"

    __str__ = __unicode__

    def __eq__(self, other):
        return (type(other) is type(self) and self.concepts == other.concepts and self.units == other.units
                and self.bonuses == other.bonuses and self.least == other.least)

    def __hash__(self):
        return hash((type(self).__name__, tuple(self.concepts), tuple(self.units)))

    def is_leaf(self):
        return False

    def children(self):
        return [*self.concepts, *(q for q, _ in self.bonuses)]

    def apply(self, fn):
        n = len(self.concepts)
        done = [fn(q) for q in self.children()]
        return BestMatch(done[:n], self.units, list(zip(done[n:], (u for _, u in self.bonuses))), self.boost,
                         self.least)

    def normalize(self):
        return self.apply(lambda q: q.normalize())

    def estimate_size(self, ixreader):
        return sum(q.estimate_size(ixreader) for q in self.concepts)

    def matcher(self, searcher, context=None):
        counts = [u == TOPIC for u in self.units] if TOPIC in self.units else [True] * len(self.units)
        subs = [q.matcher(searcher, context) for q in self.concepts]
        driving = [m for m, c in zip(subs, counts) if c]
        if sum(m.is_active() for m in driving) < self.minimum:
            return NullMatcher()
        optional = [(m, u) for m, u, c in zip(subs, self.units, counts) if not c]
        optional += [(q.matcher(searcher, context), u) for q, u in self.bonuses]
        units = [u for u, c in zip(self.units, counts) if c]
        return BestMatchMatcher(driving, units, self.minimum, optional)


def _whole() -> float:
    return 1.0


class BestMatchMatcher(Matcher):
    """Documents on which at least `minimum` of the driving matchers stand, found by skipping
    (the m-th lowest position is the first place such a document can be); the optional
    matchers (conditions, bonuses) are asked only about the documents found."""

    def __init__(self, driving, units, minimum, optional):
        self._subs = driving
        self._units = units
        self._minimum = minimum
        self._optional = optional  # (matcher, tier units)
        self._id: int | None = None
        self._scored: tuple[int, float] | None = None
        self._find()

    def _find(self) -> None:
        need = self._minimum
        while True:
            ids = sorted(m.id() for m in self._subs if m.is_active())
            if len(ids) < need:
                self._id = None
                return
            candidate = ids[need - 1]
            for m in self._subs:
                if m.is_active() and m.id() < candidate:
                    m.skip_to(candidate)
            if sum(1 for m in self._subs if m.is_active() and m.id() == candidate) >= need:
                self._id = candidate
                return

    def _here(self) -> list[int]:
        return [i for i, m in enumerate(self._subs) if m.is_active() and m.id() == self._id]

    def _optional_here(self):
        for m, units in self._optional:
            if m.is_active() and m.id() < self._id:
                m.skip_to(self._id)
            if m.is_active() and m.id() == self._id:
                yield m, units

    def is_active(self):
        return self._id is not None

    def id(self):
        return self._id

    def next(self):
        for i in self._here():
            self._subs[i].next()
        self._find()

    def skip_to(self, docid):
        for m in self._subs:
            if m.is_active() and m.id() < docid:
                m.skip_to(docid)
        self._find()

    def reset(self):
        for m in [*self._subs, *(m for m, _ in self._optional)]:
            m.reset()
        self._find()

    def copy(self):
        return BestMatchMatcher([m.copy() for m in self._subs], self._units, self._minimum,
                                [(m.copy(), u) for m, u in self._optional])

    def children(self):
        return list(self._subs)

    def replace(self, minquality=0):
        return self

    def supports(self, astype):
        return False

    def supports_block_quality(self):
        return False

    def weight(self):
        return sum(self._subs[i].weight() for i in self._here())

    def score(self):
        # The collector and the facet that counts complete hits both ask: score each once.
        if self._scored is not None and self._scored[0] == self._id:
            return self._scored[1]
        score = self._score()
        self._scored = (self._id, score)
        return score

    def _score(self):
        here = self._here()
        tier = sum(self._units[i] * getattr(self._subs[i], "share", _whole)() for i in here)
        relevance = sum(self._subs[i].score() for i in here)
        for m, units in self._optional_here():
            tier += units * getattr(m, "share", _whole)()
            relevance += m.score()
        return (round(tier) * _DRIVING + min(len(here), _DRIVING - 1)) * TIER + min(relevance, TIER - 1)

    def term_matchers(self):
        for m in self._subs:
            yield from m.term_matchers()

    def matching_terms(self, id=None):
        for i in self._here():
            yield from self._subs[i].matching_terms(id)
