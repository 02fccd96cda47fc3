"""Saved searches: what to track, and what newly matches it after each reindex."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from indexer.cli.base import cli, configured_glossary, current_config, filter_options, index_option, open_index
from indexer.output import maintenance as output


@cli.group(examples=("stdidx watch add dysprosium 镝 --issuer MIIT", "stdidx watch news"))
def watch():
    """Saved searches, kept in the configuration file, checked after every reindex."""


@watch.command("add", examples=("stdidx watch add dysprosium 镝 --issuer MIIT --since 2024",
                                "stdidx watch add magnets \"NdFeB magnet\" --type standard"))
@click.argument("name")
@click.argument("query")
@filter_options
def watch_add(name, query, filters):
    """Save QUERY with its filters under NAME (replacing a search of that name)."""
    from indexer.config import save_watch
    from indexer.errors import UsageError
    from indexer.query.parse import check_syntax, filter_query

    if not name.strip():
        raise UsageError("a saved search needs a name")
    # A bad query, an unknown issuer or a bad date is refused now, not at 3 a.m.
    check_syntax(query)
    filter_query(filters)
    spec = {"query": query, "issuer": filters.issuers, "type": filters.doc_types,
            "status": filters.statuses, "lang": filters.langs, "since": filters.since,
            "until": filters.until, "std": filters.std, "stage": filters.stages, "ics": filters.ics,
            "ccs": filters.ccs, "committee": filters.committees, "drafter": filters.drafters}
    config = current_config()
    replaced = name in config.watches
    save_watch(config.path, name, spec)
    click.echo(f"{'replaced' if replaced else 'saved'} search {name!r} in {config.path}")


@watch.command("rm", examples=("stdidx watch rm dysprosium", "stdidx watch list"))
@click.argument("name")
def watch_rm(name):
    """Delete the saved search NAME."""
    from indexer.config import save_watch
    from indexer.watch import saved_search

    config = current_config()
    saved_search(config, name)
    save_watch(config.path, name, None)
    click.echo(f"removed saved search {name!r} from {config.path}")


@watch.command("list", examples=("stdidx watch list", "stdidx watch list --index ~/ix"))
@index_option
def watch_list(index_path):
    """List saved searches with how many documents match each now."""
    from indexer.index.store import Store
    from indexer.watch import matches

    config = current_config()
    store = Store(index_path)
    counts = {}
    if store.exists() and config.watches:
        ix = store.open()
        glossary = configured_glossary()
        counts = {name: len(matches(ix, spec, glossary)) for name, spec in config.watches.items()}
    output.watch_list(config, counts, sys.stdout)


@watch.command("show", examples=("stdidx watch show dysprosium",
                                 "stdidx watch show dysprosium --limit 50 --format json"))
@click.argument("name")
@index_option
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True)
def watch_show(name, index_path, limit, fmt):
    """Show what the saved search NAME matches now."""
    from indexer import output as results_output
    from indexer.query.search import search
    from indexer.watch import filters_of, saved_search

    spec = saved_search(current_config(), name)
    ix = open_index(index_path)
    res = search(ix, spec["query"], filters_of(spec), limit=limit, glossary=configured_glossary())
    results_output.results(res, fmt, sys.stdout)


@watch.command("news", examples=("stdidx watch news", "stdidx watch news dysprosium --since 2025-01-01"))
@click.argument("name", required=False)
@index_option
@click.option("--since", help="Only news found on or after this date (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def watch_news(name, index_path, since, fmt):
    """Documents that newly matched saved searches at past reindex runs, and new stages (a call
    for comments, a release, a repeal) of the standards they match."""
    from indexer.errors import UsageError
    from indexer.extract.dates import parse_date
    from indexer.watch import news_since

    if since is not None:
        parsed = parse_date(since)
        if parsed is None:
            raise UsageError(f"--since: {since!r} is not a date (use YYYY-MM-DD)")
        since = parsed.iso
    if name is not None:
        from indexer.watch import saved_search

        saved_search(current_config(), name)
    output.news(news_since(Path(index_path), open_index(index_path), name, since), sys.stdout, fmt)
