"""Every way stdidx prints a result, in one place."""
from __future__ import annotations

import json
import os
import re
import unicodedata
from typing import IO, TYPE_CHECKING, Callable

import click

from indexer.lazyre import lazy_compile
from indexer.record import Record

if TYPE_CHECKING:  # keep `stdidx --help` from importing the whole pipeline
    from indexer.pipeline import Summary
    from indexer.query.search import Results

BRIEF_FIELDS = ("id", "path", "source_url", "title", "title_en", "doc_type", "lang", "issuers", "issued",
                "effective", "status", "std_no", "replaces", "doc_no", "references", "ics", "ccs", "committees",
                "drafters", "work")


def use_color(stream: IO) -> bool:
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


def _style(text: str, color: bool, **style) -> str:
    return click.style(text, **style) if color else text


# C0 and C1 control characters and DEL: in a title or file name they would move the
# cursor, retitle the terminal, or start a forged line of a summary cron mails.
_CONTROL = lazy_compile(r"[\x00-\x1f\x7f-\x9f]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """Text for one line of terminal output: every control character escaped."""
    return _CONTROL.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


def text_block(text: str) -> str:
    """Text of many lines (a record's body): line breaks and tabs kept, other controls escaped."""
    return "\n".join(one_line(line).replace("\\t", "\t") for line in text.split("\n"))


def width(text: str) -> int:
    """Columns a string takes on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def clip(text: str, columns: int) -> str:
    """Text cut to a number of terminal columns, with … where it was cut."""
    if width(text) <= columns:
        return text
    kept, used = [], 1
    for char in text:
        used += width(char)
        if used > columns:
            break
        kept.append(char)
    return "".join(kept) + "…"


def columns_of(out: IO) -> int | None:
    """The width to fit lines to on a terminal: $COLUMNS when set, else the terminal's.
    None when the output is not a terminal: a pipe or a file gets every cell whole."""
    try:
        if not out.isatty():
            return None
        if os.environ.get("COLUMNS", "").isdigit():
            return max(20, int(os.environ["COLUMNS"]))
        return os.get_terminal_size(out.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return None


def wrap_parts(parts: list[str], sep: str, columns: int | None, indent: str) -> list[str]:
    """Parts joined by sep on indented lines no wider than columns (None: one line), broken
    only between parts, so a date or a number is never split across lines; a part wider than
    a line is wrapped on its own (see line_spans)."""
    lines: list[str] = []
    for part in parts:
        if lines and (columns is None or width(lines[-1] + sep + part) <= columns):
            lines[-1] += sep + part
        elif columns is not None and width(indent + part) > columns:
            lines += [indent + part[start:end] for start, end in line_spans(part, columns - width(indent))]
        else:
            lines.append(indent + part)
    return lines


# A run no line break may fall in: narrow characters without a space (a date, a number, a
# word); a wide (CJK) character stands alone, as a line may break beside any of them, but
# keeps the closing punctuation after it (a line never opens with 。 or ）).
_TOKEN = lazy_compile(r"\s+|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60"
                    r"\uffe0-\uffe6\U00020000-\U0003fffd]+|.[，。、；：！？）》」』】〕”’…]*", re.S)


def line_spans(text: str, columns: int) -> list[tuple[int, int]]:
    """Where to cut text into lines no wider than columns: at a space or beside a CJK
    character, never inside a run of letters or digits (a date, a number) unless the run
    is wider than a line. The spaces at a break are dropped."""
    columns = max(MIN_CELL, columns)
    spans: list[tuple[int, int]] = []
    start = end = used = 0
    for token in _TOKEN.finditer(text):
        piece = token.group()
        if piece.isspace():
            if end > start:
                used += width(piece)
            continue
        if end > start and used + width(piece) > columns:
            spans.append((start, end))
            start, used = token.start(), 0
        elif end == start:
            start = token.start()
        for char_at, char in enumerate(piece, token.start()):   # a run wider than a line: cut
            if used + width(char) > columns and char_at > start:
                spans.append((start, char_at))
                start, used = char_at, 0
            used += width(char)
        end = token.end()
        used = width(text[start:end])
    if end > start:
        spans.append((start, end))
    return spans or [(0, 0)]


MIN_CELL = 8     # a cut cell keeps at least this many columns


def fit_rows(rows: list[list[str]], columns: int | None, flexible: tuple[int, ...], gap: int = 2,
             paint: Callable[[int, int, str], str] | None = None) -> list[str]:
    """Rows of cells as aligned lines no wider than `columns`: the `flexible` cells (names,
    titles) are cut, widest first, so dates and numbers stay whole; the last cell is not padded.
    `paint(row, column, cell)` may style a cell once it is cut and padded (colours take no width)."""
    if not rows:
        return []
    widths = [max(width(row[i]) for row in rows) for i in range(len(rows[0]))]
    if columns is not None:
        over = sum(widths) + gap * (len(widths) - 1) - columns
        while over > 0:
            widest = max(flexible, key=lambda i: widths[i])
            if widths[widest] <= MIN_CELL:
                break
            widths[widest] -= 1
            over -= 1
    lines = []
    for n, row in enumerate(rows):
        cells = [clip(cell, widths[i]) for i, cell in enumerate(row)]
        cells = [pad(c, widths[i]) for i, c in enumerate(cells[:-1])] + cells[-1:]
        if paint is not None:
            cells = [paint(n, i, c) for i, c in enumerate(cells)]
        lines.append((" " * gap).join(cells).rstrip())
    return lines


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False)


# --- search ------------------------------------------------------------------

def results(res: "Results", fmt: str, out: IO, ui: str = "en", explain: bool = False,
            err: IO | None = None) -> None:
    """Search results. `ui` (en or zh) picks the language of titles and labels in the table;
    `explain` shows the query as expanded: a first block of the table, a line on `err` for
    jsonl (JSON always carries it as "expanded")."""
    if fmt == "json":
        data = {"query": res.query, "expanded": res.expanded, "explanation": res.explanation,
                "translated": res.translated, "terms": res.terms, "concepts": res.concepts, "total": res.total,
                "complete": res.complete, "seconds": round(res.seconds, 4),
                "hits": [_hit_dict(h) for h in res.hits], "facets": res.facets}
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        if explain and err is not None:
            err.write(f"{_label('ui', 'expanded', ui)}: {res.expanded}\n")
            if res.explanation:
                err.write(res.explanation + "\n")
        for hit in res.hits:
            out.write(_dumps(_hit_dict(hit)) + "\n")
    else:
        _results_table(res, out, use_color(out), ui, explain)


def _hit_dict(hit) -> dict:
    data = {k: v for k, v in hit.record.to_dict().items() if k in BRIEF_FIELDS}
    data.update(gloss=hit.gloss, score=round(hit.score, 3), partial=hit.partial, snippet=hit.snippet,
                highlights=[list(span) for span in hit.highlights], page=hit.page,
                notice={"id": hit.notice.id, "title": hit.notice.title} if hit.notice else None)
    return data


def _label(kind: str, value: str, ui: str) -> str:
    from indexer.extract.glossary import label

    return label(kind, value, ui)


def _results_table(res: "Results", out: IO, color: bool, ui: str = "en", explain: bool = False) -> None:
    if explain:
        out.write(_style(f"{_label('ui', 'expanded', ui)}: ", color, dim=True) + res.expanded + "\n")
        for line in res.explanation.splitlines():
            out.write(_style(f"  {line}", color, dim=True) + "\n")
        out.write("\n")
    shown = len(res.hits)
    head = _label("ui", "match" if res.total == 1 else "matches", ui).format(total=res.total)
    if res.complete is not None and res.complete < res.total:
        head += _label("ui", "complete", ui).format(complete=res.complete)
    if shown < res.total:
        lowest, last = res.offset + 1, res.offset + shown
        head += _label("ui", "showing", ui).format(range=f"{lowest}–{last}" if last > lowest else lowest)
        if last < res.total:
            head += _label("ui", "more", ui)
    out.write(head + _label("ui", "seconds", ui).format(seconds=res.seconds) + "\n")
    columns = columns_of(out)     # None when piped: every line whole
    for rank, hit in enumerate(res.hits, res.offset + 1):
        first, second = _title_lines(hit, ui)
        out.write("\n")
        for line in _wrapped(f"{rank:>2}. ", one_line(first), columns):
            out.write(_style(line, color, bold=True) + "\n")
        for line in _wrapped("    ", one_line(second), columns) if second else []:
            out.write(line + "\n")
        facts = _facts(hit.record, ui) + ([_label("ui", "partial", ui)] if hit.partial else [])
        for line in wrap_parts([one_line(f) for f in facts], " · ", columns, "    "):
            out.write(_style(line, color, fg="cyan") + "\n")
        where = _label("ui", "page", ui).format(page=hit.page) + " " if hit.page else ""
        snippet, spans = where + hit.snippet, [(a + len(where), b + len(where)) for a, b in hit.highlights]
        for start, end in line_spans(snippet, columns - 4) if columns else [(0, len(snippet))]:
            inside = [(max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and b > start]
            out.write("    " + _highlight(snippet[start:end], inside, color) + "\n")
        if hit.notice:
            attached = _label("ui", "attachment of", ui).format(title=one_line(hit.notice.title), id=hit.notice.id)
            out.write("    " + attached + "\n")
    if res.total:
        out.write("\n")
        for name, counts in res.facets.items():
            label = f"{_label('facet', name, ui):>8}: "
            items = [f"{_facet_value(name, k, ui)} {v}" for k, v in list(counts.items())[:8]] or ["-"]
            for n, line in enumerate(wrap_parts(items, " · ", columns, " " * width(label))):
                out.write((_style(label, color, dim=True) + line[len(label):] if n == 0 else line) + "\n")


def _wrapped(lead: str, text: str, columns: int | None) -> list[str]:
    """Text after lead on lines no wider than columns, the later ones indented as far."""
    if columns is None:
        return [lead + text]
    indent = " " * width(lead)
    return [(indent if n else lead) + text[start:end]
            for n, (start, end) in enumerate(line_spans(text, columns - width(lead)))]


def _title_lines(hit, ui: str) -> tuple[str, str | None]:
    """(first line, second line) of a hit: English first for en, as published first for zh."""
    rec = hit.record
    if ui == "zh":
        return rec.title, rec.title_en
    if rec.title_en:
        return rec.title_en, rec.title
    if hit.gloss:
        return f"{_label('ui', 'gloss', ui)} {hit.gloss}", rec.title
    return rec.title, None


def _facet_value(name: str, value: str, ui: str) -> str:
    if name == "doc_type":
        return _label("doc_type", value, ui)
    if name == "issuer" and ui == "zh":
        from indexer.extract.issuers import default_registry

        entry = default_registry().get(value)
        return entry.name_zh if entry else value
    return value


def _facts(rec: Record, ui: str = "en") -> list[str]:
    facts = [rec.id, _label("doc_type", rec.doc_type, ui), _label("status", rec.status, ui)]
    if rec.std_no:
        facts.append(rec.std_no)
    if rec.doc_no:
        facts.append(rec.doc_no)
    if rec.issued:
        facts.append(_label("ui", "issued", ui).format(date=rec.issued))
    if rec.effective:
        facts.append(_label("ui", "effective", ui).format(date=rec.effective))
    if rec.issuers:
        if ui == "zh":
            facts.append("、".join(i.named_zh or i.name_zh for i in rec.issuers))
        else:
            facts.append("; ".join(i.named_en or i.name_en or i.name_zh for i in rec.issuers))
    return facts


def _highlight(text: str, spans: list[tuple[int, int]], color: bool) -> str:
    if not color:
        return one_line(text)
    out, last = [], 0
    for start, end in spans:
        if start < last:
            continue
        out.append(one_line(text[last:start]))
        out.append(click.style(one_line(text[start:end]), fg="yellow", bold=True))
        last = end
    out.append(one_line(text[last:]))
    return "".join(out)


# --- records -----------------------------------------------------------------

def record(rec: Record, fmt: str, out: IO, explain: bool = False, links=None, source=None) -> None:
    """A record's fields; with explain, each field's rule and source span instead of the text.
    `links` (indexer.query.attachments.Links): the notice it is attached to, its attachments;
    `source`: the absolute path of the file it was read from (`show`), a line of the
    text only: the JSON is the canonical record, as `export` writes it."""
    if fmt == "json":
        out.write(json.dumps(rec.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    color = use_color(out)
    data = rec.to_dict()
    sources = rec.provenance.get("fields", {})

    def line(label: str, value: str) -> None:
        out.write(_style(f"{label:>10}: ", color, bold=explain, dim=not explain) + one_line(value) + "\n")

    for name in BRIEF_FIELDS:
        value = data[name]
        if name == "issuers":
            value = "; ".join(_issuer_line(i) for i in value)
        elif isinstance(value, list):
            value = ", ".join(value)
        if name in ("issued", "effective") and value and explain:
            value = f"{value} ({data[name + '_precision']})"
        notice = sources.get(name, {}).get("notice")
        if value and notice and not explain:
            value = f"{value} (from notice {notice})"
        if value or explain:
            line(name, str(value) if value not in (None, "") else "—")
        if name == "path" and source is not None:
            line("file", str(source))
        rule = sources.get(name) if explain else None
        if rule:
            span = one_line(rule.get("span", "").replace("\n", " ⏎ "))
            by = f" {rule['notice']}" if rule.get("notice") else ""
            out.write(_style(f"{'':>12}rule {rule['rule']}{by}", color, fg="cyan") +
                      (f"  «{span}»" if span else "") + "\n")
    prov = rec.provenance
    line("read as" if explain else "source", f"{prov.get('format')} · {prov.get('encoding')}")
    for repair in prov.get("repairs", []):
        line("repaired", repair)
    for warning in prov.get("warnings", []):
        line("warning", warning)
    for part in prov.get("unread", []):
        line("not read", part)
    if links and links.notice:
        line("notice", f"{links.notice.id} {links.notice.title}")
    for attached in links.attachments if links else []:
        line("attachment", f"{attached.id} {attached.path}")
    if explain:
        line("text", f"{len(rec.text)} characters" + (f", {len(prov['pages'])} pages" if prov.get("pages") else ""))
    else:
        out.write("\n" + text_block(_paged_text(rec)) + "\n")


def _paged_text(rec: Record) -> str:
    """The text, with a "[page N]" line where each page of a paged document starts."""
    starts = rec.provenance.get("pages")
    if not starts:
        return rec.text
    ends = starts[1:] + [len(rec.text)]
    return "\n".join(f"[page {n}]\n{rec.text[a:b].strip()}\n" for n, (a, b) in enumerate(zip(starts, ends), 1))


def _issuer_line(issuer: dict) -> str:
    line = f"{issuer['id']} {issuer['name_zh']} / {issuer['name_en']}".strip()
    if issuer.get("named_zh"):
        former = "former " if is_former_name(issuer["id"], issuer["named_zh"]) else ""
        line += f" (named as {former}{issuer['named_zh']})"
    return line + ("" if issuer["registered"] else " (unregistered)")


def is_former_name(issuer_id: str, name: str) -> bool:
    """Whether a name a document uses is one the body has since given up (or another form)."""
    from indexer.extract.issuers import default_registry

    return default_registry().is_former_name(issuer_id, name)

def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def summary(s: "Summary", out: IO, verbose: bool = False) -> None:
    rate = s.text_bytes / 1e6 / s.seconds if s.seconds else 0.0
    out.write(f"indexed {_count(s.indexed, 'document')} from {_count(s.files, 'file')} in {s.seconds:.1f} s "
              f"({rate:.2f} MB of text/s); skipped {len(s.skipped)}; failed {len(s.failed)}; "
              f"warnings {len(s.warned) + len(s.unread)}\n")
    if s.note:
        out.write(f"note: {s.note}\n")
    problems(s.failed, s.unread, out)
    for problem in s.skipped if verbose or len(s.skipped) <= 20 else s.skipped[:20]:
        out.write(problem_line("skipped", problem))
    if len(s.skipped) > 20 and not verbose:
        out.write(f"  … {len(s.skipped) - 20} more skipped (use --verbose)\n")
    if verbose:
        for problem in s.warned:
            out.write(problem_line("warning", problem))
    elif s.warned:
        out.write(f"  … {_count(len(s.warned), 'warning')} on indexed records (use --verbose, or `stdidx show ID`)\n")


def problems(failed: list, unread: list, out: IO) -> None:
    """A line per failed file, then one per file indexed without some of its pages or parts."""
    for problem in failed:
        out.write(problem_line("failed", problem))
    for problem in unread:
        out.write(problem_line("warning", problem))


def problem_line(kind: str, problem) -> str:
    """One line per bad file, whatever its name or the parser's message holds."""
    return f"  {kind:<8} {one_line(problem.path)}: {one_line(problem.reason)}\n"


def registry(reg, fmt: str, out: IO, ui: str = "en") -> None:
    """The issuer registry: a table with a header (names in the language of `ui` first), or JSON."""
    entries = reg.entries()
    if fmt == "json":
        data = [{"id": e.id, "name_zh": e.name_zh, "name_en": e.name_en, "abbr": list(e.abbr),
                 "short": list(e.short), "aliases": list(e.aliases), "former": [n for f in e.former for n in f.names]}
                for e in entries]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    names = ("name_zh", "name_en") if ui == "zh" else ("name_en", "name_zh")
    rows = [[_label("ui", word, ui) for word in ("id", *names, "abbreviations", "formerly")]]
    for e in entries:
        rows.append([one_line(cell) for cell in (e.id, getattr(e, names[0]), getattr(e, names[1]),
                                                 ", ".join((*e.abbr, *e.short)), ", ".join(f.name_zh for f in e.former))])
    color = use_color(out)
    for n, line in enumerate(fit_rows(rows, columns_of(out), flexible=(1, 2, 3, 4))):
        out.write((_style(line, color, dim=True) if n == 0 else line) + "\n")
