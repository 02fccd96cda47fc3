"""Analysis for Chinese technical text: one token per ideograph, words for Latin script.

Rare-earth element names are single characters (镝, 铽, 钕), so every
ideograph is its own token; a multi-character query becomes a phrase of
characters, which matches them adjacent and in order. Latin words are
case-folded and stemmed. Width, case and traditional→simplified folding
happen once, on the whole string, before tokenizing (``textfold.fold``),
and keep offsets intact for highlighting.

Indexing speed matters (whole corpora are rebuilt from cron), so besides the
usual token stream the analyzer offers ``term_positions``: the same terms and
positions computed in bulk, used by ``FastPositions`` when a document is
added. ``tests/test_analysis.py`` checks that both paths agree.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from itertools import accumulate
from pickle import loads

from whoosh.analysis import Composable, Token, Tokenizer
from whoosh.formats import Positions
from whoosh.lang.porter import stem
from whoosh.system import _INT_SIZE

from indexer.textfold import fold

_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]|[a-z0-9\u00e0-\u00ff]+")
_STEMMABLE = re.compile(r"[a-z]{3,}")


@functools.lru_cache(maxsize=100_000)
def stem_word(word: str) -> str:
    return stem(word) if _STEMMABLE.fullmatch(word) else word


class CJKTokenizer(Tokenizer):
    """Folded text → ideographs and Latin/digit words, with positions and offsets."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True,
                 mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = fold(value)
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        for pos, match in enumerate(_TOKEN.finditer(fold(value)), start_pos):
            token.text = match.group()
            token.boost = 1.0
            if keeporiginal:
                token.original = value[match.start():match.end()]
            token.stopped = False
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


class StemLatin(Composable):
    """Porter-stems Latin words; ideographs and numbers pass through."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = stem_word(token.text)
            yield token


class CJKAnalyzer:
    """tokenizer | filters, plus a bulk path for indexing that gives the same result."""

    def __init__(self):
        self.tokenizer = CJKTokenizer()
        self.chain = self.tokenizer | StemLatin()

    def __call__(self, value, **kwargs):
        return self.chain(value, **kwargs)

    def __eq__(self, other):
        return type(other) is type(self)

    def __getstate__(self):
        return {}

    def __setstate__(self, state):
        self.__init__()

    def has_morph(self):
        return self.chain.has_morph()

    def term_positions(self, value: str) -> dict[str, list[int]]:
        poses: dict[str, list[int]] = defaultdict(list)
        for pos, word in enumerate(_TOKEN.findall(fold(value))):
            poses[word].append(pos)
        merged: dict[str, list[int]] = {}
        for word, positions in poses.items():
            term = stem_word(word)
            if term in merged:
                merged[term] = sorted(merged[term] + positions)
            else:
                merged[term] = positions
        return merged


class FastPositions(Positions):
    """Positions format that asks the analyzer for terms in bulk when it can."""

    def word_values(self, value, analyzer, **kwargs):
        bulk = getattr(analyzer, "term_positions", None)
        if bulk is None:
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for term, positions in bulk(value).items():
            yield term, len(positions), len(positions) * boost, self.encode(positions)

    def decode_positions(self, valuestring):
        # A count, then the gaps between positions as a pickled list (Positions.encode);
        # phrase matching decodes them for every candidate document, so the running sum
        # is taken in C rather than in a Python loop. The pickle's final STOP byte may
        # have been trimmed off when the posting was stored.
        if not valuestring.endswith(b"."):
            valuestring += b"."
        return list(accumulate(loads(valuestring[_INT_SIZE:])))
