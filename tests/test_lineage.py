"""Lineage: every relation source, and statuses on a date, on small real corpora written to disk.

Each relation source has its own pair of documents in MINI_CORPUS, written the
way such texts are written (a standard's cover with 代替…, an article ending
in 《…》同时废止, a draft-for-comments notice), indexed with `stdidx index`, and
read back through `indexer.query.history`.
"""
from datetime import date

import pytest

from conftest import run
from indexer.index.store import Store
from indexer.lineage import Relation, adoption_claims, infer_relations, repeal_claims
from indexer.query.history import history
from indexer.record import Record
from indexer.status import Version, status_as_of, statuses_as_of, superseded_ids

MINI_CORPUS = {
    'standards/gbt-90001-2001.md': """# 稀土试验材料
中华人民共和国国家标准
GB/T 90001—2001
2001-03-01发布　2001-09-01实施
国家质量技术监督局　发布

1 范围
本标准规定了稀土试验材料的要求。
2 要求
2.1 材料的稀土总量不小于99%。
2.2 材料的水分不大于0.5%。
""",
    'standards/gbt-90001-2010.md': """# 稀土试验材料
中华人民共和国国家标准
GB/T 90001—2010
代替GB/T 90001—2001
2010-01-05发布　2010-06-01实施
中华人民共和国国家质量监督检验检疫总局　中国国家标准化管理委员会　发布

1 范围
本标准规定了稀土试验材料的要求。
2 要求
2.1 材料的稀土总量不小于99.5%。
2.2 材料的水分不大于0.5%。
""",
    'standards/gbt-90002.1-2005.md': """# 稀土试验方法 第1部分：镧量的测定
中华人民共和国国家标准
GB/T 90002.1—2005
2005-02-01发布　2005-08-01实施
国家质量监督检验检疫总局　中国国家标准化管理委员会　发布

1 范围
本部分规定了镧量的测定方法。
""",
    'standards/gbt-90002.2-2012.md': """# 稀土试验方法 第2部分：镧量的测定
中华人民共和国国家标准
GB/T 90002.2—2012
代替GB/T 90002.1—2005
2012-04-01发布　2012-10-01实施
国家质量监督检验检疫总局　中国国家标准化管理委员会　发布

1 范围
本部分规定了镧量的测定方法。
""",
    'standards/gbt-90002.3-2012.md': """# 稀土试验方法 第3部分：铈量的测定
中华人民共和国国家标准
GB/T 90002.3—2012
2012-04-01发布　2012-10-01实施
国家质量监督检验检疫总局　中国国家标准化管理委员会　发布

1 范围
本部分规定了铈量的测定方法。
""",
    'standards/gbt-90003-2015.md': """# 稀土试验词汇
中华人民共和国国家标准
GB/T 90003—2015/ISO 12345:2011
(ISO 12345:2011, MOD)
2015-05-01发布　2016-01-01实施
国家质量监督检验检疫总局　中国国家标准化管理委员会　发布

前言
本标准修改采用ISO 12345:2011《稀土试验词汇》。
1 范围
本标准界定了稀土试验的术语。
""",
    'standards/gbt-90004-2016.md': """# 稀土试验取样
中华人民共和国国家标准
GB/T 90004—2016
2016-05-01发布　2017-01-01实施
国家质量监督检验检疫总局　中国国家标准化管理委员会　发布

前言
本标准等同采用ISO 23456:2014《稀土试验取样》。
1 范围
本标准规定了取样方法。
""",
    'standards/iso-12345-2011.xml': """<?xml version="1.0" encoding="UTF-8"?>
<record>
  <title>Rare earth testing — Vocabulary</title>
  <doc_type>standard</doc_type>
  <lang>en</lang>
  <issuers><issuer>International Organization for Standardization</issuer></issuers>
  <issued precision="month">2011-06</issued>
  <status>in_force</status>
  <std_no>ISO 12345:2011</std_no>
  <text>ISO 12345:2011
Rare earth testing — Vocabulary
1 Scope
This document defines terms used in rare earth testing.</text>
</record>
""",
    'policy/measures-2012.md': """# 稀土试验管理办法

（2012年3月1日工业和信息化部令第20号公布　自2012年5月1日起施行）

第一条 为了规范稀土试验，制定本办法。

第二条 本办法自2012年5月1日起施行。
""",
    'policy/provisions-2018.md': """# 稀土试验管理规定

（2018年6月1日工业和信息化部令第40号公布　自2018年9月1日起施行）

第一条 为了规范稀土试验活动，制定本规定。

第二条 本规定自2018年9月1日起施行。《稀土试验管理办法》同时废止。
""",
    'policy/interim-2009.md': """# 稀土试验许可暂行办法

（2009年2月1日工业和信息化部令第5号公布　自2009年4月1日起施行）

第一条 为了规范稀土试验许可，制定本办法。

第二条 本办法自2009年4月1日起施行。
""",
    'policy/regulation-2020.md': """# 稀土试验许可条例

（2020年7月1日国务院令第900号公布　自2020年10月1日起施行）

第一条 为了规范稀土试验许可，制定本条例。

第二条 本条例自2020年10月1日起施行。

第三条 自本条例施行之日起，《稀土试验许可暂行办法》同时废止。
""",
    'policy/statistics-2015.md': """# 稀土试验统计办法

（2015年3月1日工业和信息化部令第30号公布　自2015年6月1日起施行）

第一条 为了做好稀土试验统计，制定本办法。

第二条 本办法自2015年6月1日起施行。
""",
    'policy/statistics-2021.md': """# 稀土试验统计办法

（2021年3月1日工业和信息化部令第60号公布　自2021年6月1日起施行）

第一条 为了做好稀土试验统计工作，制定本办法。

第二条 本办法自2021年6月1日起施行。
""",
    'policy/safety-draft-2019.md': """# 关于《稀土试验安全条例（征求意见稿）》公开征求意见的通知

发布时间：2019-05-10

为规范稀土试验安全，我部起草了《稀土试验安全条例（征求意见稿）》，现向社会公开征求意见。

第一条 为了保障稀土试验安全，制定本条例。

第二条 本条例自 年 月 日起施行。

工业和信息化部
2019年5月10日
""",
    'policy/safety-2020.md': """# 稀土试验安全条例

（2020年8月1日国务院令第901号公布　自2020年12月1日起施行）

第一条 为了保障稀土试验安全，制定本条例。

第二条 本条例自2020年12月1日起施行。
""",
}


def write_corpus(root, files: dict[str, str]):
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def build_index(tmp_path_factory, files: dict[str, str]):
    base = tmp_path_factory.mktemp("lineage")
    corpus = write_corpus(base / "corpus", files)
    index = base / "index"
    result = run("index", corpus, "--index", index)
    assert result.exit_code == 0, result.output
    return index


@pytest.fixture(scope="module")
def mini_index(tmp_path_factory):
    return build_index(tmp_path_factory, MINI_CORPUS)


@pytest.fixture(scope="module")
def mini_ix(mini_index):
    return Store(mini_index).open()


def chain(ix, name, as_of=None):
    """[(version label, status)] of a history."""
    h = history(ix, name, as_of)
    return [(h.labels[e.record.id], e.status.status) for e in h.entries]


def relations(ix, name, kind):
    h = history(ix, name)
    return [r for r in h.relations if r.kind == kind]


# --- every relation source -------------------------------------------------------------

def test_stated_replacement_within_a_work(mini_ix):
    h = history(mini_ix, "GB/T 90001")
    assert [h.labels[e.record.id] for e in h.entries] == ["GB/T 90001-2001", "GB/T 90001-2010"]
    (rel,) = relations(mini_ix, "GB/T 90001", "replaces")
    assert rel.stated and rel.indexed and rel.effective == "2010-06-01"
    assert "代替GB/T 90001—2001" in rel.evidence
    assert h.entries[1].previous == rel
    # a stated replacement makes the inferred one redundant
    assert relations(mini_ix, "GB/T 90001", "later_version") == []


def test_renumbered_standard_is_linked_across_works_and_parts_stay_apart(mini_ix):
    h = history(mini_ix, "GB/T 90002.2")
    assert [(h.labels[e.record.id], e.record.work) for e in h.entries] == [
        ("GB/T 90002.1-2005", "std:GB/T 90002.1"), ("GB/T 90002.2-2012", "std:GB/T 90002.2")]
    assert h.entries[1].previous.kind == "replaces" and h.entries[1].previous.stated
    # the old part is superseded by the renumbered one, though it is another work
    assert [e.status.status for e in h.entries] == ["superseded", "in_force"]
    # from the old number too
    assert history(mini_ix, "GB/T 90002.1").work == "std:GB/T 90002.1"
    assert chain(mini_ix, "GB/T 90002.1") == [("GB/T 90002.1-2005", "superseded"),
                                              ("GB/T 90002.2-2012", "in_force")]
    # part 3 shares the code's stem but is a separate work with no relation
    assert chain(mini_ix, "GB/T 90002.3") == [("GB/T 90002.3-2012", "in_force")]
    assert history(mini_ix, "GB/T 90002.3").relations == []


def test_stated_repeal_by_title_in_a_closing_article(mini_ix):
    (rel,) = relations(mini_ix, "稀土试验管理办法", "repeals")
    assert rel.stated and rel.effective == "2018-09-01"
    assert "《稀土试验管理办法》同时废止" in rel.evidence
    assert chain(mini_ix, "稀土试验管理办法", "2018-08-31") == [("工业和信息化部令第20号", "in_force")]
    assert chain(mini_ix, "稀土试验管理办法", "2018-09-01") == [("工业和信息化部令第20号", "repealed")]
    # the repealing text lists what it repeals too
    (out,) = relations(mini_ix, "稀土试验管理规定", "repeals")
    assert out == rel


def test_stated_repeal_from_the_day_the_new_text_takes_effect(mini_ix):
    (rel,) = relations(mini_ix, "稀土试验许可暂行办法", "repeals")
    assert "自本条例施行之日起" in rel.evidence and rel.effective == "2020-10-01"
    assert chain(mini_ix, "稀土试验许可暂行办法", "2020-09-30")[0][1] == "in_force"
    assert chain(mini_ix, "稀土试验许可暂行办法", "2020-10-01")[0][1] == "repealed"


def test_inferred_later_version_of_the_same_work(mini_ix):
    (rel,) = relations(mini_ix, "稀土试验统计办法", "later_version")
    assert not rel.stated
    h = history(mini_ix, "稀土试验统计办法")
    assert [e.record.doc_no for e in h.entries] == ["工业和信息化部令第30号", "工业和信息化部令第60号"]
    assert h.entries[1].previous == rel


def test_draft_for_comments_leads_to_the_published_text(mini_ix):
    h = history(mini_ix, "稀土试验安全条例")
    assert [e.status.status for e in h.entries] == ["draft", "in_force"]
    (rel,) = [r for r in h.relations if r.kind == "draft_to_final"]
    assert (rel.source, rel.target, rel.stated) == (h.entries[1].record.id, h.entries[0].record.id, False)
    # drafts stay drafts on any day
    assert chain(mini_ix, "稀土试验安全条例", "2030-01-01")[0] == ("draft 2019-05-10", "draft")


@pytest.mark.parametrize("name, degree, indexed", [
    ("GB/T 90003", "MOD", True),     # (ISO 12345:2011, MOD) and 修改采用, the ISO record indexed
    ("GB/T 90004", "IDT", False),    # 等同采用ISO 23456:2014, not in the index
])
def test_adoption_of_an_international_standard(mini_ix, name, degree, indexed):
    (rel,) = relations(mini_ix, name, "adopts")
    assert (rel.degree, rel.indexed, rel.stated) == (degree, indexed, True)
    assert rel.target_label.startswith("ISO ")


def test_adoption_shows_in_the_history_of_the_international_standard(mini_ix):
    (rel,) = relations(mini_ix, "ISO 12345", "adopts")
    assert rel.source_label == "GB/T 90003-2015" and rel.degree == "MOD"


# --- statuses on a date ----------------------------------------------------------------

@pytest.mark.parametrize("as_of, statuses", [
    ("2001-08-31", ["upcoming", "upcoming"]),      # the day before the first takes effect
    ("2001-09-01", ["in_force", "upcoming"]),      # effective on the day: in force that day
    ("2010-05-31", ["in_force", "upcoming"]),      # the second issued, not yet effective
    ("2010-06-01", ["superseded", "in_force"]),    # the day the second takes effect
    ("2010-06-02", ["superseded", "in_force"]),
    ("2010", ["in_force", "upcoming"]),            # a year means its first day
])
def test_status_as_of_boundary_days(mini_ix, as_of, statuses):
    assert [s for _, s in chain(mini_ix, "GB/T 90001", as_of)] == statuses


def test_status_as_of_accepts_a_date_and_defaults_to_today(mini_ix):
    assert history(mini_ix, "GB/T 90001", date(2005, 1, 1)).as_of == "2005-01-01"
    assert history(mini_ix, "GB/T 90001").as_of == date.today().isoformat()


def test_statuses_as_of_for_search_hits(mini_ix):
    from indexer.query.search import iter_records

    records = list(iter_records(mini_ix))
    by_path = {r.path: r for r in records}
    on_day = statuses_as_of(mini_ix, records, "2012-06-01")
    status = {path: on_day[r.id].status for path, r in by_path.items()}
    assert status["standards/gbt-90001-2001.md"] == "superseded"
    assert status["standards/gbt-90002.1-2005.md"] == "in_force"      # renumbered only from 2012-10-01
    assert status["standards/gbt-90002.2-2012.md"] == "upcoming"
    assert status["policy/measures-2012.md"] == "in_force"
    assert status["policy/safety-draft-2019.md"] == "draft"
    assert statuses_as_of(mini_ix, [by_path["policy/measures-2012.md"]], "2019")[
        by_path["policy/measures-2012.md"].id].status == "repealed"


@pytest.mark.parametrize("as_of", ["2012-06-01", "2018-09-01", "2020-10-01", "2030-01-01"])
def test_statuses_for_many_works_equal_statuses_one_by_one(mini_ix, as_of):
    """Many works at once read every repeal statement in one pass; the answer must not change."""
    from indexer.query.search import iter_records

    records = list(iter_records(mini_ix))
    together = statuses_as_of(mini_ix, records, as_of)
    assert together == {r.id: statuses_as_of(mini_ix, [r], as_of)[r.id] for r in records}


def _rec(id_, issued=None, effective=None, status="in_force", work="doc:x", std_no=None, doc_type="policy"):
    return Record(id=id_, path=f"{id_}.md", title="x", doc_type=doc_type, issued=issued, effective=effective,
                  status=status, work=work, std_no=std_no)


@pytest.mark.parametrize("record, as_of, expected", [
    (_rec("a", "2020-01-01", "2020-03-01"), "2020-02-29", "upcoming"),
    (_rec("a", "2020-01-01", "2020-03-01"), "2020-03-01", "in_force"),
    (_rec("a", "2020-01-01"), "2020-01-01", "in_force"),                 # no effective date: from issue
    (_rec("a", "2020-06"), "2020-06-01", "in_force"),                    # month precision: its first day
    (_rec("a", "2020-06"), "2020-05-31", "upcoming"),
    (_rec("a", None, None, status="in_force"), "2020-01-01", "unknown"),
    (_rec("a", "2020-01-01", status="draft"), "2030-01-01", "draft"),
    (_rec("a", "2020-01-01", status="unknown", doc_type="news"), "2030-01-01", "unknown"),
])
def test_status_rules(record, as_of, expected):
    assert status_as_of(record, [record], as_of).status == expected


def test_repeal_takes_effect_on_its_day_and_supersession_comes_first():
    old = _rec("old", "2010-01-01", "2010-02-01")
    new = _rec("new", "2015-01-01", "2015-02-01")
    repeal = Relation("repeals", "other", "old", True, "《x》同时废止", effective="2012-07-01")
    assert status_as_of(old, [old, new], "2012-06-30", [repeal]).status == "in_force"
    assert status_as_of(old, [old, new], "2012-07-01", [repeal]).status == "repealed"
    assert status_as_of(old, [old, new], "2015-02-01", [repeal]).status == "superseded"


def test_one_edition_in_two_records_does_not_supersede_itself():
    standard = _rec("s", "2020-03", std_no="ISO 1:2020", work="std:ISO 1", doc_type="standard")
    listing = _rec("l", "2021-03-29", std_no="ISO 1:2020", work="std:ISO 1", doc_type="standard")
    assert status_as_of(standard, [standard, listing], "2022-01-01").status == "in_force"
    assert [r.kind for r in infer_relations([standard, listing])] == ["same_edition"]
    versions = [Version(r.id, r.work, r.issued, r.effective, "in_force", r.std_no, r.doc_type)
                for r in (standard, listing)]
    assert superseded_ids(versions) == set()


def test_superseded_ids_keeps_its_index_time_rule():
    versions = [Version("a", "w", "2000-01-01", None, "in_force"), Version("b", "w", "2010-01-01", None, "in_force"),
                Version("c", "w", "2005-01-01", None, "draft"), Version("d", "v", "2000-01-01", None, "in_force")]
    assert superseded_ids(versions) == {"a"}
    news = Version("n", "w", "2020-01-01", None, "in_force", doc_type="news")
    assert superseded_ids(versions + [news]) == {"a"}


# --- what the texts state ------------------------------------------------------------------

@pytest.mark.parametrize("text, titles, numbers, when", [
    ("第九十三条 本法自2013年7月1日起施行。《中华人民共和国外国人入境出境管理法》和《中华人民共和国公民出境入境管理法》同时废止。",
     ("中华人民共和国外国人入境出境管理法", "中华人民共和国公民出境入境管理法"), (), "effective"),
    ("本法自1999年10月1日起施行。1990年12月24日国务院发布、1994年10月9日国务院修订发布的《行政复议条例》同时废止。",
     ("行政复议条例",), (), "effective"),
    ("第三条 自本条例施行之日起，《稀土试验许可暂行办法》同时废止。", ("稀土试验许可暂行办法",), (), "effective"),
    ("经学会批准，决定废止T/CSRE 10003—2021《钐钴永磁体表面防护涂层》，自2024年7月1日起不再执行。",
     (), ("T/CSRE 10003-2021",), "2024-07-01"),
    ("自本公告发布之日起，下列标准废止，不再作为依据。\n序号 标准编号\n12 XB/T 405-2000 钐钴1：5型永磁合金粉",
     (), ("XB/T 405-2000",), "issued"),
    ("根据《行业标准管理办法》和标准复审结果，决定废止《钐钴1：5型永磁合金粉》等若干项行业标准。",
     ("钐钴1：5型永磁合金粉",), (), "effective"),
])
def test_repeal_statements(text, titles, numbers, when):
    (claim,) = repeal_claims(Record(id="r", path="r.md", title="r", text=text))
    assert (claim.titles, claim.numbers, claim.when) == (titles, numbers, when)


@pytest.mark.parametrize("text", [
    "已按废止标准签订的合同，由当事人按照合同约定执行。",
    "规章与法律相抵触的，由国务院予以改变或者撤销。",
    "根据《中华人民共和国立法法》，制定本条例。",
])
def test_not_repeal_statements(text):
    assert repeal_claims(Record(id="r", path="r.md", title="r", text=text)) == []


@pytest.mark.parametrize("text, expected", [
    ("GB/T 44108.1—2024/ISO 22444-1:2020\n(ISO 22444-1:2020, IDT)", [("ISO 22444-1:2020", "IDT")]),
    ("本标准修改采用ISO 12345:2011《稀土试验词汇》。", [("ISO 12345:2011", "MOD")]),
    ("本文件与ISO 22444-1:2020相比，做了下列编辑性改动", []),
    ("本标准参考ISO 9001:2015编制。", []),
])
def test_adoption_statements(text, expected):
    record = Record(id="s", path="s.md", title="s", doc_type="standard", text=text)
    assert [(c.numbers[0], c.degree) for c in adoption_claims(record)] == expected


# --- the bundled corpus ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus_ix(corpus_index):
    return Store(corpus_index).open()


def test_bundled_chain_with_stated_replacements(corpus_ix):
    h = history(corpus_ix, "GB/T 13560", "2026-11-29")
    assert [(h.labels[e.record.id], e.status.status) for e in h.entries] == [
        ("GB/T 13560-2000", "superseded"), ("GB/T 13560-2009", "superseded"), ("GB/T 13560-2017", "in_force")]
    assert [(e.previous.kind, e.previous.stated) for e in h.entries[1:]] == [("replaces", True)] * 2
    outside = [r for r in h.relations if r.kind == "replaces" and not r.indexed]
    assert [(r.source_label, r.target) for r in outside] == [("GB/T 13560-2000", "GB/T 13560-1992")]


def test_bundled_notice_repeal_waits_for_the_replacing_standard(corpus_ix):
    """SAC's 2017 announcement: 自实施之日起，GB/T 13560-2009…废止 — from 2018-05-01, not its own date."""
    (rel,) = [r for r in history(corpus_ix, "GB/T 13560").relations if r.kind == "repeals"]
    assert rel.effective == "2018-05-01"
    assert chain(corpus_ix, "GB/T 13560", "2018-04-30")[1] == ("GB/T 13560-2009", "in_force")


def test_bundled_draft_to_final(corpus_ix):
    h = history(corpus_ix, "稀土管理条例", "2026-11-29")
    assert [(e.record.doc_no, e.status.status) for e in h.entries] == [(None, "draft"), ("国务院令第785号", "in_force")]
    assert h.entries[1].previous.kind == "draft_to_final"
    assert chain(corpus_ix, "稀土管理条例", "2024-09-30")[1][1] == "upcoming"
    assert chain(corpus_ix, "稀土管理条例", "2024-10-01")[1][1] == "in_force"


def test_bundled_adoption_and_renumbering(corpus_ix):
    (adopts,) = relations(corpus_ix, "GB/T 44108.1-2024", "adopts")
    assert (adopts.target_label, adopts.degree, adopts.indexed) == ("ISO 22444-1:2020", "IDT", True)
    (renumbered,) = relations(corpus_ix, "GB/T 18115.8", "replaces")
    assert (renumbered.target, renumbered.indexed) == ("GB/T 18115.7-2000", False)


def test_bundled_group_standard_repealed_from_the_stated_day(corpus_ix):
    assert chain(corpus_ix, "T/CSRE 10003", "2024-06-30") == [("T/CSRE 10003-2021", "in_force")]
    assert chain(corpus_ix, "T/CSRE 10003", "2024-07-01") == [("T/CSRE 10003-2021", "repealed")]


def test_news_citing_an_iso_standard_is_not_a_version_of_it(corpus_ix):
    # The English news item lists ISO 22444-1:2020 in its text; the standard's history
    # holds the standard alone (same_edition itself is tested above).
    h = history(corpus_ix, "ISO 22444-1")
    assert [e.record.std_no for e in h.entries] == ["ISO 22444-1:2020"]
    assert {e.status.status for e in h.entries} == {"in_force"}
