"""The record is defined once: record.py, the XSD and the JSON Schema name the same fields."""
import json
from pathlib import Path

import pytest
from lxml import etree

from indexer.record import FIELDS

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
XS = "{http://www.w3.org/2001/XMLSchema}"


def xsd_fields() -> list[str]:
    tree = etree.parse(str(SCHEMAS / "record.xsd"))
    sequence = tree.find(f"{XS}element[@name='record']/{XS}complexType/{XS}sequence")
    return [el.get("name") for el in sequence.findall(f"{XS}element")]


def test_xsd_json_schema_and_record_agree():
    properties = json.loads((SCHEMAS / "record.schema.json").read_text("utf-8"))["properties"]
    precision_fields = {"issued_precision", "effective_precision"}  # attributes in XML
    assert [f for f in FIELDS if f not in precision_fields] == xsd_fields()
    assert set(FIELDS) == set(properties)


def test_exported_records_validate_against_json_schema(corpus_records):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAS / "record.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for record in corpus_records:
        errors = list(validator.iter_errors(record))
        assert not errors, (record["path"], errors[0].message)
