"""XML: one <records> document valid against schemas/record.xsd, written a record at a time."""
from __future__ import annotations

import re
from typing import Any

from lxml import etree

from indexer.errors import UsageError
from indexer.export.base import Options, Writer
from indexer.record import CLASSIFICATION_ITEMS, FIELDS, Record

# The XSD fixes the order of a record's elements; the precisions are attributes
# of their dates, so they travel with the date and are not elements of their own.
ELEMENT_FIELDS = tuple(name for name in FIELDS if not name.endswith("_precision"))

# XML 1.0 cannot carry these characters at all, even escaped; they are dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)


class XmlWriter(Writer):
    name = "xml"

    @classmethod
    def check(cls, options: Options) -> None:
        if options.fields is not None and "title" not in options.fields:
            raise UsageError("--format xml needs the title field: record.xsd requires it in every record")

    def begin(self) -> None:
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n<records>\n')
        chosen = set(self.fields)
        self._elements = [name for name in ELEMENT_FIELDS if name in chosen]

    def write(self, record: Record) -> None:
        element = record_element(record.to_dict(), self._elements)
        self.out.write(etree.tostring(element, encoding="unicode", pretty_print=True))

    def end(self) -> None:
        self.out.write("</records>\n")


def record_element(data: dict[str, Any], names: list[str]) -> etree._Element:
    """A <record> with the named fields, in the schema's order."""
    record = etree.Element("record")
    for name in names:
        value = data[name]
        if name == "issuers":
            issuers = etree.SubElement(record, "issuers")
            for issuer in value:
                etree.SubElement(issuers, "issuer", _issuer_attributes(issuer))
        elif name == "replaces":
            replaces = etree.SubElement(record, "replaces")
            for number in value:
                etree.SubElement(replaces, "std_no").text = xml_text(number)
        elif name == "references":
            references = etree.SubElement(record, "references")
            for number in value:
                etree.SubElement(references, "number").text = xml_text(number)
        elif name in CLASSIFICATION_ITEMS:
            listed = etree.SubElement(record, name)
            for value_item in value:
                etree.SubElement(listed, CLASSIFICATION_ITEMS[name]).text = xml_text(value_item)
        elif name == "events":
            events = etree.SubElement(record, "events")
            for event in value:
                attributes = {k: xml_text(v) for k, v in event.items() if k != "evidence" and v is not None}
                etree.SubElement(events, "event", attributes).text = xml_text(event.get("evidence") or "")
        elif name == "provenance":
            record.append(_provenance(value))
        elif value is None:
            continue
        elif name in ("issued", "effective"):
            date = etree.SubElement(record, name)
            date.text = value
            if data.get(f"{name}_precision"):
                date.set("precision", data[f"{name}_precision"])
        else:
            etree.SubElement(record, name).text = xml_text(value)
    return record


def _issuer_attributes(issuer: dict) -> dict[str, str]:
    attributes = {"id": issuer["id"], "name_zh": issuer["name_zh"], "name_en": issuer["name_en"],
                  "registered": "true" if issuer["registered"] else "false"}
    for former in ("named_zh", "named_en"):
        if issuer.get(former):
            attributes[former] = issuer[former]
    return {key: xml_text(value) for key, value in attributes.items()}


def _provenance(provenance: dict) -> etree._Element:
    element = etree.Element("provenance")
    for attribute in ("format", "encoding"):
        if provenance.get(attribute):
            element.set(attribute, xml_text(provenance[attribute]))
    for repair in provenance.get("repairs", []):
        etree.SubElement(element, "repair").text = xml_text(repair)
    if provenance.get("pages"):
        element.set("pages", " ".join(str(start) for start in provenance["pages"]))
    for warning in provenance.get("warnings", []):
        etree.SubElement(element, "warning").text = xml_text(warning)
    for part in provenance.get("unread", []):
        etree.SubElement(element, "unread").text = xml_text(part)
    for field, source in provenance.get("fields", {}).items():
        attributes = {"field": field, "rule": source.get("rule", "")}
        attributes.update({key: source[key] for key in ("span", "notice") if key in source})
        etree.SubElement(element, "source", {k: xml_text(v) for k, v in attributes.items()})
    return element
