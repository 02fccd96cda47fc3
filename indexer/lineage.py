"""How documents relate across versions: replacement, repeal, adoption, drafts, status on a date.

Everything here is a pure function of records. The index is read elsewhere
(``indexer.query.history``), which finds the records a relation may point at
and hands them in. Two kinds of relation:

* stated — the text says so: 代替GB/T 13560-2009, 《…》同时废止,
  (ISO 22444-1:2020, IDT), 等同采用ISO …;
* inferred — read from the shape of a work: a later version of the same
  work, the published text that follows a draft for comments, two records
  of one edition.

At indexing time only ``superseded_ids`` runs (statuses as of the day of the
build); ``status_as_of`` recomputes a status for any date at query time.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from indexer.extract.dates import find_dates
from indexer.extract.docno import find_doc_nos
from indexer.extract.stdno import find_std_nos, is_iso_family, parse_std_no
from indexer.record import Record
from indexer.textfold import fingerprint

# --- the index-time rule -----------------------------------------------------


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


# --- relations -----------------------------------------------------------------

KINDS = ("replaces", "repeals", "later_version", "draft_to_final", "adopts", "same_edition", "duplicate")


@dataclass(frozen=True)
class Relation:
    """``source`` acts on ``target``: the later text replaces, repeals or adopts the earlier one.

    ``target`` is a record id, or — when the target is not in the index
    (``indexed`` false) — the number or title the text names. ``effective``
    is the day a replacement or repeal takes effect, when known.
    """

    kind: str
    source: str
    target: str
    stated: bool
    evidence: str
    indexed: bool = True
    effective: str | None = None
    degree: str | None = None
    source_label: str = ""
    target_label: str = ""


@dataclass(frozen=True)
class StatusAt:
    status: str
    reason: str
    since: str | None = None


def day(iso: str | None) -> str | None:
    """A reduced-precision ISO date as its first day ("2008-06" → "2008-06-01")."""
    if not iso:
        return None
    parts = iso.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def start(record: Record) -> str | None:
    """The day a version starts to apply: its effective date, else its issue date."""
    return day(record.effective) or day(record.issued)


def order_key(record: Record) -> tuple:
    """Versions in the order they were issued; undated ones (drafts) after the dated."""
    year = _std_year(record)
    issued = day(record.issued) or day(record.effective) or (f"{year}-01-01" if year else "9999")
    return (issued, day(record.effective) or "", record.std_no or "", record.path, record.id)


def _std_year(record: Record) -> str | None:
    parsed = parse_std_no(record.std_no) if record.std_no else None
    return parsed.year if parsed else None


def describe(record: Record) -> str:
    """A document named in a relation: its number, else its title and date."""
    if record.std_no:
        return record.std_no
    title = record.title if "《" in record.title else f"《{record.title}》"
    return f"{title} {record.doc_no or record.issued or ''}".strip()


def version_label(record: Record) -> str:
    """How a version is named in a history: its number, else its date."""
    if record.std_no:
        return record.std_no
    if record.doc_no:
        return record.doc_no
    if record.status == "draft":
        return f"draft {record.issued}" if record.issued else "draft"
    return record.issued or record.id


def is_draft(record: Record) -> bool:
    return record.status == "draft"


# Stages a notice announces before there is an edition to apply (schemas/stages.json).
NOT_YET_IN_FORCE = ("project", "comments", "submitted", "withdrawn")


def is_publication(record: Record) -> bool:
    """A version that can be in force: not a draft, not a news item about one, not a notice
    that only announces a project, a call for comments or a submission (拟代替 in a call
    for comments replaces nothing yet)."""
    if record.status == "draft" or record.doc_type == "news":
        return False
    return not (record.doc_type == "standard_notice" and record.events
                and all(e.stage in NOT_YET_IN_FORCE for e in record.events))


def infer_relations(versions: list[Record]) -> list[Relation]:
    """Relations read from the order of one work's versions.

    A text saved twice is one document: the later copy is a duplicate of the
    first. Records sharing a standard number are one edition (a standard and a
    notice or listing that repeats its number); consecutive editions are later
    versions of each other; a draft leads to the next publication after it.
    """
    ordered = sorted(versions, key=order_key)
    relations: list[Relation] = []
    editions: list[Record] = []
    first_of: dict[str, Record] = {}
    copied: dict[str, Record] = {}
    for record in ordered:
        text_key = fingerprint(record.text)
        original = copied.setdefault(text_key, record) if text_key else record
        if original is not record:
            relations.append(_inferred("duplicate", record, original, "the same text"))
            continue
        if not is_publication(record) or start(record) is None:
            continue  # drafts lead to a publication; undated texts have no place in the order
        if record.std_no and record.std_no in first_of:
            relations.append(_inferred("same_edition", record, first_of[record.std_no],
                                       f"same standard number {record.std_no}"))
            continue
        if record.std_no:
            first_of[record.std_no] = record
        if editions:
            relations.append(_inferred("later_version", record, editions[-1], f"later version of {record.work}"))
        editions.append(record)
    for draft in (r for r in ordered if is_draft(r) and copied.get(fingerprint(r.text), r) is r):
        following = [r for r in editions if order_key(r) > order_key(draft)]
        if following:
            final = following[0]
            relations.append(_inferred("draft_to_final", final, draft,
                                       f"next published version of {draft.work} after the draft"))
    return relations


def _inferred(kind: str, source: Record, target: Record, evidence: str) -> Relation:
    return Relation(kind, source.id, target.id, False, evidence, effective=start(source),
                    source_label=version_label(source), target_label=version_label(target))


# --- what texts state -----------------------------------------------------------

@dataclass(frozen=True)
class Claim:
    """A relation as the text states it, before its target is looked up."""

    kind: str                       # replaces | repeals | adopts
    numbers: tuple[str, ...] = ()   # canonical standard numbers (with year, or a bare code)
    titles: tuple[str, ...] = ()    # titles in 《》
    doc_nos: tuple[str, ...] = ()   # document numbers
    when: str = "effective"         # a date, or "issued" / "effective" of the stating text
    degree: str | None = None
    evidence: str = ""


_CUE_LINE = re.compile(r"(代替|替代|取代|supersed|replac|in place of)", re.I)


def replacement_claims(record: Record) -> list[Claim]:
    """The record's ``replaces`` list, each with the line of text that states it."""
    claims = []
    for number in record.replaces:
        claims.append(Claim("replaces", numbers=(number,), evidence=_replace_evidence(record, number)))
    return claims


def _replace_evidence(record: Record, number: str) -> str:
    for line in record.text.splitlines():
        if _CUE_LINE.search(line) and any(s.canonical == number for s, _, _ in find_std_nos(line)):
            return _clip(line.strip())
    rule = record.provenance.get("fields", {}).get("replaces", {}).get("rule")
    return f"replaces {number} ({rule or 'stated'})"


# A sentence: text between full stops, semicolons and line ends.
_SENTENCE = re.compile(r"[^。；;\n]+")
_TITLE = re.compile(r"《([^《》\n]{2,100})》")
# Ways a text says another one stops applying.
_REPEAL_CUE = re.compile(r"(同时|一并|均|现|予以|决定|宣布|起|》|\d)\s*废止"   # 《…》同时废止, 决定废止
                         r"|废止(?=\s*《|\s*[A-Z])"                           # 废止《…》, 废止T/CSRE …
                         r"|下列.{0,16}废止")                                    # 下列标准废止
# A list of repealed texts follows on the next lines ("下列标准废止", "废止的行业标准目录").
_LIST_FOLLOWS = re.compile(r"下列.{0,16}废止|废止的.{0,12}(目录|清单|名单)")
_CITED = re.compile(r"(根据|依据|依照|按照|参照|对照|执行|贯彻)\s*$")
_FROM_DATE = re.compile(r"自\s*([^，,。；\s]{6,14}?)\s*起")
_FROM_PUBLICATION = re.compile(r"自[^，,。；]{0,10}(发布|公布|印发|下发|公告)之日起")
_LIST_LINES = 200


def repeal_claims(record: Record) -> list[Claim]:
    """Texts this record says are repealed, with when the repeal takes effect.

    Forms: 《…》同时废止 after the article that brings the record into force,
    自本条例施行之日起，《…》同时废止, 决定废止T/CSRE 10003—2021《…》,
    自2024年7月1日起…废止, and 下列标准废止 followed by a list.
    """
    claims = []
    text = record.text
    for match in _SENTENCE.finditer(text):
        sentence = match.group()
        if "废止" not in sentence or not _REPEAL_CUE.search(sentence):
            continue
        scope = sentence
        if _LIST_FOLLOWS.search(sentence):
            following = text[match.end():].split("\n", _LIST_LINES + 1)[:_LIST_LINES]
            scope = sentence + "\n" + "\n".join(following)
        claim = _repeal_claim(sentence, scope)
        if claim:
            claims.append(claim)
    # A sentence that dates the repeal says more than a title line naming it.
    return sorted(claims, key=lambda c: c.when in ("issued", "effective"))


def _repeal_claim(sentence: str, scope: str) -> Claim | None:
    found = find_std_nos(scope)
    numbers = tuple(dict.fromkeys(
        s.canonical for s, start, _ in found if not _CITED.search(scope[max(0, start - 4):start])))
    # A title right after a standard number names that standard ("GB/T 13560-2009《烧结钕铁硼永磁材料》").
    named = {end for _, _, end in found}
    titles = tuple(dict.fromkeys(
        m.group(1).strip() for m in _TITLE.finditer(scope)
        if not _CITED.search(scope[max(0, m.start() - 4):m.start()])
        and not any(m.start() - 2 <= end <= m.start() for end in named)))
    doc_nos = tuple(dict.fromkeys(value for value, _, _ in find_doc_nos(scope)))
    if not (titles or numbers or doc_nos):
        return None
    return Claim("repeals", numbers, titles, doc_nos, _repeal_when(sentence), evidence=_clip(sentence.strip()))


def _repeal_when(sentence: str) -> str:
    dated = _FROM_DATE.search(sentence)
    if dated:
        found = find_dates(dated.group(1))
        if found and found[0].precision == "day":
            return found[0].iso
    if _FROM_PUBLICATION.search(sentence):
        return "issued"
    # 同时废止, 自本法施行之日起, 自实施之日起: when the stating text takes effect.
    return "effective"


_ADOPT_MARK = re.compile(r"[(（]\s*([^()（）\n]{3,80}?)\s*[,，]\s*(IDT|MOD)\s*[)）]")
_ADOPT_WORDS = re.compile(r"(等同采用|修改采用)\s*([^\n。；]{0,120})")
ADOPTION_DEGREES = {"等同采用": "IDT", "修改采用": "MOD"}


def adoption_claims(record: Record) -> list[Claim]:
    """International standards this national standard adopts, identically (IDT) or modified (MOD)."""
    if record.doc_type != "standard":
        return []
    found: dict[str, Claim] = {}
    for m in _ADOPT_MARK.finditer(record.text):
        for number in _iso_numbers(m.group(1)):
            found.setdefault(number, Claim("adopts", (number,), degree=m.group(2), evidence=m.group()))
    for m in _ADOPT_WORDS.finditer(record.text):
        numbers = _iso_numbers(m.group(2))
        if numbers:  # only the first number: the rest of the line may cite others
            found.setdefault(numbers[0], Claim("adopts", (numbers[0],), degree=ADOPTION_DEGREES[m.group(1)],
                                               evidence=_clip(m.group())))
    return list(found.values())


def _iso_numbers(text: str) -> list[str]:
    return [s.canonical for s, _, _ in find_std_nos(text) if is_iso_family(s.prefix)]


LINEAGE_AS_OF = "lineage:as-of"  # statuses worked out across documents (query.history.stale_statuses)


def own_repeal(record: Record) -> Relation | None:
    """A record that marks itself repealed (【本标准已废止】), dated when the mark says from when."""
    rule = record.provenance.get("fields", {}).get("status", {})
    if record.status != "repealed" or rule.get("rule", "").startswith(LINEAGE_AS_OF):
        return None  # repealed by another document, found as such, not marked in its own text
    head = record.text[:600]
    when = None
    for m in _FROM_DATE.finditer(head):
        if "废止" in head[m.end():m.end() + 12] or "不再执行" in head[m.end():m.end() + 12]:
            found = find_dates(m.group(1))
            when = found[0].iso if found else None
            break
    evidence = rule.get("span") or next((ln.strip() for ln in head.splitlines() if "废止" in ln),
                                        f"status {rule.get('rule', 'stated')}")
    label = version_label(record)
    return Relation("repeals", record.id, record.id, True, _clip(evidence), effective=when,
                    source_label=label, target_label=label)


def _clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --- status on a date -----------------------------------------------------------


def as_of_day(value: str | date | None) -> str:
    """The as-of day as ISO (today when not given)."""
    if isinstance(value, date):
        return value.isoformat()
    return day(value) or date.today().isoformat()


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
