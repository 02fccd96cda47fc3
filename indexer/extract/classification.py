"""Classification a document states: ICS and CCS codes, the technical committee it is under
(归口), the units that drafted it (起草单位).

The wording and the committee vocabulary are data (schemas/classification.json); these are
small pure functions of a record's text.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from indexer.errors import UsageError
from indexer.resources import schema_path

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Committee:
    id: str
    zh: str
    en: str


@dataclass(frozen=True)
class Vocabulary:
    ics_label: re.Pattern
    ics_code: re.Pattern
    ics_between: re.Pattern
    ccs_label: re.Pattern
    ccs_code: re.Pattern
    ccs_after_ics: re.Pattern
    cover_chars: int
    committee_code: re.Pattern
    committee_cues: tuple[re.Pattern, ...]
    committees: tuple[Committee, ...]
    drafter_cues: tuple[re.Pattern, ...]
    drafter_split: re.Pattern
    drafter_drop: re.Pattern
    unit: re.Pattern
    header: re.Pattern
    lead_column: re.Pattern
    committee_column: re.Pattern
    body_column: re.Pattern


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The classification vocabulary, loaded and compiled once."""
    path = schema_path("classification.json")
    try:
        data = json.loads(path.read_text("utf-8"))
        ics, ccs, committee, drafters, columns = (data[k] for k in ("ics", "ccs", "committee", "drafters", "columns"))
        return Vocabulary(
            ics_label=re.compile(ics["label"]), ics_code=re.compile(ics["code"]),
            ics_between=re.compile(ics["between"]),
            ccs_label=re.compile(ccs["label"]), ccs_code=re.compile(ccs["code"]),
            ccs_after_ics=re.compile(ccs["after_ics"]), cover_chars=int(ccs["cover_chars"]),
            committee_code=re.compile(committee["code"]),
            committee_cues=tuple(map(re.compile, committee["cues"])),
            committees=tuple(Committee(c["id"], c["zh"], c["en"]) for c in committee["committees"]),
            drafter_cues=tuple(map(re.compile, drafters["cues"])), drafter_split=re.compile(drafters["split"]),
            drafter_drop=re.compile(drafters["drop"]), unit=re.compile(drafters["unit"]),
            header=re.compile(columns["header"]), lead_column=re.compile(columns["lead"]),
            committee_column=re.compile(columns["committee"]), body_column=re.compile(columns["bodies"]),
        )
    except (OSError, ValueError, KeyError, TypeError, re.error) as exc:
        raise UsageError(f"{path}: cannot read the classification vocabulary ({exc})") from None


@dataclass
class Classification:
    ics: list[str]
    ccs: list[str]
    committees: list[str]
    drafters: list[str]


def classify(text: str) -> Classification:
    """What the text states; odd text gives empty lists, never an error."""
    try:
        ics, ccs = ics_ccs(text)
        return Classification(ics, ccs, committees(text), drafters(text))
    except (ValueError, IndexError, re.error):
        return Classification([], [], [], [])


def ics_ccs(text: str) -> tuple[list[str], list[str]]:
    """ICS codes after an ICS label (77.120.99); CCS codes after a CCS label, or on a cover
    right after the ICS codes, where older covers print them unlabelled (H 14)."""
    v = vocabulary()
    ics: list[str] = []
    ccs: list[str] = []
    for label in v.ics_label.finditer(text):
        at = label.end()
        while True:
            code = v.ics_code.match(text, at)
            if not code:
                break
            ics.append(_SPACES.sub("", code.group()))
            at = code.end()
            between = v.ics_between.match(text, at)
            if not between or not v.ics_code.match(text, between.end()):
                break
            at = between.end()
        if label.start() < v.cover_chars and at > label.end():
            after = v.ccs_after_ics.match(text, at)
            code = v.ccs_code.match(text, after.end()) if after else None
            if code and (ccs_found := ccs_code(code.group())):
                ccs.append(ccs_found)
    for label in v.ccs_label.finditer(text):
        code = v.ccs_code.match(text, label.end())
        if code and (ccs_found := ccs_code(code.group())):
            ccs.append(ccs_found)
    return _distinct(ics), _distinct(ccs)


def ccs_code(written: str) -> str | None:
    """H 65, H65, ｈ６５ → H65; None for what is no CCS code."""
    m = vocabulary().ccs_code.fullmatch(_SPACES.sub(" ", written.strip()).upper())
    return f"{m.group('letter')}{m.group('number')}" if m else None


def ics_code(written: str) -> str | None:
    """77.120.99, 77. 120. 99, 77 → the code without spaces; None for what is no ICS code."""
    m = vocabulary().ics_code.fullmatch(written.strip())
    return _SPACES.sub("", m.group()) if m else None


def committee_id(written: str) -> str | None:
    """The committee a name or code stands for: SAC/TC 229 for 全国稀土标准化技术委员会（SAC/TC 229）,
    sac/tc229 or TC 229's name; a body not in the vocabulary keeps its name; None for nothing."""
    v = vocabulary()
    text = _SPACES.sub(" ", written).strip().strip("（）()")
    code = v.committee_code.search(text.upper())
    if code:
        sc = f"/SC {code.group('sc')}" if code.group("sc") else ""
        return f"{code.group('org')}/TC {int(code.group('tc'))}{sc}"
    name = re.sub(r"[（(][^)）]*[)）]", "", text).strip()
    for committee in v.committees:
        if name in (committee.zh, committee.en) or name.casefold() == committee.id.casefold():
            return committee.id
    return name.replace(",", " ") or None


def committees(text: str) -> list[str]:
    """The committees the text says a standard is under: 由…归口, 归口单位：…"""
    found = []
    for cue in vocabulary().committee_cues:
        for m in cue.finditer(text):
            body = m.group("body").strip()
            # "由全国…委员会（SAC/TC 229）提出" names who proposed it; the last body named before 归口 is the one
            body = re.split(r"提出[，,、]?", body)[-1].strip() or body
            ident = committee_id(body)
            if ident and (vocabulary().committee_code.search(ident) or _is_unit(body)):
                found.append(ident)
    return _distinct(found)


def drafters(text: str) -> list[str]:
    """The drafting units a text names: 起草单位：A、B。, 本标准由A、B负责起草。"""
    v = vocabulary()
    found = []
    for cue in v.drafter_cues:
        for m in cue.finditer(text):
            found += units(m.group("units"))
    return _distinct(found)


def units(cell: str) -> list[str]:
    """The units a list of them names, each cleaned; what is not a unit's name is left out."""
    v = vocabulary()
    out = []
    for part in v.drafter_split.split(cell):
        name = v.drafter_drop.sub("", part.strip()).strip()
        if _is_unit(name):
            out.append(name.replace(",", " "))
    return out


def _is_unit(name: str) -> bool:
    return 4 <= len(name) <= 60 and bool(vocabulary().unit.search(name))


def _distinct(values) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
