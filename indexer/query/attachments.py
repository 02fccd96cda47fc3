"""A notice and its attachments, looked up in the index when a record is shown or found.

Worked out from the records themselves (paths, and the 附件 list in the notice's text),
so it holds after every reindex without anything kept in between. Attachments are the
files in a folder named after the notice's page (notices/x.html → notices/x/…) and the
files next to the page that its 附件 list names (by file name or by title).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from whoosh.query import Every, Or, Prefix, Term

from indexer.extract.attachments import keys_naming, named_attachments, names
from indexer.index.schema import unpack
from indexer.record import Record

# A folder with more records than this is not searched for a notice naming a file.
MAX_NEIGHBOURS = 500


@dataclass
class Links:
    notice: Record | None = None
    attachments: list[Record] = field(default_factory=list)


def links(ix, record: Record) -> Links:
    with ix.searcher() as searcher:
        return Links(notice_of(searcher, record), attachments_of(searcher, record))


def attachments_of(searcher, record: Record, neighbours: list[Record] | None = None) -> list[Record]:
    """The files attached to a notice: in the folder named after it, or next to it and named by it.
    `neighbours`: the records of the notice's folder, when already read."""
    page = PurePosixPath(record.path)
    found = {r.id: r for r in _with_prefix(searcher, f"{page.with_suffix('')}/")}
    listed = named_attachments(record.text)
    if listed:
        for other in in_folder(searcher, page.parent) if neighbours is None else neighbours:
            if other.id != record.id and any(names(name, other.path, other.title) for name in listed):
                found.setdefault(other.id, other)
    found.pop(record.id, None)
    return sorted(found.values(), key=lambda r: r.path)


def attachment_keys(searcher) -> set[str]:
    """Every attachment name some page of the index lists (few: only notices list any)."""
    return set(searcher.reader().field_terms("attaches"))


def notice_of(searcher, record: Record, known: set[str] | None = None) -> Record | None:
    """The notice a file is attached to: the page its folder is named after, else a page
    next to it whose 附件 list names it. `known`: attachment_keys, when already read."""
    path = PurePosixPath(record.path)
    folder = path.parent
    if folder.name:
        for page in in_folder(searcher, folder.parent, f"{folder.name}."):
            return page
    # The index holds each page's attachment names, so only pages naming this file are read.
    keys = keys_naming(record.path, record.title) & (attachment_keys(searcher) if known is None else known)
    if not keys:
        return None
    for other in _records(searcher, Or([Term("attaches", k) for k in sorted(keys)])):
        if other.id != record.id and PurePosixPath(other.path).parent == folder \
                and any(names(name, record.path, record.title) for name in named_attachments(other.text)):
            return other
    return None


def in_folder(searcher, folder: PurePosixPath, name_start: str = "") -> list[Record]:
    """Records of files directly in `folder` whose names start with `name_start`."""
    prefix = "" if str(folder) == "." else f"{folder}/"
    records = _with_prefix(searcher, prefix + name_start)
    return [r for r in records if "/" not in r.path[len(prefix):]]


def _with_prefix(searcher, prefix: str) -> list[Record]:
    if not prefix:
        return _records(searcher, Every())
    # Most files have no folder named after them: the term list says so without a search.
    if next(iter(searcher.reader().expand_prefix("path", prefix)), None) is None:
        return []
    return _records(searcher, Prefix("path", prefix))


def _records(searcher, query) -> list[Record]:
    hits = searcher.search(query, limit=MAX_NEIGHBOURS, sortedby="path")
    return [unpack(hit["record"]) for hit in hits]
