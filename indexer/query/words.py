"""The query vocabulary: words that are not searched as written.

Two data files, each with a JSON Schema beside it:

* ``schemas/query-words.json``: question and function words a query drops, words too common
  in the field's documents to be required (发布, China), and words that
  name a status, a level of standard, a document type or a relative time, which become
  conditions on the record's fields (see indexer.query.concepts).
* ``schemas/thesaurus.json``: groups of words that say the same thing differently
  (出口管控 ~ 出口限制), so a query word also finds the others of its group.

Words are compared folded (width, case, traditional → simplified) and, for English, stemmed,
the way the index compares text.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from indexer.errors import UsageError
from indexer.extract.glossary import tokens_of
from indexer.index.analysis import _TOKEN
from indexer.textfold import fold
from indexer.resources import schema_path


def word_key(word: str) -> str:
    """How a word or phrase is compared: its index terms joined (folded, stemmed)."""
    return " ".join(tokens_of(word))


def condition_key(word: str) -> str:
    """How a filter word is compared: folded, and English words unstemmed, since stems of
    different words meet ("new" and "news" both stem to new)."""
    return word_key(word) if not word.isascii() else " ".join(_TOKEN.findall(fold(word)))


@dataclass(frozen=True)
class Condition:
    """What a filter word names: a field condition, shown by --explain as `kind=value`."""

    kind: str  # status, stage, level, doc_type, time
    value: str  # the status or type; the level's name; for time, "years:N" or "days:N"
    prefixes: tuple[str, ...] = ()  # a level's standard-number prefixes
    words: tuple[str, ...] = ()  # every word that names it, in both languages
    issuer_kinds: tuple[str, ...] = ()  # a level's kinds of issuing body (local rules)
    half: tuple[tuple[str, str], ...] = ()  # (field, value) pairs that meet it at half weight


@dataclass(frozen=True)
class QueryWords:
    drop: frozenset[str]
    weak: frozenset[str]  # words that rank but are never required
    effect: frozenset[str]  # words that make a year in the query a year of taking effect
    conditions: dict[str, Condition]  # condition key → condition
    longest: int  # the most index terms in one condition word
    written: tuple[str, ...]  # every word of the file, as written

    def condition(self, key: str) -> Condition | None:
        return self.conditions.get(key)

    def cjk_words(self) -> list[str]:
        """The Chinese words, for the segmenter's dictionary."""
        return [w for w in self.written if not w.isascii()]


@functools.cache
def query_words() -> QueryWords:
    data = _read("query-words.json")
    drop = frozenset(word_key(w) for lang in ("zh", "en") for w in data["drop"][lang])
    weak = frozenset(word_key(w) for lang in ("zh", "en") for w in data["weak"][lang])
    effect = frozenset(word_key(w) for lang in ("zh", "en") for w in data["effect"][lang])
    conditions: dict[str, Condition] = {}

    def add(words, condition):
        for word in words:
            conditions.setdefault(condition_key(word), condition)

    def half(entry) -> tuple[tuple[str, str], ...]:
        return tuple((name, value) for name, values in entry.get("half", {}).items() for value in values)

    for entry in data["status"]:
        add(entry["words"], Condition("status", entry["status"], (), tuple(entry["words"]), half=half(entry)))
    for entry in data.get("stage", ()):
        add(entry["words"], Condition("stage", entry["stage"], (), tuple(entry["words"]), half=half(entry)))
    for entry in data["level"]:
        add(entry["words"], Condition("level", entry["level"], tuple(entry["std_prefixes"]), tuple(entry["words"]),
                                      issuer_kinds=tuple(entry.get("issuer_kinds", ()))))
    for entry in data["doc_type"]:
        add(entry["words"], Condition("doc_type", entry["doc_type"], (), tuple(entry["words"]), half=half(entry)))
    for entry in data["time"]:
        value = f"years:{entry['years']}" if "years" in entry else f"days:{entry['days']}"
        add(entry["words"], Condition("time", value))
    longest = max((len(k.split()) for k in conditions), default=1)
    written = [*data["drop"]["zh"], *data["drop"]["en"], *data["weak"]["zh"], *data["weak"]["en"],
               *data["effect"]["zh"], *data["effect"]["en"]]
    written += [w for kind in ("status", "stage", "level", "doc_type", "time") for entry in data.get(kind, ())
                for w in entry["words"]]
    return QueryWords(drop, weak, effect, conditions, longest, tuple(written))


@dataclass(frozen=True)
class Thesaurus:
    groups: dict[str, tuple[str, ...]]  # word key → the other words of its groups, as written
    longest: int  # the most words in one English phrase of the thesaurus

    def others(self, word: str) -> tuple[str, ...]:
        return self.groups.get(word_key(word), ())

    def phrases(self, keys: list[str]) -> list[tuple[int, int]]:
        """The stretches of a run of English word keys that are phrases of the thesaurus
        (entry rules, periodic review), longest first from the left, as (start, end)."""
        found, i = [], 0
        while i < len(keys):
            end = next((j for j in range(min(len(keys), i + self.longest), i + 1, -1)
                        if " ".join(keys[i:j]) in self.groups), None)
            if end is None:
                i += 1
            else:
                found.append((i, end))
                i = end
        return found

    def words(self) -> list[str]:
        """Every Chinese word of the thesaurus, for the segmenter's dictionary."""
        return [w for others in self.groups.values() for w in others if not w.isascii()]


@functools.cache
def thesaurus() -> Thesaurus:
    data = _read("thesaurus.json")
    groups: dict[str, list[str]] = {}
    for group in data["groups"]:
        keyed = [(word_key(t), t) for t in group["terms"]]
        for key, _ in keyed:
            bucket = groups.setdefault(key, [])
            bucket += [t for k, t in keyed if k != key and t not in bucket]
    longest = max((len(k.split()) for k in groups if k.isascii()), default=1)
    return Thesaurus({k: tuple(v) for k, v in groups.items() if k}, longest)


def _read(name: str) -> dict:
    path = schema_path(name)
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path}: cannot read the query vocabulary ({exc})") from exc
