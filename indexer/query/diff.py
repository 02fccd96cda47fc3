"""Comparing two versions clause by clause.

A text is split into clauses the way it is numbered: articles (第N条) under
chapters and sections (第N章, 第N节) in policy texts; numbered clauses (4.3),
tables (表1), annexes (附录A) and their clauses (A.1) in standards. Clauses are
then paired across the versions by what they say, not by their numbers, so a
clause that keeps its words but moves from 第五条 to 第六条 is reported as
moved. Changed clauses carry a character-level diff: Chinese has no spaces, so
words cannot be the unit.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from indexer.errors import UsageError
from indexer.extract.dates import parse_date
from indexer.extract.docno import normalize_doc_no
from indexer.extract.stdno import parse_std_no
from indexer.lineage import day, order_key
from indexer.query.history import RECORD_ID, Lookup, resolve
from indexer.record import Record

# Two clauses whose text (numbers aside) is at least this similar are one
# clause, changed; below it they are a removal and an addition.
SIMILAR = 0.5
# A clause most of whose words reappear inside a longer one (an article that
# gained a paragraph, or was split) is that clause too: its containment, so
# weighted, counts as similarity. Short clauses are left out, since formulaic
# sentences (本法自…施行) are contained in many.
CONTAINED_WEIGHT = 0.75
CONTAINED_MIN_CHARS = 20
# Clauses left over that keep their number are paired if at least this similar:
# a rewritten article is still that article, an unrelated one is not (unrelated
# articles of one law score about 0.1–0.3).
SAME_NUMBER = 0.35
# Equal runs this short between two changes are folded into the change, so
# a rewritten sentence reads as one replacement instead of confetti.
SHORT_EQUAL = 2

_NUM = "零〇一二三四五六七八九十百千0-9"
_ARTICLE = re.compile(rf"^[ \t\u3000#]*(第[{_NUM}]+条(?:之[一二三四五六七八九十]+)?)(?=[\s\u3000]|$)")
_DIVISION = re.compile(rf"^[ \t\u3000#]*(第[{_NUM}]+[编章节])(?=[\s\u3000]|$)")
_NUMBERED = re.compile(r"^[ \t\u3000]*([1-9]\d?(?:\.\d{1,2}){0,4})[ \u3000]+(?=[^\d\s.．%～~≥≤<>±—-])")
_ANNEX_CLAUSE = re.compile(r"^[ \t\u3000]*([A-Z](?:\.\d{1,2}){1,4})[ \u3000]+(?=\S)")
_TABLE = re.compile(r"^[ \t\u3000]*((?:表|图)\s*[A-Z]?\.?\d+(?:\.\d+)?|(?:Table|Figure)\s+[A-Z]?\.?\d+)"
                    r"(?=[\s\u3000—-]|$)")
_ANNEX = re.compile(r"^[ \t\u3000]*(附\s*录\s*[A-Z]|Annex\s+[A-Z])(?=[\s\u3000（(]|$)")
_FRONT = re.compile(r"^[ \t\u3000]*(前\s*言|引\s*言|Foreword|Introduction)[ \t\u3000]*$")
_ITEM = re.compile(r"^[ \t\u3000#]*([一二三四五六七八九十]+、)")
_SPACE = re.compile(r"\s+")
_MARKER = re.compile(r"[（(][^（）()]{0,12}[)）]")


@dataclass
class Clause:
    key: str          # 第五条, 4.3, 表1, 附录A, 前言, 一、, (preamble), ¶3
    kind: str         # article | division | item | clause | table | annex | front | preamble | paragraph
    text: str         # as written, number included
    position: int

    @property
    def shown(self) -> str:
        """The text without its number, for display."""
        return _strip_key(self.text, self.key).strip()

    @functools.cached_property
    def body(self) -> str:
        """The words without the number and without spacing: what matching compares."""
        return _SPACE.sub("", self.shown)

    @functools.cached_property
    def grams(self) -> frozenset[str]:
        return _bigrams(self.body)

    @property
    def heading(self) -> str | None:
        """A standard clause's title line (尺寸及其偏差), when it has one."""
        if self.kind not in ("clause", "table", "annex", "front"):
            return None
        # An annex's "（规范性附录）" line says what kind of annex it is, not what it is about.
        lines = [_SPACE.sub("", line) for line in self.shown.splitlines()]
        lines = [line for line in lines if line and not _MARKER.fullmatch(line)]
        if len(lines) < 2 or len(lines[0]) > 40 or lines[0][-1] in "。；;.":
            return None
        return lines[0]


def _strip_key(text: str, key: str) -> str:
    rest = text.lstrip(" \t\u3000#")
    if key.startswith(("(", "¶")):
        return rest
    index = 0
    for char in key:  # the text may space the key out (附 录 A, 表 1)
        while index < len(rest) and rest[index] in " \u3000" and char != " ":
            index += 1
        if index < len(rest) and rest[index] == char:
            index += 1
    return rest[index:]


def _key(raw: str) -> str:
    """表 1 → 表1, 附 录 A → 附录A; Table 1 keeps one space."""
    return re.sub(r"\s+", " ", raw) if raw[:1].isascii() else _SPACE.sub("", raw)


@dataclass
class Segment:
    op: str           # equal | delete | insert | replace
    old: str = ""
    new: str = ""


@dataclass
class Change:
    status: str       # unchanged | moved | changed | added | removed
    old: Clause | None
    new: Clause | None
    similarity: float = 1.0
    segments: list[Segment] = field(default_factory=list)

    @property
    def renumbered(self) -> bool:
        return bool(self.old and self.new and self.old.key != self.new.key)


@dataclass
class Diff:
    old: Record
    new: Record
    changes: list[Change]
    old_clauses: int
    new_clauses: int

    def counts(self) -> dict[str, int]:
        out = {name: 0 for name in ("changed", "added", "removed", "moved", "unchanged")}
        for change in self.changes:
            out[change.status] += 1
        return out


# --- splitting ----------------------------------------------------------------

def split_clauses(text: str) -> list[Clause]:
    """The clauses of a text: articles, else numbered clauses, else 一、 items, else paragraphs."""
    lines = text.splitlines()
    if sum(1 for line in lines if _ARTICLE.match(line)) >= 2:
        return _split(lines, _policy_head)
    state = _StandardState()
    clauses = _split(lines, lambda line: _standard_head(line, state))
    if sum(1 for c in clauses if c.kind == "clause") >= 2:
        return clauses
    if sum(1 for line in lines if _ITEM.match(line)) >= 2:
        return _split(lines, _item_head)
    paragraphs = [line for line in lines if line.strip()]
    return [Clause(f"¶{i}", "paragraph", line, i - 1) for i, line in enumerate(paragraphs, 1)]


def _split(lines: list[str], head) -> list[Clause]:
    clauses: list[Clause] = []
    current: list[str] = []
    key, kind = "(preamble)", "preamble"
    for line in lines:
        found = head(line)
        if found:
            _close(clauses, key, kind, current)
            key, kind = found
            current = [line]
        else:
            current.append(line)
    _close(clauses, key, kind, current)
    return clauses


def _close(clauses: list[Clause], key: str, kind: str, lines: list[str]) -> None:
    text = "\n".join(line.rstrip() for line in lines).strip("\n")
    if text.strip():
        clauses.append(Clause(key, kind, text, len(clauses)))


def _item_head(line: str) -> tuple[str, str] | None:
    m = _ITEM.match(line)
    return (m.group(1), "item") if m else None


def _policy_head(line: str) -> tuple[str, str] | None:
    for rx, kind in ((_ARTICLE, "article"), (_DIVISION, "division")):
        m = rx.match(line)
        if m:
            return m.group(1), kind
    return None


class _StandardState:
    """Where the numbering is: clause numbers only count when they follow on."""

    def __init__(self):
        self.last: tuple[int, ...] | None = None
        self.annex: str | None = None


def _standard_head(line: str, state: _StandardState) -> tuple[str, str] | None:
    for rx, kind in ((_FRONT, "front"), (_ANNEX, "annex"), (_TABLE, "table")):
        m = rx.match(line)
        if m:
            key = _key(m.group(1))
            if kind == "annex":
                state.annex = key[-1]
            return key, kind
    m = _ANNEX_CLAUSE.match(line)
    if m and state.annex and m.group(1)[0] == state.annex:
        return m.group(1), "clause"
    m = _NUMBERED.match(line)
    if m and state.annex is None:
        number = tuple(int(p) for p in m.group(1).split("."))
        if _follows(number, state.last):
            state.last = number
            return m.group(1), "clause"
    return None


def _follows(number: tuple[int, ...], last: tuple[int, ...] | None) -> bool:
    """Clause numbers go forward within a chapter or open the next one (table rows do not)."""
    if last is None:
        return number[0] <= 3
    if number <= last:
        return False
    if number[0] == last[0]:
        return len(number) > 1
    return number[0] == last[0] + 1


# --- aligning -------------------------------------------------------------------

def align(old: list[Clause], new: list[Clause]) -> list[Change]:
    """Pair the clauses of two versions and say what happened to each.

    Pairs are made in passes, each only among clauses still unpaired: same
    words; similar words; the same heading (4.3 尺寸及其偏差 → 5.2 尺寸及其偏差);
    the same number and some likeness.
    """
    pairs: dict[int, tuple[int, float]] = {}       # old position → (new position, similarity)
    taken: set[int] = set()
    _pair_identical(old, new, pairs, taken)
    _pair_scored(old, new, pairs, taken, _by_content)
    _pair_scored(old, new, pairs, taken, _by_heading)
    _pair_scored(old, new, pairs, taken, _by_number)
    in_order = _in_order(sorted((o, n) for o, (n, _) in pairs.items()))
    changes: list[Change] = []
    for o, (n, ratio) in pairs.items():
        a, b = old[o], new[n]
        if a.body == b.body:
            status = "unchanged" if a.key == b.key and (o, n) in in_order else "moved"
            changes.append(Change(status, a, b, 1.0))
        else:
            changes.append(Change("changed", a, b, round(ratio, 3), char_diff(a.shown, b.shown)))
    changes += [Change("removed", c, None, 0.0) for c in old if c.position not in pairs]
    changes += [Change("added", None, c, 0.0) for c in new if c.position not in taken]
    return _reading_order(changes)


def _pair_identical(old: list[Clause], new: list[Clause], pairs: dict, taken: set) -> None:
    by_body: dict[tuple[str, str], list[Clause]] = {}
    for clause in new:
        by_body.setdefault((clause.kind, clause.body), []).append(clause)
    for clause in old:
        options = [c for c in by_body.get((clause.kind, clause.body), []) if c.position not in taken]
        if options:
            best = min(options, key=lambda c: (c.key != clause.key, abs(c.position - clause.position)))
            pairs[clause.position] = (best.position, 1.0)
            taken.add(best.position)


def _pair_scored(old: list[Clause], new: list[Clause], pairs: dict, taken: set, score) -> None:
    """Pair the best-scoring clauses first; ties go to the same number, then the nearer place."""
    scored = []
    for a in old:
        if a.position in pairs:
            continue
        for b in new:
            if b.position in taken or b.kind != a.kind:
                continue
            found = score(a, b)
            if found is not None:
                rank, ratio = found
                scored.append((-rank, a.key != b.key, abs(a.position - b.position), a.position, b.position, ratio))
    for _, _, _, o, n, ratio in sorted(scored):
        if o not in pairs and n not in taken:
            pairs[o] = (n, ratio)
            taken.add(n)


def _by_content(a: Clause, b: Clause) -> tuple[float, float] | None:
    x, y = a.body, b.body
    # A cheap bound first: SequenceMatcher is the slow part.
    if _overlap(a.grams, b.grams) < SIMILAR * 0.6:
        return None
    ratio, contained = likeness(x, y)
    rank = ratio
    if min(len(x), len(y)) >= CONTAINED_MIN_CHARS:
        rank = max(ratio, CONTAINED_WEIGHT * contained)
    return (rank, ratio) if rank >= SIMILAR else None


def _by_heading(a: Clause, b: Clause) -> tuple[float, float] | None:
    heading = a.heading
    if not heading or heading != b.heading:
        return None
    ratio = likeness(a.body, b.body)[0]
    return ratio, ratio


def _by_number(a: Clause, b: Clause) -> tuple[float, float] | None:
    if a.key != b.key:
        return None
    ratio = likeness(a.body, b.body)[0]
    return (ratio, ratio) if ratio >= SAME_NUMBER else None


def likeness(a: str, b: str) -> tuple[float, float]:
    """(similarity ratio, share of the shorter text found in the longer) of two texts."""
    if not a or not b:
        return (1.0, 1.0) if a == b else (0.0, 0.0)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return 2 * matched / (len(a) + len(b)), matched / min(len(a), len(b))


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i:i + 2] for i in range(len(text) - 1)) or frozenset([text])


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Bigram overlap, as similarity or as containment, whichever is larger."""
    common = len(a & b)
    return max(2 * common / (len(a) + len(b)), CONTAINED_WEIGHT * common / min(len(a), len(b)))


def _in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of pairs whose new positions rise with the old (the rest moved)."""
    if not pairs:
        return set()
    news = [n for _, n in pairs]
    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(news)
    for i, value in enumerate(news):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[k] = value
            tail_index[k] = i
        parent[i] = tail_index[k - 1] if k else -1
    keep = set()
    i = tail_index[-1]
    while i >= 0:
        keep.add(pairs[i])
        i = parent[i]
    return keep


def _reading_order(changes: list[Change]) -> list[Change]:
    """In the order of the new version; a removed clause after the kept clause that preceded it."""
    kept = sorted((c.old.position, c.new.position) for c in changes if c.old and c.new)

    def key(change: Change) -> tuple:
        if change.new is not None:
            return (change.new.position, 0, 0)
        assert change.old is not None       # a change has an old clause, a new one or both
        before = [n for o, n in kept if o < change.old.position]
        anchor = before[-1] if before else -1
        return (anchor, 1, change.old.position)

    return sorted(changes, key=key)


# --- character diff ----------------------------------------------------------------

def char_diff(old: str, new: str) -> list[Segment]:
    """Character-level differences, with tiny equal runs between changes folded in."""
    segments = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        segments.append(Segment(op, old[i1:i2], new[j1:j2]))
    return _merge(_fold_short(segments))


def _fold_short(segments: list[Segment]) -> list[Segment]:
    out = []
    for i, seg in enumerate(segments):
        inner = 0 < i < len(segments) - 1
        if seg.op == "equal" and inner and len(seg.old) <= SHORT_EQUAL \
                and segments[i - 1].op != "equal" and segments[i + 1].op != "equal":
            out.append(Segment("replace", seg.old, seg.new))
        else:
            out.append(seg)
    return out


def _merge(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for seg in segments:
        if seg.op != "equal" and not (seg.old + seg.new).strip():
            seg = Segment("equal", seg.new, seg.new)  # spacing only: not a change of wording
        if seg.op == "equal" and out and out[-1].op == "equal":
            out[-1] = Segment("equal", out[-1].old + seg.old, out[-1].new + seg.new)
            continue
        if out and seg.op != "equal" and out[-1].op != "equal":
            last = out[-1]
            out[-1] = Segment("replace", last.old + seg.old, last.new + seg.new)
        else:
            out.append(seg)
    for i, seg in enumerate(out):
        if seg.op == "replace" and not seg.old:
            out[i] = Segment("insert", "", seg.new)
        elif seg.op == "replace" and not seg.new:
            out[i] = Segment("delete", seg.old, "")
    return out


# --- naming the versions ----------------------------------------------------------------

def diff(ix, args: list[str]) -> Diff:
    """Compare two versions: two ids or numbers, or a work and two years (or dates)."""
    args = _rejoined(args)
    if len(args) not in (2, 3):
        raise UsageError("diff takes two versions (ids, standard numbers with year, document numbers) "
                         "or a work and two years")
    with ix.searcher() as searcher:
        lookup = Lookup(searcher)
        if len(args) == 3:
            work, _ = resolve(lookup, args[0])
            versions = lookup.work(work)
            old, new = (_pick(versions, work, when) for when in args[1:])
        else:
            old, new = (_one_version(lookup, arg) for arg in args)
    if old.id == new.id:
        raise UsageError(f"both names point at the same version ({old.id})")
    return compare(old, new)


def _rejoined(args: list[str]) -> list[str]:
    """A standard number typed without quotes (GB/T 13560-2009) reaches us as two words:
    a word that is no number of its own joins the next when together they are one."""
    names: list[str] = []
    for arg in args:
        if names and parse_std_no(names[-1]) is None and parse_std_no(f"{names[-1]} {arg}"):
            names[-1] = f"{names[-1]} {arg}"
        else:
            names.append(arg)
    return names


def compare(old: Record, new: Record) -> Diff:
    a, b = split_clauses(old.text), split_clauses(new.text)
    return Diff(old, new, align(a, b), len(a), len(b))


def _one_version(lookup: Lookup, name: str) -> Record:
    name = name.strip()
    if RECORD_ID.fullmatch(name):
        record = lookup.by_id(name)
        if record:
            return record
        raise UsageError(f"no document with id {name!r}")
    std = parse_std_no(name)
    if std is not None:
        if not std.year:
            raise UsageError(f"{name!r} names every version of a standard; give the year "
                             f"({std.code}-YYYY) or use: stdidx diff \"{std.code}\" YEAR YEAR")
        found = [r for r in lookup.by_std(std.canonical) if r.std_no == std.canonical]
        if not found:
            raise UsageError(f"no standard {std.canonical} in the index")
        return sorted(found, key=lambda r: (r.doc_type != "standard", order_key(r)))[0]
    doc_no = normalize_doc_no(name)
    if doc_no:
        found = lookup.by_doc_no(doc_no)
        if found:
            return found[0]
        raise UsageError(f"no document numbered {doc_no} in the index")
    raise UsageError(f"{name!r} is not a version: give an id, a standard number with year or a "
                     "document number, or a work and two years")


def _pick(versions: list[Record], work: str, when: str) -> Record:
    value = parse_date(when.strip())
    if value is None:
        raise UsageError(f"{when!r} is not a year or date (YYYY, YYYY-MM or YYYY-MM-DD)")
    matches = [r for r in versions if _dated(r, value.iso)]
    if not matches:
        years = ", ".join(dict.fromkeys(year for r in versions if (year := _year(r))))
        raise UsageError(f"{work} has no version of {value.iso} (versions: {years or 'undated'})")
    if len(matches) > 1:
        options = "; ".join(f"{r.id} {r.std_no or r.doc_no or ''} issued {r.issued}".replace("  ", " ")
                            for r in matches)
        raise UsageError(f"{work} has {len(matches)} versions of {value.iso}: {options}; "
                         "give a full date or an id")
    return matches[0]


def _dated(record: Record, iso: str) -> bool:
    """Whether the version belongs to this year/month/day: its issue date, or its number's year."""
    issued = record.issued or ""
    if issued.startswith(iso) or (day(issued) or "").startswith(iso):
        return True
    std = parse_std_no(record.std_no) if record.std_no else None
    return bool(std and std.year and len(iso) == 4 and std.year == iso)


def _year(record: Record) -> str | None:
    std = parse_std_no(record.std_no) if record.std_no else None
    return (std.year if std and std.year else None) or (record.issued or "")[:4] or None
