"""Saved searches report new stages of the standards they match, not only new documents."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run
from indexer.resources import corpus_dir

STDIDX = Path(sys.executable).with_name("stdidx")

COMMENTS = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>关于征求《再生氧化镨钕》团体标准修订意见的通知</title></head>
<body><div class="article"><h1>关于征求《再生氧化镨钕》团体标准修订意见的通知</h1>
<div class="info">发布时间：2026-11-20　来源：中国稀土学会</div>
<div class="article-content">
<p>各有关单位：</p>
<p>根据学会团体标准复审结论，起草组对T/CSRE 10012—2024《再生氧化镨钕》进行了修订，形成征求意见稿，拟代替T/CSRE 10012—2024。现公开征求意见。</p>
<p>请于2027年1月20日前将意见反馈至学会秘书处。</p>
<p>中国稀土学会<br>2026年11月20日</p></div></div></body></html>
"""

REPEAL = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>关于废止《晶界扩散钕铁硼磁体用铽镝合金》团体标准的公告</title></head>
<body><div class="article"><h1>关于废止《晶界扩散钕铁硼磁体用铽镝合金》团体标准的公告</h1>
<div class="info">发布时间：2026-11-25　来源：中国稀土学会</div>
<div class="article-content">
<p>各有关单位：</p>
<p>经复审，决定废止T/CSRE 10004—2022《晶界扩散钕铁硼磁体用铽镝合金》，自2026年12月1日起不再执行。</p>
<p>特此公告。</p>
<p>中国稀土学会<br>2026年11月25日</p></div></div></body></html>
"""


@pytest.fixture
def home(tmp_path, monkeypatch):
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.delenv("STDIDX_CONFIG", raising=False)
    monkeypatch.delenv("STDIDX_INDEX", raising=False)
    return tmp_path


def stdidx(*args) -> subprocess.CompletedProcess:
    """The installed executable, in a process of its own."""
    result = subprocess.run([str(STDIDX), *map(str, args)], capture_output=True, text=True, timeout=300,
                            env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    return result


def standards(folder: Path, *names: str) -> Path:
    folder.mkdir()
    for name in names:
        shutil.copy(corpus_dir() / "standards" / name, folder / name)
    return folder


@pytest.mark.skipif(not STDIDX.exists(), reason="needs the installed stdidx executable")
def test_a_watch_over_a_topic_reports_stage_changes_added_by_a_reindex(home):
    corpus = standards(home / "c", "tcsre-10012-2024.xml", "tcsre-10004-2022.xml")
    ix = home / "ix"
    stdidx("index", corpus, "--index", ix)
    # The notices are not standards: only the stages they add to the standards matched are news.
    stdidx("watch", "add", "magnets", "稀土 磁体 OR 镨钕", "--type", "standard")
    assert stdidx("reindex", "--index", ix).stdout == ""                      # the baseline
    (corpus / "csre-comments-recycled-prnd-oxide-revision.html").write_text(COMMENTS, "utf-8")
    first = stdidx("reindex", "--index", ix).stdout
    assert "1 added" in first
    assert ("watch magnets: stage comments 2026-11-20 (until 2027-01-20): T/CSRE 10012 再生氧化镨钕 — "
            "关于征求《再生氧化镨钕》团体标准修订意见的通知") in first
    assert "new —" not in first                                     # no new document matches the search
    (corpus / "csre-repeal-tbdy-alloy.html").write_text(REPEAL, "utf-8")
    second = stdidx("reindex", "--index", ix).stdout
    assert "stage repealed 2026-12-01: T/CSRE 10004 晶界扩散钕铁硼磁体用铽镝合金" in second
    assert "stage comments" not in second                            # told once
    assert stdidx("reindex", "--index", ix).stdout == ""             # nothing changed, nothing new
    news = json.loads(stdidx("watch", "news", "magnets", "--index", ix, "--format", "json").stdout)
    told = [(s["stage"], s["standard"], s["names"]) for item in news for s in item["stages"]]
    assert ("comments", "T/CSRE 10012 再生氧化镨钕", "《再生氧化镨钕》") in told
    assert ("repealed", "T/CSRE 10004 晶界扩散钕铁硼磁体用铽镝合金", "T/CSRE 10004-2022") in told
    table = stdidx("watch", "news", "--index", ix).stdout
    assert "magnets: 1 new stage" in table and "stage repealed 2026-12-01" in table


def test_a_notice_matching_the_search_brings_its_stage_with_it(home, tmp_path):
    corpus = tmp_path / "notices"
    shutil.copytree(corpus_dir() / "notices" / "csre", corpus,
                    ignore=lambda folder, names: [n for n in names if "2026-06-comments" in n or "2026-09" in n])
    ix = tmp_path / "ix"
    assert run("index", corpus, "--index", ix).exit_code == 0
    assert run("watch", "add", "footprint", "碳足迹").exit_code == 0
    assert run("reindex", "--index", ix).stdout == ""
    shutil.copy(corpus_dir() / "notices" / "csre" / "csre-2026-06-comments-magnet-carbon-footprint.html", corpus)
    result = run("reindex", "--index", ix)
    assert "watch footprint: 1 new — " in result.stdout
    assert "watch footprint: stage comments 2026-06-" in result.stdout
    assert "稀土永磁材料产品碳足迹核算方法" in result.stdout


def test_an_index_watched_before_stages_were_kept_does_not_report_old_stages(home, tmp_path):
    corpus = standards(tmp_path / "c", "tcsre-10012-2024.xml")
    shutil.copy(corpus_dir() / "notices" / "csre" / "csre-2024-03-comments-recycled-prnd-oxide.html", corpus)
    ix = tmp_path / "ix"
    assert run("index", corpus, "--index", ix).exit_code == 0
    assert run("watch", "add", "prnd", "镨钕", "--type", "standard").exit_code == 0
    assert run("reindex", "--index", ix).stdout == ""
    state_file = ix / "watch-state.json"
    state = json.loads(state_file.read_text("utf-8"))
    assert "comments|2024-03-" in " ".join(state["prnd"]["stages"])
    for entry in state.values():                       # as an earlier version wrote it
        del entry["stages"], entry["generation"]
    state_file.write_text(json.dumps(state), "utf-8")
    shutil.copy(corpus_dir() / "notices" / "csre" / "csre-2024-09-release-recycled-prnd-oxide.html", corpus)
    result = run("reindex", "--index", ix)
    assert "1 added" in result.stdout and "stage" not in result.stdout   # a new baseline of stages
    report = json.loads(run("watch", "news", "--index", ix, "--format", "json").stdout)
    assert report == []
