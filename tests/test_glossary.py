"""The bilingual glossary: the bundled data, the loader's checks, user files, title glosses
and the display labels."""
import json
import re
from pathlib import Path

import jsonschema
import pytest

from conftest import REPO, run
from indexer.errors import UsageError
from indexer.extract.glossary import (CATEGORIES, GLOSSARY_ENV, labels, load_glossary,
                                      read_glossary_file, ui_from_locale)
from indexer.record import DOC_TYPES, LANGS, STATUSES

GLOSSARY = REPO / "schemas" / "glossary.json"
SCHEMA = REPO / "schemas" / "glossary.schema.json"
ELEMENTS = {"镧": "La", "铈": "Ce", "镨": "Pr", "钕": "Nd", "钷": "Pm", "钐": "Sm", "铕": "Eu", "钆": "Gd",
            "铽": "Tb", "镝": "Dy", "钬": "Ho", "铒": "Er", "铥": "Tm", "镱": "Yb", "镥": "Lu", "钪": "Sc",
            "钇": "Y"}


def bundled() -> dict:
    return json.loads(GLOSSARY.read_text("utf-8"))


def test_bundled_glossary_matches_its_schema():
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(bundled(), schema)
    assert tuple(schema["$defs"]["entry"]["properties"]["category"]["enum"]) == CATEGORIES


def test_bundled_glossary_is_large_and_complete():
    entries = bundled()["entries"]
    assert len(entries) >= 200
    assert all(set(e) == {"zh", "en", "variants", "category"} for e in entries)
    by_zh = {e["zh"]: e for e in entries}
    for zh, symbol in ELEMENTS.items():
        assert by_zh[zh]["category"] == "element" and symbol in by_zh[zh]["variants"], zh
    for zh, en in [("钕铁硼", "NdFeB"), ("烧结", "sintered"), ("粘结", "bonded"), ("总量控制", "total quantity control"),
                   ("出口管制", "export control"), ("两用物项", "dual-use items"), ("追溯", "traceability"),
                   ("征求意见稿", "draft for comments"), ("代替", "replaces"), ("废止", "repeal"),
                   ("团体标准", "group standards"), ("冶炼分离", "smelting and separation")]:
        assert by_zh[zh]["en"] == en
    assert {e["category"] for e in entries} >= {"element", "material", "process", "policy", "document", "place"}


def test_issuers_come_from_the_registry_not_the_glossary():
    from indexer.extract.issuers import default_registry

    registry_names = {e.name_zh for e in default_registry().entries()}
    assert not registry_names & {e["zh"] for e in bundled()["entries"]}
    organisations = {t.issuer_id for t in load_glossary().terms if t.category == "organisation"}
    assert {"MIIT", "MOFCOM", "CSRE", "BAOGANG", "SAC_TC229"} <= organisations


# --- the loader's checks ------------------------------------------------------

GOOD_ENTRY = '{"zh": "派瑞林", "en": "parylene", "variants": ["Parylene coating"], "category": "material"}'


def glossary_file(tmp_path: Path, entries: str, head: str = '"version": 1,') -> Path:
    path = tmp_path / "mine.json"
    path.write_text("{\n  " + head + '\n  "entries": [\n' + entries + "\n  ]\n}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("entries, line, message", [
    ('    {"zh": "派瑞林", "en": "parylene" "category": "material"}', 4, "not valid JSON"),
    ('    ' + GOOD_ENTRY + ',\n    {"zh": "钐钴涂层", "category": "material"}', 5, "missing 'en'"),
    ('    {"zh": "派瑞林", "en": "parylene", "category": "material", "note": "x"}', 4, "unknown key(s) 'note'"),
    ('    {"zh": "派瑞林", "en": "parylene", "category": "metal"}', 4, '"category" must be one of'),
    ('    {"zh": "parylene", "en": "parylene", "category": "material"}', 4, '"zh" must be Chinese'),
    ('    {"zh": "派瑞林", "en": "派瑞林", "category": "material"}', 4, '"en" must be English'),
    ('    {"zh": "派瑞林", "en": "the", "category": "material"}', 4, "is a stopword"),
    ('    {"zh": "派瑞林", "en": "parylene", "variants": "Parylene", "category": "material"}', 4,
     '"variants" must be a list'),
    ('    {"zh": "派瑞林", "en": "parylene", "variants": ["--"], "category": "material"}', 4, "has no letters"),
    ('    ' + GOOD_ENTRY + ',\n\n    {"zh": "派瑞林", "en": "parylene C", "category": "material"}', 6,
     "already defined on line 4"),
    ('    {"zh": "鏑", "en": "dy", "category": "element"},\n    {"zh": "镝", "en": "dysprosium", "category": "element"}',
     5, "already defined on line 4"),  # the same term in the other script
    ('    ' + GOOD_ENTRY + ',\n    "派瑞林"', 5, "entry 1: expected an object"),
])
def test_bad_entry_is_reported_with_file_and_line(tmp_path, entries, line, message):
    path = glossary_file(tmp_path, entries)
    with pytest.raises(UsageError) as caught:
        load_glossary([path])
    assert str(caught.value).startswith(f"glossary {path}, line {line}: ")
    assert message in str(caught.value)


@pytest.mark.parametrize("head, message", [
    ('"version": 2,', '"version" must be 1'),
    ('"version": 1, "colour": "red",', "unknown key(s) 'colour'"),
    ('"version": 1, "stopwords": ["The"],', "'stopwords' must be a list"),
])
def test_bad_file_level_keys_are_reported_at_line_1(tmp_path, head, message):
    path = glossary_file(tmp_path, "    " + GOOD_ENTRY, head)
    with pytest.raises(UsageError, match=f"line 1: .*{re.escape(message)}"):
        read_glossary_file(path)


def test_missing_or_unreadable_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="cannot read"):
        load_glossary([tmp_path / "absent.json"])
    (tmp_path / "latin1.json").write_bytes("{\"version\": 1, \"entries\": []}\xe9".encode("latin-1"))
    with pytest.raises(UsageError, match="cannot read"):
        read_glossary_file(tmp_path / "latin1.json")


def test_bad_user_glossary_stops_search_with_exit_2(corpus_index, tmp_path, monkeypatch):
    path = glossary_file(tmp_path, "    " + GOOD_ENTRY + ',\n    {"zh": "钐钴涂层", "en": "", "category": "material"}')
    monkeypatch.setenv(GLOSSARY_ENV, str(path))
    result = run("search", "parylene", "--index", corpus_index)
    assert result.exit_code == 2
    assert f"glossary {path}, line 5: " in result.stderr and "Traceback" not in result.output


# --- user glossaries -----------------------------------------------------------

def test_user_glossary_from_the_environment_adds_terms(corpus_index, tmp_path, monkeypatch):
    before = json.loads(run("search", "parylene", "--index", corpus_index, "--format", "json").stdout)
    assert before["total"] == 0  # the corpus has 派瑞林 only in Chinese
    other = tmp_path / "other.json"
    other.write_text('{"version": 1, "entries": []}', encoding="utf-8")
    monkeypatch.setenv(GLOSSARY_ENV, str(glossary_file(tmp_path, "    " + GOOD_ENTRY)) + ":" + str(other))
    after = json.loads(run("search", "parylene", "--index", corpus_index, "--format", "json").stdout)
    assert after["total"] > 0 and "派瑞林" in after["expanded"]
    assert "notices/csre/csre-2024-06-repeal-smco-coating.html" in {h["path"] for h in after["hits"]}


def test_extra_paths_are_loaded_after_the_environment_and_win_the_gloss(tmp_path, monkeypatch):
    monkeypatch.delenv(GLOSSARY_ENV, raising=False)
    assert load_glossary().gloss("金属钐") == "samarium metal"
    path = glossary_file(tmp_path, '    {"zh": "金属钐", "en": "metallic samarium", "category": "material"}')
    mine = load_glossary([path])
    assert mine.gloss("金属钐") == "metallic samarium"
    assert len(mine) == len(load_glossary()) + 1


# --- glosses --------------------------------------------------------------------

@pytest.mark.parametrize("title, gloss", [
    ("烧结钕铁硼永磁材料", "sintered NdFeB permanent magnet materials"),
    ("氧化镝", "dysprosium oxide"),
    ("釹鐵硼", "NdFeB"),
    ("国务院令第785号", "State Council Decree 785"),
    ("关于征求《高纯氧化钇》团体标准（征求意见稿）意见的通知",
     "soliciting “high purity yttrium oxide” group standards (draft for comments) comments notice"),
    ("工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知",
     "Ministry of Industry and Information Technology · Ministry of Natural Resources allocation 2024 first batch "
     "rare earth mining, smelting and separation total quantity control quotas notice"),
    ("客戶簡報：內地對七種中重稀土實施出口管制",  # 七 (seven) is no term: marked, not dropped
     "client briefing: mainland … medium and heavy rare earths implementation export control"),
    ("甲乙丙", None),
    ("Rare earth — Vocabulary", None),
])
def test_title_gloss(title, gloss):
    assert load_glossary().gloss(title) == gloss


# --- labels and the interface language -------------------------------------------------

def test_labels_cover_every_value_in_both_languages():
    data = labels()
    for kind, values in (("doc_type", DOC_TYPES), ("status", STATUSES), ("lang", LANGS),
                         ("facet", ("issuer", "doc_type", "year"))):
        for value in values:
            assert data[kind][value]["en"] and data[kind][value]["zh"], (kind, value)
    for key in ("match", "matches", "showing", "seconds", "issued", "effective", "gloss", "expanded"):
        assert set(data["ui"][key]) == {"en", "zh"}


@pytest.mark.parametrize("env, ui", [
    ({}, "en"),
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LC_MESSAGES": "zh_HK.Big5", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh"}, "zh"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
])
def test_ui_language_from_locale(env, ui):
    assert ui_from_locale(env) == ui


def test_a_loaded_glossary_is_kept_in_the_cache_until_a_file_changes(tmp_path, monkeypatch):
    from indexer.extract import glossary

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(GLOSSARY_ENV, raising=False)
    path = glossary_file(tmp_path, '    {"zh": "金属钐", "en": "metallic samarium", "category": "material"}')
    glossary._load.cache_clear()
    assert load_glossary([path]).gloss("金属钐") == "metallic samarium"
    assert (tmp_path / "cache" / "stdidx" / "glossary.pickle").is_file()

    build = glossary._build

    def not_again(stamps):
        raise AssertionError("built again although nothing changed")

    monkeypatch.setattr(glossary, "_build", not_again)
    glossary._load.cache_clear()  # as a new process would
    assert load_glossary([path]).gloss("金属钐") == "metallic samarium"

    monkeypatch.setattr(glossary, "_build", build)
    path.write_text(path.read_text("utf-8").replace("metallic samarium", "samarium, metallic"), "utf-8")
    glossary._load.cache_clear()
    assert load_glossary([path]).gloss("金属钐") == "samarium, metallic"
    glossary._load.cache_clear()
