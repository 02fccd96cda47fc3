"""stdidx diff: clauses found the way texts number them, aligned across renumbering, changes marked by character."""
import io
import json

import pytest

from conftest import SHARED, run
from indexer.index.store import Store
from indexer.output import lineage as output
from indexer.query.diff import align, char_diff, compare, diff, split_clauses
from indexer.record import Record

LAWS = SHARED / "realdata" / "laws-national"
MINERAL_2009 = LAWS / "经济法" / "矿产资源法(2009-08-27).md"
MINERAL_2024 = LAWS / "经济法" / "矿产资源法(2024-11-08).md"

# Version 2 inserts a new 第三条, so the old 第三条–第五条 become 第四条–第六条:
# 第三条 and 第五条 move unchanged, 第四条 moves and changes, old 第六条 goes,
# and a chapter is added.
POLICY_2015 = """# 稀土试验监督办法

（2015年3月1日工业和信息化部令第31号公布　自2015年6月1日起施行）

第一章 总则

第一条 为了加强稀土试验监督，制定本办法。

第二条 本办法适用于稀土试验活动。

第二章 监督

第三条 县级以上人民政府工业和信息化主管部门负责稀土试验的监督管理。

第四条 试验单位应当建立试验台账，如实记录试验情况，台账保存期限不少于三年。

第五条 任何单位和个人有权举报违反本办法的行为。

第六条 试验单位应当每年报送试验总结。

第七条 本办法自2015年6月1日起施行。
"""
POLICY_2020 = """# 稀土试验监督办法

（2020年3月1日工业和信息化部令第61号公布　自2020年6月1日起施行）

第一章 总则

第一条 为了加强稀土试验监督，制定本办法。

第二条 本办法适用于稀土试验活动。

第三条 稀土试验应当遵循安全、规范的原则。

第二章 监督

第四条 县级以上人民政府工业和信息化主管部门负责稀土试验的监督管理。

第五条 试验单位应当建立电子试验台账，如实记录试验情况，台账保存期限不少于五年。

第六条 任何单位和个人有权举报违反本办法的行为。

第三章 附则

第七条 本办法自2020年6月1日起施行。
"""


def record(text: str, rid: str = "r") -> Record:
    return Record(id=rid, path=f"{rid}.md", title="t", text=text)


def by_key(changes, side="old"):
    return {(getattr(c, side).key if getattr(c, side) else None): c for c in changes}


# --- clauses ---------------------------------------------------------------------------------

def test_policy_text_splits_into_chapters_and_articles():
    clauses = split_clauses(POLICY_2015)
    assert [(c.key, c.kind) for c in clauses] == [
        ("(preamble)", "preamble"), ("第一章", "division"), ("第一条", "article"), ("第二条", "article"),
        ("第二章", "division"), ("第三条", "article"), ("第四条", "article"), ("第五条", "article"),
        ("第六条", "article"), ("第七条", "article")]
    assert clauses[2].shown == "为了加强稀土试验监督，制定本办法。"


def test_article_keeps_its_paragraphs_and_items():
    text = "第一条 甲。\n\n乙。\n（一）丙；\n第二条 丁。"
    first, second = split_clauses(text)
    assert first.key == "第一条" and first.shown == "甲。\n\n乙。\n（一）丙；"
    assert second.body == "丁。"


STANDARD = """中华人民共和国国家标准
前言
本标准代替GB/T 1—2000。
1 范围
本标准规定了要求。
2 要求
2.1 主要性能
材料的性能应符合表1的规定。
表1　主要性能
牌号　含量
1　≥99.9
2　≥99.5
2.2 外观
表面无裂纹。
附录A
（规范性附录）
尺寸
A.1 尺寸偏差为±0.1 mm。
1 不是条款
"""


def test_standard_splits_into_numbered_clauses_tables_and_annexes():
    keys = [(c.key, c.kind) for c in split_clauses(STANDARD)]
    assert keys == [("(preamble)", "preamble"), ("前言", "front"), ("1", "clause"), ("2", "clause"),
                    ("2.1", "clause"), ("表1", "table"), ("2.2", "clause"), ("附录A", "annex"), ("A.1", "clause")]


def test_table_rows_are_not_clauses():
    table = next(c for c in split_clauses(STANDARD) if c.key == "表1")
    assert "1　≥99.9" in table.text and "2　≥99.5" in table.text


def test_items_and_paragraphs_when_there_are_no_numbered_clauses():
    assert [c.key for c in split_clauses("通知如下：\n一、总体要求\n甲。\n二、主要任务\n乙。")] == \
        ["(preamble)", "一、", "二、"]
    assert [c.key for c in split_clauses("第一段。\n\n第二段。")] == ["¶1", "¶2"]


# --- alignment -----------------------------------------------------------------------------------

def test_renumbered_unchanged_article_is_moved_not_removed_and_added():
    changes = align(split_clauses(POLICY_2015), split_clauses(POLICY_2020))
    old = by_key(changes)
    assert (old["第五条"].status, old["第五条"].new.key) == ("moved", "第六条")
    assert (old["第三条"].status, old["第三条"].new.key) == ("moved", "第四条")
    assert (old["第一条"].status, old["第二条"].status) == ("unchanged", "unchanged")
    assert old["第二章"].status == "unchanged"      # same number and words, an added article before it
    changed = old["第四条"]
    assert (changed.status, changed.new.key, changed.renumbered) == ("changed", "第五条", True)
    assert old["第六条"].status == "removed"
    added = {c.new.key for c in changes if c.status == "added"}
    assert added == {"第三条", "第三章"}
    assert old["第七条"].status == "changed" and old["第七条"].new.key == "第七条"


def test_reading_order_follows_the_new_version_with_removals_in_place():
    changes = align(split_clauses(POLICY_2015), split_clauses(POLICY_2020))
    order = [(c.status, (c.new or c.old).key) for c in changes]
    assert order.index(("removed", "第六条")) == order.index(("moved", "第六条")) + 1
    assert [key for status, key in order if status != "removed"] == [c.key for c in split_clauses(POLICY_2020)]


def test_changed_characters_are_marked_not_words():
    (seg_changes,) = [c for c in align(split_clauses(POLICY_2015), split_clauses(POLICY_2020))
                      if c.status == "changed" and c.old.key == "第四条"]
    edits = [(s.op, s.old, s.new) for s in seg_changes.segments if s.op != "equal"]
    assert edits == [("insert", "", "电子"), ("replace", "三", "五")]


@pytest.mark.parametrize("old, new", [
    ("外商投资勘查、开采矿产资源，法律、行政法规另有规定的，从其规定。",
     "外商投资勘查、开采矿产资源，法律、行政法规另有规定的，依照其规定。"),
    ("本法自1986年10月1日施行。", "本法自2025年7月1日起施行。"),
    ("abc def", "abc  xyz"),
    ("", "全新"),
])
def test_character_diff_rebuilds_both_texts(old, new):
    segments = char_diff(old, new)
    assert "".join(s.new for s in segments) == new
    # spacing-only edits are not reported, so the old side is the old text up to spacing
    assert "".join(s.old for s in segments).replace(" ", "") == old.replace(" ", "")


def test_tiny_equal_runs_are_folded_into_one_replacement():
    segments = char_diff("由国务院行使所有权", "由国务院代表国家行使所有权")
    assert [(s.op, s.new) for s in segments if s.op != "equal"] == [("insert", "代表国家")]
    rewritten = char_diff("开采矿产资源，必须遵守有关环境保护的法律规定，防止污染环境。",
                          "开采矿产资源，应当遵守生态环境保护的法律、法规规定，防止污染环境。")
    inner = rewritten[1:-1]
    assert all(len(s.new) > 2 for s in inner if s.op == "equal")


# --- the command on a small corpus ----------------------------------------------------------------

@pytest.fixture(scope="module")
def policy_index(tmp_path_factory):
    base = tmp_path_factory.mktemp("diff")
    (base / "c").mkdir()
    (base / "c" / "supervision-2015.md").write_text(POLICY_2015, "utf-8")
    (base / "c" / "supervision-2020.md").write_text(POLICY_2020, "utf-8")
    index = base / "ix"
    assert run("index", base / "c", "--index", index).exit_code == 0
    return index


def test_diff_text_summary_first_and_marks_without_colour(policy_index):
    result = run("diff", "稀土试验监督办法", "2015", "2020", "--index", policy_index)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("工业和信息化部令第31号 → 工业和信息化部令第61号")
    assert lines[2] == "10 → 11 clauses: 3 changed · 2 added · 1 removed · 2 moved · 4 unchanged"
    assert "~ 第四条 → 第五条" in result.stdout
    assert "建立{+电子+}试验台账" in result.stdout and "不少于[-三-]{+五+}年" in result.stdout
    assert "> 第五条 → 第六条" in result.stdout and "- 第六条" in result.stdout
    assert "\x1b[" not in result.stdout


def test_diff_json(policy_index):
    result = run("diff", "工业和信息化部令第31号", "工业和信息化部令第61号", "--index", policy_index, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["summary"] == {"changed": 3, "added": 2, "removed": 1, "moved": 2, "unchanged": 4}
    assert (data["old"]["issued"], data["new"]["issued"]) == ("2015-03-01", "2020-03-01")
    moved = next(c for c in data["changes"] if c["old_key"] == "第五条")
    assert (moved["status"], moved["new_key"], moved["renumbered"]) == ("moved", "第六条", True)
    changed = next(c for c in data["changes"] if c["old_key"] == "第四条")
    assert {"op": "insert", "old": "", "new": "电子"} in changed["segments"]


def test_diff_unified(policy_index):
    result = run("diff", "稀土试验监督办法", "2015", "2020", "--index", policy_index, "--format", "unified")
    assert result.exit_code == 0
    out = result.stdout.splitlines()
    assert out[0].startswith("--- 工业和信息化部令第31号") and out[1].startswith("+++ 工业和信息化部令第61号")
    assert "-第五条 任何单位和个人有权举报违反本办法的行为。" in out
    assert "+第六条 任何单位和个人有权举报违反本办法的行为。" in out
    assert "+第三章 附则" in out


def test_diff_colour_on_a_terminal_and_never_with_no_color(policy_index, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    d = diff(Store(policy_index).open(), ["稀土试验监督办法", "2015", "2020"])
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = Terminal()
    output.diff(d, "text", coloured)
    assert "\x1b[" in coloured.getvalue() and "{+" not in coloured.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    output.diff(d, "text", plain)
    assert "\x1b[" not in plain.getvalue() and "{+电子+}" in plain.getvalue()


@pytest.mark.parametrize("args, message", [
    (["稀土试验监督办法", "2015", "2016"], "has no version of 2016"),
    (["稀土试验监督办法", "2015", "soon"], "is not a year or date"),
    (["稀土试验监督办法", "2015", "2015"], "same version"),
    (["GB/T 13560", "GB/T 13560-2017"], "give the year"),
    (["GB/T 13560-2009", "GB/T 13560-2017"], "no standard GB/T 13560-2009"),
    (["hello", "world"], "is not a version"),
    (["only-one"], "two versions"),
    (["a", "b", "c", "d"], "two versions"),
    (["量子纠缠", "2015", "2020"], "nothing in the index"),
])
def test_diff_errors_exit_2(policy_index, args, message):
    result = run("diff", *args, "--index", policy_index)
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.output


# --- the bundled corpus -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus_ix(corpus_index):
    return Store(corpus_index).open()


def test_bundled_standard_revision(corpus_ix):
    d = diff(corpus_ix, ["GB/T 13560", "2009", "2017"])
    assert (d.old.std_no, d.new.std_no) == ("GB/T 13560-2009", "GB/T 13560-2017")
    new = by_key(d.changes, "new")
    # 4.1.1 分类 became 4.1, with the TH class added
    classes = new["4.1"]
    assert (classes.status, classes.old.key) == ("changed", "4.1.1")
    assert any("TH" in s.new for s in classes.segments if s.op != "equal")
    # 4 要求 is now 5, words unchanged; 4.3 尺寸及其偏差 is 5.2 by its heading
    assert (new["5"].status, new["5"].old.key) == ("moved", "4")
    assert (new["5.2"].status, new["5.2"].old.key) == ("changed", "4.3")
    for key in ("3.3", "3.4", "表2", "附录D", "6.2"):
        assert new[key].status == "added", key
    assert by_key(d.changes)["4.1.2"].status == "removed"


def test_bundled_draft_against_final_regulation(corpus_ix):
    d = diff(corpus_ix, ["稀土管理条例", "2021", "2024"])
    assert (d.old.status, d.new.doc_no) == ("draft", "国务院令第785号")
    counts = d.counts()
    assert counts["changed"] > 5 and counts["added"] > 0
    assert {c.kind for c in split_clauses(d.new.text)} >= {"article"}


def test_same_text_has_no_changes():
    text = split_clauses(POLICY_2015)
    assert {c.status for c in align(text, split_clauses(POLICY_2015))} == {"unchanged"}
    assert compare(record(POLICY_2015, "a"), record(POLICY_2015, "b")).counts()["unchanged"] == len(text)


# --- the Mineral Resources Law, 2009 against the 2024 revision ----------------------------------------

needs_mineral = pytest.mark.skipif(not (MINERAL_2009.exists() and MINERAL_2024.exists()),
                                   reason=f"real texts not present at {LAWS}")


@pytest.fixture(scope="module")
def mineral(tmp_path_factory):
    index = tmp_path_factory.mktemp("mineral") / "ix"
    assert run("index", MINERAL_2009, MINERAL_2024, "--index", index).exit_code == 0
    d = diff(Store(index).open(), ["矿产资源法", "2009", "2024"])
    return d, by_key(d.changes, "old"), by_key(d.changes, "new"), index


@needs_mineral
def test_mineral_law_versions_and_counts(mineral):
    d, _, _, _ = mineral
    assert (d.old.issued, d.new.issued) == ("2009-08-27", "2024-11-08")
    articles = lambda text: sum(1 for c in split_clauses(text) if c.kind == "article")  # noqa: E731
    assert (articles(d.old.text), articles(d.new.text)) == (53, 80)
    counts = d.counts()
    assert counts["added"] > counts["removed"] > counts["changed"] > 5


@needs_mineral
@pytest.mark.parametrize("old_key, new_key, inserted, deleted", [
    # 第十条 → 第十三条: 民族自治地方 article, renumbered, 照顾当地少数民族群众 → 照顾当地群众
    ("第十条", "第十三条", None, "少数民族"),
    # 第五十条 → 第七十七条: 从其规定 → 依照其规定
    ("第五十条", "第七十七条", "依照", "从"),
    # 第五十三条 → 第八十条: the entry-into-force date
    ("第五十三条", "第八十条", "2025年7", "1986年10"),
    # 第三条 → 第四条: state ownership, now exercised by the State Council on behalf of the state
    ("第三条", "第四条", "代表国家", None),
    # 第一条 keeps its number; its purpose clause is rewritten
    ("第一条", "第一条", None, None),
])
def test_mineral_law_changed_articles(mineral, old_key, new_key, inserted, deleted):
    _, old, _, _ = mineral
    change = old[old_key]
    assert (change.status, change.new.key) == ("changed", new_key)
    if inserted:
        assert any(inserted in s.new for s in change.segments if s.op in ("insert", "replace"))
    if deleted:
        assert any(deleted in s.old for s in change.segments if s.op in ("delete", "replace"))


@needs_mineral
@pytest.mark.parametrize("key", ["第五章", "第三十五条", "第三十八条", "第五十二条"])
def test_mineral_law_removed(mineral, key):
    """The chapter on collective mines and individual mining (第五章, 第三十五条–第三十八条) and
    第五十二条 (本法实施细则由国务院制定) are gone."""
    _, old, _, _ = mineral
    assert old[key].status == "removed"


@needs_mineral
@pytest.mark.parametrize("key", ["第四章", "第四十四条", "第四十九条", "第七十八条"])
def test_mineral_law_added(mineral, key):
    """New: the chapter on mine-site ecological restoration (第四章, 第四十四条–第四十九条) and
    第七十八条 on acts abroad that endanger the country's mineral resource security."""
    _, _, new, _ = mineral
    assert new[key].status == "added"


@needs_mineral
def test_mineral_law_chapter_moved(mineral):
    _, old, _, _ = mineral
    assert (old["第六章"].status, old["第六章"].new.key) == ("moved", "第七章")   # 法律责任


@needs_mineral
def test_mineral_law_command(mineral):
    *_, index = mineral
    result = run("diff", "矿产资源法", "2009", "2024", "--index", index)
    assert result.exit_code == 0
    assert "~ 第五十条 → 第七十七条" in result.stdout and "{+依照+}" in result.stdout
