"""Chinese query text split into words, with the field's vocabulary kept whole.

rjieba (jieba's dictionary and algorithm, in Rust) does the splitting; its dictionary gains
the glossary's Chinese terms (element names, materials, processes, every registered body's
names), the thesaurus and the query words (征求意见稿, 国家标准, 什么时候), so that
钕铁硼 or 总量控制指标 stay one word. Importing rjieba loads its dictionary (0.13–0.15 s,
a quarter of a search), so it is imported only when a query has Chinese that is not one
known word: the words inside the vocabulary's own words are kept in the user's cache.

Only queries are split: the index keeps one token per ideograph, so a word still finds
every document in which its characters stand together.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import marshal
import os
from typing import Any

Pieces = list[tuple[int, int, str]]


def segment(run: str) -> Pieces:
    """A run of folded ideographs as (start, end, word) pieces covering it in order."""
    return [(start, end, word) for word, start, end in _jieba().tokenize(run)]


def word_frequency(word: str) -> int:
    """How common a word is, by the segmenter's dictionary (1 for an unknown word)."""
    return int(_jieba().suggest_freq(word))


def subwords(word: str) -> Pieces:
    """The dictionary words inside a word, as (start, end, word)."""
    known = _known_subwords()
    return known[word] if word in known else _search_pieces(word)


def _search_pieces(word: str) -> Pieces:
    return [(start, end, sub) for sub, start, end in _jieba().tokenize(word, "search")]


@functools.cache
def _vocabulary() -> tuple[str, ...]:
    from indexer.extract.glossary import load_glossary
    from indexer.query.words import query_words, thesaurus

    words = [*load_glossary().cjk_keys(), *thesaurus().words(), *query_words().cjk_words()]
    return tuple(word for word in dict.fromkeys(words) if len(word) > 1)


@functools.cache
def _jieba() -> Any:
    import rjieba

    for word in _vocabulary():
        rjieba.add_word(word, None, None)
    return rjieba


@functools.cache
def _known_subwords() -> dict[str, Pieces]:
    # The vocabulary's long words are what queries name most (稀土永磁, 总量控制指标): their
    # pieces come from the cache, made again when the vocabulary or rjieba changes.
    from indexer.resources import cache_dir, write_cache

    vocabulary = _vocabulary()
    made_from = (_FORMAT, _rjieba_stamp(), hashlib.sha1("\n".join(vocabulary).encode("utf-8")).hexdigest())
    cache = cache_dir() / "subwords.marshal"
    try:
        kept_from, known = marshal.loads(cache.read_bytes())
        if kept_from == made_from:
            return known
    except (OSError, ValueError, EOFError, TypeError):
        pass
    known = {word: _search_pieces(word) for word in vocabulary if len(word) > 2}
    write_cache(cache, marshal.dumps((made_from, known)))
    return known


_FORMAT = 1


def _rjieba_stamp() -> tuple[str, int, int]:
    # Which rjieba (and so which dictionary) made the pieces, without importing it.
    spec = importlib.util.find_spec("rjieba")
    path = (spec.origin if spec else None) or ""
    try:
        stat = os.stat(path)
    except OSError:
        return path, 0, 0
    return path, stat.st_mtime_ns, stat.st_size
