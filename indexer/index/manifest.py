"""What each indexed file looked like, so a reindex touches only what changed.

One JSON file per index generation, rewritten atomically after each commit.
It may lag the index by one batch if a run is killed between the two; every
change it drives is an idempotent upsert or delete by document id, so a lagging
manifest only costs repeating that batch.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from indexer.regular import open_regular

NAME = "manifest.json"
# Rows, each root written once: at 100,000 files the first form (an object per file) was a
# third larger and took 0.5 s to read and 2 s to write.
FORMAT = 2


@dataclass
class FileState:
    root: str
    rel: str
    size: int
    mtime_ns: int
    sha256: str
    ids: list[str] = field(default_factory=list)
    skipped: str | None = None     # why the file is not a document (empty, binary…)


def file_state(root: Path, path: Path, rel: str, data: bytes | None = None) -> FileState:
    """The file as it is now; pass its bytes when they are already read, to hash them once."""
    stat = path.stat()
    digest = hashlib.sha256(data).hexdigest() if data is not None else content_hash(path)
    return FileState(str(root), rel, stat.st_size, stat.st_mtime_ns, digest)


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open_regular(path) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load(directory: Path) -> dict[str, FileState]:
    try:
        data = json.loads((directory / NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    if data.get("format") != FORMAT:    # the first form, one object per file, as indexes made before hold
        return {key: FileState(**value) for key, value in data.items()}
    roots = data["roots"]
    return {key: FileState(roots[root], rel, size, mtime_ns, sha256, ids, skipped)
            for key, root, rel, size, mtime_ns, sha256, ids, skipped in data["files"]}


def save(directory: Path, files: dict[str, FileState]) -> None:
    roots = sorted({state.root for state in files.values()})
    number = {root: i for i, root in enumerate(roots)}
    rows = [[key, number[s.root], s.rel, s.size, s.mtime_ns, s.sha256, s.ids, s.skipped]
            for key, s in sorted(files.items())]
    # ASCII escapes keep keys that are not UTF-8 (surrogate-escaped file names) lossless.
    write_atomically(directory / NAME, json.dumps({"format": FORMAT, "roots": roots, "files": rows}))


def write_atomically(path: Path, text: str) -> None:
    """Readers see the old file or the new one; a failed write (a full disk) leaves no debris."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        temporary.write_text(text, "utf-8")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
