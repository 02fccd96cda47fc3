"""Date expressions in Chinese and English standards notices and policy texts.

Every function here is pure and never raises on arbitrary text.  A date is only
ever built from parts the text states: nothing is filled in from a default
year, month or day, and impossible dates (2024年2月30日, month 13) are dropped
rather than clamped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# Plausible years.  Chinese 年月日 forms in this corpus are all post-1949.
MIN_YEAR = 1900
MIN_YEAR_CN = 1949
MAX_YEAR = 2100

# Chinese-numeral digits of a year (二〇二四, 二○一九, 二零二四, and the letter O
# that OCR and careless typing put in place of 〇).
CN_DIGITS = {
    "〇": 0, "○": 0, "零": 0, "O": 0, "Ｏ": 0,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}

MONTH_NAMES = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

# Cue words written after a date in Chinese official texts ("2024年6月22日发布",
# "…第三十次会议通过", "自2024年10月1日起施行"), with the compounds in which the
# word is not a verb about that date ("发布会", "实施细则").
CN_AFTER_CUES = (
    ("发布", "issued", "会|单位|机构|部门"),
    ("印发", "issued", ""),
    ("公布", "promulgated", ""),
    ("颁布", "promulgated", ""),
    ("通过", "adopted", "率"),
    ("修订", "revised", "版|稿|说明"),
    ("修正", "amended", "案"),
    ("修改", "amended", "案|稿|意见|单|后|完善"),
    ("批准", "approved", "文号|单位|机关"),
    ("废止", "repealed", ""),
    ("施行", "effective", "细则"),
    ("实施", "effective", "细则|方案|意见|办法|计划|情况|工作|指南|主体|单位|范围|效果"),
    ("生效", "effective", ""),
)
# Cues that may follow a bare year ("2024年发布").  通过 and 批准 are left out:
# after a bare year they are mostly prose ("2023年通过技术改造…").
YEAR_ONLY_CUES = ("发布", "印发", "公布", "颁布", "修订", "修正", "废止", "施行", "实施", "生效")
# Labels written just before a date: "发布日期：2024-06-22", "实施时间 2024-10-01",
# "实施：2024-10-01".
CN_LABEL_CUES = (
    ("发布", "issued"), ("印发", "issued"), ("成文", "issued"),
    ("公布", "promulgated"), ("颁布", "promulgated"),
    ("实施", "effective"), ("施行", "effective"), ("生效", "effective"),
    ("批准", "approved"), ("通过", "adopted"), ("修订", "revised"),
    ("修正", "amended"), ("废止", "repealed"),
)
# English cues written just before a date ("issued on 22 June 2024",
# "takes effect on October 1, 2024", "Effective date: 2024-10-01").
EN_CUES = (
    (r"date\s+of\s+(?:issue|issuance|publication|release)", "issued"),
    (r"(?:issue|issuance|publication|release|published)\s+date", "issued"),
    (r"date\s+of\s+(?:entry\s+into\s+force|implementation|effect)", "effective"),
    (r"(?:effective|implementation|commencement)\s+date", "effective"),
    (r"issued", "issued"), (r"published", "issued"), (r"released", "issued"),
    (r"(?:takes?|took|taking|taken)\s+effect", "effective"),
    (r"(?:comes?|came|coming|enters?|entered|entering)\s+into\s+(?:force|effect)", "effective"),
    (r"in\s+force", "effective"), (r"effective", "effective"), (r"implemented", "effective"),
    (r"adopted", "adopted"), (r"promulgated", "promulgated"), (r"approved", "approved"),
    (r"revised", "revised"), (r"amended", "amended"), (r"repealed", "repealed"),
)
# Longest stretch (a meeting name, an order number) between a date and the
# Chinese cue that follows it.
MAX_CUE_GAP = 80
# How far before its date a label or English cue may start.
BEFORE_WINDOW = 60

# "自公布之日起施行" and its English equivalents: in force from the day of issue.
EFFECTIVE_ON_ISSUE_CN = (r"自\s*(?:公布|发布|印发|颁布|签发|下发|公告|通过)?\s*之\s*日\s*起"
                         r"\s*(?:正式|开始)?\s*(?:施行|实施|生效|执行)")
EFFECTIVE_ON_ISSUE_EN_TAIL = (
    r"[Dd](?:ate|ATE|ay|AY)\s+(?:of|OF)\s+(?:its\s+|ITS\s+)?"
    r"(?i:promulgation|issuance|issue|publication|release|announcement)"
)
EFFECTIVE_ON_ISSUE_EN_HEAD = (
    r"(?:shall\s+(?:be\s+)?)?(?:(?:takes?|took|come|comes|came|enters?|entered)\s+"
    r"(?:effect|into\s+force|into\s+effect)|effective|in\s+force)\s+(?:on|from|as\s+of)\s+the\s+\Z"
)

_D = "[0-9０-９]"
_HZ = "[〇○零OＯ一二三四五六七八九]"
_HZ_SMALL = "[一二三四五六七八九十]"
# Spaces inside a date, with at most one line break (PDF and web line wrapping).
_WS = r"[ \t\u3000\xa0]*(?:\r?\n[ \t\u3000\xa0]*)?"
_SUFFIX = r"(?:st|nd|rd|th)?"
_TIME = rf"(?:[T ]{_D}{{1,2}}:{_D}{{2}}(?::{_D}{{2}}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{{2}}:?[0-9]{{2}})?)?"


def _month_pattern(name: str, any_case: bool) -> str:
    """Month-name group that starts with a plain character class.

    Every pattern below begins with a character class so the regex engine can
    skip straight to candidate characters; that keeps a scan of a 50 KB text
    well under a millisecond.  The "not inside a longer word" test is a
    two-character lookbehind placed after the first character.
    """
    by_first: dict[str, list[str]] = {}
    for word in sorted(MONTH_NAMES, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in by_first.items():
        if any_case:
            rest = "(?i:" + "|".join(rests) + ")"
            look = f"[{first}{first.upper()}]"
        else:
            rest = "(?:" + "|".join(rests + [r.upper() for r in rests]) + ")"
            look = first.upper()
        branches.append(f"(?<={look}){rest}")
    firsts = "".join(sorted(set(by_first)))
    head = f"[{firsts}{firsts.upper()}]" if any_case else f"[{firsts.upper()}]"
    return f"(?P<{name}>{head}(?<![A-Za-z].)(?:{'|'.join(branches)}))(?![A-Za-z])\\.?"


_MON_ANY = _month_pattern("mon", True)
_MON_CAP = _month_pattern("mon", False)

# 2024年6月22日, 2024年6月, ２０２４年６月２２日, 2019年12月\n28日; and 2024-06-22,
# 2024.6.22, 2024/6/22, 2024-06-22T00:00 (same separator twice).
_DIGIT_YEAR_RE = re.compile(
    rf"(?P<y>{_D}(?<!{_D}{_D}){_D}{{3}})(?:"
    rf"(?P<cn>{_WS}年{_WS}(?P<cm>{_D}{{1,2}}){_WS}月(?:{_WS}(?P<cd>{_D}{{1,2}}){_WS}[日号])?)"
    rf"|(?P<nu>(?<![.．/／\-－]{_D}{{4}})(?P<sep>[-./－．／])(?P<nm>{_D}{{1,2}})(?P=sep)(?P<nd>{_D}{{1,2}})"
    rf"(?![0-9０-９]|[.．][0-9０-９]){_TIME}))"
)
# 二〇二四年六月二十二日, 二○一九年十二月
_HZ_YEAR_RE = re.compile(
    rf"(?P<y>{_HZ}(?<![〇○零OＯ一二三四五六七八九十]{_HZ}){_HZ}{{3}}){_WS}年{_WS}"
    rf"(?P<m>{_HZ_SMALL}{{1,2}}){_WS}月(?:{_WS}(?P<d>{_HZ_SMALL}{{1,3}}){_WS}[日号])?"
)
# 5 September 2025, 5 Sept. 2025, 22nd of June, 2024
_DAY_FIRST_RE = re.compile(
    rf"(?P<d>[0-9](?<![0-9A-Za-z.,][0-9])[0-9]?){_SUFFIX}{_WS}(?:of{_WS})?{_MON_ANY},?"
    rf"{_WS}(?P<y>[0-9]{{4}})(?![0-9])"
)
# September 5, 2025; Sept. 5, 2025; Sep 5 2025; September 2025 (month precision)
_MONTH_FIRST_RE = re.compile(
    rf"{_MON_ANY}(?:{_WS}(?P<d>[0-9]{{1,2}}){_SUFFIX}(?![0-9A-Za-z]),?{_WS}(?P<y>[0-9]{{4}})(?![0-9])"
    rf"|,?{_WS}(?P<my>[0-9]{{4}})(?![0-9]))"
)
_DATE_RES = (("digit", _DIGIT_YEAR_RE), ("hz", _HZ_YEAR_RE), ("dmy", _DAY_FIRST_RE), ("mdy", _MONTH_FIRST_RE))

# Forms parse_date also accepts when the whole string is the date:
# 2024-06, 2024/06, 2024年, 2024, 二〇二四年.  ("2024.6" is left out: it reads
# as a decimal as easily as a month.)
_PARSE_ONLY_RE = re.compile(
    rf"(?P<ym>(?P<ay>{_D}{{4}})[-/－／](?P<am>{_D}{{1,2}}))"
    rf"|(?P<yo>(?P<by>{_D}{{4}}){_WS}年?)"
    rf"|(?P<yh>(?P<hy>{_HZ}{{4}}){_WS}年)"
)

_YEARLESS_RES = (
    ("digit", re.compile(rf"(?P<m>{_D}(?<!{_D}{_D}){_D}?){_WS}月{_WS}(?P<d>{_D}{{1,2}}){_WS}[日号]")),
    ("hz", re.compile(rf"(?P<m>{_HZ_SMALL}(?<![〇○零一二三四五六七八九十].)[一二]?){_WS}月{_WS}"
                      rf"(?P<d>{_HZ_SMALL}{{1,3}}){_WS}[日号]")),
    # capitalised month names only: "may 5" in prose is not a date
    ("mdy", re.compile(rf"{_MON_CAP}{_WS}(?P<d>[0-9]{{1,2}}){_SUFFIX}(?![0-9A-Za-z])")),
    ("dmy", re.compile(rf"(?P<d>[0-9](?<![0-9A-Za-z.,][0-9])[0-9]?){_SUFFIX}{_WS}(?:of{_WS})?{_MON_CAP}")),
)


def _cue_alternation(words: tuple[str, ...] | None = None) -> str:
    return "|".join(f"{w}(?!{neg + '|' if neg else ''}日期|时间|之日)" for w, _, neg in CN_AFTER_CUES
                    if words is None or w in words)


_CN_CUE_RE = re.compile(_cue_alternation())
_CN_ROLE = {w: role for w, role, _ in CN_AFTER_CUES}
# What a date and its following cue may not be separated by: a sentence end,
# a comma (prose, not an official date line) or a blank line.
# After a cue, a cited title whose own verb does not follow: "公布的《稀土管理条例》，".
_CITED_AFTER_CUE = re.compile(r"的\s*《[^》]{1,80}》\s*(?:第[一二三四五六七八九十\d]+次)?(?=[^\n]*?[\u4e00-\u9fff])")
# Right after a date: a deadline (…前, 截止), a meeting or event (召开, 举行).
_NOT_OWN_AFTER = re.compile(r"\s*(?:[（(][^）)]{0,8}[)）])?\s*"
                            r"(?:前|之前|以前|截止|止[，,。]|[^。，,\n]{0,10}?(?:召开|举行|举办))")
_ALONE_ON_LINE = re.compile(r"[ \t\u3000]*\n")
# A cue is the date's up to the end of its clause, a blank line, or a label starting
# (上一篇：…公布 on the line under a link's date is another line's verb).
_CUE_STOP_RE = re.compile(r"[。；;！？!?，,：:]|\n[ \t\u3000]*\n")
# Year-only dates count only with a cue right after them ("2024年发布",
# "自2024年起施行"); a bare 2024年 is too often a period, not a date.
_YEAR_CUE_RE = re.compile(
    rf"(?P<yr>(?P<y>[0-9０-９〇○零OＯ一二三四五六七八九](?<![0-9０-９〇○零OＯ一二三四五六七八九十].)"
    rf"[0-9０-９〇○零OＯ一二三四五六七八九]{{3}}){_WS}年)[ \t\u3000]*(?:起[ \t\u3000]*)?"
    rf"(?P<cue>{_cue_alternation(YEAR_ONLY_CUES)})"
)
_CN_LABEL_RE = re.compile(
    "(?P<cue>" + "|".join(w for w, _ in CN_LABEL_CUES) + ")"
    r"(?:(?:日期|时间)[ \t\u3000]*[:：]?|[ \t\u3000]*[:：])[ \t\u3000]*\Z"
)
_CN_LABEL_ROLE = dict(CN_LABEL_CUES)
_EN_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(?P<cue>" + "|".join(f"(?:{p})" for p, _ in EN_CUES) + ")"
    # at most one line break between the cue and the date
    r"(?:\s+(?:on|from|as\s+of|since|with\s+effect\s+from))?[ \t\xa0]*[:：,]?[ \t\xa0]*\n?[ \t\xa0]*\Z",
    re.IGNORECASE,
)
_EN_ROLES = tuple((re.compile(p, re.IGNORECASE), role) for p, role in EN_CUES)
_EOI_CN_RE = re.compile(EFFECTIVE_ON_ISSUE_CN)
_EOI_EN_TAIL_RE = re.compile(EFFECTIVE_ON_ISSUE_EN_TAIL)
_EOI_EN_HEAD_RE = re.compile(EFFECTIVE_ON_ISSUE_EN_HEAD, re.IGNORECASE)


@dataclass(frozen=True)
class DateValue:
    iso: str
    precision: str
    start: int
    end: int


@dataclass(frozen=True)
class DateEvent:
    role: str
    date: DateValue
    cue: str
    start: int
    end: int


def cn_small_number(s: str) -> int | None:
    """Value of a Chinese numeral from 1 to 99 (月/日 numbers), else None."""
    if not s or s.count("十") > 1:
        return None
    if "十" in s:
        tens, _, ones = s.partition("十")
        if len(tens) > 1 or len(ones) > 1:
            return None
        t = CN_DIGITS.get(tens, -1) if tens else 1
        o = CN_DIGITS.get(ones, -1) if ones else 0
        return None if t <= 0 or o < 0 else t * 10 + o
    value = CN_DIGITS.get(s) if len(s) == 1 else None
    return value or None


def cn_year(s: str) -> int | None:
    """Value of a year written digit by digit in Chinese numerals (二〇二四)."""
    digits = [CN_DIGITS.get(c) for c in s]
    if not digits or any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


def year_value(s: str) -> int | None:
    """Year written in Arabic (ASCII or full-width) or Chinese-numeral digits."""
    if s.isdecimal():
        return int(s)
    return cn_year(s)


def make_iso(year: int | None, month: int | None, day: int | None,
             min_year: int = MIN_YEAR) -> tuple[str, str] | None:
    """ISO text and precision for the stated parts, or None if impossible."""
    if year is None or not min_year <= year <= MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}", "year"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    try:
        date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def _parts(kind: str, m: re.Match[str]) -> tuple[int | None, int | None, int | None, int] | None:
    """(year, month, day, minimum year) of a raw date match; None if malformed."""
    g = m.group
    if kind == "digit":
        if g("cn") is not None:
            return int(g("y")), int(g("cm")), int(g("cd")) if g("cd") else None, MIN_YEAR_CN
        return int(g("y")), int(g("nm")), int(g("nd")), MIN_YEAR
    if kind == "hz":
        month = cn_small_number(g("m"))
        day = cn_small_number(g("d")) if g("d") else None
        if month is None or (g("d") and day is None):
            return None
        return cn_year(g("y")), month, day, MIN_YEAR_CN
    month = MONTH_NAMES.get(g("mon").lower().rstrip("."))
    if kind == "dmy":
        return int(g("y")), month, int(g("d")), MIN_YEAR
    if g("my") is not None:
        # "may 2025" in lower case is prose, not a month
        if not g("mon")[0].isupper():
            return None
        return int(g("my")), month, None, MIN_YEAR
    return int(g("y")), month, int(g("d")), MIN_YEAR


def _raw_matches(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Leftmost-longest, non-overlapping raw date matches of all forms."""
    raw = [(m.start(), -m.end(), kind, m) for kind, rx in _DATE_RES for m in rx.finditer(text)]
    raw.sort(key=lambda r: (r[0], r[1]))
    kept = []
    last_end = -1
    for start, neg_end, kind, m in raw:
        if start >= last_end:
            kept.append((start, -neg_end, kind, m))
            last_end = -neg_end
    return kept


def _value(kind: str, m: re.Match[str], start: int, end: int) -> DateValue | None:
    parts = _parts(kind, m)
    if parts is None:
        return None
    year, month, day, min_year = parts
    made = make_iso(year, month, day, min_year)
    return DateValue(made[0], made[1], start, end) if made else None


def parse_date(s: str) -> DateValue | None:
    """One date expression (surrounding whitespace allowed), spans relative to s.

    Besides every form find_dates knows, the whole string may be a bare year
    ("2024", "2024年", "二〇二四年") or a numeric year-month ("2024-06").
    """
    lo = len(s) - len(s.lstrip())
    hi = len(s.rstrip())
    if lo >= hi:
        return None
    for kind, rx in _DATE_RES:
        m = rx.fullmatch(s, lo, hi)
        if m is not None:
            return _value(kind, m, lo, hi)
    m = _PARSE_ONLY_RE.fullmatch(s, lo, hi)
    if m is None:
        return None
    if m.group("ym"):
        made = make_iso(int(m.group("ay")), int(m.group("am")), None)
    elif m.group("yo"):
        made = make_iso(int(m.group("by")), None, None)
    else:
        made = make_iso(cn_year(m.group("hy")), None, None, MIN_YEAR_CN)
    return DateValue(made[0], made[1], lo, hi) if made else None


# Taiwan dates its pages by the Republic's calendar (year 1 = 1912): 發布日期：114-04-08,
# 114年8月15日. Read only after a date label, where a three-digit year can be nothing else.
_ROC_LABELLED_RE = re.compile(
    r"(?:發布日期|发布日期|發布時間|发布时间|更新日期|公告日期|發文日期|发文日期|日期)\s*[:：]?\s*(?:民國|民国)?\s*"
    r"(?P<y>1[0-4][0-9]|[89][0-9])\s*(?:年|[-/.])\s*(?P<m>[0-9]{1,2})\s*(?:月|[-/.])\s*(?P<d>[0-9]{1,2})\s*日?(?![0-9])")
ROC_OFFSET = 1911


def roc_dates(text: str) -> list[DateValue]:
    """Labelled dates in the Republic of China calendar, as Gregorian dates."""
    out = []
    for m in _ROC_LABELLED_RE.finditer(text):
        made = make_iso(int(m.group("y")) + ROC_OFFSET, int(m.group("m")), int(m.group("d")))
        if made:
            out.append(DateValue(made[0], made[1], m.start("y"), m.end()))
    return out


def find_dates(text: str) -> list[DateValue]:
    """Every date with a stated year, in text order, non-overlapping."""
    found = []
    for start, end, kind, m in _raw_matches(text):
        value = _value(kind, m, start, end)
        if value is not None:
            found.append(value)
    return found


def _yearless_valid(kind: str, m: re.Match[str]) -> bool:
    month: int | None
    day: int | None
    if kind == "digit":
        month, day = int(m.group("m")), int(m.group("d"))
    elif kind == "hz":
        month, day = cn_small_number(m.group("m")), cn_small_number(m.group("d"))
    else:
        month, day = MONTH_NAMES.get(m.group("mon").lower().rstrip(".")), int(m.group("d"))
    # 2024 is a leap year, so 2月29日 counts as a possible day.
    if not (month and day):
        return False
    return make_iso(2024, month, day) is not None


def find_yearless(text: str) -> list[tuple[int, int, str]]:
    """Month-day mentions without a year ("September 5", "9月5日") as (start, end, raw)."""
    # Parts of dated expressions, even impossible ones, are not yearless dates.
    taken = [(start, end) for start, end, _, _ in _raw_matches(text)]
    candidates = sorted(((m.start(), m.end(), kind, m) for kind, rx in _YEARLESS_RES for m in rx.finditer(text)),
                        key=lambda c: (c[0], -c[1]))
    out: list[tuple[int, int, str]] = []
    i = 0
    last_end = -1
    for start, end, kind, m in candidates:
        while i < len(taken) and taken[i][1] <= start:
            i += 1
        if start < last_end or (i < len(taken) and taken[i][0] < end):
            continue
        if _yearless_valid(kind, m):
            out.append((start, end, m.group()))
            last_end = end
    return out


def _en_role(cue: str) -> str:
    for pattern, role in _EN_ROLES:
        if pattern.fullmatch(cue):
            return role
    return "effective"


def _cue_before(text: str, value: DateValue) -> DateEvent | None:
    """A label or English cue ending right where the date starts."""
    lo = max(0, value.start - BEFORE_WINDOW)
    window = text[lo:value.start]
    tail = window.rstrip()
    if not tail:
        return None
    last = tail[-1]
    if last in "期间:：":
        m = _CN_LABEL_RE.search(window)
        if m is not None:
            cue = m.group("cue")
            return DateEvent(_CN_LABEL_ROLE[cue], value, cue, lo + m.start(), value.end)
    if last.isascii() and (last.isalpha() or last in ":,"):
        m = _EN_BEFORE_RE.search(window)
        if m is not None:
            cue = " ".join(m.group("cue").split())
            return DateEvent(_en_role(cue), value, cue, lo + m.start(), value.end)
    return None


def _start_with_zi(text: str, start: int) -> int:
    """Widen an event span to a 自/从 just before the date ("自2024年10月1日起施行")."""
    j = start
    while j > 0 and text[j - 1] in " \t\u3000":
        j -= 1
    return j - 1 if j > 0 and text[j - 1] in "自从" else start


def _cue_after(text: str, value: DateValue, limit: int) -> DateEvent | None:
    """The first Chinese cue after the date, on the same stretch of text; a cue inside
    a cited title (…会议《关于修改…的决定》修正) is that title's word, not the date's."""
    end = min(limit, value.end + MAX_CUE_GAP + 2)
    m = next((m for m in _CN_CUE_RE.finditer(text, value.end, end)
              if text.count("《", value.end, m.start()) <= text.count("》", value.end, m.start())), None)
    if m is None or _CUE_STOP_RE.search(text, value.end, m.start()) or not_this_texts_date(text, value) \
            or _ALONE_ON_LINE.match(text, value.end):
        return None  # a date alone on its line (a signature's) takes no verb from the lines below
    cue = m.group()
    cited = _CITED_AFTER_CUE.match(text, m.end())
    if cited and not _CN_CUE_RE.match(text, cited.end()):
        return None  # "2024年6月22日公布的《…》": the cited text's date, not this one's
    return DateEvent(_CN_ROLE[cue], value, cue, _start_with_zi(text, value.start), m.end())


def _year_events(text: str, taken: list[DateValue]) -> list[DateEvent]:
    events = []
    for m in _YEAR_CUE_RE.finditer(text):
        if any(d.start < m.end() and m.start() < d.end for d in taken):
            continue
        made = make_iso(year_value(m.group("y")), None, None, MIN_YEAR_CN)
        if made is None:
            continue
        value = DateValue(made[0], made[1], m.start("yr"), m.end("yr"))
        cue = m.group("cue")
        events.append(DateEvent(_CN_ROLE[cue], value, cue, _start_with_zi(text, m.start()), m.end()))
    return events


def not_this_texts_date(text: str, value: DateValue) -> bool:
    """A deadline (请于2026年12月20日前反馈) or a meeting's day (定于11月5日在北京召开):
    a date in the text that never dates the text itself."""
    return bool(_NOT_OWN_AFTER.match(text, value.end))


def find_date_events(text: str) -> list[DateEvent]:
    """Dates tied to what happened on them (issued, effective, adopted, ...), in text order.

    A label or English cue right before a date wins over a Chinese cue after
    it, so "发布日期：2024-06-22 实施日期：2024-10-01" gives issued then effective.
    """
    dates = find_dates(text)
    events = []
    for i, value in enumerate(dates):
        limit = dates[i + 1].start if i + 1 < len(dates) else len(text)
        event = _cue_before(text, value) or _cue_after(text, value, limit)
        if event is not None:
            events.append(event)
    if "年" in text:
        year_events = _year_events(text, dates)
        if year_events:
            events = sorted(events + year_events, key=lambda e: e.start)
    return events


_EFFECTIVE_AFTER_ISSUE = re.compile(r"自\s*(?:公布|发布|印发|颁布)\s*之\s*日\s*起\s*(?:满\s*)?"
                                    r"([0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*日\s*后\s*(?:施行|实施|生效)")


def effective_after_issue(text: str) -> tuple[int, tuple[int, int]] | None:
    """Days and span of a phrase putting the text in force some days after it is issued
    (自公布之日起30日后施行, as government rules often do)."""
    m = _EFFECTIVE_AFTER_ISSUE.search(text)
    if m is None:
        return None
    days = int(m.group(1)) if m.group(1).isdigit() else cn_small_number(m.group(1))
    return (days, m.span()) if days else None


def effective_on_issue(text: str) -> tuple[int, int] | None:
    """Span of a phrase saying the text takes effect when issued (自公布之日起施行)."""
    spans = []
    m = _EOI_CN_RE.search(text)
    if m is not None:
        spans.append(m.span())
    for m in _EOI_EN_TAIL_RE.finditer(text):
        lo = max(0, m.start() - BEFORE_WINDOW)
        head = _EOI_EN_HEAD_RE.search(text, lo, m.start())
        if head is not None:
            spans.append((head.start(), m.end()))
            break
    return min(spans) if spans else None
