"""Local regulations as the national database records them.

A city's regulation is adopted by the city's congress and law once the province
approves it: it is issued on the approval date (or on a promulgation date stated
after it) by the city's body. An amendment the province approves is dated so,
and made by the city whose decision it is. The files go through the real reader
in the carriers such collections use (Markdown, GB18030 text, HTML).
"""
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import assert_floors, run
from indexer.extract.build import Builder
from indexer.read import read_file

BUILDER = Builder()

APPROVED = """# 包头市稀土新材料产业促进条例

2019年8月29日包头市第十五届人民代表大会常务委员会第十三次会议通过　2019年9月26日内蒙古自治区第十三届人民代表大会常务委员会第十五次会议批准

<!-- INFO END -->

第一条　为了促进稀土新材料产业发展，结合本市实际，制定本条例。

第三十条　本条例自2020年1月1日起施行。
"""

PROMULGATED_AFTER_APPROVAL = """赣州市稀土矿山地质环境保护条例

（2020年6月24日赣州市第五届人民代表大会常务委员会第三十次会议通过　2020年7月31日江西省第十三届人民代表大会常务委员会第二十二次会议批准　2020年8月10日赣州市人民代表大会常务委员会公告第3号公布　自2020年10月1日起施行）

第一条　为了保护矿山地质环境，制定本条例。
"""

AMENDED_BY_CITY = """# 赣州市稀土矿山地质环境保护条例

2020年6月24日赣州市第五届人民代表大会常务委员会第三十次会议通过　2020年7月31日江西省第十三届人民代表大会常务委员会第二十二次会议批准　根据2022年5月31日江西省第十三届人民代表大会常务委员会第三十九次会议批准的《赣州市人民代表大会常务委员会关于修改〈赣州市稀土矿山地质环境保护条例〉的决定》修正

<!-- INFO END -->

第一条　为了保护矿山地质环境，制定本条例。
"""

PROVINCIAL_AMENDED_TWICE = """<html><head><meta charset="utf-8"><title>内蒙古自治区稀土资源管理条例</title></head>
<body><h1>内蒙古自治区稀土资源管理条例</h1>
<p>（2008年7月25日内蒙古自治区第十一届人民代表大会常务委员会第四次会议通过　根据2016年3月30日内蒙古自治区第十二届人民代表大会常务委员会第二十一次会议《关于修改〈内蒙古自治区稀土资源管理条例〉的决定》修正　根据2021年5月27日内蒙古自治区第十三届人民代表大会常务委员会第二十六次会议《关于修改〈内蒙古自治区稀土资源管理条例〉等4件地方性法规的决定》第二次修正）</p>
<p>第一条　为了保护稀土资源，制定本条例。</p></body></html>
"""

RULE_AMENDED = """# 稀土产品追溯管理暂行办法

2019年11月30日 江西省人民政府令第241号公布

2022年3月24日 《江西省人民政府关于修改和废止部分省政府规章的决定》修改

<!-- INFO END -->

第一条　为了规范稀土产品追溯，制定本办法。
"""


def build(tmp_path: Path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    [raw] = read_file(path)
    return BUILDER.build(raw, name)


@pytest.mark.parametrize("name, text, encoding, issued, issuer", [
    ("a.md", APPROVED, "utf-8", "2019-09-26", "包头市人民代表大会常务委员会"),
    ("b.txt", PROMULGATED_AFTER_APPROVAL, "gb18030", "2020-08-10", "赣州市人民代表大会常务委员会"),
    ("c.md", AMENDED_BY_CITY, "utf-8", "2022-05-31", "赣州市人民代表大会常务委员会"),
    ("d.html", PROVINCIAL_AMENDED_TWICE, "utf-8", "2021-05-27", "内蒙古自治区人民代表大会常务委员会"),
    ("e.md", RULE_AMENDED, "utf-8", "2022-03-24", "江西省人民政府"),
    ("f.md", APPROVED.replace("人民代表大会常务委员会", "人大常委会"), "utf-8", "2019-09-26",
     "包头市人民代表大会常务委员会"),
])
def test_issued_and_issuer_of_local_regulations(tmp_path, name, text, encoding, issued, issuer):
    record = build(tmp_path, name, text, encoding)
    assert record.issued == issued
    assert [i.name_zh for i in record.issuers] == [issuer]
    assert all(not i.registered for i in record.issuers if "市" in i.name_zh)


def test_the_approving_congress_is_not_the_issuer_and_the_adoption_stays_in_provenance(tmp_path):
    record = build(tmp_path, "a.md", APPROVED)
    assert "内蒙古" not in record.issuers[0].name_zh
    source = record.provenance["fields"]["issued"]
    assert source["rule"] == "header:批准" and "2019年8月29日" in source["by"]
    assert record.effective == "2020-01-01"


def test_a_cue_inside_a_cited_title_is_not_the_dates_verb(tmp_path):
    record = build(tmp_path, "d.html", PROVINCIAL_AMENDED_TWICE)
    assert record.provenance["fields"]["issued"]["rule"] == "header:修正"


def test_jointly_issuing_bodies_one_per_line_close_the_entry(tmp_path):
    text = ("# 稀土产品检验工作规定\n\n1981年3月2日 国务院批准\n\n1981年3月20日 国家经济委员会\n\n"
            "国家计划委员会\n\n国家物资局\n\n国家标准局发布\n\n<!-- INFO END -->\n\n第一条 为了加强检验，制定本规定。\n")
    assert build(tmp_path, "f.md", text).issued == "1981-03-20"


PROVINCIAL_NOTICE = """江西省人民代表大会常务委员会公告
（第45号）

　　《江西省矿产资源管理条例》已由江西省第十三届人民代表大会常务委员会第三十二次会议于2021年7月28日修订通过，现予公布，自2021年10月1日起施行。

江西省人民代表大会常务委员会
2021年7月28日

江西省矿产资源管理条例

（1997年6月20日江西省第八届人民代表大会常务委员会第二十八次会议通过　2021年7月28日江西省第十三届人民代表大会常务委员会第三十二次会议修订）

　　第一条　为了加强矿产资源管理，制定本条例。
"""

GOVERNMENT_ORDER = """湖南省人民政府令
第309号

　　《湖南省矿产资源总体规划管理办法》已经2022年1月21日省人民政府第130次常务会议审议通过，现予公布，自2022年4月1日起施行。

省长　毛伟明
2022年2月8日

湖南省矿产资源总体规划管理办法

　　第一条　为了加强矿产资源规划管理，制定本办法。
"""

CITY_NOTICE_ALONE = """赣州市人民代表大会常务委员会公告
（第六届）第28号

　　《赣州市废弃稀土矿山治理条例》已经2024年4月25日赣州市第六届人民代表大会常务委员会第二十次会议通过，2024年5月30日江西省第十四届人民代表大会常务委员会第九次会议批准，现予公布，自2024年8月1日起施行。

赣州市人大常委会
2024年6月5日
"""


@pytest.mark.parametrize("text, title, issued, effective, issuer", [
    (PROVINCIAL_NOTICE, "江西省矿产资源管理条例", "2021-07-28", "2021-10-01", "江西省人民代表大会常务委员会"),
    (GOVERNMENT_ORDER, "湖南省矿产资源总体规划管理办法", "2022-02-08", "2022-04-01", "湖南省人民政府"),
    (CITY_NOTICE_ALONE, "赣州市废弃稀土矿山治理条例", "2024-06-05", "2024-08-01", "赣州市人民代表大会常务委员会"),
])
def test_a_promulgation_notice_names_the_text_and_its_issuer(tmp_path, text, title, issued, effective, issuer):
    """A file that opens with the 公告 or 令 promulgating a text is that text: titled as the
    notice names it, issued on the notice's date by the body that signs or heads it (a
    governor signs his government's order), a short signature read as the full name."""
    record = build(tmp_path, "a.txt", text, "gb18030")
    assert (record.title, record.issued, record.effective) == (title, issued, effective)
    assert [i.name_zh for i in record.issuers] == [issuer]
    assert record.provenance["fields"]["title"]["rule"] == "promulgation-notice"


def test_a_notice_titled_by_its_own_name_keeps_it(tmp_path):
    text = "江西省人民代表大会常务委员会公告\n（第46号）\n\n江西省第十三届人民代表大会常务委员会第三十二次会议选举张三为常务委员会委员。\n"
    assert build(tmp_path, "a.txt", text).title == "江西省人民代表大会常务委员会公告"


SITE_DATED = """<html><head><meta charset="utf-8"><title>黔南布依族苗族自治州矿产资源管理条例</title></head><body>
<p>您现在的位置：网站首页 &gt;&gt; 法规规章 &gt;&gt; 单行条例</p>
<h1>黔南布依族苗族自治州矿产资源管理条例</h1>
<p>发布日期：2019年01月08日　　信息来源：州人大法制委</p>
<p>（2018年9月28日黔南布依族苗族自治州第十四届人民代表大会第三次会议通过　2018年11月29日贵州省第十三届人民代表大会常务委员会第七次会议批准）</p>
<p>第一条　为了加强矿产资源管理，制定本条例。</p>
<p>第三十一条　本条例自2019年3月1日起施行。</p>
</body></html>
"""

DECISION_ON_ADOPTION = """<html><head><meta charset="utf-8"><title>赣州市人民代表大会常务委员会关于加强稀土矿区生态环境治理的决定</title></head><body>
<h2>赣州市人民代表大会常务委员会关于加强稀土矿区生态环境治理的决定</h2>
<p>（2021年10月28日赣州市第五届人民代表大会常务委员会第四十三次会议通过）</p>
<p>　　一、各级人民政府应当将稀土矿区生态环境治理纳入规划。</p>
<p>　　本决定自通过之日起施行。</p>
<p>发布时间：2021-11-02</p>
</body></html>
"""


@pytest.mark.parametrize("text, issued, effective, issuer", [
    (SITE_DATED, "2018-11-29", "2019-03-01", "黔南布依族苗族自治州人民代表大会"),
    (DECISION_ON_ADOPTION, "2021-10-28", "2021-10-28", "赣州市人民代表大会常务委员会"),
])
def test_a_sites_posting_date_does_not_date_a_text_with_its_own_history(tmp_path, text, issued, effective, issuer):
    """发布日期 / 发布时间 on a page is when the site put the text up; the adoption and
    approval lines the text opens with date it, and name the body that made it."""
    record = build(tmp_path, "a.html", text)
    assert (record.issued, record.effective) == (issued, effective)
    assert [i.name_zh for i in record.issuers] == [issuer]


FRONT_MATTER = """---
title: 内蒙古自治区稀土资源管理条例
date: 2024-08-02
---

内蒙古自治区人民代表大会常务委员会公告

《内蒙古自治区稀土资源管理条例》已由内蒙古自治区第十四届人民代表大会常务委员会第十次会议于2024年7月31日修订通过，现予公布，自2024年10月1日起施行。

内蒙古自治区人民代表大会常务委员会
2024年7月31日

第一条　为了保护和合理开发利用稀土资源，制定本条例。
"""


def test_a_front_matter_date_is_when_the_text_was_posted(tmp_path):
    record = build(tmp_path, "a.md", FRONT_MATTER)
    assert record.issued == "2024-07-31"
    assert record.provenance["fields"]["issued"]["rule"] == "header:公布"
    undated = FRONT_MATTER.split("内蒙古自治区人民代表大会常务委员会公告")[0] + "稀土资源管理条例的学习笔记。\n"
    assert build(tmp_path, "b.md", undated).issued == "2024-08-02"


@pytest.mark.parametrize("header, issuer", [
    ("（2010年1月6日省人民政府第20次常务会议通过　2010年1月20日省人民政府令第180号公布　自2010年3月1日起施行）",
     "江西省人民政府"),
    ("（2013年11月29日省第十二届人民代表大会常务委员会第七次会议通过）", "江西省人民代表大会常务委员会"),
    ("（2021年7月28日省十三届人大常委会第三十二次会议通过）", "江西省人民代表大会常务委员会"),
    ("（2021年7月28日江西省十三届人大常委会第三十二次会议通过）", "江西省人民代表大会常务委员会"),
])
def test_a_body_named_by_its_level_takes_the_place_the_title_names(tmp_path, header, issuer):
    """Provincial texts name their own bodies by level (省人民政府令第180号): the province is
    the one the title opens with."""
    text = f"江西省稀土矿产品运输管理办法\n\n{header}\n\n　　第一条　为了加强稀土矿产品运输管理，制定本办法。\n"
    assert [i.name_zh for i in build(tmp_path, "a.txt", text).issuers] == [issuer]


def test_an_order_copied_onto_one_line(tmp_path):
    text = ("湖南省人民政府令 第309号 《湖南省矿产资源总体规划管理办法》已经2022年1月21日省人民政府第130次常务会议审议通过，"
            "现予公布，自2022年4月1日起施行。 省长 毛伟明 2022年2月8日\n湖南省矿产资源总体规划管理办法\n"
            "第一条　为了加强矿产资源规划管理，制定本办法。\n")
    record = build(tmp_path, "a.txt", text)
    assert (record.title, record.issued) == ("湖南省矿产资源总体规划管理办法", "2022-02-08")
    assert [i.name_zh for i in record.issuers] == ["湖南省人民政府"]


ROOT = Path(__file__).resolve().parents[1]
# The labelled local set (tests/eval/local, see tests/eval/README.md); blind first run on
# 2026-12-03: title 19/24, issued 19/24, effective 22/23, issuers 16/24, status 3/3.
LOCAL_FLOORS = {"found": 1.0, "title": 0.95, "issued": 0.95, "effective": 0.95, "issuers": 0.95, "status": 0.95}


def test_local_regulation_set_scores(tmp_path):
    ix, export = tmp_path / "ix", tmp_path / "local.jsonl"
    assert run("index", ROOT / "tests" / "eval" / "local", "--index", ix).exit_code == 0
    assert run("export", "--index", ix, "--out", export).exit_code == 0
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "score_local.py"), str(export),
                          str(ROOT / "tests" / "eval" / "local.truth.tsv"), "--show", "0"],
                         capture_output=True, text=True, check=True).stdout
    assert_floors(out, LOCAL_FLOORS)


def test_articles_without_a_space_end_a_long_header(tmp_path):
    """A page's menus may fill the first lines; the header runs to the first article even
    where a copy lost the space after it (第一条为了…)."""
    menu = "".join(f"<li><a href='/n{i}'>栏目{i}：人大新闻 立法动态 代表工作</a></li>" for i in range(50))
    page = (f"<html><head><meta charset='utf-8'><title>江西省地质灾害防治条例</title></head><body><ul>{menu}</ul>"
            "<h1>江西省地质灾害防治条例</h1><p>（2013年11月29日江西省第十二届人民代表大会常务委员会第七次会议通过）</p>"
            "<p>第一条为了防治地质灾害，制定本条例。</p><p>第五十条本条例自2014年3月1日起施行。</p></body></html>")
    record = build(tmp_path, "a.html", page)
    assert (record.issued, record.effective) == ("2013-11-29", "2014-03-01")
    assert [i.name_zh for i in record.issuers] == ["江西省人民代表大会常务委员会"]


PREFECTURE_HEADER = """海西蒙古族藏族自治州矿产资源保护条例

（2015年2月12日海西蒙古族藏族自治州第十三届人民代表大会第五次会议通过　2015年5月28日青海省第十二届人民代表大会常务委员会第十八次会议批准　2015年6月10日海西蒙古族藏族自治州人民代表大会常务委员会公告公布　自2015年8月1日起施行）

第一条　为了保护矿产资源，制定本条例。
"""

PREFECTURE_NOTICE = """海西蒙古族藏族自治州人民代表大会常务委员会公告
第3号

　　《海西蒙古族藏族自治州矿产资源保护条例》已经2015年2月12日海西蒙古族藏族自治州第十三届人民代表大会第五次会议通过，2015年5月28日青海省第十二届人民代表大会常务委员会第十八次会议批准，现予公布，自2015年8月1日起施行。

海西蒙古族藏族自治州人民代表大会常务委员会
2015年6月10日
"""


@pytest.mark.parametrize("text", [PREFECTURE_HEADER, PREFECTURE_NOTICE])
def test_a_standing_committee_promulgates_what_its_congress_adopted(tmp_path, text):
    record = build(tmp_path, "a.txt", text)
    assert (record.title, record.issued) == ("海西蒙古族藏族自治州矿产资源保护条例", "2015-06-10")
    assert [i.name_zh for i in record.issuers] == ["海西蒙古族藏族自治州人民代表大会"]


@pytest.mark.parametrize("clause, effective", [
    ("本办法自公布之日起30日后施行。", "2010-02-19"),
    ("本办法自发布之日起三十日后施行。", "2010-02-19"),
    ("本办法自公布之日起施行。", "2010-01-20"),
])
def test_a_rule_in_force_some_days_after_it_is_promulgated(tmp_path, clause, effective):
    text = f"江西省稀土矿产品运输管理办法\n\n（2010年1月20日江西省人民政府令第180号公布）\n\n第一条　为了加强管理，制定本办法。\n第二十条　{clause}\n"
    assert build(tmp_path, "a.txt", text).effective == effective


@pytest.mark.parametrize("validity, status", [("已修改", "superseded"), ("已废止", "repealed"), ("有效", "in_force"),
                                              ("尚未生效", "upcoming")])
def test_a_law_databases_validity_label_is_the_status(tmp_path, validity, status):
    menu = "".join(f"<li>栏目{i}：人大新闻 立法动态</li>" for i in range(12))
    page = (f"<html><head><meta charset='utf-8'><title>江西省地质灾害防治条例</title></head><body><ul>{menu}</ul>"
            "<table><tr><td>制定机关：</td><td>江西省人民代表大会常务委员会</td></tr>"
            f"<tr><td>时效性：</td><td>{validity}</td><td>效力位阶：</td><td>地方性法规</td></tr></table>"
            "<h1>江西省地质灾害防治条例</h1><p>（2013年11月29日江西省第十二届人民代表大会常务委员会第七次会议通过）</p>"
            "<p>第一条　为了防治地质灾害，制定本条例。</p></body></html>")
    assert build(tmp_path, "a.html", page).status == status


def test_the_notice_formula_as_variously_written(tmp_path):
    text = CITY_NOTICE_ALONE.replace("》已经2024年4月25日", "》已于2024年4月25日经").replace("现予公布", "现予以公布")
    record = build(tmp_path, "a.txt", text)
    assert (record.title, record.issued) == ("赣州市废弃稀土矿山治理条例", "2024-06-05")
    assert [i.name_zh for i in record.issuers] == ["赣州市人民代表大会常务委员会"]


def test_a_promulgation_signed_jointly_names_every_body(tmp_path):
    text = ("江西省工业和信息化厅 江西省自然资源厅公告\n\n　　《江西省稀土开采企业监督管理细则》已经两厅审议通过，现予公布，"
            "自2024年1月1日起施行。\n\n江西省工业和信息化厅\n江西省自然资源厅\n2023年11月20日\n")
    record = build(tmp_path, "a.txt", text)
    assert record.issued == "2023-11-20"
    assert [i.name_zh for i in record.issuers] == ["江西省工业和信息化厅", "江西省自然资源厅"]


def test_a_page_titled_with_the_notice_is_titled_with_the_text_it_promulgates(tmp_path):
    page = ("<html><head><meta charset='utf-8'><title>江西省人民代表大会常务委员会公告（第45号）</title></head><body>"
            "<div>首页 | 法规数据库 | 立法动态</div><h2>江西省人民代表大会常务委员会公告（第45号）</h2>"
            "<p>《江西省矿产资源管理条例》已由江西省第十三届人民代表大会常务委员会第三十二次会议于2021年7月28日修订通过，"
            "现予公布，自2021年10月1日起施行。</p><p>江西省人民代表大会常务委员会</p><p>2021年7月28日</p>"
            "<p>第一条　为了加强矿产资源管理，制定本条例。</p></body></html>")
    assert build(tmp_path, "a.html", page).title == "江西省矿产资源管理条例"
    news = page.replace("<h2>江西省人民代表大会常务委员会公告（第45号）</h2>",
                        "<h1>江西新修订矿产资源管理条例10月起施行</h1><p>江西省人民代表大会常务委员会公告（第45号）</p>")
    assert build(tmp_path, "b.html", news).title == "江西新修订矿产资源管理条例10月起施行"


def test_a_notice_wrapped_at_a_fixed_width(tmp_path):
    text = ("江西省人民代表大会常务委员会公告\n（第45号）\n\n　　《江西省矿产资源管理条例》已由江西省第十三届人民代表大\n"
            "会常务委员会第三十二次会议于2021年7月28日修订通过，现予公布，\n自2021年10月1日起施行。\n\n"
            "江西省人民代表大会常务委员会\n2021年7月28日\n\n第一条　为了加强矿产资源管理，制定本条例。\n")
    record = build(tmp_path, "a.txt", text, "gb18030")
    assert (record.title, record.issued) == ("江西省矿产资源管理条例", "2021-07-28")
    assert [i.name_zh for i in record.issuers] == ["江西省人民代表大会常务委员会"]
