"""XML files in the project's record schema (schemas/record.xsd), parsed defensively."""
from __future__ import annotations

import functools
import re

from lxml import etree

from indexer.errors import ReadError
from indexer.read.rawdoc import RawDoc
from indexer.record import CLASSIFICATION_ITEMS
from indexer.resources import schema_path

# Untrusted input: a DTD or an entity declaration is how XXE and "billion
# laughs" files work, and a record never needs one, so such files are refused
# before parsing. The parser settings are a second line of defence.
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)
_REFUSED = "XML declares a DTD or entities; refused (XXE / entity-expansion risk)"
# huge_tree lifts libxml2's 10 MB limit on one text node: a record's text may
# be as long as the file limit (32 MiB). Entity expansion, what the limit also
# guards against, cannot happen: entities are refused before parsing.
_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False,
                       dtd_validation=False, huge_tree=True, remove_comments=True,
                       remove_pis=True)

EVENT_ATTRIBUTES = ("stage", "date", "deadline", "std_no", "plan_no", "title", "replaces", "lead", "committee",
                    "result")
_LIST_FIELDS = {"issuers": "issuer", "replaces": "std_no", "references": "number"}
_TEXT_FIELDS = ("id", "path", "source_url", "title", "title_en", "doc_type", "lang", "status", "std_no",
                "doc_no", "work", "text")


@functools.cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_path("record.xsd"))))


def read_xml(data: bytes) -> list[RawDoc]:
    if _DTD.search(data[:65536]) or _DTD.search(data):
        raise ReadError(_REFUSED)
    try:
        root = etree.fromstring(data, etree.XMLParser(**_PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        raise_if_out_of_memory(exc)
        raise ReadError(f"malformed XML: {exc}") from None
    if _declares_dtd(root.getroottree().docinfo):
        raise ReadError(_REFUSED)
    if root.tag not in ("record", "records"):
        raise ReadError(f"XML root <{root.tag}> is not a stdidx record or records element")
    schema = _schema()
    if not schema.validate(root):
        error = schema.error_log.last_error
        raise ReadError(f"XML record does not match record.xsd: line {error.line}: {error.message}")
    encoding = (root.getroottree().docinfo.encoding or "utf-8").lower()
    records = [root] if root.tag == "record" else list(root.iterfind("record"))
    many = len(records) > 1
    return [_raw(rec, encoding, index if many else None) for index, rec in enumerate(records)]


def raise_if_out_of_memory(exc: etree.LxmlError) -> None:
    """libxml2 reports a failed allocation (the memory budget reached) as a syntax
    error; it is the file's size, not its syntax, that is at fault."""
    if any(e.type == etree.ErrorTypes.ERR_NO_MEMORY for e in getattr(exc, "error_log", ())):
        raise MemoryError() from None


def _declares_dtd(info) -> bool:
    """The same check on the parsed document: the byte pattern misses a DTD in
    UTF-16 or UTF-32, which lxml decodes (but, by its settings, never loads)."""
    return bool(info.doctype or info.system_url or info.public_id or info.internalDTD is not None)


def _raw(rec, encoding: str, part: int | None) -> RawDoc:
    stated: dict = {}
    for name in _TEXT_FIELDS:
        value = rec.findtext(name)
        if value is not None and value.strip():
            stated[name] = value.strip() if name != "text" else value
    for name in ("issued", "effective"):
        el = rec.find(name)
        if el is not None and (el.text or "").strip():
            stated[name] = el.text.strip()
            stated[f"{name}_precision"] = el.get("precision")
    issuers = rec.find("issuers")
    if issuers is not None:
        stated["issuers"] = [dict(el.attrib, written=(el.text or "").strip())
                             for el in issuers.iterfind("issuer")]
    replaces = rec.find("replaces")
    if replaces is not None:
        stated["replaces"] = [el.text.strip() for el in replaces.iterfind("std_no") if el.text]
    references = rec.find("references")
    stated["references"] = [el.text.strip() for el in references.iterfind("number") if el.text] \
        if references is not None else []
    for name, item in CLASSIFICATION_ITEMS.items():
        listed = rec.find(name)
        if listed is not None:
            stated[name] = [el.text.strip() for el in listed.iterfind(item) if el.text and el.text.strip()]
    events = rec.find("events")
    if events is not None:
        stated["events"] = [{name: el.get(name) for name in EVENT_ATTRIBUTES} | {"evidence": (el.text or "").strip()}
                            for el in events.iterfind("event") if el.get("stage")]
    text = stated.pop("text", "")
    return RawDoc(format="xml", encoding=encoding, text=text, title=stated.get("title"),
                  stated=stated, part=part)
