"""A standard's life: the stages its notices announce, joined to the standard they belong to.

Pure functions of records, like ``indexer.lineage``; ``indexer.query.history``
finds the candidate notices in the index (by the keys below) and hands them in.

An event belongs to a standard when it says so — it names one of its numbers,
a plan number already tied to it, or the edition it revises — and is then
*stated*. An event that names only a title is *inferred* to belong when the
title is the standard's (normalized), the notice comes from a body that issues
the standard, and the time order fits (a project or draft before the edition it
leads to). Two standards are never joined because their titles look alike: the
titles must be equal, and a title that also names another standard of that
body, or an event that fits no edition, is left unlinked and reported.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from indexer.extract.fields import normalized_title
from indexer.extract.stdno import parse_std_no
from indexer.lineage import Relation, day, is_draft, is_publication, version_label
from indexer.record import STAGES, Event, Record

# Stages in the order of a life; ties on one day are shown in this order.
# Stages that come before the edition they lead to.
BEFORE_EDITION = ("project", "comments", "submitted")
ENDS = ("replaced", "repealed", "withdrawn")


# --- index keys ---------------------------------------------------------------------

def std_keys(number: str | None) -> set[str]:
    parsed = parse_std_no(number) if number else None
    if not parsed:
        return set()
    return {f"std:{parsed.canonical}".lower(), f"code:{parsed.code}".lower()}


def title_key(title: str | None) -> str | None:
    key = normalized_title(title) if title else ""
    return f"title:{key}".lower() if key else None


def event_keys(event: Event) -> set[str]:
    keys = std_keys(event.std_no)
    if event.replaces and event.stage in BEFORE_EDITION:
        keys |= {k for k in std_keys(event.replaces) if k.startswith("code:")}
    if event.plan_no:
        keys.add(f"plan:{event.plan_no}".lower())
    title = title_key(event.title)
    if title:
        keys.add(title)
    return keys


def own_keys(record: Record) -> set[str]:
    """How a standard's own text is named: its number and code, its title."""
    if record.doc_type != "standard":
        return set()
    keys = std_keys(record.std_no)
    title = title_key(record.title)
    return keys | {title} if title else keys


def record_keys(record: Record) -> list[str]:
    """The keys under which the index files a record, for finding the events of a standard."""
    keys = set(own_keys(record))
    for event in record.events:
        keys |= event_keys(event)
    return sorted(keys)


def stages_of(record: Record) -> list[str]:
    """The stages a record stands for in a search by stage: those its events announce,
    and a standard's own (a draft is out for comments; a dated text is published)."""
    found = {event.stage for event in record.events}
    if record.doc_type == "standard":
        if is_draft(record):
            found.add("comments")
        elif record.issued:
            found.add("published")
    return [s for s in STAGES if s in found]


# --- the life of one standard ------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    stage: str
    date: str | None
    source: str                 # record id
    source_label: str           # the notice's title, or the edition's label
    path: str
    evidence: str
    link: str                   # stated | inferred | own (the edition's text itself)
    link_evidence: str
    deadline: str | None = None
    result: str | None = None
    names: str = ""             # the number, plan number or title the source gives
    title: str | None = None    # the standard's title as the source gives it


@dataclass
class Unlinked:
    step: Step
    reason: str


@dataclass
class Life:
    steps: list[Step]
    current: Step | None
    current_stage: str | None
    unlinked: list[Unlinked] = field(default_factory=list)
    revision: Step | None = None    # a new edition under way while an earlier one applies
    revision_stage: str | None = None


@dataclass
class Identity:
    """What names a standard: numbers, codes, plan numbers, titles, the bodies that issue it,
    and when its editions were published."""

    numbers: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)
    plans: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    bodies: set[str] = field(default_factory=set)
    published: list[str] = field(default_factory=list)      # days, sorted
    open_ended: bool = False                                  # a draft or project not yet published

    @classmethod
    def of_chain(cls, chain: Iterable[Record]) -> "Identity":
        ident = cls()
        for record in chain:
            ident.add_number(record.std_no)
            key = title_key(record.title)
            if key:
                ident.titles.add(key)
            ident.bodies |= {i.id for i in record.issuers}
            if is_publication(record) and (published := day(record.issued)):
                ident.published.append(published)
            if is_draft(record):
                ident.open_ended = True
        ident.published.sort()
        return ident

    def add_number(self, number: str | None) -> None:
        parsed = parse_std_no(number) if number else None
        if parsed:
            if parsed.year:
                self.numbers.add(parsed.canonical)
            self.codes.add(parsed.code)

    def keys(self) -> set[str]:
        keys = {f"std:{n}".lower() for n in self.numbers} | {f"code:{c}".lower() for c in self.codes}
        return keys | {f"plan:{p}".lower() for p in self.plans} | set(self.titles)


def stated_link(event: Event, ident: Identity) -> str | None:
    """Why an event names this standard outright, or None."""
    parsed = parse_std_no(event.std_no) if event.std_no else None
    if parsed and parsed.code in ident.codes:
        return f"names {event.std_no}"
    if event.plan_no and event.plan_no in ident.plans:
        return f"plan number {event.plan_no}"
    revised = parse_std_no(event.replaces) if event.replaces else None
    if revised and event.stage in BEFORE_EDITION and revised.code in ident.codes:
        return f"revises {event.replaces}"
    return None


def names_another(event: Event, ident: Identity) -> bool:
    """The event names another standard or plan: it cannot be this one's by title."""
    parsed = parse_std_no(event.std_no) if event.std_no else None
    if parsed and parsed.code not in ident.codes:
        return True
    return bool(event.plan_no and ident.plans and event.plan_no not in ident.plans)


def time_fits(event: Event, ident: Identity) -> str | None:
    """None when the event's date fits an edition (a project or draft before one it leads
    to, anything once the standard exists); else why not."""
    when = day(event.date)
    if not when or not ident.published:
        return None
    if event.stage in BEFORE_EDITION:
        if when <= ident.published[-1] or ident.open_ended:
            return None
        return f"dated {when}, after the last edition ({ident.published[-1]}): a revision?"
    if when < ident.published[0]:
        return f"dated {when}, before the first edition ({ident.published[0]})"
    return None


def event_names(event: Event) -> str:
    """How an event names its standard: the number, the plan number, else 《the title》."""
    return event.std_no or event.plan_no or (f"《{event.title}》" if event.title else "")


def _step(event: Event, source: Record, link: str, why: str) -> Step:
    names = event_names(event)
    return Step(event.stage, event.date, source.id, source.title, source.path, event.evidence, link, why,
                event.deadline, event.result, names, event.title)


def link_events(ident: Identity, notices: list[Record], rivals: dict[str, set[str]]) -> tuple[list[Step], list[Unlinked]]:
    """The events of the notices that belong to the standard, stated ones first so that the plan
    numbers and titles they give name it too; ``rivals`` maps a title key to the other
    standards (works) of the same body that carry it."""
    steps: list[Step] = []
    unlinked: list[Unlinked] = []
    pending: list[tuple[Event, Record]] = []
    for notice in notices:
        for event in notice.events:
            pending.append((event, notice))
    # Stated links first, repeatedly: a plan number tied to the standard ties the other notices giving it.
    changed = True
    while changed:
        changed = False
        rest = []
        for event, notice in pending:
            why = stated_link(event, ident)
            if why:
                steps.append(_step(event, notice, "stated", why))
                if event.plan_no and event.plan_no not in ident.plans:
                    ident.plans.add(event.plan_no)
                    changed = True
                if (key := title_key(event.title)) and key not in ident.titles:
                    ident.titles.add(key)
                ident.bodies |= {i.id for i in notice.issuers}
                if event.stage == "published" and (published := day(event.date)) and published not in ident.published:
                    ident.published = sorted(ident.published + [published])
            else:
                rest.append((event, notice))
        pending = rest
    for event, notice in pending:
        key = title_key(event.title)
        if not key or key not in ident.titles or names_another(event, ident):
            continue
        step = _step(event, notice, "inferred", "")
        bodies = {i.id for i in notice.issuers}
        if ident.bodies and not bodies & ident.bodies:
            unlinked.append(Unlinked(step, f"same title, but from {', '.join(sorted(bodies)) or 'no known body'}, "
                                           f"not {', '.join(sorted(ident.bodies))}"))
            continue
        others = rivals.get(key, set())
        if others:
            unlinked.append(Unlinked(step, f"the title also names {', '.join(sorted(others))}: ambiguous"))
            continue
        misfit = time_fits(event, ident)
        if misfit:
            unlinked.append(Unlinked(step, misfit))
            continue
        shared = sorted(bodies & ident.bodies) if ident.bodies else sorted(bodies)
        steps.append(Step(step.stage, step.date, step.source, step.source_label, step.path, step.evidence,
                          "inferred", f"same title {event.title}, same body {', '.join(shared)}",
                          step.deadline, step.result, step.names, step.title))
    return steps, unlinked


def edition_steps(chain: Iterable[Record], relations: Iterable[Relation]) -> list[Step]:
    """The stages the editions themselves show: a draft's text, a release and its effective
    date, and the replacements and repeals stated against them."""
    steps: list[Step] = []
    ids = set()
    relations = list(relations)
    copies = {rel.source for rel in relations if rel.kind == "duplicate"}   # a text saved twice: one edition
    for record in chain:
        ids.add(record.id)
        if record.id in copies:
            continue
        label = version_label(record)
        if is_draft(record):
            steps.append(Step("comments", record.issued, record.id, label, record.path, "the draft's text",
                              "own", "the draft itself", names=label))
            continue
        if not is_publication(record) or record.doc_type == "standard_notice":
            continue
        if record.issued:
            steps.append(Step("published", record.issued, record.id, label, record.path, "issued date of the text",
                              "own", "the edition itself", names=label))
        if record.effective:
            steps.append(Step("effective", record.effective, record.id, label, record.path,
                              "effective date of the text", "own", "the edition itself", names=label))
    for rel in relations:
        if rel.kind == "replaces" and not rel.effective:
            continue  # a draft replaces nothing yet
        if rel.target in ids and rel.kind in ("replaces", "repeals") and rel.source != rel.target:
            stage = "replaced" if rel.kind == "replaces" else "repealed"
            steps.append(Step(stage, rel.effective, rel.source, rel.source_label, "", rel.evidence,
                              "stated" if rel.stated else "inferred", f"{rel.kind} {rel.target_label}",
                              names=rel.target_label))
        elif rel.kind == "repeals" and rel.source == rel.target and rel.target in ids:
            steps.append(Step("repealed", rel.effective, rel.source, rel.source_label, "", rel.evidence, "own",
                              "marked repealed in its own text", names=rel.target_label))
    return steps


def assemble(steps: list[Step], on: str, unlinked: Iterable[Unlinked] = ()) -> Life:
    """The steps in order, without repeats, and the stage on the day."""
    seen: set[tuple] = set()
    unique = []
    for step in sorted(steps, key=_order):
        key = (step.stage, day(step.date), step.source, step.names)
        if key not in seen:
            seen.add(key)
            unique.append(step)
    current = None
    applying = None     # the last release or effective date, until a repeal, replacement or withdrawal
    editions = {s.names for s in unique if s.link == "own" and s.stage in ("published", "effective")}
    for step in unique:
        if (when := day(step.date)) and when <= on:
            if (step.stage in ENDS and applying is not None and step.names in editions
                    and step.names != applying.names):
                continue    # an earlier edition ends (GB/T 13560-2009 replaced): the one that applies goes on
            current = step
            if step.stage in ("published", "effective"):
                applying = step
            elif step.stage in ENDS:
                applying = None
    revision = None
    if current is not None and current.stage in BEFORE_EDITION and applying is not None:
        # A revision project or draft does not end the edition in force: that is the stage.
        revision, current = current, applying
    return Life(unique, current, current_stage(current, on), list(unlinked), revision, current_stage(revision, on))


def current_stage(step: Step | None, on: str) -> str | None:
    """The stage on the day: comments open while their deadline has not passed; a release
    not yet in effect is published."""
    if step is None:
        return None
    if step.stage == "comments":
        if step.deadline:
            return "comments-open" if step.deadline >= on else "comments-closed"
        return "comments"
    return step.stage


def _order(step: Step) -> tuple:
    return (day(step.date) or "9999", STAGES.index(step.stage) if step.stage in STAGES else len(STAGES),
            step.link != "own", step.source)
