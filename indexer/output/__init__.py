"""Every way stdidx prints a result, in one place."""
from __future__ import annotations

import json
import os
from typing import IO, TYPE_CHECKING, Iterable

import click

from indexer.record import Record

if TYPE_CHECKING:  # keep `stdidx --help` from importing the whole pipeline
    from indexer.pipeline import Summary
    from indexer.query.search import Results

BRIEF_FIELDS = ("id", "path", "title", "title_en", "doc_type", "lang", "issuers", "issued",
                "effective", "status", "std_no", "replaces", "doc_no", "work")


def use_color(stream: IO) -> bool:
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


def _style(text: str, color: bool, **style) -> str:
    return click.style(text, **style) if color else text


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False)


# --- search ------------------------------------------------------------------

def results(res: "Results", fmt: str, out: IO) -> None:
    if fmt == "json":
        data = {"query": res.query, "total": res.total, "seconds": round(res.seconds, 4),
                "hits": [_hit_dict(h) for h in res.hits], "facets": res.facets}
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for hit in res.hits:
            out.write(_dumps(_hit_dict(hit)) + "\n")
    else:
        _results_table(res, out, use_color(out))


def _hit_dict(hit) -> dict:
    data = {k: v for k, v in hit.record.to_dict().items() if k in BRIEF_FIELDS}
    data.update(score=round(hit.score, 3), snippet=hit.snippet,
                highlights=[list(span) for span in hit.highlights])
    return data


def _results_table(res: "Results", out: IO, color: bool) -> None:
    shown = len(res.hits)
    out.write(f"{res.total} match{'es' if res.total != 1 else ''}"
              f"{f', showing {shown}' if shown < res.total else ''} ({res.seconds:.3f} s)\n")
    for rank, hit in enumerate(res.hits, 1):
        rec = hit.record
        out.write("\n" + _style(f"{rank:>2}. {rec.title}", color, bold=True) + "\n")
        if rec.title_en:
            out.write(f"    {rec.title_en}\n")
        out.write("    " + _style(" · ".join(_facts(rec)), color, fg="cyan") + "\n")
        out.write("    " + _highlight(hit.snippet, hit.highlights, color) + "\n")
    if res.total:
        out.write("\n")
        for name, counts in res.facets.items():
            items = " · ".join(f"{k} {v}" for k, v in list(counts.items())[:8])
            out.write(_style(f"{name:>8}: ", color, dim=True) + (items or "-") + "\n")


def _facts(rec: Record) -> list[str]:
    facts = [rec.id, rec.doc_type, rec.status]
    if rec.std_no:
        facts.append(rec.std_no)
    if rec.doc_no:
        facts.append(rec.doc_no)
    if rec.issued:
        facts.append(f"issued {rec.issued}")
    if rec.effective:
        facts.append(f"effective {rec.effective}")
    if rec.issuers:
        facts.append(", ".join(i.id if i.registered else i.name_zh for i in rec.issuers))
    return facts


def _highlight(text: str, spans: list[tuple[int, int]], color: bool) -> str:
    if not color:
        return text
    out, last = [], 0
    for start, end in spans:
        if start < last:
            continue
        out.append(text[last:start])
        out.append(click.style(text[start:end], fg="yellow", bold=True))
        last = end
    out.append(text[last:])
    return "".join(out)


# --- records -----------------------------------------------------------------

def record(rec: Record, fmt: str, out: IO) -> None:
    if fmt == "json":
        out.write(json.dumps(rec.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    color = use_color(out)
    data = rec.to_dict()
    for name in BRIEF_FIELDS:
        value = data[name]
        if name == "issuers":
            value = "; ".join(_issuer_line(i) for i in value)
        elif isinstance(value, list):
            value = ", ".join(value)
        if value:
            out.write(_style(f"{name:>10}: ", color, dim=True) + str(value) + "\n")
    prov = rec.provenance
    out.write(_style(f"{'source':>10}: ", color, dim=True) +
              f"{prov.get('format')} · {prov.get('encoding')}" + "\n")
    for repair in prov.get("repairs", []):
        out.write(_style(f"{'repaired':>10}: ", color, dim=True) + repair + "\n")
    for warning in prov.get("warnings", []):
        out.write(_style(f"{'warning':>10}: ", color, dim=True) + warning + "\n")
    out.write("\n" + rec.text + "\n")


def _issuer_line(issuer: dict) -> str:
    line = f"{issuer['id']} {issuer['name_zh']} / {issuer['name_en']}".strip()
    if issuer.get("named_zh"):
        line += f" (named as former {issuer['named_zh']})"
    return line + ("" if issuer["registered"] else " (unregistered)")


def inspection(rec: Record, fmt: str, out: IO) -> None:
    """Each field with the rule that produced it and the text it came from."""
    if fmt == "json":
        out.write(json.dumps(rec.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    color = use_color(out)
    data = rec.to_dict()
    sources = rec.provenance.get("fields", {})
    for name in BRIEF_FIELDS:
        value = data[name]
        if name == "issuers":
            value = "; ".join(_issuer_line(i) for i in value)
        elif isinstance(value, list):
            value = ", ".join(value)
        if name in ("issued", "effective") and value:
            value = f"{value} ({data[name + '_precision']})"
        out.write(_style(f"{name:>10}: ", color, bold=True) + (str(value) if value not in (None, "") else "—") + "\n")
        source = sources.get(name)
        if source:
            span = source.get("span", "").replace("\n", " ⏎ ")
            out.write(_style(f"{'':>12}rule {source['rule']}", color, fg="cyan") +
                      (f"  «{span}»" if span else "") + "\n")
    prov = rec.provenance
    out.write(_style(f"{'read as':>10}: ", color, bold=True) + f"{prov.get('format')} · {prov.get('encoding')}\n")
    for repair in prov.get("repairs", []):
        out.write(_style(f"{'repaired':>10}: ", color, bold=True) + repair + "\n")
    for warning in prov.get("warnings", []):
        out.write(_style(f"{'warning':>10}: ", color, bold=True) + warning + "\n")
    out.write(_style(f"{'text':>10}: ", color, bold=True) + f"{len(rec.text)} characters\n")


def records_jsonl(records: Iterable[Record], out: IO) -> int:
    count = 0
    for rec in records:
        out.write(_dumps(rec.to_dict()) + "\n")
        count += 1
    return count


# --- indexing ----------------------------------------------------------------

def summary(s: "Summary", out: IO, verbose: bool = False) -> None:
    rate = s.text_bytes / 1e6 / s.seconds if s.seconds else 0.0
    out.write(f"indexed {s.indexed} documents from {s.files} files in {s.seconds:.1f} s "
              f"({rate:.2f} MB of text/s); skipped {len(s.skipped)}; failed {len(s.failed)}; "
              f"warnings {s.warnings}\n")
    for problem in s.failed:
        out.write(f"  failed   {problem.path}: {problem.reason}\n")
    for problem in s.skipped if verbose or len(s.skipped) <= 20 else s.skipped[:20]:
        out.write(f"  skipped  {problem.path}: {problem.reason}\n")
    if len(s.skipped) > 20 and not verbose:
        out.write(f"  … {len(s.skipped) - 20} more skipped (use --verbose)\n")


def registry(reg, fmt: str, out: IO) -> None:
    entries = reg.entries()
    if fmt == "json":
        data = [{"id": e.id, "name_zh": e.name_zh, "name_en": e.name_en, "abbr": list(e.abbr),
                 "former": [f.name_zh for f in e.former]} for e in entries]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for e in entries:
        former = f"  (formerly {', '.join(f.name_zh for f in e.former)})" if e.former else ""
        out.write(f"{e.id:<16} {e.name_zh}  {e.name_en}  [{', '.join(e.abbr)}]{former}\n")
