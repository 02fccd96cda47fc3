"""A notice and its attachments: named in its 附件 list, found next to it or in its folder."""
import json
import shutil
from pathlib import Path

import pytest

from conftest import run
from indexer.extract.attachments import key, keys_naming, named_attachments, names_file, names_title
from indexer.resources import corpus_dir


@pytest.mark.parametrize("text, names", [
    ("附件：1. 征求意见稿　2. 编制说明　3. 意见反馈表", ["征求意见稿", "编制说明", "意见反馈表"]),
    ("正文\n附件：\n1. 稀土（征求意见稿）.docx\n2. 编制说明.pdf\n请反馈", ["稀土（征求意见稿）.docx", "编制说明.pdf"]),
    ("附件1：征求意见稿.docx\n附件2：编制说明.pdf", ["征求意见稿.docx", "编制说明.pdf"]),
    ("附件：《再生氧化镨钕》（征求意见稿）　意见反馈表", ["《再生氧化镨钕》（征求意见稿）", "意见反馈表"]),
    ("请于12月20日前通过附件反馈表提出意见。", []),
    ("附件：", []),
])
def test_named_attachments(text, names):
    assert named_attachments(text) == names


@pytest.mark.parametrize("name, path, named", [
    ("编制说明", "n/再生氧化镨钕编制说明.pdf", True),
    ("《再生氧化镨钕》（征求意见稿）", "n/再生氧化镨钕(征求意见稿).docx", True),
    ("编制说明.pdf", "n/编制說明.PDF", True),
    ("编制说明", "n/意见反馈表.docx", False),
    ("稀土行业标准清单（节录）", "n/稀土行业标准清单.xlsx", True),
    ("征求意见稿", "n/再生氧化镨钕（征求意见稿）.pdf", True),
])
def test_names_file(name, path, named):
    assert names_file(name, path) is named


@pytest.mark.parametrize("name, title, named", [
    ("稀土行业标准编号、名称及实施日期（节录）", "工业和信息化部公告2019年第33号附件：稀土行业标准编号、名称及实施日期", True),
    ("《再生氧化镨钕》（征求意见稿）", "再生氧化镨钕（征求意见稿）", True),
    ("征求意见稿", "再生氧化镨钕（征求意见稿）", True),
    ("稀土行业标准清单（节选）", "稀土行业标准清单", True),
    # A title that holds the name without ending with it is another document's.
    ("征求意见稿", "关于征求《再生氧化镨钕》（征求意见稿）意见的通知", False),
    ("编制说明", "编制说明的修改意见汇总", False),
    # A draft's stage names the draft, not the text it became.
    ("稀土管理条例（征求意见稿）", "稀土管理条例", False),
    ("稀土管理条例", "稀土管理条例（征求意见稿）", True),
])
def test_names_title(name, title, named):
    assert names_title(name, title) is named
    # The index finds the notices that may name a title from the title's keys.
    assert key(name) in keys_naming("n/fujian1.xlsx", title) or not named


@pytest.mark.parametrize("name, same", [
    ("稀土行业标准清单（节录）", "稀土行业标准清单"),
    ("稀土行业标准清单(节选)", "稀土行业标准清单"),
    ("《管理办法》【征求意见稿】", "管理办法"),
    ("（征求意见稿）", "征求意见稿"),              # a name that is only a mark keeps it
])
def test_editorial_marks_are_not_part_of_a_name(name, same):
    assert key(name) == key(same)


NOTICE = """关于征求国家标准《稀土金属及其氧化物中稀土杂质化学分析方法》（征求意见稿）意见的函

各有关单位：
现公开征求意见。请于2025年7月11日前反馈。

附件：1. 征求意见稿　2. 编制说明

全国稀土标准化技术委员会秘书处
2025年5月12日
"""
LIST_NOTICE = "关于发布2019年稀土行业标准的公告\n\n附件：\n1. 稀土行业标准清单.xlsx\n\n工业和信息化部\n2019年8月2日\n"
DRAFT = corpus_dir() / "standards" / "gbt-18115.6-draft-2025.docx"
LIST = corpus_dir() / "notices" / "ministry" / "miit-2019-33-rare-earth-industry-standards-list.xlsx"


def _folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "notices" / "comments-2025").mkdir(parents=True)
    (docs / "notices" / "comments-2025.txt").write_text(NOTICE, encoding="utf-8")
    (docs / "notices" / "list-notice.txt").write_text(LIST_NOTICE, encoding="utf-8")
    shutil.copy(DRAFT, docs / "notices" / "comments-2025" / "征求意见稿.docx")
    shutil.copy(LIST, docs / "notices" / "稀土行业标准清单.xlsx")
    (docs / "notices" / "other.txt").write_text("关于稀土的消息\n\n附件：无关文件.pdf\n", encoding="utf-8")
    return docs


def _hit(index: Path, query: str) -> dict:
    found = run("search", query, "--index", index, "--format", "json", "--literal")
    return json.loads(found.stdout)["hits"][0]


def test_hits_in_attachments_name_their_notice(tmp_path):
    index = tmp_path / "index"
    assert run("index", _folder(tmp_path), "--index", index).exit_code == 0
    in_folder = _hit(index, "电感耦合等离子体质谱法")
    assert in_folder["path"] == "notices/comments-2025/征求意见稿.docx"
    assert in_folder["notice"]["title"].startswith("关于征求国家标准")
    beside = _hit(index, "氧化镥")
    assert beside["notice"]["title"] == "关于发布2019年稀土行业标准的公告"
    assert _hit(index, "关于稀土的消息")["notice"] is None
    table = run("search", "氧化镥", "--index", index).stdout
    assert "attachment of: 关于发布2019年稀土行业标准的公告" in table


def test_show_lists_a_notices_attachments_and_an_attachments_notice(tmp_path):
    index = tmp_path / "index"
    run("index", _folder(tmp_path), "--index", index)
    notice = _hit(index, "现公开征求意见")
    shown = run("show", notice["id"], "--index", index).stdout
    assert "attachment: " in shown and "notices/comments-2025/征求意见稿.docx" in shown
    draft = _hit(index, "电感耦合等离子体质谱法")
    assert f"notice: {notice['id']} " in run("show", draft["id"], "--index", index).stdout


def test_an_attachment_added_later_is_linked_after_reindex(tmp_path):
    docs = _folder(tmp_path)
    (docs / "notices" / "稀土行业标准清单.xlsx").unlink()
    index = tmp_path / "index"
    run("index", docs, "--index", index)
    shutil.copy(LIST, docs / "notices" / "稀土行业标准清单.xlsx")
    assert run("reindex", "--index", index).exit_code == 0
    assert _hit(index, "氧化镥")["notice"]["title"] == "关于发布2019年稀土行业标准的公告"
