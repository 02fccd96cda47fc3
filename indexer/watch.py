"""Saved searches, and what is new for them after each reindex: documents that newly match,
and new stages in the life of the standards they match (a call for comments, a release, a
repeal announced by a notice, whether or not the notice matches the search itself).

The saved searches live in the configuration file ([watch.NAME] tables); what
each one matched last time, and the news since, live beside the index in
watch-state.json, so a tracker's history follows the index it describes.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from indexer.config import Config
from indexer.errors import UsageError
from indexer.extract.stdno import parse_std_no
from indexer.life import event_names
from indexer.index.schema import unpack
from indexer.query.parse import Filters
from indexer.query.search import iter_records
from indexer.record import Record

STATE = "watch-state.json"
KEEP_NEWS = 2000  # news entries kept per saved search


@dataclass(frozen=True)
class StageNews:
    """A stage in the life of a standard a saved search matches, as its source announces it."""

    stage: str
    date: str | None
    standard: str                 # the standard: its number and title, or as the notice names it
    source: str                   # the id of the notice or edition that tells it
    source_title: str
    names: str = ""               # how the source names it (a number, plan number, 《title》, an edition)
    deadline: str | None = None   # comments: until when
    result: str | None = None     # review: its result

    @property
    def key(self) -> str:
        """The same stage told by the same source, whichever way it was found."""
        return "|".join([self.stage, self.date or "", self.source, self.names])


@dataclass
class News:
    watch: str
    at: str                       # when the reindex that found them ran
    records: list[Record]
    stages: list[StageNews] = field(default_factory=list)


def filters_of(spec: dict) -> Filters:
    def many(key: str) -> list[str]:
        value = spec.get(key) or []
        return [value] if isinstance(value, str) else list(value)

    return Filters(many("issuer"), many("type"), many("status"), many("lang"),
                   spec.get("since"), spec.get("until"), spec.get("std"), stages=many("stage"), ics=many("ics"),
                   ccs=many("ccs"), committees=many("committee"), drafters=many("drafter"))


def saved_search(config: Config, name: str) -> dict:
    try:
        return config.watches[name]
    except KeyError:
        known = ", ".join(sorted(config.watches)) or "none saved yet"
        raise UsageError(f"no saved search named {name!r} (saved: {known})") from None


def matches(ix, spec: dict, glossary=None) -> list[Record]:
    return list(iter_records(ix, spec.get("query") or None, filters_of(spec), glossary=glossary))


def record_news(index_path: Path, ix, watches: dict[str, dict], glossary=None) -> list[News]:
    """Run every saved search; what matches now and did not last time is news, and so is
    every stage of a matching standard's life not seen last time.

    A saved search seen for the first time only records its baseline.
    """
    from indexer.query.history import Lookup

    state = _load(index_path)
    now = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    generation = ix.latest_generation()
    found: list[News] = []
    with ix.searcher() as searcher:
        lookup = Lookup(searcher)
        lives: dict[str, list[StageNews]] = {}     # work → its stages, shared by the searches
        for name, spec in sorted(watches.items()):
            current = matches(ix, spec, glossary)
            entry = state.setdefault(name, {"ids": None, "news": []})
            stages: dict[str, StageNews | None]
            if entry.get("stages") is not None and entry.get("generation") == generation:
                stages = {key: None for key in entry["stages"]}     # the index has not changed
            else:
                stages = {s.key: s for s in stages_of_matches(lookup, current, lives)}
            new: list[Record] = []
            fresh: list[StageNews] = []
            if entry["ids"] is not None:
                known = set(entry["ids"])
                new = [r for r in current if r.id not in known]
            if entry["ids"] is not None and entry.get("stages") is not None:
                seen = set(entry["stages"])
                fresh = [s for key, s in stages.items() if key not in seen and s is not None]
            if new or fresh:
                item: dict[str, object] = {"at": now, "ids": [r.id for r in new]}
                if fresh:
                    item["stages"] = [asdict(s) for s in fresh]
                entry["news"] = (entry["news"] + [item])[-KEEP_NEWS:]
                found.append(News(name, now, new, fresh))
            entry["ids"] = [r.id for r in current]
            entry["stages"] = sorted(stages)
            entry["generation"] = generation
    for name in set(state) - set(watches):
        del state[name]
    _save(index_path, state)
    return found


def stages_of_matches(lookup, records: list[Record], lives: dict[str, list[StageNews]]) -> list[StageNews]:
    """The stages of the standards among the records (their whole lives, from every notice that
    names them), and the stages the matching notices announce themselves."""
    out: list[StageNews] = []
    for work in sorted({r.work for r in records if r.doc_type == "standard" and r.work}):
        if work not in lives:
            lives[work] = _life_stages(lookup, work)
        out += lives[work]
    for record in records:
        if record.doc_type != "standard":
            out += [StageNews(e.stage, e.date, named(e.std_no or e.plan_no, e.title), record.id, record.title,
                              event_names(e), e.deadline, e.result) for e in record.events]
    unique: dict[str, StageNews] = {}
    for stage in out:       # a standard's life names it best: first
        unique.setdefault(stage.key, stage)
    return list(unique.values())


def named(number: str | None, title: str | None) -> str:
    """A standard by its number and title, or the one of them given."""
    return f"{number} {title}" if number and title else number or (f"《{title}》" if title else "")


def _life_stages(lookup, work: str) -> list[StageNews]:
    from indexer.lineage import order_key
    from indexer.query.history import Linker, life_of

    linker = Linker(lookup, bulk=True)
    chain = linker.chain(work)
    if not chain:
        return []
    life = life_of(lookup, chain, linker.relations(chain), time.strftime("%Y-%m-%d"))
    latest = max((r for r in chain if r.work == work), key=order_key, default=chain[-1])
    parsed = parse_std_no(latest.std_no) if latest.std_no else None
    code = parsed.code if parsed else None
    standard = named(code, latest.title)
    return [StageNews(step.stage, step.date, standard, step.source, step.source_label, step.names, step.deadline,
                      step.result) for step in life.steps]


def news_since(index_path: Path, ix, name: str | None = None, since: str | None = None) -> list[News]:
    state = _load(index_path)
    if name is not None and name not in state:
        raise UsageError(f"no news recorded for {name!r} yet (it is recorded at each reindex)")
    out = []
    for watch, entry in sorted(state.items()):
        if name not in (None, watch):
            continue
        for item in entry.get("news", []):
            if since is None or item["at"][:10] >= since:
                stages = [StageNews(**s) for s in item.get("stages", [])]
                out.append(News(watch, item["at"], _records(ix, item["ids"]), stages))
    return out


def _records(ix, ids: list[str]) -> list[Record]:
    """The records still indexed, in the order given (removed documents drop out)."""
    with ix.searcher() as searcher:
        stored = [searcher.document(id=doc_id) for doc_id in ids]
    return [unpack(s["record"]) for s in stored if s]


def _load(index_path: Path) -> dict:
    try:
        return json.loads((index_path / STATE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def _save(index_path: Path, state: dict) -> None:
    temporary = index_path / f".{STATE}.{os.getpid()}"
    temporary.write_text(json.dumps(state, ensure_ascii=False), "utf-8")
    os.replace(temporary, index_path / STATE)
