"""Life stages a notice announces: a project approved, a draft out for comments, a release,
a review, a repeal — each naming the standard by number, plan number or title.

The wording is data (schemas/stages.json); these are small pure functions of a
record's title and text. Which standard an event belongs to is settled later,
across documents (``indexer.life``).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from indexer.errors import UsageError
from indexer.extract.classification import committee_id, vocabulary as classification
from indexer.extract.dates import find_dates
from indexer.extract.stdno import find_std_nos
from indexer.lineage import repeal_claims
from indexer.record import Event, Record
from indexer.resources import schema_path

EVIDENCE_CHARS = 120
_TITLED = re.compile(r"《([^《》\n]{2,160})》")
_DRAFT_MARK = re.compile(r"[（(]\s*(征求意见稿|草案|送审稿|报批稿)\s*[)）]")
_CELL_SPLIT = re.compile(r"[\s|,，;；]+")
_ROW_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SENTENCE = re.compile(r"[^。；;\n]+")
# Placeholders for the numbers and committee codes of a row while it is split into cells.
_STD_MARK, _PLAN_MARK, _TC_MARK = "\x00", "\x01", "\x02"


@dataclass(frozen=True)
class Stage:
    id: str
    en: str
    zh: str
    samr: tuple[str, ...]


@dataclass(frozen=True)
class Cues:
    stages: tuple[Stage, ...]
    notices: tuple[tuple[str, re.Pattern, re.Pattern | None], ...]   # (stage, title, text)
    deadline: tuple[re.Pattern, ...]
    effective: tuple[re.Pattern, ...]
    plan_no: re.Pattern
    serial: re.Pattern
    label: re.Pattern
    ends: tuple[re.Pattern, ...]
    lead_label: re.Pattern
    stop: re.Pattern
    number_label: re.Pattern
    revises: re.Pattern
    not_subject: re.Pattern
    review_results: tuple[tuple[str, re.Pattern], ...]
    review_outcome: re.Pattern
    review_started: re.Pattern

    def stage_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.stages)


def _any(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The stage vocabulary, loaded and compiled once."""
    path = schema_path("stages.json")
    try:
        data = json.loads(path.read_text("utf-8"))
        item = data["item"]
        stages = tuple(Stage(s["id"], s["en"], s["zh"], tuple(s["samr"])) for s in data["stages"])
        known = {s.id for s in stages}
        notices = []
        for rule in data["notices"]:
            if rule["stage"] not in known:
                raise ValueError(f"notice rule for unknown stage {rule['stage']!r}")
            notices.append((rule["stage"], _any(rule["title"]), _any(rule["text"]) if rule.get("text") else None))
        return Cues(
            stages=stages, notices=tuple(notices),
            deadline=tuple(map(re.compile, data["deadline"])), effective=tuple(map(re.compile, data["effective"])),
            plan_no=re.compile(data["plan_no"]), serial=re.compile(item["serial"]), label=re.compile(item["labels"]),
            ends=tuple(map(re.compile, item["ends"])), lead_label=re.compile(item["lead_label"]),
            stop=re.compile(item["stop"]), number_label=re.compile(data["number_label"]),
            revises=re.compile(data["revises"]), not_subject=re.compile(data["not_subject"]),
            review_results=tuple((r["result"], _any(r["cues"])) for r in data["review_results"]),
            review_outcome=re.compile(data["review_outcome"]), review_started=re.compile(data["review_started"]),
        )
    except (OSError, ValueError, KeyError, TypeError, re.error) as exc:
        raise UsageError(f"{path}: cannot read the stage vocabulary ({exc})") from exc


def stage_of(title: str, text: str) -> str | None:
    """The stage a notice announces: by its title, else by the wording of its opening."""
    c = cues()
    for stage, by_title, _ in c.notices:
        if by_title.search(title):
            return stage
    head = text[:400]
    for stage, _, by_text in c.notices:
        if by_text is not None and by_text.search(head):
            return stage
    return None


def record_events(record: Record) -> list[Event]:
    """The life events a record announces (none for standards' own texts and news items:
    a standard's own dates are read from the record itself)."""
    if record.doc_type in ("standard", "news"):
        return []
    try:
        return life_events(record.title, record.text, record.issued)
    except (ValueError, IndexError, re.error):   # odd text must not stop a run
        return []


def life_events(title: str, text: str, issued: str | None) -> list[Event]:
    stage = stage_of(title, text)
    if stage is None:
        return []
    if stage in ("project", "withdrawn"):
        events = _projects(stage, title, text, issued)
    elif stage in ("comments", "submitted"):
        events = _drafts(stage, title, text, issued)
    elif stage == "published":
        events = _releases(title, text, issued)
    elif stage == "repealed":
        events = _repeals(text, issued)
    else:
        events = _reviews(text, issued)
    return _distinct(events)


# --- rows of a list or table -------------------------------------------------------

@dataclass
class Row:
    std_no: str | None = None
    plan_no: str | None = None
    title: str | None = None
    replaces: str | None = None
    lead: str | None = None
    committee: str | None = None
    dates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Header:
    """The columns of a list that name bodies, in order (牵头单位, 技术委员会, 主管部门 …), and
    which of them is the lead drafting unit's and the technical committee's."""

    bodies: tuple[str, ...]
    lead: int | None
    committee: int | None


def header_of(line: str) -> Header | None:
    """A line of column names, read as a list's header; None for any other line."""
    v = classification()
    cells = [cell for cell in _CELL_SPLIT.split(line) if cell]
    labels = [cell for cell in cells if v.header.match(cell)]
    if len(labels) < 2 or len(labels) < 0.6 * len(cells):
        return None
    bodies = tuple(cell for cell in labels if v.body_column.match(cell))
    lead = next((i for i, name in enumerate(bodies) if v.lead_column.match(name)), None)
    committee = next((i for i, name in enumerate(bodies) if v.committee_column.match(name)), None)
    return Header(bodies, lead, committee)


def rows(text: str, after: int = 0) -> list[tuple[Row, str]]:
    """Each line that opens with a serial, a plan number or a standard number, read as a row
    (cells split at spaces and commas), until a line that ends the list; a header line
    above the rows says which of their bodies is which."""
    c = cues()
    out: list[tuple[Row, str]] = []
    header = None
    for line in text[after:].splitlines():
        stripped = line.strip()
        if out and c.stop.match(stripped):
            break
        row = parse_row(stripped, header)
        if row is not None:
            out.append((row, stripped))
        else:
            header = header_of(stripped) or header
    return out


def parse_row(line: str, header: Header | None = None) -> Row | None:
    c = cues()
    numbers = find_std_nos(line)
    plans = list(c.plan_no.finditer(line))
    opens_with_number = bool(numbers and numbers[0][1] == 0 or plans and plans[0].start() == 0)
    if opens_with_number:
        body = line
    elif c.serial.match(line):
        body = c.serial.sub("", line, count=1)
    else:
        return None
    marked, stds, plan_nos, codes = _mark_numbers(body)
    cells = [cell for cell in _CELL_SPLIT.split(marked) if cell]
    row = Row()
    title: list[str] = []
    dates: list[str] = []
    bodies: list[str] = []      # the cells after the title that name a body or committee
    ended = False
    for cell in cells:
        labelled = c.label.match(cell)
        if labelled:
            cell = cell[labelled.end():]
            if not cell:
                ended = ended or bool(title)
                continue
        if cell.startswith(_STD_MARK):
            number = stds[int(cell[1:])]
            if row.std_no is None and not title:
                row.std_no = number
            elif row.replaces is None and number != row.std_no:
                row.replaces = number
            ended = ended or bool(title)
            continue
        if cell.startswith(_PLAN_MARK):
            row.plan_no = row.plan_no or plan_nos[int(cell[1:])]
            ended = ended or bool(title)
            continue
        if cell.startswith(_TC_MARK):
            bodies.append(codes[int(cell[1:])])
            ended = ended or bool(title)
            continue
        if _ROW_DATE.match(cell):
            dates.append(cell)
            ended = ended or bool(title)
            continue
        if any(end.search(cell) for end in c.ends):
            if title and _is_unit(cell):
                bodies.append(cell)
            ended = ended or bool(title)
            continue
        if not ended:
            title.append(cell)
    row.lead, row.committee = _lead_and_committee(bodies, codes, header)
    lead = c.lead_label.search(line)
    if lead:
        row.lead = lead.group("lead")
    row.title = clean_title(" ".join(title)) or None
    row.dates = tuple(dates)
    if not (row.title or row.std_no or row.plan_no):
        return None
    return row


def _lead_and_committee(bodies: list[str], codes: list[str], header: Header | None) -> tuple[str | None, str | None]:
    """Which of a row's bodies is the lead drafting unit and which the committee. Under a header
    that names as many body columns as the row has bodies, each is its column's; without a
    header, the first unit is the lead; a header of other bodies only (主管部门, 技术委员会) has
    no lead, and one whose columns do not line up with the row's bodies gives none."""
    coded = next((b for b in bodies if b in codes), None)
    units = [b for b in bodies if b not in codes]
    if header is None or not header.bodies:
        return (units[0] if units else None), coded
    if len(bodies) == len(header.bodies):
        lead = bodies[header.lead] if header.lead is not None else None
        committee = bodies[header.committee] if header.committee is not None else coded
        return (lead if lead not in codes else None), (committee_id(committee) if committee else None)
    only_lead = header.lead is not None and len(header.bodies) == 1
    return (units[0] if units and only_lead else None), coded


def _is_unit(cell: str) -> bool:
    return len(cell) >= 4 and any(end.search(cell) for end in cues().ends[3:4])


def _mark_numbers(text: str) -> tuple[str, list[str], list[str], list[str]]:
    """The text with each standard and plan number, and each committee code, as one placeholder cell."""
    spans: list[tuple[int, int, str, str]] = []
    for std, start, end in find_std_nos(text):
        spans.append((start, end, _STD_MARK, std.canonical))
    for m in cues().plan_no.finditer(text):
        if not any(s <= m.start() < e for s, e, _, _ in spans):
            spans.append((m.start(), m.end(), _PLAN_MARK, m.group("plan")))
    for m in classification().committee_code.finditer(text):
        if not any(s <= m.start() < e for s, e, _, _ in spans):
            spans.append((m.start(), m.end(), _TC_MARK, committee_id(m.group()) or m.group()))
    spans.sort()
    buckets: dict[str, list[str]] = {_STD_MARK: [], _PLAN_MARK: [], _TC_MARK: []}
    out, at = [], 0
    for start, end, mark, value in spans:
        if start < at:
            continue
        bucket = buckets[mark]
        out += [text[at:start], f" {mark}{len(bucket)} "]
        bucket.append(value)
        at = end
    out.append(text[at:])
    return "".join(out), buckets[_STD_MARK], buckets[_PLAN_MARK], buckets[_TC_MARK]


def clean_title(title: str) -> str:
    title = _DRAFT_MARK.sub("", title.strip().strip("《》"))
    return re.sub(r"\s+", " ", title).strip()


def _clip(text: str) -> str:
    text = text.strip()
    return text if len(text) <= EVIDENCE_CHARS else text[:EVIDENCE_CHARS - 1] + "…"


def _titles(title: str) -> list[str]:
    return [t for t in (clean_title(m.group(1)) for m in _TITLED.finditer(title)) if t]


def _first(patterns: tuple[re.Pattern, ...], text: str) -> tuple[str | None, str]:
    """The day the first matching pattern names, and the line it is on."""
    for pattern in patterns:
        for m in pattern.finditer(text):
            found = find_dates(m.group("date"))
            if found and found[0].precision == "day":
                return found[0].iso, _line_at(text, m.start())
    return None, ""


def _line_at(text: str, at: int) -> str:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start:end if end >= 0 else len(text)]


# --- one function per kind of notice -------------------------------------------------

def _projects(stage: str, title: str, text: str, issued: str | None) -> list[Event]:
    found = [Event(stage, issued, std_no=None, plan_no=row.plan_no, title=row.title, replaces=row.replaces or row.std_no,
                   lead=row.lead, committee=row.committee, evidence=_clip(line))
             for row, line in rows(text) if row.title or row.plan_no]
    if not found:
        found = [Event(stage, issued, title=t, evidence=_clip(title)) for t in _titles(title)]
    return found


def _drafts(stage: str, title: str, text: str, issued: str | None) -> list[Event]:
    c = cues()
    deadline, deadline_line = _first(c.deadline, text) if stage == "comments" else (None, "")
    subjects = _titles(title)
    if not subjects:
        head = text[:600]
        subjects = _titles(head)[:1]
    if not subjects:
        return []
    plan = c.plan_no.search(text)
    revised = _revised(text)
    single = len(subjects) == 1
    return [Event(stage, issued, deadline=deadline, plan_no=plan.group("plan") if plan and single else None,
                  title=t, replaces=revised if single else None, evidence=_clip(deadline_line or title))
            for t in subjects]


def _revised(text: str) -> str | None:
    """The edition a draft or project says it revises or is to replace (拟代替GB/T 18115.6—2006)."""
    revises = cues().revises
    for std, start, _ in find_std_nos(text):
        if revises.search(text[max(0, start - 6):start]):
            return std.canonical
    return None


def _releases(title: str, text: str, issued: str | None) -> list[Event]:
    c = cues()
    events: list[Event] = []
    listed = [(row, line) for row, line in rows(text) if row.std_no]
    for row, line in listed:
        events.append(Event("published", issued, std_no=row.std_no, title=row.title, replaces=row.replaces,
                            committee=row.committee, evidence=_clip(line)))
        if row.dates:
            events.append(Event("effective", row.dates[-1], std_no=row.std_no, title=row.title, evidence=_clip(line)))
    if not listed:
        effective, effective_line = _first(c.effective, text)
        for line in text.splitlines():
            for std, start, _ in find_std_nos(line):
                if not c.number_label.search(line[max(0, start - 8):start]):
                    continue
                named = [clean_title(m.group(1)) for m in _TITLED.finditer(line[:start])]
                name = named[-1] if named else next(iter(_titles(title)), None)
                events.append(Event("published", issued, std_no=std.canonical, title=name, evidence=_clip(line)))
                if effective:
                    events.append(Event("effective", effective, std_no=std.canonical, title=name,
                                        evidence=_clip(effective_line)))
    return events


def _repeals(text: str, issued: str | None) -> list[Event]:
    events: list[Event] = []
    claims = repeal_claims(Record(id="", path="", title="", text=text))
    numbered = any(claim.numbers for claim in claims)
    for claim in claims:
        when = claim.when if re.fullmatch(r"\d{4}-\d{2}-\d{2}", claim.when) else issued
        events += [Event("repealed", when, std_no=number, evidence=claim.evidence) for number in claim.numbers]
        if not numbered:  # titles alone only where no number is given (the numbered lines say more)
            events += [Event("repealed", when, title=clean_title(t), evidence=claim.evidence) for t in claim.titles]
    if cues().review_outcome.search(text) or "复审" in text:
        events += [Event("review", issued, std_no=e.std_no, title=e.title, result="abolish", evidence=e.evidence)
                   for e in list(events)]
    return events


def _reviews(text: str, issued: str | None) -> list[Event]:
    c = cues()
    deadline, _ = _first(c.deadline, text)
    events: list[Event] = []
    started = bool(c.review_started.search(text))
    for m in _SENTENCE.finditer(text):
        sentence = m.group()
        if c.not_subject.search(sentence):
            continue
        numbers = find_std_nos(sentence)
        if not numbers:
            continue
        result = None
        if c.review_outcome.search(sentence):
            result = next((r for r, cue in c.review_results if cue.search(sentence)), None)
        if result is None and not started:
            continue
        for std, _, end in numbers:
            named = _TITLED.match(sentence, end)
            events.append(Event("review", issued, deadline=deadline if result is None else None,
                                std_no=std.canonical, title=clean_title(named.group(1)) if named else None,
                                result=result or "started", evidence=_clip(sentence)))
    return events


def _distinct(events: list[Event]) -> list[Event]:
    seen: set[tuple] = set()
    out = []
    for event in events:
        key = (event.stage, event.date, event.std_no, event.plan_no, event.title)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out
