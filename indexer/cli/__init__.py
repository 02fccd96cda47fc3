"""The stdidx command line.

Each module in this package holds the commands of one area (documents, export,
…) as thin click commands over the library; loading the package's `cli` registers
them all on one group. They load when first asked for, inside `main`, so that
Ctrl-C while Python is still importing them is an interruption like any other
(exit 130, one line), not a traceback.
"""
import os
import sys


def __getattr__(name: str):
    if name != "cli":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib
    import pkgutil

    from indexer.cli.base import cli

    for module in pkgutil.iter_modules(__path__):
        if module.name != "base":
            importlib.import_module(f"{__name__}.{module.name}")
    globals()["cli"] = cli
    return cli


def main() -> None:
    try:
        group = __getattr__("cli")
    except KeyboardInterrupt:
        os.write(sys.stderr.fileno(), b"stdidx: error: interrupted\n")
        sys.exit(130)       # 128 + SIGINT, as for Ctrl-C in a command
    group(prog_name="stdidx")
