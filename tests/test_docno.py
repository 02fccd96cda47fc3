import pytest
from hypothesis import given, strategies as st

from indexer.extract.docno import find_doc_nos, normalize_doc_no

NORMALIZE_CASES = [
    ("国务院令第785号", "国务院令第785号"),
    ("中华人民共和国国务院令 第785号", "国务院令第785号"),
    ("中华人民共和国国务院令\n第785号", "国务院令第785号"),
    ("国务院令 第 785 号", "国务院令第785号"),
    ("国务院第785号令", "国务院令第785号"),
    ("国务院令第７８５号", "国务院令第785号"),
    ("工信部联原〔2024〕12号", "工信部联原〔2024〕12号"),
    ("工信部联原[2024]12号", "工信部联原〔2024〕12号"),
    ("工信部联原(2024)12号", "工信部联原〔2024〕12号"),
    ("工信部联原（2024）12号", "工信部联原〔2024〕12号"),
    ("工信部联原【2024】12号", "工信部联原〔2024〕12号"),
    ("工信部联原［2024］12号", "工信部联原〔2024〕12号"),
    ("工信部联原﹝2024﹞12号", "工信部联原〔2024〕12号"),
    ("工信部联原 〔2024〕 12 号", "工信部联原〔2024〕12号"),
    ("工信部原函〔2021〕356号", "工信部原函〔2021〕356号"),
    ("国办发〔2021〕5号", "国办发〔2021〕5号"),
    ("国发〔２０２４〕３号", "国发〔2024〕3号"),
    ("中国稀土学会〔2024〕15号", "中国稀土学会〔2024〕15号"),
    ("商务部 海关总署公告2025年第18号", "商务部 海关总署公告2025年第18号"),
    ("商务部  海关总署公告 2025年 第18号", "商务部 海关总署公告2025年第18号"),
    ("商务部　海关总署公告2025年第18号", "商务部 海关总署公告2025年第18号"),
    ("商务部公告2025年第61号", "商务部公告2025年第61号"),
    ("公告2023年第39号", "公告2023年第39号"),
    ("海关总署2025年第18号公告", "海关总署公告2025年第18号"),
    ("中华人民共和国商务部公告2025年第61号", "商务部公告2025年第61号"),
    ("主席令第三十四号", "主席令第三十四号"),
    ("中华人民共和国主席令第34号", "主席令第34号"),
    ("中华人民共和国主席令（第三十四号）".replace("（", "").replace("）", ""), "主席令第三十四号"),
    ("工业和信息化部令第68号", "工业和信息化部令第68号"),
    ("自然资源部令第5号", "自然资源部令第5号"),
    ("中华人民共和国工业和信息化部令第68号", "工业和信息化部令第68号"),
    ("（工信部联原〔2024〕12号）", "工信部联原〔2024〕12号"),
    ("  国务院令第785号  ", "国务院令第785号"),
]


@pytest.mark.parametrize("text,canonical", NORMALIZE_CASES)
def test_normalize_doc_no(text, canonical):
    assert normalize_doc_no(text) == canonical


@pytest.mark.parametrize("text,canonical", NORMALIZE_CASES)
def test_normalize_is_idempotent(text, canonical):
    assert normalize_doc_no(canonical) == canonical


@pytest.mark.parametrize("text", [
    "",
    "第3号楼",
    "住在第3号楼",
    "命令第3号",
    "司令第3号",
    "〔2024〕12号",
    "2024年第18号",
    "根据国办发〔2021〕5号",
    "国办发〔2021〕5号和国发〔2024〕3号",
    "稀土管理条例",
    "第785号",
    "令第785号",
])
def test_normalize_doc_no_rejects(text):
    assert normalize_doc_no(text) is None


@pytest.mark.parametrize("text,expected", [
    ("根据《稀土管理条例》（国务院令第785号）", ["国务院令第785号"]),
    ("根据国办发〔2021〕5号文件精神", ["国办发〔2021〕5号"]),
    ("按照工信部联原〔2024〕12号要求", ["工信部联原〔2024〕12号"]),
    ("国发〔2023〕3号和国办发〔2024〕5号", ["国发〔2023〕3号", "国办发〔2024〕5号"]),
    ("以及国发〔2023〕3号", ["国发〔2023〕3号"]),
    ("关于印发稀土管理办法的通知国办发〔2021〕5号", ["国办发〔2021〕5号"]),
    ("《关于稀土出口管制的公告》（商务部 海关总署公告2025年第18号）", ["商务部 海关总署公告2025年第18号"]),
    ("根据商务部公告2025年第61号", ["商务部公告2025年第61号"]),
    ("发布公告2023年第39号", ["公告2023年第39号"]),
    ("住在第3号楼，今天是第5号。", []),
    ("命令第3号", []),
    ("国务院第785号令《稀土管理条例》", ["国务院令第785号"]),
    ("1号、2号、3号", []),
    ("2024年第1号", []),
    # local government orders and standing-committee announcements, numbered without a year
    ("2021年11月8日江西省人民政府令第250号公布", ["江西省人民政府令第250号"]),
    ("包头市人民代表大会常务委员会公告\n（第8号）", ["包头市人民代表大会常务委员会公告第8号"]),
    ("国家标准公告（2023年第2号）", ["国家标准公告2023年第2号"]),
    # English forms naming the issuer after the number, or before it with "of"
    ("Announcement No. 18 of 2025 of the Ministry of Commerce and the General Administration of Customs",
     ["商务部 海关总署公告2025年第18号"]),
    ("Announcement of the Ministry of Industry and Information Technology (No. 10 of 2024)",
     ["工业和信息化部公告2024年第10号"]),
    ("Decree of the State Council of the People's Republic of China\nNo. 785", ["国务院令第785号"]),
])
def test_find_doc_nos(text, expected):
    assert [canonical for canonical, _, _ in find_doc_nos(text)] == expected


def test_find_doc_nos_spans():
    text = "根据中华人民共和国国务院令 第785号，"
    ((canonical, start, end),) = find_doc_nos(text)
    assert text[start:end] == "中华人民共和国国务院令 第785号"
    text = "根据国办发〔2021〕5号文件"
    ((canonical, start, end),) = find_doc_nos(text)
    assert text[start:end] == "国办发〔2021〕5号"
    text = "见商务部 海关总署公告2025年第18号。"
    ((canonical, start, end),) = find_doc_nos(text)
    assert text[start:end] == "商务部 海关总署公告2025年第18号"


# --- properties -------------------------------------------------------------

DOC_ALPHABET = list("国务院令第号〔〕[]()（）【】公告年0123456789０１２三十四工信部联原发办商海关总署 　\n和的根据")
doc_soup = st.text(alphabet=st.sampled_from(DOC_ALPHABET), max_size=60)


@given(st.one_of(st.text(), doc_soup))
def test_never_raises_and_canonical_forms_are_fixed_points(text):
    normalize_doc_no(text)
    last = 0
    for canonical, start, end in find_doc_nos(text):
        assert last <= start < end <= len(text)
        last = end
        assert normalize_doc_no(canonical) == canonical
        assert normalize_doc_no(text[start:end]) == canonical


@given(st.one_of(st.text(), doc_soup))
def test_normalize_idempotent(text):
    once = normalize_doc_no(text)
    if once is not None:
        assert normalize_doc_no(once) == once


@given(st.sampled_from(["国发", "国办发", "工信部联原", "工信部原函", "中国稀土学会", "发改产业"]),
       st.integers(1949, 2100), st.integers(1, 9999),
       st.sampled_from(["〔〕", "[]", "()", "（）", "【】", "［］"]))
def test_bracket_variants(prefix, year, number, brackets):
    text = f"{prefix}{brackets[0]}{year}{brackets[1]}{number}号"
    assert normalize_doc_no(text) == f"{prefix}〔{year}〕{number}号"


@pytest.mark.parametrize("text, expected", [
    ("MOFCOM Announcement No. 62 of 2025 was issued", ["商务部公告2025年第62号"]),
    ("The Ministry of Commerce and the General Administration of Customs Announcement No. 18 of 2025",
     ["商务部 海关总署公告2025年第18号"]),
    ("under State Council Decree No. 785, effective", ["国务院令第785号"]),
    ("Decree No. 785 of the State Council", ["国务院令第785号"]),
    ("months after the State Council published them as Decree No. 785.", ["国务院令第785号"]),
    ("the Ministry of Commerce issued on Monday its Order No. 3", ["商务部令第3号"]),
    ("the State Council published them. Decree No. 785 is", []),  # another sentence names no body
    ("Beijing MOFCOM Announcement No. 62 of 2025", ["商务部公告2025年第62号"]),
    ("Foo Bar Announcement No. 3 of 2024", []),  # no registered body: not a number we can name
    ("In 2025 No. 5 of the list", []),
])
def test_english_forms_take_the_chinese_canonical_form(text, expected):
    assert [n for n, _, _ in find_doc_nos(text)] == expected
    assert find_doc_nos(text, english=False) == []


def test_an_english_number_in_a_news_body_is_a_citation_not_its_own(tmp_path):
    from indexer.extract.build import Builder
    from indexer.read import read_file

    page = tmp_path / "news.md"
    page.write_text("# China publishes rare earth rules\n\nJune 29, 2024 — The State Council published the "
                    "regulations under State Council Decree No. 785, effective October 1.\n", "utf-8")
    record = Builder().build(read_file(page)[0], "news.md")
    assert record.doc_no is None and "国务院令第785号" in record.references
