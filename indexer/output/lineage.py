"""How version histories, diffs and timelines are printed."""
from __future__ import annotations

import csv
import difflib
import json
from typing import IO, TYPE_CHECKING
from xml.sax.saxutils import escape

import click

from indexer.lineage import version_label
from indexer.output import clip, columns_of, fit_rows, is_former_name, pad, use_color, width

if TYPE_CHECKING:
    from indexer.lineage import Relation
    from indexer.query.diff import Change, Diff
    from indexer.life import Life, Step
    from indexer.query.history import Entry, History
    from indexer.query.timeline import Timeline
    from indexer.record import Issuer, Record


def _style(text: str, color: bool, **style) -> str:
    return click.style(text, **style) if color and text else text


def _json(data, out: IO) -> None:
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# --- history ----------------------------------------------------------------------

RELATION_WORDS = {
    "replaces": "replaces", "repeals": "repeals", "later_version": "later version of",
    "draft_to_final": "final text of draft", "adopts": "adopts", "same_edition": "same edition as",
    "duplicate": "copy of",
}
STATUS_COLOURS = {"in_force": "green", "upcoming": "blue", "superseded": "yellow", "repealed": "red",
                  "draft": "magenta", "unknown": None}


def history(found: "list[History]", fmt: str, out: IO, ui: str | None = None) -> None:
    """One history; several (the parts of a series) as a JSON list or one table after another.
    `ui` (en or zh): the table's headings, statuses and issuer names in that language."""
    if fmt == "json":
        _json(history_dict(found[0]) if len(found) == 1 else [history_dict(h) for h in found], out)
        return
    for n, h in enumerate(found):
        if n:
            out.write("\n")
        _history_table(h, out, use_color(out), ui)


def history_dict(h: "History") -> dict:
    numbers = {e.record.id: n for n, e in enumerate(h.entries, 1)}
    versions = []
    for n, entry in enumerate(h.entries, 1):
        rec = entry.record
        fields = rec.provenance.get("fields", {})
        versions.append({
            "n": n, "id": rec.id, "label": h.labels[rec.id], "title": rec.title, "path": rec.path,
            "work": rec.work, "doc_type": rec.doc_type, "std_no": rec.std_no, "doc_no": rec.doc_no,
            "issued": rec.issued, "effective": rec.effective,
            "status": entry.status.status, "status_reason": entry.status.reason,
            "status_since": entry.status.since, "indexed_status": rec.status,
            "issuers": [_issuer_dict(i) for i in rec.issuers],
            "previous": _previous_dict(entry, numbers),
            "copies": [{"id": c.id, "path": c.path} for c in entry.copies],
            "sources": {name: fields[name] for name in ("issued", "effective", "issuers", "std_no", "doc_no")
                        if name in fields},
            "focus": rec.id == h.focus,
        })
    return {"work": h.work, "title": h.title, "as_of": h.as_of, "focus": h.focus, "versions": versions,
            "relations": [relation_dict(r) for r in h.relations], "life": life_dict(h.life)}


def life_dict(life: "Life | None") -> dict | None:
    if life is None:
        return None
    return {"current_stage": life.current_stage, "current": _step_dict(life.current) if life.current else None,
            "revision": _step_dict(life.revision) if life.revision else None, "revision_stage": life.revision_stage,
            "stages": [_step_dict(s) for s in life.steps],
            "unlinked": [dict(_step_dict(u.step), reason=u.reason) for u in life.unlinked]}


def _step_dict(step: "Step") -> dict:
    return {"stage": step.stage, "date": step.date, "deadline": step.deadline, "result": step.result,
            "source": step.source, "source_title": step.source_label, "path": step.path or None,
            "names": step.names or None, "link": step.link, "link_evidence": step.link_evidence,
            "evidence": step.evidence}


def _issuer_dict(issuer: "Issuer") -> dict:
    return {"id": issuer.id, "name_zh": issuer.name_zh, "name_en": issuer.name_en,
            "named_zh": issuer.named_zh, "named_en": issuer.named_en, "registered": issuer.registered}


def _previous_dict(entry: "Entry", numbers: dict[str, int]) -> dict | None:
    rel = entry.previous
    if rel is None:
        return None
    return {"kind": rel.kind, "version": numbers.get(rel.target), "id": rel.target, "stated": rel.stated}


def relation_dict(rel: "Relation") -> dict:
    return {"kind": rel.kind, "source": rel.source, "source_label": rel.source_label,
            "target": rel.target, "target_label": rel.target_label, "stated": rel.stated,
            "indexed": rel.indexed, "effective": rel.effective, "degree": rel.degree, "evidence": rel.evidence}


def _history_table(h: "History", out: IO, color: bool, ui: str | None = None) -> None:
    copies, count = sum(len(e.copies) for e in h.entries), len(h.entries)
    saved = _label_ui("copies", ui or "en").format(copies=copies, ies="ies" if copies != 1 else "y") if copies else ""
    out.write(_style(f"{h.work}  {h.title}", color, bold=True) + _label_ui("versions", ui or "en").format(
        count=count, s="s" if count != 1 else "", copies=saved, day=h.as_of) + "\n\n")
    numbers = {e.record.id: n for n, e in enumerate(h.entries, 1)}
    rows = [["", *(_label_ui(f"column {word}", ui or "en")
                   for word in ("version", "issued", "effective", "status", "follows", "issuer"))]]
    for n, entry in enumerate(h.entries, 1):
        rec = entry.record
        mark = "▶" if rec.id == h.focus else " "
        status = _label_status(entry.status.status, ui)
        rows.append([f"{mark}{n}", h.labels[rec.id], rec.issued or "—", rec.effective or "—",
                     status, _follows(entry, numbers, ui), _issuers(rec, ui)])
    def paint(row: int, column: int, cell: str) -> str:
        if row == 0 or column != 4:
            return cell
        return _style(cell, color, fg=STATUS_COLOURS.get(h.entries[row - 1].status.status))

    for index, line in enumerate(fit_rows(rows, columns_of(out), flexible=(5, 6), paint=paint) if h.entries else []):
        out.write((_style(line, color, dim=True) if index == 0 else line) + "\n")
    if not h.entries:
        out.write("  no text of it is indexed: known from notices\n")
    if h.life and (h.life.steps or h.life.unlinked):
        _life_lines(h.life, h.as_of, out, color)
    if h.relations:
        out.write("\n" + _style("relations", color, bold=True) + "\n")
        for rel in h.relations:
            out.write("  " + _relation_line(rel, numbers, h.labels) + "\n")
    if h.entries:
        out.write("\n" + _style("sources", color, bold=True) + "\n")
    for n, entry in enumerate(h.entries, 1):
        rec = entry.record
        out.write(f"  {n}  {rec.id}  {rec.path}\n")
        for copy in entry.copies:
            out.write(f"     copy  {copy.id}  {copy.path}\n")
        out.write(f"     status {entry.status.status}: {entry.status.reason}\n")
        for name in ("issued", "effective", "issuers"):
            source = rec.provenance.get("fields", {}).get(name)
            if source:
                span = (source.get("span") or "").replace("\n", " ⏎ ")
                out.write(f"     {name} ← {source.get('rule')}" + (f"  «{_clip(span, 60)}»" if span else "") + "\n")


STAGE_WORDS = {"project": "project approved", "comments": "draft for comments", "submitted": "submitted",
               "published": "published", "effective": "in effect", "review": "review", "replaced": "replaced",
               "repealed": "repealed", "withdrawn": "withdrawn", "comments-open": "comments open",
               "comments-closed": "comments closed"}


def _life_lines(life: "Life", as_of: str, out: IO, color: bool) -> None:
    now = STAGE_WORDS.get(life.current_stage or "", "none yet")
    since = f" (since {life.current.date})" if life.current and life.current.date else ""
    until = f", until {life.current.deadline}" if life.current and life.current_stage == "comments-open" else ""
    revising = ""
    if life.revision and life.revision_stage:
        revising = f"; revision under way: {STAGE_WORDS[life.revision_stage]} {life.revision.date}"
    out.write("\n" + _style("life", color, bold=True) + f"  ·  stage on {as_of}: {now}{since}{until}{revising}\n")
    for step in life.steps:
        out.write("  " + _step_line(step) + "\n")
        if step.evidence and step.link != "own":
            out.write(f"              «{_clip(step.evidence, 70)}»\n")
    for item in life.unlinked:
        out.write("  not linked: " + _step_line(item.step, linked=False) + f" — {item.reason}\n")


def _step_line(step: "Step", linked: bool = True) -> str:
    word = STAGE_WORDS.get(step.stage, step.stage)
    if step.deadline:
        word += f" (until {step.deadline})"
    if step.result:
        word += f" ({step.result})"
    where = f" ({step.path})" if step.path else ""
    how = step.link if step.link == "own" else f"{step.link}: {step.link_evidence}"
    line = f"{step.date or '—':<10}  {word}  {_clip(step.source_label, 40)}{where}"
    return f"{line}  [{how}]" if linked else line


def _follows(entry: "Entry", numbers: dict[str, int], ui: str | None = None) -> str:
    rel = entry.previous
    if rel is None:
        return "—"
    how = "stated" if rel.stated else "inferred"
    if ui == "zh":
        return _label_ui(f"follows {rel.kind}", "zh").format(n=numbers.get(rel.target, "?")) + \
            _label_ui(how, "zh")
    return f"{RELATION_WORDS[rel.kind]} #{numbers.get(rel.target, '?')} ({how})"


def _label_status(status: str, ui: str | None) -> str:
    from indexer.extract.glossary import label

    return label("status", status, "zh") if ui == "zh" else status


def _issuers(rec: "Record", ui: str | None = None) -> str:
    if ui == "en":
        return "; ".join(i.named_en or i.name_en or i.name_zh or i.id for i in rec.issuers) or "—"
    names = []
    for issuer in rec.issuers:
        if issuer.named_zh and is_former_name(issuer.id, issuer.named_zh):
            names.append(_label_ui("former name of", ui or "en").format(named=issuer.named_zh, now=issuer.name_zh))
        elif issuer.named_zh:
            names.append(f"{issuer.named_zh} ({issuer.name_zh})")
        else:
            names.append(issuer.name_zh or issuer.id)
    return ("、" if ui == "zh" else "; ").join(names) or "—"


def _relation_line(rel: "Relation", numbers: dict[str, int], labels: dict[str, str]) -> str:
    def name(doc_id: str, label: str, indexed: bool = True) -> str:
        if doc_id in numbers:
            return f"#{numbers[doc_id]} {labels.get(doc_id, label)}"
        shown = label or doc_id
        return shown if indexed else f"{shown} (not in the index)"

    if rel.kind == "repeals" and rel.source == rel.target:
        line = f"{name(rel.source, rel.source_label)} is marked repealed in its own text"
    else:
        verb = RELATION_WORDS[rel.kind] + (f" ({rel.degree})" if rel.degree else "")
        line = f"{name(rel.source, rel.source_label)} {verb} {name(rel.target, rel.target_label, rel.indexed)}"
    if rel.effective and rel.kind in ("replaces", "repeals"):
        line += f", from {rel.effective}"
    how = f"stated «{_clip(rel.evidence, 70)}»" if rel.stated else f"inferred: {rel.evidence}"
    return f"{line} — {how}"


def _clip(text: str, limit: int) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --- diff ---------------------------------------------------------------------------

MARKS = {"changed": "~", "added": "+", "removed": "-", "moved": ">", "unchanged": "="}
MARK_COLOURS = {"changed": "yellow", "added": "green", "removed": "red", "moved": "cyan", "unchanged": None}


def diff(d: "Diff", fmt: str, out: IO) -> None:
    if fmt == "json":
        _json(diff_dict(d), out)
    elif fmt == "unified":
        _unified(d, out)
    else:
        _diff_text(d, out, use_color(out))


def _side(rec: "Record") -> dict:
    return {"id": rec.id, "label": _label(rec), "title": rec.title, "path": rec.path, "issued": rec.issued,
            "effective": rec.effective, "std_no": rec.std_no, "doc_no": rec.doc_no}


def _label(rec: "Record") -> str:
    return version_label(rec)


def diff_dict(d: "Diff") -> dict:
    changes = []
    for change in d.changes:
        item: dict[str, object] = {"status": change.status,
                "old_key": change.old.key if change.old else None,
                "new_key": change.new.key if change.new else None,
                "renumbered": change.renumbered}
        if change.status != "unchanged":
            item["old_text"] = change.old.text if change.old else None
            item["new_text"] = change.new.text if change.new else None
        if change.status == "changed":
            item["similarity"] = change.similarity
            item["segments"] = [{"op": s.op, "old": s.old, "new": s.new} for s in change.segments]
        changes.append(item)
    return {"old": _side(d.old), "new": _side(d.new),
            "clauses": {"old": d.old_clauses, "new": d.new_clauses},
            "summary": d.counts(), "changes": changes}


def _diff_text(d: "Diff", out: IO, color: bool) -> None:
    out.write(_style(f"{_label(d.old)} → {_label(d.new)}", color, bold=True) +
              f"  ({d.old.id} → {d.new.id})\n")
    out.write(f"{d.old.title}\n" if d.old.title == d.new.title else f"{d.old.title} → {d.new.title}\n")
    counts = d.counts()
    out.write(f"{d.old_clauses} → {d.new_clauses} clauses: " +
              " · ".join(f"{counts[k]} {k}" for k in ("changed", "added", "removed", "moved", "unchanged")) + "\n")
    for change in d.changes:
        if change.status == "unchanged":
            continue
        out.write("\n" + _change_heading(change, color) + "\n")
        if change.status == "changed":
            out.write(_indent(_marked(change, color)) + "\n")
        elif change.status == "added" and change.new:
            out.write(_indent(_style(change.new.shown, color, fg="green")) + "\n")
        elif change.status == "removed" and change.old:
            out.write(_indent(_style(change.old.shown, color, fg="red")) + "\n")


def _change_heading(change: "Change", color: bool) -> str:
    clause = change.new or change.old
    assert clause is not None       # a change has an old clause, a new one or both
    keys = f"{change.old.key} → {change.new.key}" if change.renumbered and change.old and change.new else clause.key
    heading = _style(f"{MARKS[change.status]} {keys}", color, fg=MARK_COLOURS[change.status], bold=True)
    if change.status == "moved":  # nothing follows, so name the clause
        first = clause.shown.splitlines()[0] if clause.shown else ""
        heading += f"  {_clip(first, 40)}"
    note = {"changed": f"changed, similarity {change.similarity:.2f}", "moved": "moved, text unchanged",
            "added": "added", "removed": "removed"}[change.status]
    return heading + _style(f"  ({note})", color, dim=True)


def _marked(change: "Change", color: bool) -> str:
    """The new text with deletions and insertions marked: colour on a terminal, [-…-]{+…+} elsewhere."""
    parts = []
    for seg in change.segments:
        if seg.op == "equal":
            parts.append(seg.old)
            continue
        if seg.old:
            parts.append(_style(seg.old, color, fg="red", strikethrough=True) if color else f"[-{seg.old}-]")
        if seg.new:
            parts.append(_style(seg.new, color, fg="green", underline=True) if color else f"{{+{seg.new}+}}")
    return "".join(parts)


def _indent(text: str) -> str:
    return "\n".join("    " + line if line.strip() else "" for line in text.splitlines())


def _unified(d: "Diff", out: IO) -> None:
    """A unified diff of the two texts, clause by clause in aligned order (moved clauses side by side)."""
    old_lines: list[str] = []
    new_lines: list[str] = []
    for change in d.changes:
        old_lines += _lines(change.old.text) if change.old else []
        new_lines += _lines(change.new.text) if change.new else []
    for line in difflib.unified_diff(old_lines, new_lines, fromfile=f"{_label(d.old)} ({d.old.id})",
                                     tofile=f"{_label(d.new)} ({d.new.id})", lineterm=""):
        out.write(line + "\n")


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


# --- timeline --------------------------------------------------------------------------

BAR_COLUMNS = 40
MIN_LABEL = 10      # a label cut to fit a narrow terminal keeps this many columns
_EIGHTHS = " ▏▎▍▌▋▊▉"


def timeline(t: "Timeline", fmt: str, out: IO, ui: str | None = None) -> None:
    """Counts by year, issuer or type; `ui` (en or zh) gives the labels in that language,
    None as the timeline has them (Chinese issuer names, English words)."""
    t = _in_language(t, ui) if ui else t
    if fmt == "json":
        _json({"by": t.by, "query": t.query, "records": t.records,
               "buckets": [{"key": b.key, "label": b.label, "count": b.count} for b in t.buckets]}, out)
    elif fmt == "csv":
        from indexer.export.csv_format import BOM  # imported here: the other formats need none of export

        out.write(BOM)  # as export's CSV: Excel reads a file without one in the ANSI code page
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([t.by, "label", "count"])
        for b in t.buckets:
            writer.writerow([b.key, b.label, b.count])
    elif fmt == "svg":
        out.write(timeline_svg(t, ui or "en"))
    else:
        _bars(t, out, use_color(out), ui or "en")


def _in_language(t: "Timeline", ui: str) -> "Timeline":
    from dataclasses import replace

    from indexer.extract.glossary import label
    from indexer.extract.issuers import default_registry

    def named(bucket) -> str:
        if bucket.key == "unknown":
            return label("ui", "no issuer" if t.by == "issuer" else "undated" if t.by == "year" else "unknown", ui)
        if t.by == "doc_type":
            return label("doc_type", bucket.key, ui)
        entry = default_registry().get(bucket.key) if t.by == "issuer" else None
        return (entry.name_zh if ui == "zh" else entry.name_en) if entry else bucket.label

    return replace(t, buckets=[replace(b, label=named(b)) for b in t.buckets])


def _title(t: "Timeline", ui: str = "en") -> str:
    from indexer.extract.glossary import label

    what = f"“{t.query}”" if t.query else label("ui", "matching records" if t.filtered else "all records", ui)
    by = label("facet", t.by, ui) if ui == "zh" else t.by.replace("_", " ")
    return label("ui", "timeline title", ui).format(what=what, by=by, records=t.records,
                                                    s="s" if t.records != 1 else "")


def _bars(t: "Timeline", out: IO, color: bool, ui: str = "en") -> None:
    """Bars that fit the terminal: a long label is cut, the bars are scaled to the room left."""
    out.write(_style(_title(t, ui), color, bold=True) + "\n")
    if not t.buckets:
        out.write(_label_ui("no matching records", ui) + "\n")
        return
    labels = [b.label if b.label == b.key else f"{b.key} {b.label}" for b in t.buckets]
    columns, room = max(width(label) for label in labels), columns_of(out)
    bar_columns = BAR_COLUMNS
    if room is not None:
        digits = len(str(max(b.count for b in t.buckets)))
        columns = min(columns, max(MIN_LABEL, room // 3))
        bar_columns = max(1, min(BAR_COLUMNS, room - columns - 3 - digits))
    top = max(b.count for b in t.buckets) or 1
    for label, bucket in zip(labels, t.buckets):
        eighths = round(bucket.count / top * bar_columns * 8)
        bar = "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")
        out.write(f"{pad(clip(label, columns), columns)}  {_style(bar, color, fg='cyan')}{' ' if bar else ''}"
                  f"{bucket.count}\n")


def _label_ui(word: str, ui: str) -> str:
    from indexer.extract.glossary import label

    return label("ui", word, ui)


_FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif"


def timeline_svg(t: "Timeline", ui: str = "en") -> str:
    """A bar chart as a standalone SVG: columns over the years, horizontal bars for issuers and types."""
    if t.by == "year":
        body, size = _columns(t)
    else:
        body, size = _rows(t)
    w, h = size
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
            f'font-family="{_FONT}" font-size="12">\n'
            f'<title>{escape(_title(t, ui))}</title>\n'
            f'<rect width="{w}" height="{h}" fill="#ffffff"/>\n'
            f'<text x="16" y="24" font-size="14" font-weight="bold" fill="#222222">{escape(_title(t, ui))}</text>\n'
            + body + "</svg>\n")


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def _columns(t: "Timeline") -> tuple[str, tuple[int, int]]:
    n = max(1, len(t.buckets))
    col = 28 if n <= 30 else 16
    left, top_margin, plot_h = 56, 44, 220
    rotate = n > 12
    bottom = 64 if rotate else 36
    w = max(360, left + n * col + 24)
    h = top_margin + plot_h + bottom
    top = max([b.count for b in t.buckets] + [1])
    step = _nice_step(top)
    ceiling = -(-top // step) * step
    y0 = top_margin + plot_h
    parts = []
    for value in range(0, ceiling + 1, step):
        y = y0 - value / ceiling * plot_h
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - 16}" y2="{y:.1f}" stroke="#e5e5e5"/>\n')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555555">{value}</text>\n')
    label_every = 1 if n <= 40 else -(-n // 40)
    for i, bucket in enumerate(t.buckets):
        x = left + i * col + 4
        bar_h = bucket.count / ceiling * plot_h
        parts.append(f'<rect x="{x}" y="{y0 - bar_h:.1f}" width="{col - 8}" height="{bar_h:.1f}" fill="#3b7dd8">'
                     f'<title>{escape(bucket.label)}: {bucket.count}</title></rect>\n')
        if bucket.count:
            parts.append(f'<text x="{x + (col - 8) / 2:.1f}" y="{y0 - bar_h - 4:.1f}" text-anchor="middle" '
                         f'font-size="10" fill="#222222">{bucket.count}</text>\n')
        if i % label_every == 0:
            cx, cy = x + (col - 8) / 2, y0 + 14
            turn = f' transform="rotate(-45 {cx:.1f} {cy:.1f})"' if rotate else ""
            anchor = "end" if rotate else "middle"
            parts.append(f'<text x="{cx:.1f}" y="{cy:.1f}" text-anchor="{anchor}"{turn} fill="#333333">'
                         f'{escape(bucket.label)}</text>\n')
    parts.append(f'<line x1="{left}" y1="{y0}" x2="{w - 16}" y2="{y0}" stroke="#333333"/>\n')
    return "".join(parts), (w, h)


def _rows(t: "Timeline") -> tuple[str, tuple[int, int]]:
    row, top_margin, bar_max = 24, 44, 360
    labels = [b.label for b in t.buckets]
    label_w = max([width(label) * 7 for label in labels] + [40]) + 16
    w = label_w + bar_max + 80
    h = top_margin + row * max(1, len(t.buckets)) + 16
    top = max([b.count for b in t.buckets] + [1])
    parts = []
    for i, bucket in enumerate(t.buckets):
        y = top_margin + i * row
        bar_w = bucket.count / top * bar_max
        parts.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" fill="#333333">'
                     f'{escape(bucket.label)}</text>\n')
        parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{bar_w:.1f}" height="{row - 8}" fill="#3b7dd8">'
                     f'<title>{escape(bucket.label)}: {bucket.count}</title></rect>\n')
        parts.append(f'<text x="{label_w + bar_w + 6:.1f}" y="{y + 16}" fill="#222222">{bucket.count}</text>\n')
    return "".join(parts), (w, h)
