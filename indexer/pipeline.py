"""The indexing pipeline: discover files → read → extract → settle statuses → write.

The core never prints; the CLI passes a progress callback and formats the Summary.
"""
from __future__ import annotations

import contextlib
import fnmatch
import functools
import os
import pickle
import re
import stat
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from indexer.budget import Budget, Readers
from indexer.errors import (CorpusMissing, IndexMissing, IndexWriteError, NotADocument, ReadError,
                            TooManyRemovals)
from indexer.index.lock import writer_lock
from indexer.index.manifest import FileState, file_state
from indexer.index.store import Store
from indexer.record import Record, make_id
from indexer.resources import corpus_dir

if TYPE_CHECKING:   # the readers and the extraction rules are imported by the runs that read files
    from indexer.extract.build import Builder
    from indexer.status import Version

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
    warned: list[Problem] = field(default_factory=list)  # one per warning a record carries
    unread: list[Problem] = field(default_factory=list)  # pages or parts of indexed files left out
    text_bytes: int = 0
    seconds: float = 0.0
    note: str | None = None        # e.g. a stale lock that was taken over


@dataclass
class Discovery:
    files: list[tuple[Path, str]]              # (root, file), sorted; strings, made Paths where read
    skipped: list[Problem] = field(default_factory=list)
    unreadable: list[tuple[Path, Path]] = field(default_factory=list)   # folders, as (root, folder)
    # (size, mtime_ns) of the regular files as listed, so that a reindex need not stat them again.
    sizes: dict[str, tuple[int, int]] = field(default_factory=dict)

    def failed(self) -> list[Problem]:
        return [unreadable_folder(root, folder) for root, folder in self.unreadable]


def discover(roots: Iterable[Path], exclude: Iterable[str] = DEFAULT_EXCLUDE,
             include: Iterable[str] = ()) -> Discovery:
    """Every regular file under the roots, with what was passed over and why.

    Exclude patterns match a file or folder name, or a path relative to the
    root (drafts/*); include patterns, when given, keep only files they match.
    """
    excluded, included = _matcher(tuple(exclude)), _matcher(tuple(include))
    roots = [_readable_root(Path(root)) for root in roots]
    found = Discovery([])
    for root in roots:
        if root.is_file():
            found.files.append((root.parent, str(root)))
            continue

        def note(error: OSError, root: Path = root) -> None:
            found.unreadable.append((root, Path(error.filename)))

        # Strings, not Path objects, for every name: at 100,000 files they were most of a no-op reindex.
        top = os.path.join(root, "")
        for folder, dirs, files in os.walk(root, onerror=note):
            prefix = os.path.join(folder[len(top):], "") if len(folder) > len(top) else ""
            dirs[:] = sorted(d for d in dirs if not excluded(d, prefix + d)
                             and not _linked_folder(root, Path(folder, d), found)
                             and not _system_folder(root, Path(folder, d), found))
            for name in sorted(files):
                rel = prefix + name
                if excluded(name, rel) or (include and not included(name, rel)):
                    continue
                path = os.path.join(folder, name)
                try:
                    listed: os.stat_result | None = os.lstat(path)
                except OSError:
                    listed = None
                reason = _not_a_file(path, listed, roots)
                if reason:
                    found.skipped.append(Problem(shown_name(rel), reason))
                    continue
                found.files.append((root, path))
                if listed is not None and stat.S_ISREG(listed.st_mode):
                    found.sizes[path] = (listed.st_size, listed.st_mtime_ns)
    return found


def _linked_folder(root: Path, path: Path, found: Discovery) -> bool:
    """A symlinked folder is not walked (it may lead anywhere, or in a loop), but said so."""
    if not path.is_symlink():
        return False
    found.skipped.append(Problem(f"{relative_path(root, path)}/", "symlinked folder; not followed"))
    return True


# File systems of the kernel's making: their "files" are devices, processes and
# settings, endless or blocking to read, never documents (a root of "/" meets them).
_PSEUDO_FS = {"proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "securityfs", "debugfs",
              "tracefs", "pstore", "bpf", "mqueue", "hugetlbfs", "configfs", "fusectl", "binfmt_misc",
              "efivarfs", "selinuxfs", "autofs", "rpc_pipefs", "nsfs"}
_SYSTEM_FOLDERS = ("/dev", "/proc", "/sys")


def _system_folder(root: Path, path: Path, found: Discovery) -> bool:
    if str(path) not in _system_folders():
        return False
    found.skipped.append(Problem(f"{relative_path(root, path)}/", "system folder (devices, processes, "
                                                                  "kernel settings); not walked"))
    return True


@functools.cache
def _system_folders() -> frozenset[str]:
    folders = set(_SYSTEM_FOLDERS)
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="surrogateescape") as mounts:
            for line in mounts:
                fields = line.split()
                if len(fields) > 2 and fields[2] in _PSEUDO_FS:
                    folders.add(fields[1].replace("\\040", " "))
    except OSError:
        pass
    return frozenset(folders)


_SPECIAL = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
            (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def _not_a_file(path: str, listed: os.stat_result | None, roots: list[Path]) -> str | None:
    """Why the entry is not read: only regular files, reached directly or by a
    symlink to a regular file inside the roots, are (a link to /etc/passwd or
    /dev/zero is neither a document nor safe to read). `listed` is its lstat, None
    when it is gone."""
    if listed is None:
        return "broken symlink"
    mode = listed.st_mode
    try:
        if stat.S_ISLNK(mode):
            target = Path(path).resolve(strict=True)
            if not target.is_file():
                return "symlink to something that is not a regular file; not followed"
            if not any(target == root or root in target.parents for root in roots):
                return "symlink to a file outside the corpus; not followed"
            return None
    except (OSError, RuntimeError):        # a dangling link, a loop
        return "broken symlink"
    for test, kind in _SPECIAL:
        if test(mode):
            return f"not a regular file ({kind})"
    return None


def unreadable_folder(root: Path, folder: Path) -> Problem:
    return Problem(f"{relative_path(root, folder)}/", "unreadable folder (its files cannot be listed)")


def _readable_root(root: Path) -> Path:
    """The root, resolved; a missing or unreadable one stops the run before anything is removed."""
    resolved = root.resolve()
    try:
        if resolved.is_dir():
            os.listdir(resolved)
        elif not resolved.is_file():
            raise CorpusMissing(f"corpus root {root} does not exist (not mounted?); "
                                "the index is left as it was")
    except OSError as exc:
        raise CorpusMissing(f"corpus root {root} is not readable ({exc.strerror}); "
                            "the index is left as it was") from None
    return resolved


def check_removals(known: Iterable[str], found: list[tuple[Path, str]], max_removal: float) -> None:
    """Refuse a run that would remove more than max_removal of the indexed files."""
    known = set(known)
    removed = len(known - {path for _, path in found})
    if known and removed > max_removal * len(known):
        raise TooManyRemovals(f"this run would remove {removed} of the {len(known)} indexed files "
                              "(a root emptied or not mounted?); the index is left as it was. "
                              "Pass --yes to proceed, or raise max_removal in the configuration")


@functools.lru_cache(maxsize=16)
def _matcher(patterns: tuple[str, ...]) -> Callable[[str, str], bool]:
    """Whether a name, or a path relative to its root, matches one of the patterns
    (fnmatch's rules, as one expression: a pattern at a time was most of discovery)."""
    if not patterns:
        return lambda name, rel: False
    rx = re.compile("|".join(fnmatch.translate(p) for p in patterns))
    return lambda name, rel: rx.match(name) is not None or rx.match(rel) is not None


def relative_path(root: Path, path: Path) -> str:
    return shown_name(path.relative_to(root).as_posix())


def shown_name(name: str) -> str:
    """A file name as text that can be stored, searched and printed.

    Names are bytes; one that is not UTF-8 (common in folders unpacked from GBK
    zips) arrives with surrogate escapes, which neither the index nor a terminal
    takes. Its odd bytes are shown as \\xNN; the file itself is still reached by
    its real name, the manifest key.
    """
    return os.fsencode(name).decode("utf-8", "backslashreplace")


# --- extraction, one file at a time (runs in worker processes) --------------

_builder: Builder | None = None


@dataclass
class Extracted:
    key: str                       # the file's absolute path: its manifest key
    rel: str
    records: list[Record]
    problem: Problem | None = None
    skip: bool = False             # the problem means "not a document", not "failed"
    state: FileState | None = None


def extract_file(item: tuple[Path, Path], builder: Builder | None = None) -> Extracted:
    """Read, hash and extract one file; every problem becomes a one-line reason."""
    from indexer.read import parse, read_bytes

    root, path = item
    rel = relative_path(root, path)
    try:
        build = builder or _builder
        assert build is not None       # readers() sets the workers' builder
        data = read_bytes(path)
        state = file_state(root, path, rel, data)
        records = [build.build(raw, rel) for raw in parse(path, data)]
        state.ids = [r.id for r in records]
        return Extracted(str(path), rel, records, state=state)
    except NotADocument as exc:
        known = _state_or_none(root, path, rel)
        if known:
            known.skipped = str(exc)
        return Extracted(str(path), rel, [], Problem(rel, str(exc)), True, known)
    except ReadError as exc:
        return Extracted(str(path), rel, [], Problem(rel, str(exc)))
    except OSError as exc:
        return Extracted(str(path), rel, [], Problem(rel, f"unreadable: {exc.strerror or exc}"))
    except MemoryError:            # over the memory budget: the worker reports it and is replaced
        raise
    except Exception as exc:  # a bug on one file must not stop the run
        return Extracted(str(path), rel, [], Problem(rel, f"internal error: {type(exc).__name__}: {exc}"))


def extract_failed(item: tuple[Path, Path], reason: str) -> Extracted:
    """A file whose reading ran out of time or memory, or crashed its worker."""
    rel = relative_path(*item)
    return Extracted(str(item[1]), rel, [], Problem(rel, reason))


def readers(builder: Builder | None = None, count: int = 1, budget: Budget | None = None,
            stop: Callable[[], bool] = lambda: False) -> Readers:
    """Worker processes that extract files, each under the budget (see indexer/budget.py)."""
    from indexer.extract.build import Builder

    global _builder
    _builder = builder or _builder or Builder()    # made once here, inherited by the forked workers
    return Readers(extract_file, extract_failed, count, budget or Budget(), stop)


def unread_parts(item: Extracted) -> list[Problem]:
    """A line for each part of a file's documents that was not indexed ("3 pages need OCR …")."""
    return [Problem(item.rel, line) for record in item.records for line in record.provenance.get("unread", [])]


def claim_ids(records: list[Record], taken: Callable[[str], bool]) -> list[str]:
    """Give each record an id no other indexed file holds; returns the ids.

    Ids come from paths (or are stated in the file), and a moved file keeps the
    id of its old path, so a new file at that path, or two files stating one
    id, would share it, and replacing one would silently drop the other.
    """
    mine: set[str] = set()
    for record in records:
        base, n = record.id, 0
        while record.id in mine or taken(record.id):
            n += 1
            record.id = make_id(f"{base}#{n}")
        mine.add(record.id)
    return [record.id for record in records]


def _state_or_none(root: Path, path: Path, rel: str) -> FileState | None:
    try:
        return file_state(root, path, rel)
    except OSError:
        return None


def inspect_file(path: Path, store: Store | None = None) -> list[Record]:
    """The records one file would yield, before statuses that depend on other versions,
    with the ids `stdidx index` gives it: those the store holds for it, else those from
    its path under the store's root that contains it, else as a file indexed on its own."""
    from indexer.extract.build import Builder
    from indexer.read import read_file

    raws = read_file(path)
    root, ids = indexed_as(path, store)
    named = Path(os.path.abspath(path))
    rel = relative_path(root, named if named.is_relative_to(root) else path.resolve())
    builder = Builder()
    records = [builder.build(raw, rel) for raw in raws]
    for record, doc_id in zip(records, ids):
        record.id = doc_id      # settled at indexing time (two files stating one id)
    return records


def indexed_as(path: Path, store: Store | None) -> tuple[Path, list[str]]:
    """The root a file is (or would be) indexed under, and the ids the index holds for it."""
    named, path = Path(os.path.abspath(path)), path.resolve()     # a symlink is indexed by its own name
    try:
        files = store.manifest() if store is not None and store.exists() else None
    except IndexMissing:        # built by another version: its ids may not be this one's
        files = None
    if files is None:
        return path.parent, []
    state = files.get(str(named))
    if state is not None:
        return Path(state.root), state.ids
    assert store is not None            # files came from it
    roots = [Path(r).resolve() for r in store.meta().get("roots", [])]
    under = [r for r in roots if r.is_dir() and (named.is_relative_to(r) or path.is_relative_to(r))]
    return max(under, key=lambda r: len(r.parts)) if under else path.parent, []


def source_file(store: Store, doc_id: str) -> Path | None:
    """The file on disk a record was read from, as the index found it."""
    for key, state in store.manifest().items():
        if doc_id in state.ids:
            return Path(key)
    return None


# --- the whole run -----------------------------------------------------------

def index_corpus(roots: list[Path], store: Store, progress: Progress | None = None,
                 exclude: Iterable[str] = DEFAULT_EXCLUDE, workers: int | None = None,
                 include: Iterable[str] = (), max_removal: float = 1.0,
                 budget: Budget | None = None) -> Summary:
    """Build a fresh index generation from the roots; it replaces the current one on success."""
    with index_writing(store), writer_lock(store.path, "index") as note:
        summary = _build(roots, store, progress, tuple(exclude), tuple(include),
                         workers or min(2, os.cpu_count() or 1), max_removal, budget)
        settle_index(store)
    summary.note = note
    return summary


@contextlib.contextmanager
def index_writing(store: Store) -> Iterator[None]:
    """Reading a file fails per file, inside the run; an OSError that reaches
    here is writing the index failing (a full disk, a read-only folder), after
    the store has put back what was there."""
    if store.path.exists() and not store.path.is_dir():
        raise IndexWriteError(f"the index {store.path} is a file, not a folder")
    try:
        yield
    except OSError as exc:
        raise IndexWriteError(f"cannot write the index at {store.path}: {exc.strerror or exc}; "
                              "it is left as it was") from None


def settle_index(store: Store) -> tuple[int, int]:
    """What depends on other records, settled after every build and reindex under the writer
    lock: attachments take their notice's values, then statuses are brought to today
    (indexer/status.py). Returns how many records changed in each."""
    from indexer.status import refresh_statuses

    inherited = inherit_values(store)
    return inherited, refresh_statuses(store)


def inherit_values(store: Store) -> int:
    """Attachments take their notice's dates and issuers where they state none (indexer/inherit.py)."""
    from datetime import date

    from indexer.extract.fields import mentioned_std_nos
    from indexer.inherit import inherit_from_notices

    changed = inherit_from_notices(store, date.today())
    if changed:
        with store.update() as updater:
            for record in changed:
                updater.upsert(record, mentioned_std_nos(record.text))
    return len(changed)


def _build(roots, store, progress, exclude, include, workers, max_removal, budget) -> Summary:
    from indexer.extract.fields import mentioned_std_nos
    from indexer.status import settle_status, superseded_ids, version_of

    started = time.perf_counter()
    found = discover(roots, exclude, include)
    items = [(root, Path(path)) for root, path in found.files]
    check_removals(_indexed_files(store), found.files, max_removal)
    summary = Summary(files=len(items) + len(found.skipped), skipped=list(found.skipped),
                      failed=found.failed())
    versions: list[Version] = []
    files: dict[str, FileState] = {}
    ids: set[str] = set()
    with tempfile.TemporaryFile(dir=_spool_dir(store)) as spool, \
            readers(count=workers if len(items) >= 50 else 1, budget=budget) as pool:
        # Phase 1: extract everything, spooling records to disk so memory
        # stays flat, and keep the little each needs for lineage.
        for done, item in enumerate(pool.map(items), 1):
            if progress:
                progress(done, len(items), item.rel)
            if item.state:
                files[item.key] = item.state
            if item.problem:
                (summary.skipped if item.skip else summary.failed).append(item.problem)
                continue
            summary.unread.extend(unread_parts(item))
            item.state.ids = claim_ids(item.records, ids.__contains__)
            ids.update(item.state.ids)
            for record in item.records:
                pickle.dump(record, spool, protocol=pickle.HIGHEST_PROTOCOL)
                versions.append(version_of(record))
                summary.warned += [Problem(item.rel, w) for w in record.provenance.get("warnings", [])]
        # Phase 2: statuses that depend on the other versions of a work (indexer/status.py).
        superseded = superseded_ids(versions)
        # Phase 3: write a new index generation.
        spool.seek(0)
        meta = {"roots": [str(Path(r).resolve()) for r in roots], "exclude": list(exclude),
                "include": list(include)}
        with store.build(meta, procs=workers) as writer:
            writer.files = files
            for _ in versions:
                record = settle_status(pickle.load(spool), superseded)
                writer.add(record, mentioned_std_nos(record.text))
                summary.indexed += 1
                summary.text_bytes += len(record.text.encode("utf-8"))
    summary.seconds = time.perf_counter() - started
    return summary


def replaced_roots(store: Store, roots: list[Path]) -> tuple[list[str], list[str]]:
    """The roots of the index a build from `roots` would replace, when they are other ones
    (else none), and the new roots, absolute. A missing root is an error first: nothing is
    replaced by nothing."""
    new = [str(_readable_root(Path(r))) for r in roots]
    old = store.meta().get("roots", []) if store.exists() else []
    return (old if sorted(old) != sorted(new) else []), new


def only_bundled(roots: list[str]) -> bool:
    """The roots of the demo index a first search builds: nobody's work to lose."""
    return roots == [str(corpus_dir().resolve())]


def _indexed_files(store: Store) -> Iterable[str]:
    try:
        return store.manifest().keys()
    except IndexMissing:           # none yet, or one of another version: nothing to lose
        return ()


def _spool_dir(store: Store) -> str:
    store.path.mkdir(parents=True, exist_ok=True)
    return str(store.path)
