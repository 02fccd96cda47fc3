"""Incremental reindexing, and the safety a scheduled job needs, tested with real processes."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import run, wait_until_writing
from indexer.index.store import Store
from indexer.query.parse import Filters
from indexer.query.search import search


def write_corpus(root: Path, count: int, marker: str = "甲", topic: str = "稀土指标") -> None:
    for n in range(count):
        folder = root / f"batch{n % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"notice-{n:04d}.txt").write_text(
            f"关于{topic}第{n}号的通知\n{marker}类事项。镝和铽的开采指标按计划执行。\n工业和信息化部\n2024年3月15日\n",
            encoding="utf-8")


def remark(root: Path, old: str, new: str) -> None:
    for path in root.rglob("*.txt"):
        path.write_text(path.read_text("utf-8").replace(old, new), encoding="utf-8")


def count(index: Path, query: str) -> int:
    return search(Store(index).open(), query, Filters(), limit=1, literal=True).total


def stdidx(*args, env=None, **kwargs):
    # SIGINT acts as in a terminal even when the tests run in the background (which ignores it)
    return subprocess.Popen([sys.executable, "-m", "indexer", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})},
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL), **kwargs)


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    root = tmp_path / "corpus"
    write_corpus(root, 40)
    index = tmp_path / "index"
    assert run("index", root, "--index", index).exit_code == 0
    return root, index


def test_nothing_changed_is_quiet(corpus):
    _, index = corpus
    result = run("reindex", "--index", index)
    assert result.exit_code == 0 and result.stdout == ""


def test_an_index_whose_manifest_is_in_the_first_form_still_knows_its_files(corpus):
    from dataclasses import asdict

    root, index = corpus
    store = Store(index)
    first_form = {key: asdict(state) for key, state in store.manifest().items()}
    (store.generation() / "manifest.json").write_text(json.dumps(first_form), "utf-8")
    assert set(Store(index).manifest()) == set(first_form)
    (root / "batch0" / "notice-0000.txt").write_text("关于钬的通知\n钬。\n", encoding="utf-8")
    result = run("reindex", "--index", index)
    assert result.exit_code == 0 and "0 added, 1 updated, 0 moved, 0 removed" in result.stdout
    written = json.loads((store.generation() / "manifest.json").read_text("utf-8"))
    assert written["format"] == 2 and len(written["files"]) == len(first_form) == 40
    changed, after = str(root / "batch0" / "notice-0000.txt"), Store(index).manifest()
    assert all(asdict(after[key]) == state for key, state in first_form.items() if key != changed)


def test_added_updated_moved_removed(corpus, tmp_path):
    root, index = corpus
    moved_from = root / "batch0" / "notice-0000.txt"
    before = search(Store(index).open(), "关于稀土指标第0号的通知", Filters(), limit=1).hits[0].record
    moved_to = root / "archive" / "notice-0000.txt"
    moved_to.parent.mkdir()
    moved_from.rename(moved_to)
    (root / "batch1" / "notice-0001.txt").unlink()
    (root / "batch2" / "notice-0002.txt").write_text("关于钬铁合金的通知\n钬。\n工业和信息化部\n2025年1月2日\n",
                                                     encoding="utf-8")
    (root / "batch3" / "new.txt").write_text("关于氧化镥的通知\n镥。\n工业和信息化部\n2025年2月3日\n", encoding="utf-8")
    report = tmp_path / "report.json"
    result = run("reindex", "--index", index, "--report", report)
    assert result.exit_code == 0
    assert "1 added, 1 updated, 1 moved, 1 removed, 0 failed" in result.stdout
    data = json.loads(report.read_text("utf-8"))
    assert data["moved"] == [{"from": "batch0/notice-0000.txt", "to": "archive/notice-0000.txt"}]
    assert data["removed"] == ["batch1/notice-0001.txt"] and data["added"] == ["batch3/new.txt"]
    after = search(Store(index).open(), "关于稀土指标第0号的通知", Filters(), limit=1).hits[0].record
    assert after.id == before.id and after.path == "archive/notice-0000.txt"
    assert count(index, "钬铁合金") == 1 and count(index, "氧化镥") == 1
    assert count(index, "关于稀土指标第1号的通知") == 0
    assert Store(index).meta()["count"] == 40


def test_touched_file_is_not_reprocessed(corpus):
    root, index = corpus
    path = root / "batch4" / "notice-0004.txt"
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    result = run("reindex", "--index", index, "--report", root.parent / "r.json")
    assert result.stdout == ""
    assert json.loads((root.parent / "r.json").read_text("utf-8"))["updated"] == []


def test_broken_copy_keeps_indexed_version_and_is_retried(corpus):
    root, index = corpus
    path = root / "batch5" / "notice-0005.txt"
    good = path.read_bytes()
    path.write_bytes(b"\x00\x01binary junk")  # e.g. a download that went wrong
    broken = root / "batch6" / "new.xml"
    broken.write_bytes(b"<record><title>unclosed")
    result = run("reindex", "--index", index)
    assert result.exit_code == 1
    assert "failed   batch5/notice-0005.txt: binary file" in result.stdout
    assert "(previous version kept)" in result.stdout
    assert "failed   batch6/new.xml: malformed XML" in result.stdout
    assert count(index, "关于稀土指标第5号的通知") == 1
    path.write_bytes(good.replace("镝".encode(), "钇".encode()))
    broken.write_text("<record><title>关于氧化钇的通知</title><text>钇</text></record>", encoding="utf-8")
    retried = run("reindex", "--index", index)
    assert retried.exit_code == 0 and "1 added, 1 updated" in retried.stdout
    assert count(index, "关于氧化钇的通知") == 1 and count(index, "钇") == 2


def test_changed_file_that_fails_keeps_previous_version(corpus, tmp_path):
    root, index = corpus
    xml = root / "batch0" / "standard.xml"
    xml.write_text("<record><title>烧结钕铁硼永磁材料</title><std_no>GB/T 13560-2017</std_no>"
                   "<text>钕铁硼</text></record>", encoding="utf-8")
    assert run("reindex", "--index", index).exit_code == 0
    xml.write_text("<record><title>烧结钕铁硼永磁材料", encoding="utf-8")
    result = run("reindex", "--index", index)
    assert result.exit_code == 1 and "(previous version kept)" in result.stdout
    assert count(index, "GB/T 13560-2017") == 1
    again = run("reindex", "--index", index)
    assert again.exit_code == 1, "the broken file is tried again on the next run"


def hold_lock(index: Path, then: str) -> subprocess.Popen:
    code = ("import sys, os, time\nfrom pathlib import Path\nfrom indexer.index.lock import writer_lock\n"
            f"with writer_lock(Path({str(index)!r}), 'reindex'):\n"
            "    print('ready', flush=True)\n"
            f"    {then}\n")
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "ready"
    return process


def test_second_writer_exits_75_naming_the_running_process(corpus):
    root, index = corpus
    holder = hold_lock(index, "time.sleep(30)")
    try:
        for command in (["reindex"], ["index", root]):
            second = stdidx(*command, "--index", index)
            _, err = second.communicate(timeout=60)
            assert second.returncode == 75
            assert f"pid {holder.pid}" in err and "reindex" in err
    finally:
        holder.kill()
        holder.wait()


def test_lock_of_a_dead_process_is_taken_over(corpus):
    _, index = corpus
    dead = hold_lock(index, "os.kill(os.getpid(), 9)")
    dead.wait()
    result = run("reindex", "--index", index, "-v")
    assert result.exit_code == 0
    assert f"took over the lock left by process {dead.pid}" in result.stdout


@pytest.fixture
def big_corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    root, index = tmp_path / "corpus", tmp_path / "index"
    write_corpus(root, 600)
    assert run("index", root, "--index", index).exit_code == 0
    remark(root, "甲", "乙")
    return root, index


def snapshot(index: Path) -> tuple[int, int]:
    ix = Store(index).open()
    with ix.searcher() as searcher:
        from indexer.query.parse import parse_query

        return tuple(len(searcher.search(parse_query(word, ix.schema), limit=None)) for word in "甲乙")


def test_searches_during_reindex_see_old_or_new_state(big_corpus):
    _, index = big_corpus
    process = stdidx("reindex", "--index", index, "--batch", "20")
    seen = set()
    while process.poll() is None:
        seen.add(snapshot(index))
    assert process.wait() == 0
    seen.add(snapshot(index))
    assert seen <= {(600, 0), (0, 600)} and (0, 600) in seen


def test_sigkill_at_any_point_leaves_a_working_index(big_corpus):
    _, index = big_corpus
    for delay in (0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.3, 1.6, 2.0, 2.5):
        process = stdidx("reindex", "--index", index, "--batch", "50")
        time.sleep(delay)
        process.kill()
        process.wait()
        assert snapshot(index) in {(600, 0), (0, 600)}, f"killed after {delay} s"
        assert Store(index).open().doc_count() == 600
    finished = stdidx("reindex", "--index", index)
    finished.communicate(timeout=120)
    assert finished.returncode == 0
    assert snapshot(index) == (0, 600)
    assert run("reindex", "--index", index).stdout == ""


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_sigterm_and_sigint_stop_cleanly_after_a_batch(big_corpus, signum, code):
    root, index = big_corpus
    write_corpus(root / "more", 6000, marker="丙", topic="稀土产品追溯")
    process = stdidx("reindex", "--index", index, "--batch", "25")
    wait_until_writing(process, index)
    time.sleep(0.5)  # a moment to do some work
    process.send_signal(signum)
    out, err = process.communicate(timeout=120)
    assert process.returncode == code, (out, err)
    assert f"stopped by {signal.Signals(signum).name}" in err and "left for the next run" in err
    old_marker, new_marker = snapshot(index)
    assert old_marker + new_marker == 600
    rest = stdidx("reindex", "--index", index)
    rest.communicate(timeout=300)
    assert rest.returncode == 0
    assert snapshot(index) == (0, 600) and count(index, "丙") == 6000


def test_statuses_are_brought_to_today_by_index_and_reindex(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    root, index = tmp_path / "c", tmp_path / "ix"
    root.mkdir()
    (root / "old.md").write_text("# 稀土试验管理办法\n\n2012年7月26日 工业和信息化部令第20号公布\n\n第一条 为了规范。\n",
                                 encoding="utf-8")
    (root / "std.xml").write_text(
        "<record><title>氧化镝</title><doc_type>standard</doc_type>"
        "<effective precision=\"day\">2020-01-01</effective><status>upcoming</status>"
        "<std_no>XB/T 900-2019</std_no><text>镝</text></record>", encoding="utf-8")
    assert run("index", root, "--index", index).exit_code == 0
    records = {r["title"]: r for r in map(json.loads, run("export", "--index", index).stdout.splitlines())}
    assert records["氧化镝"]["status"] == "in_force"        # stated upcoming, in force since 2020
    assert records["稀土试验管理办法"]["status"] == "in_force"
    (root / "new.md").write_text(
        "# 稀土试验管理规定\n\n2018年5月2日 工业和信息化部令第45号公布\n\n第一条 为了规范。\n"
        "第二十条 本规定自2018年9月1日起施行。《稀土试验管理办法》同时废止。\n", encoding="utf-8")
    assert run("reindex", "--index", index).exit_code == 0
    records = {r["title"]: r for r in map(json.loads, run("export", "--index", index).stdout.splitlines())}
    assert records["稀土试验管理办法"]["status"] == "repealed"
    (root / "new.md").unlink()                               # the repealing text goes away again
    assert run("reindex", "--index", index).exit_code == 0
    records = {r["title"]: r for r in map(json.loads, run("export", "--index", index).stdout.splitlines())}
    assert records["稀土试验管理办法"]["status"] == "in_force"
