"""The Whoosh schema, and how a Record becomes an indexed document."""
from __future__ import annotations

import json
import zlib
from datetime import datetime

from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, STORED, TEXT, Schema

from indexer.extract.docno import canonical_doc_no
from indexer.extract.attachments import key, named_attachments
from indexer.extract.stdno import parse_std_no
from indexer.index.analysis import CJKAnalyzer, FastPositions
from indexer.record import Record

# 2: attaches; 3: issuer_kind, events (life, stage, deadline); 4: ics, ccs, committee, drafter, classified;
# 5: inherits, folder, and attachment names without editorial marks
SCHEMA_VERSION = 5


class CJKText(TEXT):
    """Full text with positions; multi-token query words become phrases."""

    def __init__(self, field_boost: float = 1.0):
        super().__init__(analyzer=CJKAnalyzer(), phrase=True, field_boost=field_boost,
                         multitoken_query="phrase")
        self.format = FastPositions(field_boost=field_boost)


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        path=ID(stored=True, sortable=True),
        title=CJKText(field_boost=3.0),
        content=CJKText(),
        std=KEYWORD(commas=True, lowercase=True, scorable=True),       # the document's own number
        mentions=KEYWORD(commas=True, lowercase=True),                 # every number it cites
        doc_no=KEYWORD(commas=True, scorable=True),
        issuer=KEYWORD(commas=True),
        issuer_kind=KEYWORD(commas=True),                              # local_government, society …
        doc_type=ID,
        status=ID,
        lang=ID,
        year=ID,
        work=ID(stored=True),
        attaches=KEYWORD(commas=True),                                 # the names in its 附件 list
        inherits=ID,                                                   # the notice it takes values from
        folder=ID,                                                     # the folder of its file (notices/x)
        life=KEYWORD(commas=True, lowercase=True),                     # keys of the standards its events name
        stage=KEYWORD(commas=True),                                    # the life stages it stands for
        deadline=DATETIME,                                             # the last day for comments
        ics=KEYWORD(commas=True),                                      # 77.120.99 (a search takes its prefixes)
        ccs=KEYWORD(commas=True),                                      # H65
        committee=KEYWORD(commas=True),                                # SAC/TC 229, or a body's name
        drafter=KEYWORD(commas=True),                                  # drafting units
        classified=COLUMN(VarBytesColumn()),                           # the four above, per document: for facets
        issued=DATETIME(sortable=True),
        effective=DATETIME,
        record=STORED,
    )


def std_terms(numbers: list[str]) -> str:
    """Each number both in full and as its code, so 'GB/T 13560' finds every version."""
    terms: list[str] = []
    for number in numbers:
        parsed = parse_std_no(number)
        terms.extend([parsed.canonical, parsed.code] if parsed else [number])
    return ",".join(dict.fromkeys(t.lower() for t in terms))


def to_document(record: Record, mentions: list[str]) -> dict:
    # Imported here: searches import this module for the schema alone, and these pull in
    # the extraction rules (a tenth of a second of every search's start).
    from indexer.extract.issuers import default_registry, issuer_kinds
    from indexer.life import record_keys, stages_of

    doc: dict[str, object] = {
        "id": record.id,
        "path": record.path,
        "title": " ".join(filter(None, [record.title, record.title_en])),
        "content": record.text,
        "std": std_terms([record.std_no] if record.std_no else []),
        "mentions": std_terms(mentions + record.replaces + record.references),
        "doc_no": ",".join(dict.fromkeys(filter(None, [record.doc_no, canonical_doc_no(record.doc_no)]))),
        "issuer": ",".join(i.id for i in record.issuers),
        "issuer_kind": ",".join(issuer_kinds(record.issuers, default_registry())),
        "doc_type": record.doc_type,
        "status": record.status,
        "lang": record.lang,
        "work": record.work or "",
        "attaches": ",".join(key(name) for name in named_attachments(record.text)),
        "inherits": record.provenance.get("inherited", {}).get("notice", ""),
        "folder": record.path.rpartition("/")[0],
        "life": ",".join(record_keys(record)),
        "stage": ",".join(stages_of(record)),
        "ics": ",".join(record.ics),
        "ccs": ",".join(record.ccs),
        "committee": ",".join(record.committees),
        "drafter": ",".join(record.drafters),
        "classified": pack_classification(record),
        "record": pack(record),
    }
    if record.issued:
        doc["issued"] = to_datetime(record.issued)
        doc["year"] = record.issued[:4]
    if record.effective:
        doc["effective"] = to_datetime(record.effective)
    deadlines = [e.deadline for e in record.events if e.stage == "comments" and e.deadline]
    if deadlines:
        doc["deadline"] = to_datetime(max(deadlines))
    return {k: v for k, v in doc.items() if v not in ("", b"")}


# Each value of the classification fields as "field<TAB>value", one a line (the index's field names).
CLASSIFICATION_FIELDS = {"ics": "ics", "ccs": "ccs", "committees": "committee", "drafters": "drafter"}


def pack_classification(record: Record) -> bytes:
    return "\n".join(f"{field}\t{value}" for name, field in CLASSIFICATION_FIELDS.items()
                     for value in getattr(record, name)).encode("utf-8")


def to_datetime(iso: str) -> datetime:
    """Start of the period a reduced-precision ISO date names."""
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2])


def pack(record: Record) -> bytes:
    return zlib.compress(json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8"), 6)


def unpack(blob: bytes) -> Record:
    return Record.from_dict(json.loads(zlib.decompress(blob)))
