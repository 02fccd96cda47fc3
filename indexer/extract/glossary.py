"""The bilingual glossary: Chinese terms of the field, their English names and other spellings.

The data is ``schemas/glossary.json`` (shape: ``schemas/glossary.schema.json``), then the
issuer registry (``schemas/issuers.json``: every body's Chinese and English names,
abbreviations and former names become ``organisation`` terms, so each body is kept in one
place only), then the user's own files: those named in ``$STDIDX_GLOSSARY`` (separated by
``os.pathsep``) and those a caller passes to :func:`load_glossary`. Each file is checked
when loaded; a problem is a UsageError naming the file and the line.

Terms are compared the way the index compares text — folded (width, case, traditional →
simplified) and Porter-stemmed — so "magnets" is the term "magnet" and 釹鐵硼 is 钕铁硼.
A short symbol or abbreviation, a variant of at most three letters or digits with a capital
in it (Dy, Y, REO, US), counts only when written exactly so, and is never searched for on
behalf of another form of its term, since the index folds case ("Sc" would find "SC").

The glossary also glosses Chinese titles (:meth:`Glossary.gloss`) and holds the display
labels of the two interface languages (:func:`label`).
"""
from __future__ import annotations

import bisect
import functools
import json
import json.decoder
import json.scanner
import os
import pickle
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from indexer.errors import UsageError
from indexer.index.analysis import _TOKEN, stem_word
from indexer.textfold import fold, is_cjk

GLOSSARY_ENV = "STDIDX_GLOSSARY"
# Mirrors the "category" enum of schemas/glossary.schema.json (a test keeps the two equal).
CATEGORIES = ("element", "material", "product", "process", "analysis", "policy", "document",
              "organisation", "place", "market", "general")
UI_LANGS = ("en", "zh")

_TOP_KEYS = frozenset({"version", "stopwords", "gloss_skip", "labels", "entries"})
_ENTRY_KEYS = frozenset({"zh", "en", "variants", "category"})
_SHORT_SYMBOL = 3
_PLAIN_PUNCT = str.maketrans({"《": "“", "》": "”", "〈": "‘", "〉": "’", "、": ", ", "。": ". ",
                              "，": ", ", "：": ": ", "；": "; ", "（": "(", "）": ")",
                              "【": "[", "】": "]", "〔": "[", "〕": "]", "—": "–"})


# ---------------------------------------------------------------------------
# The data.

@dataclass(frozen=True)
class Term:
    """One glossary entry: a Chinese term, its English name and other ways to write it."""

    zh: str
    en: str
    variants: tuple[str, ...]
    category: str
    source: str  # where it was defined: "path:line", or "issuers.json:ID"
    issuer_id: str | None = None  # registry id, for organisation terms from the registry

    def forms(self) -> tuple[str, ...]:
        return (self.zh, self.en, *self.variants)


@dataclass(frozen=True)
class _Form:
    term: Term
    text: str
    exact: tuple[str, ...] | None  # a short symbol: its tokens as written, case kept


def tokens_of(text: str) -> list[str]:
    """The index terms of a text: the analyzer's tokens, stemmed."""
    return [stem_word(t) for t in _TOKEN.findall(fold(text))]


def _exact_tokens(form: str) -> tuple[str, ...] | None:
    plain = unicodedata.normalize("NFKC", form)
    if not plain.isascii() or not any(c.isupper() for c in plain):
        return None
    words = tuple(re.findall(r"[A-Za-z0-9]+", plain))
    return words if sum(map(len, words)) <= _SHORT_SYMBOL else None


def key_has_cjk(key: tuple[str, ...]) -> bool:
    return any(is_cjk(t[0]) for t in key)


def contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return len(longer) > n and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def best_cover(n: int, longest: int, lookup) -> list[tuple[int, int, list | None]]:
    """Split n units (characters or words) into pieces that cover the most units with
    terms, then use the fewest pieces: (start, end, terms) with terms None where no term
    covers a unit. lookup(i, j) gives the terms for units i..j, or None.
    """
    best: list[tuple[int, int] | None] = [None] * (n + 1)  # (covered, -pieces)
    back: list[tuple[int, list | None]] = [(0, None)] * (n + 1)
    best[0] = (0, 0)
    for i in range(n):
        reached = best[i]
        if reached is None:
            continue
        covered, pieces = reached
        options: list[tuple[int, list | None]] = [(i + 1, None)]
        for j in range(i + 1, min(n, i + longest) + 1):
            terms = lookup(i, j)
            if terms is not None:
                options.append((j, terms))
        for j, terms in options:
            found = terms is not None
            score = (covered + (j - i if found else 0), pieces - (1 if found else 0))
            prior = best[j]
            if prior is None or score > prior:
                best[j] = score
                back[j] = (i, terms)
    out: list[tuple[int, int, list | None]] = []
    j = n
    while j > 0:
        i, terms = back[j]
        out.append((i, j, terms))
        j = i
    return out[::-1]


class Glossary:
    """Terms indexed for finding them in queries and titles. Build with :func:`load_glossary`."""

    def __init__(self, terms: Iterable[Term], stopwords: Iterable[str] = (),
                 gloss_skip: Iterable[str] = ()) -> None:
        self.terms = list(terms)
        self.stopwords = frozenset(stopwords)
        self._latin: dict[tuple[str, ...], list[_Form]] = {}
        self._cjk: dict[str, list[Term]] = {}
        for term in self.terms:
            for form in term.forms():
                key = tuple(tokens_of(form))
                if not key:
                    continue
                if all(is_cjk(t[0]) for t in key):
                    self._cjk.setdefault("".join(key), []).append(term)
                elif not key_has_cjk(key):
                    self._latin.setdefault(key, []).append(_Form(term, form, _exact_tokens(form)))
        self._skip = frozenset(fold(s) for s in gloss_skip)
        self.longest_latin = max((len(k) for k in self._latin), default=0)
        self._longest_cjk = max((len(k) for k in (*self._cjk, *self._skip)), default=0)

    def __len__(self) -> int:
        return len(self.terms)

    # --- finding terms ---------------------------------------------------

    def latin_terms(self, key: tuple[str, ...], written: tuple[str, ...]) -> list[Term]:
        """Terms one of whose English forms has index terms `key`; short symbols only when
        `written` (the words as typed, case kept) spells them exactly."""
        found: list[Term] = []
        for form in self._latin.get(key, ()):
            if form.exact is not None and form.exact != written:
                continue
            if form.term not in found:
                found.append(form.term)
        return found

    def cjk_keys(self) -> list[str]:
        """Every Chinese form of a term, folded."""
        return list(self._cjk)

    def cjk_terms(self, folded: str) -> list[Term]:
        return list(self._cjk.get(folded, ()))

    def terms_of(self, text: str) -> list[Term]:
        """The terms one of whose forms is the whole of `text`, in either language."""
        if key_has_cjk(tuple(tokens_of(text))):
            return self.cjk_terms(fold(text))
        return self.latin_terms(tuple(tokens_of(text)), tuple(text.split()))

    def segment(self, folded: str, with_skip: bool = False) -> list[tuple[int, int, list[Term] | None]]:
        """A run of folded Chinese split into terms: (start, end, terms) pieces, terms None
        for a character no term covers and [] for a skipped function word. The split covers
        the most characters, then uses the fewest pieces."""
        def lookup(i: int, j: int) -> list[Term] | None:
            chunk = folded[i:j]
            if chunk in self._cjk:
                return self._cjk[chunk]
            return [] if with_skip and chunk in self._skip else None

        return best_cover(len(folded), self._longest_cjk, lookup)

    # --- alternatives ------------------------------------------------------

    def alternatives(self, terms: Iterable[Term], written: str | None = None) -> list[str]:
        """What to search for a unit: what the user wrote, then every form of its terms, less
        the short symbols and any form a shorter one already finds (a phrase finds every
        longer phrase containing it)."""
        candidates = [written] if written else []
        for term in terms:
            candidates += [f for f in term.forms() if _exact_tokens(f) is None]
        keyed: dict[tuple[str, ...], str] = {}
        for form in candidates:
            key = tuple(tokens_of(form))
            if key and key not in keyed:
                keyed[key] = form.replace('"', " ").strip()
        keys = list(keyed)
        return [keyed[k] for k in keys if not any(contains(k, other) for other in keys)]

    # --- glosses ---------------------------------------------------------

    def gloss(self, title: str) -> str | None:
        """English words for the terms in a Chinese title, in title order; characters no term
        covers become "…". None when the title names no term."""
        folded = fold(title)
        pieces: list[str] = []
        found = False
        runs = list(_runs(folded))
        for at, (run, is_run) in enumerate(runs):
            if not is_run:
                # A space between two Chinese runs separates parts of a headline or two names.
                between = run.isspace() and 0 < at < len(runs) - 1
                pieces.append("·" if between else run.translate(_PLAIN_PUNCT))
                continue
            for start, end, terms in self.segment(run, with_skip=True):
                if terms is None:
                    if not pieces or pieces[-1] != "…":
                        pieces.append("…")
                elif terms:
                    found = True
                    english = terms[-1].en  # a later file (the user's) has the last word
                    if not pieces or pieces[-1] != english:
                        pieces.append(english)
        if not found:
            return None
        return _tidy(" ".join(pieces))


def _runs(text: str) -> Iterable[tuple[str, bool]]:
    """The text cut into runs of ideographs (True) and of everything else (False)."""
    for m in re.finditer(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+"
                         r"|[^\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+", text):
        yield m.group(), is_cjk(m.group()[0])


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:)\]”’])", r"\1", text)
    text = re.sub(r"([(\[“‘])\s+", r"\1", text)
    return text.strip(" ,;")


# ---------------------------------------------------------------------------
# Loading and checking.

class _Located(dict):
    line = 0


class _LocatedList(list):
    start = 0  # offset of its "["


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _decode_with_lines(text: str) -> Any:
    """json.loads, with each object remembering the line its "{" is on."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    decoder = json.JSONDecoder()

    def parse_object(s_and_end, *args):
        obj, end = json.decoder.JSONObject(s_and_end, *args)
        located = _Located(obj)
        located.line = bisect.bisect_right(line_starts, s_and_end[1] - 1)
        return located, end

    def parse_array(s_and_end, *args):
        items, end = json.decoder.JSONArray(s_and_end, *args)
        located = _LocatedList(items)
        located.start = s_and_end[1] - 1
        return located, end

    # typeshed declares neither these hooks nor the pure-Python scanner.
    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.parse_array = parse_array  # type: ignore[attr-defined]
    # The C scanner ignores parse_object and parse_array; the pure-Python one calls them.
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder.decode(text)


def _item_line(text: str, array: Any, index: int) -> int:
    """The line item `index` of a decoded array starts on (only needed to report a problem)."""
    start = getattr(array, "start", 0)
    position = start + 1
    decoder = json.JSONDecoder()
    for _ in range(index + 1):
        while text[position] in " \t\r\n,":
            position += 1
        item_start = position
        _, position = decoder.raw_decode(text, position)
    return _line_of(text, item_start)


@dataclass
class _FileData:
    terms: list[Term] = field(default_factory=list)
    stopwords: list[str] = field(default_factory=list)
    gloss_skip: list[str] = field(default_factory=list)
    labels: dict[str, Any] = field(default_factory=dict)


def _fail(path: Path, line: int, problem: str) -> UsageError:
    return UsageError(f"glossary {path}, line {line}: {problem}")


def read_glossary_file(path: Path, stopwords: Iterable[str] = ()) -> _FileData:
    """One glossary file, checked; a problem raises UsageError naming the file and line.
    `stopwords` (the bundled ones) are refused as English names, besides the file's own."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"glossary {path}: cannot read: {exc}") from None
    try:
        data = _decode_with_lines(text)
    except json.JSONDecodeError as exc:
        raise _fail(path, exc.lineno, f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(data, dict):
        raise _fail(path, 1, "expected an object with \"version\" and \"entries\"")
    line = getattr(data, "line", 1)
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise _fail(path, line, f"unknown key(s) {', '.join(map(repr, unknown))}; "
                                f"allowed: {', '.join(sorted(_TOP_KEYS))}")
    if data.get("version") != 1:
        raise _fail(path, line, f"\"version\" must be 1, got {data.get('version')!r}")
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise _fail(path, line, "\"entries\" must be a list of entries")
    out = _FileData(
        stopwords=_word_list(data, "stopwords", path, line, lambda w: w.isascii() and w == w.lower()),
        gloss_skip=_word_list(data, "gloss_skip", path, line, lambda w: all(is_cjk(c) for c in w)),
        labels=_labels(data.get("labels", {}), path, line),
    )
    refused = frozenset([*stopwords, *out.stopwords])
    first_line: dict[str, int] = {}
    for index, raw in enumerate(entries):
        if not isinstance(raw, _Located):     # every object of the file is decoded as one
            raise _fail(path, _item_line(text, entries, index),
                        f"entry {index}: expected an object, got {type(raw).__name__}")
        term = _entry(raw, index, path, refused)
        key = fold(term.zh)
        if key in first_line:
            raise _fail(path, raw.line, f"entry {index}: {term.zh!r} is already defined on line {first_line[key]}")
        first_line[key] = raw.line
        out.terms.append(term)
    return out


def _word_list(data: dict, key: str, path: Path, line: int, ok) -> list[str]:
    words = data.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() and ok(w) for w in words):
        raise _fail(path, line, f"{key!r} must be a list of words ({'lower-case English' if key == 'stopwords' else 'Chinese'})")
    return list(words)


def _labels(raw: Any, path: Path, line: int) -> dict[str, Any]:
    if not isinstance(raw, dict) or not all(
            isinstance(group, dict) and all(
                isinstance(v, dict) and set(v) == set(UI_LANGS) and all(isinstance(s, str) for s in v.values())
                for v in group.values())
            for group in raw.values()):
        raise _fail(path, getattr(raw, "line", line),
                    "\"labels\" must map a kind to values, each with an \"en\" and a \"zh\" string")
    return raw


def _entry(raw: _Located, index: int, path: Path, stopwords: frozenset[str]) -> Term:
    line = raw.line
    name = f"entry {index}" + (f" ({raw['zh']})" if isinstance(raw.get("zh"), str) else "")
    missing = [k for k in ("zh", "en", "category") if k not in raw]
    if missing:
        raise _fail(path, line, f"{name}: missing {', '.join(map(repr, missing))}")
    unknown = sorted(set(raw) - _ENTRY_KEYS)
    if unknown:
        raise _fail(path, line, f"{name}: unknown key(s) {', '.join(map(repr, unknown))}")
    zh, en, variants = raw["zh"], raw["en"], raw.get("variants", [])
    if not isinstance(zh, str) or not any(is_cjk(c) for c in zh):
        raise _fail(path, line, f"{name}: \"zh\" must be Chinese text, got {zh!r}")
    if not isinstance(en, str) or not re.search(r"[A-Za-z]", en):
        raise _fail(path, line, f"{name}: \"en\" must be English text, got {en!r}")
    if fold(en).strip() in stopwords:
        raise _fail(path, line, f"{name}: \"en\" {en!r} is a stopword and would never be matched")
    if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
        raise _fail(path, line, f"{name}: \"variants\" must be a list of strings")
    if raw["category"] not in CATEGORIES:
        raise _fail(path, line, f"{name}: \"category\" must be one of {', '.join(CATEGORIES)}; got {raw['category']!r}")
    for form in (zh, en, *variants):
        if '"' in form or not tokens_of(form):
            raise _fail(path, line, f"{name}: {form!r} has no letters or characters to match (or has a '\"')")
    if len(set(variants)) != len(variants):
        raise _fail(path, line, f"{name}: a variant is listed twice")
    return Term(zh.strip(), en.strip(), tuple(v.strip() for v in variants), raw["category"], f"{path}:{line}")


def _built_by() -> list[Path]:
    """Besides the glossary files, what a loaded glossary depends on."""
    from indexer.resources import schema_path

    package = Path(__file__).resolve().parent.parent
    return [schema_path("issuers.json"), package / "extract" / "glossary.py", package / "extract" / "issuers.py",
            package / "textfold.py", package / "index" / "analysis.py"]


def _registry_terms() -> list[Term]:
    from indexer.extract.issuers import default_registry

    terms = []
    for entry in default_registry().entries():
        variants = [*entry.abbr, *entry.aliases]
        for former in entry.former:
            variants += [former.name_zh, former.name_en, *former.abbr]
        variants = [v for v in dict.fromkeys(variants) if v not in (entry.name_zh, entry.name_en)]
        terms.append(Term(entry.name_zh, entry.name_en, tuple(variants), "organisation",
                          f"issuers.json:{entry.id}", entry.id))
    return terms


def bundled_glossary_path() -> Path:
    from indexer.resources import schema_path

    return schema_path("glossary.json")


def env_glossary_paths(environ: Mapping[str, str] | None = None) -> list[Path]:
    value = (os.environ if environ is None else environ).get(GLOSSARY_ENV, "")
    return [Path(p) for p in value.split(os.pathsep) if p.strip()]


def load_glossary(extra_paths: Iterable[Path] = ()) -> Glossary:
    """The bundled glossary, the issuer registry's names, the files in $STDIDX_GLOSSARY, then
    `extra_paths` (later files add terms; for a title gloss the last definition wins).
    Raises UsageError naming the file and line of the first problem."""
    paths = [bundled_glossary_path(), *env_glossary_paths(), *(Path(p) for p in extra_paths)]
    stamps = []
    for path in paths:
        try:
            stamps.append(_stamp(path))
        except OSError as exc:
            raise UsageError(f"glossary {path}: cannot read: {exc.strerror or exc}") from None
    return _load(tuple(stamps))


def _stamp(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return str(path), stat.st_mtime_ns, stat.st_size


@functools.lru_cache(maxsize=8)
def _load(stamps: tuple[tuple[str, int, int], ...]) -> Glossary:
    # Reading and checking the files and indexing their terms took a noticeable part of
    # every search process's start, so the result is kept in the user's cache. One file,
    # holding the glossary with what it was made from: every file's path, time and size,
    # the registry's and the code's that read them; any change builds it again.
    from indexer.resources import cache_dir, write_cache

    made_from = (sys.version_info[:2], stamps, *(_stamp(p) for p in _built_by()))
    cache = cache_dir() / "glossary.pickle"
    try:
        kept_from, glossary = pickle.loads(cache.read_bytes())
        if kept_from == made_from:
            return glossary
    except Exception:  # a missing, partial or outdated cache is built again
        pass
    glossary = _build(stamps)
    write_cache(cache, pickle.dumps((made_from, glossary)))
    return glossary


def _build(stamps: tuple[tuple[str, int, int], ...]) -> Glossary:
    bundled = read_glossary_file(Path(stamps[0][0]))
    users = [read_glossary_file(Path(path), bundled.stopwords) for path, _, _ in stamps[1:]]
    terms = [*bundled.terms, *_registry_terms()]
    stopwords, skip = list(bundled.stopwords), list(bundled.gloss_skip)
    for data in users:
        terms += data.terms
        stopwords += data.stopwords
        skip += data.gloss_skip
    return Glossary(terms, stopwords, skip)


@functools.cache
def labels() -> dict[str, Any]:
    """Display names of document types, statuses, facets and messages, in English and Chinese."""
    return read_glossary_file(bundled_glossary_path()).labels


def label(kind: str, value: str, ui: str) -> str:
    return labels().get(kind, {}).get(value, {}).get(ui, value)


def ui_from_locale(environ: Mapping[str, str] | None = None) -> str:
    """zh when the locale in effect (LC_ALL, else LC_MESSAGES, else LANG) is Chinese, else en."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
