"""How documents relate across versions: replacement, repeal, adoption, drafts.

Everything here is a pure function of records. The index is read elsewhere
(``indexer.query.history``), which finds the records a relation may point at
and hands them in. Two kinds of relation:

* stated — the text says so: 代替GB/T 13560-2009, 《…》同时废止,
  (ISO 22444-1:2020, IDT), 等同采用ISO …;
* inferred — read from the shape of a work: a later version of the same
  work, the published text that follows a draft for comments, two records
  of one edition.

What the relations make of a record's status, at indexing and on a day, is decided
in ``indexer.status``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.extract.dates import find_dates
from indexer.extract.docno import find_doc_nos
from indexer.extract.stdno import find_std_nos, is_iso_family, parse_std_no
from indexer.record import Record
from indexer.textfold import fingerprint

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
            return clip(line.strip())
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
FROM_DATE = re.compile(r"自\s*([^，,。；\s]{6,14}?)\s*起")
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
    return Claim("repeals", numbers, titles, doc_nos, _repeal_when(sentence), evidence=clip(sentence.strip()))


def _repeal_when(sentence: str) -> str:
    dated = FROM_DATE.search(sentence)
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
                                               evidence=clip(m.group())))
    return list(found.values())


def _iso_numbers(text: str) -> list[str]:
    return [s.canonical for s, _, _ in find_std_nos(text) if is_iso_family(s.prefix)]


def clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
