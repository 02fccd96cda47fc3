"""Where a record's status is decided: indexing (build, reindex, the refresh) and queries
(history, search --as-of) all call this module.

A record's own status (``status_of``, at extraction) is what its text marks
(``indexer.extract.fields.stated_status``: a draft mark 征求意见稿 makes a draft, a repeal
mark 【已废止】 repealed), else what its dates give: an effective date after the day
upcoming, a date in force, no date unknown. Then, on a day:

1. drafts stay drafts, news items keep what extraction gave, an undated record is unknown;
2. upcoming while its effective date (else its issue date) is after the day;
3. superseded once a later version of its work (not the same edition, not a copy of the
   text), or a text stated to replace it, is in effect;
4. repealed once a stated repeal takes effect (another text's, or its own mark);
5. otherwise in force.

A build and a reindex store the cheap part of rule 3 (``superseded_ids``: a later in-force
version of the work) and then ``refresh_statuses`` brings the stored statuses to today
with the whole rule for the records they may have gone stale on (``stale_statuses``);
``status_as_of`` answers for any day at query time.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from whoosh import query as Q

from indexer.errors import UsageError
from indexer.extract.dates import find_dates
from indexer.extract.fields import Found, mentioned_std_nos, stated_status
from indexer.index.schema import unpack
from indexer.index.store import Store
from indexer.lineage import FROM_DATE, Relation, clip, day, is_publication, order_key, start, version_label
from indexer.record import Record
from indexer.textfold import fingerprint

# Provenance rules of statuses set here, beside extraction's own.
LINEAGE_RULE = "lineage:later-version-in-force"    # superseded at indexing (superseded_ids)
LINEAGE_AS_OF = "lineage:as-of"                    # brought to a day across documents (stale_statuses)
# Extraction's rules that follow from the dates alone: worked out again when the dates
# change (an attachment taking its notice's); a draft mark, a repeal or a later version stand.
DATE_RULES = ("effective-in-future", "dated-and-not-superseded", "undated")
# statuses_as_of over more works than this reads all repeal statements in one pass.
BULK_WORKS = 8


@dataclass(frozen=True)
class StatusAt:
    status: str
    reason: str
    since: str | None = None


# --- at indexing: a later version in force -------------------------------------


@dataclass(frozen=True)
class Version:
    id: str
    work: str | None
    issued: str | None
    effective: str | None
    status: str
    # Optional: records of one edition (same std_no) never supersede each other,
    # and news items are not versions of anything.
    std_no: str | None = None
    doc_type: str | None = None
    fingerprint: str | None = None  # copies of one text (see textfold.fingerprint) are not versions
    # Breaks ties between same-dated versions the same way in a fresh build and
    # in a reindex (whose ids and order of records differ).
    path: str = ""


def version_of(record: Record, status: str | None = None) -> Version:
    """What the index-time rule needs of a record; ``status`` overrides the record's."""
    return Version(record.id, record.work, record.issued, record.effective, status or record.status,
                   record.std_no, record.doc_type, fingerprint(record.text), record.path)


def base_version(record: Record) -> Version:
    """The version as extraction saw it, before the index-time rule marked it superseded."""
    rule = record.provenance.get("fields", {}).get("status", {}).get("rule")
    return version_of(record, "in_force" if rule == LINEAGE_RULE else record.status)


def superseded_ids(versions: list[Version]) -> set[str]:
    """Ids of in-force versions that a later in-force version of the same work replaces."""
    by_work: dict[str, list[Version]] = defaultdict(list)
    for version in versions:
        # An undated text has no place in the order: it neither replaces nor is replaced.
        dated = version.issued or version.effective
        if version.work and version.status == "in_force" and version.doc_type != "news" and dated:
            by_work[version.work].append(version)
    out: set[str] = set()
    for members in by_work.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda v: (v.issued or v.effective or "", v.effective or "", v.path))
        latest = members[-1]
        out.update(v.id for v in members[:-1]
                   if not (v.std_no and v.std_no == latest.std_no)
                   and not (v.fingerprint and v.fingerprint == latest.fingerprint))
    return out


def settle_status(record: Record, superseded: set[str]) -> Record:
    """Mark a version superseded by a later one in force, or undo that mark."""
    sources = record.provenance.setdefault("fields", {})
    by_lineage = sources.get("status", {}).get("rule") == LINEAGE_RULE
    if record.id in superseded and record.status == "in_force":
        record.status = "superseded"
        sources["status"] = {"rule": LINEAGE_RULE}
    elif by_lineage and record.id not in superseded:
        record.status = "in_force"
        sources["status"] = {"rule": "dated-and-not-superseded"}
    return record


def settle_works(records: Iterable[Record]) -> list[Record]:
    """Every version of some works, stored before: superseded / in force settled again
    across them (a reindex); returns the records whose status changed."""
    records = list(records)
    superseded = superseded_ids([base_version(r) for r in records])
    changed = []
    for record in records:
        before = record.status
        if settle_status(record, superseded).status != before:
            changed.append(record)
    return changed


def status_of(title: str, text: str, kind: str, issued: str | None, effective: str | None, today: date) -> Found:
    """A record's status at extraction: what its text marks, else what its dates give."""
    return stated_status(title, text) or dated_status(kind, issued, effective, today)


def dated_status(kind: str, issued: str | None, effective: str | None, today: date) -> Found:
    if effective and effective > today.isoformat():
        return Found("upcoming", "effective-in-future", effective)
    if kind == "news":
        return Found("unknown", "news", "")
    if issued or effective:
        return Found("in_force", "dated-and-not-superseded", "")
    return Found("unknown", "undated", "")


def redated(record: Record, today: date) -> Record:
    """The record's status worked out again from its dates, when only its dates decided it."""
    sources = record.provenance.setdefault("fields", {})
    if sources.get("status", {}).get("rule") in DATE_RULES:
        found = dated_status(record.doc_type, record.issued, record.effective, today)
        record.status = found.value
        sources["status"] = {"rule": found.rule, "span": found.span[:200]}
    return record


# --- on a day ---------------------------------------------------------------------


def as_of_day(value: str | date | None) -> str:
    """The as-of day as ISO (today when not given)."""
    if isinstance(value, date):
        return value.isoformat()
    return day(value) or date.today().isoformat()


def checked_day(value: str | date | None) -> str:
    """An --as-of value as an ISO day; a value that is not a date is a usage error."""
    if value is None or isinstance(value, date):
        return as_of_day(value)
    from indexer.extract.dates import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise UsageError(f"--as-of: {value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return as_of_day(parsed.iso)


def own_repeal(record: Record) -> Relation | None:
    """A record that marks itself repealed (【本标准已废止】), dated when the mark says from when."""
    rule = record.provenance.get("fields", {}).get("status", {})
    if record.status != "repealed" or rule.get("rule", "").startswith(LINEAGE_AS_OF):
        return None  # repealed by another document, found as such, not marked in its own text
    head = record.text[:600]
    when = None
    for m in FROM_DATE.finditer(head):
        if "废止" in head[m.end():m.end() + 12] or "不再执行" in head[m.end():m.end() + 12]:
            found = find_dates(m.group(1))
            when = found[0].iso if found else None
            break
    evidence = rule.get("span") or next((ln.strip() for ln in head.splitlines() if "废止" in ln),
                                        f"status {rule.get('rule', 'stated')}")
    label = version_label(record)
    return Relation("repeals", record.id, record.id, True, clip(evidence), effective=when,
                    source_label=label, target_label=label)


def status_as_of(record: Record, versions: Iterable[Record], as_of: str | date | None = None,
                 relations: Iterable[Relation] = ()) -> StatusAt:
    """The record's status on the as-of day (today by default).

    ``versions`` are the records of its work, ``relations`` the stated
    replacements and repeals that name it (from other works too). In order:
    drafts stay drafts; upcoming while its effective date is after the day (a
    version effective on the day is in force that day); superseded once a later
    version, or a text stated to replace it, is in effect; repealed once a
    stated repeal takes effect; otherwise in force.
    """
    on = as_of_day(as_of)
    if record.status == "draft":
        return StatusAt("draft", "draft for comments")
    if record.doc_type == "news":
        return StatusAt(record.status, "news item")
    begins = start(record)
    if begins is None:
        return StatusAt(record.status if record.status != "in_force" else "unknown", "no issue or effective date")
    if begins > on:
        issued = day(record.issued)
        if issued and issued > on:
            return StatusAt("upcoming", f"not issued yet (issued {issued}, effective {begins})", begins)
        return StatusAt("upcoming", f"effective {begins}", begins)
    versions, relations = list(versions), list(relations)
    mark = own_repeal(record)
    if mark and mark not in relations:
        relations.append(mark)
    replaced = _replaced_on(record, versions, relations, on)
    if replaced:
        return replaced
    repealed = _repealed_on(record, relations, on)
    if repealed:
        return repealed
    if record.status == "superseded" and not _successors(record, versions, relations) \
            and record.provenance.get("fields", {}).get("status", {}).get("rule") == "stated":
        return StatusAt("superseded", "stated in the record; the replacing version is not in the index")
    if record.status == "unknown":
        return StatusAt("unknown", "stated in the record")
    return StatusAt("in_force", f"effective {begins}", begins)


def _successors(record: Record, versions: list[Record], relations: list[Relation]) -> list[tuple[str | None, str]]:
    """(from when, by what) for every later version of the work and every text stated to replace it."""
    out: list[tuple[str | None, str]] = []
    for other in versions:
        if other.id == record.id or not is_publication(other) or order_key(other) <= order_key(record):
            continue
        if record.std_no and other.std_no == record.std_no or _copies(record, other):
            continue  # the same edition, or a copy of the same text
        out.append((start(other), f"{version_label(other)} in effect from {start(other)}"))
    for rel in relations:
        if rel.kind == "replaces" and rel.target == record.id:
            out.append((rel.effective, f"replaced by {rel.source_label or rel.source} from {rel.effective}"))
    return out


def _copies(a: Record, b: Record) -> bool:
    key = fingerprint(a.text)
    return bool(key) and key == fingerprint(b.text)


def _replaced_on(record: Record, versions: list[Record], relations: list[Relation], on: str) -> StatusAt | None:
    candidates = [(since, why) for since, why in _successors(record, versions, relations) if since and since <= on]
    if not candidates:
        return None
    since, reason = min(candidates)
    return StatusAt("superseded", reason, since)


def _repealed_on(record: Record, relations: Iterable[Relation], on: str) -> StatusAt | None:
    dated: list[tuple[str, str]] = []
    undated: list[str] = []
    for rel in relations:
        if rel.kind != "repeals" or rel.target != record.id:
            continue
        if rel.effective:
            if rel.effective <= on:
                dated.append((rel.effective, rel.evidence))
        else:
            undated.append(rel.evidence)
    if dated:
        since, evidence = min(dated)
        return StatusAt("repealed", f"repealed from {since}: {evidence}", since)
    if undated and not any(r.kind == "repeals" and r.target == record.id and r.effective for r in relations):
        return StatusAt("repealed", f"repealed (date not stated): {undated[0]}")
    return None


# --- on a day, read from the index ---------------------------------------------------
# The versions and relations of each record are found by indexer.query.history (imported
# where used: it reads its statuses from here).


def statuses_as_of(ix, records: Iterable[Record], as_of: str | date | None = None) -> dict[str, StatusAt]:
    """Each record's status on as_of, worked out against the other versions of its work.

    For ``search --as-of``: pass the hits' records; set ``record.status`` from the result.
    """
    from indexer.query.history import Linker, Lookup

    on = checked_day(as_of)
    records = list(records)
    out: dict[str, StatusAt] = {}
    with ix.searcher() as searcher:
        lookup = Lookup(searcher)
        by_work: dict[str, list[Record]] = {}
        for record in records:
            by_work.setdefault(record.work or f"id:{record.id}", []).append(record)
        linker = Linker(lookup, bulk=len(by_work) > BULK_WORKS)
        for work, members in by_work.items():
            chain = linker.chain(work) if not work.startswith("id:") else members
            relations = linker.relations(chain)
            for record in members:
                versions = lookup.work(record.work) if record.work else [record]
                out[record.id] = status_as_of(record, versions, on, relations)
    return out


def restate(ix, records: list[Record], as_of: str | date | None = None) -> list[Record]:
    """The records with ``status`` set to their status on as_of (records are changed in place)."""
    statuses = statuses_as_of(ix, records, as_of)
    for record in records:
        record.status = statuses[record.id].status
    return records


def stale_statuses(ix, as_of: str | date | None = None) -> list[Record]:
    """Records whose stored status differs from their status on as_of (today by default),
    with the status and its reason set: versions repealed by another document, upcoming
    versions now in force, and repeals that no longer hold.

    Only those candidates are worked out, so this stays cheap on a large index.
    """
    from indexer.query.history import Linker, Lookup

    on = checked_day(as_of)
    with ix.searcher() as searcher:
        lookup = Lookup(searcher)
        linker = Linker(lookup, bulk=True)
        repealers = {r.id: r for records in lookup.repeal_register().values() for r in records}
        ids = {rel.target for r in repealers.values() for rel in linker.repeals_by(r) if rel.indexed}
        stored = searcher.search(Q.Or([Q.Term("status", s) for s in ("repealed", "upcoming")]), limit=None)
        ids |= {hit["id"] for hit in stored}
        stored_records = (searcher.document(id=doc_id) for doc_id in sorted(ids))
        candidates = [unpack(fields["record"]) for fields in stored_records if fields]
    found = statuses_as_of(ix, candidates, on)
    changed = []
    for record in candidates:
        now = found[record.id]
        if now.status != record.status:
            record.status = now.status
            record.provenance.setdefault("fields", {})["status"] = {"rule": f"{LINEAGE_AS_OF} {on}",
                                                                    "span": now.reason[:200]}
            changed.append(record)
    return changed


def refresh_statuses(store: Store) -> int:
    """Bring stored statuses to today: repeals stated in other documents, upcoming
    versions now in force. Run after every build and reindex, under the writer lock."""
    today = date.today().isoformat()
    changed = stale_statuses(store.open(), today)
    if changed:
        with store.update() as updater:
            for record in changed:
                updater.upsert(record, mentioned_std_nos(record.text))
    store.update_meta(statuses_on=today)
    return len(changed)
