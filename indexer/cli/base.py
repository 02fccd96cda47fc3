"""The command group, the shared options and the one error boundary every command runs inside."""
from __future__ import annotations

import contextlib
import difflib
import functools
import os
import re
import signal
import sys
from pathlib import Path

import click

from indexer import output
from indexer.config import CONFIG_ENV, INDEX_ENV, OCR_ENV, Config, default_config_path, default_index_path
from indexer.errors import Interrupted, StdidxError, UsageError
from indexer.record import DOC_TYPES, LANGS, STAGE_FILTERS, STATUSES


class Examples:
    """Help that ends with a few examples, given as `examples=(...)` to the decorator."""

    def __init__(self, *args, examples: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.examples = examples

    def format_epilog(self, ctx, formatter):
        super().format_epilog(ctx, formatter)
        if self.examples:
            with formatter.section("Examples"):
                for line in self.examples:      # as typed: never rewrapped
                    formatter.write(f"{'':>{formatter.current_indent}}{line}\n")


class Command(Examples, click.Command):
    """A command that also takes the global --config after its name (stdidx search 镝 --config x.toml)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.params.append(click.Option(["--config", "config_file"], type=CONFIG_FILE, expose_value=False,
                                        is_eager=True, callback=_config_here,
                                        help=f"Configuration file (TOML), as before the command [env var: {CONFIG_ENV}]."))

    def invoke(self, ctx):
        _check_text(ctx.params)
        return super().invoke(ctx)


CONFIG_FILE = click.Path(dir_okay=False, path_type=Path)


def _config_here(ctx, _param, value: Path | None) -> None:
    """Given after the command: read as if given before it, before any default needs the file."""
    if value is not None:
        root = ctx.find_root()
        root.obj = dict(root.obj or {}, config_file=value)
        root.obj.pop("config", None)


def _check_text(params: dict) -> None:
    """Words, names and ids must be text; bytes that are not UTF-8 (a mistyped or
    pasted argument) could be neither searched, stored nor printed. Paths are
    Path objects and may be any bytes."""
    for name, value in params.items():
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, str) and not item.isascii():
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    shown = os.fsencode(item).decode("utf-8", "backslashreplace")
                    raise UsageError(f"{name}: {shown} is not valid UTF-8 text") from None


class Group(Examples, click.Group):
    """One error boundary: library errors, click's usage errors, Ctrl-C and a closed
    pipe each become at most one line and their exit code."""

    command_class = Command
    group_class = type

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:   # before click reads it as "Aborted!" (exit 1, "some files failed")
            raise Interrupted("interrupted", signal.SIGINT) from None
        except BrokenPipeError:
            # The reader stopped early (| head): nothing more to say, and nowhere to say it.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(128 + signal.SIGPIPE)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except StdidxError as exc:
            _fail(str(exc), exc.exit_code)
        except _NO_COMMAND as exc:      # `stdidx` alone: the help, as it is, not as an error line
            exc.show()
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            _fail(f"{_sentence(exc.format_message())}; see '{_help_of(exc.ctx)}'", exc.exit_code)
        except click.ClickException as exc:
            _fail(_sentence(exc.format_message()), exc.exit_code)
        except (click.Abort, KeyboardInterrupt):
            _fail("interrupted", 128 + signal.SIGINT)
        except OSError as exc:      # a file named on the command line: --out /missing/dir/x
            _fail(f"{exc.filename}: {exc.strerror}" if exc.filename else str(exc), 1)
        sys.exit(code if isinstance(code, int) else 0)


# A group called without a command (click 8.2 and later; earlier ones print the help themselves).
_NO_COMMAND = getattr(click.exceptions, "NoArgsIsHelpError", ())


def _fail(message: str, code: int) -> None:
    if code > 128:
        # Stopped by a signal and on the way out: a repeat of it (Ctrl-C pressed again, or the
        # group's signal arriving late) must not kill the exit. Python resets the signals it
        # handles to their defaults as it finalizes; ignored ones it leaves ignored.
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, signal.SIG_IGN)
    # One line, whatever a file name or a parser's message in it holds.
    click.echo(f"stdidx: error: {output.one_line(message)}", err=True)
    sys.exit(code)


def _sentence(message: str) -> str:
    """Click's "No such option '--x'. Did you mean '--y'?" in the style of ours: lower case,
    no full stop, the guess in brackets as ours are (did you mean '--y'?)."""
    message = re.sub(r"\.\s+\(?Did you mean (.+?\?)\)?$", r" (did you mean \1)", message.strip(), flags=re.S)
    message = message.rstrip(".")
    return message[:1].lower() + message[1:] if message[1:2].islower() else message


def _help_of(ctx) -> str:
    return f"{ctx.command_path} --help" if ctx else "stdidx --help"


@click.group("stdidx", cls=Group, context_settings={"help_option_names": ["-h", "--help"]},
             examples=("stdidx search 稀土 --since 2024", "stdidx index ~/rare-earth --index ~/ix",
                       "stdidx reindex --index ~/ix"), epilog=f"Index location: --index PATH, else ${INDEX_ENV}, else the "
                               f"configuration file's index, else {default_index_path()}. "
                               f"Configuration: --config FILE, else ${CONFIG_ENV}, else "
                               f"{default_config_path()}.")
@click.version_option(package_name="stdidx")
@click.option("--config", "config_file", type=CONFIG_FILE,
              help=f"Configuration file (TOML), before or after the command [env var: {CONFIG_ENV}].")
@click.pass_context
def cli(ctx, config_file):
    """Index and search standards notices and policy texts on China's rare-earth industry."""
    ctx.obj = {"config_file": config_file}


def current_config() -> Config:
    """The configuration, loaded once per run, when a command first needs it."""
    from indexer.config import load_config

    root = click.get_current_context().find_root()
    root.obj = root.obj or {}
    if "config" not in root.obj:
        root.obj["config"] = load_config(root.obj.get("config_file"))
    return root.obj["config"]


def configured_glossary():
    """The glossary with the configuration's extra files (and $STDIDX_GLOSSARY's)."""
    from indexer.extract.glossary import load_glossary

    return load_glossary(current_config().get("glossary"))


def name_argument(name: str):
    """A name that may hold spaces, typed with or without quotes (stdidx history GB/T 13560)."""
    return click.argument(name, nargs=-1, required=True, metavar=name.upper(),
                          callback=lambda _ctx, _param, words: " ".join(words))


def index_option(command):
    return click.option("--index", "index_path", type=click.Path(path_type=Path),
                        envvar=INDEX_ENV, show_envvar=True, default=lambda: current_config().get("index"),
                        help="Index directory.", show_default="per-user data directory")(command)


def _ui_option(default: str, callback=None):
    return click.option("--ui", type=click.Choice(["en", "zh"]), default=None, callback=callback,
                        help=f"Language of titles and labels.  [default: {default}]")


ui_option = _ui_option("zh for a Chinese locale, else en", lambda _ctx, _param, value: _ui(value))
# history and timeline: names as the documents give them (Chinese) and English words, unless asked
labels_option = _ui_option("Chinese names, English words")


def _ui(value: str | None) -> str:
    from indexer.extract.glossary import ui_from_locale

    return value or ui_from_locale()


def pager_option(command):
    """--no-pager; the command gets `out`, the stream to print to (see output.pager.paged)."""
    command = click.option("--no-pager", is_flag=True,
                           help="Print straight to the terminal; long output otherwise goes through "
                                "$PAGER (less), never when piped.")(command)

    @functools.wraps(command)
    def wrapper(no_pager, **kwargs):
        from indexer.output.pager import paged

        with paged(sys.stdout, enabled=not no_pager) as out:
            return command(out=out, **kwargs)

    return wrapper


def ocr_option(command):
    return click.option("--ocr", is_flag=True, envvar=OCR_ENV, show_envvar=True, callback=_want_ocr,
                        expose_value=False,
                        help="Read PDF pages that have no usable text with Tesseract (tesseract-ocr, "
                             "tesseract-ocr-chi-sim): seconds a page.")(command)


def _want_ocr(_ctx, _param, wanted: bool) -> None:
    """Turn OCR on for this run; worker processes inherit it through the environment."""
    import os

    if not wanted:
        os.environ.pop(OCR_ENV, None)
        return
    from indexer.read.ocr import tesseract

    os.environ[OCR_ENV] = "on"
    if tesseract() is None:
        raise UsageError("--ocr needs tesseract with Chinese data on PATH "
                         "(Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim)")


def removal_option(command):
    """--yes, read as the share of indexed files the run may remove (see max_removal)."""
    command = click.option("--yes", "remove_freely", is_flag=True,
                           help="Proceed without asking, even when the run would remove more than "
                                "max_removal (default half) of the indexed files.")(command)

    @functools.wraps(command)
    def wrapper(remove_freely, **kwargs):
        return command(max_removal=1.0 if remove_freely else current_config().get("max_removal"), **kwargs)

    return wrapper


def confirm(change: str, how: str) -> None:
    """Go ahead with a change that is hard to undo: --yes (see removal_option), or yes
    asked on a terminal. Without a terminal to ask on, refuse, saying how to proceed."""
    if click.get_current_context().params.get("remove_freely"):
        click.echo(f"{change}.", err=True)
        return
    if not on_terminal():
        raise UsageError(f"{change}: {how}")
    if not click.confirm(f"{change}. Go ahead?", err=True):
        raise UsageError("nothing was changed")


def on_terminal() -> bool:
    """Someone is there to answer a question."""
    return sys.stdin.isatty() and sys.stderr.isatty()


class Forgiving(click.ParamType):
    """A choice written loosely: any case, "-" or a space for "_", a comma list, and a prefix
    that names one choice or a family of them (zh → zh-Hans, zh-Hant)."""

    name = "choice"

    def __init__(self, choices: tuple[str, ...]):
        self.choices = choices

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        picked: list[str] = []
        for part in filter(None, (p.strip() for p in str(value).split(","))):
            key = _choice_key(part)
            exact = [c for c in self.choices if _choice_key(c) == key]
            found = exact or [c for c in self.choices if _choice_key(c).startswith(key + "_")]
            if not found:
                near = difflib.get_close_matches(key, [_choice_key(c) for c in self.choices], n=1, cutoff=0.6)
                hint = f" (did you mean {next(c for c in self.choices if _choice_key(c) == near[0])}?)" if near else ""
                self.fail(f"{part!r} is not one of {', '.join(self.choices)}{hint}", param, ctx)
            picked += found
        return tuple(picked)

    def get_metavar(self, param, ctx=None):
        return "[" + "|".join(self.choices) + "]"


def _choice_key(text: str) -> str:
    return text.strip().lower().replace("-", "_").replace(" ", "_")


def _flatten(_ctx, _param, values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for group in values for v in group))


def _split_commas(_ctx, param, values) -> tuple[str, ...]:
    if any(not v.replace(",", "").strip() for v in values):     # --issuer "" would filter nothing out
        raise click.BadParameter("needs a value", param=param)
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def filter_options(command):
    options = [
        click.option("--issuer", multiple=True, callback=_split_commas,
                     help="Issuer id, name or abbreviation (repeatable, or comma-separated)."),
        click.option("--type", "doc_types", multiple=True, type=Forgiving(DOC_TYPES), callback=_flatten,
                     help=f"Document type: {', '.join(DOC_TYPES)} (repeatable, or comma-separated)."),
        click.option("--status", "statuses", multiple=True, type=Forgiving(STATUSES), callback=_flatten,
                     help=f"Status: {', '.join(STATUSES)} (repeatable, or comma-separated)."),
        click.option("--stage", "stages", multiple=True, type=Forgiving(STAGE_FILTERS), callback=_flatten,
                     help=f"Life stage a notice announces or a standard is at: {', '.join(STAGE_FILTERS)}; "
                          "comments-open is a call for comments whose deadline is on or after --as-of, else today "
                          "(repeatable, or comma-separated)."),
        click.option("--lang", "langs", multiple=True, type=Forgiving(LANGS), callback=_flatten,
                     help=f"Language: {', '.join(LANGS)}; zh is both scripts (repeatable, or comma-separated)."),
        click.option("--since", help="Issued on or after (YYYY-MM-DD, YYYY-MM or YYYY)."),
        click.option("--until", help="Issued on or before (YYYY-MM-DD, YYYY-MM or YYYY)."),
        click.option("--std", help="Standard code, with or without year (GB/T 13560)."),
        click.option("--cites", help="Only documents that cite this standard or document number "
                                     "(GB/T 13560, 国务院令第785号)."),
        click.option("--ics", multiple=True, callback=_split_commas,
                     help="ICS code the document states, or its group: 77.120 takes 77.120.99 (repeatable)."),
        click.option("--ccs", multiple=True, callback=_split_commas,
                     help="CCS code the document states, or its class: H, H6, H65 (repeatable)."),
        click.option("--committee", "committees", multiple=True, callback=_split_commas,
                     help="Technical committee it is under (归口): SAC/TC 229 or its name (repeatable)."),
        click.option("--drafter", "drafters", multiple=True, callback=_split_commas,
                     help="Drafting unit it names (起草单位, a project's lead unit), or part of the name (repeatable)."),
    ]
    for option in reversed(options):
        command = option(command)

    @functools.wraps(command)
    def wrapper(issuer, doc_types, statuses, stages, langs, since, until, std, cites, ics, ccs, committees, drafters,
                **kwargs):
        from indexer.query.parse import Filters

        filters = Filters(list(issuer), list(doc_types), list(statuses), list(langs), since, until, std, cites,
                          stages=list(stages), ics=list(ics), ccs=list(ccs), committees=list(committees),
                          drafters=list(drafters))
        return command(filters=filters, **kwargs)

    return wrapper


def open_index(index_path: Path, build_if_missing: bool = False):
    from indexer.index.store import Store

    store = Store(index_path)
    # Only the default location is built on first use: an --index, $STDIDX_INDEX or configured
    # index that is missing is a mistyped path, not a wish for the demo corpus.
    if build_if_missing and not store.exists() and Path(index_path) == default_index_path():
        from indexer.errors import Locked
        from indexer.index.lock import wait_for_writer
        from indexer.resources import corpus_dir

        click.echo(f"No index at {index_path}; building one from the bundled corpus first.", err=True)
        try:
            run_index([corpus_dir()], store, out=sys.stderr)
        except Locked:              # another first search is building it: use that one
            wait_for_writer(store.path)
    return store.open()


def configured_budget():
    """The time and memory each file may take to read, from the configuration."""
    from indexer.budget import Budget

    config = current_config()
    return Budget(config.get("file_seconds"), config.get("file_memory_mb"))


def run_index(paths: list[Path], store, out, verbose: bool = False, **options) -> int:
    from indexer.pipeline import index_corpus

    with progress_bar("indexing") as progress:
        options = {k: v for k, v in options.items() if v is not None}
        summary = index_corpus(paths, store, progress=progress, budget=configured_budget(), **options)
    output.summary(summary, out, verbose)
    return 1 if summary.failed else 0


# What click prints beside the bar: "  12345/12345  100%  00:00:00", and a column to spare.
_BAR_CLUTTER = 31


@contextlib.contextmanager
def progress_bar(label: str):
    """A progress(done, total, path) callback that draws a bar on stderr when it is a
    terminal, never wider than it (a line wider than the terminal scrolls at every update)."""
    if not sys.stderr.isatty():
        yield None
        return
    columns = output.columns_of(sys.stderr) or 80
    width = max(4, min(36, columns - len(label) - _BAR_CLUTTER))
    with click.progressbar(length=1, label=label, file=sys.stderr, width=width) as bar:
        def progress(done: int, total: int, _path: str) -> None:
            bar.length = total
            bar.update(done - bar.pos)

        yield progress
