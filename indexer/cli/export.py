"""stdidx export: every matching record, in the format other people and systems read."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from indexer.cli.base import cli, configured_glossary, current_config, filter_options, index_option, open_index

FORMATS = ("csv", "jsonl", "json", "xml", "xlsx", "bulk")  # indexer.export.FORMATS, kept light for --help


@cli.command(examples=("stdidx export --format csv --out records.csv",
                        "stdidx export 钕铁硼 --type standard --format xlsx --out magnets.xlsx",
                        "stdidx export --saved dysprosium --format jsonl"))
@click.argument("query", required=False)
@filter_options
@index_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--fields", help="Fields to write, in this order, comma-separated "
                               "[default: all; csv and xlsx: all but text and provenance].")
@click.option("--sort", type=click.Choice(["relevance", "date", "path"]), default=None,
              help="Order of records [default: relevance with a query, path without].")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file [default: stdout].")
@click.option("--bom/--no-bom", default=True, show_default=True,
              help="csv: start with a UTF-8 byte-order mark, so Excel reads Chinese correctly.")
@click.option("--escape-formulas/--no-escape-formulas", default=True, show_default=True,
              help="csv, xlsx: keep cells starting with = + - @ tab or CR from running as formulas.")
@click.option("--bulk-index", default="stdidx", show_default=True,
              help="bulk: the index every action line names.")
@click.option("--saved", metavar="NAME", help="Export what the saved search NAME matches (see `stdidx watch`).")
@click.option("--no-translate", is_flag=True,
              help="Match the words as written, without glossary equivalents (as `search --no-translate`).")
@click.option("--literal", is_flag=True,
              help="Match the text as written, every word required (as `search --literal`).")
def export(query, filters, index_path, fmt, fields, sort, out, bom, escape_formulas, bulk_index, saved,
           no_translate, literal):
    """Write every record matching QUERY and the filters (every record without a query)."""
    from indexer.export import export_records, make_options
    from indexer.query.search import iter_records

    options = make_options(fmt, fields, bom, escape_formulas, bulk_index)
    if saved:
        query, filters = _saved(saved, query, filters)
    ix = open_index(index_path)
    translate = not (no_translate or literal)
    records = iter_records(ix, query, filters, sort, translate=translate, literal=literal,
                           glossary=configured_glossary() if query and translate else None)
    export_records(records, options, out, sys.stdout.buffer)


def _saved(name, query, filters):
    from indexer.errors import UsageError
    from indexer.query.parse import Filters
    from indexer.watch import filters_of, saved_search

    if query or filters != Filters():
        raise UsageError("--saved NAME brings its own query and filters; give one or the other")
    spec = saved_search(current_config(), name)
    return spec["query"], filters_of(spec)
