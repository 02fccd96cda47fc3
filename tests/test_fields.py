"""Field rules, one table per field: where official texts state things, and what stdidx takes."""
from pathlib import Path
from datetime import date

import pytest

from indexer.extract import fields
from indexer.extract.build import Builder, detect_lang
from indexer.extract.issuers import Registry
from indexer.read.rawdoc import RawDoc
from indexer.status import status_of

REGISTRY = Registry.load()

LAW = """中华人民共和国招标投标法

1999年8月30日 第九届全国人民代表大会常务委员会第十一次会议通过

2017年12月27日 第十二届全国人民代表大会常务委员会第三十一次会议《关于修改<中华人民共和国招标投标法>

<中华人民共和国计量法>的决定》修正

第一章 总则

第一条 为了规范招标投标活动，制定本法。
第六十八条 本法自2000年1月1日起施行。"""


@pytest.mark.parametrize("text, iso, rule", [
    (LAW, "2017-12-27", "header:修正"),                       # latest entry, wrapped over lines
    ("稀土管理条例\n（2024年4月26日国务院第31次常务会议通过　2024年6月22日中华人民共和国国务院令第785号公布　"
     "自2024年10月1日起施行）\n第一条 为了", "2024-06-22", "header:公布"),
    ("某条例\n二〇一九年十二月二十八日第十三届全国人民代表大会常务委员会第十五次会议通过\n第一条 为了",
     "2019-12-28", "header:通过"),                              # Chinese numerals
    ("某办法\n２０２１年３月１日 国务院令第７３８号公布\n第一条 为了", "2021-03-01", "header:公布"),
    ("某规定\n1993年12月12日 国务院批准\n1993年12月23日 财政部令第6号发布\n"
     "2023年7月20日 《国务院关于修改和废止部分行政法规的决定》第三次修订）\n第一条 为了", "2023-07-20", "header:修订"),
    ("国库券条例\n1992年3月18日 国务院令第95号发布\n第一条 为了。\n第十条 删去。（2011年1月8日删除）",
     "2011-01-08", "inline-amendment-note"),
    ("关于加强管理的通知\n各省工业和信息化主管部门：\n现通知如下。\n工业和信息化部\n2024年3月15日",
     "2024-03-15", "signature-date"),
    ("关于印发办法的通知\n工信部联原〔2026〕188号\n本办法自2027年1月1日起施行。\n工业和信息化部\n2026年10月20日\n\n"
     + "第一条 为了健全稀土产品追溯体系，规范追溯信息的采集、报送和使用，制定本办法。\n" * 8,
     "2026-10-20", "header:dated-line"),
    ("团体标准公告\n发布时间：2023-05-16  来源：中国稀土学会\n正文很长的一段话，说明情况。", "2023-05-16", "header:发布"),
])
def test_issued(text, iso, rule):
    found = fields.issued_date(text)
    assert (found.value.iso, found.rule) == (iso, rule)


def test_date_without_year_is_never_issued():
    assert fields.issued_date("On September 5 in Baotou, the two sides met.") is None


@pytest.mark.parametrize("text, issued, iso, rule", [
    (LAW, "2017-12-27", "2017-12-27", "amended-version-in-force-on-adoption"),
    ("某条例\n2024年6月22日国务院令第785号公布\n第一条 为了\n第三十二条 本条例自2024年10月1日起施行。",
     "2024-06-22", "2024-10-01", "article:施行"),
    ("某规定\n2020年1月2日 公安部令第1号公布\n第一条 为了\n第九条 本规定自公布之日起施行。",
     "2020-01-02", "2020-01-02", "effective-on-issue"),
    ("GB/T 13560-2017\n烧结钕铁硼永磁材料\n2017-10-14发布 2018-05-01实施\n1 范围", None, "2018-05-01", "header:实施"),
])
def test_effective(text, issued, iso, rule):
    from indexer.extract.dates import parse_date

    found = fields.effective_date(text, parse_date(issued) if issued else None)
    assert (found.value.iso, found.rule) == (iso, rule)


@pytest.mark.parametrize("title, text, ids, rule", [
    ("中华人民共和国招标投标法", LAW, ["NPCSC"], "header:adopting-body"),
    ("某规定", "某规定\n1987年4月29日 国务院批准\n1987年5月4日 公安部发布\n第一条 为了", ["STATE_COUNCIL"],
     "header:approved-by-state-council"),
    ("工业和信息化部 国家发展改革委 自然资源部关于印发《稀土开采和稀土冶炼分离总量调控管理暂行办法》的通知",
     "正文", ["MIIT", "NDRC", "MNR"], "title"),
    ("关于加强管理的通知", "关于加强管理的通知\n正文很长的一段话。\n工业和信息化部\n2024年3月15日", ["MIIT"], "signature"),
    ("关于发布标准的公告", "发布机关： 环境保护部 生成日期： 2011-01-24\n正文", ["MEE"], "label:issuer"),
    ("氧化镝", "GB/T 13558-2008\n氧化镝\n中华人民共和国国家质量监督检验检疫总局\n中国国家标准化管理委员会\n发布\n1 范围",
     ["SAMR", "SAC"], "header:issuing-line"),
    ("保障农民工工资支付条例", "第一章 总则\n第一条 为了", ["STATE_COUNCIL"], "title:national-条例"),
    ("内蒙古自治区稀土资源保护条例", "第一章 总则\n第一条 为了", [], ""),
])
def test_issuers(title, text, ids, rule):
    issued = fields.issued_date(text)
    adoption = issued.span if issued and issued.rule.startswith("header:") else ""
    matches, found_rule = fields.issuer_matches(title, text, REGISTRY, adoption)
    assert [m.entry.id for m in matches] == ids and found_rule == rule


def test_unregistered_issuer_kept_from_signature():
    found = fields.unregistered_issuer("通知正文。\n江西省稀土行业协会\n2024年5月6日")
    assert found.value == "江西省稀土行业协会"


@pytest.mark.parametrize("title, text, std, doc, kind", [
    ("关于发布《烧结钕铁硼》等3项团体标准的公告", "", False, False, "standard_notice"),
    ("中华人民共和国工业和信息化部公告", "批准XB/T 230-2019等行业标准", True, False, "standard_notice"),
    ("工业和信息化部关于下达稀土指标的通知", "正文", False, True, "policy"),
    ("关于《稀土管理条例（征求意见稿）》公开征求意见的通知", "正文", False, False, "policy"),
    ("烧结钕铁硼永磁材料", "", True, False, "standard"),
    ("中华人民共和国刑法修正案（七）", "", False, False, "policy"),
    ("Dysprosium prices climb", "", False, False, "news"),
])
def test_doc_type(title, text, std, doc, kind):
    lang = detect_lang(title + text)
    assert fields.doc_type(title, text, lang, std, doc).value == kind


@pytest.mark.parametrize("title, text, kind, issued, effective, status", [
    ("稀土管理条例（征求意见稿）", "", "policy", "2021-01-15", None, "draft"),
    ("某办法", "", "policy", "2026-10-20", "2027-01-01", "upcoming"),
    ("某办法【已废止】", "", "policy", "2010-01-01", None, "repealed"),
    ("某办法", "", "policy", "2024-06-22", "2024-10-01", "in_force"),
    ("Some news", "", "news", "2025-01-01", None, "unknown"),
    ("某办法", "", "policy", None, None, "unknown"),
])
def test_status(title, text, kind, issued, effective, status):
    assert status_of(title, text, kind, issued, effective, date(2026, 11, 29)).value == status


@pytest.mark.parametrize("kind, title, std_no, work", [
    ("standard", "烧结钕铁硼永磁材料", "GB/T 13560-2017", "std:GB/T 13560"),
    ("standard", "稀土杂质化学分析方法 第1部分", "GB/T 18115.1-2020", "std:GB/T 18115.1"),
    ("policy", "关于《稀土管理条例（征求意见稿）》公开征求意见的通知", None, "doc:稀土管理条例"),
    ("policy", "中华人民共和国矿产资源法", None, "doc:矿产资源法"),
    ("policy", "稀土管理條例", None, "doc:稀土管理条例"),
])
def test_work(kind, title, std_no, work):
    assert fields.work_key(kind, title, std_no, None, None) == work


def test_own_std_no_ignores_cited_numbers():
    assert fields.own_std_no("某团体标准", "按照GB/T 1.1—2020给出的规则起草。") is None
    assert fields.own_std_no("某标准", "T/CSRE 10018—2026\n代替T/CSRE 10001—2021").value == "T/CSRE 10018-2026"


@pytest.mark.parametrize("text, lang", [
    ("稀土管理条例 第一条", "zh-Hans"), ("稀土管理條例 第一條 為了規範釹鐵硼", "zh-Hant"),
    ("Rare earth export controls tightened", "en"),
])
def test_lang(text, lang):
    assert detect_lang(text) == lang


def test_provenance_names_rule_and_span_for_each_field():
    raw = RawDoc(format="markdown", encoding="utf-8", text=LAW, title="中华人民共和国招标投标法")
    record = Builder(REGISTRY, date(2026, 11, 29)).build(raw, "laws/招标投标法.md")
    sources = record.provenance["fields"]
    assert sources["issued"]["rule"] == "header:修正" and "2017年12月27日" in sources["issued"]["span"]
    assert sources["issuers"]["rule"] == "registry:header:adopting-body"
    assert record.issuers[0].id == "NPCSC" and record.issued == "2017-12-27"


def test_conflicting_effective_dates_take_the_header_and_warn():
    text = "某办法\n2024-01-05发布 2024-03-01实施\n正文\n第十条 本办法自2024年4月1日起施行。"
    raw = RawDoc(format="text", encoding="utf-8", text=text, title="某办法")
    record = Builder(REGISTRY, date(2026, 11, 29)).build(raw, "x.txt")
    assert record.effective == "2024-03-01"
    assert any("candidates disagree" in w and "2024-04-01" in w for w in record.provenance["warnings"])


def test_number_opening_a_list_item_is_cited_not_carried():
    text = "ISO/TC 298 publishes vocabulary standards\n- ISO 22444-1:2020, Rare earth — Vocabulary\n"
    assert fields.own_std_no("ISO/TC 298 publishes vocabulary standards", text) is None
    assert fields.own_std_no("x", "GB/T 13560—2017\n代替 GB/T 13560—2009").value == "GB/T 13560-2017"
    assert fields.own_std_no("x", "GB/T 13560—2017 代替 GB/T 13560—2009").value == "GB/T 13560-2017"
    assert fields.own_std_no("x", "GB/T 34490—2017/ISO 10993-1:2009\n").value == "GB/T 34490-2017"


# --- signatures on saved pages ------------------------------------------------------------

_NOTICE = ("关于印发《稀土产业发展实施方案》的通知\n发布时间：2023-09-15\n各设区市工业和信息化局：\n"
           "现将《稀土产业发展实施方案》印发给你们，请认真贯彻落实。\n附件：1.稀土产业发展实施方案\n")


def test_signature_before_the_attachments_own_text_dates_the_notice():
    text = _NOTICE + "某某省工业和信息化厅\n2023年9月12日\n附件1\n稀土产业发展实施方案\n" + "一、总体要求。" * 60
    assert fields.issued_date(text).value.iso == "2023-09-12"


def test_page_links_and_toolbars_after_a_signature_are_passed_over():
    text = (_NOTICE + "某某省工业和信息化厅\n2023年9月12日\n附件下载：附件1.docx\n【关闭窗口】\n相关文章\n"
            "关于开展2023年度稀土行业规范条件企业申报工作的通知 2023-06-02\n"
            "赣州市稀土产业链链长制工作推进会召开 2023-04-12\n上一条：关于征求意见的通知\n")
    assert fields.issued_date(text).value.iso == "2023-09-12"


def test_a_signature_may_give_the_body_and_its_date_on_one_line():
    text = _NOTICE.replace("发布时间：2023-09-15", "发布时间：2024-11-04") + "中华人民共和国工业和信息化部 2024年10月28日\n"
    assert fields.issued_date(text).value.iso == "2024-10-28"


def _built(folder: Path, name: str, text: str):
    """The record of a page written to `folder` and read as stdidx reads files."""
    from indexer.read import read_file

    page = folder / name
    page.write_text(text, "utf-8")
    return Builder().build(read_file(page)[0], name)


def test_a_page_titled_with_its_sites_name_is_titled_by_its_text(tmp_path):
    record = _built(tmp_path, "p.html", "<html><head><title>全国稀土标准化技术委员会</title></head><body>"
                    "<p><b>关于征求《稀土产品牌号表示方法》等4项国家标准（征求意见稿）意见的函</b></p>"
                    "<p>各有关单位：</p><p>现征求意见，请于2024年6月10日前反馈。</p>"
                    "<p>全国稀土标准化技术委员会<br>二〇二四年四月十日</p></body></html>")
    assert record.title.startswith("关于征求《稀土产品牌号表示方法》")
    assert fields.names_a_body("全国稀土标准化技术委员会") and not fields.names_a_body("中华人民共和国工业和信息化部公告")


def test_a_ministrys_department_is_the_ministry_named_as_written():
    text = "关于公开征求意见的通知\n现征求意见。\n工业和信息化部原材料工业司\n2025年2月19日\n"
    matches, _ = fields.issuer_matches("关于公开征求意见的通知", text, REGISTRY)
    assert [(m.entry.id, m.name) for m in matches] == [("MIIT", "工业和信息化部原材料工业司")]
    company = "关于调整价格的公告\n中国北方稀土（集团）高科技股份有限公司\n2024年1月2日\n"
    assert all(m.name != "工业和信息化部公司" for m in fields.issuer_matches("关于调整价格的公告", company, REGISTRY)[0])


def test_bodies_a_title_lists_issue_jointly_though_the_site_labels_one(tmp_path):
    title = "江西省工业和信息化厅 江西省自然资源厅 江西省生态环境厅关于印发《稀土产业实施方案》的通知"
    record = _built(tmp_path, "p.html", f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
                    "<p>发布机构：江西省工业和信息化厅</p><p>现将《稀土产业实施方案》印发给你们。</p>"
                    "<p>2023年9月12日</p></body></html>")
    assert [i.name_zh for i in record.issuers] == ["江西省工业和信息化厅", "江西省自然资源厅", "江西省生态环境厅"]


def test_a_site_body_publishes_what_its_page_only_reports():
    # A Taiwan bureau's brief of mainland standards names the mainland bodies in its text;
    # only its <title> and footer name the bureau.
    from indexer.read import read_file

    page = Path(__file__).parent / "eval" / "pages-b" / "p2-29.html"
    record = Builder().build(read_file(page)[0], page.name)
    assert [i.id for i in record.issuers] == ["TW_BSMI"]


def test_an_announcements_heading_and_the_number_under_it_are_one_title():
    text = "中华人民共和国工业和信息化部公告\n发布时间：2024-11-04 来源：科技司\n2024年第30号\n工业和信息化部批准…\n"
    assert fields.with_announcement_number("中华人民共和国工业和信息化部公告", text) == \
        "中华人民共和国工业和信息化部公告2024年第30号"
    assert fields.with_announcement_number("关于调整价格的公告", "关于调整价格的公告\n本公司董事会…\n") == "关于调整价格的公告"


@pytest.mark.parametrize("line", ["各有关单位：", "致各出口商、转口商及货运代理：", "工业和信息化部科技司 > 公示公告",
                                  "点阅次数 4213 更新日期 114-10-13"])
def test_greetings_trails_and_toolbars_are_never_titles(line):
    from indexer.extract import pages

    assert not pages._title_like(line)


def test_a_number_heading_or_ending_a_title_is_the_texts_own_one_inside_it_is_cited():
    text = "相关文件：工业和信息化部公告2024年第18号\n"
    assert fields.doc_number("中华人民共和国工业和信息化部公告2024年第30号", text).value == "工业和信息化部公告2024年第30号"
    cited = "为贯彻落实条例，市人民政府决定对《办法》（2016年包头市人民政府令第139号公布）作如下修改："
    found = fields.doc_number(cited, "包头市人民政府令\n第158号\n")
    assert found is None or "139" not in found.value


def test_english_labels_without_a_colon_name_the_number():
    text = ("Interim Measures for the Administration of Total Quantity Regulation\n"
            "Issuing bodies Ministry of Industry and Information Technology\n"
            "Document number MIIT, NDRC and MNR Order No. 71\nDate issued 2025-07-28\n"
            "Article 1 These Measures are formulated under the Order No. 70 of another ministry.\n")
    found = fields.doc_number("Interim Measures for the Administration of Total Quantity Regulation", text, "en")
    assert found is not None and found.value == "MIIT, NDRC and MNR Order No. 71"


def test_a_listed_companys_announcement_is_news_not_policy(tmp_path):
    record = _built(tmp_path, "a.txt", "证券代码：600111    证券简称：北方稀土    公告编号：2024—008\n\n"
                    "中国北方稀土（集团）高科技股份有限公司\n关于调整2024年第一季度稀土精矿交易价格的公告\n\n"
                    "本公司董事会及全体董事保证本公告内容不存在任何虚假记载。\n公司稀土精矿交易价格调整为不含税16269元/吨。\n"
                    "特此公告。\n\n中国北方稀土（集团）高科技股份有限公司董事会\n2024年1月2日\n")
    assert record.doc_type == "news" and not record.issuers
