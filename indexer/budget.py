"""Each file is read in a worker process under a time and a memory budget.

A file that would take minutes (a pathological page), gigabytes (a huge tree) or
crash its reader costs only itself: the worker is stopped or dies, the file gets
one line, and the run goes on with a new worker. The main process only waits, so
it answers SIGINT and SIGTERM within a fraction of a second whatever is being read.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Callable, Generic, Iterable, Iterator, TypeVar

PR_SET_PDEATHSIG = 1               # prctl(2)
TICK = 0.25                        # how often a wait looks at the clock and the stop flag
GRACE = 2.0                        # after a stop is asked for, how long the file at hand may still take

Item = TypeVar("Item")
Result = TypeVar("Result")


@dataclass(frozen=True)
class Budget:
    seconds: float = 30.0          # wall-clock time to read one file
    memory_mb: int = 512           # memory a worker may take on top of what it holds before the file


class Stopped(Exception):
    """A stop was asked for while a file was being read; that file is left for the next run."""


class Readers(Generic[Item, Result]):
    """Worker processes applying `work` to items, each under the budget, results in order.

    `failed(item, reason)` makes the result of an item whose worker ran out of time
    or memory or died. Workers are forked, so `work` need not be picklable; items
    and results are.
    """

    def __init__(self, work: Callable[[Item], Result], failed: Callable[[Item, str], Result],
                 count: int = 1, budget: Budget = Budget(), stop: Callable[[], bool] = lambda: False):
        self.work, self.failed, self.count, self.budget, self.stop = work, failed, count, budget, stop
        self.idle: list[_Worker] = []

    def __enter__(self) -> "Readers[Item, Result]":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for worker in self.idle:
            worker.kill()
        self.idle.clear()

    def one(self, item: Item) -> Result:
        return next(self.map([item]))

    def map(self, items: Iterable[Item]) -> Iterator[Result]:
        pending = enumerate(items)
        busy: dict = {}                       # connection → (worker, position, item, started)
        done: dict[int, Result] = {}
        following, exhausted, stopping = 0, False, None
        try:
            while True:
                if stopping is None and self.stop():
                    stopping = time.monotonic()        # no more files are started
                while not exhausted and stopping is None and len(busy) < self.count:
                    position, item = next(pending, (None, None))
                    if position is None:
                        exhausted = True
                        break
                    worker = self.idle.pop() if self.idle else _Worker(self.work, self.budget)
                    worker.connection.send(item)
                    busy[worker.connection] = (worker, position, item, time.monotonic())
                while following in done:
                    yield done.pop(following)
                    following += 1
                if not busy:
                    if exhausted:
                        return
                    if stopping is not None:
                        raise Stopped()
                    continue
                if stopping is not None and time.monotonic() - stopping > GRACE:
                    raise Stopped()
                for connection in wait(list(busy), TICK):
                    worker, position, item, _ = busy.pop(connection)
                    done[position] = self._collect(worker, item)
                now = time.monotonic()
                for connection, (worker, position, item, started) in list(busy.items()):
                    if now - started > self.budget.seconds:
                        del busy[connection]
                        worker.kill()
                        done[position] = self.failed(item, f"took longer than {self.budget.seconds:g} s "
                                                           "to read; stopped")
        finally:
            for worker, *_ in busy.values():       # abandoned: a stop, an error, a closed generator
                worker.kill()

    def _collect(self, worker: "_Worker", item: Item) -> Result:
        try:
            kind, result = worker.connection.recv()
        except (EOFError, OSError):
            reason = worker.death()
            return self.failed(item, f"reading it stopped its worker ({reason})")
        if kind == "memory":
            worker.kill()
            return self.failed(item, f"needs more than {self.budget.memory_mb} MB of memory to read; stopped")
        self.idle.append(worker)
        return result


class _Worker:
    def __init__(self, work: Callable, budget: Budget):
        context = multiprocessing.get_context("fork")
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs, work, budget.memory_mb, os.getpid()),
                                       daemon=True)
        self.process.start()
        theirs.close()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()

    def death(self) -> str:
        self.process.join(5)
        self.connection.close()
        code = self.process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            return f"killed by {name}" + (", out of memory?" if name == "SIGKILL" else "")
        return f"exit status {code}"


def _serve(connection, work: Callable, memory_mb: int, parent: int) -> None:
    # Ctrl-C and SIGTERM are the main process's to handle; it stops the workers.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    while True:
        try:
            item = connection.recv()
        except (EOFError, OSError):
            os._exit(0)
        _limit_memory(memory_mb)
        try:
            connection.send(("done", work(item)))
        except MemoryError:
            connection.send(("memory", None))
            os._exit(0)


def _limit_memory(memory_mb: int) -> None:
    """Let the worker's address space grow by memory_mb from what it holds now."""
    try:
        import resource

        with open("/proc/self/statm") as statm:
            held = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = held + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    except (ImportError, OSError, ValueError):
        pass                       # not Linux: no memory budget, the time budget still holds


def die_with_parent(parent: int) -> None:
    """A parent killed outright (the OOM killer) takes its workers with it (Linux only)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:     # the parent died before the line above
        os._exit(1)
