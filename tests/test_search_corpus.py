"""End to end on the bundled corpus: index it, then search it the way an analyst would."""
import json

import pytest

from indexer.textfold import fold
from conftest import run


def search(index, *args) -> dict:
    # Exact matching is what these tests check; translation has its own tests.
    result = run("search", *args, "--index", index, "--format", "json", "--limit", "500", "--no-translate")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def ids(data: dict) -> set[str]:
    return {hit["id"] for hit in data["hits"]}


def containing(records, needle: str) -> set[str]:
    """Records whose title or text contains the needle, compared after folding."""
    needle = fold(needle)
    return {r["id"] for r in records
            if needle in fold(" ".join(filter(None, [r["title"], r.get("title_en"), r["text"]])))}


def test_index_reports_every_file(corpus_index):
    from indexer.index.store import Store

    meta = Store(corpus_index).meta()
    assert meta["count"] >= 120


@pytest.mark.parametrize("element", list("镧铈镨钕钐铕钆铽镝钬铒铥镱镥钪钇"))
def test_single_character_finds_every_document_containing_it(corpus_index, corpus_records, element):
    expected = containing(corpus_records, element)
    assert expected, f"the corpus should mention {element}"
    assert ids(search(corpus_index, element)) == expected


@pytest.mark.parametrize("word", ["钕铁硼", "稀土永磁", "总量控制", "出口管制", "征求意见稿"])
def test_multi_character_query_matches_adjacent_characters_only(corpus_index, corpus_records, word):
    found = ids(search(corpus_index, word))
    assert found == containing(corpus_records, word)
    scattered = {r["id"] for r in corpus_records
                 if all(c in fold(r["text"]) for c in word)} - found
    assert scattered or len(word) > 3, "some document has the characters apart"


@pytest.mark.parametrize("traditional, simplified", [("釹鐵硼", "钕铁硼"), ("標準", "标准"), ("鏑", "镝")])
def test_traditional_and_simplified_match_both_ways(corpus_index, traditional, simplified):
    assert ids(search(corpus_index, traditional)) == ids(search(corpus_index, simplified))


def test_traditional_document_found_by_simplified_query(corpus_index, corpus_records):
    hant = {r["id"] for r in corpus_records if r["lang"] == "zh-Hant" and "鏑" in r["text"]}
    assert hant and hant <= ids(search(corpus_index, "镝"))


def test_full_width_query_matches_half_width_text(corpus_index):
    assert ids(search(corpus_index, "ＧＢ／Ｔ　１３５６０")) == ids(search(corpus_index, "GB/T 13560"))


def test_english_is_case_folded_and_stemmed(corpus_index):
    assert ids(search(corpus_index, "Magnets")) == ids(search(corpus_index, "magnet"))
    assert ids(search(corpus_index, "magnet"))


@pytest.mark.parametrize("query", ["GB/T 13560-2017", "GB/T13560-2017", "GBT 13560-2017",
                                   "GB/T 13560—2017", "ＧＢ／Ｔ　１３５６０－２０１７"])
def test_exact_standard_number_ranks_first(corpus_index, query):
    assert search(corpus_index, query)["hits"][0]["std_no"] == "GB/T 13560-2017"


def test_code_without_year_finds_every_version_first(corpus_index):
    hits = search(corpus_index, "GB/T 13560")["hits"]
    assert {h["std_no"] for h in hits[:3]} == {"GB/T 13560-2000", "GB/T 13560-2009", "GB/T 13560-2017"}


def test_parts_are_separate_standards(corpus_index):
    hits = search(corpus_index, "GB/T 18115.1")["hits"]
    top = [h["std_no"] for h in hits if h["std_no"]][:2]
    assert all(no.startswith("GB/T 18115.1-") for no in top)


def test_document_number_ranks_first(corpus_index):
    assert search(corpus_index, "国务院令第785号")["hits"][0]["doc_no"] == "国务院令第785号"


@pytest.mark.parametrize("issuer", ["MIIT", "工信部", "工业和信息化部", "Ministry of Industry and Information Technology"])
def test_issuer_filter_by_any_name(corpus_index, issuer):
    data = search(corpus_index, "稀土", "--issuer", issuer)
    assert data["hits"]
    assert all("MIIT" in {i["id"] for i in hit["issuers"]} for hit in data["hits"])


def test_issuer_filter_follows_former_names(corpus_index, corpus_records):
    # A standard issued by AQSIQ is filed under SAMR, its successor.
    by_aqsiq = ids(search(corpus_index, "稀土", "--issuer", "国家质量监督检验检疫总局"))
    assert by_aqsiq == ids(search(corpus_index, "稀土", "--issuer", "SAMR"))


@pytest.mark.parametrize("option, field, value", [
    ("--type", "doc_type", "standard"), ("--type", "doc_type", "policy"),
    ("--type", "doc_type", "standard_notice"), ("--type", "doc_type", "news"),
    ("--status", "status", "superseded"), ("--status", "status", "in_force"),
    ("--lang", "lang", "en"), ("--lang", "lang", "zh-Hant"),
])
def test_filters(corpus_index, corpus_records, option, field, value):
    data = search(corpus_index, "rare OR 稀土", option, value)
    assert data["hits"] and all(hit[field] == value for hit in data["hits"])
    everything = ids(search(corpus_index, "rare OR 稀土"))
    assert ids(data) == {r["id"] for r in corpus_records if r[field] == value and r["id"] in everything}


def test_status_as_of_today_applies_repeals_stated_elsewhere(corpus_index, corpus_records):
    # 稀土行业准入条件 (2012) says nothing of its repeal; the 2016 规范条件 in the corpus repeals it.
    access = next(r for r in corpus_records if r["title"] == "稀土行业准入条件")
    assert access["status"] == "repealed"
    assert access["provenance"]["fields"]["status"]["rule"].startswith("lineage:as-of")
    hit = search(corpus_index, "稀土行业准入条件")["hits"][0]
    assert (hit["id"], hit["status"]) == (access["id"], "repealed")
    on_the_day_before = search(corpus_index, "稀土行业准入条件", "--as-of", "2012-08-01")["hits"][0]
    assert (on_the_day_before["id"], on_the_day_before["status"]) == (access["id"], "in_force")


def test_date_range_filter(corpus_index):
    data = search(corpus_index, "稀土", "--since", "2023-01-01", "--until", "2024-12-31")
    assert data["hits"]
    assert all("2023-01-01" <= hit["issued"][:10] <= "2024-12-31" for hit in data["hits"])


def test_year_and_month_bounds_are_inclusive(corpus_index):
    whole_year = search(corpus_index, "稀土", "--since", "2024", "--until", "2024")
    assert whole_year["hits"] and all(h["issued"].startswith("2024") for h in whole_year["hits"])
    june = search(corpus_index, "稀土", "--since", "2024-06", "--until", "2024-06")
    assert "国务院令第785号" in {h["doc_no"] for h in june["hits"]}


def test_std_filter(corpus_index):
    data = search(corpus_index, "烧结", "--std", "GB/T 13560")
    assert {h["std_no"] for h in data["hits"]} == {"GB/T 13560-2000", "GB/T 13560-2009", "GB/T 13560-2017"}


def test_issue_example_query(corpus_index):
    data = search(corpus_index, "镝", "--issuer", "MIIT", "--since", "2023-01-01")
    assert data["hits"]
    for hit in data["hits"]:
        assert hit["issued"] >= "2023-01-01" and "MIIT" in {i["id"] for i in hit["issuers"]}


def test_facets_count_every_match(corpus_index):
    data = search(corpus_index, "稀土")
    assert sum(data["facets"]["doc_type"].values()) == data["total"]
    assert sum(data["facets"]["issuer"].values()) >= data["total"] - data["facets"]["doc_type"].get("news", 0)
    years = data["facets"]["year"]
    assert all(len(year) == 4 for year in years)


def test_snippets_highlight_the_phrase(corpus_index):
    hit = search(corpus_index, "钕铁硼")["hits"][0]
    start, end = hit["highlights"][0]
    assert fold(hit["snippet"][start:end]) == "钕铁硼"


def test_sort_by_date(corpus_index):
    from indexer.index.schema import to_datetime

    issued = [to_datetime(h["issued"]) for h in search(corpus_index, "稀土", "--sort", "date")["hits"]
              if h["issued"]]
    assert issued == sorted(issued, reverse=True)


def test_table_output_shows_hits_and_facets(corpus_index):
    result = run("search", "钕铁硼", "--index", corpus_index, "--limit", "3", "--ui", "en")
    assert result.exit_code == 0
    assert "matches" in result.stdout and "doc_type:" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when not a terminal


def test_corpus_has_every_doc_type_status_and_language(corpus_records):
    assert {r["doc_type"] for r in corpus_records} == {"standard", "standard_notice", "policy", "news"}
    assert {r["status"] for r in corpus_records} >= {"draft", "upcoming", "in_force", "superseded",
                                                     "repealed", "unknown"}
    assert {r["lang"] for r in corpus_records} == {"zh-Hans", "zh-Hant", "en"}
    assert {r["provenance"]["encoding"] for r in corpus_records} >= {"utf-8", "utf-8-sig", "utf-16", "gb18030"}


def test_mojibake_page_is_repaired_and_says_so(corpus_records):
    damaged = [r for r in corpus_records if any("thai-mojibake" in x for x in r["provenance"]["repairs"])]
    assert damaged
    for record in damaged:
        assert "โ" not in record["text"] and "ยฉ" not in record["text"]
        assert "’" in record["text"] or "—" in record["text"]


def test_date_without_year_is_not_stored(corpus_records):
    yearless = [r for r in corpus_records if any("without a year" in w for w in r["provenance"]["warnings"])]
    undated = [r for r in yearless if r["issued"] is None]
    assert undated, "a document whose only date has no year keeps issued empty"


def test_gb_pages_with_wrong_or_missing_declaration_read_cleanly(corpus_records):
    for record in corpus_records:
        assert "\ufffd" not in record["text"], record["path"]
    noted = [r for r in corpus_records if any("declared charset" in x for x in r["provenance"]["repairs"])]
    assert noted


def test_draft_joins_the_work_of_the_final_text(corpus_records):
    regs = [r for r in corpus_records if r["work"] == "doc:稀土管理条例"]
    assert {r["status"] for r in regs} == {"draft", "in_force"}
    final = next(r for r in regs if r["status"] == "in_force")
    assert (final["doc_no"], final["issued"], final["effective"]) == ("国务院令第785号", "2024-06-22", "2024-10-01")
    assert [i["id"] for i in final["issuers"]] == ["STATE_COUNCIL"]


def test_version_chain_statuses(corpus_records):
    chain = sorted((r["std_no"], r["status"]) for r in corpus_records if r["work"] == "std:GB/T 13560")
    assert chain == [("GB/T 13560-2000", "superseded"), ("GB/T 13560-2009", "superseded"),
                     ("GB/T 13560-2017", "in_force")]
    latest = next(r for r in corpus_records if r["std_no"] == "GB/T 13560-2017")
    assert latest["replaces"] == ["GB/T 13560-2009"]


def test_former_issuer_name_shown_for_old_version(corpus_records):
    old = next(r for r in corpus_records if r["std_no"] == "GB/T 13560-2009")
    samr = next(i for i in old["issuers"] if i["id"] == "SAMR")
    assert samr["name_zh"] == "国家市场监督管理总局"
    assert samr["named_zh"] == "国家质量监督检验检疫总局"
