"""Incremental reindexing: find what changed under the roots and apply only that.

    scan (stat every file) → hash the ones whose size or mtime moved → plan
    (added, changed, moved, removed) → apply in batches, one commit each →
    settle statuses of the works touched → attachments take their notice's
    values → statuses brought to today → report

Safety comes from the order of writes: each batch is one Whoosh commit (a new
table of contents written atomically), and the manifest is rewritten after it.
A run killed anywhere leaves the last committed state, which still answers
searches; the next run finds the same differences and finishes the work.
"""
from __future__ import annotations

import os
import time
from datetime import date
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from whoosh.query import Or, Term

from indexer.budget import Budget, Stopped
from indexer.errors import IndexMissing, UsageError
from indexer.index.lock import writer_lock
from indexer.index.manifest import FileState, content_hash
from indexer.index.schema import unpack
from indexer.index.store import Store
from indexer.pipeline import (DEFAULT_EXCLUDE, Extracted, Problem, check_removals, claim_ids, discover,
                              index_writing, readers, settle_index, unread_parts)
from indexer.record import Record

BATCH = 1


@dataclass
class Change:
    kind: str                      # added | updated | moved | removed
    key: str                       # the file's absolute path (for moves: the new one)
    root: Path | None = None
    path: Path | None = None
    old: FileState | None = None   # what the manifest knew
    old_key: str | None = None     # moves: where the file was


@dataclass
class Report:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    moved: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    unread: list[Problem] = field(default_factory=list)  # pages or parts of indexed files left out
    pending: int = 0               # changes left for the next run (interrupted)
    statuses: int = 0              # records whose status changed with their versions
    inherited: int = 0             # attachments whose values from their notice changed
    seconds: float = 0.0
    note: str | None = None

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.moved or self.removed or self.failed)


def reindex(store: Store, roots: list[Path] | None = None, exclude: Iterable[str] | None = None,
            include: Iterable[str] | None = None, batch: int = BATCH,
            stop: Callable[[], bool] = lambda: False, max_removal: float = 1.0,
            remember_roots: bool = False, progress: Callable[[int, int, str], None] | None = None,
            budget: Budget | None = None) -> Report:
    """Bring the index up to date with its roots (by default the ones it was built from);
    remember_roots makes the roots given the index's own; progress(done, total, path) is
    called after each change, as index_corpus does."""
    started = time.perf_counter()
    meta = store.meta()
    roots = roots or [Path(r) for r in meta.get("roots", [])]
    exclude = tuple(exclude if exclude is not None else meta.get("exclude", DEFAULT_EXCLUDE))
    include = tuple(include if include is not None else meta.get("include", ()))
    with index_writing(store), writer_lock(store.path, "reindex") as note:
        store.drop_unfinished()
        report = Report(note=note)
        files = store.manifest()
        found = discover(roots, exclude, include)
        report.failed.extend(found.failed())
        report.skipped.extend(found.skipped)
        # Files in a folder that cannot be listed now are not gone: keep them.
        hidden = {key for key in files if any(_within(key, folder) for _, folder in found.unreadable)}
        check_removals(set(files) - hidden, found.files, max_removal)
        changes = plan(files, found.files, hidden, found.sizes)
        Applier(store, files, report).run(changes, batch, stop, progress, budget)
        if remember_roots:
            store.update_meta(roots=[str(Path(r).resolve()) for r in roots])
        # A stopped run commits what it did and leaves at once; the next run does the rest.
        if not report.pending and (changes or meta.get("statuses_on") != date.today().isoformat()):
            inherited, statuses = settle_index(store)
            report.inherited, report.statuses = inherited, report.statuses + statuses
    report.seconds = time.perf_counter() - started
    return report


def add_roots(store: Store, folders: list[Path]) -> Report:
    """Index more folders into an existing index, which keeps them with its other roots."""
    if not store.exists():
        raise IndexMissing(f"no index at {store.path} to add to (run `stdidx index DIR --index "
                           f"{store.path}` first)")
    roots = [Path(r) for r in store.meta().get("roots", [])]
    for folder in (f.resolve() for f in folders):
        overlap = next((r for r in roots if folder == r or r in folder.parents or folder in r.parents), None)
        if overlap == folder:
            raise UsageError(f"{folder} is one of the index's roots already")
        if overlap:
            raise UsageError(f"{folder} overlaps {overlap}, one of the index's roots")
        roots.append(folder)
    return reindex(store, roots, remember_roots=True)


def _within(key: str, folder: Path) -> bool:
    return key.startswith(f"{folder}{os.sep}")


def plan(files: dict[str, FileState], found: list[tuple[Path, str]],
         hidden: set[str] | frozenset[str] = frozenset(),
         sizes: dict[str, tuple[int, int]] | None = None) -> list[Change]:
    """Compare the manifest with the files on disk; content decides, mtime only saves hashing.

    A file that cannot be stat'ed or hashed counts as changed: reading it again
    reports why, and a file that was indexed keeps its indexed version.
    """
    present: dict[str, Path] = {key: root for root, key in found}
    sizes = sizes or {}
    changes: list[Change] = []
    fresh: list[Change] = []
    for key, root in present.items():
        old = files.get(key)
        if old is None:
            fresh.append(Change("added", key, root, Path(key)))
        elif not _touched_only(key, old, sizes.get(key)):
            changes.append(Change("updated", key, root, Path(key), old))
    gone = {key: state for key, state in files.items() if key not in present and key not in hidden}
    by_hash: dict[str | None, str] = {state.sha256: key for key, state in gone.items() if state.ids}
    for change in fresh:
        assert change.path is not None      # an added file was found on disk
        old_key = by_hash.pop(_hash_or_none(change.path), None)
        if old_key:
            changes.append(Change("moved", change.key, change.root, change.path, gone.pop(old_key), old_key))
        else:
            changes.append(change)
    changes.extend(Change("removed", key, old=state) for key, state in gone.items())
    return changes


def _touched_only(path: str, old: FileState, listed: tuple[int, int] | None = None) -> bool:
    """The file is as the manifest knew it, or only its mtime moved (noted in the manifest).
    `listed` is its (size, mtime_ns) as discovery saw it, else it is looked up."""
    try:
        if listed is None:
            stat = os.stat(path)
            listed = stat.st_size, stat.st_mtime_ns
        if listed == (old.size, old.mtime_ns):
            return True
        if old.size == listed[0] and content_hash(Path(path)) == old.sha256:
            old.mtime_ns = listed[1]
            return True
    except OSError:
        pass
    return False


def _hash_or_none(path: Path) -> str | None:
    try:
        return content_hash(path)
    except OSError:
        return None


class Applier:
    """Applies a plan in one commit: searches see the old index or the new one."""

    def __init__(self, store: Store, files: dict[str, FileState], report: Report):
        self.store, self.files, self.report = store, files, report
        self.upserted: dict[str, Record] = {}
        self.deleted: set[str] = set()
        self.works: set[str | None] = set()
        # Which file holds each id, so no two files ever share one.
        self.owners = {doc_id: key for key, state in files.items() for doc_id in state.ids}

    def run(self, changes: list[Change], batch: int, stop: Callable[[], bool],
            progress: Callable[[int, int, str], None] | None = None, budget: Budget | None = None) -> None:
        if not changes:
            return
        # Imported here: a run with nothing to do needs neither the readers nor the rules.
        from indexer.extract.build import Builder
        from indexer.extract.fields import mentioned_std_nos

        self.builder = Builder()
        self.searcher = self.store.open().searcher()
        try:
            with self.store.update() as updater, readers(self.builder, budget=budget, stop=stop) as pool:
                self.apply_all(changes, updater, pool, batch, stop, progress)
                self.settle_statuses()
                # Written once, after statuses are settled: Whoosh cannot replace a
                # document added earlier in the same uncommitted writer.
                for record in self.upserted.values():
                    updater.upsert(record, mentioned_std_nos(record.text))
        finally:
            self.searcher.close()
        # After the commit: a manifest lagging the index only repeats work.
        self.store.save_manifest(self.files)
        with self.store.open().searcher() as searcher:
            self.store.update_meta(count=searcher.doc_count())

    def apply_all(self, changes: list[Change], updater, pool, batch: int, stop: Callable[[], bool],
                  progress: Callable[[int, int, str], None] | None = None) -> None:
        """Apply the changes in order while the worker reads the next file; a stop asked for
        leaves the rest (and the file being read, if it takes long) for the next run."""
        extracted = pool.map((c.root, c.path) for c in changes if c.kind != "removed")
        applied = 0
        try:
            for change in changes:
                if applied % batch == 0 and stop():
                    break
                self.apply(change, updater, None if change.kind == "removed" else next(extracted))
                applied += 1
                if progress:
                    progress(applied, len(changes), change.key)
        except Stopped:
            pass
        finally:
            extracted.close()
        self.report.pending = len(changes) - applied

    def upsert(self, record: Record) -> None:
        self.upserted[record.id] = record
        self.deleted.discard(record.id)
        self.works.add(record.work)

    def delete(self, updater, doc_id: str) -> None:
        stored = self.searcher.document(id=doc_id)
        if stored:
            self.works.add(stored.get("work"))
        updater.delete(doc_id)
        self.deleted.add(doc_id)
        self.upserted.pop(doc_id, None)

    def apply(self, change: Change, updater, item: Extracted | None) -> None:
        if change.kind == "removed":
            assert change.old is not None   # a removed file was in the manifest
            for doc_id in change.old.ids:
                self.delete(updater, doc_id)
            self._disown(change.old)
            del self.files[change.key]
            self.report.removed.append(change.old.rel)
            return
        assert item is not None             # every other change was read
        rel, state, records = item.rel, item.state, item.records
        had_documents = bool(change.old and change.old.ids)
        if item.problem and item.skip and not had_documents:
            self.report.skipped.append(item.problem)
            return self._forget(change, updater, state)
        if item.problem:
            # The manifest keeps the old state, so the next run tries again. A file
            # that was a document and now fails — or turned empty or binary, far more
            # likely a broken copy than a deliberate change — keeps its indexed version.
            kept = " (previous version kept)" if had_documents else ""
            self.report.failed.append(Problem(rel, f"{item.problem.reason}{kept}"))
            return
        assert state is not None            # a file read without a problem has its state
        if change.kind == "moved":
            assert change.old is not None and change.old_key is not None
            # Same content, new place: the documents keep their ids (and history).
            for record, old_id in zip(records, change.old.ids):
                record.id = old_id
            del self.files[change.old_key]
            state.ids = [r.id for r in records]
        else:
            state.ids = claim_ids(records, lambda doc_id: self.owners.get(doc_id, change.key) != change.key)
        if change.old:
            self._disown(change.old)
        self.owners.update(dict.fromkeys(state.ids, change.key))
        self.report.unread.extend(unread_parts(item))
        for stale in set(change.old.ids if change.old else ()) - set(state.ids):
            self.delete(updater, stale)
        for record in records:
            self.upsert(record)
        self.files[change.key] = state
        self._log(change, rel)

    def _log(self, change: Change, rel: str) -> None:
        if change.kind == "added":
            self.report.added.append(rel)
        elif change.kind == "updated":
            self.report.updated.append(rel)
        else:
            assert change.old is not None
            self.report.moved.append((change.old.rel, rel))

    def _disown(self, old: FileState) -> None:
        for doc_id in old.ids:
            self.owners.pop(doc_id, None)

    def _forget(self, change: Change, updater, state: FileState | None) -> None:
        for doc_id in change.old.ids if change.old else ():
            self.delete(updater, doc_id)
        if change.old:
            self._disown(change.old)
        if change.old_key:
            del self.files[change.old_key]
        if state:
            self.files[change.key] = state

    def settle_statuses(self) -> None:
        """Recompute superseded / in force across every version of the works touched."""
        from indexer.inherit import own
        from indexer.status import settle_works

        works = sorted(w for w in self.works if w)
        if not works:
            return
        hits = self.searcher.search(Or([Term("work", w) for w in works]), limit=None)
        # Versions are ordered by their own dates, as a fresh build orders them: what an
        # attachment took from its notice is given again after (indexer/inherit.py).
        records = {r.id: r for r in (own(unpack(hit["record"])) for hit in hits)}
        records.update({i: r for i, r in self.upserted.items() if r.work in self.works})
        for doc_id in self.deleted:
            records.pop(doc_id, None)
        for record in settle_works(records.values()):
            self.upsert(record)
            self.report.statuses += 1
