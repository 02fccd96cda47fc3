"""stdidx export: every matching record, to stdout or a file."""
from __future__ import annotations

import click

from indexer import output
from indexer.cli.base import cli, filter_options, index_option, open_index


@cli.command()
@click.argument("query", required=False)
@filter_options
@index_option
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--sort", type=click.Choice(["relevance", "date", "path"]), default=None,
              help="Order of records [default: relevance with a query, path without].")
@click.option("--out", type=click.File("w", encoding="utf-8"), default="-", help="Output file.")
def export(query, filters, index_path, fmt, sort, out):
    """Write every record matching QUERY and the filters (every record without a query)."""
    from indexer.query.search import iter_records

    ix = open_index(index_path)
    output.records_jsonl(iter_records(ix, query, filters, sort), out)
