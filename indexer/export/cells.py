"""Records as rows of spreadsheet cells: one cell per field, lists joined, formulas defused."""
from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from indexer.record import CLASSIFICATION, FIELDS

# A sheet is for reading metadata: the body text and the extraction trail are
# long, so they are columns only when --fields asks for them.
TABULAR_FIELDS = tuple(name for name in FIELDS if name not in ("text", "provenance"))

# A cell starting with one of these is taken as a formula by Excel, LibreOffice
# or Google Sheets (tab and carriage return are stripped before the check).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

LIST_SEPARATOR = "; "


def cell_text(name: str, value: Any) -> str:
    """One field's value as the text of a cell."""
    if value is None:
        return ""
    if name == "issuers":
        return LIST_SEPARATOR.join(issuer_label(issuer) for issuer in value)
    if name in ("replaces", "references", *CLASSIFICATION):
        return LIST_SEPARATOR.join(value)
    if name == "events":
        return LIST_SEPARATOR.join(event_label(event) for event in value)
    if name == "provenance":
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def event_label(event: dict) -> str:
    """`comments 2024-03-15 再生氧化镨钕 (until 2024-04-15)`: stage, date and what it names."""
    named = event.get("std_no") or event.get("plan_no") or event.get("title") or ""
    until = f" (until {event['deadline']})" if event.get("deadline") else ""
    return " ".join(filter(None, [event["stage"], event.get("date"), named])) + until


def issuer_label(issuer: dict) -> str:
    """`MIIT 工业和信息化部`: registry id and the name the document uses; an
    unregistered body by its name alone (its id is a hash)."""
    name = issuer.get("named_zh") or issuer["name_zh"]
    return f"{issuer['id']} {name}" if issuer["registered"] else name


# Spreadsheets skip these before reading a formula: spaces, and characters that
# show as nothing (zero-width space and joiners, word joiner, byte-order mark).
_LEAD = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*")


def is_formula_like(text: str) -> bool:
    if text.startswith(FORMULA_START):
        return True
    lead = _LEAD.match(text)
    assert lead is not None        # the pattern matches the empty string
    first = text[lead.end():][:1]
    # Full-width ＝ ＋ － ＠ (an IME's default) are read as their ASCII forms.
    return bool(first) and unicodedata.normalize("NFKC", first).startswith(FORMULA_START[:4])


def neutralised(text: str) -> str:
    """The text with a leading apostrophe when a spreadsheet would run it as a formula."""
    return "'" + text if is_formula_like(text) else text
