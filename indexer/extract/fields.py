"""Field rules: each takes the document and returns a value with the span and rule behind it.

Official Chinese texts put what matters in predictable places: the header
(title, document number, adoption and promulgation lines), the body's
final articles (本条例自…起施行), and the signature block (issuing body and
date). The rules below read those places; nothing here knows about any
particular file or collection.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Generic, TypeVar

from indexer.extract.dates import (DateValue, effective_after_issue, effective_on_issue, find_date_events, find_dates,
                                   not_this_texts_date)
from indexer.extract.docno import find_doc_nos
from indexer.extract.issuers import SUB_UNIT, IssuerMatch, Registry, clean_issuer_name
from indexer.extract.pages import is_trail
from indexer.extract.stdno import find_replaces, find_std_nos, parse_std_no
from indexer.textfold import fold, t2s_table

STATE_COUNCIL = "STATE_COUNCIL"
HEADER_CHARS = 800
HEADER_MAX = 5000
TAIL_CHARS = 300
PAGE_END_CHARS = 600  # what a saved page may add after a notice's signature (links, toolbars)
SIGNATURE_LINE = 50
# A history entry may wrap: jointly issuing bodies stand one per line before 发布.
ENTRY_LINES = 5

ISSUED_ROLES = ("promulgated", "issued", "adopted", "revised", "amended", "approved")
_ROLE_RANK = {role: rank for rank, role in enumerate(ISSUED_ROLES)}
_ISSUE_LABEL = re.compile(r"[\[【]?\b(Date of Issue|Issue Date|Date Issued|Date of Promulgation|Promulgation Date|"
                          r"Issuing Date|Date of Issuance|Issuance Date|Date of Signing|Signing Date)\b"
                          r"[\]】]?\s*[:：]?\s*", re.I)
_DATE_LABEL = re.compile(r"(?<![^\W\d_])(发布时间|发布日期|成文日期|印发日期|日期|时间|Published|Date|Updated)\s*[:：]\s*", re.I)
_SELF_REFERENCE = re.compile(r"本(条例|办法|规定|细则|法|决定|通知|公告|标准|文件|部分|规则|意见|方案|目录|措施)")
_DRAFT = re.compile(r"[（(]?\s*(征求意见稿|草案|送审稿|报批稿|draft for comments?|exposure draft)\s*[)）]?", re.I)
_NOTICE_WORDS = re.compile(r"公告|通知|通告|公示|函|announcement|notice", re.I)
_STANDARD_WORDS = re.compile(r"标准|standard", re.I)
_POLICY_TITLE = re.compile(r"(法|条例|办法|规定|细则|决定|通知|公告|意见|规划|方案|目录|规则|命令|批复|函|指南|"
                           r"条件|措施|规范|决议|纲要|计划|修正案|解释)\s*$")
# How the names of bodies end: a congress or a government (in full or short form), any body.
_LEGISLATURE = "人民代表大会常务委员会|人民代表大会|人民政府|人大常委会|人大"
_BODY_ENDING = "委员会|协会|学会|人民政府|政府|办公厅|办公室|厅|局|部|院|署|会|集团|公司|中心"
_ADOPTING_BODY = re.compile(rf"(?:日\s*|^\s*)([\u4e00-\u9fff]{{2,30}}?({_LEGISLATURE}))")
# The short forms headers use for a congress, and the names the national database records.
_CONGRESS_SHORT = (("人大常委会", "人民代表大会常务委员会"), ("人大", "人民代表大会"))
# After the number a cover may name what it replaces, or the standard it adopts
# (GB/T 34490—2017/ISO 10993-1:2009); a draft's cover has a year still to come
# (GB/T 18115.6—202X), which leaves the number without a year.
_COVER_REST = re.compile(r"\s*([-—–]\s*(20|19)?[0-9]?[X×x]{1,4}\s*)?"
                         r"((代替|替代|replaces|supersedes).*|/\s*(ISO|IEC)\b.*)?", re.I)
_NATIONAL_REGULATION = re.compile(r"^(中华人民共和国)?(?!.*(省|自治区|市|县|自治州|特别行政区))[^《》]*条例$")
_TRAILING_NOTE = re.compile(r"\s*[（(][^（）()]*[)）]\s*$")
_DRAFT_NOTICE = re.compile(r"《([^》]+?)\s*[（(]\s*(?:征求意见稿|草案|送审稿)\s*[)）]\s*》.*征求")
_VALIDITY_LABEL = re.compile(r"(?:时效性|时效状态|效力状态)\s*[】\]]?\s*[:：]?\s*"
                             r"(现行有效|有效|已被修改|已修改|已废止|已失效|失效|废止|尚未生效|未生效)")
_VALIDITY = {"现行有效": "in_force", "有效": "in_force", "已被修改": "superseded", "已修改": "superseded",
             "已废止": "repealed", "已失效": "repealed", "失效": "repealed", "废止": "repealed",
             "尚未生效": "upcoming", "未生效": "upcoming"}
_REPEALED_MARK = re.compile(r"(已废止|已失效|现行无效|【废止】|\[废止\]|repealed)", re.I)
_VERSION_MARK = re.compile(r"[（(]\s*\d{4}\s*年?\s*(修订|修正|版|本)?\s*[)）]")
_TITLE_PUNCT = re.compile(r"[\s《》〈〉\"“”'‘’·・,，、.。:：;；!！?？\-—_]+")
# An article may run on without a space where a copy lost it (第一条为了…); a cited
# article wrapped onto its own line (第三十一条的决定》修正) opens no body.
_BODY_START = re.compile(r"^\s*(第[一二三四五六七八九十百]+[章条节编](\s|$|(?=[\u4e00-\u9fff])(?![的和及与至或、]))"
                         r"|目\s*录\s*$|总\s*则\s*$)", re.M)
# A history entry opens with its date (a month at least: 2025年第19号 is a number) and goes
# on with a body, never with a comma: a line "2010年10月31日，…" is prose (a caption, a lede).
_HISTORY_START = re.compile(r"^(根据)?\s*(\d{4}|[一二〇○零]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
                            r"(?![^，,。]{0,12}日\s*[，,])")
_ENTRY_END = re.compile(r"(通过|修订|修正|修改|公布|发布|颁布|印发|批准|施行|实施)\W*$")
_AMENDMENT_NOTE = re.compile(r"[（(]\s*([^（）()]{8,16}?)\s*(删除|删去|修改|修订|修正|增加|补充)\s*[)）]")
_HISTORY_CUE = re.compile(r"通过|修订|修正|修改|公布|发布|颁布|印发|批准")
_CUE_ROLE = {"通过": "adopted", "修订": "revised", "修正": "amended", "修改": "amended", "公布": "promulgated",
             "颁布": "promulgated", "发布": "issued", "印发": "issued", "批准": "approved"}
_TITLES = re.compile(r"《[^》]*》")  # a verb inside a cited title is not this entry's verb
# Who signs a promulgation notice, and the name: 总理 李强, 部长 王文涛, 主任 郑栅洁.
_SIGNER = re.compile(r"(总理|主席|部长|主任|局长|署长|委员长|行长|会长|省长|市长|州长|县长)\s*[\u4e00-\u9fff·]{2,4}")
_ANNEX = re.compile(r"^(附件|附：|抄送|（此件|\(此件|Annex(?:es)?\b|Appendix\b|Attachments?\b)")
# What a saved page puts after the text: toolbars, neighbours' links, the site's footer.
_PAGE_END = re.compile(r"^[【\[]?(附件下载|关闭窗口|打印本页|打印|相关文章|相关链接|相关文件|相关阅读|相关新闻|"
                       r"上一条|下一条|上一篇|"
                       r"下一篇|分享到|扫一扫|Copyright|版权所有|©|主办|承办|网站标识码|发布时间|点击次数|浏览次数|阅读次数|"
                       r"责任编辑|字号|Previous\s*:|Next\s*:|Share\s*:|Print\b|Cite as\b|Comments\b|Related\b|"
                       r"Translator'?s note|Translator’s note|译者注|-{3,}$)")
# A link to another page: its title, then its date.
_LINK_ITEM = re.compile(r"^.{6,}(\s+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|[（(]\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[)）])$")
# The heading an attachment's own text starts under: 附件1, 附件二, 附件 — alone on its line,
# or with a note in brackets (附件1（节选）).
_ANNEX_HEADING = re.compile(r"^[ \t\u3000]*附\s*件\s*[0-9０-９一二三四五六七八九十]*[ \t\u3000]*"
                            r"([（(][^（）()\n]{1,40}[)）][ \t\u3000]*)?$", re.M)
# An attachment named after the signature, its list or table following (附件：45项推荐性国家标准目录).
_ANNEX_LIST = re.compile(r"^[ \t\u3000]*(?:附\s*件\s*[0-9０-９]*\s*[：:]|(?:Annex(?:es)?|Appendix|Attachments?)\b)", re.M)
_PROPOSER_ROLE = re.compile(r"[\u4e00-\u9fff]{0,10}?(提出|归口|负责起草|参加起草|起草|负责解释)")
# What an unregistered body's name ends with, in Chinese or English.
_BODY_NAME = re.compile(rf"({_BODY_ENDING})$|"
                        r"\b(Bureau|Ministry|Administration|Commission|Committee|Council|Office|Department|"
                        r"Institute|Association|Society|Agency|Center|Centre)\b", re.I)
# The cover of a standard: "中华人民共和国国家质量监督检验检疫总局 中国国家标准化管理委员会 发布"
_ISSUE_CUE = re.compile(r"(?:联合)?发\s?布(?![了会日时单机部])")
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
# An issuer label's value goes on over the next line after a connective or list separator.
_WRAPS = re.compile(r"(\band|\bof|[,;，；、&])\s*$", re.I)
_ISSUER_LABEL = re.compile(r"(发布机关|发文机关|发布单位|发文单位|制定机关|发布部门|颁布部门|发文部门|发布机构|"
                           r"Issuer|Issued by|Issuing Unit|Issuing bod(?:y|ies)|Issuing authorit(?:y|ies)|"
                           r"Issuing agenc(?:y|ies)(?:\(ies\))?|Issuing organi[sz]ations?)"
                           r"(?:\s*(?:[:：]|\.|\])|(?<=[关位门构])(?=\s*[\u4e00-\u9fff])|(?<=[a-z])[ \t]+(?=[A-Z]))"
                           r"\s*([^\n]{2,240})", re.I)  # joint English names run long
# The body's name that opens a label's value ("梅州市人民代表大会常务委员会法律性质…").
_LEADING_BODY = re.compile(rf"^[\u4e00-\u9fff（）()]{{2,40}}?(?:{_LEGISLATURE}|人民政府办公厅|{_BODY_ENDING})")
_APPROVED_DECISION = re.compile(rf"\s*的\s*《\s*([\u4e00-\u9fff]{{2,30}}?(?:{_LEGISLATURE}))\s*关于")
_SENTENCE_END = re.compile(r"[。！？][）)」”]*$")
# …会议通过的《X》 closing a header line is an entry (an amendment act); followed by more
# prose ("…公布的《X》，现就…") it cites X.
_QUALIFIES_TITLE = re.compile(r"\s*的\s*《[^》\n]*》[^\n]*?[\u4e00-\u9fff]")
# A date the text gives for another document: "2024年6月22日公布的《…》", "2024年印发的".
_CITED_DATE = re.compile(r"\s*(公布|发布|印发|颁布|通过|施行|实施)的")
# 现予以公布 also closes a list of approved standards; it promulgates a text when an
# effective clause follows (现予以公布，自…起施行).
_PROMULGATED = re.compile(r"现予公布|现予以公布(?=\s*[，,]\s*自)")
_OWN_LINE = re.compile(r"(?:^|\n)[ \t]*(?:\[[^\]\n]{1,40}\][ \t]*|[A-Za-z][A-Za-z ]{1,40}[:：][ \t]*"
                       r"|Document\s+(?:number|No\.?)[ \t]+)?\Z", re.I)
# The titles of official texts in English: "MOFCOM Announcement No. 62 of 2025 …",
# "Decree of the State Council … No. 785", "Regulations on the Administration of Rare Earths".
_ENGLISH_OFFICIAL_TITLE = re.compile(
    r"\b(Announcement|Notice|Decree|Order|Circular|Decision)\b[^.]{0,80}\bNo\.\s*\d+|"
    r"^(Interim\s+)?(Regulations|Measures|Provisions|Rules|Administrative Measures)\s+(on|for|of)\b", re.I)
# Session numbers sit between a congress's name and its role ("第十二届…常务委员会第三十次会议").
_LEVEL_BODY = re.compile(rf"(?:^|日|[\s（(])\s*(自治区|自治州|自治县|省|市|州|县)(?:第?[一二三四五六七八九十百零〇○\d]+届)?"
                         rf"(?:{_LEGISLATURE})")
# The place a local text's title opens with, each level it names (江西省, 江西省赣州市).
_TITLE_PLACE = re.compile(r"^(?!中华|中国|全国|国家)[\u4e00-\u9fff]{1,12}?(?:自治区|自治州|自治县|省|市(?!场)|县)")
_BARE_NOTICE_NO = re.compile(r"[（(〔\[]?\s*(?:第?[一二三四五六七八九十]+届)?\s*[）)〕\]]?\s*第?\s*[0-9]+\s*号\s*[）)]?\s*$"
                             r"|[（(]\s*$")
_PROMULGATED_TITLE = re.compile(r"《([^》\n]{2,80})》\s*(?:已经|已由|已于|业经|经)[^\n]{0,160}?(?:现予以?|予以)公布")
_LONGEST_NOTICE_HEADING = 80
_NOTICE_HEADING = re.compile(rf"([\u4e00-\u9fff]{{2,30}}?(?:{_LEGISLATURE}))(?:公告|令)")
# 第十三届 or, as the press and many texts shorten it, 省十三届人大常委会.
_SESSION = re.compile(r"第[一二三四五六七八九十百零〇○\d]+[届次]|[一二三四五六七八九十]+届")
_ANNOUNCEMENT_HEADING = re.compile(r"(公告|通告)$")
_BARE_NUMBER = re.compile(r"[（(]?\s*(?:19|20)[0-9]{2}\s*年\s*第\s*[0-9]+\s*号\s*[）)]?")
_HEADING_THEN_NUMBER = re.compile(r"(公告|通告)[ \t]*\n[ \t]*"
                                  r"(?=[（(]?[ \t]*(?:19|20)[0-9]{2}[ \t]*年[ \t]*第[ \t]*[0-9]+[ \t]*号)")
_EN_TITLE_NUMBER = re.compile(r"^(?:Announcement|Decree|Order|Notice|Circular)\b"
                              r".*?[(\[]?\b(No\.\s*\d{1,5}\s+of\s+(?:19|20)\d\d)[)\]]?\s*$")
_COUNTED_BODIES = re.compile(r"^(?:[两二三四五六七八九十多]|十[一二三四五六七八九])(?:部门|部委|部局|委局)"
                             r"(?=(?:联合)?(?:关于|印发|发布))")
_COMMISSION = re.compile(r"[\u4e00-\u9fff]{2,12}委")  # 国家发展改革委, as bodies shorten 委员会 when signing jointly
_COMPANY_LINE = re.compile(r"[\u4e00-\u9fff（）()]{4,40}?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团)")
_EN_ISSUE_CUE = re.compile(r"\b(?:issued|released|promulgated|published|formulated|announced)\b")
# A body that asks for comments in its own voice is the one the call is from, alone too
# ("As the U.S. member body to ISO, ANSI invites … comments").
_EN_CALL_CUE = re.compile(r"\b(?:invites|seeks|requests|welcomes|is\s+seeking|calls\s+for)\b(?=[^.]{0,120}\bcomments?\b)")
# What stands between bodies named one after another, and between the last and its verb.
_EN_JOIN = re.compile(r"(?:\s*\([A-Z]{2,8}\))?\s*(?:,\s*)?(?:\band\s+)?(?:\bthe\s+)?"
                      r"|(?:\s*\([A-Z]{2,8}\))?\s+(?:have\s+|has\s+)?(?:jointly\s+)?", re.I)
_EN_HEADING_NUMBER = re.compile(r"^[^\n]*\b(?:Announcement|Decree|Order|Notice|Circular)\b[^\n]*\n[ \t]*[(\[]?"
                                r"(No\.\s*\d{1,5}(?:\s+of\s+(?:19|20)\d\d)?)[)\]]?[ \t]*$", re.M)
_BEFORE_ABOUT = re.compile(r"^(.{4,120}?)关于")
_ONLY_BODY = re.compile(rf"(?:中华人民共和国)?[\u4e00-\u9fff（）()]{{2,30}}?(?:{_BODY_ENDING})")
_SIGNATURE_BODY = re.compile(rf"([\u4e00-\u9fff（）()]{{3,40}}?({_BODY_ENDING}))\s*$")


V = TypeVar("V")


@dataclass
class Found(Generic[V]):
    value: V
    rule: str
    span: str = ""
    warning: str = ""  # set when another candidate disagreed with the value taken
    by: str = ""       # for an approval date: the text naming the body whose text was approved


def header(text: str) -> str:
    """The lines before the body: title, adoption and amendment history, numbers, dates.

    A law with many amendments has a long history, so the header runs to the first
    chapter, article or table of contents, within limits.
    """
    body = _BODY_START.search(text, 0, HEADER_MAX)
    return text[:body.start()] if body else text[:HEADER_CHARS]


def tail(text: str) -> str:
    return text[-TAIL_CHARS:]


@functools.lru_cache(maxsize=8)  # the date, issuer and unregistered-body rules each ask for it
def signature_block(text: str) -> str:
    """The closing lines that name the issuing body and date: short lines at the very end,
    or, where the attachments' own texts follow the notice (附件1 on a line of its own),
    at the end of the notice before them."""
    annexes = sorted([*_ANNEX_HEADING.finditer(text), *_ANNEX_LIST.finditer(text)], key=lambda m: m.start())
    for annex in annexes:
        block = _closing_lines(text[:annex.start()])
        if _signature_date_in(block):
            return block
    return _closing_lines(text)


def _closing_lines(text: str) -> str:
    block: list[str] = []
    for line in reversed(text[-TAIL_CHARS - PAGE_END_CHARS:].splitlines()):
        line = line.strip()
        if not line:
            continue
        if (_ANNEX.match(line) or _PAGE_END.match(line) or _LINK_ITEM.match(line)) and not block:
            continue  # an attachment list, or a page's own links and toolbars, may follow the signature
        if _ANNEX.match(line) and not _signature_date_in("\n".join(block)):
            block = []  # what was collected is the attachment's (a list's head row), not a signature
            continue
        if len(line) > SIGNATURE_LINE or len(block) == 4:
            break
        block.insert(0, line)
    return "\n".join(block)


# --- dates -----------------------------------------------------------------

@dataclass
class HistoryEntry:
    date: DateValue
    role: str
    cue: str
    span: str
    by: str = ""  # the body that signed or heads a promulgation notice, where the span names none


def header_history(head: str) -> list[HistoryEntry]:
    """The adoption / amendment / promulgation entries of a header, in order.

    Official texts list the history as entries that each start with a date
    (or 根据 + date) and end with the verb: "2017年12月27日 第十二届全国人民
    代表大会常务委员会第三十一次会议《关于修改…的决定》修正". An entry may
    wrap onto the next lines; several may share one parenthesised line.
    """
    entries = [HistoryEntry(e.date, e.role, e.cue, head[e.start:e.end])
               for e in find_date_events(head) if e.role in _ROLE_RANK and e.date]
    for block in _history_blocks(head):
        dates = find_dates(block)
        # A verb that qualifies a cited title (…公布的《…》) is that title's, not the entry's.
        cues = [m for m in _HISTORY_CUE.finditer(_TITLES.sub(_blank, block))
                if not _QUALIFIES_TITLE.match(block, m.end())]
        if dates and cues and len(dates) == 1:
            role = _CUE_ROLE[cues[-1].group()]
            if role in _ROLE_RANK:
                entries.append(HistoryEntry(dates[0], role, cues[-1].group(), block))
    return entries


def _history_blocks(head: str) -> list[str]:
    blocks: list[list[str]] = []
    for line in head.splitlines():
        line = line.strip().strip("（()）　 ")
        if not line:
            continue
        if _HISTORY_START.match(line):
            # A date alone on its line closes a signature; it opens no entry.
            dates = find_dates(line)
            blocks.append([line] if not (len(dates) == 1 and not line[dates[0].end:].strip()) else [])
        elif blocks and blocks[-1] and _continues(blocks[-1], line):
            blocks[-1].append(line)
    return ["".join(block) for block in blocks if block]


def _inline_amendments(text: str) -> list[HistoryEntry]:
    """Consolidated texts mark amended clauses in place: （2011年1月8日删除）."""
    out = []
    for note in _AMENDMENT_NOTE.finditer(text):
        dates = find_dates(note.group(1))
        if len(dates) == 1 and dates[0].precision == "day":
            out.append(HistoryEntry(dates[0], "amended", "note", note.group()))
    return out


def _continues(block: list[str], line: str) -> bool:
    """A wrapped entry goes on with a short line until its verb closes it."""
    return (len(block) < ENTRY_LINES and len(line) <= 80 and not _BODY_START.match(line)
            and not _ENTRY_END.search(block[-1]) and not _SENTENCE_END.search(block[-1]))


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def issued_date(text: str) -> Found[DateValue] | None:
    head = header(text)
    # An English page's own label for the day it was issued ([Date of Issue] April 4, 2025)
    # names the text's date: the dates of laws it cites do not compete.
    labelled = _labelled_date(head, _ISSUE_LABEL)
    if labelled:
        return labelled
    events = header_history(head) + _inline_amendments(text) + _promulgation_notice(head)
    signed = _signature_date(text)
    site = [e for e in events if e.cue == "发布" and e.span.startswith("发布")]
    if site and (signed or any(e.cue == "成文" or e not in site for e in events)):
        # A page's 发布时间 / 发布日期 is when a site put the text up; its 成文日期, the
        # date under its signature, or the adoption, approval or promulgation lines the
        # text dates itself with are the text's own.
        events = [e for e in events if e not in site]
    if events:
        # The version in hand is the latest adoption, revision, promulgation or approval:
        # a city's regulation, or a city's amending decision, is law once the province
        # approves it (批准), and is dated so unless a later promulgation line follows.
        latest = max(events, key=lambda e: (e.date.iso, -_ROLE_RANK[e.role]))
        rule = "inline-amendment-note" if latest.cue == "note" else f"header:{latest.cue}"
        found = Found(latest.date, rule, latest.span, by=latest.by)
        if latest.role == "approved":
            found.by = _approved_work_body(head, latest, events)
        elif latest.role == "promulgated":
            found.by = _congress_promulgated(latest, events) or found.by
        return found
    candidates = [f for f in (signed, _dated_line(head), _labelled_date(head)) if f]
    if candidates:
        return _with_conflicts(candidates[0], candidates[1:])
    effective_spans = [(e.start, e.end) for e in find_date_events(head) if e.role == "effective"]
    for value in find_dates(head):
        if not any(a <= value.start < b for a, b in effective_spans) and not _cited_or_not_own(head, value):
            return Found(value, "first-date-in-header", head[value.start:value.end])
    return None


def _promulgation_notice(head: str) -> list[HistoryEntry]:
    """The 公告 that promulgates a regulation ("…批准，现予公布，自…起施行。" then the body
    and the date it signs with) dates the regulation it heads."""
    formula = _PROMULGATED.search(head)
    if not formula:
        return []
    after = head[formula.end():formula.end() + 200]
    sentence_end = after.find("。")
    signed = _dated_line(after) or _signer_date(after[sentence_end + 1:])
    if not signed:
        return []
    return [HistoryEntry(signed.value, "promulgated", "公布", signed.span,
                         by=_promulgating_body(head[:formula.start()], after[:after.find(signed.span)]))]


def promulgated_title(text: str, marked: str | None = None) -> Found[str] | None:
    """The title of the text a promulgation notice heads, where the notice opens the file
    (江西省人民代表大会常务委员会公告 / （第45号） / 《江西省矿产资源管理条例》已由…通过，
    现予公布): the notice is the text's wrapper, the text it publishes is what a reader names.
    A page whose own title is the notice's heading (``marked``) is titled so too."""
    lines: list[str] = []
    for line in (line.strip() for line in text[:HEADER_CHARS].splitlines()):
        opening = _PROMULGATED_TITLE.search(line)
        if opening and opening.start():
            # A copy that lost its line breaks runs the heading and the formula on together.
            lines += [line[:opening.start()].strip(), line[opening.start():]]
        elif line:
            lines.append(line)
    headed = bool(marked and is_notice_heading(marked))
    for at, line in enumerate(lines[:8]):
        if not (headed or is_notice_heading(line)):
            continue
        for start in range(at + 1, min(at + 4, len(lines))):
            # The formula may wrap over the lines of a fixed-width copy.
            after = "".join(lines[start:start + 4])
            named = _PROMULGATED_TITLE.match(after)
            if named:
                return Found(named.group(1).replace("〈", "《").replace("〉", "》"), "promulgation-notice",
                             after[:named.end()][:200])
        if not headed:
            return None
    return None


def is_notice_heading(line: str) -> bool:
    """A congress's or government's heading of a 公告 or 令, with its number."""
    # A heading is short; the number pattern's runs of optional spaces backtrack on a long line.
    if len(line) > _LONGEST_NOTICE_HEADING or not ("公告" in line or "令" in line):
        return False
    return bool(_NOTICE_HEADING.fullmatch(_SESSION.sub("", _BARE_NOTICE_NO.sub("", line))))


def _promulgating_body(before: str, signature: str) -> str:
    """The body a promulgation notice is issued by: the body signing above its date
    (江西省人民代表大会常务委员会 / 2021年7月28日), else the heading that names it
    (福建省人民政府令 / 第228号, signed by the governor)."""
    lines = [line.strip() for line in signature.splitlines() if line.strip()]
    bodies: list[str] = []
    for line in reversed(lines[-4:]):  # bodies that sign jointly stand one per line
        if not _SIGNATURE_BODY.search(line) or _SIGNER.match(line) or len(line) > SIGNATURE_LINE:
            break
        bodies.insert(0, line)
    if bodies:
        return "\n".join(bodies)
    for line in reversed(before.splitlines()[-6:]):
        heading = _NOTICE_HEADING.match(_SESSION.sub("", line.strip()))
        if heading:
            return heading.group(1)
    return ""


def _signer_date(after: str) -> Found[DateValue] | None:
    """The date after the signer's name, on one line with it (总理 李强 2024年6月22日), as a
    copy that lost its line breaks prints a promulgation notice."""
    dates = find_dates(after[:SIGNATURE_LINE])
    if dates and dates[0].precision == "day" and _SIGNER.fullmatch(after[:dates[0].start].strip()):
        return Found(dates[0], "header:signer-date", after[:dates[0].end].strip())
    return None


def other_dates(text: str) -> list[str]:
    """The header's dates that cannot date the text: deadlines, meetings, cited texts' dates."""
    head = header(text)
    return [head[v.start:v.end] for v in find_dates(head) if _cited_or_not_own(head, v)]


def _cited_or_not_own(head: str, value: DateValue) -> bool:
    return not_this_texts_date(head, value) or bool(_CITED_DATE.match(head, value.end))


def _approved_work_body(head: str, approval: HistoryEntry, events: list[HistoryEntry]) -> str:
    """Where the body that made an approved text is named: the decision the approval
    names (…批准的《X市人民代表大会常务委员会关于修改…的决定》), else the adoption line
    before it. The approving congress is not the issuer."""
    after = head[head.find(approval.span) + len(approval.span):] if approval.span in head else ""
    decision = _APPROVED_DECISION.match(after)
    if decision:
        return decision.group(1)
    made = [e for e in events if e.role != "approved" and e.date.iso <= approval.date.iso]
    return max(made, key=lambda e: e.date.iso).span if made else ""


def _congress_promulgated(promulgation: HistoryEntry, events: list[HistoryEntry]) -> str:
    """A standing committee's 公告 promulgates what its congress adopted (an autonomous
    prefecture's 单行条例, a regulation a congress passed in plenary): the congress made
    the text, as a president's order promulgates a law the NPC adopted."""
    body = adopting_body(promulgation.by or promulgation.span) or ""
    if not body.endswith("人民代表大会常务委员会"):
        return ""
    congress = body.removesuffix("常务委员会")
    made = [e for e in events if e.role in ("adopted", "revised", "amended") and e.date.iso <= promulgation.date.iso]
    latest = max(made, key=lambda e: e.date.iso) if made else None
    return latest.span if latest and adopting_body(latest.span) == congress else ""


def _with_conflicts(chosen: Found[DateValue], others: list[Found[DateValue]]) -> Found[DateValue]:
    """Keep the best-supported candidate and say when another one disagreed."""
    differing = [o for o in others if o.value.iso != chosen.value.iso]
    if differing:
        chosen.warning = "; ".join(f"{o.rule} says {o.value.iso}" for o in differing) + \
            f"; took {chosen.value.iso} ({chosen.rule})"
    return chosen


def _dated_line(head: str, signed: bool = False) -> Found[DateValue] | None:
    """A date alone on its line: how a notice wrapping a measure dates itself; `signed`, a
    signature's also after the body's name on the line (中华人民共和国工业和信息化部 2024年10月28日)."""
    for line in head.splitlines(keepends=True):
        dates = find_dates(line)
        if len(dates) != 1 or dates[0].precision != "day" or line[dates[0].end:].strip(" \n\t。"):
            continue
        before = line[:dates[0].start]
        if not before.strip() or (signed and _SIGNATURE_BODY.search(before)):
            return Found(dates[0], "header:dated-line", line.strip())
    return None


def _signature_date(text: str) -> Found[DateValue] | None:
    return _signature_date_in(signature_block(text))


def _signature_date_in(block: str) -> Found[DateValue] | None:
    found = _dated_line(block, signed=True)
    return Found(found.value, "signature-date", found.span) if found else None


def _labelled_date(head: str, labels: re.Pattern = _DATE_LABEL) -> Found[DateValue] | None:
    """The first date right after one of the labels."""
    for label in labels.finditer(head):
        dates = find_dates(head[label.end():label.end() + 40])
        if dates and dates[0].start == 0:
            found = dates[0]
            return Found(found, f"label:{label.group(1)}", head[label.start():label.end() + found.end])
    return None


def effective_date(text: str, issued: DateValue | None) -> Found[DateValue] | None:
    found = _stated_effective(text, issued)
    if found and issued and found.value.iso < issued.iso and found.rule.startswith(("article", "body")):
        # A consolidated text keeps the original 本法自…起施行 article; a version
        # adopted later by amendment or revision is in force from its adoption.
        return Found(issued, "amended-version-in-force-on-adoption", found.span)
    return found


def _stated_effective(text: str, issued: DateValue | None) -> Found[DateValue] | None:
    head = header(text)
    events = [e for e in find_date_events(text) if e.role == "effective" and e.date]
    articles = [Found(e.date, f"article:{e.cue}", text[max(0, e.start - 12):e.end]) for e in events
                if _SELF_REFERENCE.search(text[max(0, e.start - 12):e.start + 4])]
    for event in find_date_events(head):
        if event.role == "effective" and event.date:
            return _with_conflicts(Found(event.date, f"header:{event.cue}", head[event.start:event.end]),
                                   articles[:1])
    if articles:
        return _with_conflicts(articles[0], articles[1:2])
    after_issue = effective_after_issue(text)
    if after_issue and issued and issued.precision == "day":
        days, (start, end) = after_issue
        iso = (date.fromisoformat(issued.iso) + timedelta(days=days)).isoformat()
        return Found(DateValue(iso, "day", issued.start, issued.end), "effective-after-issue", text[start:end])
    on_issue = effective_on_issue(text)
    if on_issue and issued:
        start, end = on_issue
        return Found(issued, "effective-on-issue", text[start:end])
    if events:
        return Found(events[0].date, f"body:{events[0].cue}", text[events[0].start:events[0].end])
    return None


# --- issuers -----------------------------------------------------------------

def issuer_matches(title: str, text: str, registry: Registry,
                   adoption: str = "") -> tuple[list[IssuerMatch], str]:
    """Registered bodies named where official texts name their issuer.

    ``adoption`` is the header line the issued date came from ("…第三十次
    会议修订", "…国务院令第785号公布"): the body named there adopted the
    version in hand, so it is asked first.
    """
    head = header(text)
    approved = _approved_by_state_council(head, registry)
    if approved:
        return approved, "header:approved-by-state-council"
    folded_head = fold_script(head)
    regions = ((_SESSION.sub("", adoption), "header:adopting-body"),
               # A catalogue or translation labels the issuer under a cover that may
               # follow a long preamble of site text.
               (_labelled_issuers(folded_head) or _labelled_issuers(fold_script(text[:HEADER_MAX])),
                "label:issuer"),
               (_issuing_bodies(folded_head, registry) or _english_issuing_bodies(head, registry),
                "header:issuing-line"),
               (title, "title"),
               (signature_block(text), "signature"),
               (head, "header"))
    labelled: list[IssuerMatch] = []
    for region, rule in regions:
        matches = _dedupe(_with_sub_units(region, _not_proposers(region, registry.find_in_text(region)))) \
            if region else []
        if not matches and rule == "label:issuer" and region:
            matches, labelled = _labelled_body(region, registry)
        if not matches and rule == "header:adopting-body" and adopting_body(adoption):
            return [], rule  # adopted by a body the registry does not know
        if labelled and rule == "title":
            # A site labels its own body; the title may name every body that issued jointly.
            listed = _title_bodies(title)
            if not matches and len(listed) > 1 and labelled[0].name in {b.name for b in listed}:
                return listed, "title:joint-bodies"
            # A labelled unit the registry does not know, and the body the title's
            # document number names ("MOFCOM Announcement No. 62 of 2025").
            return matches + labelled, "label:issuer+title"
        if matches:
            # Bodies merely mentioned somewhere in a header are not co-issuers.
            return (matches[:1] if rule == "header" else matches), rule
    if labelled:
        return labelled, "label:issuer"
    if _NATIONAL_REGULATION.search(_TRAILING_NOTE.sub("", title)):
        # Ministries may not name their rules 条例 (规章制定程序条例), and local
        # regulations carry their region's name: a national 条例 is the State Council's.
        return [IssuerMatch(registry.get(STATE_COUNCIL), title, 0, len(title))], "title:national-条例"
    return [], ""


def _title_bodies(title: str) -> list[IssuerMatch]:
    """The bodies a title names before 关于, one by one (江西省工业和信息化厅 江西省自然资源厅关于…)."""
    m = _BEFORE_ABOUT.match(title)
    names = [n for n in re.split(r"[\s、，,]+", m.group(1)) if n] if m else []
    if not names or not all(_ONLY_BODY.fullmatch(fold(n)) for n in names):
        return []
    return [IssuerMatch(None, clean_issuer_name(n), 0, 0) for n in names]


def _not_proposers(text: str, matches: list[IssuerMatch]) -> list[IssuerMatch]:
    """Bodies that proposed, administer or drafted a standard (本标准由…提出/归口/起草)
    are named in its foreword; they did not issue it."""
    return [m for m in matches if not (text[max(0, m.start - 2):m.start].endswith("由")
                                       and _PROPOSER_ROLE.match(text, m.end))]


def _with_sub_units(text: str, matches: list[IssuerMatch]) -> list[IssuerMatch]:
    """A body named with its general office, a committee or a department of it
    (工业和信息化部办公厅, 工业和信息化部原材料工业司) is that body, named as written."""
    out = []
    for m in matches:
        unit = SUB_UNIT.match(text, m.end) if m.entry and not m.name.isascii() else None
        out.append(IssuerMatch(m.entry, m.name + unit.group(), m.start, unit.end(), m.former) if unit else m)
    return out


def _labelled_body(value: str, registry: Registry) -> tuple[list[IssuerMatch], list[IssuerMatch]]:
    """A label naming no registered body: a registered name cut short ("国家质量监督检验
    检疫."), else the body by its cleaned name, kept though the registry does not know it."""
    first = value.split("\n")[0].strip()
    cut_short = registry.complete(first)
    if cut_short:
        return [cut_short], []
    leading = _LEADING_BODY.match(first)
    name = clean_issuer_name(leading.group() if leading else first)
    return [], ([IssuerMatch(None, name, 0, len(first))] if _BODY_NAME.search(name) else [])


def _labelled_issuers(head: str) -> str:
    """The value of an issuer label (发布部门：…, Issued by. …), over the lines it wraps onto."""
    label = _ISSUER_LABEL.search(head)
    if not label:
        return ""
    value = label.group(2)
    rest = head[label.end():].splitlines()[1:]
    while rest and _WRAPS.search(value) and len(rest[0]) <= 80:
        value += "\n" + rest.pop(0)
    return value


def _issuing_bodies(head: str, registry: Registry) -> str:
    """The bodies a cover names with 发布: those standing right before it, one after another
    ("国家市场监督管理总局 国家标准化管理委员会 发布"), and one a flattened cover
    moved right after it ("…总局 发布 中国国家标准化管理委员会 GB/T …")."""
    matches = registry.find_in_text(head)
    for cue in _ISSUE_CUE.finditer(head):
        before = [m for m in matches if m.end <= cue.start()]
        chain: list[IssuerMatch] = []
        edge = cue.start()
        for match in reversed(before):
            if head[match.end:edge].strip(" \t\n、和及") or len(chain) == 4:
                break
            chain.insert(0, match)
            edge = match.start
        if not chain:
            continue
        after = next((m for m in matches if m.start >= cue.end()), None)
        if after and not head[cue.end():after.start].strip() and \
                not _CJK_CHAR.match(head[after.end:].lstrip(" \t")):
            chain.append(after)
        return " ".join(m.name for m in chain)
    return ""


def _english_issuing_bodies(head: str, registry: Registry) -> str:
    """The bodies an English sentence names before its verb of issue, one after another
    ("The Ministry of Industry and Information Technology and the National Development and
    Reform Commission have jointly issued …"), or the one body that asks for comments."""
    # an abbreviation in brackets after its body's name belongs to that name (_EN_JOIN)
    matches = [m for m in registry.find_in_text(head) if m.entry and m.name.isascii() and head[m.start - 1:m.start] != "("]
    # (cue, bodies it needs, bodies it takes): a joint issue names two or more, a call one
    cues = [(cue, 2, 4) for cue in _EN_ISSUE_CUE.finditer(head)] + [(cue, 1, 1) for cue in _EN_CALL_CUE.finditer(head)]
    for cue, least, most in sorted(cues, key=lambda c: c[0].start()):
        chain: list[IssuerMatch] = []
        edge = cue.start()
        for match in reversed([m for m in matches if m.end <= cue.start()]):
            if not _EN_JOIN.fullmatch(head[match.end:edge]) or len(chain) == most:
                break
            chain.insert(0, match)
            edge = match.start
        if len(chain) >= least:
            return "; ".join(m.name for m in chain)
    return ""


def _approved_by_state_council(head: str, registry: Registry) -> list[IssuerMatch]:
    """A rule the State Council approved (国务院批准) is an administrative regulation of
    the State Council, whichever ministry then promulgated it."""
    for entry in header_history(head):
        if entry.role == "approved":
            found = [m for m in registry.find_in_text(entry.span) if m.entry and m.entry.id == STATE_COUNCIL]
            if found:
                return found[:1]
    return []


def adopting_body(adoption: str) -> str | None:
    """The congress or government named in an adoption line, as written."""
    match = _ADOPTING_BODY.search(_SESSION.sub("", adoption))
    if not match:
        return None
    return clean_issuer_name(_full_congress_name(match.group(1)))


def with_region(adoption: str, title: str) -> str:
    """An adoption or promulgation line naming its body by level only (省人民政府令第180号公布,
    自治区人民政府第15次常务会议通过), as provincial and city texts name their own bodies,
    with the place the title names put before it (江西省人民政府)."""
    short = _LEVEL_BODY.search(adoption)
    if not short:
        return adoption
    level = short.group(1)
    place = next((m.group() for m in _TITLE_PLACE.finditer(title) if m.group().endswith(level)), "")
    if not place:
        return adoption
    return adoption[:short.start(1)] + place + adoption[short.end(1):]


def _full_congress_name(name: str) -> str:
    """A congress signs with its short name as often as its full one (赣州市人大常委会)."""
    for short, full in _CONGRESS_SHORT:
        if name.endswith(short):
            return name[:-len(short)] + full
    return name


def unregistered_issuer(text: str, adoption: str = "") -> Found[str] | None:
    """The adopting body or a signature line naming a body the registry does not know."""
    body = adopting_body(adoption)
    if body:
        return Found(body, "header:adopting-body:unregistered", adoption)
    for line in reversed(signature_block(text).splitlines()):
        line = re.sub(r"\d{4}\s*年.*$|[\d〇○零一二三四五六七八九十]{4}年.*$", "", line).strip()
        match = _SIGNATURE_BODY.search(line)
        if match and len(match.group(1)) <= 40:
            return Found(clean_issuer_name(_full_congress_name(match.group(1))), "signature:unregistered",
                         match.group(1))
    return None


def unregistered_issuers(text: str, adoption: str = "") -> list[Found]:
    """As :func:`unregistered_issuer`, with every body of a joint signature that names
    them side by side on one line (江西省工业和信息化厅　　江西省自然资源厅)."""
    signed = [line.strip() for line in adoption.splitlines() if line.strip()]
    if len(signed) >= 2 and all(_ONLY_BODY.fullmatch(line) for line in signed):
        # A promulgation signed by bodies one per line (see _promulgating_body).
        return [Found(clean_issuer_name(line), "signature:unregistered", line) for line in signed]
    found = unregistered_issuer(text, adoption)
    if found is None or found.rule != "signature:unregistered":
        return [found] if found else []
    line = next((line for line in signature_block(text).splitlines() if found.span in line), "")
    parts = [p for p in re.split(r"[ \t\u3000]+", line.strip()) if p]
    if len(parts) >= 2 and parts[-1] == found.span and all(_ONLY_BODY.fullmatch(p) for p in parts):
        return [Found(clean_issuer_name(p), found.rule, p) for p in parts]
    return [found]


def _dedupe(matches: list[IssuerMatch]) -> list[IssuerMatch]:
    seen, out = set(), []
    for match in matches:
        key = match.entry.id if match.entry else match.name
        if key not in seen:
            seen.add(key)
            out.append(match)
    return out


# --- numbers -----------------------------------------------------------------

def own_std_no(title: str, text: str) -> Found[str] | None:
    """The number a standard carries on its cover: in the title, or opening a header line.

    Numbers cited inside sentences (按照GB/T 1.1—2020给出的规则起草) are not its own.
    """
    found = find_std_nos(title)
    if found:
        std, start, end = found[0]
        return Found(std.canonical, "title:std-no", title[start:end])
    for line in header(text)[:400].splitlines()[:10]:
        line = line.strip()
        found = find_std_nos(line)
        # The cover prints the number on a line of its own (or followed by 代替 …);
        # a number opening a list item or a sentence is cited, not carried.
        if found and found[0][1] == 0 and _COVER_REST.fullmatch(line[found[0][2]:]):
            std, start, end = found[0]
            return Found(std.canonical, "header:std-no", line[start:end])
    return None


def replaced_std_nos(text: str) -> list[str]:
    return list(dict.fromkeys(std.canonical for std in find_replaces(text)))


def mentioned_std_nos(text: str) -> list[str]:
    return list(dict.fromkeys(std.canonical for std, _, _ in find_std_nos(text)))


def cited_numbers(text: str, own: tuple[str | None, ...] = ()) -> list[str]:
    """Standard and document numbers the text cites, canonical, distinct, in text order;
    the document's own numbers (``own``) are left out."""
    found = [(start, std.canonical) for std, start, _ in find_std_nos(text)]
    found += [(start, number) for number, start, _ in find_doc_nos(fold_script(text))]
    skip = {n for n in own if n}
    return [n for n in dict.fromkeys(n for _, n in sorted(found)) if n not in skip]


def fold_script(text: str) -> str:
    """Traditional characters to simplified, one for one, so 令第71號 reads as 令第71号."""
    return text.translate(t2s_table())


def doc_number(title: str, text: str, lang: str = "") -> Found[str] | None:
    """The document's own number, canonical; an English text keeps its English form
    ("MOFCOM Announcement No. 62 of 2025"), whose canonical form the index also holds."""
    # An announcement's heading and the number printed under it are one number
    # (中华人民共和国国家标准公告 / 2025年第19号).
    head = _HEADING_THEN_NUMBER.sub(r"\1", fold_script(header(text)))
    # A number in the title names the document itself (中华人民共和国国家标准公告2025年第18号),
    # one in the header may be a related page's; in the body an English number is a news
    # item's or a translation's citation ("under State Council Decree No. 785").
    where = fold_script(title)
    found = [f for f in find_doc_nos(where) if _heads_or_ends(where, f[1], f[2])]
    if not found:
        where = head
        found = [f for f in find_doc_nos(head, english=False) if not _in_cited_title(head, f[1])]
    if not found and lang == "en":
        # "Announcement of National Standards … (No. 2 of 2023)": the number the heading ends with.
        bare = _EN_TITLE_NUMBER.search(title)
        if bare:
            return Found(bare.group(1), "title:doc-no", bare.group(1))
    if not found and lang == "en":
        # An English text's own number stands at the start of a header line, or after a
        # label ("[Document Number] MOFCOM Announcement No. 62 of 2025").
        found = [f for f in find_doc_nos(head) if _OWN_LINE.search(head, 0, f[1])]
        if not found:
            # "National Standards Announcement of the People's Republic of China" / "No. 22 of 2025"
            under = _EN_HEADING_NUMBER.search(head)
            if under:
                return Found(under.group(1), "header:doc-no", under.group())
    if not found:
        return None
    value, start, end = found[0]
    written = where[start:end].strip()
    if lang == "en" and written.isascii():
        value = written
    return Found(value, "header:doc-no" if where is head else "title:doc-no", written or value)


def _heads_or_ends(title: str, start: int, end: int) -> bool:
    """A title names its own number first or last (商务部公告2025年第62号 关于…, …公告（2023年
    第2号）); one inside it is cited (…办法（2016年包头市人民政府令第139号公布）…)."""
    return not _in_cited_title(title, start) and (
        not title[:start].strip() or not title[end:].strip(" 　)）") or title[end:].lstrip(" 　").startswith("关于"))


def _in_cited_title(text: str, at: int) -> bool:
    """Whether `at` is inside 《…》: a number there names a document the text cites
    (发布《商务部公告2025年第61号》), not the text's own."""
    opened = text.rfind("《", 0, at)
    return opened >= 0 and text.rfind("》", opened, at) < 0


# --- classification ----------------------------------------------------------

def with_announcement_number(title: str, text: str) -> str:
    """An announcement's heading and the number under it are one title
    (中华人民共和国工业和信息化部公告 / 2024年第30号 → …公告2024年第30号)."""
    if not _ANNOUNCEMENT_HEADING.search(title):
        return title
    lines = [line.strip() for line in text[:HEADER_CHARS].splitlines() if line.strip()]
    if title not in lines:
        return title
    at = lines.index(title)
    number = next((line for line in lines[at + 1:at + 3] if _BARE_NUMBER.fullmatch(line)), None)
    return title + number if number else title


def with_named_bodies(title: str, text: str) -> str:
    """A site may shorten a joint title to a count of its bodies (三部门关于印发…的通知);
    the text's own heading names them (工业和信息化部 国家发展改革委 自然资源部关于印发…)."""
    counted = _COUNTED_BODIES.match(title)
    if not counted:
        return title
    rest = title[counted.end():]
    for line in text[:HEADER_MAX].splitlines():
        line = line.strip()
        label = re.match(r"^[\u4e00-\u9fff][\u4e00-\u9fff \t\u3000]{0,6}[:：]\s*", line)
        named = line[label.end():] if label else line
        bodies = [b for b in re.split(r"[\s\u3000、]+", named[:-len(rest)]) if b] if named.endswith(rest) else []
        if len(bodies) >= 2 and all(_ONLY_BODY.fullmatch(b) or _COMMISSION.fullmatch(b) for b in bodies):
            return named
    return title


def with_company_line(title: str, text: str) -> str:
    """A company's announcement prints its name on the line above 关于…的公告; the two
    are its title (中国北方稀土（集团）高科技股份有限公司 / 关于调整…的公告)."""
    if not title.startswith("关于"):
        return title
    lines = text[:HEADER_CHARS].splitlines()
    for above, line in zip(lines, lines[1:]):
        if line.strip() == title and _COMPANY_LINE.fullmatch(above.strip()):
            return above.strip() + title
    return title


def names_a_body(title: str) -> bool:
    """A title that is nothing but a body's name: a site's, not a document's."""
    return bool(_ONLY_BODY.fullmatch(fold(title).strip()))


def titled_official_text(text: str) -> bool:
    """The text opens with an official title (…公告, …办法, …条例): its first line is its title."""
    first = next((line.strip() for line in text.splitlines() if line.strip() and not is_trail(line)), "")
    return len(first) <= 80 and bool(_POLICY_TITLE.search(_TRAILING_NOTE.sub("", _DRAFT.sub("", first))))


def doc_type(title: str, text: str, lang: str, has_std_no: bool, has_doc_no: bool,
             adopted: bool = False) -> Found:
    if _DRAFT_NOTICE.search(title):
        return Found("policy" if not _STANDARD_WORDS.search(title) else "standard_notice",
                     "title:draft-for-comments", title)
    if _NOTICE_WORDS.search(title):
        # A notice is never the standard itself, even when it lists numbers. One titled by
        # its subject (关于…的通知) is about standards when the title says so; a bare
        # announcement (工业和信息化部公告) when its opening is about standards.
        if _STANDARD_WORDS.search(title) or ("关于" not in title and _STANDARD_WORDS.search(header(text))):
            return Found("standard_notice", "title:notice-about-standards", title)
        return Found("policy", "title:notice", title)
    if lang == "en" and _ENGLISH_OFFICIAL_TITLE.search(title):
        return Found("policy", "title:english-official", title)
    if has_std_no:
        return Found("standard", "std-no", title)
    if has_doc_no:
        return Found("policy", "doc-no", title)
    if lang != "en" and _POLICY_TITLE.search(_TRAILING_NOTE.sub("", _DRAFT.sub("", title))):
        return Found("policy", "title:policy-form", title)
    if adopted:
        return Found("policy", "header:adoption-line", "")
    return Found("news", "default", "")


def stated_status(title: str, text: str) -> Found | None:
    """The status a text marks itself with (a draft, a law database's validity label, a
    repeal mark); None when it marks none and its dates decide (indexer.status)."""
    if draft := _DRAFT.search(title):
        return Found("draft", "title:draft", draft.group())
    label = _VALIDITY_LABEL.search(header(text))
    if label:
        # A law database labels each text's validity (时效性：已修改 for an amended edition).
        return Found(_VALIDITY[label.group(1)], "label:validity", label.group())
    mark = _REPEALED_MARK.search(title + "\n" + header(text)[:200])
    if mark:
        return Found("repealed", "header:repealed-mark", mark.group())
    return None


def work_key(kind: str, title: str, std_no: str | None, doc_no: str | None, issued: str | None) -> str:
    if std_no:
        parsed = parse_std_no(std_no)
        if parsed:
            return f"std:{parsed.code}"
    drafted = _DRAFT_NOTICE.search(title)
    if drafted:  # 关于《X（征求意见稿）》公开征求意见的通知 is a version of X
        return f"doc:{normalized_title(drafted.group(1))}"
    if kind in ("standard_notice", "news"):
        # Notices and news items are one-off documents, not versions of each other,
        # however generic their titles (中华人民共和国国家标准公告).
        return f"{kind}:{normalized_title(title)}:{doc_no or issued or ''}"
    return f"doc:{normalized_title(title)}"


def normalized_title(title: str) -> str:
    title = _DRAFT.sub("", title)
    title = _VERSION_MARK.sub("", title)
    title = re.sub(r"^中华人民共和国", "", title.strip())
    return _TITLE_PUNCT.sub("", fold(title))
