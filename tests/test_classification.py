"""Classification where documents state it: ICS and CCS codes, technical committee (归口),
drafting units (起草单位) — read, indexed, filtered on, counted as facets, exported."""
import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import REPO, run
from indexer.extract.classification import ccs_code, classify, committee_id, ics_code
from indexer.read.xmlrec import read_xml


# --- reading what a text states -----------------------------------------------------------------

@pytest.mark.parametrize("text, ics, ccs", [
    ("ICS 77.120.99\nCCS H 65\nT/CSRE\n中国稀土学会团体标准", ["77.120.99"], ["H65"]),
    ("ICS 01.040.77；77.120.99\nCCS H10\nGB/T 44108.1—2024", ["01.040.77", "77.120.99"], ["H10"]),
    ("ICS 77.120.99\nH 14\n中华人民共和国国家标准", ["77.120.99"], ["H14"]),        # older covers: no CCS label
    ("ICS 77. 120. 99D 43XB中华人民共和国稀土行业标准", ["77.120.99"], ["D43"]),       # OCR spacing of a web copy
    ("中国标准文献分类号：H 65", [], ["H65"]),
    ("ICS 77.120.99\nT 10012—2024", ["77.120.99"], []),           # a number after it is no CCS code
    ("本标准规定了ICS编码的使用方法。", [], []),
    ("稀土永磁材料", [], []),
])
def test_ics_and_ccs_codes_are_read_where_stated(text, ics, ccs):
    found = classify(text)
    assert (found.ics, found.ccs) == (ics, ccs)


@pytest.mark.parametrize("text, committees", [
    ("本标准由全国稀土标准化技术委员会（SAC/TC 229）提出并归口。", ["SAC/TC 229"]),
    ("本标准由全国稀土标准化技术委员会归口并负责解释。", ["SAC/TC 229"]),        # the name, from the vocabulary
    ("本标准由国家发展和改革委员会稀土办公室提出。本标准由全国有色金属标准化技术委员会归口。", ["SAC/TC 243"]),
    ("本文件由中国稀土学会提出并归口。", ["中国稀土学会"]),                     # a body outside the vocabulary: its name
    ("归口单位:全国稀土标准化技术委员会", ["SAC/TC 229"]),
    ("由全国稀土标准化技术委员会（SAC/TC229）归口的国家标准《稀土 词汇》已完成征求意见。", ["SAC/TC 229"]),
    ("稀土产品由国务院有关部门归口管理。", []),                                  # no committee, no unit
    ("请各技术委员会和主管部门组织起草单位广泛征求意见。", []),
])
def test_the_committee_a_text_is_under(text, committees):
    assert classify(text).committees == committees


@pytest.mark.parametrize("text, drafters", [
    ("本文件起草单位：中国稀土集团有限公司、赣州市开源科技有限公司、江西理工大学。",
     ["中国稀土集团有限公司", "赣州市开源科技有限公司", "江西理工大学"]),
    ("本标准起草单位：（按征求意见阶段名单）格林美股份有限公司、中车株洲电机有限公司。",
     ["格林美股份有限公司", "中车株洲电机有限公司"]),
    ("本标准由内蒙古包钢稀土高科技股份有限公司负责起草。本标准由北京有色金属研究总院、湖南稀土金属材料研究院参加起草。"
     "本标准主要起草人：郝高慧、王静。",
     ["内蒙古包钢稀土高科技股份有限公司", "北京有色金属研究总院", "湖南稀土金属材料研究院"]),
    ("如需对项目名称、主要技术内容、起草单位等进行调整，应当按程序报批。", []),
    ("起草单位：张三、李四。", []),                                          # people are not units
])
def test_the_drafting_units_a_text_names(text, drafters):
    assert classify(text).drafters == drafters


@pytest.mark.parametrize("text", ["", "ICS", "ICS ；；", "CCS", "由" * 500 + "归口", "起草单位：" + "、" * 1000,
                                  "ICS 77." * 300, "\x00\x01 SAC/TC 99999999"])
def test_odd_text_never_raises(text):
    found = classify(text)
    assert all(isinstance(v, list) for v in (found.ics, found.ccs, found.committees, found.drafters))


COVER_TEXT = st.text(alphabet=st.sampled_from(list("ICS CCS H 0123456789.；、由归口起草单位：研究院公司（）SAC/TC\n")), max_size=120)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), COVER_TEXT))
def test_reading_any_text_never_raises_and_codes_are_canonical(text):
    found = classify(text)
    assert all(ics_code(code) == code for code in found.ics)
    assert all(ccs_code(code) == code for code in found.ccs)
    assert all(committee_id(c) == c for c in found.committees)


def test_codes_and_committees_are_written_one_way():
    assert ics_code("77. 120. 99") == "77.120.99" and ics_code("77.1x") is None
    assert ccs_code("h 65") == "H65" and ccs_code("H") is None
    assert {committee_id(w) for w in ("SAC/TC 229", "sac/tc229", "全国稀土标准化技术委员会",
                                      "全国稀土标准化技术委员会（SAC/TC 229）")} == {"SAC/TC 229"}
    assert committee_id("ISO/TC 298/SC 1") == "ISO/TC 298/SC 1"


# --- the bundled corpus, searched and counted ---------------------------------------------------

def search_json(index, *args) -> dict:
    result = run("search", *args, "--index", index, "--format", "json", "--limit", "100")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_standards_classification_is_in_its_record(corpus_records):
    record = next(r for r in corpus_records if r["std_no"] == "T/CSRE 10012-2024")
    assert record["ics"] == ["77.120.99"] and record["ccs"] == ["H65"]
    assert record["committees"] == ["中国稀土学会"]
    assert record["drafters"][:2] == ["中国稀土集团有限公司", "赣州市开源科技有限公司"]
    stated = [r for r in corpus_records if r["doc_type"] == "standard" and r["committees"]]
    assert len(stated) >= 40


def test_ics_filter_takes_a_code_or_its_group(corpus_index, corpus_records):
    group = search_json(corpus_index, "--ics", "77.120")
    assert group["total"] and all(any(c.startswith("77.120.") for c in h["ics"]) for h in group["hits"])
    expected = {r["id"] for r in corpus_records if any(c.startswith("77.120.") for c in r["ics"])}
    assert {h["id"] for h in group["hits"]} == expected
    exact = search_json(corpus_index, "--ics", "29.030")
    assert [h["std_no"] for h in exact["hits"]] == ["GB/T 13560-2000"]
    assert [h["std_no"] for h in search_json(corpus_index, "--ics", "77.150")["hits"]] == ["GB/T 13560-2017"]


def test_ccs_filter_takes_a_code_or_its_class(corpus_index):
    h6 = search_json(corpus_index, "--ccs", "h6")
    assert h6["total"] and all(any(c.startswith("H6") for c in h["ccs"]) for h in h6["hits"])
    assert {h["std_no"] for h in search_json(corpus_index, "--ccs", "H 10")["hits"]} >= {"GB/T 44108.1-2024"}


def test_committee_filter_by_code_or_name(corpus_index):
    by_code = search_json(corpus_index, "--committee", "SAC/TC229", "--type", "standard")
    by_name = search_json(corpus_index, "--committee", "全国稀土标准化技术委员会", "--type", "standard")
    assert by_code["total"] == by_name["total"] > 20
    assert not any((h["std_no"] or "").startswith(("T/CSRE", "YS/T")) for h in by_code["hits"])
    society = search_json(corpus_index, "--committee", "中国稀土学会")
    assert society["total"] and all(h["std_no"].startswith("T/CSRE") for h in society["hits"] if h["std_no"])


def test_drafter_filter_matches_a_unit_or_part_of_its_name(corpus_index):
    found = search_json(corpus_index, "--drafter", "包头稀土研究院", "--type", "standard")
    assert found["total"] >= 10 and all("包头稀土研究院" in " ".join(h["drafters"]) for h in found["hits"])
    leads = search_json(corpus_index, "--drafter", "中国稀土集团有限公司", "--type", "standard_notice")
    assert leads["total"] >= 1         # a project list's lead units are its drafting units


def test_classification_facets_count_the_matches(corpus_index):
    data = search_json(corpus_index, "稀土", "--type", "standard", "--committee", "SAC/TC 229")
    assert data["facets"]["committee"] == {"SAC/TC 229": data["total"]}
    assert sum(data["facets"]["ccs"].values()) >= 1 and "77.120.99" in data["facets"]["ics"]
    table = run("search", "稀土", "--type", "standard", "--index", corpus_index).stdout
    assert "committee: SAC/TC 229" in table and "drafter: 包头稀土研究院" in table
    news = search_json(corpus_index, "--type", "news")
    assert "ics" not in news["facets"]                      # stated by none of them: not shown


def test_classification_facets_are_exact_over_every_match(corpus_index, corpus_records):
    from collections import Counter

    data = search_json(corpus_index, "--type", "standard,standard_notice")
    matched = [r for r in corpus_records if r["doc_type"] in ("standard", "standard_notice")]
    assert data["total"] == len(matched)
    for facet, field in (("drafter", "drafters"), ("committee", "committees"), ("ics", "ics"), ("ccs", "ccs")):
        assert data["facets"][facet] == dict(sorted(Counter(v for r in matched for v in r[field]).items(),
                                                     key=lambda kv: (-kv[1], kv[0]))), facet


@pytest.mark.parametrize("args, message", [
    (("--ics", "seventy"), "not an ICS code"),
    (("--ics", "77.1"), "not an ICS code"),
    (("--ccs", "H655"), "not a CCS code"),
    (("--committee", "（）"), "committee code or name"),
])
def test_bad_classification_filters_are_usage_errors(corpus_index, args, message):
    result = run("search", *args, "--index", corpus_index)
    assert result.exit_code == 2 and message in result.stderr


# --- exports ------------------------------------------------------------------------------------

def test_csv_export_has_the_classification_columns(corpus_index):
    result = run("export", "--std", "T/CSRE 10012-2024", "--format", "csv", "--index", corpus_index)
    row = next(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert row["ics"] == "77.120.99" and row["ccs"] == "H65" and row["committees"] == "中国稀土学会"
    assert row["drafters"].startswith("中国稀土集团有限公司; 赣州市开源科技有限公司")


def test_xml_export_carries_the_classification_and_reads_back(corpus_index):
    result = run("export", "--std", "GB/T 44108.1-2024", "--format", "xml", "--index", corpus_index)
    data = result.stdout.encode("utf-8")
    schema = etree.XMLSchema(etree.parse(str(REPO / "schemas" / "record.xsd")))
    assert schema.validate(etree.fromstring(data)), schema.error_log
    record = etree.fromstring(data).find("record")
    assert [c.text for c in record.find("ics")] == ["01.040.77", "77.120.99"]
    assert [c.text for c in record.find("committees")] == ["SAC/TC 229"]
    stated = read_xml(data)[0].stated
    assert stated["ics"] == ["01.040.77", "77.120.99"] and stated["ccs"] == ["H10"]
    assert stated["committees"] == ["SAC/TC 229"] and "包头稀土研究院" in stated["drafters"]


def test_a_record_that_states_no_classification_keeps_it_empty(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "r.xml").write_text(
        "<record><title>稀土永磁</title><doc_type>standard</doc_type><std_no>XB/T 1-2020</std_no>"
        "<ics/><committees><committee>SAC/TC 229</committee></committees>"
        "<text>ICS 77.120.99\n本标准由全国有色金属标准化技术委员会归口。</text></record>", "utf-8")
    assert run("index", folder, "--index", tmp_path / "ix").exit_code == 0
    shown = json.loads(run("export", "--index", tmp_path / "ix", "--format", "json").stdout)[0]
    assert shown["ics"] == [] and shown["committees"] == ["SAC/TC 229"]     # stated wins over the text
