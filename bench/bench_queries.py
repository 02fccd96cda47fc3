"""Judged-query benchmark: how well search finds what analysts look for in the bundled corpus.

    .venv/bin/python bench/bench_queries.py [--index PATH] [--lang zh|en] [--kind KIND] [--show]

The queries and their relevance judgments are in tests/eval/queries.json. Each query lists
every document of the bundled corpus an analyst typing it would want in the first ten hits,
judged by reading the documents, not by looking at what search returns.

Without --index the script builds a fresh index of the bundled corpus in a temporary folder.
Every query runs through the library's search (limit 10, default options); hits are mapped to
corpus paths through hit.record.path. The report gives, per language × kind and per language:
the number of queries, recall@10 (mean over queries of |relevant ∩ top 10| / |relevant|) and
how many queries have a relevant document as the first hit. --show lists each query with the
relevant documents it missed.

tests/test_judged_queries.py imports load_queries() and score() from this file.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
QUERIES = REPO / "tests" / "eval" / "queries.json"
LANGS = ("zh", "en")
KINDS = ("keyword", "sentence", "synonym", "number", "filter")
LIMIT = 10


def load_queries(path: Path | str = QUERIES, lang: str | None = None,
                 kind: str | None = None) -> list[dict]:
    """The judged queries, optionally restricted to one language and/or kind."""
    queries = json.loads(Path(path).read_text("utf-8"))
    return [q for q in queries
            if (lang is None or q["lang"] == lang) and (kind is None or q["kind"] == kind)]


def build_index(path: Path | str) -> Path:
    """A fresh index of the bundled corpus at `path`."""
    from indexer.index.store import Store
    from indexer.pipeline import index_corpus
    from indexer.resources import corpus_dir

    path = Path(path)
    summary = index_corpus([corpus_dir()], Store(path))
    if summary.failed:
        raise RuntimeError(f"indexing failed for {[p.path for p in summary.failed]}")
    return path


def run_query(ix, text: str) -> tuple[list[str], str | None]:
    """Corpus paths of the first LIMIT hits, and the error if search refused the query."""
    from indexer.query.search import search

    try:
        results = search(ix, text, limit=LIMIT)
    except Exception as exc:  # a query the parser rejects finds nothing
        return [], f"{type(exc).__name__}: {exc}"
    return [hit.record.path for hit in results.hits[:LIMIT]], None


def _figures(rows: list[dict]) -> dict:
    n = len(rows)
    return {
        "queries": n,
        "recall": sum(r["recall"] for r in rows) / n if n else 0.0,
        "first_hit": sum(r["first_hit"] for r in rows),
        "first_hit_rate": sum(r["first_hit"] for r in rows) / n if n else 0.0,
    }


def score(index_path: Path | str, queries: list[dict] | None = None) -> dict:
    """Run the queries against the index at `index_path`.

    Returns {"per_query": [...], "by_kind": {(lang, kind): figures}, "by_lang": {lang: figures},
    "overall": figures}; figures are {"queries", "recall", "first_hit", "first_hit_rate"}.
    """
    from indexer.index.store import Store

    queries = load_queries() if queries is None else queries
    ix = Store(index_path).open()
    per_query = []
    try:
        for q in queries:
            top, error = run_query(ix, q["query"])
            relevant = set(q["relevant"])
            found = [p for p in top if p in relevant]
            per_query.append({
                "id": q["id"], "lang": q["lang"], "kind": q["kind"], "query": q["query"],
                "top": top, "error": error,
                "recall": len(set(found)) / len(relevant),
                "first_hit": bool(top) and top[0] in relevant,
                "missed": [p for p in q["relevant"] if p not in top],
            })
    finally:
        ix.close()
    groups: dict = defaultdict(list)
    langs: dict = defaultdict(list)
    for row in per_query:
        groups[(row["lang"], row["kind"])].append(row)
        langs[row["lang"]].append(row)
    return {
        "per_query": per_query,
        "by_kind": {key: _figures(rows) for key, rows in sorted(groups.items(),
                    key=lambda kv: (LANGS.index(kv[0][0]), KINDS.index(kv[0][1])))},
        "by_lang": {lang: _figures(langs[lang]) for lang in LANGS if lang in langs},
        "overall": _figures(per_query),
    }


def report(result: dict, show: bool = False) -> str:
    lines = [f"{'lang':<5}{'kind':<10}{'queries':>8}{'recall@10':>11}{'first hit':>13}"]
    rule = "-" * len(lines[0])
    lines.append(rule)

    def row(lang, kind, f):
        return (f"{lang:<5}{kind:<10}{f['queries']:>8}{f['recall']:>11.3f}"
                f"{f['first_hit']:>6}/{f['queries']:<3} ({f['first_hit_rate']:.0%})")

    for (lang, kind), f in result["by_kind"].items():
        lines.append(row(lang, kind, f))
    lines.append(rule)
    for lang, f in result["by_lang"].items():
        lines.append(row(lang, "all", f))
    lines.append(row("all", "all", result["overall"]))
    if show:
        lines.append("")
        for r in result["per_query"]:
            mark = "+" if r["first_hit"] else " "
            lines.append(f"{mark} {r['id']:<12} recall {r['recall']:.2f}  {r['query']}")
            if r["error"]:
                lines.append(f"      error: {r['error']}")
            for p in r["missed"]:
                lines.append(f"      missed: {p}")
            if not r["first_hit"] and r["top"]:
                lines.append(f"      first hit: {r['top'][0]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", help="reuse an existing index instead of building one")
    parser.add_argument("--lang", choices=LANGS)
    parser.add_argument("--kind", choices=KINDS)
    parser.add_argument("--queries", default=str(QUERIES), help="judged query file")
    parser.add_argument("--show", action="store_true", help="list each query with its misses")
    args = parser.parse_args(argv)

    queries = load_queries(args.queries, args.lang, args.kind)
    if not queries:
        print("no queries match", file=sys.stderr)
        return 1
    if args.index:
        result = score(args.index, queries)
    else:
        with tempfile.TemporaryDirectory(prefix="stdidx-judged-") as tmp:
            result = score(build_index(Path(tmp) / "index"), queries)
    print(report(result, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
