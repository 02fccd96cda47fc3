"""A text saved twice is one document with a copy, not two versions of a work."""
import json

from conftest import run

NOTICE = """关于做好稀土产品追溯体系建设工作的通知

工信厅原〔2026〕41号

各省、自治区、直辖市工业和信息化主管部门：

为加快稀土产品追溯体系建设，现就有关事项通知如下。一、各地要督促企业按要求报送追溯信息。二、本通知自印发之日起施行。

工业和信息化部办公厅
2026年3月18日
"""


def index_folder(tmp_path, files: dict[str, bytes]):
    root = tmp_path / "docs"
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    ix = tmp_path / "ix"
    assert run("index", root, "--index", ix).exit_code == 0
    records = [json.loads(line) for line in run("export", "--index", ix).stdout.splitlines()]
    return ix, records


def test_the_same_notice_saved_twice_is_never_superseded_by_its_copy(tmp_path):
    ix, records = index_folder(tmp_path, {"notice.txt": NOTICE.encode("utf-8"),
                                          "saved/notice (1).txt": NOTICE.replace("\n\n", "\n").encode("gb18030")})
    assert len(records) == 2 and {r["work"] for r in records} == {records[0]["work"]}
    assert [r["status"] for r in records] == ["in_force", "in_force"]
    out = run("history", "工信厅原〔2026〕41号", "--index", ix).stdout
    assert "1 version (+1 copy)" in out and "later version" not in out and "superseded" not in out


def test_a_changed_text_is_still_a_later_version(tmp_path):
    later = NOTICE.replace("2026年3月18日", "2026年9月1日").replace("报送追溯信息", "每月报送追溯信息")
    _, records = index_folder(tmp_path, {"a.txt": NOTICE.encode(), "b.txt": later.encode()})
    assert sorted(r["status"] for r in records) == ["in_force", "superseded"]


def test_undated_pages_sharing_a_generic_title_are_not_versions_of_each_other(tmp_path):
    first = "通知公告\n\n稀土交易中心关于调整交易时间的说明，交易时间调整为每个工作日上午九点至下午三点。\n"
    second = "通知公告\n\n关于稀土行业协会会员单位年度信息报送工作的提示，请各会员单位按时报送年度信息。\n"
    ix, records = index_folder(tmp_path, {"a.txt": first.encode(), "b.txt": second.encode()})
    assert all(r["issued"] is None and r["status"] != "superseded" for r in records)
    out = run("history", records[0]["work"], "--index", ix).stdout
    assert "later version" not in out
