"""Where the bundled corpus and schemas are, installed or in a source checkout."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # An installed wheel carries corpus/ and schemas/ inside the package;
    # a source checkout (or an editable install) has them beside it.
    installed = _PACKAGE / "_bundled" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def corpus_dir() -> Path:
    return _bundled("corpus")


def schema_path(name: str) -> Path:
    return _bundled("schemas") / name
