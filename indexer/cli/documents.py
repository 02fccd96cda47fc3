"""Commands over documents: index, search, show, inspect, issuers."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from indexer import output
from indexer.cli.base import cli, filter_options, index_option, open_index, run_index


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@index_option
@click.option("--verbose", "-v", is_flag=True, help="List every skipped file.")
def index(paths, index_path, verbose):
    """Index PATHS (folders or files; default: the bundled corpus) into a fresh index.

    The new index replaces the old one only when the build completes. Exits 1
    when some files failed (each is listed with its reason), 0 otherwise.
    """
    from indexer.index.store import Store
    from indexer.resources import corpus_dir

    code = run_index(list(paths) or [corpus_dir()], Store(index_path), sys.stdout, verbose)
    sys.exit(code)


@cli.command()
@click.argument("query")
@filter_options
@index_option
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(1, 10_000), default=10, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True)
def search(query, filters, index_path, sort, limit, fmt):
    """Search for QUERY: words, "quoted phrases", AND/OR/NOT, standard and document numbers.

    Chinese is matched character by character with adjacency, so 钕铁硼 finds
    the three characters together; traditional and simplified script match
    each other. A standard number finds that standard first; a code without
    year (GB/T 13560) finds every version.
    """
    from indexer.query.search import search as run_search

    ix = open_index(index_path, build_if_missing=True)
    output.results(run_search(ix, query, filters, sort=sort, limit=limit), fmt, sys.stdout)


@cli.command()
@click.argument("doc_id")
@index_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(doc_id, index_path, fmt):
    """Show the record with id DOC_ID."""
    from indexer.query.search import get_record

    record = get_record(open_index(index_path), doc_id)
    output.record(record, fmt, sys.stdout)


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def inspect(path, fmt):
    """Show the record FILE would give, and for each field the rule and text behind it.

    Statuses that depend on other versions (superseded) are settled at indexing
    time and are not shown here.
    """
    from indexer.errors import ReadError, UsageError
    from indexer.pipeline import inspect_file

    try:
        records = inspect_file(path)
    except ReadError as exc:
        raise UsageError(f"{path}: {exc}") from None
    for record in records:
        output.inspection(record, fmt, sys.stdout)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def issuers(fmt):
    """List the issuer registry: ids, names and abbreviations accepted by --issuer."""
    from indexer.extract.issuers import Registry

    output.registry(Registry.load(), fmt, sys.stdout)
