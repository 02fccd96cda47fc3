"""Handing a file to the desktop's program for its type."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from indexer.errors import UsageError

OPENERS = ("xdg-open", "open") if sys.platform != "darwin" else ("open", "xdg-open")


def open_file(path: Path | None, doc_id: str) -> None:
    """Open the file with xdg-open (or macOS `open`); say plainly why when it cannot be."""
    if path is None:
        raise UsageError(f"the index does not know the file {doc_id} was read from; "
                         "run `stdidx reindex` and try again")
    if not path.exists():
        raise UsageError(f"{path}, the file {doc_id} was read from, is no longer there")
    opener = next((shutil.which(name) for name in OPENERS if shutil.which(name)), None)
    if opener is None:
        raise UsageError(f"no program to open files with (xdg-open or open) on PATH; the file is {path}")
    subprocess.Popen([opener, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)
