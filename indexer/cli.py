"""The stdidx command line: parse options, call one library function, hand the result to output."""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from indexer import output
from indexer.config import INDEX_ENV, default_index_path
from indexer.errors import StdidxError
from indexer.record import DOC_TYPES, LANGS, STATUSES


class Group(click.Group):
    """One error boundary: library errors become one line and their exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except StdidxError as exc:
            click.echo(f"stdidx: error: {exc}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=Group, epilog=f"Index location: --index PATH, else ${INDEX_ENV}, "
                               f"else {default_index_path()}")
@click.version_option(package_name="stdidx")
def cli():
    """Index and search standards notices and policy texts on China's rare-earth industry."""


def index_option(command):
    return click.option("--index", "index_path", type=click.Path(path_type=Path),
                        envvar=INDEX_ENV, show_envvar=True, default=default_index_path,
                        help="Index directory.", show_default="per-user data directory")(command)


def filter_options(command):
    options = [
        click.option("--issuer", multiple=True, help="Issuer id, name or abbreviation (repeatable)."),
        click.option("--type", "doc_types", multiple=True, type=click.Choice(DOC_TYPES),
                     help="Document type (repeatable)."),
        click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES),
                     help="Status (repeatable)."),
        click.option("--lang", "langs", multiple=True, type=click.Choice(LANGS),
                     help="Language (repeatable)."),
        click.option("--since", help="Issued on or after (YYYY-MM-DD, YYYY-MM or YYYY)."),
        click.option("--until", help="Issued on or before (YYYY-MM-DD, YYYY-MM or YYYY)."),
        click.option("--std", help="Standard code, with or without year (GB/T 13560)."),
    ]
    for option in reversed(options):
        command = option(command)

    @functools.wraps(command)
    def wrapper(issuer, doc_types, statuses, langs, since, until, std, **kwargs):
        from indexer.query.parse import Filters

        filters = Filters(list(issuer), list(doc_types), list(statuses), list(langs), since, until, std)
        return command(filters=filters, **kwargs)

    return wrapper


def _open(index_path: Path, build_if_missing: bool = False):
    from indexer.index.store import Store

    store = Store(index_path)
    if build_if_missing and not store.exists():
        from indexer.resources import corpus_dir

        click.echo(f"No index at {index_path}; building one from the bundled corpus first.", err=True)
        _run_index([corpus_dir()], store, out=sys.stderr)
    return store.open()


def _run_index(paths: list[Path], store, out, verbose: bool = False) -> int:
    from indexer.pipeline import index_corpus

    show_bar = sys.stderr.isatty()
    with click.progressbar(length=1, label="indexing", file=sys.stderr) if show_bar else _null() as bar:
        def progress(done: int, total: int, _path: str) -> None:
            if show_bar:
                bar.length = total
                bar.update(done - bar.pos)

        summary = index_corpus(paths, store, progress=progress)
    output.summary(summary, out, verbose)
    return 1 if summary.failed else 0


class _null:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


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

    code = _run_index(list(paths) or [corpus_dir()], Store(index_path), sys.stdout, verbose)
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

    ix = _open(index_path, build_if_missing=True)
    output.results(run_search(ix, query, filters, sort=sort, limit=limit), fmt, sys.stdout)


@cli.command()
@click.argument("doc_id")
@index_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(doc_id, index_path, fmt):
    """Show the record with id DOC_ID."""
    from indexer.query.search import get_record

    record = get_record(_open(index_path), doc_id)
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

    ix = _open(index_path)
    output.records_jsonl(iter_records(ix, query, filters, sort), out)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def issuers(fmt):
    """List the issuer registry: ids, names and abbreviations accepted by --issuer."""
    from indexer.extract.issuers import Registry

    output.registry(Registry.load(), fmt, sys.stdout)


def main():
    cli(prog_name="stdidx")


if __name__ == "__main__":
    main()
