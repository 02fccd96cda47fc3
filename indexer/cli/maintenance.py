"""Keeping an index current: reindex, configuration, scheduling."""
from __future__ import annotations

import contextlib
import signal
import sys
from pathlib import Path

import click

from indexer.cli.base import (cli, configured_budget, configured_glossary, current_config, index_option,
                               ocr_option, progress_bar, removal_option, run_index)
from indexer.output import maintenance as output


@cli.command(examples=("stdidx reindex --index ~/ix",
                        "stdidx reindex --index ~/ix --report last.json --verbose",
                        "stdidx reindex --index ~/ix --full"))
@index_option
@ocr_option
@click.option("--full", is_flag=True, help="Rebuild from scratch into a new index, swapped in when complete.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the report as JSON, with per-file reasons.")
@click.option("--batch", type=click.IntRange(1), default=1, show_default=True,
              help="Changed files between checks for Ctrl-C or SIGTERM, which stop the run "
                   "after them, committing what it did.")
@click.option("--verbose", "-v", is_flag=True, help="Print the summary even when nothing changed.")
@removal_option
def reindex(index_path, full, report_file, batch, verbose, max_removal):
    """Bring the index up to date with its corpus roots.

    Roots, include and exclude patterns come from the configuration file, else
    from the index itself (the folders `stdidx index` was given). Only added,
    changed, moved and removed files are processed. Quiet when nothing changed.
    A missing root, or a run that would remove more than max_removal of the
    indexed files without --yes, changes nothing.
    Exit codes: 0 all good, 1 some files failed, 2 usage or configuration
    error, missing root or too many removals, 75 another stdidx is writing to the index, 128+N stopped by signal N.
    """
    from indexer.errors import ConfigError, Interrupted
    from indexer.index.store import Store
    from indexer.reindex import reindex as run_reindex

    config, store = current_config(), Store(index_path)
    roots = config.get("roots") or [Path(r) for r in store.meta().get("roots", [])]
    if not roots:
        store.check_place()
        raise ConfigError(f"no corpus roots for {index_path}: run `stdidx index DIR --index "
                          f"{index_path}` once, or set roots in {config.path}")
    include, exclude = config.get("include") or None, config.get("exclude") or None
    if full:
        sys.exit(run_index(roots, store, sys.stdout, exclude=exclude, include=include,
                           max_removal=max_removal))
    received: list[int] = []
    with _stop_on_signals(received), progress_bar("reindexing") as progress:
        report = run_reindex(store, roots, exclude, include, batch, stop=lambda: bool(received),
                             max_removal=max_removal, progress=progress, budget=configured_budget())
    news = [] if report.pending else _record_news(store, config)
    if report_file:
        report_file.write_text(output.reindex_report(index_path, report, news), "utf-8")
    if report.changed or news or verbose or report.note:
        output.reindex_summary(index_path, report, news, sys.stdout)
    if report.pending:
        name = signal.Signals(received[0]).name
        raise Interrupted(f"stopped by {name}; {report.pending} changes are left for the next run",
                          received[0])
    sys.exit(1 if report.failed else 0)


@contextlib.contextmanager
def _stop_on_signals(received: list[int]):
    """SIGINT and SIGTERM ask the run to stop after the file at hand, committing what
    it did; a second one stops it at once (Ctrl-C: the uncommitted changes are dropped)."""
    signals = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.getsignal(signum) for signum in signals}
    stopping_now = []

    def now(number, _frame):
        # From here on the run is on its way out: more presses (a key held down) are ignored,
        # so that none cuts the clean-up short or kills the exit.
        stopping_now.append(number)
        for signum in signals:
            signal.signal(signum, signal.SIG_IGN)
        raise KeyboardInterrupt

    def first(number, _frame):
        received.append(number)
        for signum, handler in previous.items():
            signal.signal(signum, now if handler is signal.default_int_handler else handler)
        if sys.stderr.isatty():
            click.echo("stopping after this file (press Ctrl-C again to stop now)", err=True)

    for signum in signals:
        signal.signal(signum, first)
    try:
        yield
    finally:
        if not stopping_now:
            for signum, handler in previous.items():
                signal.signal(signum, handler)


def _record_news(store, config) -> list:
    if not config.watches:
        return []
    from indexer.watch import record_news

    return record_news(store.path, store.open(), config.watches, configured_glossary())


@cli.group(examples=("stdidx config show", "stdidx --config team.toml config show --format json"))
def config():
    """The configuration file: corpus roots, patterns, index location, saved searches."""


@config.command("show", examples=("stdidx config show",
                                   "stdidx config show --index ~/ix --format json"))
@index_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def config_show(index_path, fmt):
    """Print the effective configuration and where each value came from, whether the file
    exists, and the roots the index remembers (which reindex uses when no roots are set)."""
    from indexer.index.store import Store

    settings = current_config()
    settings.override("index", index_path, "--index" if _given("index_path") else
                      settings.settings["index"].source)
    output.config_show(settings, sys.stdout, fmt, index_roots=Store(index_path).meta().get("roots"))


def _given(param: str) -> bool:
    ctx = click.get_current_context()
    return ctx.get_parameter_source(param) == click.core.ParameterSource.COMMANDLINE


@cli.command(examples=("(crontab -l 2>/dev/null; stdidx schedule --cron) | crontab -",
                        "stdidx schedule --cron --at 22:30 --index ~/ix",
                        "stdidx schedule --systemd --on-calendar 'Mon..Fri 06:17'"))
@index_option
@click.option("--cron", is_flag=True, help="Print a crontab line.")
@click.option("--systemd", is_flag=True, help="Print a systemd service and timer.")
@click.option("--at", metavar="HH:MM", default="06:17", show_default=True, help="Time of the daily run.")
@click.option("--on-calendar", metavar="EXPR",
              help="systemd OnCalendar= expression, instead of --at (with --systemd).")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Where each run writes its JSON report [default: beside the index].")
def schedule(index_path, cron, systemd, at, on_calendar, report_file):
    """Print a ready schedule for `stdidx reindex` using this installation's paths.

    The configuration file is named in it when there is one (or --config named it).
    """
    from indexer.errors import UsageError
    from indexer.schedule import calendar_at, check_calendar, cron_line, systemd_units

    if cron == systemd:
        raise UsageError("choose one of --cron and --systemd")
    if on_calendar and (cron or _given("at")):
        raise UsageError("--on-calendar goes with --systemd, instead of --at")
    config = current_config()
    config_file = config.path.resolve() if config.path_source != "default" or config.path.exists() else None
    index_path = Path(index_path).resolve()
    report_file = (report_file or index_path / "last-reindex.json").resolve()
    text = (cron_line(config_file, index_path, report_file, at) if cron else
            systemd_units(config_file, index_path, report_file,
                          check_calendar(on_calendar) if on_calendar else calendar_at(at)))
    output.schedule(text, sys.stdout)
