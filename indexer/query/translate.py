"""Queries in one language that also search the other, through the glossary.

How a query is read (docs/english.md has the user's view):

* English words that run together into a glossary term form one unit ("total quantity
  control"); where several readings cover the words, the one covering most words with the
  fewest terms wins.
* A run of Chinese characters is one unit: either one term, or a run made wholly of terms
  (镝出口管制 = 镝 + 出口管制), which keeps its Chinese phrase and gains the English words.
  A run with characters no term covers is searched as written.
* Symbols count only as written (see indexer.extract.glossary); a one-letter symbol (Y)
  counts only when the query names another element.
* Quoted phrases, standard and document numbers, AND/OR/NOT and field prefixes are left
  as written; English function words outside a term (the, of, for …) are dropped, since a
  Chinese text cannot contain them.

:func:`expand` finds the units; indexer.query.parse turns each into one group of
alternatives scored by the best of them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable

from indexer.extract.glossary import Glossary, Term, best_cover, key_has_cjk, load_glossary, tokens_of
from indexer.index.analysis import _TOKEN, stem_word
from indexer.textfold import fold, is_cjk

# load_glossary lives with the data; it is offered here too, beside what it is used for.
__all__ = ["Expansion", "Unit", "expand", "load_glossary"]

_OPERATORS = frozenset({"AND", "OR", "NOT"})
# What may stand between two English words of one term as the user writes it.
_LATIN_JOINERS = frozenset(" \t-/'’.,&")
# Beside a unit there must be no letter, digit or ideograph (the unit would be part of a
# longer word, which Whoosh searches as one phrase) and none of Whoosh's operator characters.
_BLOCKERS = frozenset(":*?~^[]{}'_")


# ---------------------------------------------------------------------------
# Query expansion.

@dataclass(frozen=True)
class Unit:
    """A stretch of the query that names glossary terms, and what to search for it."""

    start: int
    end: int
    written: str
    terms: tuple[Term, ...]
    alternatives: tuple[str, ...]
    parts: tuple["Unit", ...] = ()  # a Chinese run made of several terms

    @property
    def issuer_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.issuer_id for t in self.terms if t.issuer_id))

    def english(self) -> tuple[str, ...]:
        """The alternatives written without Chinese characters."""
        return tuple(a for a in self.alternatives if not key_has_cjk(tuple(tokens_of(a))))

    def render(self) -> str:
        if self.parts:
            english = " ".join(render_either(p.english()) for p in self.parts)
            return f"({self.written} OR ({english}))"
        return render_either(self.alternatives)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"written": self.written, "alternatives": list(self.alternatives),
                                "terms": [{"zh": t.zh, "en": t.en, "category": t.category} for t in self.terms]}
        if self.parts:
            data["parts"] = [p.to_dict() for p in self.parts]
        return data


def _quoted(form: str) -> str:
    return f'"{form}"' if len(tokens_of(form)) > 1 and not all(is_cjk(c) for c in form) else form


def render_either(alternatives: Iterable[str]) -> str:
    forms = [_quoted(a) for a in alternatives]
    return forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")"


@dataclass
class Expansion:
    text: str
    units: list[Unit]
    dropped: list[tuple[int, int]]  # function words left out

    def explain(self) -> str:
        """The query as searched: each unit as (alternative OR …), function words left out."""
        edits = [(u.start, u.end, u.render()) for u in self.units] + [(a, b, "") for a, b in self.dropped]
        out, last = [], 0
        for start, end, replacement in sorted(edits):
            out.append(self.text[last:start])
            out.append(replacement)
            last = end
        out.append(self.text[last:])
        return re.sub(r"\s+", " ", "".join(out)).strip()

    def needles(self) -> str:
        """What snippets highlight: the query as searched."""
        return self.explain()

    render = explain

    def to_list(self) -> list[dict[str, Any]]:
        return [u.to_dict() for u in self.units]


@dataclass(frozen=True)
class QueryToken:
    start: int
    end: int
    folded: str
    written: str  # width-folded, case kept
    cjk: bool
    key: str


def query_tokens(text: str, protected: list[tuple[int, int]]) -> list[QueryToken]:
    folded = fold(text)
    out = []
    for m in _TOKEN.finditer(folded):
        if any(a < m.end() and m.start() < b for a, b in protected):
            continue
        written = unicodedata.normalize("NFKC", text[m.start():m.end()])
        out.append(QueryToken(m.start(), m.end(), m.group(), written, is_cjk(m.group()[0]), stem_word(m.group())))
    return out


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r'"[^"]*"', text)]


def expand(text: str, glossary: Glossary, skip: Iterable[tuple[int, int]] = ()) -> Expansion:
    """Find the glossary terms in a query. `skip` are spans left as written (numbers)."""
    protected = sorted([*skip, *_quoted_spans(text)])
    toks = query_tokens(text, protected)
    usable = [not (t.written in _OPERATORS or _field_name(text, t)) for t in toks]
    units: list[Unit] = []
    i = 0
    while i < len(toks):
        if not usable[i]:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and usable[j] and linked(text, toks[j - 1], toks[j], protected):
            j += 1
        run = toks[i:j]
        units += _cjk_unit(text, run, glossary) if run[0].cjk else latin_units(text, run, glossary)
        i = j
    units = _in_context(units)
    covered = {id(t) for t in toks for u in units if u.start <= t.start and t.end <= u.end}
    dropped = [(t.start, t.end) for k, t in enumerate(toks)
               if usable[k] and not t.cjk and id(t) not in covered and t.folded in glossary.stopwords]
    if len(dropped) == len([k for k, t in enumerate(toks) if usable[k]]) and not units:
        dropped = []  # a query of nothing but function words means them
    return Expansion(text, units, dropped)


def _field_name(text: str, tok: QueryToken) -> bool:
    """Whoosh reads "name:" as a field prefix; neither the name nor the value is a word."""
    return text[tok.end:tok.end + 1] == ":" or (tok.start > 0 and text[tok.start - 1] == ":")


def linked(text: str, a: QueryToken, b: QueryToken, protected: list[tuple[int, int]]) -> bool:
    if a.cjk != b.cjk or any(a.end <= s < b.start for s, _ in protected):
        return False
    gap = text[a.end:b.start]
    return gap == "" if a.cjk else all(c in _LATIN_JOINERS for c in gap)


def _at_edges(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not any(c.isalnum() or c in _BLOCKERS for c in (before, after))


def _cjk_unit(text: str, run: list[QueryToken], glossary: Glossary) -> list[Unit]:
    start, end = run[0].start, run[-1].end
    if not _at_edges(text, start, end):
        return []
    written = text[start:end]
    folded = "".join(t.folded for t in run)
    terms = glossary.cjk_terms(folded)
    if terms:
        return [Unit(start, end, written, tuple(terms), tuple(glossary.alternatives(terms, written)))]
    pieces = glossary.segment(folded)
    if len(pieces) < 2 or any(terms is None for _, _, terms in pieces):
        return []
    parts = tuple(Unit(start + a, start + b, text[start + a:start + b], tuple(ts),
                       tuple(glossary.alternatives(ts, text[start + a:start + b])))
                  for a, b, ts in pieces if ts is not None)
    if not all(part.english() for part in parts):
        return []
    return [Unit(start, end, written, tuple(t for p in parts for t in p.terms), (written,), parts)]


def latin_units(text: str, run: list[QueryToken], glossary: Glossary) -> list[Unit]:
    """The reading of a run of English words that covers most words with fewest terms."""
    def lookup(i: int, j: int) -> list[Term] | None:
        terms = glossary.latin_terms(tuple(t.key for t in run[i:j]), tuple(t.written for t in run[i:j]))
        return terms if terms and _at_edges(text, run[i].start, run[j - 1].end) else None

    units: list[Unit] = []
    for i, j, terms in best_cover(len(run), glossary.longest_latin, lookup):
        if terms:
            start, end = run[i].start, run[j - 1].end
            written = text[start:end]
            units.append(Unit(start, end, written, tuple(terms), tuple(glossary.alternatives(terms, written))))
    return units


def _in_context(units: list[Unit]) -> list[Unit]:
    """Drops a one-letter symbol (Y) unless the query also names an element."""
    def lone_letter(u: Unit) -> bool:
        return len(u.written) == 1 and u.written.isascii()

    elements = [u for u in units if not lone_letter(u) and any(t.category == "element" for t in u.terms)]
    return [u for u in units if not lone_letter(u) or elements]
