"""Writes the bundled corpus's office files (corpus/standards/*.pdf, *.docx, corpus/notices/ministry/*.xlsx).

    python bench/make_office_corpus.py

Every fact is one the corpus states elsewhere: the 2006 edition's dates and issuers
are those of its sibling parts in corpus/standards/gbt-18115.*-2006.xml, the
draft's are in corpus/notices/csre/tc229-2025-05-comments-gbt-18115-6.html,
the list's in corpus/notices/ministry/miit-industry-standards-announcement-2019.txt.
Needs the test extras (pip install -e '.[test]').
"""
from __future__ import annotations

from pathlib import Path

import officegen as g

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ELEMENTS = "镧、铈、镨、钕、钐、钆、铽、镝、钬、铒、铥、镱、镥和钇量的测定"
SERIES = "稀土金属及其氧化物中稀土杂质化学分析方法"

EDITION_2006 = g.Cover(
    std_no="GB/T 18115.6—2006", title=f"{SERIES} 铕中{ELEMENTS}", ics="77.120.99", ccs="H 14",
    title_en="Rare earth metals and their oxides—Chemical analysis of rare earth impurities",
    issued="2006-04-13", effective="2006-10-01",
    issuers=["中华人民共和国国家质量监督检验检疫总局", "中国国家标准化管理委员会"])
DRAFT = g.Cover(
    std_no="GB/T 18115.6—202X", title=f"{SERIES} 第6部分：铕中{ELEMENTS}", ics="77.120.99", ccs="H 14",
    replaces="代替 GB/T 18115.6—2006", stage="（征求意见稿）")

STANDARD_PAGES = [
    ["前言", f"GB/T 18115《{SERIES}》分为若干部分，本部分为其中铕中稀土杂质的测定。",
     "本部分由全国稀土标准化技术委员会（SAC/TC 229）提出并归口。"],
    ["1 范围", "本部分规定了铕及氧化铕中镧、铈、镨、钕、钐、钆、铽、镝、钬、铒、铥、镱、镥和钇量的测定方法。",
     "本部分采用电感耦合等离子体发射光谱法。"],
]
DRAFT_SECTIONS = [
    ("前言", ["本文件代替GB/T 18115.6—2006，与GB/T 18115.6—2006相比，除结构调整和编辑性改动外，主要技术变化如下：",
             "——增加了电感耦合等离子体质谱法和电感耦合等离子体串联质谱法；",
             "——方法1部分元素的测定下限由0.0005 %降至0.0003 %。",
             "本文件由全国稀土标准化技术委员会（SAC/TC 229）提出并归口。"]),
    ("1 范围", ["本文件规定了铕及氧化铕中镧、铈、镨、钕、钐、钆、铽、镝、钬、铒、铥、镱、镥和钇量的测定方法。"]),
    ("编制说明", ["一、工作简况",
               "本标准由赣州有色冶金研究所等单位负责修订。",
               "二、主要技术内容",
               "电感耦合等离子体串联质谱法用于消除铕基体产生的多原子离子对钆、铽测定的干扰。"]),
]
LIST_HEADER = ["序号", "标准编号", "标准名称", "代替标准", "实施日期"]
LIST_ROWS = [["1", "XB/T 230-2019", "氧化铥", "—", "2020-01-01"],
             ["2", "XB/T 231-2019", "氧化镥", "—", "2020-01-01"]]


def main() -> None:
    g.standard_pdf(CORPUS / "standards" / "gbt-18115.6-2006.pdf", EDITION_2006, STANDARD_PAGES)
    g.draft_docx(CORPUS / "standards" / "gbt-18115.6-draft-2025.docx", DRAFT, DRAFT_SECTIONS,
                 header="GB/T 18115.6—202X")
    g.list_xlsx(CORPUS / "notices" / "ministry" / "miit-2019-33-rare-earth-industry-standards-list.xlsx",
                "工业和信息化部公告2019年第33号附件：稀土行业标准编号、名称及实施日期", LIST_HEADER, LIST_ROWS)


if __name__ == "__main__":
    main()
