"""Queries as people type them: words read into concepts, matched best first."""
import json
from datetime import date
from pathlib import Path

import pytest

from conftest import REPO, run
from indexer.index.schema import make_schema
from indexer.index.store import Store
from indexer.query.bestmatch import CONDITION, TIER, relevance_of, tier_of
from indexer.query.concepts import read_query
from indexer.query.numbers import find_loose_numbers
from indexer.query.parse import build_query
from indexer.query.search import search
from indexer.query.segment import segment
from indexer.query.words import query_words, thesaurus, word_key
from indexer.query.translate import load_glossary

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def small_index(tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("docs")
    write(docs, "all.md", "# 稀土出口管制办法\n\n本办法规定稀土出口管制的许可程序。\n")
    write(docs, "two.md", "# 稀土出口统计\n\n今年稀土出口数量增加。\n")
    write(docs, "one.md", "# 钨矿管理\n\n钨矿出口另有规定。\n")
    write(docs, "none.md", "# 氧化钇\n\n本标准规定了氧化钇的要求。\n")
    index = tmp_path_factory.mktemp("ix") / "index"
    assert run("index", docs, "--index", index).exit_code == 0
    return index


def paths(res) -> list[str]:
    return [hit.record.path for hit in res.hits]


# --- reading a query ---------------------------------------------------------------

def test_domain_words_stay_whole_when_segmented():
    words = [w for _, _, w in segment("稀土开采总量控制指标征求意见稿")]
    assert "总量控制指标" in words and "征求意见稿" in words
    assert "钕铁硼" in [w for _, _, w in segment("钕铁硼回收利用")]


def test_the_words_inside_known_words_come_from_the_cache_as_the_segmenter_gives_them(tmp_path, monkeypatch):
    import subprocess
    import sys

    # A fresh cache, made by one process and read by the next, which must not load rjieba.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    code = ("import sys; from indexer.query.segment import subwords; "
            "print([w for _, _, w in subwords('电感耦合等离子体')], 'rjieba' in sys.modules)")
    made, kept = (subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                                 check=True).stdout.split("] ") for _ in range(2))
    assert (tmp_path / "stdidx" / "subwords.marshal").exists()
    assert made[0] == kept[0] and "等离子体" in made[0]
    assert kept[1].strip() == "False"


def test_a_query_of_known_words_does_not_load_the_segmenter(small_index):
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from indexer.index.store import Store; "
            "from indexer.query.search import search; ix = Store(Path(sys.argv[1])).open(); "
            "print([search(ix, q).total for q in sys.argv[2:]], 'rjieba' in sys.modules)")
    queries = [small_index, "出口管制", "稀土 出口", "钨矿"]
    subprocess.run([sys.executable, "-c", code, *queries], capture_output=True, cwd=REPO, check=True)  # the caches
    out = subprocess.run([sys.executable, "-c", code, *queries], capture_output=True, text=True, cwd=REPO,
                         check=True).stdout
    assert out.strip() == "[1, 3, 1] False"
    sentence = subprocess.run([sys.executable, "-c", code, small_index, "稀土出口管制的许可程序是什么"],
                              capture_output=True, text=True, cwd=REPO, check=True).stdout
    assert sentence.strip().endswith("True")


def test_pieces_cover_the_run_in_order():
    run_text = "请问稀土管理条例是什么时候发布的"
    pieces = segment(run_text)
    assert "".join(w for _, _, w in pieces) == run_text
    assert all(run_text[a:b] == w for a, b, w in pieces)


def test_question_words_are_dropped_and_topics_kept(glossary):
    reading = read_query("请问稀土管理条例是什么时候发布的", glossary, TODAY)
    assert "请问" in reading.dropped and "什么时候" in reading.dropped
    assert [c.written for c in reading.topics] == ["稀土管理条例"]
    assert [c.written for c in reading.concepts if c.role == CONDITION] == ["发布"]  # too common to require
    assert not any(c.written in ("请问", "的", "是") for c in reading.concepts)


@pytest.mark.parametrize("query, label", [
    ("2023年 稀土 配额", "issued 2023"),
    ("今年的稀土政策", "issued 2026"),
    ("去年发布的标准", "issued 2025"),
    ("近期 稀土", "issued since 2025-12-01"),
    ("现行的稀土标准", "status=in_force"),
    ("已废止的稀土文件", "status=repealed"),
    ("征求意见稿 稀土", "status=draft"),
    ("稀土 国家标准", "level=national"),
    ("稀土 团体标准", "level=group"),
    ("工信部 稀土", "issuer=MIIT"),
    ("rare earth standards in force", "status=in_force"),
    ("rare earth news last year", "issued 2025"),
    ("地方 稀土 政策", "level=local"),
    ("正在征求意见的稀土标准", "stage=comments-open, ~draft"),
    ("rare earth standards open for comment", "stage=comments-open, ~draft"),
    ("已废止的稀土标准", "status=repealed, ~repealed"),
    ("2025年4月 稀土 出口管制", "issued 2025-04, ~2025"),
    ("rare earth export licensing in Sept. 2025", "issued 2025-09, ~2025"),
    ("2027年1月实施的稀土标准", "effective 2027-01, ~2027"),
    ("local government rules on rare earths", "level=local"),
])
def test_words_that_are_filters_become_conditions(glossary, query, label):
    reading = read_query(query, glossary, TODAY)
    labels = [lbl for c in reading.concepts if c.role == CONDITION for lbl, _ in c.fields]
    assert any(lbl == label or lbl.startswith(label + ", ~") for lbl in labels), reading.explain()


def test_two_words_for_one_condition_are_one_condition_not_a_phrase(glossary, corpus_index):
    reading = read_query("尚未实施 即将生效", glossary, TODAY)
    assert [(c.role, [lbl for lbl, _ in c.fields]) for c in reading.concepts] == [(CONDITION, ["status=upcoming"])]
    res = search(Store(corpus_index).open(), "尚未实施 即将生效", today=TODAY)
    assert res.hits and all(h.record.status == "upcoming" for h in res.hits[:3]), paths(res)


def test_english_filter_words_are_compared_unstemmed(glossary):
    # "new" stems like "news": it is a weak word, not the news type
    reading = read_query("China's new rare earth regulations", glossary, TODAY)
    labels = [lbl for c in reading.concepts for lbl, _ in c.fields]
    assert not any(lbl.startswith("type=news") for lbl in labels), reading.explain()
    assert "s" in reading.dropped  # the possessive is no word
    reading = read_query("rare earth news", glossary, TODAY)
    assert any(lbl.startswith("type=news") for c in reading.concepts for lbl, _ in c.fields)


def test_two_words_for_one_condition_are_one_concept(glossary):
    reading = read_query("征求意见稿 草案 稀土", glossary, TODAY)
    drafts = [c for c in reading.concepts if [lbl for lbl, _ in c.fields] == ["status=draft"]]
    assert len(drafts) == 1 and "征求意见稿" in drafts[0].written and "草案" in drafts[0].written


def test_a_standard_notice_meets_a_search_for_standards_at_half_weight(glossary):
    from indexer.query.bestmatch import Graded

    concept = next(c for c in read_query("稀土 标准", glossary, TODAY).concepts if c.written == "标准")
    (label, q), = concept.fields
    assert isinstance(q, Graded) and "standard_notice" in label


def test_thesaurus_words_bring_their_glossary_equivalents(glossary):
    # testing ~ determination (thesaurus), determination = 测定 (glossary)
    forms = [t for t, _, _ in read_query("testing yttrium oxide", glossary, TODAY).concepts[0].forms]
    assert "determination" in forms and "测定" in forms


def test_an_english_phrase_of_the_thesaurus_is_read_as_one_word(glossary):
    # "entry rules" is one concept; "rules" alone would be a condition on the document type
    reading = read_query("the 2012 entry rules for mines", glossary, TODAY)
    phrase = next(c for c in reading.concepts if c.written == "entry rules")
    assert phrase.role != CONDITION
    assert any(not form.isascii() for form, _, _ in phrase.forms), phrase.describe()
    assert phrase.loose == ["entry rules"]  # its words apart still count
    assert "rules" not in [c.written for c in reading.concepts]


def test_a_glossary_term_outranks_a_thesaurus_phrase_of_the_same_words(glossary):
    # "rare earth" is both; the glossary's reading keeps its Chinese term
    concept = next(c for c in read_query("rare earth mines", glossary, TODAY).concepts if c.written == "rare earth")
    assert "稀土" in [form for form, _, _ in concept.forms]


def test_a_phrase_without_chinese_words_leaves_the_glossary_units_inside_it(glossary):
    # the group of "magnet scrap" is English only: magnet = 磁体 and scrap = 废料 stay
    written = [c.written for c in read_query("oxide recovered from magnet scrap", glossary, TODAY).concepts]
    assert "magnet scrap" not in written and "scrap" in written


def test_verbs_that_frame_a_question_rank_but_are_not_required(glossary):
    concepts = read_query("Which group standards are covered by the periodic review", glossary, TODAY).concepts
    roles = {c.written: c.role for c in concepts}
    assert roles["covered"] == CONDITION and roles["periodic review"] != CONDITION


def test_a_question_mark_ending_a_sentence_is_no_wildcard(glossary):
    asked = read_query("When did the rules on rare earth mining take effect?", glossary, TODAY)
    told = read_query("When did the rules on rare earth mining take effect", glossary, TODAY)
    assert [c.written for c in asked.concepts] == [c.written for c in told.concepts]
    assert "take effect" in [c.written for c in asked.concepts]


def test_a_chinese_term_finds_english_texts_that_say_its_words_apart(tmp_path, glossary):
    concept = read_query("总量控制指标 稀土", glossary, TODAY).concepts[0]
    assert any(len(text.split()) > 1 for text in concept.loose), concept.describe()
    docs = tmp_path / "docs"
    docs.mkdir()
    english = concept.loose[0].split()
    write(docs, "en.txt", f"Rare earth news. The {english[-1]} rose; {' and '.join(reversed(english[:-1]))} matter.")
    write(docs, "other.txt", "Rare earth prices rose in May.")
    ix = tmp_path / "ix"
    assert run("index", docs, "--index", ix).exit_code == 0
    res = search(Store(ix).open(), "总量控制指标 稀土", today=TODAY)
    assert paths(res)[0].endswith("en.txt")


def test_local_rules_are_found_by_the_kind_of_body_that_issued_them(corpus_index):
    from indexer.extract.issuers import default_registry, issuer_kinds
    from indexer.record import Issuer

    registry = default_registry()
    guessed = [Issuer("x-1", "江西省工业和信息化厅", "", registered=False),
               Issuer("x-2", "某某市场监督管理局", "", registered=False),
               Issuer("x-3", "", "Guangdong Provincial Department of Commerce", registered=False)]
    assert [issuer_kinds([i], registry) for i in guessed] == [["local_government"], [], ["local_government"]]
    res = search(Store(corpus_index).open(), "地方 稀土 政策", today=TODAY)
    kinds = issuer_kinds(res.hits[0].record.issuers, registry)
    assert set(kinds) & {"local_government", "local_legislature"}, paths(res)[:3]


def test_open_for_comment_ranks_calls_whose_deadline_has_not_passed(corpus_index):
    ix = Store(corpus_index).open()

    def open_calls(res, day):
        return [h.record.path for h in res.hits[:3]
                if any(e.stage == "comments" and e.deadline and e.deadline >= day for e in h.record.events)]

    before = search(ix, "rare earth standards open for comment", today=date(2026, 11, 1))
    assert open_calls(before, "2026-11-01"), paths(before)[:3]
    after = search(ix, "rare earth standards open for comment", today=date(2027, 6, 1))
    assert not open_calls(after, "2027-06-01")


def test_a_month_of_a_year_ranks_what_was_issued_that_month_first(corpus_index):
    res = search(Store(corpus_index).open(), "rare earth export controls April 2025", today=TODAY)
    issued = [h.record.issued or "" for h in res.hits[:5]]
    assert issued[0].startswith("2025-04"), paths(res)[:5]


def test_a_year_with_a_word_for_taking_effect_is_the_effective_year(glossary):
    reading = read_query("2027年实施的稀土标准", glossary, TODAY)
    year = next(c for c in reading.concepts if c.written == "2027")
    assert [label for label, _ in year.fields] == ["effective 2027", "issued 2027"]
    reading = read_query("2027年 稀土标准", glossary, TODAY)
    assert [label for c in reading.concepts if c.written == "2027" for label, _ in c.fields] == ["issued 2027"]


def test_a_query_of_conditions_needs_half_of_them(glossary):
    reading = read_query("现行国家标准", glossary, TODAY)
    assert not reading.topics and len(reading.concepts) == 2 and reading.minimum() == 1


@pytest.mark.parametrize("query, label", [
    ("gbt20892", "GB/T 20892 (every version and part)"),
    ("GB/T 18115", "GB/T 18115 (every version and part)"),
    ("xb/t 231", "XB/T 231 (every version and part)"),
    ("t-csre-10004", "T/CSRE 10004 (every version and part)"),
    ("gbt 13560-2017", "GB/T 13560-2017"),
    ("iso22444", "ISO 22444 (every version and part)"),
    ("785号令", "令第785号"),
    ("国务院785号令", "令第785号"),
    ("decree 785", "令第785号"),
    ("商务部 2025 61号", "2025年第61号"),
    ("MOFCOM announcement No. 62 of 2025", "2025年第62号"),
    ("GB 18115-6", "GB 18115.6 (every version and part)"),       # a part after a dash
    ("gb/t 18115 part 6", "GB/T 18115.6 (every version and part)"),
    ("GB/T 18115 第6部分", "GB/T 18115.6 (every version and part)"),
    ("iso 22444 part2", "ISO 22444-2 (every version and part)"),
    ("tcsre 20001-23", "T/CSRE 20001-2023"),                      # a year in two digits, or a part
])
def test_loose_numbers(query, label):
    found = [n.label for n in find_loose_numbers(query)]
    assert found == [label], found


def test_a_number_typed_loosely_ranks_its_document_above_words_of_the_text(corpus_index):
    """A pattern query's boost counts (Whoosh dropped it): the decree numbered 71 comes
    before a text that only shares another word of the query."""
    res = search(Store(corpus_index).open(), "三部委71号令", today=TODAY)
    assert res.hits and res.hits[0].record.doc_no.endswith("令第71号")


def test_query_vocabulary_files_match_their_schemas():
    jsonschema = pytest.importorskip("jsonschema")
    for name in ("query-words", "thesaurus"):
        data = json.loads((REPO / "schemas" / f"{name}.json").read_text("utf-8"))
        schema = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text("utf-8"))
        jsonschema.Draft202012Validator(schema).validate(data)
    assert query_words().drop and thesaurus().others("团标")


def test_thesaurus_groups_hold_each_word_once_in_its_written_form():
    # Rules the schema cannot state: one group per sense of a word, English in lower case.
    groups = json.loads((REPO / "schemas" / "thesaurus.json").read_text("utf-8"))["groups"]
    owner: dict[str, int] = {}
    for number, group in enumerate(groups):
        for term in group["terms"]:
            assert owner.setdefault(word_key(term), number) == number, (term, groups[owner[word_key(term)]]["terms"])
            assert group["lang"] != "en" or term == term.lower(), term
            assert group["lang"] != "zh" or not term.isascii(), term


# --- matching best first ----------------------------------------------------------

def test_documents_with_every_word_come_first_then_most(small_index):
    ix = Store(small_index).open()
    res = search(ix, "稀土 出口 管制", today=TODAY)
    assert paths(res)[0] == "all.md"
    assert paths(res)[1] == "two.md"  # two of three words
    assert "none.md" not in paths(res)
    assert res.complete == 1 and res.total >= 2
    assert [h.partial for h in res.hits][:2] == [False, True]


def test_a_sentence_finds_what_a_keyword_query_finds(small_index):
    ix = Store(small_index).open()
    sentence = search(ix, "请问稀土出口管制有哪些规定", today=TODAY)
    assert paths(sentence)[0] == "all.md"
    literal = search(ix, "请问稀土出口管制有哪些规定", literal=True, today=TODAY)
    assert literal.total == 0  # as written, the sentence stands in no document


def test_minimum_should_match_leaves_out_documents_with_too_few_words(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(10):
        write(docs, f"close-{n}.md", f"# 稀土出口统计{n}\n\n稀土出口数量第{n}期。\n")
    write(docs, "one.md", "# 钨矿管理\n\n钨矿出口另有规定。\n")
    assert run("index", docs, "--index", tmp_path / "ix").exit_code == 0
    res = search(Store(tmp_path / "ix").open(), "稀土 出口 许可 程序", today=TODAY, limit=20)
    # four words: ten documents hold two of them, enough to leave out one.md with only 出口
    assert len(res.hits) == 10 and "one.md" not in paths(res)
    assert "then at least 2" in res.explanation


def test_too_few_close_matches_are_followed_by_documents_with_fewer_words(small_index):
    res = search(Store(small_index).open(), "稀土 出口 许可 程序", today=TODAY, limit=10)
    # two documents hold two or more of the four words: the page goes on with one.md (出口)
    assert paths(res) == ["all.md", "two.md", "one.md"]
    assert [h.partial for h in res.hits] == [False, True, True]
    assert "then at least 1" in res.explanation


def test_excluded_word(small_index):
    ix = Store(small_index).open()
    assert "all.md" not in paths(search(ix, "稀土 出口 -管制", today=TODAY))


def test_excluded_word_with_enough_complete_hits(corpus_index):
    # Enough documents hold every word, so only those are searched; deciding that once
    # asked the matchers for a block quality they do not have.
    from indexer.query.search import ENOUGH

    res = search(Store(corpus_index).open(), "稀土 -永磁 出口", today=TODAY, limit=50)
    assert res.total == res.complete >= ENOUGH


def test_tier_outranks_relevance(small_index):
    ix = Store(small_index).open()
    q, _ = build_query("稀土 出口 管制", ix.schema)
    with ix.searcher() as searcher:
        scores = {h["path"]: h.score for h in searcher.search(q, limit=None)}
    assert tier_of(scores["all.md"]) > tier_of(scores["two.md"])
    assert all(tier_of(score) <= q.full_tier and relevance_of(score) < TIER for score in scores.values())


def test_condition_words_rank_but_do_not_require(corpus_index):
    ix = Store(corpus_index).open()
    res = search(ix, "2023年 稀土 总量控制指标", today=TODAY)
    assert res.hits[0].record.issued.startswith("2023")
    assert any(not h.record.issued.startswith("2023") for h in res.hits)  # the others follow


def test_date_sort_puts_complete_hits_first_and_undated_last(corpus_index):
    ix = Store(corpus_index).open()
    res = search(ix, "稀土", sort="date", limit=500)
    dates = [h.record.issued for h in res.hits]
    assert dates[0] is not None and dates.index(None) > max(i for i, d in enumerate(dates) if d)
    literal = search(ix, "稀土", sort="date", limit=500, literal=True)
    assert literal.hits[0].record.issued is not None


def test_explain_shows_dropped_required_and_conditions(corpus_index):
    result = run("search", "请问2023年工信部的稀土配额有哪些", "--explain", "--index", corpus_index)
    assert result.exit_code == 0
    out = result.stdout
    assert "dropped: 请问" in out and "issued 2023" in out and "issuer=MIIT" in out
    assert "required: all" in out


def test_literal_keeps_every_word_required(corpus_index):
    data = json.loads(run("search", "稀土 zzqxv", "--literal", "--format", "json",
                          "--index", corpus_index).stdout)
    assert data["total"] == 0
    data = json.loads(run("search", "稀土 zzqxv", "--format", "json", "--index", corpus_index).stdout)
    assert data["total"] > 0 and all(h["partial"] for h in data["hits"])


def test_everyday_english_finds_chinese_through_the_dictionary(corpus_index, glossary):
    from indexer.query.dictionary import chinese_for

    assert "走私" in chinese_for("smuggling")
    reading = read_query("smuggling", glossary, TODAY)
    assert ("走私", 0.5, "dictionary") in reading.concepts[0].forms


def test_dictionary_cache_is_built_once(tmp_path, monkeypatch):
    from indexer.query import dictionary

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    dictionary.dictionary_maps.cache_clear()
    try:
        first = dictionary.dictionary_maps()
        cached = list((tmp_path / "stdidx").glob("cedict-en-*.marshal"))
        assert len(cached) == 1 and all(len(m) > 10_000 for m in first)
        dictionary.dictionary_maps.cache_clear()
        assert dictionary.dictionary_maps() == first
    finally:
        dictionary.dictionary_maps.cache_clear()


def test_chinese_words_find_english_through_the_dictionary(glossary):
    from indexer.query.dictionary import english_for

    # senses the word is usually meant in, not every sense the entry lists
    assert english_for("排放") == ("emit",)  # not its later senses
    assert english_for("碳足迹") == ("carbon footprint",)
    reading = read_query("走私 稀土", glossary, TODAY)
    assert ("smuggle", 0.5, "dictionary") in reading.concepts[0].forms


def test_a_chinese_word_alone_finds_exactly_the_texts_that_say_it(tmp_path, glossary):
    # 走私 is no glossary term; the dictionary's English for it (smuggle) is a guess: a word
    # searched alone finds what says it, as a word among others it finds the guesses too
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, "zh.txt", "海关通报稀土走私案件。")
    write(docs, "en.txt", "Rare earth gangs smuggle ore across the border.")
    ix = tmp_path / "ix"
    assert run("index", docs, "--index", ix).exit_code == 0
    alone = search(Store(ix).open(), "走私", today=TODAY)
    assert [Path(p).name for p in paths(alone)] == ["zh.txt"]
    among = search(Store(ix).open(), "稀土走私", today=TODAY)
    assert sorted(Path(p).name for p in paths(among)) == ["en.txt", "zh.txt"]


def test_a_concept_found_only_as_guessed_ranks_below_one_found_as_written(tmp_path, glossary):
    # Two texts hold 稀土 and one word for smuggling each: the Chinese word as typed, or the
    # English the dictionary gives for it. Both match every concept; as typed comes first.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Rare earth smuggling cases rose, customs said. " * 3, "utf-8")
    (docs / "b.txt").write_text("海关通报稀土走私案件。", "utf-8")
    ix = tmp_path / "ix"
    run("index", str(docs), "--index", str(ix))
    data = json.loads(run("search", "稀土走私", "--format", "json", "--index", str(ix)).stdout)
    assert [Path(h["path"]).name for h in data["hits"]] == ["b.txt", "a.txt"]


def test_build_query_of_words_is_best_match():
    from indexer.query.bestmatch import BestMatch

    q, reading = build_query("稀土 出口", make_schema())
    assert isinstance(q, BestMatch) and reading.minimum() == 1
    q, _ = build_query('"稀土" 出口', make_schema())
    assert not isinstance(q, BestMatch)  # explicit syntax: as written


def test_enough_documents_with_every_word_make_the_whole_result(tmp_path):
    from indexer.query.search import ENOUGH

    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(ENOUGH):
        write(docs, f"both{i:02}.md", f"# 稀土配额第{i}批\n\n稀土开采配额下达。\n")
    write(docs, "one.md", "# 配额\n\n配额另行通知。\n")
    index = tmp_path / "index"
    assert run("index", docs, "--index", index).exit_code == 0
    ix = Store(index).open()
    res = search(ix, "稀土 配额", today=TODAY, limit=50)
    assert res.total == res.complete == ENOUGH and "one.md" not in paths(res)
    write(docs, f"both{ENOUGH - 1:02}.md", "# 稀土\n\n开采。\n")  # one fewer with both words
    index = tmp_path / "index2"
    assert run("index", docs, "--index", index).exit_code == 0
    res = search(Store(index).open(), "稀土 配额", today=TODAY, limit=50)
    assert res.complete == ENOUGH - 1 and "one.md" in paths(res)  # now the page is filled


def test_cites_filters_by_the_numbers_a_text_cites(corpus_index, corpus_records):
    data = json.loads(run("search", "稀土", "--cites", "国务院令第785号", "--format", "json", "--limit", "500",
                          "--index", corpus_index).stdout)
    citing = {r["id"] for r in corpus_records if "国务院令第785号" in (r.get("references") or [])}
    assert citing and {h["id"] for h in data["hits"]} <= citing
    assert "国务院令第785号" not in {h["doc_no"] for h in data["hits"]}  # its own number is not a citation
    bad = run("search", "稀土", "--cites", "nonsense", "--index", corpus_index)
    assert bad.exit_code == 2 and "--cites" in bad.stderr


def test_a_word_that_only_ranks_counts_less_than_a_condition_the_record_meets(corpus_index):
    # "issued" in a text (印发) must not weigh as much as being issued by the State Council
    res = search(Store(corpus_index).open(), "issued by the State Council", today=TODAY)
    assert [i.id for i in res.hits[0].record.issuers] == ["STATE_COUNCIL"], paths(res)[:3]
