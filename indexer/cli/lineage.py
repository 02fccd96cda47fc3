"""Commands over versions: history, diff, timeline."""
from __future__ import annotations

import sys

import click

from indexer.cli.base import cli, filter_options, index_option, labels_option, name_argument, open_index, pager_option


@cli.command(examples=("stdidx history GB/T 13560",
                        "stdidx history 国务院令第785号 --as-of 2020-01-01"))
@name_argument("name")
@index_option
@click.option("--as-of", "as_of", metavar="DATE", help="Statuses on this day (YYYY-MM-DD, YYYY-MM or YYYY) "
              "[default: today].")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@labels_option
def history(name, index_path, as_of, fmt, ui):
    """The versions of a work, their statuses and how each follows the one before,
    then the stages of its life the notices announce (project, comments, release …).

    NAME is a work id (std:GB/T 13560, doc:稀土管理条例), a standard code with
    or without year, a document number (国务院令第785号) or part of a title,
    quoted or not. A
    series without part number (GB/T 18115) shows each of its parts. A standard
    or project known only from notices has its stages alone.
    """
    from indexer.output import lineage as output
    from indexer.query.history import histories

    output.history(histories(open_index(index_path), name, as_of), fmt, sys.stdout, ui)


@cli.command(examples=("stdidx diff GB/T 13560-2009 GB/T 13560-2017",
                        "stdidx diff \"GB/T 13560\" 2009 2017 --format unified"))
@click.argument("versions", nargs=-1, required=True)
@index_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "unified"]), default="text",
              show_default=True)
@pager_option
def diff(versions, index_path, fmt, out):
    """Compare two versions clause by clause.

    VERSIONS: two ids, standard numbers with year or document numbers
    (stdidx diff GB/T 13560-2009 GB/T 13560-2017), or a work, standard code or
    title and two years (stdidx diff "GB/T 13560" 2009 2017).
    """
    from indexer.output import lineage as output
    from indexer.query.diff import diff as run_diff

    output.diff(run_diff(open_index(index_path), list(versions)), fmt, out)


@cli.command(examples=("stdidx timeline 稀土 --by year",
                        "stdidx timeline --type policy --by issuer --format csv",
                        "stdidx timeline 镝 --by issuer --ui en --format svg --out dysprosium.svg"))
@click.argument("query", required=False)
@filter_options
@index_option
@click.option("--by", type=click.Choice(["year", "issuer", "doc_type"]), default="year", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["bar", "csv", "json", "svg"]), default="bar",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Output file (required for svg).")
@labels_option
def timeline(query, filters, index_path, by, fmt, out, ui):
    """Count the records matching QUERY and the filters (all records without a query) by year, issuer or type."""
    from indexer.errors import UsageError
    from indexer.output import lineage as output
    from indexer.query.timeline import timeline as run_timeline

    if fmt == "svg" and not out:
        raise UsageError("--format svg writes a file: give --out FILE")
    result = run_timeline(open_index(index_path), query, filters, by)
    if out:
        with open(out, "w", encoding="utf-8", newline="") as stream:
            output.timeline(result, fmt, stream, ui)
    else:
        output.timeline(result, fmt, sys.stdout, ui)
