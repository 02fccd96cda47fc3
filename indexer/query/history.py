"""Version histories read from the index at query time: the chain of a work, its relations, statuses on a date.

Nothing here is stored at indexing time: the records of a work are loaded by
the ``work`` field, and the records that may replace, repeal or adopt them are
found through the ``std``, ``mentions``, ``doc_no`` and ``content`` fields, then
read with the rules in ``indexer.lineage``; each version's status on the day is
``indexer.status``'s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Iterable

from whoosh import query as Q
from whoosh.qparser import QueryParser

from indexer.errors import UsageError
from indexer.extract.docno import canonical_doc_no, normalize_doc_no
from indexer.extract.fields import normalized_title
from indexer.extract.stdno import parse_std_no
from indexer.index.schema import unpack
from indexer.life import Identity, Life, assemble, edition_steps, link_events, std_keys, title_key
from indexer.lineage import (Claim, Relation, adoption_claims, day, describe, infer_relations, is_publication, order_key,
                             repeal_claims, replacement_claims, start, version_label)
from indexer.query.phrase import AdjacentPhrase
from indexer.record import Record
from indexer.status import StatusAt, checked_day, own_repeal, status_as_of

RECORD_ID = re.compile(r"d[0-9a-f]{12}")
# How far stated replacements are followed into other works (a renumbered
# standard, and the one before that).
LINK_DEPTH = 3
MAX_CANDIDATES = 20
# Works whose versions are read to find one titled exactly as asked (the rest are only counted).
EXACT_TITLE_CHECK = 50


class AmbiguousName(UsageError):
    """A name that matches several works; the message lists them."""

    def __init__(self, name: str, candidates: list["Candidate"], total: int | None = None):
        self.candidates = candidates
        total = total or len(candidates)
        lines = [f"{name!r} matches {total} works; name one of them:"]
        lines += [f"  {c.work}  {c.title}  ({c.versions} version{'s' if c.versions != 1 else ''})"
                  for c in candidates[:MAX_CANDIDATES]]
        if total > MAX_CANDIDATES:
            lines.append(f"  … and {total - MAX_CANDIDATES} more")
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Candidate:
    work: str
    title: str
    versions: int


@dataclass
class Entry:
    record: Record
    status: StatusAt
    previous: Relation | None = None    # how it follows the version before it
    copies: list[Record] = field(default_factory=list)     # the same text saved again: not versions


@dataclass
class History:
    work: str
    title: str
    as_of: str
    entries: list[Entry]
    relations: list[Relation]
    focus: str | None = None            # the version the name pointed at (a code with year)
    labels: dict[str, str] = field(default_factory=dict)   # record id → version label
    life: Life | None = None             # the stages its notices and editions show


# --- reading the index ----------------------------------------------------------

class Lookup:
    """Cached term lookups on one open searcher."""

    def __init__(self, searcher):
        self.searcher = searcher
        self.schema = searcher.schema
        self._cache: dict[tuple, list[Record]] = {}
        self._register: dict[str, list[Record]] | None = None

    def find(self, q: Q.Query, key: tuple | None = None) -> list[Record]:
        key = key or (repr(q),)
        if key not in self._cache:
            hits = self.searcher.search(q, limit=None)
            self._cache[key] = sorted((unpack(hit["record"]) for hit in hits), key=order_key)
        return self._cache[key]

    def work(self, work: str) -> list[Record]:
        return self.find(Q.Term("work", work), ("work", work))

    def by_id(self, doc_id: str) -> Record | None:
        found = self.find(Q.Term("id", doc_id), ("id", doc_id))
        return found[0] if found else None

    def by_std(self, number: str) -> list[Record]:
        """Records whose own number is this one (with year), or any version of it (a bare code)."""
        return self.find(Q.Term("std", number.lower()), ("std", number))

    def by_life(self, key: str) -> list[Record]:
        """Records filed under a life key: notices whose events name it, standards it names."""
        return self.find(Q.Term("life", key.lower()), ("life", key))

    def citing(self, number: str) -> list[Record]:
        return self.find(Q.Term("mentions", number.lower()), ("mentions", number))

    def by_doc_no(self, doc_no: str) -> list[Record]:
        return self.find(Q.Term("doc_no", doc_no), ("doc_no", doc_no))

    def titled(self, text: str) -> list[Record]:
        """Records with the words of text, adjacent, in their title."""
        q = _phrase(self.schema, "title", text)
        return self.find(q, ("title", text)) if q is not None else []

    def titled_works(self, text: str) -> list[str]:
        """The works of the records with text in their title (read from the stored field: no unpacking)."""
        q = _phrase(self.schema, "title", text)
        if q is None:
            return []
        hits = self.searcher.search(q, limit=None)
        return sorted({hit.get("work") for hit in hits if hit.get("work")})

    def repealing(self, titles: Iterable[str] = (), numbers: Iterable[str] = (),
                  doc_nos: Iterable[str] = ()) -> list[Record]:
        """Candidates for texts that repeal one of these: they say 废止 and name it (read by the rules after)."""
        alternatives = [_phrase(self.schema, "content", title) for title in titles]
        alternatives += [Q.Term("mentions", number.lower()) for number in numbers]
        alternatives += [_phrase(self.schema, "content", doc_no) for doc_no in doc_nos]
        alternatives = [q for q in alternatives if q is not None]
        if not alternatives:
            return []
        return self.find(Q.And([self._says_repeal(), Q.Or(alternatives)]))

    def repeal_register(self) -> dict[str, list[Record]]:
        """Every text that says 废止, filed under the names it repeals: one pass, for many works at once."""
        if self._register is None:
            register: dict[str, list[Record]] = {}
            for record in self.find(self._says_repeal(), ("says-repeal",)):
                for claim in repeal_claims(record):
                    for key in claim_keys(claim):
                        register.setdefault(key, []).append(record)
            self._register = register
        return self._register

    def _says_repeal(self) -> Q.Query:
        return _phrase(self.schema, "content", "废止")


def claim_keys(claim: Claim) -> set[str]:
    """The names a repeal statement gives, as keys shared with ``chain_keys``."""
    keys = {f"title:{normalized_title(t)}" for t in claim.titles}
    for number in claim.numbers:
        parsed = parse_std_no(number)
        keys |= {f"std:{number}", f"std:{parsed.code}"} if parsed else {f"std:{number}"}
    return keys | {f"doc_no:{d}" for d in claim.doc_nos}


def chain_keys(chain: list[Record]) -> set[str]:
    keys: set[str] = set()
    for record in chain:
        keys.add(f"title:{normalized_title(record.title)}")
        if record.work and record.work.startswith("doc:"):
            keys.add(f"title:{record.work[4:]}")
        if record.std_no:
            keys.add(f"std:{record.std_no}")
        if record.doc_no:
            keys.add(f"doc_no:{canonical_doc_no(record.doc_no)}")
    return keys


def _phrase(schema, fieldname: str, text: str) -> Q.Query | None:
    words = re.sub(r'["\\]', " ", text).strip()
    if not words:
        return None
    q = QueryParser(fieldname, schema, phraseclass=AdjacentPhrase).parse(f'"{words}"')
    return None if q is Q.NullQuery else q


# --- naming a work ----------------------------------------------------------------

def resolve(lookup: Lookup, name: str) -> tuple[str, str | None]:
    """(work, the version named if any) for a work id, record id, standard code, document number or title."""
    name = name.strip()
    if not name:
        raise UsageError("empty name; give a work, a standard code, a document number or a title")
    if RECORD_ID.fullmatch(name):
        record = lookup.by_id(name)
        if record and record.work:
            return record.work, record.id
    if lookup.work(name):
        return name, None
    std = parse_std_no(name)
    if std is not None:
        return _resolve_std(lookup, std, name)
    doc_no = normalize_doc_no(name)
    if doc_no:
        numbered = [(r.work, r.id) for r in lookup.by_doc_no(doc_no) if r.work]
        if numbered:
            return numbered[0]
        raise UsageError(f"no document numbered {doc_no} in the index")
    return _resolve_title(lookup, name), None


def _resolve_std(lookup: Lookup, std, name: str) -> tuple[str, str | None]:
    number = std.canonical if std.year else std.code
    records = [r for r in lookup.by_std(number) if r.work]
    if not records:
        # Not indexed itself, but a standard in the index states it replaces it.
        successors = [r.work for r in lookup.citing(number)
                      if r.work and any(_same_std(number, n) for n in r.replaces)]
        if successors:
            return successors[0], None
        raise UsageError(f"no standard {number} in the index")
    own_work = f"std:{std.code}"
    works = {r.work for r in records if r.work}
    work = own_work if own_work in works else sorted(works)[0]
    focus = None
    if std.year:
        named = [r for r in records if r.std_no == std.canonical and r.work == work]
        named.sort(key=lambda r: (r.doc_type != "standard", order_key(r)))
        focus = named[0].id if named else None
    return work, focus


def _same_std(number: str, other: str) -> bool:
    parsed = parse_std_no(other)
    return parsed is not None and number in (parsed.canonical, parsed.code)


def _named_by_events(lookup: Lookup, name: str) -> bool:
    key = title_key(name)
    return key is not None and any(r.events for r in lookup.by_life(key) if r.doc_type != "standard")


def _resolve_title(lookup: Lookup, name: str) -> str:
    key = normalized_title(name)
    if key and lookup.work(f"doc:{key}"):
        return f"doc:{key}"
    works = lookup.titled_works(name)
    if works and _named_by_events(lookup, name):
        # Notices announcing a stage of a standard of this title (立项, 报批, 撤销) are not its
        # versions: its history is the life they tell.
        works = [w for w in works if not w.startswith("standard_notice:")]
    if not works:
        raise UsageError(f"nothing in the index is called {name!r} (try a standard code, "
                         "a document number or another part of the title)")
    if len(works) == 1:
        return works[0]
    # A standard whose whole title is the name (std: works are not named by title).
    versions = {work: lookup.work(work) for work in works[:EXACT_TITLE_CHECK]}
    exact = [w for w, rs in versions.items() if any(normalized_title(r.title) == key for r in rs)]
    if len(exact) == 1:
        return exact[0]
    candidates = [Candidate(w, rs[-1].title, len(rs)) for w, rs in versions.items() if rs]
    raise AmbiguousName(name, candidates, len(works))


# --- relations of a chain -------------------------------------------------------------

class Linker:
    """Turns the claims of records into relations, looking their targets up in the index."""

    def __init__(self, lookup: Lookup, bulk: bool = False):
        self.lookup = lookup
        # Many works at once: read every text that says 废止 once, instead of
        # searching for each work's repeals (same relations, less time).
        self.bulk = bulk

    def chain(self, work: str) -> list[Record]:
        """The work's versions, with the versions of other works joined by stated replacements."""
        chain = {r.id: r for r in self.lookup.work(work)}
        frontier = list(chain.values())
        for _ in range(LINK_DEPTH):
            added: list[Record] = []
            for record in frontier:
                for other in self._linked(record):
                    if other.id not in chain and other.work:
                        for version in self._around(other, record):
                            if version.id not in chain:
                                chain[version.id] = version
                                added.append(version)
            if not added:
                break
            frontier = added
        return sorted(chain.values(), key=order_key)

    def _linked(self, record: Record) -> list[Record]:
        """Records in other works that this one states it replaces, or that state they replace it."""
        out = []
        for number in record.replaces:
            out += [r for r in self.lookup.by_std(number) if r.work != record.work and is_publication(r)]
        if record.std_no:
            out += [r for r in self.lookup.citing(record.std_no)
                    if r.work != record.work and record.std_no in r.replaces and is_publication(r)]
        return out

    def _around(self, other: Record, linked_from: Record) -> list[Record]:
        """The versions of other's work up to it (a predecessor) or from it on (a successor)."""
        assert other.work is not None       # chain() follows only records in a work
        versions = self.lookup.work(other.work)
        if order_key(other) < order_key(linked_from):
            return [v for v in versions if order_key(v) <= order_key(other)]
        return [v for v in versions if order_key(v) >= order_key(other)]

    def relations(self, chain: list[Record]) -> list[Relation]:
        ids = {r.id for r in chain}
        found: list[Relation] = []
        works = sorted({r.work for r in chain if r.work})
        for work in works:
            found += infer_relations(self.lookup.work(work))
        for record in chain:
            found += self._replacements(record)
            found += self._adoptions(record)
            found += self.repeals_by(record)
            mark = own_repeal(record)
            if mark:
                found.append(mark)
        found += self._repeals_of(chain)
        # incoming replacements and adoptions from records outside the chain
        for record in chain:
            if not record.std_no:
                continue
            for other in self.lookup.citing(record.std_no):
                if other.id in ids:
                    continue
                if record.std_no in other.replaces:
                    found += [r for r in self._replacements(other) if r.target == record.id]
                found += [r for r in self._adoptions(other) if r.target == record.id]
        return _unique(_without_redundant(found))

    def _replacements(self, record: Record) -> list[Relation]:
        out = []
        for claim in replacement_claims(record):
            number = claim.numbers[0]
            targets = [r for r in self.lookup.by_std(number) if r.std_no == number and r.id != record.id]
            targets = _first_edition(targets)
            if not targets:
                out.append(Relation("replaces", record.id, number, True, claim.evidence, indexed=False,
                                    effective=_bites(record), source_label=describe(record),
                                    target_label=number))
            for target in targets:
                out.append(Relation("replaces", record.id, target.id, True, claim.evidence,
                                    effective=_bites(record), source_label=describe(record),
                                    target_label=describe(target)))
        return out

    def _adoptions(self, record: Record) -> list[Relation]:
        out = []
        for claim in adoption_claims(record):
            number = claim.numbers[0]
            targets = _first_edition([r for r in self.lookup.by_std(number) if r.std_no == number])
            target = targets[0] if targets else None
            out.append(Relation("adopts", record.id, target.id if target else number, True, claim.evidence,
                                indexed=target is not None, degree=claim.degree,
                                source_label=describe(record), target_label=number))
        return out

    def repeals_by(self, record: Record) -> list[Relation]:
        """What this record says it repeals."""
        out = []
        for claim in repeal_claims(record):
            for target, label in self._repeal_targets(claim, record):
                out.append(self._repeal(record, claim, target, label))
        return out

    def _repeals_of(self, chain: list[Record]) -> list[Relation]:
        """Records elsewhere in the index that say they repeal a version of the chain."""
        ids = {r.id for r in chain}
        out = []
        for other in self._repeal_candidates(chain):
            if other.id in ids:
                continue
            out += [r for r in self.repeals_by(other) if r.target in ids]
        return out

    def _repeal_candidates(self, chain: list[Record]) -> list[Record]:
        if self.bulk:
            register = self.lookup.repeal_register()
            found = {r.id: r for key in chain_keys(chain) for r in register.get(key, [])}
            return sorted(found.values(), key=order_key)
        titles = {r.work[4:] for r in chain if r.work and r.work.startswith("doc:") and not r.std_no}
        numbers = {r.std_no for r in chain if r.std_no}
        doc_nos = {r.doc_no for r in chain if r.doc_no}
        return self.lookup.repealing(sorted(titles), sorted(numbers), sorted(doc_nos))

    def _repeal_targets(self, claim: Claim, repealer: Record) -> list[tuple[Record | None, str]]:
        when = _repeal_day(claim, repealer, None)
        out: list[tuple[Record | None, str]] = []
        for number in claim.numbers:
            found = [r for r in self.lookup.by_std(number) if is_publication(r)]
            found = [r for r in found if r.std_no == number] if "-" in number or ":" in number else found
            out += [(r, number) for r in _before(found, when)] or [(None, number)]
        for doc_no in claim.doc_nos:
            found = [r for r in self.lookup.by_doc_no(doc_no) if r.id != repealer.id and is_publication(r)]
            out += [(r, doc_no) for r in found] or [(None, doc_no)]
        for title in claim.titles:
            key = normalized_title(title)
            if not key or f"doc:{key}" == repealer.work:
                continue
            found = [r for r in self.lookup.work(f"doc:{key}") if is_publication(r)]
            if not found:
                found = [r for r in self.lookup.titled(_bare_title(title))
                         if normalized_title(r.title) == key and r.doc_type == "standard"]
            found = [r for r in found if r.id != repealer.id]
            out += [(r, f"《{title}》") for r in _before(found, when)] or [(None, f"《{title}》")]
        seen: set[str] = set()
        unique = []
        for target, label in out:
            key = target.id if target else label
            if key not in seen:
                seen.add(key)
                unique.append((target, label))
        return unique

    def _repeal(self, repealer: Record, claim: Claim, target: Record | None, label: str) -> Relation:
        when = _repeal_day(claim, repealer, self._replacer_start(target) if target else None)
        return Relation("repeals", repealer.id, target.id if target else label, True, claim.evidence,
                        indexed=target is not None, effective=when, source_label=describe(repealer),
                        target_label=describe(target) if target else label)

    def _replacer_start(self, target: Record) -> str | None:
        """When the text stated to replace target takes effect (a notice's "自实施之日起…废止")."""
        if not target.std_no:
            return None
        starts = [begins for r in self.lookup.citing(target.std_no)
                  if target.std_no in r.replaces and is_publication(r) and (begins := start(r))]
        return min(starts) if starts else None


def _bites(record: Record) -> str | None:
    """A replacement bites when the replacing version takes effect (drafts replace nothing yet)."""
    return start(record) if is_publication(record) else None


def _repeal_day(claim: Claim, repealer: Record, replacer_start: str | None) -> str | None:
    if claim.when == "issued":
        return day(repealer.issued)
    if claim.when == "effective":
        if repealer.effective:
            return day(repealer.effective)
        # A notice with no effective date of its own: the repeal comes with the
        # text that replaces the repealed one, when there is one.
        return replacer_start or day(repealer.issued)
    return claim.when


def _before(records: list[Record], when: str | None) -> list[Record]:
    """Versions a repeal can reach: those issued on or before it takes effect."""
    if not when:
        return records
    return [r for r in records if (day(r.issued) or start(r) or "") <= when]


def _first_edition(records: list[Record]) -> list[Record]:
    """One record per standard number: the standard itself before notices or listings of it."""
    best: dict[str, Record] = {}
    for record in sorted(records, key=lambda r: (r.doc_type != "standard", order_key(r))):
        best.setdefault(record.std_no or record.id, record)
    return list(best.values())


def _bare_title(title: str) -> str:
    title = re.sub(r"[（(][^（）()]*[)）]\s*$", "", title.strip())
    return re.sub(r"^中华人民共和国", "", title)


def _without_redundant(relations: list[Relation]) -> list[Relation]:
    """An inferred later version says nothing more where the text states the replacement."""
    stated = {(r.source, r.target) for r in relations if r.kind == "replaces"}
    return [r for r in relations if not (r.kind == "later_version" and (r.source, r.target) in stated)]


def _unique(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple] = set()
    out = []
    for rel in relations:
        key = (rel.kind, rel.source, rel.target)
        if key not in seen:
            seen.add(key)
            out.append(rel)
    return out


# --- the public functions ---------------------------------------------------------------

def history(ix, name: str, as_of: str | date | None = None) -> History:
    """The chain of versions named by name, each with its status on as_of (today by default),
    and the stages of its life; a standard known only from notices has the stages alone."""
    on = checked_day(as_of)
    with ix.searcher() as searcher:
        return _history(Lookup(searcher), name, on)


def _history(lookup: Lookup, name: str, on: str) -> History:
    try:
        work, focus = resolve(lookup, name)
    except UsageError as exc:   # no work of that name, or several: the notices may name one standard
        return _notice_history(lookup, name, on, exc)
    linker = Linker(lookup)
    chain = linker.chain(work)
    chain, copies, relations = _fold_copies(chain, linker.relations(chain))
    entries = []
    for record in chain:
        status = status_as_of(record, lookup.work(record.work) if record.work else [record], on, relations)
        entries.append(Entry(record, status, copies=copies.get(record.id, [])))
    life = life_of(lookup, chain, relations, on)
    _link_previous(entries, relations)
    labels = _labels([e.record for e in entries])
    editions = {r.source for r in relations if r.kind == "same_edition"}
    own = [e.record for e in entries if e.record.work == work and e.record.id not in editions]
    title = (own or [e.record for e in entries])[-1].title
    return History(work, title, on, entries, relations, focus, labels, life)


# --- the life of a standard: its notices -------------------------------------------------

def life_of(lookup: Lookup, chain: list[Record], relations: list[Relation], on: str,
            identity: Identity | None = None) -> Life:
    """The stages of the chain's standard: its editions', and those of the notices that name it."""
    fresh = (lambda: Identity.of_chain(chain)) if identity is None else (lambda: _copy(identity))
    ident = fresh()
    chain_ids = {r.id for r in chain}
    notices: dict[str, Record] = {}
    searched: set[str] = set()
    while True:  # stated links give plan numbers and titles that find more notices
        new = ident.keys() - searched
        if not new:
            break
        for key in sorted(new):
            for record in lookup.by_life(key):
                if record.events and record.id not in chain_ids:
                    notices[record.id] = record
        searched |= new
        link_events(ident, sorted(notices.values(), key=order_key), {})
    found = sorted(notices.values(), key=order_key)
    steps, unlinked = link_events(fresh(), found, _rivals(lookup, ident, {r.work for r in chain}))
    return assemble(edition_steps(chain, relations) + steps, on, unlinked)


def _copy(ident: Identity) -> Identity:
    return Identity(set(ident.numbers), set(ident.codes), set(ident.plans), set(ident.titles), set(ident.bodies),
                    list(ident.published), ident.open_ended)


def _rivals(lookup: Lookup, ident: Identity, works: set[str | None]) -> dict[str, set[str]]:
    """For each of the standard's titles, the other standards of the same bodies that carry it."""
    rivals: dict[str, set[str]] = {}
    for key in ident.titles:
        for record in lookup.by_life(key):
            bodies = {i.id for i in record.issuers}
            if ident.bodies and not bodies & ident.bodies:
                continue
            if record.doc_type == "standard" and title_key(record.title) == key and record.work not in works:
                rivals.setdefault(key, set()).add(record.std_no or record.work or record.id)
            for event in record.events:
                parsed = parse_std_no(event.std_no) if event.std_no else None
                if parsed and event.std_no and title_key(event.title) == key and parsed.code not in ident.codes:
                    rivals.setdefault(key, set()).add(event.std_no)
    return rivals


_PLAN_NAME = re.compile(r"\d{8}-[TQZ]-\d{3}")


def _notice_history(lookup: Lookup, name: str, on: str, unresolved: UsageError) -> History:
    """The history of a standard or project known only from notices, named by number, plan
    number or title; a name that gives an indexed standard's number leads to that standard."""
    ident = Identity()
    std = parse_std_no(name)
    if std is not None:
        ident.add_number(std.canonical)
        keys = std_keys(std.canonical) if std.year else {f"code:{std.code}".lower()}
    elif _PLAN_NAME.fullmatch(name.strip()):
        ident.plans.add(name.strip())
        keys = {f"plan:{name.strip()}".lower()}
    else:
        key = title_key(name)
        if key is None:
            raise unresolved
        ident.titles.add(key)
        keys = {key}
    notices = {r.id: r for key in keys for r in lookup.by_life(key) if r.events and r.doc_type != "standard"}
    if not notices:
        raise unresolved
    if std is None:
        ident.bodies = _one_body(name, list(notices.values()))
    life = life_of(lookup, [], [], on, ident)
    if not life.steps:
        raise unresolved
    named = next((s.names for s in life.steps if s.link == "stated" and parse_std_no(s.names)), None)
    if named and std is None and (named_std := parse_std_no(named)) and lookup.by_std(named_std.code):
        return _history(lookup, named, on)     # the project became a standard that is indexed
    title = next((s.title for s in life.steps if s.title), name.strip())
    return History(f"life:{name.strip()}", title, on, [], [], None, {}, life)


def _one_body(name: str, notices: list[Record]) -> set[str]:
    """The body whose notices name a title; notices of several unrelated bodies are
    several standards, not one."""
    groups: list[set[str]] = []
    for record in notices:
        bodies = {i.id for i in record.issuers}
        for group in groups:
            if group & bodies:
                group |= bodies
                break
        else:
            groups.append(bodies)
    if len(groups) > 1:
        listed = "; ".join(", ".join(sorted(g)) or "no known body" for g in groups)
        raise UsageError(f"{name!r} is named by notices of different bodies ({listed}); "
                         "give the standard's number or plan number")
    return groups[0] if groups else set()


def histories(ix, name: str, as_of: str | date | None = None) -> list[History]:
    """The history named by name; for a series written without part number (GB/T 18115)
    that has no record of its own, the history of each of its parts."""
    try:
        return [history(ix, name, as_of)]
    except UsageError:
        parts = series_parts(ix, name)
        if not parts:
            raise
    return [history(ix, part, as_of) for part in parts]


def series_parts(ix, name: str) -> list[str]:
    """The works of the parts of a standard series: GB/T 18115 → std:GB/T 18115.1, …"""
    std = parse_std_no(name)
    if std is None or std.year:
        return []
    with ix.searcher() as searcher:
        works = {hit["work"] for hit in searcher.search(Q.Prefix("work", f"std:{std.code}."), limit=None)}
    return sorted(works, key=lambda w: [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", w)])


def _labels(records: list[Record]) -> dict[str, str]:
    """Version labels, with the issue date added where two versions would share one
    (a regulation amended in place keeps the number of the order that first made it)."""
    labels = {r.id: version_label(r) for r in records}
    shared = {label for label in labels.values() if list(labels.values()).count(label) > 1}
    return {r.id: f"{labels[r.id]} ({r.issued})" if labels[r.id] in shared and r.issued else labels[r.id]
            for r in records}


def _link_previous(entries: list[Entry], relations: list[Relation]) -> None:
    """For each version, the relation joining it to an earlier version: stated before inferred."""
    rank = {"replaces": 0, "draft_to_final": 1, "later_version": 2, "same_edition": 3, "duplicate": 4}
    for index, entry in enumerate(entries):
        earlier = {e.record.id for e in entries[:index]}
        joining = [r for r in relations if r.source == entry.record.id and r.target in earlier and r.kind in rank]
        if joining:
            entry.previous = min(joining, key=lambda r: (rank[r.kind], r.target))


def _fold_copies(chain: list[Record], relations: list[Relation]
                 ) -> tuple[list[Record], dict[str, list[Record]], list[Relation]]:
    """A text saved twice is one version: its copies (by record id of the original) are
    listed with it, never as versions of their own, and what a copy states (the same
    replacement) is said once, of the original."""
    ids = {r.id for r in chain}
    original = {r.source: r.target for r in relations if r.kind == "duplicate" and {r.source, r.target} <= ids}

    def first(doc_id: str) -> str:
        while doc_id in original:
            doc_id = original[doc_id]
        return doc_id

    copies: dict[str, list[Record]] = {}
    for record in chain:
        if record.id in original:
            copies.setdefault(first(record.id), []).append(record)
    folded = [replace(r, source=first(r.source), target=first(r.target)) for r in relations]
    return ([r for r in chain if r.id not in original], copies,
            _unique([r for r in folded if r.source != r.target]))
