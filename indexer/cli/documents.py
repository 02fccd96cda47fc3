"""Commands over documents: index, search, show, inspect, issuers."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from indexer import output
from indexer.cli.base import (cli, configured_glossary, confirm, current_config, filter_options,
                               index_option, name_argument, ocr_option, open_index, pager_option, removal_option,
                               run_index, ui_option)


@cli.command(examples=("stdidx index ~/rare-earth --index ~/ix",
                        "stdidx index --index ~/ix                  # again, from the roots it has",
                        "stdidx index --add ~/rare-earth/new --index ~/ix"))
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--add", "added", multiple=True, metavar="DIR",
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Index the folder DIR into the existing index, which keeps its other roots (repeatable).")
@index_option
@ocr_option
@click.option("--verbose", "-v", is_flag=True, help="List every skipped file and every warning on the indexed records.")
@removal_option
def index(paths, added, index_path, verbose, max_removal):
    """Index PATHS (folders or files) into a fresh index.

    Without PATHS: the configuration's roots, else the roots the index was
    built from, else the bundled corpus. An index of other roots is replaced
    only when you say so (asked on a terminal; --yes in scripts), save the
    demo index of the bundled corpus a first search builds. The new
    index replaces the old one only when the build completes; the index
    remembers its roots for `stdidx reindex`. Exits 1 when some files failed
    (each is listed with its reason), 75 when another stdidx is writing to the
    index, 0 otherwise.
    """
    from indexer.index.store import Store
    from indexer.pipeline import only_bundled, replaced_roots
    from indexer.resources import corpus_dir

    config, store = current_config(), Store(index_path)
    if added:
        sys.exit(_add(paths, added, store, config))
    include, exclude = config.get("include") or None, config.get("exclude") or None
    meta = store.meta()
    roots = list(paths) or config.get("roots") or [Path(r) for r in meta.get("roots", [])] or [corpus_dir()]
    if not paths and not config.get("roots"):     # rebuilt as it was: its own patterns too
        include, exclude = meta.get("include") or include, meta.get("exclude") or exclude
    old, new = replaced_roots(store, roots)
    if only_bundled(old):       # the demo index a first search built
        click.echo(f"replacing the index of the bundled corpus at {index_path}", err=True)
        max_removal = 1.0
    elif old:
        confirm(f"{index_path} holds {meta.get('count', 0)} documents from {', '.join(old)}; "
                f"this replaces them with {', '.join(new)}",
                "pass --yes to replace it, or --add DIR to add a folder to it")
        max_removal = 1.0
    code = run_index(roots, store, sys.stdout, verbose, include=include, exclude=exclude,
                     max_removal=max_removal)
    sys.exit(code)


def _add(paths, added, store, config) -> int:
    from indexer.errors import ConfigError, UsageError
    from indexer.output.maintenance import reindex_summary
    from indexer.reindex import add_roots

    if paths:
        raise UsageError("give PATHS for a fresh index, or --add DIR to add to this one, not both")
    if config.get("roots"):
        raise ConfigError(f"the roots of {store.path} come from {config.path}: add {added[0]} there")
    report = add_roots(store, list(added))
    reindex_summary(store.path, report, [], sys.stdout)
    return 1 if report.failed else 0


@cli.command(examples=("stdidx search 镝 --since 2024",
                        "stdidx search \"rare earth quota\" --issuer MIIT --format json",
                        "stdidx search --type standard --status in_force"))
@click.argument("query", required=False, default="")
@filter_options
@index_option
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(1, 10_000), default=10, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True,
              help="Skip this many hits first: --offset 10 shows the second page.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True)
@click.option("--no-translate", is_flag=True,
              help="Search the words as written: no glossary, dictionary or thesaurus equivalents.")
@click.option("--literal", is_flag=True,
              help="Search the text as written: every word required, each Chinese run one phrase, "
                   "no translation, no words read as filters.")
@click.option("--explain", is_flag=True,
              help="Show how the query was read: words and their alternatives, conditions, dropped words.")
@ui_option
@click.option("--as-of", "as_of", metavar="DATE",
              help="Statuses (and --status) as on DATE (YYYY-MM-DD)  [default: today, as of the "
                   "last index or reindex].")
def search(query, filters, index_path, sort, limit, offset, fmt, no_translate, literal, explain, ui, as_of):
    """Search for QUERY: words or a question, "quoted phrases", AND/OR/NOT, numbers.

    Words are matched best first: documents with every word first, then those
    with most of them. Chinese is split into words, each found wherever its
    characters stand together; question words (请问, 哪些, what) are dropped;
    years, 今年/last year, statuses (现行, 废止), levels (国家标准) and issuers
    (工信部) rank what they name higher. Synonyms (thesaurus) and the other
    language (glossary, then a general dictionary) are searched too;
    --no-translate turns translation off, --literal all of this. Standard and
    document numbers may be written loosely (gbt20892, 785号令); a code
    without year (GB/T 13560) finds every version. Without QUERY, the documents
    the filters match, newest first.
    """
    from indexer.query.search import search as run_search
    from indexer.query.search import search_as_of

    from indexer.errors import UsageError
    from indexer.query.parse import Filters

    if not query.strip():
        if filters == Filters():
            raise UsageError("give a QUERY, or filters to list what they match (--issuer MIIT --since 2024)")
        sort = "date"  # a list without words: newest first
    ix = open_index(index_path, build_if_missing=True)
    options = dict(sort=sort, limit=limit, offset=offset, translate=not no_translate, literal=literal,
                   glossary=configured_glossary())
    # Without --as-of, statuses are today's as stored by the last index or reindex
    # (which refreshes them daily); --as-of works them out for another day.
    res = (search_as_of(ix, query, filters, as_of, **options) if as_of
           else run_search(ix, query, filters, **options))
    output.results(res, fmt, sys.stdout, ui=ui, explain=explain, err=sys.stderr)


@cli.command(examples=("stdidx show GB/T 13560-2017",
                        "stdidx show 国务院令第785号 --format json",
                        "stdidx show d3fc5e5c18712 --open"))
@name_argument("doc_id")
@index_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--open", "open_it", is_flag=True,
              help="Open the source file with the desktop's program for it (xdg-open, or open on macOS).")
@pager_option
def show(doc_id, index_path, fmt, open_it, out):
    """Show the record with id DOC_ID (or with this standard or document number, quoted or not:
    GB/T 13560-2017, 国务院令第785号), the absolute path of its source file (and its URL when known), and the
    notice it is attached to or its attachments."""
    from indexer.index.store import Store
    from indexer.pipeline import source_file
    from indexer.query.attachments import links
    from indexer.query.search import get_record

    ix = open_index(index_path)
    record = get_record(ix, doc_id)
    source = source_file(Store(index_path), record.id)
    if open_it:
        from indexer.desktop import open_file

        open_file(source, record.id)
    output.record(record, fmt, out, links=links(ix, record), source=source)


@cli.command(examples=("stdidx inspect notice.html",
                        "stdidx inspect ~/rare-earth/standard.pdf --index ~/ix --format json"))
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@index_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def inspect(path, index_path, fmt):
    """Show the record FILE would give, and for each field the rule and text behind it.

    The id is the one `stdidx index` gives the file: the index's own for a
    file it holds, else from the file's path under the index's root that
    contains it, else as a file indexed on its own. Statuses that depend on
    other versions (superseded) are settled at indexing time and are not shown
    here.
    """
    from indexer.errors import ReadError, UsageError
    from indexer.index.store import Store
    from indexer.pipeline import inspect_file

    try:
        records = inspect_file(path, Store(index_path))
    except ReadError as exc:
        raise UsageError(f"{path}: {exc}") from None
    for record in records:
        output.record(record, fmt, sys.stdout, explain=True)


@cli.command(examples=("stdidx issuers", "stdidx issuers --ui zh", "stdidx issuers --format json"))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@ui_option
def issuers(fmt, ui):
    """List the issuer registry: ids, names, abbreviations and short forms accepted by --issuer."""
    from indexer.extract.issuers import Registry

    output.registry(Registry.load(), fmt, sys.stdout, ui=ui)
