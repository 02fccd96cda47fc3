"""The issuer registry: who issues the texts stdidx indexes, and where they are named in a text.

The data is schemas/issuers.json (shape: schemas/issuers.schema.json). This module loads and
checks it, resolves a name as written to its entry, finds every registered name in a text,
and gives the name a body used on a given date.

Conventions the rest of stdidx relies on:

* Registry ids are upper-case ASCII (``MIIT``, ``SAC_TC229``); ids of bodies that are not
  in the registry come from :func:`unregistered_id` and always start with ``x-``.
* Registry names (``name_zh``) are stored without the 中华人民共和国 prefix, as bodies sign
  joint documents. The prefix is ignored when matching; :func:`clean_issuer_name` and
  ``IssuerMatch.name`` keep it as written, since they are for display.
* Traditional script is folded to simplified one character at a time, with a table built
  from OpenCC's ``t2s`` conversion, so folding never changes a text's length and offsets
  found in the folded text are offsets in the original.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

# Mirrors the "kind" enum of schemas/issuers.schema.json (a test keeps the two equal).
KINDS = (
    "government", "legislature", "standards_body", "committee", "society", "association",
    "company", "international", "local_government", "local_legislature",
)
STATE_PREFIX = "中华人民共和国"
LOCAL_KINDS = ("local_government", "local_legislature")
# A body below the state, named by its place: 江西省工业和信息化厅, 赣州市人民政府 (not 市场…),
# Guangdong Provincial Department of …
_LOCAL_NAME = re.compile(r"^(?!中国|中华|全国|国家|国务院)[\u4e00-\u9fff]{1,8}?(?:省|自治区|市(?!场)|自治州|地区|盟|县|旗)"
                         r"|\b(?:Province|Provincial|Municipal|Municipality|Autonomous Region|Prefecture|County)\b")

_ENTRY_KEYS = frozenset({"id", "name_zh", "name_en", "abbr", "aliases", "short", "former", "kind", "parent"})
_ENTRY_REQUIRED = ("id", "name_zh", "name_en", "kind")
_FORMER_KEYS = frozenset({"name_zh", "name_en", "abbr", "until"})
_FORMER_REQUIRED = ("name_zh", "name_en", "until")
_ID_RE = re.compile(r"[A-Z][A-Z0-9_]*")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PARTIAL_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})(?:[T ].*)?)?)?")


@dataclass(frozen=True)
class FormerName:
    name_zh: str
    name_en: str
    abbr: tuple[str, ...]
    until: str  # first day the current name was in use, YYYY-MM-DD

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name_zh, self.name_en, *self.abbr)


@dataclass(frozen=True)
class RegistryEntry:
    id: str
    name_zh: str
    name_en: str
    abbr: tuple[str, ...]
    aliases: tuple[str, ...]
    former: tuple[FormerName, ...]
    kind: str
    parent: str | None
    short: tuple[str, ...] = ()     # typed by people, never looked for in text (江西省发改委 is not NDRC)


@dataclass(frozen=True)
class IssuerMatch:
    entry: RegistryEntry | None
    name: str  # the text as matched, whitespace tidied
    start: int
    end: int
    former: FormerName | None = None  # set when the text used a former name


class RegistryError(ValueError):
    """The registry file is unreadable or breaks a rule; the message says where and what."""


# ---------------------------------------------------------------------------
# Folding: traditional → simplified, full-width → ASCII, all length-preserving.

@lru_cache(maxsize=1)
def _fold_table() -> dict[str, str]:
    # The same traditional → simplified character table the index folds with.
    from indexer.textfold import t2s_table

    table = {chr(code): simple for code, simple in t2s_table().items()}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII forms
        table[chr(code)] = chr(code - 0xFEE0)
    table["\u3000"] = table["\u00a0"] = " "  # ideographic and no-break spaces
    table["\u2018"] = table["\u2019"] = "'"
    # Lower-cases to two characters, which would shift offsets in find_in_text.
    table["\u0130"] = "I"
    return table


@lru_cache(maxsize=1)
def _fold_re() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(_fold_table())) + "]")


def fold_text(text: str) -> str:
    """Simplified script and ASCII punctuation, character for character (same length)."""
    table = _fold_table()
    # A regex finds the few characters to change faster than str.translate visits them all.
    return _fold_re().sub(lambda m: table[m.group()], text)


_EN_STATE_SUFFIX_RE = re.compile(
    r"\s*,?\s*(?:of\s+)?the\s+people's\s+republic\s+of\s+china$|\s+of\s+(?:the\s+)?p\.?\s*r\.?\s*c\.?$|\s*\(prc\)$"
)


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """The form two spellings of one name share: folded script, width and case, no spaces,
    no 中华人民共和国 prefix or "of the People's Republic of China" suffix."""
    key = fold_text(unicodedata.normalize("NFKC", name)).casefold().strip()
    key = _EN_STATE_SUFFIX_RE.sub("", key)
    key = re.sub(r"^the\s+", "", key)
    key = "".join(key.split()).rstrip(".。")
    if key.startswith(STATE_PREFIX) and len(key) > len(STATE_PREFIX):
        key = key[len(STATE_PREFIX):]
    return key


# ---------------------------------------------------------------------------
# Cleaning names of bodies as written in documents.

_WS_RE = re.compile(r"\s+")
_LABEL_RE = re.compile(
    r"\s*(?:(?:发布|颁布|发文|印发|制定|批准|主管|归口)?(?:单位|机关|机构|部门)|issued\s+by|issuer|publisher)"
    r"\s*[:：]\s*",
    re.IGNORECASE,
)
_SEAL_RE = re.compile(r"[(\[【〔]\s*(?:盖章|签章|印章|公章|章|seal)\s*[)\]】〕]", re.IGNORECASE)
_EDGE_PUNCT = "，。、；：,;:!！?？·•*\"“”‘’「」『』"
# A final "." that belongs to the name: "Co., Ltd.", "P.R.C."
_KEEP_PERIOD_RE = re.compile(r"(?:\b(?:Ltd|Co|Inc|Corp|Dept|No)|(?:^|[.\s])[A-Z])\.$")


def _tidy(text: str) -> str:
    # Signature lines space out Chinese names ("国  务  院"); a space beside a Chinese
    # character is layout, a space between two ASCII words is part of the name.
    def join(m: re.Match[str]) -> str:
        before = m.string[m.start() - 1] if m.start() else ""
        after = m.string[m.end()] if m.end() < len(m.string) else ""
        return " " if before.isascii() and after.isascii() else ""

    return _WS_RE.sub(join, text.replace("\u3000", " ").strip())


def clean_issuer_name(raw: str) -> str:
    """A body's name as written, ready for display: no label ("发布单位："), no seal mark
    ("（盖章）"), no edge punctuation, tidy spaces. Keeps 中华人民共和国 and the script used."""
    text = raw
    folded = fold_text(text)  # labels and seals may be in traditional script or full width
    for m in reversed(list(_SEAL_RE.finditer(folded))):
        text = text[:m.start()] + " " + text[m.end():]
    text = _tidy(text)
    label = _LABEL_RE.match(fold_text(text))
    if label:
        text = text[label.end():]
    text = text.strip(_EDGE_PUNCT + " ")
    if text.endswith(".") and not _KEEP_PERIOD_RE.search(text):
        text = text[:-1].rstrip()
    return text


def unregistered_id(name: str) -> str:
    """Stable id for a body not in the registry: "x-" and 10 hex digits of its name key,
    so spellings that differ only in script, width, spacing or state prefix share one id."""
    key = name_key(clean_issuer_name(name))
    if not key:
        raise ValueError(f"no issuer name in {name!r}")
    return "x-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


# ---------------------------------------------------------------------------
# Reading and checking the registry data.

def _fail(where: str, problem: str) -> RegistryError:
    return RegistryError(f"{where}: {problem}")


def _text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"{key!r} must be a non-empty string, got {value!r}")
    return value.strip()


def _text_list(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(where, f"{key!r} must be a list of non-empty strings, got {value!r}")
    return tuple(dict.fromkeys(v.strip() for v in value))  # drop repeats, keep order


def _check_keys(raw: dict[str, Any], allowed: frozenset[str], required: tuple[str, ...], where: str) -> None:
    missing = [k for k in required if k not in raw]
    if missing:
        raise _fail(where, "missing key(s) " + ", ".join(repr(k) for k in missing))
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise _fail(where, "unknown key(s) " + ", ".join(repr(k) for k in unknown))


def _parse_former(raw: Any, where: str) -> FormerName:
    if not isinstance(raw, dict):
        raise _fail(where, f"expected an object, got {type(raw).__name__}")
    _check_keys(raw, _FORMER_KEYS, _FORMER_REQUIRED, where)
    until = raw["until"]
    if not isinstance(until, str) or not _DATE_RE.fullmatch(until):
        raise _fail(where, f"'until' must be a date YYYY-MM-DD, got {until!r}")
    try:
        date.fromisoformat(until)
    except ValueError:
        raise _fail(where, f"'until' is not a calendar date: {until!r}") from None
    return FormerName(
        name_zh=_text(raw, "name_zh", where),
        name_en=_text(raw, "name_en", where),
        abbr=_text_list(raw, "abbr", where),
        until=until,
    )


def _parse_entry(raw: Any, where: str) -> RegistryEntry:
    if not isinstance(raw, dict):
        raise _fail(where, f"expected an object, got {type(raw).__name__}")
    if isinstance(raw.get("id"), str):
        where = f"{where} ({raw['id']})"
    _check_keys(raw, _ENTRY_KEYS, _ENTRY_REQUIRED, where)
    ident = raw["id"]
    if not isinstance(ident, str) or not _ID_RE.fullmatch(ident):
        raise _fail(where, f"'id' must be upper-case ASCII letters, digits and '_', got {ident!r}")
    if raw["kind"] not in KINDS:
        raise _fail(where, f"'kind' must be one of {', '.join(KINDS)}; got {raw['kind']!r}")
    parent = raw.get("parent")
    if parent is not None and (not isinstance(parent, str) or not _ID_RE.fullmatch(parent)):
        raise _fail(where, f"'parent' must be an id, got {parent!r}")
    former_raw = raw.get("former", [])
    if not isinstance(former_raw, list):
        raise _fail(where, f"'former' must be a list, got {former_raw!r}")
    return RegistryEntry(
        id=ident,
        name_zh=_text(raw, "name_zh", where),
        name_en=_text(raw, "name_en", where),
        abbr=_text_list(raw, "abbr", where),
        aliases=_text_list(raw, "aliases", where),
        short=_text_list(raw, "short", where),
        former=tuple(_parse_former(f, f"{where}: former {i}") for i, f in enumerate(former_raw)),
        kind=raw["kind"],
        parent=parent,
    )


def _parse_registry(data: Any, source: str) -> list[RegistryEntry]:
    if not isinstance(data, dict):
        raise _fail(source, f"expected an object with 'version' and 'issuers', got {type(data).__name__}")
    _check_keys(data, frozenset({"version", "issuers"}), ("version", "issuers"), source)
    if data["version"] != 1:
        raise _fail(source, f"unsupported registry version {data['version']!r}")
    if not isinstance(data["issuers"], list) or not data["issuers"]:
        raise _fail(source, "'issuers' must be a non-empty list")
    entries: list[RegistryEntry] = []
    first_index: dict[str, int] = {}
    for index, raw in enumerate(data["issuers"]):
        entry = _parse_entry(raw, f"{source}: entry {index}")
        if entry.id in first_index:
            raise _fail(f"{source}: entry {index} ({entry.id})",
                        f"id {entry.id!r} is already used by entry {first_index[entry.id]}")
        first_index[entry.id] = index
        entries.append(entry)
    for index, entry in enumerate(entries):
        if entry.parent is not None and (entry.parent not in first_index or entry.parent == entry.id):
            raise _fail(f"{source}: entry {index} ({entry.id})", f"parent {entry.parent!r} is not another entry's id")
    return entries


def _current_names(entry: RegistryEntry) -> tuple[str, ...]:
    return (entry.name_zh, entry.name_en, *entry.abbr, *entry.aliases)


def _index_names(entries: list[RegistryEntry], source: str) -> dict[str, tuple[RegistryEntry, FormerName | None]]:
    """Name key → (entry, former name or None); refuses a name two entries claim."""
    index: dict[str, tuple[RegistryEntry, FormerName | None]] = {}
    position = {entry.id: i for i, entry in enumerate(entries)}

    def claim(entry: RegistryEntry, name: str, former: FormerName | None) -> None:
        key = name_key(name)
        if not key:
            raise _fail(f"{source}: entry {position[entry.id]} ({entry.id})", f"name {name!r} is empty once folded")
        owner = index.get(key)
        if owner is None:
            index[key] = (entry, former)
        elif owner[0].id != entry.id:
            raise _fail(f"{source}: entry {position[entry.id]} ({entry.id})",
                        f"name {name!r} is already claimed by entry {position[owner[0].id]} ({owner[0].id})")

    # Current names first, so that within one entry a current name outranks a former one.
    for entry in entries:
        for name in (entry.id, *_current_names(entry), *entry.short):
            claim(entry, name, None)
    for entry in entries:
        for former in entry.former:
            for name in former.names:
                claim(entry, name, former)
    return index


# ---------------------------------------------------------------------------
# Finding registered names in text.

_ASCII_WORD = "A-Za-z0-9_&"
# A body's general office or one of its committees acts in its name: 工业和信息化部办公厅,
# 中国稀土学会标准化工作委员会.
SUB_UNIT = re.compile(r"办公厅|办公室|(?:(?!关于|的|和|及|与|等|、)[\u4e00-\u9fff]){0,8}?委员会"
                      r"|(?:(?!关于|的|和|及|与|等|、|公)[\u4e00-\u9fff]){1,8}?司(?!法)")  # 原材料工业司, 科技司
_OPTIONAL_PUNCT = ",;"
_OF_CHINA_RE = re.compile(r"\s+of\s+(?:the\s+)?(?:china|people's\s+republic\s+of\s+china|p\.?r\.?c\.?)$", re.I)
_STATE_FORMS = ("China", "the People's Republic of China", "PRC", "the PRC")
# A name cut short ends in "." or an ellipsis; at least this many characters must remain.
_TRUNCATED_RE = re.compile(r"\s*(?:\.{1,3}|…+|．)\s*$")
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
TRUNCATED_MIN = 6
_CJK, _ACRONYM, _ENGLISH = "cjk", "acronym", "english"
# "Ministry of Commerce of the People's Republic of China" is still the Ministry of Commerce.
_EN_SUFFIX_RE = re.compile(r"\s*,?\s+of\s+(?:the\s+People's\s+Republic\s+of\s+China|(?:the\s+)?P\.?R\.?C\b\.?)(?![A-Za-z])",
                           re.IGNORECASE)


def _form_class(folded: str) -> str:
    if not folded.isascii():
        return _CJK
    # An all-capital form is an acronym: "SC", "MEP", "SAC/TC 229". It must match in upper
    # case, or every "Sc" (scandium) would be the State Council.
    return _ENGLISH if any(c.islower() for c in folded) else _ACRONYM


def _span_key(kind: str, folded: str) -> str:
    if kind == _ENGLISH:  # "Supervision, Inspection" and "Supervision Inspection" are one name
        return re.sub(r"[^a-z0-9]", "", folded.lower())
    return "".join(folded.split())


def _joint(prev: str, char: str, gap: bool) -> str:
    """What may stand between two characters of a name in running text."""
    letters = prev.isascii() and char.isascii() and prev.isalpha() and char.isalpha()
    if letters:
        return r"\s+" if gap else ""  # words stay apart, a word stays whole
    if gap:
        return r"\s*"
    if prev.isascii() and char.isascii() and prev.isdigit() and char.isdigit():
        return ""
    # Chinese names are spaced out or broken across lines; "TC229" is also "TC 229".
    return r"\s*"


def _tokens(folded: str, english: bool = False) -> list[str]:
    tokens: list[str] = []
    prev = ""
    gap = False
    for char in folded:
        if char.isspace():
            gap = bool(prev)
            continue
        if english and char in _OPTIONAL_PUNCT:
            # Pages drop the commas of a long English name, or add them.
            tokens.append(f"(?:\\s*{re.escape(char)})?")
            continue
        tokens.append((_joint(prev, char, gap) if prev else "") + re.escape(char))
        prev, gap = char, False
    return tokens


def _english_forms(name: str) -> list[str]:
    """An English name ending "of China" is also written "of the People's Republic of
    China" and "of (the) PRC"."""
    m = _OF_CHINA_RE.search(name)
    if not m:
        return [name]
    base = name[:m.start()]
    return [name] + [f"{base} of {state}" for state in _STATE_FORMS]


def _end_guard(kind: str, folded: str) -> str:
    if kind == _CJK:
        # "财政部门", "商务部门" are any finance or commerce department, not the ministry.
        return r"(?!\s*门)" if folded.endswith("部") else ""
    # A bare acronym followed by "/" is part of a longer designation ("SAC/TC 999", "GB/T");
    # a designation that has a "/" may be followed by its sub-unit ("ISO/TC 298/SC 1").
    return f"(?![{_ASCII_WORD}])" if "/" in folded else f"(?![{_ASCII_WORD}/])"


def _trie_pattern(forms: list[tuple[list[str], str]]) -> str:
    # A trie of the names as one regex: text positions are tested against the first
    # characters only, and the longest name at a position wins because longer branches
    # come before the end of a shorter name.
    root: dict[str | None, Any] = {}
    for tokens, guard in forms:
        node = root
        for token in tokens:
            node = node.setdefault(token, {})
        node[None] = guard
    return _node_pattern(root)


def _node_pattern(node: dict[str | None, Any]) -> str:
    branches = [token + _node_pattern(child) for token, child in sorted(
        ((token, child) for token, child in node.items() if token is not None), key=lambda item: item[0])]
    if None in node:
        branches.append(node[None])
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


class _Scanner:
    """Compiled matchers for every registered name, one regex per class of name."""

    def __init__(self, entries: list[RegistryEntry]) -> None:
        self.forms: dict[tuple[str, str], tuple[RegistryEntry, FormerName | None]] = {}
        patterns: dict[str, list[tuple[list[str], str]]] = {_CJK: [], _ACRONYM: [], _ENGLISH: []}
        surfaces: list[tuple[RegistryEntry, str, FormerName | None]]
        surfaces = [(e, n, None) for e in entries for n in _current_names(e)]
        surfaces += [(e, n, f) for e in entries for f in e.former for n in f.names]
        for entry, written, former in surfaces:
            for name in _english_forms(written) if written.isascii() else [written]:
                self._add(patterns, entry, name, former)
        self.regexes = [
            (_CJK, re.compile(_trie_pattern(patterns[_CJK]))),
            (_ACRONYM, re.compile(_trie_pattern(patterns[_ACRONYM]))),
            (_ENGLISH, re.compile(_trie_pattern(patterns[_ENGLISH]))),
        ]

    def _add(self, patterns: dict[str, list[tuple[list[str], str]]], entry: RegistryEntry,
             name: str, former: FormerName | None) -> None:
        folded = " ".join(fold_text(name).split())
        kind = _form_class(folded)
        key = (kind, _span_key(kind, folded))
        if key in self.forms:
            return  # a current name was registered first and outranks a former one
        self.forms[key] = (entry, former)
        tokens = _tokens(folded.lower() if kind == _ENGLISH else folded, kind == _ENGLISH)
        if kind != _CJK:
            # The whole-word check sits after the first character, not before it: a
            # regex that starts with a plain character is searched for far faster.
            tokens[0] += f"(?<![{_ASCII_WORD}/].)"
        patterns[kind].append((tokens, _end_guard(kind, folded)))

    def scan(self, text: str) -> list[IssuerMatch]:
        folded = fold_text(text)
        # English names match in any case: they are searched in a lower-cased copy, which
        # has the same length (fold_text removed the one letter that lower-cases to two).
        lowered = folded.lower()
        if len(lowered) != len(folded):  # a letter whose lower case is longer: keep it as is
            lowered = "".join(c if len(c.lower()) > 1 else c.lower() for c in folded)
        found = [(m.start(), m.end(), kind) for kind, regex in self.regexes
                 for m in regex.finditer(lowered if kind == _ENGLISH else folded)]
        found.sort(key=lambda hit: (hit[0], -hit[1]))
        matches: list[IssuerMatch] = []
        last_end = 0
        for start, end, kind in found:
            if start < last_end:
                continue  # overlaps a match that starts earlier or is longer
            hit = self.forms.get((kind, _span_key(kind, folded[start:end])))
            if hit is None:  # cannot happen while patterns and keys agree; never guess
                continue
            entry, former = hit
            if kind == _CJK:
                start = _with_state_prefix(folded, start, last_end)
            elif kind == _ENGLISH:
                suffix = _EN_SUFFIX_RE.match(folded, end)
                end = suffix.end() if suffix else end
            matches.append(IssuerMatch(entry, _tidy(text[start:end]), start, end, former))
            last_end = end
        return matches


def _with_state_prefix(folded: str, start: int, floor: int) -> int:
    """Move start back over a 中华人民共和国 just before the name, if there is one."""
    at = start
    while at > floor and folded[at - 1].isspace():
        at -= 1
    begin = at - len(STATE_PREFIX)
    return begin if begin >= floor and folded[begin:at] == STATE_PREFIX else start


# ---------------------------------------------------------------------------

def _day(date_iso: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD (a time after the day is ignored) as YYYY-MM-DD.
    A partial date stands for its first day."""
    m = _PARTIAL_DATE_RE.fullmatch(date_iso.strip())
    if not m:
        raise ValueError(f"not an ISO date: {date_iso!r}")
    year, month, day = m.group(1), m.group(2) or "01", m.group(3) or "01"
    return date(int(year), int(month), int(day)).isoformat()


class Registry:
    """The issuer registry, checked and indexed. Build it with :meth:`load`."""

    def __init__(self, entries: list[RegistryEntry], source: str = "<registry>") -> None:
        self._entries = list(entries)
        self._by_id = {entry.id: entry for entry in self._entries}
        self._by_key = _index_names(self._entries, source)
        self._scanner: _Scanner | None = None  # compiled on first use of find_in_text
        self._scanned: dict[str, tuple[IssuerMatch, ...]] = {}

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Registry":
        if path is None:
            # Imported here so that loading with an explicit path needs nothing else.
            from indexer.resources import schema_path

            path = schema_path("issuers.json")
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise RegistryError(f"{path}: cannot read the issuer registry: {exc}") from exc
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RegistryError(f"{path}: not valid JSON: {exc}") from exc
        return cls.from_data(data, source=str(path))

    @classmethod
    def from_data(cls, data: Any, source: str = "<data>") -> "Registry":
        """A registry from already parsed JSON; `source` names it in error messages."""
        return cls(_parse_registry(data, source), source)

    def entries(self) -> list[RegistryEntry]:
        return list(self._entries)

    def get(self, entry_id: str) -> RegistryEntry | None:
        """The entry with exactly this id."""
        return self._by_id.get(entry_id)

    def lookup(self, name: str) -> IssuerMatch | None:
        """Like :meth:`resolve`, and also tells whether `name` is a former name. The match's
        name is `name` cleaned by :func:`clean_issuer_name`; start and end span all of `name`."""
        cleaned = clean_issuer_name(name)
        hit = self._by_key.get(name_key(cleaned))
        if hit is None:
            return None
        return IssuerMatch(hit[0], cleaned, 0, len(name), hit[1])

    def resolve(self, name: str) -> RegistryEntry | None:
        """The entry whose id (any case), name, abbreviation, alias or former name `name` is,
        in either script, full or half width, with or without 中华人民共和国, any spacing."""
        hit = self.lookup(name)
        return hit.entry if hit else None

    def suggest(self, name: str, most: int = 3) -> list[RegistryEntry]:
        """The entries a name that is none of theirs was most likely meant for: a mistyped
        id or name (MIIIT, 工信布), or part of a name (稀土行业)."""
        key = name_key(clean_issuer_name(name))
        if not key:
            return []
        keys = list(self._by_key)
        close = [k for k in keys if len(key) >= 2 and (key in k or (len(k) >= 3 and k in key))]
        close += difflib.get_close_matches(key, keys, n=most * 3, cutoff=0.6)
        found = list(dict.fromkeys(self._by_key[k][0].id for k in close))
        return [self._by_id[i] for i in found[:most]]

    def find_in_text(self, text: str) -> list[IssuerMatch]:
        """Every registered name in `text`, in text order, not overlapping; where names
        overlap the one starting first wins, then the longest. Offsets index `text`."""
        if self._scanner is None:
            self._scanner = _Scanner(self._entries)
        # One document's text is asked about by several rules (its kind, its issuers):
        # the last few answers are kept.
        if text not in self._scanned:
            if len(self._scanned) >= 8:
                del self._scanned[next(iter(self._scanned))]
            self._scanned[text] = tuple(self._scanner.scan(text))
        return list(self._scanned[text])

    def named_form(self, entry: RegistryEntry, written: str) -> str | None:
        """`written` when it is a full name of the body other than its current one (a former
        name, 中国国家标准化管理委员会); None for the current name in any script or width,
        an abbreviation, or text that is not one of its names."""
        key = name_key(written)
        if not key or key in {name_key(n) for n in (entry.name_zh, entry.name_en, *entry.abbr, *entry.short)}:
            return None
        for cut in range(2, len(key)):
            if SUB_UNIT.fullmatch(key, cut) and self._by_key.get(key[:cut], (None,))[0] == entry:
                return clean_issuer_name(written)  # its general office or a committee of it
        hit = self._by_key.get(key)
        if hit is None or hit[0].id != entry.id or (hit[1] and key in {name_key(a) for a in hit[1].abbr}):
            return None
        return clean_issuer_name(written)

    def complete(self, written: str) -> IssuerMatch | None:
        """The one registered name that a name cut short on a catalogue page
        ("国家质量监督检验检疫." or "…检疫…") begins, or None when it is not cut or not unique."""
        cut = _TRUNCATED_RE.search(written)
        if not cut:
            return None
        key = name_key(written[:cut.start()])
        if len(key) < TRUNCATED_MIN or not _CJK_RE.search(key):
            return None
        hits = {(e.id, f) for k, (e, f) in self._by_key.items() if k.startswith(key) and k != key}
        if len({entry_id for entry_id, _ in hits}) != 1:
            return None
        entry_id, former = min(hits, key=lambda hit: hit[1] is not None)
        return IssuerMatch(self._by_id[entry_id], clean_issuer_name(written), 0, len(written), former)

    def is_former_name(self, entry_id: str, name: str) -> bool:
        entry = self.get(entry_id)
        return entry is not None and name_key(name) in {name_key(n) for f in entry.former for n in f.names}

    def name_on(self, entry: RegistryEntry, date_iso: str | None) -> tuple[str, str]:
        """(name_zh, name_en) the body used on `date_iso`; the current names when None."""
        if date_iso is None:
            return entry.name_zh, entry.name_en
        day = _day(date_iso)
        # Sorted by end date; sort is stable, so of names with the same end the first listed wins.
        for former in sorted(entry.former, key=lambda f: f.until):
            if day < former.until:
                return former.name_zh, former.name_en
        return entry.name_zh, entry.name_en


def issuer_kinds(issuers, registry: "Registry") -> list[str]:
    """The kinds of bodies that issued a record: the registry's kind, and for a body it does
    not know, local_government when its name starts with a place (searches for local rules
    find them)."""
    kinds = []
    for issuer in issuers:
        entry = registry.get(issuer.id) if issuer.registered else None
        if entry is not None:
            kinds.append(entry.kind)
        elif _LOCAL_NAME.search(issuer.name_zh or "") or _LOCAL_NAME.search(issuer.name_en or ""):
            kinds.append("local_government")
    return list(dict.fromkeys(kinds))


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The bundled registry, loaded once per process."""
    return Registry.load()
