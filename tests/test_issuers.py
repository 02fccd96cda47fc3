"""Tests for the issuer registry (schemas/issuers.json) and its loader and matcher."""
from __future__ import annotations

import copy
import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.extract.issuers import (
    KINDS,
    IssuerMatch,
    Registry,
    RegistryError,
    clean_issuer_name,
    name_key,
    unregistered_id,
)

SCHEMAS = Path(__file__).parents[1] / "schemas"
REGISTRY_FILE = SCHEMAS / "issuers.json"
SCHEMA_FILE = SCHEMAS / "issuers.schema.json"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load(REGISTRY_FILE)


# --- the data ---------------------------------------------------------------

REQUIRED_IDS = [
    "STATE_COUNCIL", "NPC", "NPCSC", "MIIT", "MOFCOM", "NDRC", "MNR", "MEE", "SAMR", "SAC", "GAC",
    "MOST", "MOF", "SAT", "MEM", "MPS", "MOJ", "MOHRSS", "MOE", "MOT", "PBOC", "CSRC", "NHC", "NEA",
    "SAC_TC229", "CSRE", "ACREI", "CNIA", "BAOGANG", "NORTHERN_RE", "CHINA_RE_GROUP", "BRIRE",
    "ISO_TC298", "ISO", "NM_GOV", "NM_PCSC",
]


def test_registry_has_the_required_bodies(registry: Registry) -> None:
    ids = {entry.id for entry in registry.entries()}
    assert set(REQUIRED_IDS) <= ids
    assert len(ids) == len(registry.entries()) >= 60


@pytest.mark.parametrize("entry_id, former_zh, until", [
    ("MNR", "国土资源部", "2018-04-10"),
    ("MEE", "环境保护部", "2018-04-16"),
    ("SAMR", "国家质量监督检验检疫总局", "2018-04-10"),
    ("MEM", "国家安全生产监督管理总局", "2018-04-16"),
    ("NHC", "国家卫生和计划生育委员会", "2018-03-27"),
    ("NFRA", "中国银行保险监督管理委员会", "2023-05-18"),
])
def test_renamings_are_recorded(registry: Registry, entry_id: str, former_zh: str, until: str) -> None:
    entry = registry.get(entry_id)
    assert entry is not None
    assert (former_zh, until) in [(f.name_zh, f.until) for f in entry.former]


def test_parents_and_kinds(registry: Registry) -> None:
    assert registry.get("SAC_TC229").parent == "SAC"
    assert registry.get("SAC_TC229").kind == "committee"
    assert registry.get("ISO_TC298").parent == "ISO"
    assert registry.get("NPCSC").kind == "legislature"
    assert registry.get("NM_PCSC").kind == "local_legislature"
    assert registry.get("NM_GOV").kind == "local_government"
    assert registry.get("BAOGANG").kind == "company"
    # MIIT's raw-materials department is part of MIIT, not an issuer of its own.
    assert registry.resolve("原材料工业司") is None


def test_registry_file_matches_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    data = json.loads(REGISTRY_FILE.read_text(encoding="utf-8"))
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def test_schema_rejects_a_broken_entry() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    bad = {"version": 1, "issuers": [{"id": "lower", "name_zh": "某局", "name_en": "X", "kind": "ministry"}]}
    assert len(list(jsonschema.Draft202012Validator(schema).iter_errors(bad))) >= 1


def test_kinds_constant_matches_the_schema() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert tuple(schema["$defs"]["kind"]["enum"]) == KINDS


def test_default_location_loads_the_same_registry(registry: Registry) -> None:
    pytest.importorskip("indexer.resources")
    assert [e.id for e in Registry.load().entries()] == [e.id for e in registry.entries()]


# --- resolve ------------------------------------------------------------------

RESOLVE_CASES = [
    # by id, any case
    ("MIIT", "MIIT"), ("miit", "MIIT"), ("state_council", "STATE_COUNCIL"), ("SAC_TC229", "SAC_TC229"),
    # by Chinese and English name
    ("工业和信息化部", "MIIT"), ("国家发展和改革委员会", "NDRC"), ("全国人民代表大会常务委员会", "NPCSC"),
    ("Ministry of Industry and Information Technology", "MIIT"), ("Chinese Society of Rare Earths", "CSRE"),
    ("Association of China Rare Earth Industry", "ACREI"), ("Baotou Research Institute of Rare Earths", "BRIRE"),
    # by abbreviation
    ("工信部", "MIIT"), ("国家发展改革委", "NDRC"), ("全国人大常委会", "NPCSC"), ("SC", "STATE_COUNCIL"),
    ("SAC/TC 229", "SAC_TC229"), ("TC229", "SAC_TC229"), ("TC 229", "SAC_TC229"), ("稀土标委会", "SAC_TC229"),
    ("包钢", "BAOGANG"), ("包钢(集团)", "BAOGANG"), ("包钢（集团）", "BAOGANG"), ("Baotou Steel", "BAOGANG"),
    ("北方稀土", "NORTHERN_RE"), ("中国稀土集团", "CHINA_RE_GROUP"), ("ISO/TC 298", "ISO_TC298"),
    # traditional script
    ("國務院", "STATE_COUNCIL"), ("工業和信息化部", "MIIT"), ("包頭鋼鐵（集團）有限責任公司", "BAOGANG"),
    ("全國稀土標準化技術委員會", "SAC_TC229"),
    # full-width forms and stray spaces
    ("ＭＩＩＴ", "MIIT"), ("ＳＡＣ／ＴＣ　２２９", "SAC_TC229"), ("国  务  院", "STATE_COUNCIL"),
    ("  Ministry   of Commerce ", "MOFCOM"),
    # the state prefix and suffix
    ("中华人民共和国商务部", "MOFCOM"), ("中華人民共和國海關總署", "GAC"),
    ("中华人民共和国 国家标准化管理委员会", "SAC"),
    ("Ministry of Commerce of the People's Republic of China", "MOFCOM"),
    ("Ministry of Finance of the People’s Republic of China", "MOF"), ("The People's Bank of China", "PBOC"),
    # English case
    ("ministry of commerce", "MOFCOM"), ("MINISTRY OF ECOLOGY AND ENVIRONMENT", "MEE"),
    # former names resolve to the body as it is now
    ("国土资源部", "MNR"), ("MLR", "MNR"), ("环境保护部", "MEE"), ("MEP", "MEE"), ("环保部", "MEE"),
    ("国家质量监督检验检疫总局", "SAMR"), ("AQSIQ", "SAMR"), ("国家质检总局", "SAMR"),
    ("国家安全生产监督管理总局", "MEM"), ("国家卫生和计划生育委员会", "NHC"), ("银保监会", "NFRA"),
    # labels and seals as copied from a document
    ("发布单位：工业和信息化部（盖章）", "MIIT"), ("發佈單位：包頭稀土研究院", "BRIRE"),
]


@pytest.mark.parametrize("name, expected", RESOLVE_CASES)
def test_resolve(registry: Registry, name: str, expected: str) -> None:
    entry = registry.resolve(name)
    assert entry is not None, name
    assert entry.id == expected


@pytest.mark.parametrize("name", ["", "   ", "中华人民共和国", "某某稀土有限公司", "Sc2O3", "财政部门", "稀土"])
def test_resolve_unknown(registry: Registry, name: str) -> None:
    assert registry.resolve(name) is None


@pytest.mark.parametrize("name, former_zh", [
    ("国土资源部", "国土资源部"), ("MEP", "环境保护部"), ("工商总局", "国家工商行政管理总局"),
    ("自然资源部", None), ("MIIT", None),
])
def test_lookup_tells_former_names(registry: Registry, name: str, former_zh: str | None) -> None:
    hit = registry.lookup(name)
    assert hit is not None
    assert (hit.former.name_zh if hit.former else None) == former_zh


# --- find_in_text -------------------------------------------------------------

# (text, [(id, name as matched and tidied, former name_zh or None), ...])
FIND_CASES = [
    ("工业和信息化部 国家发展改革委 自然资源部关于印发《稀土开采和稀土冶炼分离总量控制管理暂行办法》的通知",
     [("MIIT", "工业和信息化部", None), ("NDRC", "国家发展改革委", None), ("MNR", "自然资源部", None)]),
    ("国土资源部令第5号", [("MNR", "国土资源部", "国土资源部")]),
    ("Baogang and the Chinese Society of Rare Earths (CSRE)",
     [("BAOGANG", "Baogang", None), ("CSRE", "Chinese Society of Rare Earths", None), ("CSRE", "CSRE", None)]),
    # longest match wins
    ("全国人民代表大会常务委员会公告", [("NPCSC", "全国人民代表大会常务委员会", None)]),
    ("国务院办公厅关于加强稀土行业管理的通知", [("GOSC", "国务院办公厅", None)]),
    ("中国北方稀土（集团）高科技股份有限公司与包钢集团", [
        ("NORTHERN_RE", "中国北方稀土（集团）高科技股份有限公司", None), ("BAOGANG", "包钢集团", None)]),
    # the state prefix is part of the match; a department is part of its ministry
    ("中华人民共和国工业和信息化部原材料工业司", [("MIIT", "中华人民共和国工业和信息化部", None)]),
    ("中华人民共和国 商务部 海关总署公告", [("MOFCOM", "中华人民共和国商务部", None), ("GAC", "海关总署", None)]),
    # spaced signatures, traditional script, full width
    ("国  务  院\n2011年5月10日", [("STATE_COUNCIL", "国务院", None)]),
    ("包頭鋼鐵（集團）有限責任公司與ＭＩＩＴ", [("BAOGANG", "包頭鋼鐵（集團）有限責任公司", None), ("MIIT", "ＭＩＩＴ", None)]),
    ("國家發展和改革委員會", [("NDRC", "國家發展和改革委員會", None)]),
    # former names
    ("环境保护部 国家质检总局 安监总局联合发布", [
        ("MEE", "环境保护部", "环境保护部"), ("SAMR", "国家质检总局", "国家质量监督检验检疫总局"),
        ("MEM", "安监总局", "国家安全生产监督管理总局")]),
    ("AQSIQ and SAC issued GB/T 12345", [
        ("SAMR", "AQSIQ", "国家质量监督检验检疫总局"), ("SAC", "SAC", None)]),
    # generic departments are not the ministry
    ("各级财政部门、商务部门、自然资源部门和生态环境部门", []),
    ("财政部 商务部门", [("MOF", "财政部", None)]),
    # acronyms: upper case, whole words
    ("Sc2O3 and Sc metal; sc; Misc. SCALE", []),
    ("approved by the SC in 2011.", [("STATE_COUNCIL", "SC", None)]),
    ("XMIIT MIITs MIIT's (MIIT)", [("MIIT", "MIIT", None), ("MIIT", "MIIT", None)]),
    ("SAC/TC229 and TC 229 and SAC/TC 999", [("SAC_TC229", "SAC/TC229", None), ("SAC_TC229", "TC 229", None)]),
    ("ISO/TC 298/SC 1 working group", [("ISO_TC298", "ISO/TC 298", None)]),
    ("ISO 22444 稀土术语", [("ISO", "ISO", None)]),
    # English names in any case, with the state suffix
    ("the MINISTRY OF COMMERCE of the People's Republic of China said",
     [("MOFCOM", "MINISTRY OF COMMERCE of the People's Republic of China", None)]),
    ("Ministry of\nNatural  Resources", [("MNR", "Ministry of Natural Resources", None)]),
    ("内蒙古自治区人民政府 内蒙古自治区人大常委会", [
        ("NM_GOV", "内蒙古自治区人民政府", None), ("NM_PCSC", "内蒙古自治区人大常委会", None)]),
    ("没有任何发布机关的文字", []),
    ("", []),
]


@pytest.mark.parametrize("text, expected", FIND_CASES)
def test_find_in_text(registry: Registry, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    matches = registry.find_in_text(text)
    got = [(m.entry.id, m.name, m.former.name_zh if m.former else None) for m in matches]
    assert got == expected
    for m in matches:
        assert clean_issuer_name(text[m.start:m.end]) == m.name


def _names(registry: Registry) -> list[str]:
    out: list[str] = []
    for entry in registry.entries():
        out += [entry.name_zh, entry.name_en, *entry.abbr, *entry.aliases]
        for former in entry.former:
            out += [former.name_zh, former.name_en, *former.abbr]
    return out


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_find_in_text_invariants(registry: Registry, data: st.DataObject) -> None:
    fillers = ["，", " ", "和", "的通知", "\n", " and ", "（", "）", "部门", "门", "2018年", "/", "X"]
    parts = data.draw(st.lists(st.sampled_from(_names(registry) + fillers), max_size=12))
    text = "".join(parts)
    matches = registry.find_in_text(text)
    last_end = 0
    for m in matches:
        assert isinstance(m, IssuerMatch)
        assert last_end <= m.start < m.end <= len(text)
        last_end = m.end
        # what was matched names the entry it was matched as
        hit = registry.lookup(text[m.start:m.end])
        assert hit is not None and hit.entry == m.entry and hit.former == m.former


def test_find_in_text_is_fast_enough(registry: Registry) -> None:
    sentence = ("为贯彻落实国务院关于促进稀土行业持续健康发展的若干意见，工业和信息化部、自然资源部、"
                "生态环境部和各地财政部门要加强监管，包钢集团和北方稀土执行总量控制指标。"
                "Quotas were issued by MIIT and the Ministry of Natural Resources. ")
    text = (sentence * (50_000 // len(sentence) + 1))[:50_000]
    registry.find_in_text("warm up")
    began = time.perf_counter()
    matches = registry.find_in_text(text)
    elapsed = time.perf_counter() - began
    assert len(matches) > 1000
    assert elapsed < 1.0  # about 5 ms on the project machine; the bound only catches blow-ups


# --- name_on ------------------------------------------------------------------

@pytest.mark.parametrize("entry_id, day, expected_zh, expected_en", [
    ("MNR", "2018-04-09", "国土资源部", "Ministry of Land and Resources"),
    ("MNR", "2018-04-10", "自然资源部", "Ministry of Natural Resources"),
    ("MNR", None, "自然资源部", "Ministry of Natural Resources"),
    ("MNR", "2012", "国土资源部", "Ministry of Land and Resources"),
    ("MNR", "2018-04", "国土资源部", "Ministry of Land and Resources"),  # a month stands for its first day
    ("MNR", "2018-05", "自然资源部", "Ministry of Natural Resources"),
    ("MNR", "2018-04-10T09:30:00", "自然资源部", "Ministry of Natural Resources"),
    ("MEE", "2015-01-01", "环境保护部", "Ministry of Environmental Protection"),
    ("MEE", "2020-06-30", "生态环境部", "Ministry of Ecology and Environment"),
    ("SAMR", "2017-12-29", "国家质量监督检验检疫总局",
     "General Administration of Quality Supervision, Inspection and Quarantine"),
    ("NHC", "2018-03-26", "国家卫生和计划生育委员会", "National Health and Family Planning Commission"),
    ("NHC", "2018-03-27", "国家卫生健康委员会", "National Health Commission"),
    ("NFRA", "2023-05-17", "中国银行保险监督管理委员会", "China Banking and Insurance Regulatory Commission"),
    ("MIIT", "2010-01-01", "工业和信息化部", "Ministry of Industry and Information Technology"),
])
def test_name_on(registry: Registry, entry_id: str, day: str | None, expected_zh: str, expected_en: str) -> None:
    assert registry.name_on(registry.get(entry_id), day) == (expected_zh, expected_en)


@pytest.mark.parametrize("day", ["last spring", "2018-13-01", "", "20180410", "2018-4-10", "2018-04-10x"])
def test_name_on_rejects_bad_dates(registry: Registry, day: str) -> None:
    with pytest.raises(ValueError):
        registry.name_on(registry.get("MNR"), day)


# --- validation ---------------------------------------------------------------

def _entry(ident: str, name_zh: str, **extra: object) -> dict[str, object]:
    return {"id": ident, "name_zh": name_zh, "name_en": f"Body {ident}", "kind": "government", **extra}


BASE = {"version": 1, "issuers": [_entry("AAA", "甲局", abbr=["甲"]), _entry("BBB", "乙局")]}


def _with(change) -> dict[str, object]:
    data = copy.deepcopy(BASE)
    change(data)
    return data


INVALID_CASES = [
    ("duplicate id", _with(lambda d: d["issuers"].append(_entry("AAA", "丙局"))),
     ["entry 2 (AAA)", "already used by entry 0"]),
    ("missing key", _with(lambda d: d["issuers"][1].pop("kind")), ["entry 1 (BBB)", "missing", "'kind'"]),
    ("missing id", _with(lambda d: d["issuers"][1].pop("id")), ["entry 1", "missing", "'id'"]),
    ("name claimed twice", _with(lambda d: d["issuers"][1].update(aliases=["甲局"])),
     ["entry 1 (BBB)", "'甲局'", "claimed by entry 0 (AAA)"]),
    ("name claimed twice across scripts and prefix",
     _with(lambda d: d["issuers"][1].update(abbr=["中華人民共和國甲局"])),
     ["entry 1 (BBB)", "claimed by entry 0 (AAA)"]),
    ("former name claimed by another entry",
     _with(lambda d: d["issuers"][1].update(former=[{"name_zh": "甲", "name_en": "Old", "until": "2018-04-10"}])),
     ["entry 1 (BBB)", "'甲'", "claimed by entry 0 (AAA)"]),
    ("id equal to another entry's name", _with(lambda d: d["issuers"][1].update(name_en="aaa")),
     ["entry 1 (BBB)", "claimed by entry 0 (AAA)"]),
    ("unknown kind", _with(lambda d: d["issuers"][0].update(kind="ministry")), ["entry 0 (AAA)", "'kind'"]),
    ("lower-case id", _with(lambda d: d["issuers"][0].update(id="aaa")), ["entry 0 (aaa)", "'id'"]),
    ("unknown key", _with(lambda d: d["issuers"][0].update(alias=["x"])), ["entry 0 (AAA)", "unknown", "'alias'"]),
    ("abbr not a list", _with(lambda d: d["issuers"][0].update(abbr="甲")), ["entry 0 (AAA)", "'abbr'"]),
    ("empty name", _with(lambda d: d["issuers"][0].update(name_en=" ")), ["entry 0 (AAA)", "'name_en'"]),
    ("bad until", _with(lambda d: d["issuers"][0].update(
        former=[{"name_zh": "旧局", "name_en": "Old", "until": "2018-02-30"}])),
     ["entry 0 (AAA)", "former 0", "2018-02-30"]),
    ("former without until", _with(lambda d: d["issuers"][0].update(
        former=[{"name_zh": "旧局", "name_en": "Old"}])), ["entry 0 (AAA)", "former 0", "'until'"]),
    ("unknown parent", _with(lambda d: d["issuers"][0].update(parent="ZZZ")), ["entry 0 (AAA)", "'ZZZ'"]),
    ("own parent", _with(lambda d: d["issuers"][0].update(parent="AAA")), ["entry 0 (AAA)", "parent"]),
    ("no issuers", {"version": 1, "issuers": []}, ["'issuers'"]),
    ("wrong version", {"version": 2, "issuers": BASE["issuers"]}, ["version"]),
    ("not an object", [_entry("AAA", "甲局")], ["expected an object"]),
]


@pytest.mark.parametrize("label, data, fragments", INVALID_CASES, ids=[c[0] for c in INVALID_CASES])
def test_invalid_registry(tmp_path: Path, label: str, data: object, fragments: list[str]) -> None:
    path = tmp_path / "issuers.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        Registry.load(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    for fragment in fragments:
        assert fragment in message, (label, message)


def test_small_valid_registry(tmp_path: Path) -> None:
    path = tmp_path / "issuers.json"
    path.write_text(json.dumps(BASE, ensure_ascii=False), encoding="utf-8")
    small = Registry.load(path)
    assert [e.id for e in small.entries()] == ["AAA", "BBB"]
    assert small.resolve("乙局").id == "BBB"
    assert [m.entry.id for m in small.find_in_text("甲局和乙局")] == ["AAA", "BBB"]


@pytest.mark.parametrize("content, fragment", [("{not json", "not valid JSON"), (None, "cannot read")])
def test_unreadable_registry(tmp_path: Path, content: str | None, fragment: str) -> None:
    path = tmp_path / "issuers.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(RegistryError, match=fragment):
        Registry.load(path)


def test_registry_error_is_a_value_error() -> None:
    assert issubclass(RegistryError, ValueError)


# --- unregistered bodies ------------------------------------------------------

@pytest.mark.parametrize("raw, cleaned", [
    ("发布单位：某某稀土有限公司（盖章）", "某某稀土有限公司"),
    ("發佈單位： 某某稀土有限公司（蓋章）。", "某某稀土有限公司"),
    ("　中华人民共和国　某某管理局　", "中华人民共和国某某管理局"),  # prefix kept for display
    ("某 某 稀 土 协 会，", "某某稀土协会"),
    ("Issued by: Ministry of Commerce.", "Ministry of Commerce"),
    ("Baotou Iron and Steel (Group) Co., Ltd.", "Baotou Iron and Steel (Group) Co., Ltd."),
    ("某某研究院(章)", "某某研究院"),
    ("“某某公司”", "某某公司"),
])
def test_clean_issuer_name(raw: str, cleaned: str) -> None:
    assert clean_issuer_name(raw) == cleaned


def test_unregistered_id_is_stable_across_spellings() -> None:
    variants = ["某某稀土有限公司", "中华人民共和国某某稀土有限公司", "某某稀土有限公司（盖章）",
                "某 某 稀 土 有 限 公 司", "發佈單位：某某稀土有限公司"]
    ids = {unregistered_id(v) for v in variants}
    assert len(ids) == 1
    (only,) = ids
    assert only.startswith("x-") and len(only) == 12
    assert unregistered_id("另一家稀土有限公司") != only
    assert unregistered_id("Some Rare Earth Co") == unregistered_id("SOME RARE EARTH CO")


def test_unregistered_id_needs_a_name() -> None:
    with pytest.raises(ValueError):
        unregistered_id("（盖章）")


def test_name_key_folds_spellings() -> None:
    assert name_key("中華人民共和國 工業和信息化部") == name_key("工业和信息化部")
    assert name_key("Ministry of Commerce of the People's Republic of China") == name_key("MINISTRY OF COMMERCE")
