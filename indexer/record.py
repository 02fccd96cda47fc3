"""The canonical document record, mirrored by schemas/record.xsd and schemas/record.schema.json."""
from __future__ import annotations

import bisect
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

DOC_TYPES = ("standard", "standard_notice", "policy", "news")
LANGS = ("zh-Hans", "zh-Hant", "en")
STATUSES = ("draft", "upcoming", "in_force", "superseded", "repealed", "unknown")
# Life stages, in order (schemas/stages.json describes each and the notices that announce it).
STAGES = ("project", "comments", "submitted", "published", "effective", "review", "replaced", "repealed", "withdrawn")
# What --stage takes: a stage, or a call for comments whose deadline has not passed.
STAGE_FILTERS = STAGES[:2] + ("comments-open",) + STAGES[2:]

# The classification fields, lists of codes and names, with the XML element of each item (record.xsd).
CLASSIFICATION_ITEMS = {"ics": "code", "ccs": "code", "committees": "committee", "drafters": "unit"}
CLASSIFICATION = tuple(CLASSIFICATION_ITEMS)

# Field order of the record in every output (JSON, XML, CSV columns).
FIELDS = (
    "id", "path", "source_url", "title", "title_en", "doc_type", "lang", "issuers",
    "issued", "issued_precision", "effective", "effective_precision",
    "status", "std_no", "replaces", "doc_no", "references", *CLASSIFICATION, "events", "work", "text",
    "provenance",
)


@dataclass
class Issuer:
    """A body, under its current name; ``named_*`` is the name a document uses where it is
    another: a former name (written, or the body's name on the document's date) or a
    longer form (中国国家标准化管理委员会)."""

    id: str
    name_zh: str
    name_en: str
    registered: bool = True
    named_zh: str | None = None
    named_en: str | None = None


@dataclass
class Event:
    """A step in the life of a standard or text that this document announces (schemas/stages.json):
    a project approved, a draft put out for comments, a release, a repeal …

    The standard is named as the document names it: its number, a plan or project
    number, the title, the edition it revises or replaces. ``evidence`` is the line
    that says so.
    """

    stage: str
    date: str | None = None
    deadline: str | None = None         # comments: until when
    std_no: str | None = None
    plan_no: str | None = None
    title: str | None = None
    replaces: str | None = None         # the edition a project revises, or a release replaces
    lead: str | None = None             # the lead drafting unit
    committee: str | None = None        # the technical committee it is under (SAC/TC 229)
    result: str | None = None           # review: started | confirmed | revise | abolish
    evidence: str = ""


@dataclass
class Record:
    id: str
    path: str
    title: str
    doc_type: str = "news"
    lang: str = "zh-Hans"
    title_en: str | None = None
    issuers: list[Issuer] = field(default_factory=list)
    issued: str | None = None
    issued_precision: str | None = None
    effective: str | None = None
    effective_precision: str | None = None
    status: str = "unknown"
    std_no: str | None = None
    replaces: list[str] = field(default_factory=list)
    doc_no: str | None = None
    # Standard and document numbers the text cites (not its own), canonical, in order.
    references: list[str] = field(default_factory=list)
    # Classification the document states (schemas/classification.json): ICS and CCS codes,
    # the technical committees it is under (归口), its drafting units (起草单位).
    ics: list[str] = field(default_factory=list)
    ccs: list[str] = field(default_factory=list)
    committees: list[str] = field(default_factory=list)
    drafters: list[str] = field(default_factory=list)
    # Life stages this document announces for standards it names (notices, lists).
    events: list[Event] = field(default_factory=list)
    source_url: str | None = None  # where the page was published, when it says so
    work: str | None = None
    text: str = ""
    provenance: dict[str, Any] = field(default_factory=dict)

    def page_at(self, offset: int) -> int | None:
        """The page (from 1) an offset of the text is on, for a paged document (PDF)."""
        starts = self.provenance.get("pages")
        return bisect.bisect_right(starts, offset) if starts else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {name: data[name] for name in FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        values: dict[str, Any] = {name: data.get(name) for name in FIELDS if name in data}
        values["issuers"] = [Issuer(**i) for i in data.get("issuers") or []]
        values["replaces"] = list(data.get("replaces") or [])
        for name in ("references",) + CLASSIFICATION:
            values[name] = list(data.get(name) or [])
        values["events"] = [Event(**e) for e in data.get("events") or []]
        values["provenance"] = dict(data.get("provenance") or {})
        return cls(**values)


def make_id(relpath: str) -> str:
    """A short id derived from the document's path under its corpus root.

    Stable across reindexing of the same tree; reindex keeps it across moves
    by carrying the old id forward.
    """
    return "d" + hashlib.blake2b(relpath.encode("utf-8"), digest_size=6).hexdigest()
