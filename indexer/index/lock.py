"""One writer at a time per index, named in a lock file the kernel releases if it dies."""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from pathlib import Path
from typing import Iterator

from indexer.errors import Locked

LOCK = ".writer.lock"

# Lock files this process holds. A forked child (an extraction worker, a Whoosh
# sub-writer) shares the lock with its parent for as long as it keeps the file
# open, so a child outliving a killed parent would block every later writer:
# children close their copies at once.
_held: set = set()


def _close_in_child() -> None:
    for handle in _held:
        handle.close()
    _held.clear()


os.register_at_fork(after_in_child=_close_in_child)


@contextlib.contextmanager
def writer_lock(index_path: Path, command: str) -> Iterator[str | None]:
    """Hold the index's writer lock; yields a note when a dead process's lock was taken over.

    flock() is released by the kernel when its holder dies, however it dies, so
    a lock file left behind by a killed run never blocks the next one; its
    contents only tell who held it.
    """
    index_path.mkdir(parents=True, exist_ok=True)
    path = index_path / LOCK
    handle = open(path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(path)
            raise Locked(f"another stdidx is writing to {index_path}: pid {holder.get('pid', '?')} "
                         f"({holder.get('command', '?')}, since {holder.get('since', '?')})") from None
        previous = _holder(path)
        note = None
        if previous.get("pid") and previous["pid"] != os.getpid():
            note = f"took over the lock left by process {previous['pid']} ({previous.get('command')}), no longer running"
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "command": command,
                                 "since": time.strftime("%Y-%m-%dT%H:%M:%S%z")}))
        handle.flush()
        _held.add(handle)
        try:
            yield note
        finally:
            _held.discard(handle)
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()


def wait_for_writer(index_path: Path) -> None:
    """Return once the writer holding the index's lock (if any) has finished."""
    with open(index_path / LOCK, "rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH)


def _holder(path: Path) -> dict:
    try:
        return json.loads(path.read_text("utf-8") or "{}")
    except (OSError, ValueError):
        return {}
