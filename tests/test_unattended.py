"""Unattended reindexing: nothing lost, nothing leaked, nothing stalled.

Real folders, real indexes on disk and real processes; each test is one way a
nightly run over a folder people fill by hand went wrong.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run
from indexer.index.store import Store
from indexer.index.schema import unpack


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def notice(path: Path, title: str, day: str = "2024年3月15日") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n镝和铽的开采指标按计划执行。\n工业和信息化部\n{day}\n", encoding="utf-8")


def records(index: Path) -> list:
    with Store(index).open().searcher() as searcher:
        return [unpack(fields["record"]) for fields in searcher.all_stored_fields()]


def state(index: Path) -> list[tuple]:
    """What a search can tell apart, ids aside: paths, texts, statuses."""
    return sorted((r.path, r.text, r.status) for r in records(index))


def fresh_build(root: Path, tmp_path: Path) -> list[tuple]:
    index = tmp_path / "fresh"
    shutil.rmtree(index, ignore_errors=True)
    assert run("index", root, "--index", index).exit_code == 0
    return state(index)


# --- 1. ids are unique per indexed file ---------------------------------------

def test_rename_then_new_file_under_the_old_name_keeps_both(tmp_path):
    root, index = tmp_path / "c", tmp_path / "ix"
    notice(root / "a.txt", "关于甲的通知")
    notice(root / "other.txt", "关于乙的通知")
    assert run("index", root, "--index", index).exit_code == 0
    (root / "a.txt").rename(root / "b.txt")
    assert run("reindex", "--index", index).exit_code == 0
    notice(root / "a.txt", "关于丙的通知")
    assert run("reindex", "--index", index).exit_code == 0
    ids = [r.id for r in records(index)]
    assert len(ids) == 3 and len(set(ids)) == 3
    assert state(index) == fresh_build(root, tmp_path)
    (root / "a.txt").write_text("关于丁的通知\n镝。\n工业和信息化部\n2024年3月16日\n", encoding="utf-8")
    assert run("reindex", "--index", index).exit_code == 0
    assert len({r.id for r in records(index)}) == 3
    assert state(index) == fresh_build(root, tmp_path)
    assert run("reindex", "--index", index).stdout == ""


def test_files_stating_the_same_id_get_one_each(tmp_path):
    root, index = tmp_path / "c", tmp_path / "ix"
    root.mkdir()
    for name in ("one.xml", "two.xml"):
        (root / name).write_text(f"<record><id>same</id><title>{name}</title><text>镝</text></record>",
                                 encoding="utf-8")
    assert run("index", root, "--index", index).exit_code == 0
    assert len({r.id for r in records(index)}) == 2
    (root / "one.xml").unlink()
    assert run("reindex", "--index", index).exit_code == 0
    assert [r.path for r in records(index)] == ["two.xml"]


def test_same_dated_versions_settle_as_a_fresh_build_does(tmp_path):
    root, index = tmp_path / "c", tmp_path / "ix"
    root.mkdir()

    def version(name: str, edition: str) -> None:
        (root / name).write_text(
            f"<record><title>稀土金属 {edition}</title><doc_type>standard</doc_type>"
            f"<issued precision=\"day\">2020-01-01</issued><status>in_force</status>"
            f"<std_no>XB/T 1-{edition}</std_no><work>XB/T 1</work><text>镝</text></record>", encoding="utf-8")

    version("m.xml", "2019")
    version("z.xml", "2020")
    assert run("index", root, "--index", index).exit_code == 0
    (root / "z.xml").rename(root / "a.xml")       # the id of z.xml moves to a.xml
    assert run("reindex", "--index", index).exit_code == 0
    assert state(index) == fresh_build(root, tmp_path)


# --- 2. a missing, unmounted or emptied root changes nothing -------------------

@pytest.fixture
def indexed(tmp_path):
    root, index = tmp_path / "c", tmp_path / "ix"
    for n in range(4):
        notice(root / f"n{n}.txt", f"关于第{n}号的通知")
    assert run("index", root, "--index", index).exit_code == 0
    return root, index


def test_missing_root_is_an_error_and_the_index_is_kept(indexed):
    root, index = indexed
    root.rename(root.with_name("unmounted"))
    result = run("reindex", "--index", index)
    assert result.exit_code == 2
    assert result.stderr.startswith("stdidx: error: corpus root ") and "does not exist" in result.stderr
    assert len(records(index)) == 4


def test_configured_root_that_does_not_exist_is_an_error(indexed, tmp_path):
    _, index = indexed
    config = tmp_path / "config" / "stdidx" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'roots = ["{tmp_path / "nowhere"}"]\n', encoding="utf-8")
    for command in (["index"], ["reindex"], ["reindex", "--full"]):
        result = run(*command, "--index", index)
        assert result.exit_code == 2 and "does not exist" in result.stderr, command
    assert len(records(index)) == 4


@pytest.mark.parametrize("command", [["reindex"], ["reindex", "--full"], ["index", "ROOT"]])
def test_emptied_root_needs_yes(indexed, command):
    root, index = indexed
    for path in root.iterdir():
        path.unlink()
    command = [str(root) if part == "ROOT" else part for part in command]
    result = run(*command, "--index", index)
    assert result.exit_code == 2 and "would remove 4 of the 4 indexed files" in result.stderr
    assert "--yes" in result.stderr and len(records(index)) == 4
    assert run(*command, "--index", index, "--yes").exit_code == 0
    assert records(index) == []


def test_max_removal_in_the_configuration(indexed, tmp_path):
    root, index = indexed
    config = tmp_path / "config" / "stdidx" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("max_removal = 0.2\n", encoding="utf-8")
    (root / "n0.txt").unlink()
    assert run("reindex", "--index", index).exit_code == 2      # 1 of 4 is more than 0.2
    config.write_text("max_removal = 1\n", encoding="utf-8")
    for path in root.iterdir():
        path.unlink()
    assert run("reindex", "--index", index).exit_code == 0 and records(index) == []
    config.write_text('max_removal = "all"\n', encoding="utf-8")
    result = run("reindex", "--index", index)
    assert result.exit_code == 2 and "max_removal must be a number from 0 to 1" in result.stderr


# --- 3. configuration edits never lose each other -----------------------------

def test_parallel_watch_add_keeps_every_saved_search(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))     # for the processes and the listing
    processes = [subprocess.Popen([sys.executable, "-m", "indexer", "watch", "add", f"w{n}", "镝"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for n in range(12)]
    assert [p.wait(timeout=120) for p in processes] == [0] * 12
    listed = run("watch", "list").stdout
    assert all(f"w{n} " in listed for n in range(12)), listed
    assert not [p.name for p in (tmp_path / "config" / "stdidx").iterdir() if p.name.endswith(tuple("0123456789"))]


# --- 4. file names that are not UTF-8 -----------------------------------------

GBK_NAME = "关于".encode("gbk")             # b"\xb9\xd8\xd3\xda", as unpacked from a GBK zip


def test_names_that_are_not_utf8_are_indexed_and_shown_escaped(tmp_path):
    root, index = tmp_path / "c", tmp_path / "ix"
    notice(root / "ok.txt", "关于钬的通知")
    folder = os.fsencode(root)
    for suffix, data in ((b".txt", "关于镝的通知\n镝。\n工业和信息化部\n2024年3月15日\n".encode()),
                         (b".pptx", b"PK\x03\x04"), (b".html", b"")):
        with open(folder + b"/" + GBK_NAME + suffix, "wb") as handle:
            handle.write(data)
    result = run("index", root, "--index", index)
    assert result.exit_code == 0, result.output
    assert "skipped  \\xb9\\xd8\\xd3\\xda.pptx: unsupported file type" in result.stdout
    assert sorted(r.path for r in records(index)) == ["\\xb9\\xd8\\xd3\\xda.txt", "ok.txt"]
    assert len(list(index.glob("gen-*"))) == 1
    for _ in range(2):
        assert run("reindex", "--index", index).exit_code == 0
    os.rename(folder + b"/" + GBK_NAME + b".txt", folder + b"/" + GBK_NAME + b"2.txt")
    result = run("reindex", "--index", index)
    assert result.exit_code == 0 and "1 moved" in result.stdout
    assert state(index) == fresh_build(root, tmp_path)


def test_a_root_whose_name_is_not_utf8(tmp_path):
    root = Path(os.fsdecode(os.fsencode(tmp_path) + b"/" + GBK_NAME))
    notice(root / "a.txt", "关于钬的通知")
    index = tmp_path / "ix"
    assert run("index", root, "--index", index).exit_code == 0
    notice(root / "b.txt", "关于镝的通知")
    result = run("reindex", "--index", index)
    assert result.exit_code == 0 and "1 added" in result.stdout


# --- 5. unreadable files and folders ------------------------------------------

def process(*args, before: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """Run stdidx in its own process, which a hang cannot take the test run down with."""
    command = [*before, sys.executable, "-m", "indexer", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def unprivileged(*args) -> subprocess.CompletedProcess:
    """Run stdidx where permissions apply: root reads everything, so drop that power."""
    if os.geteuid() != 0:
        return process(*args)
    if not shutil.which("setpriv"):
        pytest.skip("needs setpriv to test permissions as root")
    powers = "-dac_override,-dac_read_search"
    return process(*args, before=("setpriv", f"--inh-caps={powers}", f"--bounding-set={powers}"))


def test_unreadable_file_and_folder_are_one_line_each(indexed):
    root, index = indexed
    notice(root / "locked" / "inside.txt", "关于锁定的通知")
    notice(root / "secret.txt", "关于秘密的通知")
    assert run("reindex", "--index", index).exit_code == 0
    notice(root / "new.txt", "关于新的通知")
    notice(root / "fresh-secret.txt", "关于新秘密的通知")
    (root / "secret.txt").write_text("changed", encoding="utf-8")
    for path in (root / "secret.txt", root / "fresh-secret.txt", root / "locked"):
        path.chmod(0)
    try:
        result = unprivileged("reindex", "--index", index)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        lines = result.stdout.splitlines()
        assert "  failed   locked/: unreadable folder (its files cannot be listed)" in lines
        assert "  failed   secret.txt: unreadable: Permission denied (previous version kept)" in lines
        assert "  failed   fresh-secret.txt: unreadable: Permission denied" in lines
        assert "1 added, 0 updated, 0 moved, 0 removed, 3 failed" in lines[0]
        paths = {r.path for r in records(index)}
        assert {"locked/inside.txt", "secret.txt", "new.txt"} <= paths
        built = unprivileged("index", root, "--index", index.parent / "fresh")
        assert built.returncode == 1 and "  failed   locked/: unreadable folder" in built.stdout
    finally:
        for path in (root / "secret.txt", root / "fresh-secret.txt", root / "locked"):
            path.chmod(0o755)
    assert run("reindex", "--index", index).exit_code == 0
    assert state(index) == fresh_build(root, index.parent)


# --- 6. killing the main process of index -------------------------------------

def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return False


def holds_lock(pid: int) -> bool:
    try:
        return any(os.readlink(fd).endswith(".writer.lock") for fd in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
def test_killing_only_the_main_index_process_frees_the_lock(tmp_path):
    import signal
    import time

    root, index = tmp_path / "c", tmp_path / "ix"
    for n in range(600):
        notice(root / f"b{n % 9}" / f"n{n:04d}.txt", f"关于第{n}号稀土指标的通知")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    main = subprocess.Popen([sys.executable, "-m", "indexer", "index", root, "--index", index],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(workers := children(main.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert workers, "the build finished before its workers were seen"
    # A worker closes its copy of the lock as it starts, a moment after the fork.
    deadline = time.monotonic() + 5
    while any(map(holds_lock, workers)) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not any(map(holds_lock, workers)), "workers kept the writer lock"
    main.send_signal(signal.SIGKILL)             # the main process alone, as the OOM killer does
    main.wait()
    deadline = time.monotonic() + 10
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(alive, workers)), "workers outlived their parent"
    again = subprocess.run([sys.executable, "-m", "indexer", "index", root, "--index", index],
                           env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr


# --- 7. a full disk, and builds killed part way -------------------------------

def long_notices(root: Path, numbers: range) -> None:
    for n in numbers:
        notice(root / f"b{n % 5}" / f"n{n}.txt", f"关于第{n}号稀土指标的通知" + "镝和铽的开采指标按计划执行。" * 40)


def listing(index: Path) -> dict[str, int]:
    return {str(p.relative_to(index)): p.stat().st_size for p in index.rglob("*") if p.is_file()}


def with_small_disk(*args) -> subprocess.CompletedProcess:
    """Run stdidx where no file may grow past 150 kB: writes fail as on a full disk."""
    import resource
    import signal

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # fail the write instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (150_000, 150_000))

    return subprocess.run([sys.executable, "-m", "indexer", *map(str, args)], preexec_fn=limit,
                          capture_output=True, text=True, timeout=300)


def test_a_build_whose_writer_processes_fail_fails_instead_of_losing_documents(tmp_path):
    from indexer.record import Record

    store = Store(tmp_path / "ix")
    with pytest.raises(OSError, match="a writer process failed: 0 of 300 documents written"):
        with store.build({}, procs=2) as builder:
            builder.writer.subargs = {"codec": "no codec"}   # each sub-writer fails as it starts
            for n in range(300):
                builder.add(Record(id=f"d{n}", path=f"{n}.txt", title=f"稀土{n}", text="稀土" * 50), [])
    assert not list((tmp_path / "ix").glob("gen-*"))   # nothing half-built is left


def test_a_writer_process_that_fails_prints_no_traceback(tmp_path, capfd):
    from whoosh import index as whoosh_index

    from indexer.index.parallel import ParallelWriter
    from indexer.index.schema import make_schema

    ix = whoosh_index.create_in(str(tmp_path), make_schema())
    writer = ParallelWriter(ix, procs=2, subargs={"codec": "no codec"})   # each fails as it starts
    for n in range(300):
        writer.add_document(id=f"d{n}", path=f"{n}.txt", title=f"稀土{n}")
    writer.commit()
    assert [task.exitcode for task in writer.tasks] == [1, 1]
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize("command", [["reindex"], ["index", "ROOT"]])
def test_a_failed_write_leaves_the_index_as_it_was_and_one_line(tmp_path, command):
    root, index = tmp_path / "c", tmp_path / "ix"
    long_notices(root, range(200))
    assert run("index", root, "--index", index).exit_code == 0
    before = listing(index)
    long_notices(root, range(200, 500))
    result = with_small_disk(*[root if part == "ROOT" else part for part in command], "--index", index)
    assert result.returncode == 1
    assert result.stderr.startswith("stdidx: error: cannot write the index at ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert listing(index) == before
    assert run("reindex", "--index", index).exit_code == 0
    assert state(index) == fresh_build(root, tmp_path)


def test_generations_left_by_a_killed_build_are_removed_by_the_next_run(tmp_path):
    import signal
    import time

    root, index = tmp_path / "c", tmp_path / "ix"
    long_notices(root, range(300))
    assert run("index", root, "--index", index).exit_code == 0
    current = set(index.glob("gen-*"))
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    build = subprocess.Popen([sys.executable, "-m", "indexer", "index", root, "--index", index],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
    deadline = time.monotonic() + 120
    while set(index.glob("gen-*")) == current and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    partial = set(index.glob("gen-*")) - current
    assert partial, "the build finished before its generation was seen"
    assert run("reindex", "--index", index).exit_code == 0
    assert set(index.glob("gen-*")) == current


# --- 8. ordinary mistakes are one line, never a traceback ---------------------

def one_line_error(result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    assert result.stderr.startswith("stdidx: error: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


@pytest.mark.parametrize("query, reason", [
    ("NOT NOT 稀土", "operators without words"),
    ("(" * 1000 + "稀土" + ")" * 1000, "nested more than"),
])
def test_odd_queries_are_usage_errors(indexed, query, reason):
    _, index = indexed
    assert reason in one_line_error(run("search", query, "--index", index))


@pytest.mark.parametrize("text, reason", [
    (b'roots = ["\xff"]\n', "not UTF-8 text"),
    (b'[watch.a]\nquery = "x"\nissuer = 5\n', "issuer must be a string or a list of strings"),
    (b'[watch.a]\nquery = "x"\nsince = 2024-01-01\n', "since must be a string"),
    (b'file_seconds = 0\n', "file_seconds must be a positive number, got 0"),
    (b'file_memory_mb = "lots"\n', "file_memory_mb must be a positive number"),
])
def test_bad_configuration_is_refused_at_load(tmp_path, text, reason):
    config = tmp_path / "config" / "stdidx" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_bytes(text)
    assert reason in one_line_error(run("watch", "list"))


def test_an_index_path_that_is_a_file(indexed, tmp_path):
    root, _ = indexed
    (tmp_path / "afile").write_text("x")
    assert "is a file, not a folder" in one_line_error(run("index", root, "--index", tmp_path / "afile"), 1)


def test_a_read_only_index_for_reindex(indexed):
    root, index = indexed
    notice(root / "new.txt", "关于新的通知")
    modes = {path: path.stat().st_mode for path in [index, *index.rglob("*")]}
    for path in modes:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        result = unprivileged("reindex", "--index", index)
    finally:
        for path, mode in modes.items():
            path.chmod(mode)
    assert result.returncode == 1 and result.stderr.startswith("stdidx: error: cannot write the index")
    assert result.stderr.count("\n") == 1 and len(records(index)) == 4


@pytest.mark.parametrize("args", [
    ["show", b"\xff"], ["watch", "add", b"\xff", "镝"], ["watch", "add", "n", b"\xff"],
    ["export", "--format", "bulk", "--bulk-index", b"\xff"], ["search", "镝", "--issuer", b"\xfe"],
])
def test_arguments_that_are_not_utf8(indexed, args):
    _, index = indexed
    args = [os.fsdecode(a) if isinstance(a, bytes) else a for a in args]
    extra = [] if args[0] == "watch" else ["--index", index]
    assert "is not valid UTF-8 text" in one_line_error(run(*args, *extra))


def test_impossible_stated_date_is_a_warning(tmp_path):
    root, index = tmp_path / "c", tmp_path / "ix"
    root.mkdir()
    (root / "r.xml").write_text('<record><title>稀土通知</title><issued precision="day">2024-02-30</issued>'
                                "<text>镝</text></record>", encoding="utf-8")
    result = run("index", root, "--index", index)
    assert result.exit_code == 0 and "warnings 1" in result.stdout
    [record] = records(index)
    assert record.issued is None
    assert "stated issued '2024-02-30' is not a date; ignored" in record.provenance["warnings"]


def test_two_first_searches_on_a_missing_index_both_answer(tmp_path):
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("STDIDX_INDEX", None)
    searches = [subprocess.Popen([sys.executable, "-m", "indexer", "search", "镝"],
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
    for search in searches:
        out, err = search.communicate(timeout=300)
        assert search.returncode == 0, err
        assert "镝" in out


# --- 9. symlinks out of the corpus, and files that are not files --------------

def test_only_regular_files_inside_the_roots_are_read(tmp_path):
    root, index, outside = tmp_path / "c", tmp_path / "ix", tmp_path / "outside"
    notice(root / "ok.txt", "关于钬的通知")
    notice(outside / "secret.txt", "关于秘密镝的通知")
    links = {"passwd.txt": Path("/etc/passwd"), "status.txt": Path("/proc/self/status"),
             "secret.txt": outside / "secret.txt", "same.txt": Path("ok.txt"),
             "dangling.txt": Path("nowhere"), "zero.txt": Path("/dev/zero"), "linked": outside}
    for name, target in links.items():
        (root / name).symlink_to(target)
    os.mkfifo(root / "pipe.txt")
    result = process("index", root, "--index", index)       # reading the pipe would block for ever
    assert result.returncode == 0, result.stderr
    assert sorted(r.path for r in records(index)) == ["ok.txt", "same.txt"]
    lines = result.stdout.splitlines()
    for name in ("passwd.txt", "status.txt", "secret.txt"):
        assert f"  skipped  {name}: symlink to a file outside the corpus; not followed" in lines
    assert "  skipped  dangling.txt: broken symlink" in lines
    assert "  skipped  zero.txt: symlink to something that is not a regular file; not followed" in lines
    assert "  skipped  pipe.txt: not a regular file (a named pipe)" in lines
    assert "  skipped  linked/: symlinked folder; not followed" in lines
    assert run("reindex", "--index", index).stdout == ""


# --- 11. control characters never reach the terminal --------------------------

def test_names_and_titles_cannot_forge_lines_or_drive_the_terminal(tmp_path):
    root, index = tmp_path / "c", tmp_path / "ix"
    root.mkdir()
    (root / "bad\n  failed   forged.xml: evil.xml").write_text("<record><title>x", encoding="utf-8")
    (root / "t.html").write_text("<html><head><title>关于镝&#x1b;]0;pwned&#x07;的通知&#x1b;[2J</title></head>"
                                 "<body><p>镝和铽的开采指标按计划执行。&#x1b;[31m</p></body></html>", encoding="utf-8")
    result = run("index", root, "--index", index)
    assert result.exit_code == 1
    assert len([line for line in result.stdout.splitlines() if line.startswith("  failed")]) == 1
    assert "bad\\n  failed   forged.xml: evil.xml: malformed XML" in result.stdout
    [record] = records(index)
    shown = run("search", "镝", "--index", index).stdout + run("show", record.id, "--index", index).stdout
    assert "\x1b" not in shown and "\x07" not in shown and "\\x1b]0;pwned\\x07" in shown
    (root / "t.html").unlink()
    (root / "also\nforged.xml").write_text("<record><title>x", encoding="utf-8")
    reindexed = run("reindex", "--index", index, "--yes")
    assert "also\\nforged.xml: malformed XML" in reindexed.stdout
    assert len(reindexed.stdout.splitlines()) == 3          # the summary and two failed files


def test_an_error_naming_a_file_is_one_line(tmp_path):
    path = tmp_path / "bad\nstdidx: error: forged.xml"
    path.write_text("<record><title>x", encoding="utf-8")
    result = run("inspect", path)
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert "bad\\nstdidx: error: forged.xml: malformed XML" in result.stderr


# --- 12. formulas hidden behind invisible or full-width characters ------------

@pytest.mark.parametrize("value", ["\u200b=1+1", "\ufeff=1+1", " =1+1", "\u3000@SUM(A1)", "＝1+1", "＋1", "＠x",
                                   "\u2060\u00a0－1"])
def test_hidden_formulas_are_neutralised(value):
    from indexer.export.cells import neutralised

    assert neutralised(value) == "'" + value


def test_csv_export_neutralises_hidden_formulas_in_every_cell(tmp_path):
    import csv
    import io

    root, index = tmp_path / "c", tmp_path / "ix"
    root.mkdir()
    (root / "r.xml").write_text(
        "<record><title>\u200b=HYPERLINK(\"http://x.test\")</title><issuers><issuer>＝cmd|' /c calc'!A0</issuer>"
        "</issuers><doc_no>＠SUM(1)</doc_no><text>镝</text></record>", encoding="utf-8")
    assert run("index", root, "--index", index).exit_code == 0
    exported = run("export", "--index", index, "--format", "csv", "--no-bom").stdout
    [row] = list(csv.DictReader(io.StringIO(exported)))
    for name in ("title", "issuers", "doc_no"):
        assert row[name].startswith("'"), (name, row[name])


# --- 10. a DTD is refused in any encoding -------------------------------------

DTDS = {
    "system": '<!DOCTYPE record SYSTEM "file:///etc/passwd">',
    "public": '<!DOCTYPE record PUBLIC "-//X//EN" "http://x.test/r.dtd">',
    "entity": '<!DOCTYPE record [<!ENTITY a "镝镝镝">]>',
    "parameter": '<!DOCTYPE record [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>',
}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_dtds_are_refused_after_decoding(tmp_path, encoding):
    root, index = tmp_path / "c", tmp_path / "ix"
    root.mkdir()
    bom = "" if encoding in ("utf-16", "utf-32") else "\ufeff"
    for name, dtd in DTDS.items():
        (root / f"{name}.xml").write_bytes((f'{bom}<?xml version="1.0" encoding="{encoding[:6].upper()}"?>'
                                            f"{dtd}<record><title>稀土</title><text>镝</text></record>")
                                           .encode(encoding))
    (root / "fine.xml").write_bytes(f"{bom}<record><title>稀土</title><text>镝</text></record>".encode(encoding))
    result = run("index", root, "--index", index)
    for name in DTDS:
        assert f"  failed   {name}.xml: XML declares a DTD or entities; refused" in result.stdout, result.stdout
    assert [r.path for r in records(index)] == ["fine.xml"]


# --- 13. no super-linear reading ----------------------------------------------

@pytest.mark.parametrize("text", [
    "# 标题" + " " * 2000 + "x\n正文\n",
    "# 标题" + "\u3000" * 3000 + "x\n正文\n",
    "# 标题\n" + "<!--" * 100_000 + "\n",
    "# 标题\n" + "[" * 100_000 + "\n",
    "# 标题\n" + "[x](" * 100_000 + "\n",
    "# 标题\n" + ">" * 200_000 + " x\n" + "".join(">" * i + " x\n" for i in range(1500)),
    "# 标题\n" + "**a " * 100_000 + "\n",
])
def test_markdown_is_read_in_linear_time(tmp_path, text):
    path = tmp_path / "hostile.md"
    path.write_text(text, encoding="utf-8")
    # Linear reading takes well under a second; the old patterns took from 14 s to hours.
    result = subprocess.run([sys.executable, "-m", "indexer", "inspect", path, "--format", "json"],
                            capture_output=True, text=True, timeout=15)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"].startswith("标题")


def budgeted(tmp_path, **settings) -> None:
    config = tmp_path / "config" / "stdidx" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("".join(f"{key} = {value}\n" for key, value in settings.items()), encoding="utf-8")


def slow_markdown(path: Path, marks: int) -> None:
    """Markdown that takes about 4 µs per mark to read: linear, but as long as needed."""
    path.write_text("# 标题\n" + "**a " * marks + "\n", encoding="utf-8")


def test_each_file_is_read_under_a_time_and_memory_budget(tmp_path):
    root, index = tmp_path / "c", tmp_path / "ix"
    notice(root / "ok.txt", "关于钬的通知")
    slow_markdown(root / "slow.md", 600_000)
    (root / "huge.html").write_text("<html><body><h1>标题</h1>" + "<p>镝</p>" * 300_000 + "</body></html>",
                                    encoding="utf-8")
    budgeted(tmp_path, file_seconds=1, file_memory_mb=64)
    result = process("index", root, "--index", index)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "  failed   huge.html: needs more than 64 MB of memory to read; stopped",
        "  failed   slow.md: took longer than 1 s to read; stopped"]
    assert [r.path for r in records(index)] == ["ok.txt"]
    notice(root / "new.txt", "关于镝的通知")
    result = process("reindex", "--index", index)
    assert result.returncode == 1 and "1 added" in result.stdout and "2 failed" in result.stdout


def test_sigterm_stops_a_reindex_within_seconds_whatever_it_reads(tmp_path):
    import signal
    import time

    root, index = tmp_path / "c", tmp_path / "ix"
    notice(root / "ok.txt", "关于钬的通知")
    assert run("index", root, "--index", index).exit_code == 0
    slow_markdown(root / "slow.md", 8_000_000)          # half a minute of reading
    started = time.monotonic()
    running = subprocess.Popen([sys.executable, "-m", "indexer", "reindex", "--index", index],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(2)
        running.send_signal(signal.SIGTERM)
        _, stderr = running.communicate(timeout=10)
    finally:
        running.kill()
    assert running.returncode == 143, stderr
    assert time.monotonic() - started < 8
    assert "1 changes are left for the next run" in stderr


def test_only_regular_files_are_opened(tmp_path):
    """A name that became a pipe or a device after the folder was listed is not read."""
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    code = ("import sys; from pathlib import Path; from indexer.read import read_bytes; "
            "from indexer.index.manifest import content_hash\n"
            "for name in sys.argv[1:]:\n"
            "    for read in (read_bytes, content_hash):\n"
            "        try: read(Path(name))\n"
            "        except Exception as exc: print(getattr(exc, 'strerror', None) or exc)\n")
    result = subprocess.run([sys.executable, "-c", code, pipe, tmp_path / "zero.txt"],
                            capture_output=True, text=True, timeout=20)
    assert result.stdout.splitlines() == ["unreadable: not a regular file", "not a regular file"] * 2, result.stderr


def test_system_folders_are_not_walked():
    from indexer.pipeline import discover

    found = discover([Path("/")], exclude=[d for d in os.listdir("/") if d not in ("dev", "proc", "sys")])
    assert {p.path for p in found.skipped} >= {"dev/", "proc/", "sys/"}
    assert not [path for _, path in found.files if Path(path).parts[1] in ("dev", "proc", "sys")]


# --- 14. a charset declared wrongly ---------------------------------------------

PAGE = '<html><head><meta charset="{charset}"><title>{title}</title></head><body><p>{body}</p></body></html>'


@pytest.mark.parametrize("declared, written, title, body, note", [
    ("gb2312", "big5", "關於稀土開採總量控制指標的通知", "各有關單位：現將稀土開採總量控制指標下達給你們，請認真執行。",
     "declared charset gb2312 but content is big5"),
    ("iso-8859-1", "gbk", "关于稀土开采总量控制指标的通知", "各有关单位：现将稀土开采总量控制指标下达给你们。",
     "declared charset iso-8859-1 but content is gb18030"),
    ("gb2312", "gbk", "关于稀土开采总量控制指标的通知", "各有关单位：现将稀土开采总量控制指标下达给你们。", None),
])
def test_a_wrongly_declared_charset_is_read_right_with_a_note(tmp_path, declared, written, title, body, note):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=declared, title=title, body=body).encode(written))
    result = run("inspect", path, "--format", "json")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["title"] == title and body[:10] in record["text"]
    repairs = record["provenance"].get("repairs", [])
    assert (note in repairs) if note else not [r for r in repairs if "charset" in r]


@pytest.mark.parametrize("written, text", [
    ("shift_jis", "稀土の採掘に関する通知\n各位、総量規制を実施します。これは日本語の文書です。"),
    ("euc_kr", "희토류 채굴 총량 관리 지표에 관한 통지\n각 관련 기관은 이를 성실히 집행하기 바랍니다."),
    ("big5", "關於稀土開採總量控制指標的通知\n各有關單位：現將稀土開採總量控制指標下達給你們，請認真執行。"),
])
def test_an_undeclared_cjk_encoding_is_read_right_with_a_note(tmp_path, written, text):
    path = tmp_path / "notice.txt"
    path.write_bytes(text.encode(written))
    record = json.loads(run("inspect", path, "--format", "json").stdout)
    assert record["text"] == text
    assert f"no charset declared; content is {written}" in record["provenance"]["repairs"]


def test_gb_text_stays_gb(tmp_path):
    for n, text in enumerate(["关于镝的通知", "关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知\n各省工业和信息化主管部门："]):
        path = tmp_path / f"{n}.txt"
        path.write_bytes(text.encode("gbk"))
        record = json.loads(run("inspect", path, "--format", "json").stdout)
        assert record["text"] == text and not record["provenance"].get("repairs")


# --- 15. smaller losses -------------------------------------------------------

def inspected(path: Path, content: str | bytes) -> dict:
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = run("inspect", path, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_markdown_with_lone_cr_line_ends(tmp_path):
    record = inspected(tmp_path / "mac.md", "# 关于镝的通知\r正文第一行\r正文第二行\r")
    assert record["title"] == "关于镝的通知" and "正文第二行" in record["text"]


@pytest.mark.parametrize("depth, note", [(300, False), (3000, True)])
def test_deeply_nested_html_keeps_its_text(tmp_path, depth, note):
    page = ("<html><body><h1>关于镝的通知</h1>" + "<div>" * depth + "深处的正文" + "</div>" * depth
            + "<p>之后的正文</p></body></html>")
    record = inspected(tmp_path / "deep.html", page)
    assert "深处的正文" in record["text"] and "之后的正文" in record["text"]
    repairs = record["provenance"].get("repairs", [])
    assert bool([r for r in repairs if "nested deeper" in r]) == note


def test_text_after_the_closing_html_tag_is_kept(tmp_path):
    record = inspected(tmp_path / "tail.html", "<html><body><h1>关于镝的通知</h1><p>正文</p></body></html>"
                                               "<p>尾部的正文</p>")
    assert "尾部的正文" in record["text"]


def test_a_10_mb_xml_text_node_is_read(tmp_path):
    record = inspected(tmp_path / "big.xml", "<record><title>稀土</title><text>" + "镝" * 3_500_000 + "</text></record>")
    assert len(record["text"]) == 3_500_000
