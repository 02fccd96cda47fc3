"""Generate a synthetic stdidx corpus for benchmarking.

    python bench/synth.py OUT_DIR --docs N [--seed S]

The mix follows the real collection: about 43% society and ministry notices
(HTML, some GB18030-encoded), 33% standard records (XML in the record schema),
19% policy texts (Markdown and plain text) and 5% English news items. Output
is a pure function of (N, seed): every document draws from its own
random.Random seeded with the seed and its index, and the shared catalogue of
standards from one seeded with the seed alone.
"""
from __future__ import annotations

import argparse
import html
import json
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import vocab as V  # noqa: E402
from textgen import Day, Prose, Topic, random_day, zh_numeral  # noqa: E402

# Share of each kind of document. English news is carved out of the other
# three in proportion, so the Chinese mix stays 45:35:20.
MIX = (("notice", 0.45 * 0.95), ("standard", 0.35 * 0.95), ("policy", 0.20 * 0.95), ("news", 0.05))
# Body text size ranges in KB of UTF-8, drawn log-uniformly (many short
# documents, a few long ones, as in the real collection).
SIZES_KB = {"notice": (1, 5), "standard": (2, 10), "policy": (5, 50), "news": (1, 5)}
GB18030_SHARE = 0.3   # of HTML notices
MARKDOWN_SHARE = 0.6  # of policy texts; the rest are plain text
TODAY = Day(2025, 9, 1)


# --- the catalogue of standards -----------------------------------------------------


@dataclass
class Work:
    prefix: str
    number: str
    title: str
    title_en: str
    kind: str                        # "method" or "product"
    years: list[int] = field(default_factory=list)

    def std_no(self, year: int) -> str:
        return f"{self.prefix} {self.number}-{year}"


@dataclass(frozen=True)
class Version:
    work: Work
    position: int                    # index into work.years

    @property
    def year(self) -> int:
        return self.work.years[self.position]

    @property
    def std_no(self) -> str:
        return self.work.std_no(self.year)

    @property
    def latest(self) -> bool:
        return self.position == len(self.work.years) - 1


class Catalogue:
    """Every standard the corpus knows, with 1-3 versions each."""

    def __init__(self, rng: random.Random, versions_needed: int):
        self.rng = rng
        self.works: list[Work] = []
        self.codes: dict[str, None] = {}
        self.families: dict[tuple[str, str], tuple[str, int]] = {}
        self.versions: list[Version] = []
        while len(self.versions) < max(versions_needed, 20):
            work = self._new_work()
            self.works.append(work)
            self.versions.extend(Version(work, i) for i in range(len(work.years)))

    def cited(self, rng: random.Random, count: int) -> list[tuple[str, str]]:
        """(std_no, title) of `count` standards, for a document to mention."""
        picks = rng.sample(self.versions, min(count, len(self.versions)))
        return [(v.std_no, v.work.title) for v in picks]

    def _new_work(self) -> Work:
        rng = self.rng
        prefix = rng.choices(("GB/T", "XB/T", "T/CSRE"), weights=(45, 30, 25))[0]
        kind = "method" if rng.random() < 0.45 else "product"
        title, title_en, family = self._title(kind)
        number = self._number(prefix, family)
        part = number.rsplit(".", 1)[-1] if "." in number else "1"
        return Work(prefix, number, title.replace("{part}", part), title_en.replace("{part}", part),
                    kind, self._years(prefix))

    def _title(self, kind: str) -> tuple[str, str, str | None]:
        rng = self.rng
        if kind == "method":
            base, base_en = rng.choice(V.METHOD_BASES)
            analyte, analyte_en = rng.choice(V.IMPURITIES + [(f"氧化{e}", f"{en} oxide") for e, en in V.ELEMENTS])
            method, method_en = rng.choice(V.METHODS)
            zh = f"{base}化学分析方法　第{{part}}部分：{analyte}量的测定　{method}"
            en = (f"Chemical analysis methods of {base_en}—Part {{part}}: "
                  f"Determination of {analyte_en} content—{method_en}")
            return zh, en, base
        form = rng.random()
        if form < 0.35:
            zh, en = rng.choice(V.COMPOUND_FORMS)
            element, element_en = rng.choice(V.ELEMENTS)
            return zh.format(e=element), en.format(E=element_en).capitalize(), None
        if form < 0.6:
            zh, en = rng.choice(V.PRODUCTS)
        else:
            zh, en = rng.choice(V.MATERIALS)
        if rng.random() < 0.4:
            topic, topic_en = rng.choice(V.STD_TOPICS)
            return f"{zh}{topic}", f"{en.capitalize()}—{topic_en}", None
        return zh, en.capitalize(), None

    def _number(self, prefix: str, family: str | None) -> str:
        # Method standards come in multi-part families (GB/T 12690.5) sharing
        # one base number; product standards take a fresh number each.
        if family is not None:
            key = (prefix, family)
            base, part = self.families.get(key, (self._fresh(prefix), 0))
            self.families[key] = (base, part + 1)
            number = f"{base}.{part + 1}"
        else:
            number = self._fresh(prefix)
        self.codes[f"{prefix} {number}"] = None
        return number

    def _fresh(self, prefix: str) -> str:
        low, high = (500, 599) if prefix == "XB/T" else (10000, 19999)
        for _ in range(1000):
            number = str(self.rng.randint(low, high))
            if f"{prefix} {number}" not in self.codes and not any(b == number for b, _ in self.families.values()):
                return number
        # XB/T 5xx is a small space: fall back to sub-numbered codes.
        while True:
            number = f"{self.rng.randint(low, high)}.{self.rng.randint(20, 99)}"
            if f"{prefix} {number}" not in self.codes:
                return number

    def _years(self, prefix: str) -> list[int]:
        rng = self.rng
        if prefix == "T/CSRE":
            first = rng.randint(2018, 2024)
            return [first] if rng.random() < 0.8 else [first, min(first + rng.randint(1, 4), 2025)]
        year = rng.randint(1995 if prefix == "GB/T" else 2005, 2020)
        years = [year]
        while len(years) < 3 and years[-1] + 5 <= 2025 and rng.random() < 0.55:
            years.append(min(years[-1] + rng.randint(5, 12), 2025))
        return years


# --- one document ------------------------------------------------------------------------


@dataclass
class Doc:
    relpath: str
    data: bytes
    text_bytes: int      # UTF-8 size of the document's text (no markup)
    text: str            # for character statistics


def target_bytes(rng: random.Random, kind: str) -> int:
    low, high = SIZES_KB[kind]
    return int(1024 * low * (high / low) ** rng.random())


def fill_to(prose: Prose, size: int, make) -> list[str]:
    """Call make() for blocks of text until they add up to `size` UTF-8 bytes."""
    blocks, total = [], 0
    while total < size:
        block = make()
        blocks.append(block)
        total += len(block.encode("utf-8")) + 1
    return blocks


# --- notices (HTML) ------------------------------------------------------------------------

SITES = {
    "csre": ("中国稀土学会", "www.csre.org.cn", ("首页", "学会概况", "学术交流", "标准化", "科技奖励", "会员服务", "通知公告")),
    "acrei": ("中国稀土行业协会", "www.ac-rei.org.cn", ("首页", "协会概况", "行业动态", "政策法规", "标准工作", "通知公告")),
    "tc229": ("全国稀土标准化技术委员会", "www.cre-tc229.org.cn", ("首页", "委员会简介", "标准动态", "标准公示", "通知公告", "标准查询")),
    "cnia": ("中国有色金属工业协会", "www.chinania.org.cn", ("首页", "协会介绍", "行业信息", "标准化", "通知公告")),
    "sac": ("国家标准化管理委员会", "www.sac.gov.cn", ("首页", "机构职能", "政务公开", "标准计划", "通知公告", "互动交流")),
    "miit": ("工业和信息化部", "www.miit.gov.cn", ("首页", "新闻发布", "政务公开", "文件发布", "政策解读", "互动交流")),
}
SITE_KEYS = tuple(SITES)


def notice_kind(rng: random.Random, site: str) -> str:
    if site in ("csre", "acrei"):
        return rng.choice(("n_solicit", "n_publish", "n_project", "n_meeting"))
    if site in ("tc229", "cnia"):
        return rng.choice(("n_solicit", "n_meeting"))
    if site == "sac":
        return "n_plan"
    return rng.choice(("n_quota", "n_solicit"))


def notice_title(rng: random.Random, site: str, kind: str, works: list[Work], day: Day) -> tuple[str, str]:
    """(title, greeting) of a notice of `kind` from `site` about `works`."""
    first = works[0].title
    more = f"等{zh_numeral(len(works))}项" if len(works) > 1 else ""
    group = site in ("csre", "acrei")
    batch = zh_numeral(rng.randint(1, 3))
    if kind == "n_quota":
        return (f"关于下达{day.year}年第{batch}批稀土开采、冶炼分离总量控制指标的通知",
                "内蒙古、江西、福建、湖南、广东、广西、四川、山东、云南省（自治区）工业和信息化主管部门、自然资源主管部门，各稀土集团：")
    if kind == "n_plan":
        return (f"国家标准化管理委员会关于下达{day.year}年第{batch}批推荐性国家标准计划的通知",
                "各省、自治区、直辖市和新疆生产建设兵团市场监督管理局（厅、委），国务院各有关部门，各有关全国专业标准化技术委员会：")
    if kind == "n_solicit" and site == "miit":
        return f"工业和信息化部办公厅关于征求《{first}》{more}行业标准（征求意见稿）意见的通知", "各有关单位："
    if kind == "n_solicit":
        what = "团体标准" if group else "标准"
        form = "通知" if group else "函"
        return f"关于征求《{first}》{more}{what}（征求意见稿）意见的{form}", "各有关单位："
    if kind == "n_publish":
        return f"关于发布《{first}》{more}团体标准的公告", "各会员单位、各有关单位："
    if kind == "n_project":
        return f"关于《{first}》{more}团体标准立项的公告", "各有关单位："
    if group or rng.random() < 0.5:
        return f"关于召开《{first}》{more}标准审定会的通知", "各有关单位及专家："
    return f"关于召开{day.year}年第{batch}次稀土标准工作会议的通知", "各委员、各有关单位："


def notice_listing(prose: Prose, kind: str, versions: list[Version]) -> list[str]:
    """The list or table a notice carries: standards, plan items or quotas."""
    if kind == "n_quota":
        rows = ["附件：稀土开采、冶炼分离总量控制指标表", "序号\t企业名称\t矿产品（吨）\t冶炼分离产品（吨）"]
        groups = ("中国稀土集团有限公司", "中国北方稀土（集团）高科技股份有限公司", "厦门钨业股份有限公司", "广东省稀土产业集团有限公司")
        for i, group in enumerate(groups, 1):
            rows.append(f"{i}\t{group}\t{prose.s_tons()}\t{prose.s_tons()}")
            # Each group's mines and plants, as the real attachment lists them.
            rows += [f"\t其中：{prose.s_company()}（{prose.s_city()}{prose.s_area()}）\t{prose.s_tons_small()}\t"
                     for _ in range(prose.rng.randint(1, 4))]
        return rows
    if kind == "n_publish":
        rows = ["序号\t标准编号\t标准名称\t代替标准\t实施日期"]
        for i, v in enumerate(versions, 1):
            previous = v.work.std_no(v.work.years[v.position - 1]) if v.position else ""
            rows.append(f"{i}\t{v.std_no}\t{v.work.title}\t{previous}\t{prose.s_date_cn()}")
        return rows
    if kind == "n_plan":
        rows = ["序号\t计划项目名称\t制修订\t代替标准号\t技术委员会"]
        for i, v in enumerate(versions, 1):
            revise = v.position > 0
            rows.append(f"{i}\t{v.work.title}\t{'修订' if revise else '制定'}\t"
                        f"{v.work.std_no(v.work.years[v.position - 1]) if revise else ''}\tTC229")
        return rows
    # Drafts have no year yet: solicitation, project and meeting notices name
    # a standard by title and drafting unit.
    rows = [f"{i}. 《{v.work.title}》　牵头起草单位：{prose.s_org()}" for i, v in enumerate(versions, 1)]
    if kind == "n_meeting" and prose.rng.random() < 0.5:
        rows += ["附件：参会人员名单", "序号\t姓名\t单位\t职务/职称"]
        rows += [f"{i}\t{prose.s_person()}\t{prose.s_org()}\t{prose.rng.choice(TITLES)}"
                 for i in range(1, prose.rng.randint(6, 20))]
    return rows


TITLES = ("教授级高级工程师", "高级工程师", "工程师", "研究员", "副研究员", "教授", "副教授", "总工程师",
          "副总经理", "技术总监", "质量部部长", "研发中心主任", "秘书长", "副秘书长")


def notice_body(prose: Prose, size: int, kind: str, versions: list[Version]) -> list[str]:
    # What a notice says about itself (deadlines, meeting, contacts) it says
    # once: those sentences open and close it, the description of the
    # standards or the policy context fills the middle.
    listing = notice_listing(prose, kind, versions)
    own = keep_within(prose.sentences_once(kind), size // 2)
    split = prose.rng.randint(1, max(1, len(own) - 1))
    opening, closing = "".join(own[:split]), "".join(own[split:])
    filler = ("policy",) if kind == "n_quota" else ("tech", "tech", "method", "n_any")
    middle_size = size - len("".join([opening, closing] + listing).encode("utf-8"))
    middle = fill_to(prose, middle_size, lambda: prose.paragraph(filler, (2, 5))) if middle_size > 0 else []
    paragraphs = [opening] + middle + [closing]
    if kind == "n_solicit" and prose.rng.random() < 0.5:
        start = prose.topic.day.plus_days(prose.rng.randint(0, 5))
        paragraphs.append(f"征求意见期为30天，自{start.cn}至{start.plus_days(30).cn}。")
    contact = f"联系人：{prose.s_person()}　电话：{prose.s_phone()}　电子邮箱：{prose.s_email()}"
    ending = ["特此通知。"] if kind in ("n_meeting", "n_quota", "n_plan") else []
    return paragraphs + listing + [contact] + ending


def keep_within(sentences: list[str], size: int) -> list[str]:
    """The leading sentences that fit in `size` UTF-8 bytes (at least one)."""
    kept, total = [], 0
    for sentence in sentences:
        total += len(sentence.encode("utf-8"))
        if kept and total > size:
            break
        kept.append(sentence)
    return kept


def notice_versions(rng: random.Random, catalogue: Catalogue, kind: str) -> tuple[list[Version], Day]:
    """The standards a notice is about, and a notice date consistent with them."""
    primary = rng.choice(catalogue.versions)
    # A standard is drafted, solicited and approved the year before it is published.
    year = primary.year if kind == "n_publish" else primary.year - rng.randint(0, 1)
    day = Day(max(year, 2008), rng.randint(1, 12), rng.randint(1, 28))
    others = [v for v in rng.sample(catalogue.versions, 12) if v.year in (primary.year, primary.year - 1)
              and v.work is not primary.work]
    return [primary] + others[:rng.randint(0, 5)], day


def build_notice(rng: random.Random, index: int, catalogue: Catalogue) -> Doc:
    site = rng.choice(SITE_KEYS)
    site_name, domain, nav = SITES[site]
    kind = notice_kind(rng, site)
    versions, day = notice_versions(rng, catalogue, kind)
    if kind == "n_quota":
        day = random_day(rng, 2012, 2025)
    works = [v.work for v in versions]
    topic = Topic.draw(rng, day, [(v.std_no, v.work.title) for v in versions])
    topic.org = site_name
    prose = Prose(rng, topic)
    title, greeting = notice_title(rng, site, kind, works, day)
    body = [greeting] + notice_body(prose, target_bytes(rng, "notice"), kind, versions)
    issuer = site_name if site != "miit" or kind == "n_quota" else "工业和信息化部办公厅"
    signature = [issuer, day.cn]
    text = "\n".join([title, f"发布时间：{day.iso}"] + body + signature)
    encoding = "gb18030" if rng.random() < GB18030_SHARE else "utf-8"
    page = notice_page(rng, site, title, day, body, signature, encoding, nav, domain)
    relpath = f"notices/{site}/{day.year}/{day.iso}-{index:06d}.html"
    return Doc(relpath, page.encode(encoding), len(text.encode("utf-8")), text)


def html_body(lines: list[str]) -> str:
    """Body lines as HTML paragraphs; runs of tab-separated lines become one table."""
    out: list[str] = []
    rows: list[str] = []
    for line in lines + [""]:
        if "\t" in line:
            cells = "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t"))
            rows.append(f"<tr>{cells}</tr>")
            continue
        if rows:
            out.append('<table class="list" border="1">' + "".join(rows) + "</table>")
            rows = []
        if line:
            out.append(f"<p>{html.escape(line)}</p>")
    return "\n".join(out)


def notice_page(rng: random.Random, site: str, title: str, day: Day, body: list[str],
                signature: list[str], encoding: str, nav: tuple[str, ...], domain: str) -> str:
    e = html.escape
    site_name = SITES[site][0]
    if encoding == "utf-8":
        meta = '<meta charset="utf-8">'
    else:
        declared = "gb18030" if rng.random() < 0.8 else "gb2312"
        meta = (f'<meta charset="{declared}">' if rng.random() < 0.6 else
                f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">')
    links = "".join(f'<li><a href="/{i}/">{e(name)}</a></li>' for i, name in enumerate(nav))
    paragraphs = html_body(body)
    signs = "\n".join(f'<p style="text-align:right">{e(s)}</p>' for s in signature)
    views = rng.randint(50, 20000)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{meta}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}_{e(site_name)}</title>
<link rel="stylesheet" href="/static/css/main.css">
<script src="/static/js/jquery.min.js"></script>
</head>
<body>
<div class="topbar"><div class="wrap">欢迎访问{e(site_name)}网站　|　<a href="/en/">English</a>　|　<a href="/login">会员登录</a></div></div>
<header class="site-header"><div class="logo"><img src="/static/img/logo.png" alt="{e(site_name)}">{e(site_name)}</div>
<form class="search" action="/search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></header>
<nav class="menu"><ul>{links}</ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/{len(nav) - 1}/">{e(nav[-1])}</a> &gt; 正文</div>
<main class="article">
<h1>{e(title)}</h1>
<div class="info">发布时间：{day.iso}　来源：{e(site_name)}　浏览次数：{views}</div>
<div class="content">
{paragraphs}
{signs}
</div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a>　<a href="javascript:window.close()">【关闭窗口】</a></div>
</main>
<footer class="footer">
<p>版权所有：{e(site_name)}　地址：北京市海淀区{e(V.CITIES[len(title) % len(V.CITIES)])}路{rng.randint(1, 99)}号　邮编：100{rng.randint(10, 99)}1</p>
<p>京ICP备{rng.randint(10000000, 19999999)}号-{rng.randint(1, 9)}　技术支持：信息中心　网站标识码：{domain}</p>
</footer>
</body>
</html>
"""


# --- standard records (XML) -----------------------------------------------------------------

ISSUERS_BY_PREFIX = {
    "GB/T": (("中华人民共和国国家质量监督检验检疫总局", "中国国家标准化管理委员会"),
             ("国家市场监督管理总局", "国家标准化管理委员会")),
    "XB/T": (("国家发展和改革委员会",), ("工业和信息化部",)),
    "T/CSRE": (("中国稀土学会",), ("中国稀土学会",)),
}
HEADER_BY_PREFIX = {"GB/T": "中华人民共和国国家标准", "XB/T": "中华人民共和国有色金属行业标准",
                    "T/CSRE": "中国稀土学会团体标准"}


def std_status(version: Version, effective: Day, rng: random.Random) -> str:
    if version.latest:
        return "upcoming" if effective.iso > TODAY.iso else "in_force"
    # Some records still say in_force for a replaced version: lineage fixes that.
    return "superseded" if rng.random() < 0.7 else "in_force"


def std_issuers(prefix: str, year: int) -> tuple[str, ...]:
    older, newer = ISSUERS_BY_PREFIX[prefix]
    return newer if year >= 2018 else older


def std_text(prose: Prose, version: Version, issued: Day, effective: Day, size: int) -> str:
    work = version.work
    lines = [f"ICS 77.120.{prose.rng.randint(10, 99)}", f"H {prose.rng.randint(10, 69)}",
             HEADER_BY_PREFIX[work.prefix], version.std_no.replace("-", "—")]
    previous = work.std_no(work.years[version.position - 1]) if version.position else None
    if previous:
        lines.append(f"代替{previous.replace('-', '—')}")
    lines += [work.title, work.title_en, f"{issued.iso}发布　　{effective.iso}实施",
              "　".join(std_issuers(work.prefix, version.year)) + "　发布", "", "前言"]
    lines.append("本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。")
    if previous:
        lines.append(f"本文件代替{previous.replace('-', '—')}《{work.title}》，与{previous}相比，除结构调整和编辑性改动外，主要技术变化如下：")
        lines += [f"——{note}（见{prose.rng.randint(3, 8)}.{prose.rng.randint(1, 5)}）；"
                  for note in prose.rng.sample(V.CHANGE_NOTES, prose.rng.randint(2, 5))]
    lines.append("请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。")
    lines.append("本文件由全国稀土标准化技术委员会（SAC/TC 229）提出并归口。")
    lines.append("本文件起草单位：" + "、".join(prose.s_org() for _ in range(prose.rng.randint(3, 9))) + "。")
    lines.append("本文件主要起草人：" + "、".join(prose.s_person() for _ in range(prose.rng.randint(4, 12))) + "。")
    body = std_clauses(prose, work, size - len("\n".join(lines).encode("utf-8")))
    return "\n".join(lines + body)


def std_clauses(prose: Prose, work: Work, size: int) -> list[str]:
    rng = prose.rng
    method = work.kind == "method"
    scope = ("本文件规定了" + work.title.split("　")[0] + ("的测定方法。" if method else "的技术要求、试验方法、检验规则、标志、包装、运输、贮存和质量证明书。"))
    lines = ["", "1 范围", scope, prose.paragraph(("tech",), (1, 2)), "", "2 规范性引用文件",
             "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，"
             "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。"]
    lines += [f"{no}　{title}" for no, title in rng.sample(V.STD_NORMATIVE_REFS, 3)]
    lines += [f"{no.rsplit('-', 1)[0]}　{title}" for no, title in prose.topic.standards[:3]]
    lines += ["", "3 术语和定义", "下列术语和定义适用于本文件。"]
    for i, term in enumerate(rng.sample(V.TERMS, rng.randint(1, 3)), 1):
        lines += [f"3.{i}", term, prose.sentence("tech")]
    sections = (("原理", "试剂或材料", "仪器设备", "样品", "试验步骤", "试验数据处理", "精密度") if method
                else ("要求", "试验方法", "检验规则", "标志、包装、运输、贮存和质量证明书"))
    genres = ("method", "method", "tech") if method else ("tech",)
    left = size - len("\n".join(lines).encode("utf-8"))
    for number, name in enumerate(sections, 4):
        # Each section gets an equal share of what is left, at least one paragraph.
        share = max(left // (len(sections) - number + 4), 1)
        section = [""] + [f"{number} {name}"] + std_section(prose, number, genres, share)
        left -= len("\n".join(section).encode("utf-8"))
        lines += section
    return lines


def std_section(prose: Prose, number: int, genres: tuple[str, ...], size: int) -> list[str]:
    out: list[str] = []
    sub = 0
    for block in fill_to(prose, size, lambda: prose.paragraph(genres, (1, 4))):
        sub += 1
        out += [f"{number}.{sub}　{prose.s_prop() if prose.rng.random() < 0.5 else prose.s_term()}", block]
        if prose.rng.random() < 0.15:
            out += std_table(prose, sub)
    return out


def std_table(prose: Prose, table_no: int) -> list[str]:
    rng = prose.rng
    columns = [name for name, _ in rng.sample(V.IMPURITIES, rng.randint(3, 6))]
    rows = [f"表{table_no}　化学成分", "牌号\t稀土总量\t" + "\t".join(columns)]
    for _ in range(rng.randint(2, 5)):
        grade = f"{prose.s_el()}-{rng.choice(('2N5', '3N', '3N5', '4N', '4N5', '5N'))}"
        rows.append("\t".join([grade, prose.s_pct_hi()] + [prose.s_pct() for _ in columns]))
    return rows


def build_standard(rng: random.Random, index: int, catalogue: Catalogue, version: Version) -> Doc:
    work = version.work
    issued = Day(version.year, rng.randint(1, 12), rng.randint(1, 28))
    effective = issued.plus_days(rng.randint(90, 200))
    topic = Topic.draw(rng, issued, catalogue.cited(rng, 4))
    prose = Prose(rng, topic)
    text = std_text(prose, version, issued, effective, target_bytes(rng, "standard"))
    status = std_status(version, effective, rng)
    previous = work.std_no(work.years[version.position - 1]) if version.position else None
    data = record_xml(work, version, issued, effective, status, previous, text)
    slug = version.std_no.lower().replace("/", "").replace(" ", "-")
    folder = work.prefix.lower().replace("/", "")
    return Doc(f"standards/{folder}/{slug}.xml", data.encode("utf-8"),
               len((work.title + "\n" + text).encode("utf-8")), work.title + text)


def record_xml(work: Work, version: Version, issued: Day, effective: Day, status: str,
               previous: str | None, text: str) -> str:
    e = lambda s: html.escape(s, quote=False)  # noqa: E731
    issuers = "".join(f"<issuer>{e(name)}</issuer>" for name in std_issuers(work.prefix, version.year))
    replaces = f"\n  <replaces><std_no>{e(previous)}</std_no></replaces>" if previous else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<record>
  <title>{e(work.title)}</title>
  <title_en>{e(work.title_en)}</title_en>
  <doc_type>standard</doc_type>
  <lang>zh-Hans</lang>
  <issuers>{issuers}</issuers>
  <issued precision="day">{issued.iso}</issued>
  <effective precision="day">{effective.iso}</effective>
  <status>{status}</status>
  <std_no>{e(version.std_no)}</std_no>{replaces}
  <text>{e(text)}</text>
</record>
"""


# --- policy texts (Markdown and plain text) --------------------------------------------------

def policy_title(rng: random.Random) -> tuple[str, str]:
    """(title, kind word used in its articles: 条例, 办法 …)."""
    kind = rng.choice(V.POLICY_KINDS)
    scope = rng.choice(V.POLICY_SCOPES) if rng.random() < 0.3 else ""
    topic = rng.choice(V.POLICY_TOPICS)
    title = f"{scope}{topic}{kind}"
    if rng.random() < 0.1:
        title += "（征求意见稿）"
    short = kind[-2:] if kind.endswith(("办法", "规定", "细则", "意见", "方案", "计划")) else kind
    return title, short


def promulgation_line(rng: random.Random, kind: str, adopted: Day, promulgated: Day, effective: Day) -> str:
    """The bracketed line under a policy title, in the form its kind of text uses."""
    if kind == "条例" and rng.random() < 0.6:
        return (f"（{adopted.cn}国务院第{rng.randint(10, 99)}次常务会议通过　{promulgated.cn}"
                f"中华人民共和国国务院令第{rng.randint(600, 800)}号公布　自{effective.cn}起施行）")
    if kind == "条例":
        province = rng.choice(V.POLICY_SCOPES)
        return (f"（{adopted.cn}{province}第{zh_numeral(rng.randint(10, 14))}届人民代表大会常务委员会"
                f"第{zh_numeral(rng.randint(2, 40))}次会议通过　自{effective.cn}起施行）")
    body = rng.choice(V.GOV_BODIES[1:])[0]
    if kind in ("办法", "规定", "细则"):
        return f"（{promulgated.cn}{body}令第{rng.randint(1, 80)}号公布　自{effective.cn}起施行）"
    return f"（{promulgated.cn}{body}印发）"


def policy_articles(prose: Prose, size: int, kind: str, effective: Day) -> list[str]:
    """Markdown chapters and articles; the last article sets the effective date."""
    rng = prose.rng
    middle = rng.sample(V.CHAPTERS[1:-2], rng.randint(2, 6))
    chapters = ["总则"] + [c for c in V.CHAPTERS if c in middle] + ["法律责任", "附则"]
    lines: list[str] = []
    article = 0
    for number, chapter in enumerate(chapters, 1):
        # An equal share of what is left, so overshoot in one chapter is
        # taken back from the next ones.
        left = size - len("\n".join(lines).encode("utf-8"))
        share = max(left // (len(chapters) - number + 1), 1)
        lines += [f"## 第{zh_numeral(number)}章　{chapter}", ""]
        blocks = fill_to(prose, share, lambda: prose.paragraph(("policy",), (1, 3)))
        if chapter == "附则":
            blocks = blocks[:1] + [f"本{kind}自{effective.cn}起施行。"]
        for block in blocks:
            article += 1
            lines += [f"第{zh_numeral(article)}条　{block}", ""]
            if rng.random() < 0.12:
                lines += policy_items(prose) + [""]
    return lines


def policy_items(prose: Prose) -> list[str]:
    return [f"（{zh_numeral(i)}）{prose.sentence('policy')}" for i in range(1, prose.rng.randint(3, 7))]


def build_policy_markdown(rng: random.Random, index: int, catalogue: Catalogue) -> Doc:
    promulgated = random_day(rng, 2005, 2025)
    adopted = promulgated.plus_days(-rng.randint(10, 60))
    effective = promulgated.plus_days(rng.randint(0, 120))
    title, kind = policy_title(rng)
    topic = Topic.draw(rng, promulgated, catalogue.cited(rng, 3))
    topic.kind = kind
    prose = Prose(rng, topic)
    head = [f"# {title}", "", promulgation_line(rng, kind, adopted, promulgated, effective), ""]
    lines = head + policy_articles(prose, target_bytes(rng, "policy"), kind, effective)
    text = "\n".join(lines)
    return Doc(f"policy/md/{promulgated.year}/{index:06d}.md", text.encode("utf-8"),
               len(text.encode("utf-8")), text)


def policy_text_title(rng: random.Random, prose: Prose) -> tuple[str, str]:
    """(title, opening sentence) of a policy circular."""
    inner, _ = policy_title(rng)
    inner = inner.replace("（征求意见稿）", "")
    form = rng.randrange(3)
    if form == 0:
        return f"关于印发《{inner}》的通知", f"现将《{inner}》印发给你们，请结合实际认真贯彻执行。"
    topic = prose.s_topic()
    opening = f"为{prose.s_verb()}{prose.s_obj()}，{prose.s_verb()}{topic}，根据《稀土管理条例》等有关规定，现就有关事项通知如下："
    if form == 1:
        return f"关于做好{prose.topic.day.year}年{topic}工作的通知", opening
    return f"关于{prose.s_adv()}{prose.s_verb()}{topic}的通知", opening


def build_policy_text(rng: random.Random, index: int, catalogue: Catalogue) -> Doc:
    day = random_day(rng, 2005, 2025)
    topic = Topic.draw(rng, day, catalogue.cited(rng, 3))
    topic.kind = "通知"
    prose = Prose(rng, topic)
    title, opening = policy_text_title(rng, prose)
    form, issuers = rng.choice(V.DOC_NO_FORMS)
    doc_no = form.format(y=day.year, n=rng.randint(1, 200))
    lines = [title, "", doc_no, "",
             "各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门、自然资源主管部门，有关中央企业，有关行业协会：",
             "", opening, ""]
    attachment = enterprise_list(prose) + [""] if rng.random() < 0.4 else []
    size = target_bytes(rng, "policy") - len("\n".join(lines + attachment).encode("utf-8"))
    for number, block in enumerate(fill_to(prose, size, lambda: policy_section(prose)), 1):
        lines += [f"{zh_numeral(number)}、{block}", ""]
    lines += ["特此通知。", ""] + attachment + ["　".join(issuers), day.cn]
    text = "\n".join(lines)
    return Doc(f"policy/txt/{day.year}/{index:06d}.txt", text.encode("utf-8"), len(text.encode("utf-8")), text)


def enterprise_list(prose: Prose) -> list[str]:
    """An attachment listing enterprises, as MIIT circulars on industry conditions carry."""
    batch = zh_numeral(prose.rng.randint(1, 6))
    rows = [f"附件：符合《稀土行业规范条件》企业名单（第{batch}批）", "序号\t企业名称\t所在地\t主要产品"]
    for i in range(1, prose.rng.randint(10, 60)):
        rows.append(f"{i}\t{prose.s_company()}\t{prose.rng.choice(V.PROVINCES)}{prose.s_city()}\t{prose.s_product()}")
    return rows


def policy_section(prose: Prose) -> str:
    heading = prose.sentence("heading")
    parts = [heading + "\n" + prose.paragraph(("policy",), (2, 5))]
    for i in range(1, prose.rng.randint(1, 4)):
        parts.append(f"（{zh_numeral(i)}）{prose.sentence('heading')}。{prose.paragraph(('policy',), (2, 4))}")
    return "\n".join(parts)


# --- English news (plain text) ------------------------------------------------------------------

def upper_first(text: str) -> str:
    # str.capitalize() would also lower-case "Ganzhou" and "U.S.".
    return text[:1].upper() + text[1:]


def en_when(rng: random.Random, day: Day) -> str:
    return rng.choice((f"on {day.en}", "last week", "earlier this month", "on Monday", "on Thursday",
                       f"in {V.EN_MONTHS[day.month - 1]}", "this week"))


def en_sentence(rng: random.Random, day: Day, cited: list[tuple[str, str]]) -> str:
    form = rng.randrange(10)
    element = rng.choice(V.ELEMENTS)[1]
    month = V.EN_MONTHS[rng.randrange(12)]
    if form == 0:
        return f"{upper_first(rng.choice(V.EN_SUBJECTS))} {rng.choice(V.EN_VERBS)} {rng.choice(V.EN_OBJECTS)} {en_when(rng, day)}."
    if form == 1:
        return f"{rng.choice(V.EN_CONNECTIVES)} {rng.choice(V.EN_SUBJECTS)} {rng.choice(V.EN_VERBS)} {rng.choice(V.EN_OBJECTS)}."
    if form == 2:
        return (f"Prices of {element} oxide {rng.choice(('rose', 'fell', 'held at', 'edged up to', 'slipped to'))} "
                f"{rng.randrange(100000, 3000000, 500):,} yuan per tonne in {month}, "
                f"a change of {rng.randint(1, 18)} percent from the previous month.")
    if form == 3:
        return (f"Exports of rare earth {rng.choice(('magnets', 'metals', 'oxides', 'alloys', 'compounds'))} reached "
                f"{rng.randint(200, 6000):,} tonnes in {month}, customs data showed.")
    if form == 4:
        return (f"The mining quota for {day.year} was set at {rng.randrange(100000, 300000, 1000):,} tonnes of rare earth oxide, "
                f"{rng.choice(('up', 'down'))} {rng.randint(1, 25)} percent from a year earlier.")
    if form == 5:
        return (f"{upper_first(rng.choice(V.EN_SUBJECTS))} said demand for {element} from {rng.choice(V.APPLICATIONS)[1]} "
                f"remained {rng.choice(('strong', 'weak', 'stable', 'subdued', 'robust', 'sluggish', 'firm'))}.")
    if form == 6 and cited:
        std_no, _ = rng.choice(cited)
        return (f"The standard {std_no}, which covers {rng.choice(V.MATERIALS)[1]}, "
                f"takes effect on {day.plus_days(rng.randint(30, 180)).en}.")
    if form == 7:
        return (f"Under the rules, exporters of {element} and {rng.choice(V.ELEMENTS)[1]} items must apply "
                f"for a licence, and the ministry will decide within {rng.choice((30, 45, 60))} working days.")
    if form == 8:
        return (f"{rng.choice(V.EN_CONNECTIVES)} {rng.choice(V.EN_ADJECTIVES)} {rng.choice(V.EN_NOUNS)} "
                f"and {rng.choice(V.EN_NOUNS)} were the main concerns for buyers of {element}.")
    return (f"{upper_first(rng.choice(V.MATERIALS)[1])} made with {element} are used in "
            f"{rng.choice(V.APPLICATIONS)[1]} and {rng.choice(V.APPLICATIONS)[1]}.")


def build_news(rng: random.Random, index: int, catalogue: Catalogue) -> Doc:
    day = random_day(rng, 2015, 2025)
    cited = catalogue.cited(rng, 2)
    place = rng.choice(V.EN_PLACES)
    title = upper_first(f"{rng.choice(V.EN_SUBJECTS)} {rng.choice(V.EN_VERBS)} {rng.choice(V.EN_OBJECTS)}")
    size = target_bytes(rng, "news")
    paragraphs: list[str] = []
    while len("\n\n".join(paragraphs).encode()) < size:
        paragraphs.append(" ".join(en_sentence(rng, day, cited) for _ in range(rng.randint(2, 5))))
    text = "\n\n".join([title, f"{place}, {day.en}"] + paragraphs)
    return Doc(f"news/{day.year}/{day.iso}-{index:06d}.txt", text.encode("utf-8"), len(text.encode("utf-8")), text)


# --- the whole corpus ----------------------------------------------------------------------------

def plan(docs: int, seed: int) -> list[str]:
    """The kind of every document: exact shares, shuffled with the seed."""
    counts = {kind: round(docs * share) for kind, share in MIX}
    counts["notice"] += docs - sum(counts.values())
    kinds = [kind for kind, _ in MIX for _ in range(counts[kind])]
    random.Random(f"{seed}/plan").shuffle(kinds)
    return kinds


def build(kind: str, rng: random.Random, index: int, catalogue: Catalogue, versions: list[Version]) -> Doc:
    if kind == "notice":
        return build_notice(rng, index, catalogue)
    if kind == "standard":
        return build_standard(rng, index, catalogue, versions.pop())
    if kind == "policy":
        if rng.random() < MARKDOWN_SHARE:
            return build_policy_markdown(rng, index, catalogue)
        return build_policy_text(rng, index, catalogue)
    return build_news(rng, index, catalogue)


@dataclass
class Totals:
    docs: int = 0
    text_bytes: int = 0
    file_bytes: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    chars: dict[str, int] = field(default_factory=dict)


def generate(out_dir: Path, docs: int, seed: int = 1) -> Totals:
    kinds = plan(docs, seed)
    catalogue = Catalogue(random.Random(f"{seed}/catalogue"), kinds.count("standard"))
    # Each standard document takes one version; popping from the end of a
    # reversed copy hands them out in catalogue order.
    versions = list(reversed(catalogue.versions))
    totals = Totals()
    seen_chars: set[str] = set()
    for index, kind in enumerate(kinds):
        doc = build(kind, random.Random(f"{seed}/{index}"), index, catalogue, versions)
        path = out_dir / doc.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(doc.data)
        totals.docs += 1
        totals.text_bytes += doc.text_bytes
        totals.file_bytes += len(doc.data)
        totals.by_kind[kind] = totals.by_kind.get(kind, 0) + 1
        seen_chars.update(doc.text)
    totals.by_kind = {kind: totals.by_kind.get(kind, 0) for kind, _ in MIX}
    totals.chars = {"distinct_cjk": sum(1 for ch in seen_chars if "\u4e00" <= ch <= "\u9fff")}
    write_manifest(out_dir, docs, seed, totals, catalogue)
    return totals


def write_manifest(out_dir: Path, docs: int, seed: int, totals: Totals, catalogue: Catalogue) -> None:
    # A dot-file: `stdidx index` skips hidden files, so this is not indexed.
    manifest = {"generator": "bench/synth.py", "docs": docs, "seed": seed,
                "by_kind": totals.by_kind, "text_bytes": totals.text_bytes,
                "file_bytes": totals.file_bytes, "distinct_cjk_chars": totals.chars["distinct_cjk"],
                "standards": [v.std_no for v in catalogue.versions[:200]]}
    (out_dir / ".synth.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a synthetic stdidx corpus.")
    parser.add_argument("out_dir", type=Path, help="output directory (created; must be empty or absent)")
    parser.add_argument("--docs", type=int, required=True, help="number of documents")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be at least 1")
    if args.out_dir.exists() and any(args.out_dir.iterdir()):
        parser.error(f"{args.out_dir} is not empty")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    totals = generate(args.out_dir, args.docs, args.seed)
    seconds = time.perf_counter() - started
    kinds = ", ".join(f"{kind} {totals.by_kind.get(kind, 0)}" for kind, _ in MIX)
    print(f"generated {totals.docs} documents ({kinds}) in {seconds:.1f} s")
    print(f"total text {totals.text_bytes / 1e6:.1f} MB; on disk {totals.file_bytes / 1e6:.1f} MB; "
          f"{totals.chars['distinct_cjk']} distinct CJK characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
