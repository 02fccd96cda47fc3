"""Signals of web pages and their plain-text copies: headline, kind of text, page date.

A page saved as text keeps its menus, site name and captions; the document's own
title is the line the article opens with (before its date line and first
paragraph), the heading of an official text reposted in it (the line above its
"（2025年7月28日…令第71号公布）" header), or, on a document-sharing site, the
file name it offers or the cover of the standard. The vocabularies are data:
schemas/page_signals.json.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass

from indexer.extract.dates import DateValue, find_dates, parse_date, roc_dates
from indexer.extract.docno import find_doc_nos
from indexer.extract.stdno import find_std_nos
from indexer.resources import schema_path
from indexer.textfold import fold

TOP_LINES = 60
HEADLINE_MAX = 200
PARAGRAPH_MIN_CJK = 60
PARAGRAPH_MIN_LATIN = 140

_CJK = re.compile(r"[\u3400-\u9fff]")
# A sentence ends in its stop, perhaps followed by a parenthesis ("…出口。（Reuters）").
_SENTENCE_END = re.compile(r"([。；;！!？?]|[.](?<!\.\.))\s*([（(][^（）()]{0,30}[)）])?\s*$")
_PROMULGATION = re.compile(r"^[（(]?\s*\d{4}\s*年.{0,80}(公布|发布|通过|印发|颁布|修订|修正|批准).{0,60}[)）]?\s*$")
_DATE_LINE = re.compile(
    r"^[-–—\s]*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}/\d{1,2}/\d{4}|"
    r"[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})"
    r"([\sT]\d{1,2}:\d{2}(:\d{2})?)?([\s(（].{0,40})?[-–—\s]*$")
_DAY_DATE = re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{4}-\d{1,2}-\d{1,2}|"
                       r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}/\d{1,2}/\d{4}")
_LABELLED = re.compile(r"^[\[【][^\]】]{1,24}[\]】]|^(来源|來源|source)\s*[:：]", re.I)
_CLAUSE_HEADING = re.compile(r"^\d+(\.\d+)*\s*\S|^第\s*[一二三四五六七八九十百零〇\d]+\s*[章节条编]|^[一二三四五六七八九十]+、")
_INLINE_PROMULGATION = re.compile(r"(?:^|[。！])\s*([^。，,；;\n()（）]{4,60}?)\s*"
                                  r"([（(]\s*\d{4}\s*年[^()（）]{0,80}(公布|发布|通过|印发|颁布)[^()（）]{0,60}[)）])")
_PART_LINE = re.compile(r"^第\s*\d+\s*部分")
_SCOPE = re.compile(r"(?:本标准|本文件|本部分|[a-z][a-z/]*\s*\d[\d.]*)规定了(.{2,30}?)的"
                    r"(术语|要求|技术要求|分类|牌号|试验方法|测定方法|产品分类)")
_BRACKET_STD_TITLE = re.compile(r"《\s*([A-Z][^》\n]{3,30}?\d{4})\s+([^》\n]{2,80})》")
_STD_THEN_TITLE = re.compile(r"^\s*《([^》\n]{2,60})》")
# A Chinese cover title wraps over at most this many more lines.
COVER_TITLE_LINES = 3
_COVER_END = re.compile(r"(发布|实施|批准|提出|归口)$|^[（(]|\d{4}")
# A draft's cover prints its stage under the title; the stage belongs to the title.
_STAGE_LINE = re.compile(r"^[（(]\s*(征求意见稿|送审稿|报批稿)\s*[)）]$|^(征求意见稿|送审稿|报批稿)$")
# A breadcrumb (首页 > 标准化 > 通知公告) or a tool bar (字号：大 中 小 | 打印 | 分享).
_TRAIL = re.compile(r"\s[>＞»›|｜]\s|[>＞»›｜]")
_SHORT_TRAIL = re.compile(r"[^\s>＞»›。，]{2,20}\s*[>＞»›]\s*[^\s>＞»›。，]{2,20}")
# The greeting a notice opens with (各有关单位：, 致各出口商：): never its title.
_SALUTATION = re.compile(r"^(各|致)[^。]{1,80}[:：]$|^致\s*[:：]")  # 各市、县（区）人民政府，省政府各部门：
# An English number printed under a heading, folded to lower case: "no. 785", "(no. 12 of 2023)".
_BARE_EN_NUMBER = re.compile(r"[(\[]?\s*no\.?\s*\d{1,5}(?:\s+of\s+(?:19|20)\d\d)?\s*[)\]]?")
# An English heading that names only a kind and a body ("Decree of the State Council of …"):
# a post's own headline above it says what the text is.
_BARE_HEADING = re.compile(r"^(?:[a-z]+\s+){0,3}?(?:decree|order|announcement|notice|circular)\s+of\s+"
                           r"(?!.*\b(?:on|for|concerning|regarding|about|approving|issuing)\b)", re.I)
_COVER_SKIP = re.compile(r"^(代替|替代|replacing|replaces|supersed|ics\b|ccs\b|[a-z]\s?\d{2}$|national standard|people)", re.I)


@dataclass
class Signal:
    value: str
    rule: str
    span: str


@functools.cache
def vocabulary() -> dict[str, tuple[str, ...]]:
    data = json.loads(schema_path("page_signals.json").read_text("utf-8"))
    return {k: tuple(fold(w) for w in v) for k, v in data.items() if isinstance(v, list)}


def count_markers(text: str, kind: str) -> int:
    folded = fold(text)
    return sum(1 for word in vocabulary()[kind] if word in folded and _marker(word).search(folded))


@functools.cache
def _marker(word: str) -> re.Pattern:
    # A word right after a number is part of it: 3月31日前 is a deadline, not 日前 ("recently").
    return re.compile(r"(?<![0-9〇零一二三四五六七八九十])" + re.escape(word))


_LABEL_LINE = re.compile(r"^([\u4e00-\u9fff][\u4e00-\u9fff \t\u3000]{1,10}?)[ \t\u3000]*[:：][ \t\u3000]*(.*)$")
_TITLE_LABELS = ("标题", "名称", "标准名称", "中文标准名称", "中文名称")


def header_field(line: str) -> tuple[str, str] | None:
    """(label, value) of a line of a government site's metadata table (索 引 号：…,
    标　　题：…), the label without its spaces; None for any other line."""
    m = _LABEL_LINE.match(line.strip())
    if not m:
        return None
    label = fold(re.sub(r"[ \t\u3000]", "", m.group(1)))
    return (label, m.group(2).strip()) if label in vocabulary()["header_labels"] else None


def header_labels(text: str) -> int:
    """How many of a metadata table's labels a stretch of text holds."""
    folded = fold(re.sub(r"[ \t\u3000]", "", text))
    return sum(1 for label in vocabulary()["header_labels"] if label + "：" in folded or label + ":" in folded)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()[:TOP_LINES * 3] if line.strip()][:TOP_LINES]


def _title_like(line: str) -> bool:
    folded = fold(line)
    return (2 <= len(line) <= HEADLINE_MAX and not _SENTENCE_END.search(line)
            and not _DATE_LINE.match(line) and not _DAY_DATE.search(line) and not _LABELLED.match(line)
            and not _CLAUSE_HEADING.match(line) and folded.rstrip(":：") not in vocabulary()["section_labels"]
            and not is_site_line(line) and not _SALUTATION.match(line) and not is_number_line(line)
            and not any(word in folded for word in vocabulary()["byline_markers"]))


def is_number_line(line: str) -> bool:
    """A line that is only a document number (工信科函〔2024〕215号, No. 785, (No. 12 of
    2023)): it stands under a title."""
    line = fold(line.strip())
    if _BARE_EN_NUMBER.fullmatch(line):
        return True
    found = find_doc_nos(line, english=False)
    return len(found) == 1 and found[0][1] <= 1 and found[0][2] >= len(line) - 1


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def is_trail(line: str) -> bool:
    """A breadcrumb or a tool bar: site navigation, never a title (two marks, or one
    between two short labels: 工业和信息化部科技司 > 公示公告)."""
    marks = _TRAIL.findall(line)
    return len(marks) >= 2 or (len(marks) == 1 and bool(_SHORT_TRAIL.fullmatch(line.strip())))


def is_site_line(line: str) -> bool:
    """A line a site prints around a text: navigation, a tool bar, a metadata table's row."""
    return is_trail(line) or header_field(line) is not None or count_markers(line, "toolbar_markers") > 0


def is_paragraph(line: str) -> bool:
    """A line long enough to be body text rather than a heading."""
    return _is_paragraph(line)


def _is_paragraph(line: str) -> bool:
    cjk = len(_CJK.findall(line))
    return cjk >= PARAGRAPH_MIN_CJK or (cjk < 10 and len(line) >= PARAGRAPH_MIN_LATIN and line.count(" ") >= 15)


def page_title(text: str) -> Signal | None:
    """The document's title from what survives of a page in its text, or None."""
    lines = _lines(text)
    for rule in (_header_title, _official_heading, _file_name, _cover_title, _headline, _scope_title):
        found = rule(lines)
        if found:
            return found
    return None


def _header_title(lines: list[str]) -> Signal | None:
    """The title a site's metadata table gives the text (标　　题：…)."""
    for line in lines:
        field = header_field(line)
        if field and field[0] in _TITLE_LABELS and 4 <= len(field[1]) <= HEADLINE_MAX:
            return Signal(field[1], "page:header-title", line)
    return None


def _official_heading(lines: list[str]) -> Signal | None:
    for above, line in zip(lines, lines[1:]):
        if _PROMULGATION.match(fold(line)) and _title_like(above) and _CJK.search(above):
            return Signal(above, "page:official-text-heading", f"{above} {line}"[:200])
    for line in lines:
        m = _INLINE_PROMULGATION.search(fold(line))
        if m and _CJK.search(m.group(1)) and _title_like(line[m.start(1):m.end(1)]):
            return Signal(line[m.start(1):m.end(1)].strip(), "page:official-text-heading",
                          line[m.start(1):m.end(2)][:200])
    return None


def is_file_name(line: str) -> bool:
    """A file's name (2025051400812.pdf, GBT13560-2017 烧结钕铁硼永磁材料.pdf), not a title."""
    exts = "|".join(vocabulary()["file_extensions"])
    return bool(re.fullmatch(rf"[^\n]{{1,200}}\.(?:{exts})", line.strip(), re.I))


def _file_name(lines: list[str]) -> Signal | None:
    exts = "|".join(vocabulary()["file_extensions"])
    for line in lines[:12]:
        m = re.fullmatch(rf"(?:【[^】]*】)?(.+?)\.(?:{exts})", line, re.I)
        if m:
            name = m.group(1)
            label = re.match(r"\s*([^:：]{2,12})\s*[:：]\s*", name)
            if label and fold(label.group(1)).strip() in vocabulary()["file_name_labels"]:
                name = name[label.end():]  # 檔案名稱：GBT13560-2017 …
            if not re.search(r"[^\W\d_]", name):
                continue  # a number the site filed it under (2025051400812.pdf)
            name = name.replace("_", "/")
            nos = find_std_nos(name)
            if nos and nos[0][1] == 0:
                name = name[nos[0][2]:]
            name = name.strip(" 　-—_《》")
            if len(name) >= 2:
                return Signal(name, "page:file-name", line)
    return None


def _cover_title(lines: list[str]) -> Signal | None:
    for i, line in enumerate(lines):
        nos = find_std_nos(line)
        replacing = re.match(r"^(replacing|replaces|代替|替代)\s*", line, re.I)
        if replacing and nos and nos[0][1] == replacing.end():
            nos = [(nos[0][0], 0, len(line))]
        if not nos or nos[0][1] != 0:
            continue
        rest = line[nos[0][2]:]
        inline = _STD_THEN_TITLE.match(rest)
        if inline:
            return Signal(inline.group(1), "page:std-no-and-title", line)
        if rest.strip() and not _COVER_SKIP.match(rest.strip()):
            continue
        for after in lines[i + 1:i + 5]:
            if _COVER_SKIP.match(after) or find_std_nos(after):
                continue
            if _title_like(after) and not _is_paragraph(after):
                title, used = _wrapped_title(after, lines[lines.index(after) + 1:])
                title += _stage_after(lines, lines.index(after) + 1 + used)
                return Signal(title, "page:cover-title", f"{line} {title}"[:200])
            break
    for line in lines[:20]:
        m = _BRACKET_STD_TITLE.search(line)
        if m and find_std_nos(m.group(1)):
            return Signal(m.group(2).strip(), "page:cited-std-title", m.group())
    return None


def _wrapped_title(first: str, following: list[str]) -> tuple[str, int]:
    """A cover title with the lines it wraps onto: "第8部分：…" and the Chinese lines that
    go on from it, or an English title going on in lower case. The English title, the
    stage mark (（征求意见稿）) and the date lines that follow a Chinese title end it.
    Returns the title and how many lines it took after the first."""
    title, used = first, 0
    chinese = bool(_CJK.search(first))
    for line in following[:COVER_TITLE_LINES]:
        if _PART_LINE.match(fold(line)):
            title += " " + line
        elif chinese and _CJK.search(line[:1]) and _title_like(line) and not find_std_nos(line) \
                and not _COVER_END.search(fold(line)) and not _STAGE_LINE.match(line):
            title += line
        elif not chinese and line[:1].islower() and len(line) < 60:
            title += " " + line
        else:
            break
        used += 1
    return title, used


def _stage_after(lines: list[str], start: int) -> str:
    """"（征求意见稿）" when a stage line follows the cover title (an English title may come between)."""
    for line in lines[start:start + 2]:
        m = _STAGE_LINE.match(line.strip())
        if m:
            return f"（{m.group(1) or m.group(2)}）"
    return ""


def _headline(lines: list[str]) -> Signal | None:
    """The last title-like line before the first paragraph, skipping date and label lines."""
    first = next((i for i, line in enumerate(lines) if _is_paragraph(line)), None)
    if not first:
        return None
    run = [i for i in range(max(0, first - 6), first) if _title_like(lines[i])]
    if not run:
        return None
    # At the very top, a headline may be followed by its subtitle.
    pick = run[0] if run[0] == 0 and len(run) == 2 and run[1] == 1 else run[-1]
    if len(run) >= 2 and pick == run[-1] and _BARE_HEADING.match(lines[pick]):
        pick = run[-2]
    return Signal(lines[pick], "page:headline", lines[pick])


def _scope_title(lines: list[str]) -> Signal | None:
    for line in lines:
        m = _SCOPE.search(fold(line))
        if m:
            return Signal(line[m.start(1):m.end(1)], "page:scope", line[m.start():m.end()])
    return None


def page_kind(title: str, text: str, formal: bool = False, site_body: bool = False) -> Signal | None:
    """news / standard / standard_notice / policy from the words a page uses, or None.

    ``formal``: the text opens with its own adoption or promulgation lines; only a
    summary title (要点, 解读 …) then makes it news about that text. ``site_body``: the
    page's site is a registered body's, so a page reporting a text is that body's notice.
    """
    head = text[:3000]
    if count_markers(title, "summary_words"):
        return Signal("news", "page:summary-of-a-text", title)
    official = count_markers(text, "official_markers")
    reposted = _official_heading(_lines(text))
    # A text quoted (…自公布之日起施行) is reported on; one reposted in full keeps its
    # heading, its salutation (各有关单位：) or more of its formulas.
    quoted = not reposted and official < 2 and not any(_SALUTATION.match(line) for line in _lines(text))
    if quoted and reports_a_text(title):
        if site_body:  # a body's own notice to its public about another's text
            kind = "standard_notice" if re.search(r"标准|standard", fold(title)) else "policy"
            return Signal(kind, "page:body-notice-on-a-text", title)
        return Signal("news", "page:report-headline", title)
    if formal:
        return None
    if count_markers(head[:1500], "disclosure_markers") >= 2:
        # A listed company's announcement (证券代码 … 公告编号 …) reports on the company: no
        # government's policy, though it ends 特此公告.
        return Signal("news", "page:company-disclosure", "")
    standard = count_markers(head, "standard_markers")
    news = count_markers(head[:1500], "news_markers")
    if standard >= 2 and news == 0:
        return Signal("standard", "page:standard-markers", "")
    if quoted and (count_markers(head[:1500], "dateline_markers") or count_markers(text, "commentary_markers")):
        return Signal("news", "page:dateline-or-commentary", "")
    if reposted:
        return Signal("policy", "page:reposted-official-text", "")
    if count_markers(head, "standard_notice_markers") and news == 0 and official == 0 \
            and re.search(r"标准|standard", fold(title + head)):  # 征求意见稿 of a rule is no standards notice
        return Signal("standard_notice", "page:standards-body-notice", "")
    if news and official == 0:  # 特此通知, articles, an entry-into-force clause: the text itself
        return Signal("news", "page:news-markers", "")
    return None


def reports_a_text(title: str) -> bool:
    """A headline that reports a text rather than names it: one opening with the mainland
    as seen from outside (内地…, 中国大陆宣布…), or a body's release of a cited title
    (商务部发布《…》). An official title says 关于发布…; a notice's ends 的通知."""
    folded = fold(title).strip()
    if "关于" in folded:
        return False
    if folded.startswith(vocabulary()["outside_subjects"]):
        return True
    if re.search(r"的(通知|公告|通告|决定|批复|函)$", folded):
        return False
    for verb in vocabulary()["report_verbs"]:
        at = folded.find(verb)
        if 2 <= at <= 20 and folded[at + len(verb):].lstrip("了").startswith("《"):
            return True
    return False


_MDY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\b")


def page_date(text: str) -> tuple[DateValue, Signal] | None:
    """The page's own date from the date line under its headline."""
    signal = page_date_line(text)
    if signal is None:
        return None
    mdy = _MDY.match(signal.value)
    if mdy:  # 3/29/2016: English pages write month first
        month, day, year = (int(g) for g in mdy.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return DateValue(f"{year:04d}-{month:02d}-{day:02d}", "day", 0, mdy.end()), signal
        return None
    dates = find_dates(signal.value) or roc_dates(signal.value)
    return (dates[0], signal) if dates else None


_COVER_DATE = {
    "issued": re.compile(r"(?:issued on|date of issue|publication date|发布日期|颁布日期)[ \t]*[.:：]?[ \t]*\n?[ \t]*(.{6,30})$"
                         r"|^[- \t]*(.{6,20}?)[ \t]*(?:发布|颁布)$"
                         r"|(\d{4}-\d{2}-\d{2})[ \t]*(?:发布|颁布)(?!日期)", re.I | re.M),
    "effective": re.compile(r"(?:implemented on|implementation date|实施日期)[ \t]*[.:：]?[ \t]*\n?[ \t]*(.{6,30})$"
                            r"|^[- \t]*(.{6,20}?)[ \t]*实施$"
                            r"|(\d{4}-\d{2}-\d{2})[ \t]*实施(?!日期)", re.I | re.M),
}


def cover_date(text: str, role: str) -> tuple[DateValue, Signal] | None:
    """A standard's cover or catalogue date: 'ISSUED ON. OCTOBER 14, 2017', '- 2025-08-01 頒布'."""
    head = fold(text[:6000]).replace("\r", "")
    for m in _COVER_DATE[role].finditer(head):
        raw = m.group(1) or m.group(2) or m.group(3)
        dates = find_dates(raw.title()) or find_dates(raw)
        month = parse_date(raw.split()[0]) if m.group(1) and not dates and raw.split() else None
        if month:  # a catalogue may date a standard by its month under a label (Publication date : 2021-03)
            dates = [month]
        if dates and (dates[0].precision == "day" or month):
            span = text[m.start():m.end()]
            return dates[0], Signal(span, f"page:cover-{role}", span)
    return None


def page_date_line(text: str) -> Signal | None:
    """The date line under a headline ('2021-01-15 15:14:14', '3/29/2016', '- Nov 08, 2017 -')."""
    for line in _lines(text)[:25]:
        # A date alone, or on a short line with a label, a site or a source
        # ("date 2025-08-23 快讯", "来源 :你好北方稀土2024-03-04").
        day = _DAY_DATE.search(line)
        if _DATE_LINE.match(line) or (len(line) <= 50 and day and not _SENTENCE_END.search(line)
                                      and not line.startswith(("，", ","), day.end())):
            return Signal(line, "page:date-line", line)
        if len(line) <= 60 and roc_dates(line):  # 發布日期：114-04-08
            return Signal(line, "page:date-line", line)
    return None
