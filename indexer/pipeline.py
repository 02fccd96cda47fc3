"""The indexing pipeline: discover files → read → extract → settle statuses → write.

The core never prints; the CLI passes a progress callback and formats the Summary.
"""
from __future__ import annotations

import fnmatch
import multiprocessing
import os
import pickle
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from indexer.errors import NotADocument, ReadError
from indexer.extract.build import Builder
from indexer.extract.fields import mentioned_std_nos
from indexer.index.store import Store
from indexer.lineage import Version, superseded_ids
from indexer.read import read_file
from indexer.record import Record

# Files in a corpus folder that are not documents: hidden files, editor
# backups, and README files describing the folder itself.
DEFAULT_EXCLUDE = (".*", "*~", "README*", "readme*")

Progress = Callable[[int, int, str], None]


@dataclass
class Problem:
    path: str
    reason: str


@dataclass
class Summary:
    indexed: int = 0
    files: int = 0
    skipped: list[Problem] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)
    warnings: int = 0
    text_bytes: int = 0
    seconds: float = 0.0


def discover(roots: Iterable[Path], exclude: Iterable[str] = DEFAULT_EXCLUDE) -> list[tuple[Path, Path]]:
    """Every file under the roots as (root, file), sorted, excluded names left out."""
    patterns = tuple(exclude)
    found: list[tuple[Path, Path]] = []
    for root in roots:
        root = Path(root).resolve()
        if root.is_file():
            found.append((root.parent, root))
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not _excluded(d, patterns))
            found.extend((root, Path(folder) / name) for name in sorted(files)
                         if not _excluded(name, patterns))
    return found


def _excluded(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def relative_path(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


# --- extraction, one file at a time (runs in worker processes) --------------

_builder: Builder | None = None


def _init_worker() -> None:
    global _builder
    _builder = Builder()


def extract_file(item: tuple[Path, Path]) -> tuple[str, list[Record] | Problem, bool]:
    """(relative path, records or the problem, whether the problem is a skip)."""
    root, path = item
    rel = relative_path(root, path)
    try:
        raws = read_file(path)
        return rel, [_builder.build(raw, rel) for raw in raws], False
    except NotADocument as exc:
        return rel, Problem(rel, str(exc)), True
    except ReadError as exc:
        return rel, Problem(rel, str(exc)), False
    except Exception as exc:  # a bug on one file must not stop the run
        return rel, Problem(rel, f"internal error: {type(exc).__name__}: {exc}"), False


def _extracted(items: list[tuple[Path, Path]], workers: int) -> Iterator[tuple]:
    if workers <= 1 or len(items) < 50:
        _init_worker()
        yield from map(extract_file, items)
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(workers, initializer=_init_worker) as pool:
        yield from pool.imap(extract_file, items, chunksize=8)


def inspect_file(path: Path) -> list[Record]:
    """The records one file would yield, before statuses that depend on other versions."""
    raws = read_file(path)
    builder = Builder()
    return [builder.build(raw, path.name) for raw in raws]


# --- the whole run -----------------------------------------------------------

def index_corpus(roots: list[Path], store: Store, progress: Progress | None = None,
                 exclude: Iterable[str] = DEFAULT_EXCLUDE, workers: int | None = None) -> Summary:
    started = time.perf_counter()
    items = discover(roots, exclude)
    summary = Summary(files=len(items))
    workers = workers or min(2, os.cpu_count() or 1)
    versions: list[Version] = []
    with tempfile.TemporaryFile(dir=_spool_dir(store)) as spool:
        # Phase 1: extract everything, spooling records to disk so memory
        # stays flat, and keep the little each needs for lineage.
        for done, (rel, result, skip) in enumerate(_extracted(items, workers), 1):
            if progress:
                progress(done, len(items), rel)
            if isinstance(result, Problem):
                (summary.skipped if skip else summary.failed).append(result)
                continue
            for record in result:
                pickle.dump(record, spool, protocol=pickle.HIGHEST_PROTOCOL)
                versions.append(Version(record.id, record.work, record.issued,
                                        record.effective, record.status))
                summary.warnings += len(record.provenance.get("warnings", []))
        # Phase 2: statuses that depend on the other versions of a work.
        superseded = superseded_ids(versions)
        # Phase 3: write a new index generation.
        spool.seek(0)
        meta = {"roots": [str(Path(r).resolve()) for r in roots], "exclude": list(exclude)}
        with store.build(meta, procs=workers) as writer:
            for _ in versions:
                record = pickle.load(spool)
                if record.id in superseded:
                    record.status = "superseded"
                    record.provenance.setdefault("fields", {})["status"] = {
                        "rule": "lineage:later-version-in-force"}
                writer.add(record, mentioned_std_nos(record.text))
                summary.indexed += 1
                summary.text_bytes += len(record.text.encode("utf-8"))
    summary.seconds = time.perf_counter() - started
    return summary


def _spool_dir(store: Store) -> str:
    store.path.mkdir(parents=True, exist_ok=True)
    return str(store.path)
