"""Query translation: which words become glossary terms, what they expand to, and how the
expanded query ranks."""
import json
import re

import pytest
from whoosh import query as Q

from conftest import run
from indexer.index.store import Store
from indexer.query.parse import BestOf, build_query
from indexer.query.translate import expand, load_glossary


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def units(glossary, text):
    return [(u.written, u.terms[0].zh if u.terms else None) for u in expand(text, glossary).units]


@pytest.mark.parametrize("query, expected", [
    # multi-word terms are one unit, however they are hyphenated, inflected or cased
    ("total quantity control", [("total quantity control", "总量控制")]),
    ("Total-Quantity Controls", [("Total-Quantity Controls", "总量控制")]),
    ("draft for comments", [("draft for comments", "征求意见稿")]),
    ("sintered NdFeB", [("sintered NdFeB", "烧结钕铁硼")]),
    ("sintered neodymium-iron-boron magnets",
     [("sintered neodymium-iron-boron", "烧结钕铁硼"), ("magnets", "磁体")]),
    ("dysprosium export control", [("dysprosium", "镝"), ("export control", "出口管制")]),
    # the longest reading wins over its parts
    ("rare earth permanent magnet materials", [("rare earth permanent magnet materials", "稀土永磁材料")]),
    # symbols: as written only
    ("Dy", [("Dy", "镝")]),
    ("NdFeB", [("NdFeB", "钕铁硼")]),
    ("ndfeb", [("ndfeb", "钕铁硼")]),  # long enough to be unambiguous in any case
    ("dy", []),
    ("DY", []),
    ("Dy2O3", [("Dy2O3", "氧化镝")]),
    ("Sc", [("Sc", "钪")]),
    ("SC", [("SC", "国务院")]),  # the registry's abbreviation of the State Council
    ("Eu", [("Eu", "铕")]),
    ("EU", [("EU", "欧盟")]),
    # a one-letter symbol only beside another element
    ("Y", []),
    ("Y Dy", [("Y", "钇"), ("Dy", "镝")]),
    ("type Y oxide", [("oxide", "氧化物")]),
    # function words are never terms
    ("in as la", []),
    # issuers come from the registry, in English, abbreviated and romanised
    ("MIIT", [("MIIT", "工业和信息化部")]),
    ("Ministry of Industry and Information Technology", [("Ministry of Industry and Information Technology", "工业和信息化部")]),
    ("Baogang", [("Baogang", "包头钢铁（集团）有限责任公司")]),
    ("Baotou", [("Baotou", "包头")]),
    ("Baotou Steel", [("Baotou Steel", "包头钢铁（集团）有限责任公司")]),
    ("Chinese Society of Rare Earths", [("Chinese Society of Rare Earths", "中国稀土学会")]),
    # Chinese: a run is one unit, in either script
    ("镝", [("镝", "镝")]),
    ("釹鐵硼", [("釹鐵硼", "钕铁硼")]),
    ("镝出口管制", [("镝出口管制", "镝")]),  # two terms: 镝 + 出口管制
    ("稀土的", []),  # 的 is no term: the run is searched as written
    # what the user wrote as syntax is left alone
    ('"export control"', []),
    ("title:dysprosium", []),
    ("NdFeB磁体", []),  # one word for the parser: a phrase of NdFeB and 磁体
])
def test_terms_found_in_queries(glossary, query, expected):
    assert units(glossary, query) == expected


def test_chinese_run_of_several_terms_keeps_its_phrase(glossary):
    unit = expand("镝出口管制", glossary).units[0]
    assert [p.written for p in unit.parts] == ["镝", "出口管制"]
    assert unit.render() == '(镝出口管制 OR (dysprosium "export control"))'


@pytest.mark.parametrize("query, explained", [
    # explicit syntax: searched as written, each glossary term with its equivalents
    ("镝 OR 铽", "(镝 OR dysprosium) OR (铽 OR terbium)"),
    ("NOT dysprosium", "NOT (dysprosium OR 镝)"),
    ('"export control" quota', '"export control" (quota OR 指标 OR indicators)'),
    # words: concepts, numbers with the fields they match
    ("the Dy of Tb", "(Dy OR 镝 OR dysprosium) (Tb OR 铽 OR terbium)"),
    ("GB/T 13560-2017 sintered", '("GB/T 13560-2017" OR {GB/T 13560-2017}) (sintered OR 烧结)'),
    ("国务院令第785号", '("国务院令第785号" OR {doc_no 国务院令第785号} OR {cited})'),
    ("the", "the"),  # a query of nothing but function words keeps them
])
def test_explanation_is_the_query_as_searched(glossary, query, explained):
    from indexer.index.schema import make_schema

    _, reading = build_query(query, make_schema(), glossary)
    assert reading.render() == explained


def test_words_keep_their_glossary_equivalents_first(glossary):
    from indexer.index.schema import make_schema

    _, reading = build_query("dysprosium export control", make_schema(), glossary)
    assert reading.render().startswith('(dysprosium OR 镝) ("export control" OR 出口管制')


def test_alternatives_leave_out_symbols_and_redundant_forms(glossary):
    unit = expand("dysprosium", glossary).units[0]
    assert "Dy" not in unit.alternatives  # "dy" would be searched case-folded
    mof = expand("MOFCOM", glossary).units[0]
    # 中华人民共和国商务部 adds nothing to 商务部: every text with it has 商务部
    assert "商务部" in mof.alternatives and "中华人民共和国商务部" not in mof.alternatives


def test_standard_numbers_are_untouched(glossary):
    from indexer.index.schema import make_schema

    q, reading = build_query("GB/T 13560-2017", make_schema(), glossary)
    assert [(c.written, [f for f, _, source in c.forms if source != "query"]) for c in reading.concepts] == \
        [("GB/T 13560-2017", [])]
    assert "std:gb/t 13560-2017" in str(q)


def test_each_term_is_one_best_of_group_and_not_keeps_its_sense(glossary):
    from indexer.index.schema import make_schema

    q, _ = build_query("NOT dysprosium 稀土", make_schema(), glossary)
    assert isinstance(q, Q.And)
    negated, rare_earth = q.subqueries
    assert isinstance(negated, Q.Not) and isinstance(negated.query, BestOf)
    assert isinstance(rare_earth, BestOf)
    q, _ = build_query("镝 OR 铽", make_schema(), glossary)
    assert isinstance(q, Q.Or) and all(isinstance(sub, BestOf) for sub in q.subqueries)


# --- ranking -------------------------------------------------------------------

FILLER = "本周市场平稳，各类产品价格变化不大，贸易商等待主管部门消息。"


@pytest.fixture(scope="module")
def two_language_index(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("rank") / "c"
    corpus.mkdir()
    # a.md says 镝 three times; b.md says 镝 once and "dysprosium" once.
    (corpus / "a.md").write_text("# 产品说明\n\n" + FILLER + ("镝" + FILLER) * 3, encoding="utf-8")
    (corpus / "b.md").write_text("# Notes 简评\n\n" + FILLER + "镝" + FILLER + " dysprosium prices.",
                                 encoding="utf-8")
    (corpus / "c.md").write_text("# Other\n\nDysprosium oxide was quoted in Europe, with terbium.",
                                 encoding="utf-8")
    for i in range(4):
        (corpus / f"f{i}.md").write_text(f"# 其他{i}\n\n" + FILLER * 2, encoding="utf-8")
    path = corpus.parent / "ix"
    assert run("index", corpus, "--index", path).exit_code == 0
    return path


def order(searcher, q) -> list[str]:
    return [hit["path"] for hit in searcher.search(q, limit=None)]


def test_matching_in_both_languages_does_not_outrank_a_better_match_in_one(two_language_index, glossary):
    ix = Store(two_language_index).open()
    q, _ = build_query("dysprosium", ix.schema, glossary)
    with ix.searcher() as searcher:
        summed = order(searcher, Q.Or(q.concepts[0].subqueries))
        ranked = order(searcher, q)
    # Adding up the two languages would put b.md (said twice, once in each) first ...
    assert summed.index("b.md") < summed.index("a.md")
    # ... but a.md says it more, in one language.
    assert ranked.index("a.md") < ranked.index("b.md")


def test_a_documents_score_is_its_best_alternative(corpus_index, glossary):
    # Whoosh's own DisjunctionMax credits a document with the score of the document the
    # other side stands on; each hit here must score exactly its best alternative.
    ix = Store(corpus_index).open()
    q = build_query("lutetium", ix.schema, glossary)[0].concepts[0]
    with ix.searcher() as searcher:
        alone = [{hit["path"]: hit.score for hit in searcher.search(sub, limit=None)} for sub in q.subqueries]
        hits = searcher.search(q, limit=None)
        assert len(hits) == len(set().union(*alone))
        for hit in hits:
            assert hit.score == pytest.approx(max(scores.get(hit["path"], 0.0) for scores in alone))
        top = searcher.search(q, limit=3)  # a page, as the CLI asks for
        assert [h["path"] for h in top] == [h["path"] for h in hits][:3]


@pytest.mark.parametrize("query, field, value", [
    ("GB/T 13560-2017 sintered NdFeB magnets", "std_no", "GB/T 13560-2017"),
    ("sintered NdFeB GB/T 13560-2009", "std_no", "GB/T 13560-2009"),
    ("国务院令第785号 rare earth regulations", "doc_no", "国务院令第785号"),
    ("export control 商务部公告2025年第61号", "doc_no", "商务部公告2025年第61号"),
])
def test_exact_numbers_still_rank_first(corpus_index, query, field, value):
    result = run("search", query, "--index", corpus_index, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["hits"][0][field] == value


def test_export_finds_what_search_finds(corpus_index):
    searched = run("search", "dysprosium export control", "--index", corpus_index, "--format", "json",
                   "--limit", "1000")
    exported = run("export", "dysprosium export control", "--index", corpus_index)
    search_ids = [hit["id"] for hit in json.loads(searched.stdout)["hits"]]
    export_ids = [json.loads(line)["id"] for line in exported.stdout.splitlines()]
    assert search_ids and export_ids == search_ids


def test_snippet_highlights_the_chinese_term_an_english_query_found(corpus_index):
    data = json.loads(run("search", "samarium metal", "--index", corpus_index, "--format", "json").stdout)
    top = data["hits"][0]
    assert top["std_no"] == "GB/T 2968-2008"
    assert any(re.fullmatch("金属钐", top["snippet"][a:b]) for a, b in top["highlights"])
