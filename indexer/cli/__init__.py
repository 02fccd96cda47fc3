"""The stdidx command line.

Each module in this package holds the commands of one area (documents, export,
…) as thin click commands over the library; importing the package registers
them all on one group.
"""
import importlib
import pkgutil

from indexer.cli.base import cli

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "base":
        importlib.import_module(f"{__name__}.{_module.name}")


def main() -> None:
    cli(prog_name="stdidx")
