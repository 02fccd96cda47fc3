"""The index on disk: Whoosh generations under one directory, switched atomically.

    INDEX/meta.json      which generation is current, the roots it was built from
    INDEX/gen-<stamp>/   a complete Whoosh index

A build writes a new generation and only then rewrites meta.json (write to a
temporary file, then rename), so a reader sees the old index or the new one,
never a half-built one, and a build that dies leaves the old one in place.
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import time
from pathlib import Path
from typing import Iterator

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage

from indexer.errors import IndexMissing
from indexer.index import manifest
from indexer.index.manifest import FileState
from indexer.index.schema import SCHEMA_VERSION, make_schema, to_document
from indexer.record import Record

META = "meta.json"


def _not_a_folder(path: Path) -> Path | None:
    """The path, or the nearest folder above it, when that exists and is no folder."""
    for place in (path, *path.parents):
        if place.exists() or place.is_symlink():
            return None if place.is_dir() else place
    return None


class Store:
    def __init__(self, path: Path | str):
        self.path = Path(path)

    def exists(self) -> bool:
        meta = self.meta()
        return bool(meta) and (self.path / meta.get("generation", "")).is_dir()

    def meta(self) -> dict:
        try:
            return json.loads((self.path / META).read_text("utf-8"))
        except (OSError, ValueError):
            return {}

    def check_place(self) -> None:
        """Refuse a path where no index can ever be (`stdidx index` would fail there too)."""
        blocker = _not_a_folder(self.path)
        if blocker is not None:
            raise IndexMissing(f"no index at {self.path}: {blocker} is not a folder")

    def generation(self) -> Path:
        if not self.exists():
            self.check_place()
            raise IndexMissing(f"no index at {self.path} (run `stdidx index` first)")
        meta = self.meta()
        if meta.get("schema_version") != SCHEMA_VERSION:
            raise IndexMissing(f"index at {self.path} was built by another version of stdidx; "
                               "rebuild it with `stdidx index`")
        return self.path / meta["generation"]

    def open(self):
        """The current generation, for reading and for writing; every process opens it here.

        Its files are read as they are needed, not memory mapped: with mapping on,
        Whoosh copies every part of a segment it opens (postings, stored records,
        columns) out of the map into a private buffer, so each process held about 2×
        the index in memory and spent a fifth of a second copying before its first
        search. The operating system's page cache keeps the files warm either way.
        """
        # A commit or a generation switch can land between reading which files
        # make up the index and opening them; trying again sees the new state.
        for attempt in range(5):
            try:
                return FileStorage(str(self.generation()), supports_mmap=False).open_index()
            except (OSError, whoosh_index.EmptyIndexError):
                if attempt == 4:
                    raise
                time.sleep(0.05)

    def manifest(self) -> dict[str, FileState]:
        return manifest.load(self.generation())

    def save_manifest(self, files: dict[str, FileState]) -> None:
        manifest.save(self.generation(), files)

    @contextlib.contextmanager
    def update(self) -> Iterator["Updater"]:
        """Change documents of the current generation in one commit (all or nothing)."""
        ix = self.open()
        writer = ix.writer(limitmb=128)
        updater = Updater(writer)
        try:
            yield updater
            # No merging: existing segment files stay untouched, so searchers that
            # opened them a moment ago keep working while this commit lands.
            writer.commit(merge=False)
        except BaseException:
            with contextlib.suppress(Exception):   # a failed commit has closed it already
                writer.cancel()
            # A commit that failed part way (a full disk) leaves segment files
            # no table of contents names; left there, they fill the disk for good.
            storage = ix.storage
            toc = whoosh_index.TOC.read(storage, ix.indexname)
            whoosh_index.clean_files(storage, ix.indexname, toc.generation, toc.segments)
            shutil.rmtree(Path(storage.folder) / f"{ix.indexname}.tmp", ignore_errors=True)
            raise

    def drop_unfinished(self) -> None:
        """Remove generations that builds killed part way left behind; call under the writer lock."""
        meta = self.meta()
        keep = {meta.get("generation"), meta.get("previous")}
        for old in self.path.glob("gen-*"):
            if old.name not in keep:
                shutil.rmtree(old, ignore_errors=True)

    @contextlib.contextmanager
    def build(self, meta: dict, limitmb: int = 256, procs: int = 1) -> Iterator["Builder"]:
        """Write a new generation; it becomes current only if the block succeeds."""
        self.path.mkdir(parents=True, exist_ok=True)
        self.drop_unfinished()
        # Two builds by one process within a second (a test, a retry) need two names.
        generation = f"gen-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{os.urandom(3).hex()}"
        target = self.path / generation
        target.mkdir()
        ix = whoosh_index.create_in(str(target), make_schema())
        writer = _writer(ix, limitmb, procs)
        builder = Builder(writer)
        try:
            yield builder
            writer.commit()
            _check_written(ix, builder.count)
            manifest.save(target, builder.files)
        except BaseException:
            with contextlib.suppress(Exception):   # a failed commit has closed it already
                writer.cancel()
            shutil.rmtree(target, ignore_errors=True)
            raise
        self._switch(generation, dict(meta, count=builder.count))

    def update_meta(self, **values) -> None:
        self._write_meta(dict(self.meta(), **values, updated_at=time.strftime("%Y-%m-%dT%H:%M:%S%z")))

    def _write_meta(self, meta: dict) -> None:
        # ASCII escapes keep roots whose names are not UTF-8 lossless.
        manifest.write_atomically(self.path / META, json.dumps(meta, indent=2))

    def _switch(self, generation: str, meta: dict) -> None:
        meta = dict(meta, generation=generation, schema_version=SCHEMA_VERSION,
                    built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
        # The generation just replaced stays until the next switch, for
        # searches that opened it a moment ago.
        self._write_meta(dict(meta, previous=self.meta().get("generation")))
        self.drop_unfinished()


def _writer(ix, limitmb: int, procs: int):
    if procs > 1:
        from indexer.index.parallel import ParallelWriter  # multiprocessing: only builds need it

        return ParallelWriter(ix, procs=procs, limitmb=limitmb, multisegment=True)
    return ix.writer(limitmb=limitmb)


def _check_written(ix, count: int) -> None:
    # Whoosh's parallel writer commits without the segment of a sub-writer that died: a
    # build that lost documents must fail, not become the index.
    written = ix.doc_count_all()
    if written != count:
        raise OSError(errno.EIO, f"a writer process failed: {written} of {count} documents written")


class Builder:
    def __init__(self, writer):
        self.writer = writer
        self.count = 0
        self.files: dict[str, FileState] = {}

    def add(self, record: Record, mentions: list[str]) -> None:
        self.writer.add_document(**to_document(record, mentions))
        self.count += 1


class Updater:
    def __init__(self, writer):
        self.writer = writer

    def upsert(self, record: Record, mentions: list[str]) -> None:
        self.writer.update_document(**to_document(record, mentions))

    def delete(self, doc_id: str) -> None:
        self.writer.delete_by_term("id", doc_id)
