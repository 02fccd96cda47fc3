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
