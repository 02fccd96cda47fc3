"""Metadata of real web pages saved as text: titles, kinds, dates, numbers, references.

Fixtures under tests/data/pages are small pages written for these tests in the shape
real sites publish; the last test scores ../shared/realdata/pages with its scorer.
"""
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED, assert_floors, run
from indexer.extract.build import Builder
from indexer.extract.fields import cited_numbers, issued_date
from indexer.extract.stdno import find_std_nos
from indexer.read import read_file
from indexer.read.scraped import collapse_ocr_spacing, strip_pinyin

DATA = Path(__file__).parent / "data" / "pages"


def record(name, folder=DATA):
    return Builder().build(read_file(folder / name)[0], name)


def page_record(tmp_path, name, text):
    """The record of a page written for one test."""
    (tmp_path / name).write_text(text, "utf-8")
    return record(name, tmp_path)


def test_reposted_official_text_is_the_text():
    r = record("news-repost.txt")
    assert r.title == "稀土产品流向管理试行办法"
    assert r.doc_type == "policy"
    assert r.provenance["fields"]["title"]["rule"] == "page:official-text-heading"
    assert r.issued == "2026-02-20"
    assert r.doc_no == "工业和信息化部、自然资源部令第88号" or r.doc_no.endswith("令第88号")


def test_news_headline_before_date_line_and_deadline_is_not_issued():
    r = record("news-headline.txt")
    assert r.title == "工信部：稀土总量指标管理将进一步完善"
    assert r.doc_type == "news"
    assert r.issued == "2026-01-15"  # the page's date line, not the comment deadline
    assert r.provenance["fields"]["issued"]["rule"] == "page:date-line"


def test_standard_from_a_document_site():
    r = record("standard-catalogue.txt")
    assert r.title == "金属镧"
    assert r.doc_type == "standard"
    assert "GB/T 8170" in r.references and "GB/T 1.1-2020" in r.references
    assert "GB/T 99999-2026" not in r.references  # its own number is not a reference


def test_english_news_with_month_first_date():
    r = record("en-news.txt")
    assert r.title == "Example Corp joins a rare earth standards committee"
    assert r.doc_type == "news"
    assert r.issued == "2026-04-02"


def test_pinyin_annotations_and_ocr_spacing_are_repaired():
    assert strip_pinyin("標(biāo)準(zhǔn) (GB) Hello (world)")[0] == "標準 (GB) Hello (world)"
    assert collapse_ocr_spacing("X B/T 2 1 5-2 0 0 6 代 替 X B/T 2 1 5-1 9 9 5")[0] == \
        "XB/T215-2006代替XB/T215-1995"
    assert collapse_ocr_spacing("an ordinary English line with words in it and more words")[1] == 0


@pytest.mark.parametrize("written, canonical", [
    ("ISO22444.1:2020", "ISO 22444-1:2020"),
    ("IEC 60050(221):1990", "IEC 60050-221:1990"),
])
def test_iso_part_forms(written, canonical):
    assert [s.canonical for s, _, _ in find_std_nos(written)] == [canonical]


def test_references_traditional_script_numbers_fold_to_one_form():
    text = "依據國務院令第785號及GB/T 13560-2017，參照商務部公告2025年第61號。"
    assert cited_numbers(text) == ["国务院令第785号", "GB/T 13560-2017", "商务部公告2025年第61号"]


def test_summary_of_a_regulation_is_news(tmp_path):
    r = page_record(tmp_path, "brief.md", "# 《稀土管理條例》要點摘要\n\n香港　2024年7月3日\n\n國務院令第785號公布《稀土管理條例》，"
                    "2024年6月22日公布，自2024年10月1日起施行。\n")
    assert r.doc_type == "news"
    assert "国务院令第785号" in r.references
    assert r.doc_no is None


def test_bad_input_never_crashes(tmp_path):
    for text in ["", "\n\n\n", "(((", "GB/T", "令第號", "3/99/2016\nx", "《" * 500]:
        page = tmp_path / "x.txt"
        page.write_text(text or " ", "utf-8")
        try:
            raw = read_file(page)[0]
        except Exception as exc:  # an empty file is refused by the reader, not by extraction
            assert "empty" in str(exc).lower() or exc.__class__.__name__.endswith("Error")
            continue
        Builder().build(raw, "x.txt")


SCORER = SHARED / "tools" / "score_pages.py"
EVAL = Path(__file__).parent / "eval"
# Reached on 2026-12-02; the target is 0.90 for every field. On the real pages,
# issuers are 10/13: English long forms such as "… of PRC" are found but are not names the
# registry listing holds. The labelled set (tests/eval/pages, see tests/eval/README.md)
# holds pages and local regulations written for stdidx in the shapes real sites publish.
SCORED_SETS = {
    "real": (SHARED / "realdata" / "pages", SHARED / "realdata" / "pages.truth.tsv",
             {"doc_type": 0.97, "title": 0.95, "issued": 0.95, "effective": 0.95,
              "issuers": 0.76, "doc_no": 0.95, "std_numbers": 0.98}),
    "labelled": (EVAL / "pages", EVAL / "pages.truth.tsv",
                 {"doc_type": 0.95, "title": 0.9, "issued": 0.97, "effective": 0.97,
                  "issuers": 0.9, "doc_no": 0.97, "std_numbers": 0.98}),
    # A second set, labelled later without reading stdidx's rules (tests/eval/README.md).
    "labelled-b": (EVAL / "pages-b", EVAL / "pages-b.truth.tsv",
                   {"doc_type": 0.97, "title": 0.92, "issued": 0.92, "effective": 0.9,
                    "issuers": 0.97, "doc_no": 0.97, "std_numbers": 0.97}),
    # A third, labelled blind on 2026-12-03 (first run: type 31, title 25, issued 26 of 36).
    "labelled-c": (EVAL / "pages-c", EVAL / "pages-c.truth.tsv",
                   {"doc_type": 0.97, "title": 0.95, "issued": 0.92, "effective": 0.95,
                    "issuers": 0.85, "doc_no": 0.92, "std_numbers": 0.97}),
    # A fourth, of 12 pages, labelled blind on 2026-12-03 (first run: title 9, issuers 5/7, doc_no 3/5).
    "labelled-d": (EVAL / "pages-d", EVAL / "pages-d.truth.tsv",
                   {"doc_type": 0.9, "title": 0.9, "issued": 0.9, "effective": 0.9,
                    "issuers": 0.85, "doc_no": 0.8, "std_numbers": 0.97}),
}


@pytest.mark.skipif(not SCORER.exists(), reason=f"page scorer not present at {SCORER}")
@pytest.mark.parametrize("name", sorted(SCORED_SETS))
def test_page_set_scores(tmp_path, name):
    pages, truth, minima = SCORED_SETS[name]
    if not pages.is_dir():
        pytest.skip(f"pages not present at {pages}")
    ix = tmp_path / "ix"
    assert run("index", pages, "--index", ix).exit_code == 0
    export = tmp_path / "pages.jsonl"
    assert run("export", "--index", ix, "--out", export).exit_code == 0
    registry = tmp_path / "issuers.json"
    registry.write_text(run("issuers", "--format", "json").stdout, "utf-8")
    out = subprocess.run([sys.executable, str(SCORER), str(export), str(truth), "--registry", str(registry),
                          "--show", "0"], capture_output=True, text=True).stdout
    assert_floors(out, minima)


def test_front_matter_is_read_and_kept_out_of_the_body():
    r = record("front-matter.md")
    assert r.title == "稀土行业动态周报"
    assert r.issued == "2026-05-08"
    assert r.source_url == "https://example.org/weekly/2026-19"
    assert "example.org" not in r.text and "title:" not in r.text


def test_html_article_title_meta_and_og_url():
    r = record("meta.html")
    assert r.title == "关于开展稀土标准宣贯的通知"
    assert r.source_url == "https://example.org/a/1.html"
    assert "source_url: https://example.org/a/1.html" in run("inspect", DATA / "meta.html").stdout


@pytest.mark.parametrize("text, number", [
    ("（2025年7月28日工业和信息化部、国家发展改革委、自然资源部令第71号公布）", "工业和信息化部、国家发展改革委、自然资源部令第71号"),
    ("工業和信息化部、國家發展改革委、自然資源部令第71號", "工业和信息化部、国家发展改革委、自然资源部令第71号"),
])
def test_joint_orders_keep_every_issuer(text, number):
    assert cited_numbers(text) == [number]


def test_catalogue_label_names_both_cover_bodies(tmp_path):
    r = page_record(tmp_path, "c.txt", "GB/T 99998-2008《金属钇》基本信息\n发布部门:中华人民共和国国家质量监督检验检疫总局 中国国家标准化管理委员会\n"
                    "发布日期:2008-03-31\n实施日期:2008-09-01\n本标准规定了金属钇的要求。\n")
    assert r.title == "金属钇"
    assert {i.id for i in r.issuers} == {"SAMR", "SAC"}


@pytest.mark.parametrize("cover, issued, effective", [
    ("ISSUED ON. OCTOBER 14, 2017\nIMPLEMENTED ON. MAY 01, 2018", "2017-10-14", "2018-05-01"),
    ("发布日期:2008-03-31\n出版日期:2008-06-01\n实施日期:2008-09-01", "2008-03-31", "2008-09-01"),
])
def test_cover_dates_of_a_standard_under_labels(tmp_path, cover, issued, effective):
    r = page_record(tmp_path, "s.txt", f"GB/T 99997-2017\n金属钆\n{cover}\n本标准规定了金属钆的要求。规范性引用文件 GB/T 8170\n")
    assert (r.doc_type, r.issued, r.effective) == ("standard", issued, effective)


def test_a_name_the_text_writes_is_kept_beside_the_registered_one(tmp_path):
    r = page_record(tmp_path, "c.txt", "GB/T 99996-2019《金属铒》基本信息\n发布部门:中国国家标准化管理委员会\n"
                    "发布日期:2019-03-31\n实施日期:2019-10-01\n本标准规定了金属铒的要求。\n")
    [sac] = r.issuers
    assert (sac.id, sac.name_zh, sac.named_zh) == ("SAC", "国家标准化管理委员会", "中国国家标准化管理委员会")
    shown = run("inspect", tmp_path / "c.txt").stdout
    assert "(named as 中国国家标准化管理委员会)" in shown and "former" not in shown


def test_a_name_cut_short_on_a_catalogue_resolves_and_proposers_are_not_issuers(tmp_path):
    r = page_record(tmp_path, "c.txt", "标准简介\n本标准规定了金属铥的要求。\n发布部门:国家质量监督检验检疫.\n"
                    "发布日期:2008-03-31\n实施日期:2008-09-01\n前言\n本标准由国家发展和改革委员会稀土办公室提出。\n"
                    "本标准由全国稀土标准化技术委员会归口。\n")
    assert [i.id for i in r.issuers] == ["SAMR"]
    assert r.issuers[0].named_zh == "国家质量监督检验检疫总局"  # its name on the standard's date


def test_a_foreword_alone_names_no_issuer(tmp_path):
    r = page_record(tmp_path, "c.txt", "前言\n本标准规定了金属镱的要求。本标准由国家发展和改革委员会稀土办公室提出。"
                    "本标准由全国稀土标准化技术委员会归口。\n规范性引用文件 GB/T 8170\n")
    assert "NDRC" not in [i.id for i in r.issuers]


@pytest.mark.parametrize("cover", [
    "中华人民共和国国家质量监督检验检疫总局 发布 中国国家标准化管理委员会 GB/T99995-2015 金属铕 1范围",
    "國家市場監督管理總局\n國家標準化管理委員會發布",
])
def test_cover_bodies_beside_their_issuing_word(tmp_path, cover):
    r = page_record(tmp_path, "c.txt", f"中华人民共和国国家标准\nGB/T 99995-2015\n金属铕\n2015-09-11发布 2016-08-01实施\n{cover}\n"
                    "本文件按照GB/T 1.1—2020的规定起草。\n")
    assert r.doc_type == "standard"
    assert {i.id for i in r.issuers} == {"SAMR", "SAC"}


def test_english_cover_names_over_wrapped_lines(tmp_path):
    r = page_record(tmp_path, "e.txt", "GB/T 99994-2017\nSintered samarium cobalt permanent magnets\n"
                    "ISSUED ON. OCTOBER 14, 2017\nIMPLEMENTED ON. MAY 01, 2018\n"
                    "Issued by. General Administration of Quality Supervision Inspection and\nQuarantine of PRC;\n"
                    "Standardization Administration of PRC.\nThis standard specifies the requirements. Normative references\n")
    assert [i.id for i in r.issuers] == ["SAMR", "SAC"]
    assert r.issuers[1].named_en == "Standardization Administration of PRC"


def test_an_unregistered_labelled_unit_is_kept_with_the_body_its_number_names(tmp_path):
    r = page_record(tmp_path, "e.txt", "MOFCOM Announcement No. 18 of 2024: Decision on Export Controls on Certain Items\n"
                    "[Issuing Unit] Industrial Security and Import and Export Control Bureau\n"
                    "[Issuing Document Number] MOFCOM Announcement No. 18 of 2024\n[Issuing Date] May 30, 2024\n"
                    "To safeguard national security, the following export control measures are decided.\n")
    assert [i.name_zh for i in r.issuers] == ["商务部", "Industrial Security and Import and Export Control Bureau"]
    assert r.issuers[1].registered is False
    # An English text keeps its number as written; the canonical form finds it too.
    assert r.doc_no == "MOFCOM Announcement No. 18 of 2024"
    ix = tmp_path / "ix"
    assert run("index", tmp_path / "e.txt", "--index", ix).exit_code == 0
    assert "MOFCOM Announcement No. 18 of 2024" in run("search", "商务部公告2024年第18号", "--index", ix).stdout


def test_cover_title_wrapping_over_lines_and_dates_with_lost_dashes(tmp_path):
    r = page_record(tmp_path, "c.txt", "下载本文档\nICS77.120.99\n中華人民共和國國家標準\nGB/T18114.99—2025\n"
                    "稀土精礦化學分析方法\n第99部分:稀土氧化物含量和\n配分量的測定\nChemical analysis methods—Part 99\n"
                    "2025?08?01發布2026?02?01實施\n國家市場監督管理總局\n國家標準化管理委員會發布\n前言\n本文件按照GB/T1.1—2020起草。\n")
    assert r.title == "稀土精礦化學分析方法 第99部分:稀土氧化物含量和配分量的測定"
    assert (r.doc_type, r.issued, r.effective) == ("standard", "2025-08-01", "2026-02-01")
    assert any(x.startswith("lost-dashes") for x in r.provenance["repairs"])


def test_ocr_spaced_stretches_inside_a_line_are_joined():
    line = ("X8中 华 人 民 共 和 国 稀 土 行 业 标 准X B/T 2 1 5-2 0 0 6代替 XB/T 2 1 5-1 9 9 5氟化镝D y s p r o s i u m"
            " f l u o r i d e2 0 0 6-0 5-1 3 发布2 0 0 7-0 1-0 1实施")
    joined = collapse_ocr_spacing(line)[0]
    assert "XB/T215-2006代替" in joined and "215-1995氟化镝" in joined and "2006-05-13发布" in joined
    assert collapse_ocr_spacing("Fe Si Al Ca Mg MoW 0.1 0.10 0.02")[1] == 0
    assert collapse_ocr_spacing("第一条 镝 & 铽 <不> 混用。")[1] == 0  # words spaced apart are words


@pytest.mark.parametrize("text", [
    "10月9日上午，商务部发布两项公告。\n\n商务部发言人表示，此举维护国家安全。\n\n"
    "2010年10月31日，江苏省连云港市，工人在港口运送稀土。（资料图片）\n\n决定采取以下出口管制措施。\n",
    "2025 年 10 月 9 日,商务部正式发布《商务部公告 2025 年第 61 号》,宣布实施出口管制。此举标志着管制体系向境外延伸。\n",
])
def test_news_dates_of_what_it_reports_and_numbers_it_cites_are_not_its_own(tmp_path, text):
    r = page_record(tmp_path, "n.txt", text)
    assert r.doc_type == "news"
    assert r.issued is None and r.doc_no is None
    assert any("dates what it reports" in w for w in r.provenance["warnings"])


def test_a_date_opening_a_news_item_is_its_own(tmp_path):
    r = page_record(tmp_path, "n.txt", " date 2021-01-16 BEIJING, Jan. 15 (Xinhua) -- China's ministry on Friday "
                    "started to solicit public opinion on draft rules, according to the ministry.\n")
    assert (r.doc_type, r.issued) == ("news", "2021-01-16")


@pytest.mark.parametrize("body, other", [
    ("现将办法全文公布征求意见。请于2026年12月20日前通过电子邮件反馈意见。", "2026年12月20日"),
    ("定于2026年11月5日在北京召开稀土标准宣贯会，请各单位派员参加。", "2026年11月5日"),
    ("根据2024年6月22日公布的《稀土管理条例》，现就有关事项通知如下。", "2024年6月22日"),
])
def test_deadlines_meetings_and_cited_texts_dates_never_date_a_notice(tmp_path, body, other):
    r = page_record(tmp_path, "n.txt", f"关于做好稀土标准宣贯工作的通知\n\n各有关单位：\n\n{body}\n\n联系人：张三\n")
    assert r.issued is None
    assert any(other in w and "left empty" in w for w in r.provenance["warnings"])


def test_an_amendment_adopted_by_a_decision_keeps_its_date(tmp_path):
    r = page_record(tmp_path, "l.md", "# 某某条例\n\n2009年8月27日第十一届全国人民代表大会常务委员会第十次会议通过的"
                    "《关于修改部分法律的决定》修正\n\n<!-- INFO END -->\n\n第一条 为了规范管理，制定本条例。\n")
    assert r.issued == "2009-08-27"


GOV_PAGE = """<html><head><meta charset="utf-8"><title>{title}_国务院文件_中国政府网</title>
<meta name="PubDate" content="2024-06-29 18:00"><meta name="ContentSource" content="中国政府网"></head><body>
<table class="bd1">
<tr><td><b>索 引 号：</b></td><td>000014349/2024-00062</td><td><b>主题分类：</b></td><td>工业、交通</td></tr>
<tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2024年04月26日</td></tr>
<tr><td><b>发文字号：</b></td><td>中华人民共和国国务院令第785号</td><td><b>发布日期：</b></td><td>2024年06月29日</td></tr>
</table><h1>{title}</h1>{header}<p>第一条　为了有效保护和合理开发利用稀土资源，制定本条例。</p></body></html>"""


@pytest.mark.parametrize("header, issued, rule", [
    ("", "2024-04-26", "header:成文"),
    ("<p>（2024年4月26日国务院第31次常务会议通过　2024年6月22日中华人民共和国国务院令第785号公布）</p>",
     "2024-06-22", "header:公布"),
])
def test_gov_header_table_dates_the_text_by_its_own_date_not_the_sites(tmp_path, header, issued, rule):
    r = page_record(tmp_path, "g.html", GOV_PAGE.format(title="稀土管理条例", header=header))
    assert (r.issued, r.provenance["fields"]["issued"]["rule"]) == (issued, rule)
    assert [i.id for i in r.issuers] == ["STATE_COUNCIL"] and r.doc_no == "国务院令第785号"


def test_page_metadata_dates_a_news_item_and_names_a_registered_source(tmp_path):
    news = page_record(tmp_path, "n.html", '<html><head><meta property="article:published_time" '
                       'content="2025-03-18T09:30:00+08:00"><meta name="ContentSource" content="某某日报"></head>'
                       "<body><h1>稀土行业协会召开年度会议</h1><p>本报讯（记者 王五）日前，中国稀土行业协会在北京召开年度会议，"
                       "会议总结了过去一年的工作，与会代表表示将继续推动行业发展。</p></body></html>")
    assert (news.doc_type, news.issued, news.issuers) == ("news", "2025-03-18", [])
    notice = page_record(tmp_path, "p.html", '<html><head><meta name="PubDate" content="2025-04-02 10:00">'
                         '<meta name="ContentSource" content="工业和信息化部"></head><body><h1>关于开展稀土行业规范条件'
                         "公告申报工作的通知</h1><p>各省、自治区、直辖市工业和信息化主管部门：现就申报工作通知如下。"
                         "请按要求组织企业申报。特此通知。</p></body></html>")
    assert (notice.issued, [i.id for i in notice.issuers]) == ("2025-04-02", ["MIIT"])
    assert notice.provenance["fields"]["issuers"]["rule"] == "meta:source"


def test_a_label_without_a_colon_names_its_body(tmp_path):
    r = page_record(tmp_path, "l.txt", "某市稀土资源保护条例\n制定机关某市人民代表大会常务委员会法律性质地方性法规\n"
                    "公布日期 2021-12-01\n（2021年10月28日某市第八届人民代表大会常务委员会第四次会议通过　"
                    "2021年12月1日某省第十三届人民代表大会常务委员会第三十七次会议批准）\n第一条　为了保护资源，制定本条例。\n")
    assert [i.name_zh for i in r.issuers] == ["某市人民代表大会常务委员会"] and r.issued == "2021-12-01"


def test_a_general_office_is_its_body_named_as_written(tmp_path):
    r = page_record(tmp_path, "n.txt", "关于开展稀土企业核查工作的通知\n各省工业和信息化主管部门：\n现就核查工作通知如下。\n"
                    "特此通知。\n工业和信息化部办公厅\n2024年5月13日\n相关文件\n· 工业和信息化部关于公布企业名单的公告\n")
    [miit] = r.issuers
    assert (miit.id, miit.named_zh) == ("MIIT", "工业和信息化部办公厅")
    assert r.issued == "2024-05-13"  # a date alone on its line takes no verb from the lines below


def test_the_signature_date_outranks_the_sites_publication_time(tmp_path):
    r = page_record(tmp_path, "n.txt", "关于发布《稀土抛光粉》等3项团体标准的公告\n发布时间：2022-10-14　阅读：1208\n"
                    "各有关单位：\n现予公告。\n中国稀土学会\n2022年10月12日\n")
    assert r.issued == "2022-10-12"


def test_a_promulgating_notice_dates_the_regulation_it_heads(tmp_path):
    r = page_record(tmp_path, "l.txt", "某市人民代表大会常务委员会公告\n（第8号）\n《某市稀土产业条例》已由某市人民代表大会常务委员会"
                    "于2022年8月26日通过，经某省人民代表大会常务委员会于2022年11月23日批准，现予公布。\n"
                    "某市人民代表大会常务委员会\n2022年12月2日\n某市稀土产业条例\n（2022年8月26日某市第十六届人民代表大会常务委员会"
                    "第三次会议通过　2022年11月23日某省第十三届人民代表大会常务委员会第三十七次会议批准）\n第一章　总则\n")
    assert r.issued == "2022-12-02"


def test_breadcrumbs_and_tool_bars_are_never_titles(tmp_path):
    r = page_record(tmp_path, "n.txt", "学会首页 > 标准化 > 通知公告\n\n字号：大 中 小 | 打印 | 分享\n\n"
                    "关于发布《稀土抛光粉》等3项团体标准的公告\n\n各有关单位：现予公告。\n")
    assert r.title == "关于发布《稀土抛光粉》等3项团体标准的公告"


def test_a_standards_own_number_is_not_part_of_its_title(tmp_path):
    r = page_record(tmp_path, "s.html", "<html><body><h1>GB/T 99993-2017 烧结钐钴永磁材料</h1><p>本标准规定了烧结钐钴永磁材料"
                    "的技术要求。规范性引用文件 GB/T 8170</p></body></html>")
    assert (r.title, r.std_no) == ("烧结钐钴永磁材料", "GB/T 99993-2017")


@pytest.mark.parametrize("title, kind", [
    ("Regulations on the Administration of Rare Earths", "policy"),
    ("关于进一步加强稀土矿产资源勘查开采监督管理的通知", "policy"),
])
def test_official_titles_hold_against_cited_standards(tmp_path, title, kind):
    r = page_record(tmp_path, "p.md", f"# {title}\n\n各有关单位：产品应当符合GB/T 13560-2017、GB/T 17803-2015的要求。"
                    "Products shall meet GB/T 13560-2017.\n")
    assert r.doc_type == kind


def test_an_english_texts_own_number_heads_a_line(tmp_path):
    r = page_record(tmp_path, "d.html", "<html><body><h1>Regulations on the Administration of Rare Earths</h1>"
                    "<p><b>Decree of the State Council of the People's Republic of China</b><br>No. 785</p>"
                    "<p>The Regulations are hereby promulgated. As required by State Council Decree No. 700, …</p>"
                    "</body></html>")
    assert r.doc_no.startswith("Decree of the State Council") and r.doc_no.endswith("No. 785")


@pytest.mark.parametrize("byline", ["Posted 28 August 2025 · Companies, China · Reading time 3 min",
                                    "*Weekly heavy rare earths note — 5 Sept. 2025*"])
def test_a_by_line_date_is_the_news_items_own(tmp_path, byline):
    r = page_record(tmp_path, "n.md", f"# Magnet makers report record volumes\n\n{byline}\n\nThe companies said on Friday "
                    "that output rose, according to filings, while prices climbed in June.\n")
    assert r.doc_type == "news" and r.issued in ("2025-08-28", "2025-09-05")


def test_index_verbose_lists_each_warning(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "n.txt").write_text("关于召开稀土标准宣贯会的通知\n\n各有关单位：\n\n定于2026年11月5日在北京召开宣贯会。\n",
                                        "utf-8")
    quiet = run("index", tmp_path / "c", "--index", tmp_path / "ix").stdout
    assert "1 warning on indexed records (use --verbose" in quiet
    loud = run("index", tmp_path / "c", "--index", tmp_path / "ix", "--verbose").stdout
    assert "  warning  n.txt: issued: the text's dates are of other things" in loud


CLASSED_HEADER_PAGE = """<html><head><meta charset="utf-8"><meta name="PubDate" content="2024-02-07 16:20"></head><body>
<div class="policyLibraryOverview_header"><table>
<tr><td>索&nbsp;引&nbsp;号：</td><td>000014349/2024-00017</td><td>主题分类：</td><td>工业</td></tr>
<tr><td>发文机关：</td><td>工业和信息化部 自然资源部</td><td>成文日期：</td><td>2024年02月05日</td></tr>
<tr><td>发文字号：</td><td>工信部联原〔2024〕27号</td><td>发布日期：</td><td>2024年02月07日</td></tr>
</table></div>
<div class="content"><p>关于下达2024年第一批稀土开采总量控制指标的通知</p>
<p>各有关省（区）工业和信息化主管部门：</p>
<p>现将2024年第一批稀土开采总量控制指标下达给你们，请于2024年3月31日前报送落实情况。</p>
<p>工业和信息化部　自然资源部</p><p>2024年2月5日</p></div>
<div class="editor">责任编辑：张三</div></body></html>"""


def test_a_metadata_table_the_site_classes_a_header_is_read(tmp_path):
    """A gov.cn table of 发文机关 / 成文日期 / 发文字号 is the text's own metadata, whatever the
    site's class names; a deadline's 31日前 is no news word (日前, 'recently')."""
    r = page_record(tmp_path, "t.html", CLASSED_HEADER_PAGE)
    assert r.doc_type == "policy" and r.issued == "2024-02-05" and r.doc_no == "工信部联原〔2024〕27号"
    assert [i.id for i in r.issuers] == ["MIIT", "MNR"]


@pytest.mark.parametrize("lines, title", [
    ("索 引 号：11150200011515628X/2023-00087\n发布机构：包头市人民政府办公室\n文　　号：包府发〔2023〕18号\n\n"
     "包头市人民政府关于印发支持稀土产业发展若干政策措施的通知\n\n各旗、县、区人民政府，市直各有关部门：\n",
     "包头市人民政府关于印发支持稀土产业发展若干政策措施的通知"),
    ("索 引 号：000014349/2024-00017\n标　　题：关于下达2024年第一批稀土开采总量控制指标的通知\n发文字号：工信部联原〔2024〕27号\n",
     "关于下达2024年第一批稀土开采总量控制指标的通知"),
    ("来源：省政府网　时间：2024-05-20\n\n江西省人民政府办公厅关于印发稀土产业三年行动方案的通知\n\n赣府厅字〔2024〕35号\n\n"
     "各市、县（区）人民政府，省政府各部门：\n", "江西省人民政府办公厅关于印发稀土产业三年行动方案的通知"),
])
def test_metadata_rows_numbers_and_salutations_are_never_titles(tmp_path, lines, title):
    body = "　　" + "现将有关政策措施印发给你们，请结合实际认真贯彻落实，各地要加强组织领导，明确责任分工，确保各项措施落到实处。" * 2
    r = page_record(tmp_path, "t.txt", lines + body + "\n")
    assert r.title == title


@pytest.mark.parametrize("text, iso, rule", [
    # the signature comes before an attachment headed with a note; neighbours' links close the page
    ("中华人民共和国工业和信息化部公告\n2024年第37号\n发布时间：2024-12-26\n工业和信息化部批准《镨钕镝合金》等14项行业标准，"
     "现予以公布。\n附件：1.行业标准编号、名称一览表\n工业和信息化部\n2024年12月20日\n附件1 （节选：稀土行业标准）\n"
     "序号 标准编号 标准名称 实施日期\n1 XB/T 628-2024 镨钕镝合金 2025-07-01\n相关文件\n· 工业和信息化部公告2024年第21号（2024-08-30）\n",
     "2024-12-20", "signature-date"),
    # an English page's own label outranks the adoption date of a law it cites
    ("MOFCOM and GAC Announcement No. 18 of 2025\n[Issuing Authority] Ministry of Commerce\n"
     "[Date of Issue] April 4, 2025\nIn accordance with the Export Control Law of the People's Republic "
     "of China (adopted on October 17, 2020), it is decided as follows.\n", "2025-04-04", "label:Date of Issue"),
    # a promulgation notice whose line breaks were lost: the date after the signer's name
    ("中华人民共和国国务院令稀土管理条例已经2024年4月26日国务院第31次常务会议通过,现予公布,自2024年10月1日起施行。"
     "总理李强2024年6月22日稀土管理条例第一条为了有效保护稀土资源，制定本条例。", "2024-06-22", "header:公布"),
])
def test_the_texts_own_date_among_the_pages_others(text, iso, rule):
    found = issued_date(text)
    assert (found.value.iso, found.rule) == (iso, rule)


def test_a_link_date_takes_no_verb_from_the_next_label_and_a_number_is_no_history_entry():
    text = ("关于征求团体标准意见的通知\n发布时间：2025-05-22\n各有关单位：\n现公开征求意见。\n中国稀土学会\n2025年5月20日\n"
            "上一篇：关于召开学术年会的通知（2025-05-09）\n下一篇：中国稀土学会关于公布2025年度立项项目的通知\n")
    assert issued_date(text).value.iso == "2025-05-20"
    notice = "中华人民共和国国家标准公告\n2025年第19号\n发布日期：2025-08-04\n国家市场监督管理总局批准…等45项国家标准，现予以公布。\n"
    found = issued_date(notice)
    assert found is None or found.rule != "header:公布"  # 2025年第19号 … 现予以公布 is no adoption line
