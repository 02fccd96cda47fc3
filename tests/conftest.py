"""Shared fixtures: a private home for the session, and one index of the bundled corpus."""
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.cli import cli
from indexer.resources import corpus_dir

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def assert_floors(scorer_output: str, floors: dict[str, float]) -> None:
    """A scorer's "field right/total ratio" lines meet each field's floor."""
    figures = {}
    for line in scorer_output.splitlines():
        field, counts, _ = line.split()
        right, total = map(int, counts.split("/"))
        figures[field] = right / total if total else 1.0
    for field, floor in floors.items():
        assert figures[field] >= floor, f"{field}: {figures[field]:.2%} < {floor:.0%}"


def wait_until_writing(process, index: Path, timeout: float = 60) -> None:
    """Until the stdidx process holds the index's writer lock: its signal handlers are set by
    then, however slowly a loaded machine starts it."""
    deadline = time.monotonic() + timeout
    lock = index / ".writer.lock"
    while not (lock.exists() and f'"pid": {process.pid},' in lock.read_text("utf-8")):
        assert process.poll() is None and time.monotonic() < deadline, "the run never took the writer lock"
        time.sleep(0.02)


def wait_until_reading(process, timeout: float = 60) -> None:
    """Until the stdidx process has started worker processes: it has found its files and
    is reading them, however long finding them took on a loaded machine."""
    deadline = time.monotonic() + timeout
    while not _children(process.pid):
        assert process.poll() is None and time.monotonic() < deadline, "the run never started reading"
        time.sleep(0.02)


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # pid (name) state ppid ...: the name may hold spaces and brackets.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def run(*args: str):
    """Run the CLI in-process; returns click's Result (stdout, stderr, exit_code)."""
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="session", autouse=True)
def private_home(tmp_path_factory):
    """Point every user folder stdidx reads (data, config, cache) at a fresh one.

    The tests must never see the user's own index, saved searches or settings:
    one left by another version of stdidx would fail them, and they must not
    change it. Subprocesses inherit these through os.environ.
    """
    home = tmp_path_factory.mktemp("home")
    patch = pytest.MonkeyPatch()
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        patch.setenv(name, str(home / name.lower()))
    for name in ("STDIDX_INDEX", "STDIDX_CONFIG"):
        patch.delenv(name, raising=False)
    yield home
    patch.undo()


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ix") / "index"
    result = run("index", corpus_dir(), "--index", path)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="session")
def corpus_records(corpus_index) -> list[dict]:
    result = run("export", "--index", corpus_index)
    assert result.exit_code == 0
    return [json.loads(line) for line in result.stdout.splitlines()]
