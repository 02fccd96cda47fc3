"""English queries over the bundled corpus, most of whose documents are Chinese.

MEASURED lists, for each query, the documents it must find (by path under corpus/) and why
each is relevant. The figures: recall@10 (the share of a query's documents in its first ten
hits, averaged over queries) and the share of queries whose first hit is one of its
documents. Run `pytest -s tests/test_english_queries.py -k measured` to print them.
"""
import json

import pytest

from conftest import run
from indexer.index.store import Store
from indexer.query.search import search

MEASURED: dict[str, dict[str, str]] = {
    # --- element names and symbols ---
    "dysprosium": {
        "standards/xbt-215-2006.xml": "氟化镝, dysprosium fluoride: a dysprosium product standard",
        "standards/xbt-215-1995.xml": "the 1995 edition of the dysprosium fluoride standard",
        "standards/gbt-13558-2008.xml": "氧化镝, dysprosium oxide; a bare record with no English title",
        "news/en-2025-09-05-dysprosium-terbium-price-gap.md": "news on the dysprosium and terbium market",
        "news/zh-2025-09-weekly-heavy-rare-earth-prices.md": "镝铽价格: dysprosium prices in the headline",
    },
    "terbium": {
        "standards/tcsre-10004-2022.xml": "铽镝合金, terbium-dysprosium alloy standard",
        "notices/csre/csre-2022-05-comments-tbdy-diffusion-alloy.html": "draft of the terbium-dysprosium alloy standard",
        "notices/csre/csre-2022-09-release-tbdy-diffusion-alloy.html": "release of the terbium-dysprosium alloy standard",
        "news/en-2025-09-05-dysprosium-terbium-price-gap.md": "news on the dysprosium and terbium market",
        "news/zh-2025-09-weekly-heavy-rare-earth-prices.md": "镝铽价格: terbium prices in the headline",
    },
    "neodymium": {
        "standards/tcsre-10012-2024.xml": "再生氧化镨钕, recycled praseodymium-neodymium oxide",
        "standards/tw-gbt-20892-2020-hant.xml": "鐠釹金屬, praseodymium-neodymium metal",
        "standards/hk-gbt-18880-2012-hant.xml": "粘結釹鐵硼, bonded neodymium iron boron magnets",
        "standards/gbt-13560-2017.xml": "烧结钕铁硼, the sintered neodymium iron boron standard in force",
    },
    "neodymium metal": {
        "standards/tw-gbt-20892-2020-hant.xml": "鐠釹金屬, praseodymium-neodymium metal",
        "standards/iso-22444-2-2020.xml": "the vocabulary of rare earth metals defines neodymium metal",
    },
    "Dy Tb prices": {
        "news/en-2025-09-05-dysprosium-terbium-price-gap.md": "dysprosium and terbium prices, in English",
        "news/zh-2025-09-weekly-heavy-rare-earth-prices.md": "镝铽价格, dysprosium and terbium prices, in Chinese",
    },
    "lutetium oxide": {"standards/xbt-231-2019.xml": "氧化镥, the lutetium oxide standard"},
    "thulium oxide": {"standards/xbt-230-2019.xml": "氧化铥, the thulium oxide standard"},
    "scandium oxide": {"standards/gbt-13219-2018.xml": "氧化钪, the scandium oxide standard"},
    "gadolinium oxide": {"standards/gbt-2526-2008.xml": "氧化钆, gadolinium oxide; Chinese title only"},
    "samarium metal": {"standards/gbt-2968-2008.xml": "金属钐, samarium metal; Chinese title only"},
    "mischmetal": {
        "standards/gbt-4153-2008.xml": "混合稀土金属, mixed rare earth metal; Chinese title only",
        "standards/iso-22444-2-2020.xml": "defines mischmetal",
    },
    # --- materials and products ---
    "holmium iron alloy": {"standards/xbt-226-2015.xml": "钬铁合金, holmium-iron alloy"},
    "magnesium gadolinium master alloy": {"standards/yst-1171-2016.xml": "镁钆中间合金"},
    "aluminium scandium master alloy": {"standards/yst-1308-2019.xml": "铝钪中间合金"},
    "sintered NdFeB magnets": {
        "standards/gbt-13560-2000.xml": "烧结钕铁硼永磁材料, 2000 edition",
        "standards/gbt-13560-2009.xml": "烧结钕铁硼永磁材料, 2009 edition",
        "standards/gbt-13560-2017.xml": "烧结钕铁硼永磁材料, edition in force",
    },
    "bonded NdFeB": {"standards/hk-gbt-18880-2012-hant.xml": "粘結釹鐵硼永磁材料, in traditional script"},
    "rare earth oxide": {
        "standards/gbt-44108.1-2024.xml": "vocabulary part 1 covers oxides",
        "standards/iso-22444-1-2020.xml": "ISO vocabulary part 1: minerals, oxides and other compounds",
        "standards/gbt-18115.3-2000.xml": "稀土氧化物化学分析方法 in the title",
    },
    "recycled praseodymium-neodymium oxide": {
        "standards/tcsre-10012-2024.xml": "再生氧化镨钕, the standard",
        "notices/csre/csre-2024-03-comments-recycled-prnd-oxide.html": "its draft for comments",
        "notices/csre/csre-2024-09-release-recycled-prnd-oxide.html": "its release notice",
    },
    "high purity yttrium oxide": {
        "standards/tcsre-10001-2021.xml": "高纯氧化钇, the standard",
        "notices/csre/csre-2021-03-comments-high-purity-yttrium-oxide.html": "its draft for comments",
        "notices/csre/csre-2020-06-approval-first-batch.html": "approves 《高纯氧化钇》 as a project",
        "notices/csre/csre-2021-10-release-three-standards.html": "releases 《高纯氧化钇》 with two others",
    },
    "erbium chloride": {
        "standards/tcsre-20001-2023.xml": "高纯无水氯化铒, the standard",
        "notices/csre/csre-2023-08-comments-erbium-chloride.html": "its draft for comments",
        "notices/csre/csre-2023-12-release-erbium-chloride.html": "its release notice",
    },
    "cerium-based polishing powder": {
        "standards/tcsre-10002-2021.xml": "铈基稀土抛光粉, the standard",
        "notices/csre/csre-2021-04-comments-polishing-powder-smco-coating.html": "its draft for comments",
    },
    "samarium-cobalt coating": {
        "standards/tcsre-10003-2021.xml": "钐钴永磁体表面防护涂层, the standard",
        "notices/csre/csre-2024-06-repeal-smco-coating.html": "its repeal",
        "notices/csre/csre-2021-04-comments-polishing-powder-smco-coating.html": "its draft for comments",
    },
    "automotive exhaust catalysts": {"standards/xbt-505-2011.xml": "汽车尾气净化催化剂用铈锆复合氧化物"},
    "terbium-dysprosium alloy grain boundary diffusion": {
        "standards/tcsre-10004-2022.xml": "晶界扩散钕铁硼磁体用铽镝合金, the standard",
        "notices/csre/csre-2022-05-comments-tbdy-diffusion-alloy.html": "its draft for comments",
        "notices/csre/csre-2022-09-release-tbdy-diffusion-alloy.html": "its release notice",
    },
    "dismantling NdFeB magnets end-of-life motors": {
        "standards/tcsre-draft-ndfeb-motor-dismantling-2026.xml": "退役稀土永磁电机中钕铁硼磁体回收拆解技术规范",
        "notices/csre/csre-2026-10-comments-motor-magnet-dismantling.html": "its call for comments",
    },
    "carbon footprint rare earth permanent magnet materials": {
        "standards/tcsre-10018-2026.xml": "稀土永磁材料产品碳足迹核算方法, the standard",
        "notices/csre/csre-2026-06-comments-magnet-carbon-footprint.html": "its draft for comments",
        "notices/csre/csre-2026-09-release-magnet-carbon-footprint.html": "its release notice",
    },
    "ICP-MS industrial wastewater": {"standards/xbt-912-2021.xml": "稀土工业废水…电感耦合等离子体质谱法"},
    # --- policy terms ---
    "total quantity control": {
        "policy/quota-2019-batch1.txt": "下达…总量控制指标, 2019 first batch",
        "policy/quota-2021-batch2.html": "2021 second batch of total quantity control quotas",
        "policy/quota-2022-batch2.md": "2022 second batch",
        "policy/quota-2023-batch1.txt": "2023 first batch",
        "policy/quota-2023-batch3.txt": "2023 third batch",
        "policy/quota-2024-batch1.txt": "2024 first batch",
    },
    "total quantity regulation interim measures": {
        "policy/total-quantity-regulation-interim-measures-2025.txt": "总量调控管理暂行办法, final text",
        "policy/total-quantity-regulation-interim-measures-draft-2025.txt": "the same measures, draft",
        "news/en-2025-02-20-draft-quota-rules-imported-ore.txt": "English news on the draft measures",
        "news/en-2025-08-25-interim-measures-quota-rules-mojibake.txt": "English news on the final measures",
    },
    "mining smelting separation quota 2024": {
        "policy/quota-2024-batch1.txt": "2024年第一批稀土开采、冶炼分离总量控制指标",
        "news/en-2024-08-20-rare-earth-quota-growth-slows.md": "English news on the 2024 quotas",
    },
    "export control": {
        "policy/dual-use-items-export-control-regulations-2024.md": "两用物项出口管制条例",
        "policy/mofcom-2025-61-extraterritorial-rare-earth-items.md": "出口管制 of rare earth items abroad",
        "policy/mofcom-2025-62-rare-earth-technologies.txt": "出口管制 of rare earth technologies",
        "policy/mofcom-gac-2025-18-medium-heavy-rare-earths.html": "出口管制 of medium and heavy rare earths",
        "policy/mofcom-gac-2025-70-suspension.html": "suspends 出口管制 measures",
        "policy/zh-hant-tw-export-controls-explainer.txt": "稀土出口管制措施整理, traditional script",
        "policy/zh-hant-hk-brief-april-2025-export-controls.md": "實施出口管制, traditional script",
    },
    "dysprosium export control": {
        "policy/mofcom-gac-2025-18-medium-heavy-rare-earths.html": "the April 2025 controls name 镝",
        "policy/zh-hant-hk-brief-april-2025-export-controls.md": "brief on the seven controlled elements, 鏑 among them",
        "news/en-2025-04-04-export-controls-seven-rare-earths.html": "English news on the same controls",
    },
    "dual-use items": {
        "policy/dual-use-items-export-control-regulations-2024.md": "两用物项出口管制条例",
        "news/en-2024-10-19-dual-use-export-control-regulations.md": "English explainer of the regulations",
    },
    "Regulations on the Export Control of Dual-Use Items": {
        "policy/dual-use-items-export-control-regulations-2024.md": "the regulations themselves, in Chinese",
        "news/en-2024-10-19-dual-use-export-control-regulations.md": "English explainer of the regulations",
    },
    "traceability": {
        "policy/product-traceability-measures-2026.md": "稀土产品追溯管理办法",
        "notices/csre/acrei-2022-07-release-traceability-coding.html": "《稀土产品追溯编码规则》",
        "standards/iso-23664-2021.xml": "ISO 23664, traceability of rare earths",
    },
    "rare earth product traceability measures": {"policy/product-traceability-measures-2026.md": "稀土产品追溯管理办法"},
    "technology export catalogue": {
        "policy/technology-export-catalogue-2023-revision.md": "《中国禁止出口限制出口技术目录》",
        "news/en-2023-12-22-china-bans-magnet-technology-exports.html": "English news on the catalogue revision",
    },
    "rare earth management regulations": {
        "policy/rare-earth-management-regulations-2024.md": "稀土管理条例, final text",
        "policy/rare-earth-management-regulations-draft-2021.html": "稀土管理条例, 2021 draft",
        "policy/zh-hant-hk-summary-rare-earth-regulations.md": "《稀土管理條例》要點摘要",
        "news/en-2024-06-29-state-council-publishes-rare-earth-regulations.md": "English news on publication",
        "news/en-2024-10-01-rare-earth-regulations-take-effect.html": "English news on entry into force",
    },
    "rare earth management regulations draft for comments": {
        "policy/rare-earth-management-regulations-draft-2021.html": "稀土管理条例（征求意见稿）",
    },
    "pollutant discharge standard rare earth industry": {
        "policy/mep-announcement-gb26451-2011.html": "《稀土工业污染物排放标准》",
    },
    "suspension of rare earth exploration": {
        "policy/mlr-rare-earth-exploration-suspension-2012.txt": "继续暂停受理稀土…勘查采矿登记申请",
    },
    "State Council opinions sustainable development rare earth industry": {
        "policy/state-council-opinions-rare-earth-2011.md": "国务院关于促进稀土行业持续健康发展的若干意见",
    },
    "rare earth industry development plan": {"policy/industry-development-plan-2016-2020.html": "稀土行业发展规划（2016-2020年）"},
    "order rectification": {"policy/order-rectification-2018.txt": "持续加强稀土行业秩序整顿"},
    "Inner Mongolia rare earth resource protection": {
        "policy/inner-mongolia-rare-earth-resource-protection-regulation.md": "内蒙古自治区稀土资源保护条例",
    },
    "suspension of export control measures": {
        "policy/mofcom-gac-2025-70-suspension.html": "关于暂停实施有关出口管制措施的公告",
        "news/en-2025-11-07-china-suspends-october-controls.txt": "English news on the suspension",
    },
    "extraterritorial rare earth items": {
        "policy/mofcom-2025-61-extraterritorial-rare-earth-items.md": "对境外相关稀土物项实施出口管制",
        "news/en-2025-10-09-technology-and-extraterritorial-controls.md": "English news on announcement 61",
    },
    # --- issuers, in English, abbreviated and romanised ---
    "Ministry of Industry and Information Technology announcement industry standards": {
        "notices/ministry/miit-industry-standards-announcement-2019.txt": "工业和信息化部公告 approving industry standards",
        "notices/ministry/miit-industry-standards-announcement-2021.html": "工业和信息化部公告2021年第11号, industry standards",
        "notices/ministry/miit-industry-standards-repeal-announcement-2018.html": "工业和信息化部公告 repealing industry standards",
    },
    "MIIT rare earth industry norms": {"policy/industry-norms-2016.txt": "稀土行业规范条件, issued by MIIT"},
    "MIIT access conditions": {"policy/industry-access-conditions-2012.md": "稀土行业准入条件, issued by MIIT"},
    "Baogang": {
        "news/zh-2025-09-05-baogang-csre-talks.md": "包钢集团与中国稀土学会座谈交流",
        "news/en-baogang-csre-meeting-baotou.txt": "the same meeting, in English",
    },
    "Baotou": {
        "policy/baotou-municipal-notice-rare-earth-recycling-2024.html": "包头市人民政府办公室 notice",
        "news/en-2025-09-05-baotou-light-rare-earth-hub.html": "news on Baotou's magnet industry",
        "news/en-baogang-csre-meeting-baotou.txt": "meeting held in Baotou",
    },
    "Chinese Society of Rare Earths Baogang": {
        "news/zh-2025-09-05-baogang-csre-talks.md": "包钢集团与中国稀土学会座谈交流",
        "news/en-baogang-csre-meeting-baotou.txt": "the same meeting, in English",
    },
    "Chinese Society of Rare Earths group standards review": {
        "notices/csre/csre-2025-11-review-of-group-standards.html": "关于开展中国稀土学会团体标准复审工作的通知",
    },
    "China Rare Earth Group Ganzhou": {
        "news/zh-2021-12-23-china-rare-earth-group-established.txt": "中国稀土集团有限公司在江西赣州挂牌成立",
        "news/en-2021-12-23-china-rare-earth-group-founded.md": "the same founding, in English",
    },
    "Northern Rare Earth quota": {"news/zh-2023-10-northern-rare-earth-quota-share.html": "北方稀土获两批指标占比近七成"},
    "standardization technical committee annual meeting": {
        "notices/csre/tc229-2019-10-annual-meeting.html": "全国稀土标准化技术委员会2019年年会",
    },
    "national standard plan rare earth": {
        "notices/csre/tc229-2021-04-national-standard-plan.html": "推荐性国家标准计划（稀土部分）",
        "notices/ministry/sac-national-standard-plan-2019.html": "2019年第二批推荐性国家标准计划",
    },
    "group standard project approval": {
        "notices/csre/csre-2020-06-approval-first-batch.html": "批准…团体标准立项, 2020",
        "notices/csre/csre-2021-12-approval-second-batch.html": "2021 second batch of group standard projects",
        "notices/csre/csre-2023-03-approval-2023-first-batch.html": "2023 first batch",
        "notices/csre/csre-2025-04-approval-2025.html": "2025 projects",
    },
    # --- standard titles in English ---
    "rare earth terms": {
        "standards/gbt-15676-1995.xml": "稀土术语 (Rare earth terms), 1995",
        "standards/gbt-15676-2015.xml": "稀土术语 (Rare earth terms), 2015",
    },
    "sintered neodymium iron boron permanent magnets": {
        "standards/gbt-13560-2000.xml": "GB/T 13560, 2000 edition",
        "standards/gbt-13560-2009.xml": "GB/T 13560, 2009 edition",
        "standards/gbt-13560-2017.xml": "GB/T 13560, edition in force",
    },
    "rare earth vocabulary minerals oxides": {
        "standards/gbt-44108.1-2024.xml": "稀土 词汇 第1部分：矿物、氧化物及其他化合物",
        "standards/iso-22444-1-2020.xml": "the ISO standard it adopts",
        "notices/ministry/sac-comment-request-rare-earth-vocabulary-draft-2023.txt": "its draft for comments",
        "notices/ministry/samr-sac-national-standards-announcement-2024-rare-earth-vocabulary.txt": "its publication",
    },
    "designation system for rare earth products": {
        "standards/gbt-17803-1999.xml": "稀土产品牌号表示方法, 1999",
        "standards/gbt-17803-2015.xml": "稀土产品牌号表示方法, 2015",
    },
    "determination of total rare earth content": {
        "standards/gbt-14635-2008.xml": "稀土总量的测定, 2008",
        "standards/gbt-14635-2020.xml": "稀土总量的测定, 2020",
        "standards/xbt-912-2021.xml": "稀土工业废水 稀土总量的测定",
    },
    "rare earth impurities in terbium": {
        "standards/gbt-18115.8-2006.xml": "稀土杂质化学分析方法 铽中…量的测定",
    },
}


def measure(index, translate: bool = True) -> tuple[float, float, dict[str, tuple[float, bool]]]:
    ix = Store(index).open()
    per_query = {}
    for query, relevant in MEASURED.items():
        paths = [hit.record.path for hit in search(ix, query, limit=10, translate=translate).hits]
        found = sum(path in paths for path in relevant) / len(relevant)
        per_query[query] = (found, bool(paths) and paths[0] in relevant)
    recall = sum(r for r, _ in per_query.values()) / len(per_query)
    first = sum(f for _, f in per_query.values()) / len(per_query)
    return recall, first, per_query


def test_measured_set_is_large_and_names_real_documents(corpus_records):
    paths = {r["path"] for r in corpus_records}
    assert len(MEASURED) >= 40
    for query, relevant in MEASURED.items():
        assert relevant and len(relevant) <= 10, query
        assert set(relevant) <= paths, query
        assert all(reason.strip() for reason in relevant.values()), query


def test_measured_recall_and_first_hit(corpus_index):
    recall, first, per_query = measure(corpus_index)
    print(f"\n{len(MEASURED)} English queries: recall@10 {recall:.3f}, first hit relevant {first:.3f}")
    for query, (found, top) in per_query.items():
        if found < 1 or not top:
            print(f"  {query!r}: recall {found:.2f}, first hit {'relevant' if top else 'not relevant'}")
    assert recall >= 0.9
    assert first >= 0.8


def test_translation_is_what_finds_them(corpus_index):
    recall, first, _ = measure(corpus_index, translate=False)
    print(f"\nwithout translation: recall@10 {recall:.3f}, first hit relevant {first:.3f}")
    assert recall < 0.5


# --- the search command's options ------------------------------------------------

def search_cli(index, *args):
    result = run("search", *args, "--index", index)
    assert result.exit_code == 0, result.output
    return result


def test_explain_prints_the_expanded_query_first(corpus_index):
    out = search_cli(corpus_index, "sintered NdFeB magnets", "--explain", "--ui", "en").stdout
    first_line = out.splitlines()[0]
    assert first_line.startswith("expanded query: ")
    assert "烧结钕铁硼" in first_line and "磁体" in first_line
    assert "expanded query" not in search_cli(corpus_index, "sintered NdFeB magnets").stdout


def test_explain_with_jsonl_goes_to_stderr(corpus_index):
    result = search_cli(corpus_index, "dysprosium", "--explain", "--format", "jsonl")
    assert "(dysprosium OR 镝)" in result.stderr
    assert all(json.loads(line) for line in result.stdout.splitlines())


def test_json_carries_the_expansion_and_english_titles(corpus_index):
    data = json.loads(search_cli(corpus_index, "sintered NdFeB magnets", "--format", "json", "--limit", "20").stdout)
    assert data["translated"] is True
    assert data["expanded"].startswith('("sintered NdFeB" OR 烧结钕铁硼')
    assert data["terms"][0]["written"] == "sintered NdFeB"
    assert {"zh": "烧结钕铁硼", "en": "sintered NdFeB", "category": "material"} in data["terms"][0]["terms"]
    by_std = {h["std_no"]: h for h in data["hits"]}
    assert by_std["GB/T 13560-2017"]["title_en"] == "Sintered neodymium iron boron permanent magnets"
    assert by_std["GB/T 13560-2017"]["gloss"] is None  # it has an English title
    glossed = [h for h in data["hits"] if h["gloss"]]
    assert glossed and all(not h["title_en"] for h in glossed)


def test_no_translate_searches_the_words_as_written(corpus_index):
    on = json.loads(search_cli(corpus_index, "dysprosium oxide", "--format", "json").stdout)
    off = json.loads(search_cli(corpus_index, "dysprosium oxide", "--no-translate", "--format", "json").stdout)
    assert off["translated"] is False and off["expanded"] == "dysprosium oxide" and off["terms"] == []
    assert "GB/T 13558-2008" in {h["std_no"] for h in on["hits"]}  # 氧化镝
    # Untranslated, a hit holds the English words themselves (GB/T 13558-2008's cover states
    # its English title, so it may be one).
    complete = [h for h in off["hits"] if not h["partial"]]
    assert complete and all("dysprosium" in (h["title"] + " " + (h["title_en"] or "") + " " + h["snippet"]).lower()
               or h["lang"] == "en" for h in complete)


def test_ui_en_reads_in_english(corpus_index):
    out = search_cli(corpus_index, "GB/T 13560-2017", "--ui", "en", "--limit", "1").stdout
    lines = out.splitlines()
    assert lines[2] == " 1. Sintered neodymium iron boron permanent magnets"
    assert lines[3].strip() == "烧结钕铁硼永磁材料"
    assert "standard · in force · GB/T 13560-2017" in lines[4]
    assert "Standardization Administration of China" in lines[4]
    assert "doc_type: " in out and "standard notice 1" in out


def test_ui_en_glosses_titles_without_english(corpus_index):
    out = search_cli(corpus_index, "GB/T 13558-2008", "--ui", "en", "--limit", "1").stdout
    assert " 1. [gloss] dysprosium oxide" in out
    out = search_cli(corpus_index, "国务院令第785号", "--ui", "en", "--limit", "1").stdout
    assert "[gloss] Regulations on Rare Earth Management" in out
    assert "policy · in force · 国务院令第785号" in out and "State Council" in out


def test_ui_zh_reads_in_chinese(corpus_index):
    out = search_cli(corpus_index, "GB/T 13560-2017", "--ui", "zh", "--limit", "1").stdout
    lines = out.splitlines()
    assert lines[0].startswith("共 ") and "显示第 1 条" in lines[0]
    assert lines[2] == " 1. 烧结钕铁硼永磁材料"
    assert lines[3].strip() == "Sintered neodymium iron boron permanent magnets"
    assert "标准 · 现行 · GB/T 13560-2017 · 发布 2017-10-14 · 实施 2018-05-01" in lines[4]
    assert "国家标准化管理委员会" in lines[4]
    assert "文件类型: " in out and "标准公告 1" in out and "[gloss]" not in out


@pytest.mark.parametrize("env, chinese", [
    ({"LC_ALL": "zh_CN.UTF-8"}, True),
    ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_TW.UTF-8"}, True),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, False),
    ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}, False),
])
def test_ui_default_follows_the_locale(corpus_index, monkeypatch, env, chinese):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out = search_cli(corpus_index, "GB/T 13560-2017", "--limit", "1").stdout
    assert out.startswith("共 ") is chinese
    assert ("matches" in out.splitlines()[0]) is not chinese
