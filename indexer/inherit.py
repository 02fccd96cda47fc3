"""Attachments take their notice's dates and issuers where they state none.

Run after every build and reindex, before statuses are brought to today. What an
attachment took is marked in its record (the field's rule is "from-notice", with the
notice's id, and provenance "inherited" keeps the attachment's own status), and its
index entry names the notice (field `inherits`), so each run first takes back what an
earlier one gave and then gives what the notices say now: an edited notice, a file no
longer attached or a removed notice leave no stale values, and an incremental reindex
ends where a fresh build does.
"""
from __future__ import annotations

from datetime import date
from itertools import groupby
from pathlib import PurePosixPath

from whoosh.query import Or, Term

from indexer.extract.stages import record_events
from indexer.index.schema import unpack
from indexer.index.store import Store
from indexer.query.attachments import attachments_of, in_folder
from indexer.record import Issuer, Record
from indexer.status import redated

RULE = "from-notice"
# What an attachment takes, each with the fields that go with it.
INHERITED = {"issued": ("issued", "issued_precision"), "effective": ("effective", "effective_precision"),
             "issuers": ("issuers",)}


def inherit_from_notices(store: Store, today: date) -> list[Record]:
    """The records whose inherited values changed, as they should now be stored."""
    with store.open().searcher() as searcher:
        plan, held = planned(searcher), inheriting(searcher)
        changed = []
        for doc_id in sorted(set(plan) | set(held)):
            stored, notice = plan.get(doc_id) or (held[doc_id], None)
            record = settled(stored, notice, today)
            if record.to_dict() != stored.to_dict():
                changed.append(record)
    return changed


def settled(stored: Record, notice: Record | None, today: date) -> Record:
    """A copy of the record with what it took back, then what its notice (if any) gives now."""
    record = own(_copy_record(stored))
    return inherit(record, own(_copy_record(notice)), today) if notice is not None else record


def planned(searcher) -> dict[str, tuple[Record, Record]]:
    """Each attachment of a notice, with the notice (the first by path, for a file two notices claim)."""
    plan: dict[str, tuple[Record, Record]] = {}
    notices = sorted(notices_with_attachments(searcher), key=lambda r: (_folder(r), r.path))
    for folder, group in groupby(notices, key=_folder):
        neighbours = in_folder(searcher, folder)
        for notice in group:
            for attachment in attachments_of(searcher, notice, neighbours):
                plan.setdefault(attachment.id, (attachment, notice))
    return plan


def _folder(record: Record) -> PurePosixPath:
    return PurePosixPath(record.path).parent


def notices_with_attachments(searcher) -> list[Record]:
    """Pages whose 附件 list names something, and pages with a folder named after them:
    found from the index's terms (names listed, folders), so an index without either reads
    no record, and a large one reads its folders' names, not its files'."""
    reader = searcher.reader()
    terms = [Term("attaches", k) for k in reader.field_terms("attaches")]
    for folder in reader.field_terms("folder"):
        pages = (term.decode("utf-8") for term in reader.expand_prefix("path", f"{folder}."))
        terms += [Term("path", page) for page in pages if "/" not in page[len(folder):]]
    return _records(searcher, terms)


def inheriting(searcher) -> dict[str, Record]:
    """The records holding values an earlier run gave them."""
    terms = [Term("inherits", notice) for notice in searcher.reader().field_terms("inherits")]
    return {r.id: r for r in _records(searcher, terms)}


def _records(searcher, terms: list[Term]) -> list[Record]:
    if not terms:
        return []
    return [unpack(hit["record"]) for hit in searcher.search(Or(terms), limit=None)]


def own(record: Record) -> Record:
    """The record with what it inherited taken back: its own values, status and events."""
    taken = record.provenance.pop("inherited", None)
    if taken is None:
        return record
    sources = record.provenance.setdefault("fields", {})
    for name, columns in INHERITED.items():
        if sources.get(name, {}).get("rule") == RULE:
            del sources[name]
            for column in columns:
                setattr(record, column, [] if column == "issuers" else None)
    record.status = taken["status"]
    _set_source(sources, "status", taken.get("status_source"))
    return _with_events(record)


def inherit(record: Record, notice: Record, today: date) -> Record:
    """The record with the notice's dates and issuers where it states none (`notice`: its own values)."""
    sources = record.provenance.setdefault("fields", {})
    gained = [name for name in INHERITED if _empty(record, name) and not _empty(notice, name)]
    if not gained:
        return record
    record.provenance["inherited"] = {"notice": notice.id, "status": record.status,
                                      "status_source": sources.get("status")}
    for name in gained:
        for column in INHERITED[name]:
            setattr(record, column, _copy(getattr(notice, column)))
        sources[name] = {"rule": RULE, "notice": notice.id, "span": notice.title[:200]}
    return _with_events(redated(record, today))


def _copy_record(record: Record) -> Record:
    return Record.from_dict(record.to_dict())


def _empty(record: Record, name: str) -> bool:
    return not getattr(record, name)


def _copy(value):
    return [Issuer(**vars(i)) for i in value] if isinstance(value, list) else value


def _set_source(sources: dict, name: str, source: dict | None) -> None:
    if source is None:
        sources.pop(name, None)
    else:
        sources[name] = source


def _with_events(record: Record) -> Record:
    """Life events dated by the record's date, worked out again (an XML record states its own)."""
    if record.provenance.get("format") != "xml":
        record.events = record_events(record)
    return record
