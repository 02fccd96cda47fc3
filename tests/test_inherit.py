"""Attachments take their notice's dates and issuers where they state none, and give them
back when the notice changes, stops naming them or goes."""
import json
import os
import time
from pathlib import Path

from conftest import run
from office_files import officegen

NOTICE = """<html><head><title>工业和信息化部关于征求《稀土冶炼分离企业清单》意见的通知</title></head><body>
<h1>工业和信息化部关于征求《稀土冶炼分离企业清单》意见的通知</h1>
<p>各有关单位：</p>
<p>现将清单公开征求意见，请于2025年7月11日前反馈。</p>
<p>附件：1. 稀土冶炼分离企业清单（节录）　2. 编制说明　3. 意见反馈表　4. 稀土冶炼分离企业管理办法（节选）</p>
<p>工业和信息化部</p>
<p>{date}</p>
</body></html>
"""
EXPLANATION = ["编制说明", "一、工作简况", "本清单根据企业申报材料整理，共列出冶炼分离企业十家。"]
RULES = ["稀土冶炼分离企业管理办法", "第一条　为规范稀土冶炼分离企业管理，制定本办法。",
         "第二条　本办法由工业和信息化部负责解释。"]
FEEDBACK = ["意见反馈表", "单位名称：", "联系人：", "本表由中国稀土行业协会于2025年4月30日制定。"]


def _folder(tmp_path: Path, date: str = "2025年5月12日") -> Path:
    notices = tmp_path / "docs" / "notices"
    notices.mkdir(parents=True)
    (notices / "comments-2025.html").write_text(NOTICE.format(date=date), encoding="utf-8")
    # Named by its title only: the file's name says nothing.
    officegen.list_xlsx(notices / "fujian1.xlsx", "附件1 稀土冶炼分离企业清单", ["序号", "企业名称", "所在地"],
                        [["1", "北方稀土冶炼分公司", "包头"], ["2", "南方稀土冶炼公司", "赣州"]])
    officegen.text_pdf(notices / "再生氧化镨钕编制说明.pdf", [EXPLANATION])
    officegen.text_pdf(notices / "意见反馈表.pdf", [FEEDBACK])
    officegen.text_pdf(notices / "rules.pdf", [RULES])
    return tmp_path / "docs"


def _records(index: Path) -> dict[str, dict]:
    exported = run("export", "--format", "jsonl", "--index", index)
    assert exported.exit_code == 0
    return {r["path"]: r for r in map(json.loads, exported.stdout.splitlines())}


def _index(docs: Path, index: Path) -> dict[str, dict]:
    assert run("index", docs, "--index", index, "--yes").exit_code == 0
    return _records(index)


def _touch(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    later = time.time() + 5                      # a new mtime, however fast the test runs
    os.utime(path, (later, later))


def test_attachments_take_the_notices_date_and_issuers(tmp_path):
    records = _index(_folder(tmp_path), tmp_path / "index")
    notice = records["notices/comments-2025.html"]
    assert notice["issued"] == "2025-05-12" and [i["id"] for i in notice["issuers"]] == ["MIIT"]
    for path in ("notices/再生氧化镨钕编制说明.pdf", "notices/fujian1.xlsx"):
        attachment = records[path]
        assert attachment["issued"] == "2025-05-12", path
        assert [i["id"] for i in attachment["issuers"]] == ["MIIT"], path
        source = attachment["provenance"]["fields"]["issued"]
        assert source["rule"] == "from-notice" and source["notice"] == notice["id"]
        assert attachment["provenance"]["inherited"]["notice"] == notice["id"]
    assert "inherited" not in notice["provenance"]


def test_an_attachment_dated_by_its_notice_is_in_force(tmp_path):
    docs, index = _folder(tmp_path), tmp_path / "index"
    rules = _index(docs, index)["notices/rules.pdf"]
    assert (rules["doc_type"], rules["issued"], rules["status"]) == ("policy", "2025-05-12", "in_force")
    assert rules["provenance"]["inherited"]["status"] == "unknown"
    (docs / "notices" / "comments-2025.html").unlink()
    assert run("reindex", "--index", index).exit_code == 0
    assert _records(index)["notices/rules.pdf"]["status"] == "unknown"


def test_an_attachments_own_date_is_kept(tmp_path):
    records = _index(_folder(tmp_path), tmp_path / "index")
    feedback = records["notices/意见反馈表.pdf"]
    assert feedback["issued"] == "2025-04-30"
    assert feedback["provenance"]["fields"]["issued"]["rule"] != "from-notice"


def test_the_attachments_notice_is_found_by_issued_date_and_issuer(tmp_path):
    index = tmp_path / "index"
    _index(_folder(tmp_path), index)
    found = run("search", "冶炼分离企业十家", "--literal", "--issuer", "MIIT", "--since", "2025-05", "--until", "2025-05",
                "--index", index, "--format", "json")
    assert [h["path"] for h in json.loads(found.stdout)["hits"]] == ["notices/再生氧化镨钕编制说明.pdf"]


def test_show_says_where_an_inherited_value_comes_from(tmp_path):
    index = tmp_path / "index"
    records = _index(_folder(tmp_path), index)
    notice_id = records["notices/comments-2025.html"]["id"]
    shown = run("show", records["notices/再生氧化镨钕编制说明.pdf"]["id"], "--index", index, "--no-pager").stdout
    assert f"issued: 2025-05-12 (from notice {notice_id})" in shown
    assert f"notice: {notice_id} " in shown


def test_editing_the_notice_updates_its_attachments_as_a_fresh_build_would(tmp_path):
    docs, index = _folder(tmp_path), tmp_path / "index"
    _index(docs, index)
    _touch(docs / "notices" / "comments-2025.html", NOTICE.format(date="2025年6月3日"))
    report = tmp_path / "report.json"
    assert run("reindex", "--index", index, "--report", report).exit_code == 0
    assert json.loads(report.read_text("utf-8"))["inherited"] == 3
    records = _records(index)
    assert records["notices/再生氧化镨钕编制说明.pdf"]["issued"] == "2025-06-03"
    assert records["notices/fujian1.xlsx"]["issued"] == "2025-06-03"
    assert records == _index(docs, tmp_path / "fresh")


def test_a_file_the_notice_no_longer_names_gives_back_what_it_took(tmp_path):
    docs, index = _folder(tmp_path), tmp_path / "index"
    before = _index(docs, index)
    _touch(docs / "notices" / "comments-2025.html",
           NOTICE.format(date="2025年5月12日").replace("2. 编制说明　", ""))
    assert run("reindex", "--index", index).exit_code == 0
    records = _records(index)
    explanation = records["notices/再生氧化镨钕编制说明.pdf"]
    assert explanation["issued"] is None and explanation["issuers"] == []
    assert explanation["status"] == "unknown"
    assert "inherited" not in explanation["provenance"]
    assert "issued" not in explanation["provenance"]["fields"]
    assert records["notices/fujian1.xlsx"]["issued"] == "2025-05-12"
    assert records == _index(docs, tmp_path / "fresh")
    assert before["notices/再生氧化镨钕编制说明.pdf"]["issued"] == "2025-05-12"


def test_removing_the_notice_takes_back_what_it_gave(tmp_path):
    docs, index = _folder(tmp_path), tmp_path / "index"
    _index(docs, index)
    (docs / "notices" / "comments-2025.html").unlink()
    assert run("reindex", "--index", index).exit_code == 0
    records = _records(index)
    for path in ("notices/再生氧化镨钕编制说明.pdf", "notices/fujian1.xlsx", "notices/rules.pdf"):
        assert records[path]["issued"] is None and records[path]["issuers"] == [], path
        assert "inherited" not in records[path]["provenance"]
    assert records == _index(docs, tmp_path / "fresh")


def test_an_attachment_added_later_takes_the_notices_values(tmp_path):
    docs, index = _folder(tmp_path), tmp_path / "index"
    (docs / "notices" / "再生氧化镨钕编制说明.pdf").rename(tmp_path / "later.pdf")
    _index(docs, index)
    (tmp_path / "later.pdf").rename(docs / "notices" / "再生氧化镨钕编制说明.pdf")
    assert run("reindex", "--index", index).exit_code == 0
    records = _records(index)
    assert records["notices/再生氧化镨钕编制说明.pdf"]["issued"] == "2025-05-12"
    assert records == _index(docs, tmp_path / "fresh")


def test_a_folder_named_after_the_notice_gives_its_files_the_notices_values(tmp_path):
    docs = tmp_path / "docs"
    (docs / "notices" / "comments-2025").mkdir(parents=True)
    (docs / "notices" / "comments-2025.html").write_text(NOTICE.format(date="2025年5月12日"), encoding="utf-8")
    officegen.text_pdf(docs / "notices" / "comments-2025" / "说明.pdf", [EXPLANATION])
    records = _index(docs, tmp_path / "index")
    assert records["notices/comments-2025/说明.pdf"]["issued"] == "2025-05-12"


def test_history_shows_a_list_dated_by_its_notice(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "announcement.txt").write_text(
        "中华人民共和国工业和信息化部公告\n2019年第33号\n\n工业和信息化部批准《氧化铥》行业标准，现予以公布。\n\n"
        "附件：稀土行业标准编号、名称及实施日期（节录）\n\n工业和信息化部\n2019年8月2日\n", encoding="utf-8")
    officegen.list_xlsx(docs / "fujian1.xlsx", "工业和信息化部公告2019年第33号附件：稀土行业标准编号、名称及实施日期",
                        ["序号", "标准编号", "标准名称", "代替标准", "实施日期"],
                        [["1", "XB/T 230-2019", "氧化铥", "—", "2020-01-01"]])
    index = tmp_path / "index"
    records = _index(docs, index)
    assert records["fujian1.xlsx"]["issued"] == "2019-08-02"
    history = json.loads(run("history", "XB/T 230", "--index", index, "--format", "json").stdout)
    published = [s for s in history["life"]["stages"] if s["stage"] == "published" and s["path"] == "fujian1.xlsx"]
    assert published and published[0]["date"] == "2019-08-02"


def test_xml_export_names_the_notice_a_value_came_from(tmp_path):
    index = tmp_path / "index"
    records = _index(_folder(tmp_path), index)
    exported = run("export", "--format", "xml", "--index", index).stdout
    notice_id = records["notices/comments-2025.html"]["id"]
    assert f'<source field="issued" rule="from-notice" span="{records["notices/comments-2025.html"]["title"]}" ' \
           f'notice="{notice_id}"/>' in exported
