"""Printing for reindex, configuration, scheduling and saved searches."""
from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from indexer.output import columns_of, fit_rows, one_line, problems

if TYPE_CHECKING:
    from indexer.config import Config
    from indexer.reindex import Report
    from indexer.watch import News, StageNews


def reindex_summary(index_path: Path, report: "Report", news: list["News"], out: IO) -> None:
    """One line for cron's mail, then one line per failure and per saved search with news."""
    if report.note:
        out.write(f"note: {report.note}\n")
    out.write(f"reindexed {index_path}: {len(report.added)} added, {len(report.updated)} updated, "
              f"{len(report.moved)} moved, {len(report.removed)} removed, {len(report.failed)} failed"
              f"{f', {report.statuses} statuses settled' if report.statuses else ''}"
              f"{f', {report.inherited} attachments given their notice' + chr(39) + 's values' if report.inherited else ''} "
              f"in {report.seconds:.1f} s\n")
    problems(report.failed, report.unread, out)
    for item in news:
        if item.records:
            titles = one_line("; ".join(r.title for r in item.records[:3]))
            more = f" (+{len(item.records) - 3} more)" if len(item.records) > 3 else ""
            out.write(f"  watch {item.watch}: {len(item.records)} new — {titles}{more}\n")
        for stage in item.stages[:SHOWN_STAGES]:
            out.write(f"  watch {item.watch}: {stage_line(stage)}\n")
        if len(item.stages) > SHOWN_STAGES:
            out.write(f"  watch {item.watch}: +{len(item.stages) - SHOWN_STAGES} more stages (stdidx watch news)\n")


# Stage news lines a reindex summary shows per saved search (`watch news` shows them all).
SHOWN_STAGES = 5


def stage_line(stage: "StageNews") -> str:
    """`stage repealed 2026-03-01: GB/T 13560 烧结钕铁硼永磁材料 — 关于废止…的公告`"""
    extra = f" (until {stage.deadline})" if stage.deadline else f" ({stage.result})" if stage.result else ""
    return one_line(f"stage {stage.stage} {stage.date or '—'}{extra}: {stage.standard or stage.names} — "
                    f"{stage.source_title}")


def reindex_report(index_path: Path, report: "Report", news: list["News"]) -> str:
    data = {
        "index": str(index_path),
        "added": report.added, "updated": report.updated,
        "moved": [{"from": a, "to": b} for a, b in report.moved],
        "removed": report.removed,
        "failed": [asdict(p) for p in report.failed],
        "skipped": [asdict(p) for p in report.skipped],
        "unread": [asdict(p) for p in report.unread],
        "pending": report.pending, "statuses_settled": report.statuses, "inherited": report.inherited,
        "seconds": round(report.seconds, 3), "note": report.note,
        "watches": {n.watch: [_brief(r) for r in n.records] for n in news},
        "watch_stages": {n.watch: [asdict(s) for s in n.stages] for n in news if n.stages},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _brief(record) -> dict:
    return {"id": record.id, "path": record.path, "title": record.title,
            "doc_type": record.doc_type, "issued": record.issued}


def config_show(config: "Config", out: IO, fmt: str = "table", index_roots: list[str] | None = None) -> None:
    """Every setting with its source, paths absolute; whether the file exists; and the roots
    the index remembers (None: no index there yet)."""
    exists = config.path.is_file()
    rows: dict[str, tuple[str | list[str], str]] = {"config": (_shown(config.path), config.path_source)}
    for key, setting in config.settings.items():
        value = setting.value
        value = [_shown(v) for v in value] if isinstance(value, list) else _shown(value)
        rows[key] = (value, setting.source)
    index = _shown(Path(config.get("index")))
    rows["index roots"] = (index_roots or [], f"index {index}" if index_roots is not None else
                           f"no index at {index} yet")
    if fmt == "json":
        data: dict[str, dict[str, Any]] = {k.replace(" ", "_"): {"value": v, "source": s} for k, (v, s) in rows.items()}
        data["config"]["exists"] = exists
        data["watch"] = {"value": config.watches, "source": f"file {config.path}"}
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for key, (value, source) in rows.items():
        shown = ", ".join(value) if isinstance(value, list) else value
        missing = "" if key != "config" or exists else "  (no such file: built-in defaults apply)"
        out.write(f"{key:>11} = {shown or '(none)'}{missing}    [{source}]\n")
    for name, spec in sorted(config.watches.items()):
        out.write(f"{'watch':>11} {name}: {_spec(spec)}    [file {config.path}]\n")


def _shown(value) -> str:
    return os.path.abspath(value) if isinstance(value, Path) else str(value)


def _spec(spec: dict) -> str:
    parts = [repr(spec.get("query", ""))]
    for key, value in spec.items():
        if key != "query":
            parts.append(f"--{key} {', '.join(value) if isinstance(value, list) else value}")
    return " ".join(parts)


def watch_list(config: "Config", counts: dict[str, int], out: IO) -> None:
    if not config.watches:
        out.write(f"no saved searches in {config.path}\n")
    # aligned by the width names take on a terminal (稀土 takes four columns), cut to fit one
    rows = [[one_line(name), one_line(_spec(spec)), f"{counts.get(name, 0)} matching"]
            for name, spec in sorted(config.watches.items())]
    for line in fit_rows(rows, columns_of(out), flexible=(0, 1)):
        out.write(line + "\n")


def news(items: list["News"], out: IO, fmt: str = "table") -> None:
    if fmt == "json":
        data = [{"watch": n.watch, "at": n.at, "records": [_brief(r) for r in n.records],
                 "stages": [asdict(s) for s in n.stages]} for n in items]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    if not items:
        out.write("no news\n")
    for item in items:
        counts = [f"{len(item.records)} new"] if item.records or not item.stages else []
        counts += [f"{len(item.stages)} new stage{'s' if len(item.stages) != 1 else ''}"] if item.stages else []
        out.write(f"{item.at[:16]}  {item.watch}: {', '.join(counts)}\n")
        for record in item.records:
            out.write(f"    {record.id}  {record.issued or '—':<10}  {one_line(record.title)}\n")
        for stage in item.stages:
            out.write(f"    {stage.source}  {stage_line(stage)}\n")


def schedule(lines: str, out: IO) -> None:
    out.write(lines)
