"""Saved searches, and which documents newly match them after each reindex.

The saved searches live in the configuration file ([watch.NAME] tables); what
each one matched last time, and the news since, live beside the index in
watch-state.json, so a tracker's history follows the index it describes.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from indexer.config import Config
from indexer.errors import UsageError
from indexer.index.schema import unpack
from indexer.query.parse import Filters
from indexer.query.search import iter_records
from indexer.record import Record

STATE = "watch-state.json"
KEEP_NEWS = 2000  # news entries kept per saved search


@dataclass
class News:
    watch: str
    at: str                       # when the reindex that found them ran
    records: list[Record]


def filters_of(spec: dict) -> Filters:
    def many(key: str) -> list[str]:
        value = spec.get(key) or []
        return [value] if isinstance(value, str) else list(value)

    return Filters(many("issuer"), many("type"), many("status"), many("lang"),
                   spec.get("since"), spec.get("until"), spec.get("std"))


def saved_search(config: Config, name: str) -> dict:
    try:
        return config.watches[name]
    except KeyError:
        known = ", ".join(sorted(config.watches)) or "none saved yet"
        raise UsageError(f"no saved search named {name!r} (saved: {known})") from None


def matches(ix, spec: dict, glossary=None) -> list[Record]:
    return list(iter_records(ix, spec.get("query") or None, filters_of(spec), glossary=glossary))


def record_news(index_path: Path, ix, watches: dict[str, dict], glossary=None) -> list[News]:
    """Run every saved search; what matches now and did not last time is news.

    A saved search seen for the first time only records its baseline.
    """
    state = _load(index_path)
    now = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    found: list[News] = []
    for name, spec in sorted(watches.items()):
        current = matches(ix, spec, glossary)
        entry = state.setdefault(name, {"ids": None, "news": []})
        if entry["ids"] is not None:
            known = set(entry["ids"])
            new = [r for r in current if r.id not in known]
            if new:
                entry["news"].append({"at": now, "ids": [r.id for r in new]})
                entry["news"] = entry["news"][-KEEP_NEWS:]
                found.append(News(name, now, new))
        entry["ids"] = [r.id for r in current]
    for name in set(state) - set(watches):
        del state[name]
    _save(index_path, state)
    return found


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
                out.append(News(watch, item["at"], _records(ix, item["ids"])))
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
