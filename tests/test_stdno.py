import pytest
from hypothesis import given, strategies as st

from indexer.extract.stdno import StdNo, find_replaces, find_std_nos, parse_std_no

SPELLINGS_OF_GBT_13560_2017 = [
    "GB/T13560-2017",
    "GB/T 13560—2017",
    "GB/T 13560–2017",
    "GBT 13560-2017",
    "GB/T 13560-2017",
    "GB T 13560 2017",
    "ＧＢ／Ｔ　１３５６０－２０１７",
    "gb/t 13560-2017",
    "GB/T 13560－2017",
    "GB / T 13560 - 2017",
    "GB/T\u00a013560-2017",
    "  GB/T 13560-2017  ",
]


@pytest.mark.parametrize("text", SPELLINGS_OF_GBT_13560_2017)
def test_spellings_of_one_standard(text):
    std = parse_std_no(text)
    assert std == StdNo("GB/T", "13560", "2017")
    assert std.canonical == "GB/T 13560-2017"
    assert std.code == "GB/T 13560"


@pytest.mark.parametrize("text,canonical,code", [
    ("XB/T 505-2011", "XB/T 505-2011", "XB/T 505"),
    ("YS/T 1234-2018", "YS/T 1234-2018", "YS/T 1234"),
    ("T/CSRE 10001—2021", "T/CSRE 10001-2021", "T/CSRE 10001"),
    ("T/CNIA 0123-2022", "T/CNIA 0123-2022", "T/CNIA 0123"),
    ("ISO 22444-1:2020", "ISO 22444-1:2020", "ISO 22444-1"),
    ("ISO 22444-1：2020", "ISO 22444-1:2020", "ISO 22444-1"),
    ("ISO/TS 12345:2019", "ISO/TS 12345:2019", "ISO/TS 12345"),
    ("ISO/IEC 17025:2017", "ISO/IEC 17025:2017", "ISO/IEC 17025"),
    ("IEC 60404-8-1:2015", "IEC 60404-8-1:2015", "IEC 60404-8-1"),
    ("ISO 14001-2015", "ISO 14001:2015", "ISO 14001"),
    ("ISO 9001", "ISO 9001", "ISO 9001"),
    ("GB/T 18115.1-2020", "GB/T 18115.1-2020", "GB/T 18115.1"),
    ("GB/T 18115.2-2020", "GB/T 18115.2-2020", "GB/T 18115.2"),
    ("GB/T 13560-2000", "GB/T 13560-2000", "GB/T 13560"),
    ("GB 1234-88", "GB 1234-1988", "GB 1234"),
    ("GB/T 1234-1988", "GB/T 1234-1988", "GB/T 1234"),
    ("GB/Z 20000.1-2002", "GB/Z 20000.1-2002", "GB/Z 20000.1"),
    ("GB 18030-2022", "GB 18030-2022", "GB 18030"),
    ("GB18030-2022", "GB 18030-2022", "GB 18030"),
    ("GB 18030", "GB 18030", "GB 18030"),
    ("GB/T 13560", "GB/T 13560", "GB/T 13560"),
    ("HJ 168-2020", "HJ 168-2020", "HJ 168"),
    ("JB/T 13486-2018", "JB/T 13486-2018", "JB/T 13486"),
    ("DB15/T 1234-2017", "DB15/T 1234-2017", "DB15/T 1234"),
    ("GBZ 2.1-2019", "GBZ 2.1-2019", "GBZ 2.1"),
])
def test_parse_std_no(text, canonical, code):
    std = parse_std_no(text)
    assert std is not None
    assert (std.canonical, std.code) == (canonical, code)


def test_parts_are_distinct():
    assert parse_std_no("GB/T 18115.1-2020") != parse_std_no("GB/T 18115.2-2020")


@pytest.mark.parametrize("text", [
    "",
    "13560-2017",
    "GB18030",
    "GB2312",
    "GBK",
    "010-12345678",
    "SH 600111",
    "XB 505",
    "hello GB/T 13560-2017",
    "GB/T",
    "ISO",
    "iso 9001",
    "XGB/T 1-2000",
    "GB/T 1234-5678",
])
def test_parse_std_no_rejects(text):
    assert parse_std_no(text) is None


@pytest.mark.parametrize("text,expected", [
    ("按照GB/T 13560-2017和ISO 9001:2015执行。", ["GB/T 13560-2017", "ISO 9001:2015"]),
    ("采用GB18030编码", []),
    ("文件使用GB18030。", []),
    ("GB 18030-2022《信息技术 中文编码字符集》", ["GB 18030-2022"]),
    ("电话 010-12345678，传真 0471-1234567", []),
    ("GB/T 19001-2016/ISO 9001:2015", ["GB/T 19001-2016", "ISO 9001:2015"]),
    ("XB/T 505-2011、YS/T 1234-2018", ["XB/T 505-2011", "YS/T 1234-2018"]),
    ("T/CSRE 10001—2021团体标准", ["T/CSRE 10001-2021"]),
    ("GB/T 8170 数值修约规则", ["GB/T 8170"]),
    ("GB/T 13560-2017.", ["GB/T 13560-2017"]),
    ("（GB/T 13560—2017）", ["GB/T 13560-2017"]),
    ("16 GB memory", []),
    ("ABGB/T 1-2000", []),
    ("GB/T 13560-12", ["GB/T 13560"]),
    ("代码 600111.SH", []),
])
def test_find_std_nos(text, expected):
    assert [s.canonical for s, _, _ in find_std_nos(text)] == expected


def test_find_std_nos_spans():
    text = "依据 GB/T 13560—2017 制定"
    ((std, start, end),) = find_std_nos(text)
    assert text[start:end] == "GB/T 13560—2017"


def test_find_std_nos_year_dropped_span_stops_at_number():
    text = "GB/T 1234-5678"
    ((std, start, end),) = find_std_nos(text)
    assert std.canonical == "GB/T 1234" and text[start:end] == "GB/T 1234"


@pytest.mark.parametrize("text,expected", [
    ("代替GB/T 13560-2009", ["GB/T 13560-2009"]),
    ("本标准代替 GB/T 13560—2009。", ["GB/T 13560-2009"]),
    ("本标准代替GB/T 13560—2009《烧结钕铁硼永磁材料》。", ["GB/T 13560-2009"]),
    ("本标准代替XB/T 505-2000、XB/T 506-2000。", ["XB/T 505-2000", "XB/T 506-2000"]),
    ("本标准代替GB/T 1-2000和GB/T 2-2001。", ["GB/T 1-2000", "GB/T 2-2001"]),
    ("本标准替代GB/T 13560-2009", ["GB/T 13560-2009"]),
    ("This standard replaces GB/T 13560-2009.", ["GB/T 13560-2009"]),
    ("This document supersedes GB/T 13560-2009 and XB/T 505-2000.", ["GB/T 13560-2009", "XB/T 505-2000"]),
    ("Replaces ISO 1234:2001", ["ISO 1234:2001"]),
    ("本标准代替的标准：GB/T 13560-2009", ["GB/T 13560-2009"]),
    ("本标准代替GB/T 13560-2009。本标准与GB/T 13560-2009相比，主要技术变化如下", ["GB/T 13560-2009"]),
])
def test_find_replaces(text, expected):
    assert [s.canonical for s in find_replaces(text)] == expected


@pytest.mark.parametrize("text", [
    "2 规范性引用文件\n下列文件对于本文件的应用是必不可少的。\nGB/T 8170 数值修约规则\nGB/T 13560-2017",
    "本标准与GB/T 13560-2009相比，主要变化如下",
    "本标准被GB/T 13560-2017代替。",
    "代替",
    "本标准代替了原有做法，见GB/T 1-2000",
    "",
])
def test_find_replaces_none(text):
    assert find_replaces(text) == []


def test_find_replaces_ignores_references_after_replaced_list():
    text = ("本标准代替GB/T 13560-2009。\n"
            "2 规范性引用文件\nGB/T 8170 数值修约规则\nGB/T 2828.1 计数抽样检验程序")
    assert [s.canonical for s in find_replaces(text)] == ["GB/T 13560-2009"]


# --- properties -------------------------------------------------------------

prefixes = st.sampled_from(["GB", "GB/T", "GB/Z", "XB/T", "YS/T", "JB/T", "HJ", "T/CSRE", "T/CNIA",
                            "DB15/T", "ISO", "ISO/TS", "IEC", "ISO/IEC", "GBZ"])
years = st.one_of(st.none(), st.integers(1950, 2100).map(str))


@st.composite
def std_nos(draw):
    prefix = draw(prefixes)
    main = str(draw(st.integers(1, 99999)))
    if prefix.startswith(("ISO", "IEC")):
        parts = draw(st.lists(st.integers(1, 99).map(str), max_size=2))
        number = "-".join([main] + parts)
    else:
        parts = draw(st.lists(st.integers(1, 99).map(str), max_size=2))
        number = ".".join([main] + parts)
    year = draw(years)
    if year is None and prefix in ("HJ", "XB/T", "YS/T", "JB/T", "DB15/T") and "/" not in prefix:
        year = "2020"
    return StdNo(prefix, number, year)


FW = {i: i + 0xFEE0 for i in range(0x21, 0x7F)} | {0x20: 0x3000}


def _spell(std: StdNo, style: int) -> str:
    sep = ":" if std.prefix.startswith(("ISO", "IEC")) else "—"
    base = f"{std.prefix} {std.number}" + (f"{sep}{std.year}" if std.year else "")
    if style == 1:
        return base.translate(FW)
    if style == 2 and not std.prefix.startswith(("ISO", "IEC")):
        return base.replace("—", "－")
    return base


@given(std_nos())
def test_canonical_round_trips(std):
    assert parse_std_no(std.canonical) == std
    assert parse_std_no(std.canonical).canonical == std.canonical


@given(std_nos(), st.integers(0, 2))
def test_spellings_reduce_to_canonical(std, style):
    assert parse_std_no(_spell(std, style)) == std


@given(std_nos(), st.text(alphabet="的和及，。 \n", max_size=3), st.text(alphabet="的和及，。 \n", max_size=3))
def test_found_in_context(std, before, after):
    found = find_std_nos(f"按{before}{std.canonical}{after}执行")
    assert [s for s, _, _ in found] == [std]


STD_ALPHABET = list("GBTXYSISOECZ/／ -—–－:：.0123456789gbt代替和、《》\n")
std_soup = st.text(alphabet=st.sampled_from(STD_ALPHABET), max_size=60)


@given(st.one_of(st.text(), std_soup))
def test_never_raises_and_found_numbers_round_trip(text):
    parse_std_no(text)
    find_replaces(text)
    last = 0
    for std, start, end in find_std_nos(text):
        assert last <= start < end <= len(text)
        last = end
        assert parse_std_no(std.canonical) == std
        assert parse_std_no(text[start:end]) == std
