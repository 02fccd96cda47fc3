"""Official document numbers (文号): 国务院令第785号, 工信部联原〔2024〕12号, 商务部 海关总署公告2025年第18号.

Each form is found from its fixed part (令第N号, 〔YYYY〕N号, 公告YYYY年第N号) and
the issuer is then read backwards from there, which keeps the scan fast and
lets prose in front of the number ("根据", "关于印发…的通知") be cut away.
"""
from __future__ import annotations

import re

from indexer.lazyre import lazy_compile

# Bodies that issue 令 (orders).  A 令 number is only taken when one of these
# (longest first) ends right before 令, so "命令第3号" or "司令" never match.
ORDER_ISSUERS = (
    "国务院", "主席", "国家主席",
    "工业和信息化部", "自然资源部", "生态环境部", "商务部", "财政部", "科学技术部",
    "应急管理部", "交通运输部", "公安部", "司法部", "外交部", "国防部", "教育部",
    "人力资源和社会保障部", "住房和城乡建设部", "水利部", "农业农村部", "文化和旅游部",
    "国家卫生健康委员会", "国家发展和改革委员会", "国家发展改革委", "中国人民银行", "审计署",
    "海关总署", "国家税务总局", "国家市场监督管理总局", "市场监管总局", "国家知识产权局",
    "国家安全生产监督管理总局", "国家质量监督检验检疫总局", "质检总局",
    "国土资源部", "环境保护部", "国家环境保护总局",
    "国家经济贸易委员会", "国家经贸委", "对外贸易经济合作部", "外经贸部", "信息产业部",
    "冶金工业部", "国家计划委员会", "国家计委", "国家发展计划委员会",
    "国家标准化管理委员会", "国家认证认可监督管理委员会", "国家能源局", "国家原子能机构",
)
# Country name written before an issuer; dropped in the canonical form.
COUNTRY = "中华人民共和国"
# Prose that may stand right before a document number's issuer and is cut
# away: the issuer is what follows the last of these.
PROSE_BOUNDARIES = (
    "的", "了", "号", "根据", "按照", "依据", "依照", "参照", "详见", "参见",
    "通知", "意见", "决定", "办法", "文件", "印发", "转发", "发布", "公布", "关于", "以及",
    "其中", "以",
)
# Single characters that are prose only at the very start of an issuer run
# ("和国办发〔…〕" after "国发〔2023〕3号"); inside one they can be part of a
# name (工业和信息化部, 经信委).
LEADING_PROSE = "和及与或并在是为见即由经"
# Issuers are short; a longer run of characters before the number is prose.
MAX_ISSUER = 14
MAX_BRACKET_PREFIX = 12

_D = "[0-9０-９]"
_SP = r"[ \t\u3000\xa0]"
_HAN = "[\u3400-\u9fff]"
_FW_DIGITS = {0xFF10 + i: 0x30 + i for i in range(10)}
_CN_NUM = "[〇零一二三四五六七八九十百千]"

# 令第785号 (also split over a line break) and 第785号令
_ORDER_RE = lazy_compile(
    rf"令{_SP}*(?:\r?\n{_SP}*)?第{_SP}*(?P<n>{_D}{{1,5}}|{_CN_NUM}{{1,8}}){_SP}*号"
    rf"|第{_SP}*(?P<n2>{_D}{{1,5}}|{_CN_NUM}{{1,8}}){_SP}*号令"
)
# 〔2024〕12号 with any of the bracket pairs people type for 〔〕
_BRACKET_RE = lazy_compile(
    rf"[〔\[(（【［﹝〖]{_SP}*(?P<y>{_D}{{4}}){_SP}*[〕\])）】］﹞〗]{_SP}*第?{_SP}*(?P<n>{_D}{{1,5}}){_SP}*号"
)
# 公告2025年第18号
_NOTICE_RE = lazy_compile(rf"公告{_SP}*[（(]?{_SP}*(?P<y>{_D}{{4}}){_SP}*年{_SP}*第?{_SP}*(?P<n>{_D}{{1,5}}){_SP}*号[）)]?")
# A congress standing committee's 公告 is numbered without a year: 公告（第8号）, 公告第二十三号.
_NOTICE_NO_YEAR_RE = lazy_compile(rf"公告\s{{0,6}}[（(]?{_SP}*第{_SP}*(?P<n>{_D}{{1,5}}|{_CN_NUM}{{1,8}}){_SP}*号[）)]?")
# Hong Kong numbers a circular by its place in the year: 工业贸易署通告第8/2025号.
_SLASH_RE = lazy_compile(
    rf"(?P<kind>通告|通函|公告|告示){_SP}*第{_SP}*(?P<n>{_D}{{1,4}}){_SP}*/{_SP}*(?P<y>{_D}{{4}}){_SP}*号")
# the reversed order, 2025年第18号公告
_NOTICE_REVERSED_RE = lazy_compile(
    rf"(?P<y>{_D}(?<!{_D}{_D}){_D}{{3}}){_SP}*年{_SP}*第{_SP}*(?P<n>{_D}{{1,5}}){_SP}*号{_SP}*公告"
)

_ORDER_ISSUER_RE = lazy_compile(
    rf"(?:{COUNTRY}{_SP}*)?(?P<org>"
    + "|".join(re.escape(x) for x in sorted(ORDER_ISSUERS, key=len, reverse=True))
    + rf"){_SP}*\Z"
)
_JOINT_ISSUER_RE = lazy_compile(
    rf"(?:{COUNTRY}{_SP}*)?(?P<org>"
    + "|".join(re.escape(x) for x in sorted(ORDER_ISSUERS, key=len, reverse=True))
    + rf"){_SP}*[、和]{_SP}*\Z"
)
_LOCAL_GOVERNMENT_RE = lazy_compile(
    rf"(?P<org>(?:(?![日年月])[\u3400-\u9fff]){{2,12}}?(?:省|自治区|市|自治州|县|盟)人民政府){_SP}*\Z")
_BOUNDARY_RE = lazy_compile("|".join(re.escape(b) for b in sorted(PROSE_BOUNDARIES, key=len, reverse=True)))
_BRACKET_PREFIX_RE = lazy_compile(rf"{_HAN}{{1,{MAX_BRACKET_PREFIX}}}{_SP}*\Z")
# One or more issuers joined by spaces or 、 ("商务部 海关总署").
_NOTICE_PREFIX_RE = lazy_compile(rf"{_HAN}+(?:(?:{_SP}+|、){_HAN}+)*{_SP}*\Z")
_TRIM_CHARS = " \t\u3000\xa0\r\n（）()《》〈〉“”\"'「」『』[]【】,，。;；:："


def _digits(s: str) -> str:
    return s.translate(_FW_DIGITS)


def cut_prose(prefix: str) -> str:
    """What follows the last prose word in a run of characters before a number."""
    while True:
        m = _BOUNDARY_RE.search(prefix)
        if m is None:
            break
        prefix = prefix[m.end():]
    return prefix.lstrip(LEADING_PROSE)


def _order(text: str, m: re.Match[str]) -> tuple[str, int, int] | None:
    lo = max(0, m.start() - MAX_ISSUER - len(COUNTRY) - 4)
    head = _ORDER_ISSUER_RE.search(text, lo, m.start())
    if head is None:
        return _local_order(text, m)
    number = m.group("n") or m.group("n2")
    orgs, start = [head.group("org")], head.start()
    while True:  # a joint order: 工业和信息化部、国家发展改革委、自然资源部令第71号
        joined = _JOINT_ISSUER_RE.search(text, max(0, start - MAX_ISSUER - 2), start)
        if joined is None:
            break
        orgs.insert(0, joined.group("org"))
        start = joined.start()
    return f"{'、'.join(orgs)}令第{_digits(number)}号", start, m.end()


def _local_order(text: str, m: re.Match[str]) -> tuple[str, int, int] | None:
    """A local government's order: 江西省人民政府令第250号, 包头市人民政府令第12号."""
    head = _LOCAL_GOVERNMENT_RE.search(text, max(0, m.start() - MAX_ISSUER - 6), m.start())
    if head is None:
        return None
    org = cut_prose(head.group("org"))
    if not _LOCAL_GOVERNMENT_RE.fullmatch(org):
        return None
    number = m.group("n") or m.group("n2")
    return f"{org}令第{_digits(number)}号", m.start() - len(org) - (head.end() - head.end("org")), m.end()


def _bracket(text: str, m: re.Match[str]) -> tuple[str, int, int] | None:
    lo = max(0, m.start() - MAX_BRACKET_PREFIX - 4)
    head = _BRACKET_PREFIX_RE.search(text, lo, m.start())
    if head is None:
        return None
    raw = head.group().rstrip(" \t\u3000\xa0")
    kept = cut_prose(raw)
    if not kept:
        return None
    start = head.start() + len(raw) - len(kept)
    prefix = kept[len(COUNTRY):] if kept.startswith(COUNTRY) and len(kept) > len(COUNTRY) else kept
    return f"{prefix}〔{_digits(m.group('y'))}〕{_digits(m.group('n'))}号", start, m.end()


def _notice_issuer(text: str, end: int) -> tuple[str, int]:
    """Issuer(s) written right before 公告 (possibly none) and where they start."""
    lo = max(0, end - 3 * MAX_ISSUER)
    head = _NOTICE_PREFIX_RE.search(text, lo, end)
    if head is None:
        return "", end
    raw = head.group().rstrip(" \t\u3000\xa0")
    kept = cut_prose(raw)
    parts = [p[len(COUNTRY):] if p.startswith(COUNTRY) and len(p) > len(COUNTRY) else p
             for p in re.split(rf"{_SP}+", kept.strip(" \t\u3000\xa0、"))]
    issuer = " ".join(p for p in parts if p)
    if not issuer:
        return "", end
    return issuer, head.start() + len(raw) - len(kept)


def _notice(text: str, m: re.Match[str]) -> tuple[str, int, int]:
    issuer, start = _notice_issuer(text, m.start())
    year = f"{_digits(m.group('y'))}年" if "y" in m.groupdict() else ""
    return f"{issuer}公告{year}第{_digits(m.group('n'))}号", start, m.end()


def _slash(text: str, m: re.Match[str]) -> tuple[str, int, int]:
    issuer, start = _notice_issuer(text, m.start())
    return f"{issuer}{m.group('kind')}第{_digits(m.group('n'))}/{_digits(m.group('y'))}号", start, m.end()


# English forms: "MOFCOM Announcement No. 62 of 2025", "MOFCOM and GAC Announcement No. 18
# [2025]", "State Council Decree No. 785", "Decree No. 785 of the State Council". The issuer
# words are resolved through the registry, so the number takes its Chinese canonical form.
_EN_ISSUER = r"(?:the\s+)?[A-Z][A-Za-z&'.-]*(?:[ ,]+(?:and\s+|of\s+|the\s+|for\s+|&\s+)*[A-Z][A-Za-z&'.-]*){0,9}"
_EN_NOTICE_RE = lazy_compile(
    rf"(?P<issuer>{_EN_ISSUER})\s+(?:Public\s+)?Announcement\s+No\.?\s*(?P<n>\d{{1,4}})"
    rf"\s*(?:of\s+|,\s*|\[|\()(?P<y>(?:19|20)\d\d)\]?\)?")
_EN_ORDER_RE = lazy_compile(
    rf"(?P<issuer>{_EN_ISSUER})\s+(?:Decree|Order)\s+No\.?\s*(?P<n>\d{{1,5}})\b"
    rf"|\b(?:Decree|Order)\s+No\.?\s*(?P<n2>\d{{1,5}})\s+of\s+(?P<issuer2>{_EN_ISSUER})"
    # prose: "the State Council published them as Decree No. 785"
    rf"|(?P<issuer3>{_EN_ISSUER})\s+(?:has\s+|had\s+)?(?:published|issued|promulgated|released)\b[^.;\n]{{0,60}}?"
    rf"\b(?:Decree|Order)\s+No\.?\s*(?P<n3>\d{{1,5}})\b")


# "Announcement of the Ministry of … (No. 10 of 2024)", "Decree of the State Council … No. 785",
# "Announcement No. 18 of 2025 of the Ministry of Commerce and the General Administration of Customs".
_EN_OF_RE = lazy_compile(
    rf"\b(?P<kind>Announcement|Decree|Order)\s+of\s+(?P<issuer>{_EN_ISSUER})\s*\(?\s*No\.?\s*(?P<n>\d{{1,5}})"
    rf"(?:\s+of\s+(?P<y>(?:19|20)\d\d))?\)?")
_EN_NOTICE_AFTER_RE = lazy_compile(
    rf"\bAnnouncement\s+No\.?\s*(?P<n>\d{{1,4}})\s+of\s+(?P<y>(?:19|20)\d\d)\s+of\s+(?P<issuer>{_EN_ISSUER})")


# A number romanised word by word from its Chinese ("Nei Zheng Ban Fa [2024] No. 15" for
# 内政办发〔2024〕15号, "MIIT Lian Yuan [2024] No. 25"): kept as written, the issuer's
# abbreviation being what it is.
_EN_BRACKET_RE = lazy_compile(
    r"\b(?P<prefix>(?:[A-Z][A-Za-z]*[ \t]+){1,6})[\[(〔]\s*(?P<y>(?:19|20)\d\d)\s*[\])〕]\s*No\.?\s*(?P<n>\d{1,5})\b")


def _english_issuers(words: str) -> str | None:
    """The Chinese names of the bodies named in English right before the number, space-
    separated: the longest run of trailing words that names registered bodies only
    ("Beijing's MOFCOM" → 商务部); None when there is none."""
    from indexer.extract.issuers import default_registry

    tokens = words.split()
    for first in range(len(tokens)):
        run = " ".join(tokens[first:])
        whole = default_registry().resolve(re.sub(r"^the\s+", "", run, flags=re.I))
        if whole:  # one name with "and" in it: Ministry of Industry and Information Technology
            return whole.name_zh.removeprefix(COUNTRY)
        parts = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", run) if p]
        entries = [default_registry().resolve(re.sub(r"^the\s+", "", p.strip(), flags=re.I)) for p in parts]
        if entries and all(entries):
            return " ".join(dict.fromkeys(e.name_zh.removeprefix(COUNTRY) for e in entries if e))
    return None


def _english(text: str) -> list[tuple[str, int, int]]:
    found = []
    for m in _EN_NOTICE_RE.finditer(text):
        issuer = _english_issuers(m.group("issuer"))
        if issuer:
            found.append((f"{issuer}公告{m.group('y')}年第{int(m.group('n'))}号", m.start(), m.end()))
    for m in _EN_ORDER_RE.finditer(text):
        issuer = _english_issuers(m.group("issuer") or m.group("issuer2") or m.group("issuer3"))
        if issuer:
            found.append((f"{issuer}令第{int(m.group('n') or m.group('n2') or m.group('n3'))}号", m.start(), m.end()))
    for m in _EN_BRACKET_RE.finditer(text):
        prefix = re.sub(r"^(?:The|A)\s+", "", m.group("prefix").strip())
        if prefix:
            found.append((f"{prefix} [{m.group('y')}] No. {int(m.group('n'))}",
                          m.start("prefix") + m.group("prefix").find(prefix), m.end()))
    for m in [*_EN_OF_RE.finditer(text), *_EN_NOTICE_AFTER_RE.finditer(text)]:
        issuer = _english_issuers(m.group("issuer"))
        year = m.group("y")
        if issuer and (year or m.groupdict().get("kind") != "Announcement"):
            number = f"公告{year}年第{int(m.group('n'))}号" if year else f"令第{int(m.group('n'))}号"
            found.append((issuer + number, m.start(), m.end()))
    return found


def find_doc_nos(text: str, english: bool = True) -> list[tuple[str, int, int]]:
    """Every document number in text as (canonical form, start, end), in text order; with
    `english`, the English forms too."""
    found: list[tuple[str, int, int]] = []
    if english and "No" in text:
        found += _english(text)
    if "号" not in text:
        return _in_order(found)
    for m in _ORDER_RE.finditer(text):
        item = _order(text, m)
        if item is not None:
            found.append(item)
    for m in _BRACKET_RE.finditer(text):
        item = _bracket(text, m)
        if item is not None:
            found.append(item)
    if "公告" in text:
        for rx in (_NOTICE_RE, _NOTICE_REVERSED_RE, _NOTICE_NO_YEAR_RE):
            found.extend(_notice(text, m) for m in rx.finditer(text))
    if "/" in text:
        found.extend(_slash(text, m) for m in _SLASH_RE.finditer(text))
    return _in_order(found)


def _in_order(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    found.sort(key=lambda f: (f[1], -f[2]))
    out: list[tuple[str, int, int]] = []
    for item in found:
        if not out or item[1] >= out[-1][2]:
            out.append(item)
    return out


def normalize_doc_no(s: str) -> str | None:
    """Canonical form of s when s is one document number (brackets and spaces around allowed)."""
    core = s.strip(_TRIM_CHARS)
    found = find_doc_nos(core)
    if len(found) != 1:
        return None
    canonical, start, end = found[0]
    if core[:start].strip(_TRIM_CHARS) or core[end:].strip(_TRIM_CHARS):
        return None
    return canonical


def canonical_doc_no(value: str | None) -> str | None:
    """A record's number in canonical form, whichever form the record keeps it in."""
    return (normalize_doc_no(value) or value) if value else value
