from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from indexer.extract.dates import (
    DateValue,
    effective_on_issue,
    find_date_events,
    find_dates,
    find_yearless,
    parse_date,
)

PARSE_CASES = [
    # Chinese, Arabic digits
    ("2024年6月22日", "2024-06-22", "day"),
    ("2024年06月02日", "2024-06-02", "day"),
    ("2024年6月", "2024-06", "month"),
    ("2024年6月22号", "2024-06-22", "day"),
    ("2024年 6 月 22 日", "2024-06-22", "day"),
    ("2019年12月\n28日", "2019-12-28", "day"),
    ("2019年\n12月28日", "2019-12-28", "day"),
    ("２０２４年６月２２日", "2024-06-22", "day"),
    ("２０２４年６月", "2024-06", "month"),
    ("1949年10月1日", "1949-10-01", "day"),
    ("2024年2月29日", "2024-02-29", "day"),
    # Chinese numerals with each zero character
    ("二〇二四年六月二十二日", "2024-06-22", "day"),
    ("二○一九年十二月二十八日", "2019-12-28", "day"),
    ("二零二四年六月二十二日", "2024-06-22", "day"),
    ("二〇二四年十月", "2024-10", "month"),
    ("二〇二四年十一月十日", "2024-11-10", "day"),
    ("二〇二四年一月三十一日", "2024-01-31", "day"),
    # numeric
    ("2024.6.22", "2024-06-22", "day"),
    ("2024/6/22", "2024-06-22", "day"),
    ("2024-06-22", "2024-06-22", "day"),
    ("2024－06－22", "2024-06-22", "day"),
    ("2024-06-22T00:00", "2024-06-22", "day"),
    ("2024-06-22T08:30:00Z", "2024-06-22", "day"),
    ("2024-06-22 08:30", "2024-06-22", "day"),
    ("2025-09-05", "2025-09-05", "day"),
    # English
    ("September 5, 2025", "2025-09-05", "day"),
    ("Sept. 5, 2025", "2025-09-05", "day"),
    ("5 Sept. 2025", "2025-09-05", "day"),
    ("5 September 2025", "2025-09-05", "day"),
    ("Sep 5 2025", "2025-09-05", "day"),
    ("Sep 5, 2025", "2025-09-05", "day"),
    ("22 June 2024", "2024-06-22", "day"),
    ("June 22nd, 2024", "2024-06-22", "day"),
    ("the 1st of October 2024".removeprefix("the "), "2024-10-01", "day"),
    ("SEPTEMBER 5, 2025", "2025-09-05", "day"),
    ("December 31, 1999", "1999-12-31", "day"),
    ("June 2024", "2024-06", "month"),
    ("Sept. 2025", "2025-09", "month"),
    # whole-string-only forms
    ("2024", "2024", "year"),
    ("2024年", "2024", "year"),
    ("二〇二四年", "2024", "year"),
    ("2024-06", "2024-06", "month"),
    ("  2024年6月22日  ", "2024-06-22", "day"),
]


@pytest.mark.parametrize("text,iso,precision", PARSE_CASES)
def test_parse_date(text, iso, precision):
    value = parse_date(text)
    assert value is not None
    assert (value.iso, value.precision) == (iso, precision)


@pytest.mark.parametrize("text", [
    "",
    "   ",
    "2024年2月30日",
    "2023年2月29日",
    "2024年13月",
    "2024年13月1日",
    "2024年0月1日",
    "2024-02-30",
    "2024/13/01",
    "2024.6",
    "31 September 2025",
    "February 30, 2024",
    "1800年1月1日",
    "1900年1月1日",  # Chinese forms start at 1949
    "二〇二四年十三月",
    "2101-01-01",
    "September 5",
    "9月5日",
    "九月五日",
    "may 2025",
    "GB/T 13560-2017",
    "13800138000",
    "2024-06/22",
    "第3号",
    "hello",
])
def test_parse_date_rejects(text):
    assert parse_date(text) is None


def test_parse_date_spans_are_relative_to_input():
    value = parse_date("  2024年6月22日 ")
    assert (value.start, value.end) == (2, 12)


@pytest.mark.parametrize("text,expected", [
    ("本标准2024年6月22日发布。", ["2024-06-22"]),
    ("2017-12-29 发布 2018-07-01 实施", ["2017-12-29", "2018-07-01"]),
    ("自2024年10月1日起施行", ["2024-10-01"]),
    ("2024年6月至2024年7月", ["2024-06", "2024-07"]),
    ("2024年6月22日至7月1日", ["2024-06-22"]),
    ("On September 5, 2025 and 6 October 2025.", ["2025-09-05", "2025-10-06"]),
    ("Published June 2024", ["2024-06"]),
    ("2024年发布", []),  # a bare year is not a date here
    ("in 2024 the plan", []),
    ("2024年2月30日", []),
    ("31 September 2025", []),  # not clamped, and no month left over
    ("On September 5 in Baotou", []),
    ("GB/T 13560-2017 and ISO 9001:2015", []),
    ("电话：010-6520-1234", []),
    ("版本 1.2.3", []),
    ("12024年6月22日", []),
    ("成文日期：二〇二四年六月二十二日", ["2024-06-22"]),
    ("Date: ２０２４/０６/２２.", ["2024-06-22"]),
    ("2024.6.22.1", []),
    ("may 2025 was hot; May 2025", ["2025-05"]),
])
def test_find_dates(text, expected):
    assert [d.iso for d in find_dates(text)] == expected


def test_find_dates_spans_cover_expression():
    text = "公告于2019年12月\n28日发布"
    (value,) = find_dates(text)
    assert text[value.start:value.end] == "2019年12月\n28日"


@pytest.mark.parametrize("text,raws", [
    ("On September 5 in Baotou", ["September 5"]),
    ("9月5日，包头", ["9月5日"]),
    ("九月五日", ["九月五日"]),
    ("十二月二十八日", ["十二月二十八日"]),
    ("Sept. 5 and 6th of October", ["Sept. 5", "6th of October"]),
    ("2024年9月5日", []),
    ("2024年2月30日", []),
    ("September 5, 2025", []),
    ("13月5日", []),
    ("2月30日", []),
    ("2月29日", ["2月29日"]),
    ("may 5 be", []),
    ("Item 5", []),
])
def test_find_yearless(text, raws):
    assert [raw for _, _, raw in find_yearless(text)] == raws


def test_find_yearless_spans():
    text = "On September 5 in Baotou"
    ((start, end, raw),) = find_yearless(text)
    assert text[start:end] == raw


EVENT_CASES = [
    ("2024-06-22发布", "issued", "2024-06-22", "发布"),
    ("2024年6月22日发布", "issued", "2024-06-22", "发布"),
    ("2018-05-01 实施", "effective", "2018-05-01", "实施"),
    ("2018-05-01实施", "effective", "2018-05-01", "实施"),
    ("自2024年10月1日起施行", "effective", "2024-10-01", "施行"),
    ("自2019年10月1日起实施", "effective", "2019-10-01", "实施"),
    ("本条例自2024年10月1日起施行。", "effective", "2024-10-01", "施行"),
    ("2017年11月4日第十二届全国人民代表大会常务委员会第三十次会议通过", "adopted", "2017-11-04", "通过"),
    ("2017年11月4日第十二届全国人民代表大会常务委员会第三十次会议修订", "revised", "2017-11-04", "修订"),
    ("根据2009年8月27日第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第一次修正",
     "amended", "2009-08-27", "修正"),
    ("2024年6月22日国务院令第785号公布", "promulgated", "2024-06-22", "公布"),
    ("2024年6月22日国务院批准", "approved", "2024-06-22", "批准"),
    ("2024年6月22日废止", "repealed", "2024-06-22", "废止"),
    ("2024年6月发布", "issued", "2024-06", "发布"),
    ("二〇二四年六月二十二日印发", "issued", "2024-06-22", "印发"),
    ("发布日期：2024-06-22", "issued", "2024-06-22", "发布"),
    ("实施日期 2024-10-01", "effective", "2024-10-01", "实施"),
    ("2024年发布", "issued", "2024", "发布"),
    ("自2025年起施行", "effective", "2025", "施行"),
    ("issued on 22 June 2024", "issued", "2024-06-22", "issued"),
    ("published on September 5, 2025", "issued", "2025-09-05", "published"),
    ("The rules take effect on October 1, 2024.", "effective", "2024-10-01", "take effect"),
    ("It takes effect on October 1, 2024.", "effective", "2024-10-01", "takes effect"),
    ("effective from 1 October 2024", "effective", "2024-10-01", "effective"),
    ("effective October 1, 2024", "effective", "2024-10-01", "effective"),
    ("implemented on 2024-10-01", "effective", "2024-10-01", "implemented"),
    ("comes into force on 1 October 2024", "effective", "2024-10-01", "comes into force"),
    ("Effective date: 2024-10-01", "effective", "2024-10-01", "Effective date"),
    ("adopted on 4 November 2017", "adopted", "2017-11-04", "adopted"),
    ("发布：2024-06-22", "issued", "2024-06-22", "发布"),
    ("实施: 2024-10-01", "effective", "2024-10-01", "实施"),
    ("issued on\n22 June 2024", "issued", "2024-06-22", "issued"),
    ("2024年6月22日第十四届全国人民代表大会常务委员会第\n十次会议通过", "adopted", "2024-06-22", "通过"),
    ("从2024年10月1日起实施", "effective", "2024-10-01", "实施"),
]


@pytest.mark.parametrize("text,role,iso,cue", EVENT_CASES)
def test_find_date_events(text, role, iso, cue):
    events = find_date_events(text)
    assert [(e.role, e.date.iso, e.cue) for e in events] == [(role, iso, cue)]
    event = events[0]
    assert event.start <= event.date.start < event.date.end <= event.end
    assert cue in text[event.start:event.end] or cue.lower() in text[event.start:event.end].lower()


@pytest.mark.parametrize("text", [
    "2024年6月22日。本办法施行",        # sentence end between date and cue
    "2024年6月22日；施行",
    "2024年6月22日，工信部发布了通知",   # prose, not an official date line
    "2024年6月22日\n\n发布",             # blank line
    "2024年6月22日发布会",               # a press conference, not an issue date
    "2024年6月22日实施方案",
    "2024年稀土产量",
    "2024年6月22日",
    "On September 5 it was issued",
    "The plan was issued. 2024-06-22",
    "本办法自公布之日起施行",
    "2023年通过技术改造提升产能",        # 通过 after a bare year is prose
    "2023年批准",
    "issued\n\n22 June 2024",
])
def test_find_date_events_none(text):
    assert find_date_events(text) == []


def test_find_date_events_labels_beat_following_cues():
    events = find_date_events("发布日期：2024-06-22 实施日期：2024-10-01")
    assert [(e.role, e.date.iso) for e in events] == [("issued", "2024-06-22"), ("effective", "2024-10-01")]


def test_find_date_events_cue_belongs_to_the_date_before_it():
    events = find_date_events("2024-06-22发布 2024-10-01")
    assert [(e.role, e.date.iso) for e in events] == [("issued", "2024-06-22")]


def test_find_date_events_cover_sheet():
    text = "2017-12-29 发布                    2018-07-01 实施"
    events = find_date_events(text)
    assert [(e.role, e.date.iso) for e in events] == [("issued", "2017-12-29"), ("effective", "2018-07-01")]


def test_find_date_events_law_history():
    text = ("（1993年12月29日第八届全国人民代表大会常务委员会第五次会议通过　"
            "根据1999年12月25日第九届全国人民代表大会常务委员会第十三次会议"
            "《关于修改〈中华人民共和国公司法〉的决定》第一次修正　"
            "2005年10月27日第十届全国人民代表大会常务委员会第十八次会议修订）")
    events = find_date_events(text)
    assert [(e.role, e.date.iso) for e in events] == [
        ("adopted", "1993-12-29"), ("amended", "1999-12-25"), ("revised", "2005-10-27")]


def test_find_date_events_span_includes_zi():
    text = "本条例自2024年10月1日起施行"
    (event,) = find_date_events(text)
    assert text[event.start:event.end] == "自2024年10月1日起施行"


@pytest.mark.parametrize("text,phrase", [
    ("本办法自公布之日起施行。", "自公布之日起施行"),
    ("本通知自发布之日起施行", "自发布之日起施行"),
    ("本通知自印发之日起施行", "自印发之日起施行"),
    ("本标准自发布之日起实施", "自发布之日起实施"),
    ("自颁布之日起生效", "自颁布之日起生效"),
    ("This Decree shall take effect on the date of promulgation.",
     "shall take effect on the date of promulgation"),
    ("These Measures come into force from the date of issuance.", "come into force from the date of issuance"),
    ("The notice is effective as of the date of publication.", "effective as of the date of publication"),
])
def test_effective_on_issue(text, phrase):
    span = effective_on_issue(text)
    assert span is not None
    assert text[span[0]:span[1]] == phrase


@pytest.mark.parametrize("text", [
    "自2024年10月1日起施行",
    "本办法自公布后三十日起施行",
    "the date of promulgation was June 5",
    "",
])
def test_effective_on_issue_none(text):
    assert effective_on_issue(text) is None


# --- properties -------------------------------------------------------------

DATE_ALPHABET = list("0123456789０１２年月日号-./ \n〇○零一二三四五六七八九十自起施行发布实施通过，。：")
date_soup = st.text(alphabet=st.sampled_from(DATE_ALPHABET), max_size=80)
english_soup = st.lists(st.sampled_from(
    ["September", "Sept.", "Sep", "May", "may", "5", "31", "2025", "1999", ",", " ", "of", "on", "issued",
     "effective", "takes effect", "\n", "5th", "the date of promulgation", "June"]), max_size=20).map("".join)
any_text = st.one_of(st.text(), date_soup, english_soup)


@given(any_text)
def test_never_raises(text):
    parse_date(text)
    find_dates(text)
    find_yearless(text)
    find_date_events(text)
    effective_on_issue(text)


@given(any_text)
def test_found_dates_are_ordered_valid_and_reparse(text):
    found = find_dates(text)
    last_end = 0
    for value in found:
        assert last_end <= value.start < value.end <= len(text)
        last_end = value.end
        again = parse_date(text[value.start:value.end])
        assert again is not None and (again.iso, again.precision) == (value.iso, value.precision)


@given(any_text)
def test_iso_output_is_a_fixed_point(text):
    for value in find_dates(text):
        again = parse_date(value.iso)
        assert again == DateValue(value.iso, value.precision, 0, len(value.iso))


@given(any_text)
def test_events_hold_their_dates(text):
    for event in find_date_events(text):
        assert event.start <= event.date.start < event.date.end <= event.end <= len(text)
        assert event.role in {"issued", "effective", "adopted", "revised", "amended",
                              "promulgated", "approved", "repealed"}


CN_NUM = "〇一二三四五六七八九"


def _cn_small(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else CN_NUM[tens] + "十")) + (CN_NUM[ones] if ones else "")


def _render(d: date, form: int) -> str:
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    return [
        f"{d.year}年{d.month}月{d.day}日",
        "".join(CN_NUM[int(c)] for c in str(d.year)) + f"年{_cn_small(d.month)}月{_cn_small(d.day)}日",
        f"{d.year}.{d.month}.{d.day}",
        f"{d.year}/{d.month:02d}/{d.day:02d}",
        d.isoformat(),
        f"{months[d.month - 1]} {d.day}, {d.year}",
        f"{d.day} {months[d.month - 1]} {d.year}",
        f"{d.year}年 {d.month} 月 {d.day} 日".translate({0x30 + i: 0xFF10 + i for i in range(10)}),
    ][form]


@given(st.dates(min_value=date(1949, 1, 1), max_value=date(2100, 12, 31)), st.integers(0, 7))
def test_rendered_dates_parse_exactly(d, form):
    text = _render(d, form)
    value = parse_date(text)
    assert value is not None and value.iso == d.isoformat() and value.precision == "day"
    assert [v.iso for v in find_dates(f"见{text}。")] == [d.isoformat()]


@given(st.integers(1949, 2100), st.integers(1, 12))
def test_month_precision_is_never_filled_in(year, month):
    value = parse_date(f"{year}年{month}月")
    assert value is not None
    assert value.iso == f"{year:04d}-{month:02d}" and value.precision == "month"


@given(st.integers(1, 12), st.integers(1, 28))
@settings(max_examples=50)
def test_yearless_never_becomes_a_date(month, day):
    assert parse_date(f"{month}月{day}日") is None
    assert find_dates(f"{month}月{day}日") == []
    assert len(find_yearless(f"在{month}月{day}日")) == 1
