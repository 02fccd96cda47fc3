"""Where the bundled corpus and schemas are, installed or in a source checkout, and the user's cache."""
from __future__ import annotations

import os
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


def cache_dir() -> Path:
    """The user's cache folder: $XDG_CACHE_HOME/stdidx, else ~/.cache/stdidx."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "stdidx"


def write_cache(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all (beside it, then renamed into place)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        pass  # a read-only home still works, it just builds the data each time
