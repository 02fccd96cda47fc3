"""Chinese query text split into words, with the field's vocabulary kept whole.

rjieba (jieba's dictionary and algorithm, in Rust) does the splitting; its dictionary gains
the glossary's Chinese terms (element names, materials, processes, every registered body's
names), the thesaurus and the query words (征求意见稿, 国家标准, 什么时候), so that
钕铁硼 or 总量控制指标 stay one word. Importing rjieba loads its dictionary (about 0.1 s),
so this module is imported only when a query has Chinese to split.

Only queries are split: the index keeps one token per ideograph, so a word still finds
every document in which its characters stand together.
"""
from __future__ import annotations

import functools
import rjieba


@functools.cache
def _ready() -> bool:
    from indexer.extract.glossary import load_glossary
    from indexer.query.words import query_words, thesaurus

    vocabulary = [*load_glossary().cjk_keys(), *thesaurus().words(), *query_words().cjk_words()]
    for word in dict.fromkeys(vocabulary):
        if len(word) > 1:
            rjieba.add_word(word, None, None)
    return True


def segment(run: str) -> list[tuple[int, int, str]]:
    """A run of folded ideographs as (start, end, word) pieces covering it in order."""
    _ready()
    return [(start, end, word) for word, start, end in rjieba.tokenize(run)]


def word_frequency(word: str) -> int:
    """How common a word is, by the segmenter's dictionary (1 for an unknown word)."""
    return int(rjieba.suggest_freq(word))



def subwords(word: str) -> list[tuple[int, int, str]]:
    """The dictionary words inside a word, as (start, end, word)."""
    _ready()
    return [(start, end, sub) for sub, start, end in rjieba.tokenize(word, "search")]
