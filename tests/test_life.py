"""A standard's life: stages read from notices, joined to the standard, shown by `history`."""
import json
from pathlib import Path

import pytest

from conftest import run
from indexer.extract.stages import cues, life_events, parse_row, record_events
from indexer.index.store import Store
from indexer.life import Identity, link_events
from indexer.query.history import history
from indexer.record import STAGES, Event, Issuer, Record
from indexer.resources import corpus_dir

LIFE = Path(__file__).resolve().parent / "data" / "life"
SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


@pytest.fixture(scope="module")
def ix(corpus_index):
    return Store(corpus_index).open()


def built_index(tmp_path_factory, folder: Path) -> Path:
    path = tmp_path_factory.mktemp(folder.name) / "index"
    result = run("index", folder, "--index", path)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def life_index(tmp_path_factory) -> Path:
    return built_index(tmp_path_factory, LIFE)


def history_json(index, *args) -> dict:
    result = run("history", *args, "--index", index, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def stages(data: dict, **match) -> list[dict]:
    return [s for s in data["life"]["stages"] if all(s.get(k) == v for k, v in match.items())]


# --- the vocabulary ----------------------------------------------------------------------------

def test_stage_vocabulary_validates_against_its_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAS / "stages.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads((SCHEMAS / "stages.json").read_text("utf-8")), schema)


def test_record_schema_lists_every_stage_of_the_vocabulary():
    record = json.loads((SCHEMAS / "record.schema.json").read_text("utf-8"))
    assert record["$defs"]["event"]["properties"]["stage"]["enum"] == list(cues().stage_ids())
    assert list(STAGES) == list(cues().stage_ids())  # record.STAGES mirrors the vocabulary


# --- reading notices ---------------------------------------------------------------------------

@pytest.mark.parametrize("title, text, expected", [
    ("关于批准2023年第一批中国稀土学会团体标准立项的公告",
     "批准以下3项团体标准立项：\n序号 项目名称 牵头单位 完成周期\n1 再生氧化镨钕 中国稀土集团有限公司 12个月 制定\n特此公告。",
     [("project", "再生氧化镨钕", None, None)]),
    ("关于征求《铈基稀土抛光粉》《钐钴永磁体表面防护涂层》两项团体标准（征求意见稿）意见的通知",
     "现公开征求意见。\n反馈截止日期：2021年5月31日",
     [("comments", "铈基稀土抛光粉", None, "2021-05-31"), ("comments", "钐钴永磁体表面防护涂层", None, "2021-05-31")]),
    ("关于发布《再生氧化镨钕》团体标准的公告",
     "《再生氧化镨钕》团体标准现予发布，编号T/CSRE 10012—2024，实施日期为2024年12月1日。",
     [("published", "再生氧化镨钕", "T/CSRE 10012-2024", None), ("effective", "再生氧化镨钕", "T/CSRE 10012-2024", None)]),
    ("中华人民共和国国家标准公告",
     "批准《烧结钕铁硼永磁材料》等若干项国家标准，现予以公布。\n87 GB/T 13560-2017 烧结钕铁硼永磁材料 GB/T 13560-2009 2018-05-01",
     [("published", "烧结钕铁硼永磁材料", "GB/T 13560-2017", None),
      ("effective", "烧结钕铁硼永磁材料", "GB/T 13560-2017", None)]),
    ("工业和信息化部公告2019年第33号附件：稀土行业标准编号、名称及实施日期",
     "序号  标准编号  标准名称  代替标准  实施日期\n序号: 1  标准编号: XB/T 230-2019  标准名称: 氧化铥  代替标准: —  实施日期: 2020-01-01",
     [("published", "氧化铥", "XB/T 230-2019", None), ("effective", "氧化铥", "XB/T 230-2019", None)]),
    ("关于召开2019年年会暨标准审定会的通知", "审定以下标准：\n1 稀土总量的测定 国家标准（修订） 包头稀土研究院", []),
    ("关于征集2019年度中国稀土学会团体标准项目的通知", "1. 高纯稀土金属及化合物，如高纯氧化钇；", []),
])
def test_notices_give_their_stage_and_the_standards_they_name(title, text, expected):
    events = life_events(title, text, "2024-01-01")
    assert [(e.stage, e.title, e.std_no, e.deadline) for e in events] == expected


def test_a_plan_row_gives_plan_number_title_and_revised_edition():
    row = parse_row("20210823-T-610 稀土金属及其氧化物中稀土杂质化学分析方法 第6部分：铕中镧量的测定 修订 "
                    "GB/T 18115.6—2006 赣州有色冶金研究所")
    assert row.plan_no == "20210823-T-610"
    assert row.title == "稀土金属及其氧化物中稀土杂质化学分析方法 第6部分：铕中镧量的测定"
    assert row.replaces == "GB/T 18115.6-2006" and row.lead == "赣州有色冶金研究所"


def test_a_date_line_or_a_year_heading_is_not_a_row():
    assert parse_row("2019年6月20日") is None
    assert parse_row("2017年第24号") is None


def test_a_review_call_names_the_standards_under_review_but_not_the_repealed_one():
    text = ("学会决定对下列团体标准开展复审：\n（一）T/CSRE 10001—2021《高纯氧化钇》；\n"
            "T/CSRE 10003—2021《钐钴永磁体表面防护涂层》已于2024年废止，不再列入本次复审。\n"
            "于2025年12月31日前报学会秘书处。")
    events = life_events("关于开展团体标准复审工作的通知", text, "2025-11-05")
    assert [(e.stage, e.std_no, e.result, e.deadline) for e in events] == \
        [("review", "T/CSRE 10001-2021", "started", "2025-12-31")]


def test_a_repeal_notice_gives_the_repeal_day_and_the_review_result():
    text = "经复审，决定废止T/CSRE 10003—2021《钐钴永磁体表面防护涂层》，自2024年7月1日起不再执行。"
    events = life_events("关于废止《钐钴永磁体表面防护涂层》团体标准的公告", text, "2024-06-18")
    assert ("repealed", "2024-07-01", "T/CSRE 10003-2021") in [(e.stage, e.date, e.std_no) for e in events]
    assert any(e.stage == "review" and e.result == "abolish" for e in events)


@pytest.mark.parametrize("text", ["", "\x00\x01", "1 \x00 2", "《》" * 50, "1 " + "《" * 300, "发布 " * 1000])
def test_odd_text_never_raises(text):
    record = Record(id="d1", path="x", title="关于发布《》标准的公告", doc_type="standard_notice", text=text)
    assert isinstance(record_events(record), list)


def test_standards_and_news_carry_no_events():
    text = "《再生氧化镨钕》团体标准现予发布，编号T/CSRE 10012—2024。"
    for kind in ("standard", "news"):
        assert record_events(Record(id="d", path="x", title="关于发布《再生氧化镨钕》的公告", doc_type=kind,
                                    text=text)) == []


# --- identity -----------------------------------------------------------------------------------

def _notice(title: str, body: str, *events: Event) -> Record:
    return Record(id=title, path=title, title=title, doc_type="standard_notice",
                  issuers=[Issuer(body, body, body)], events=list(events))


def test_a_title_alone_links_only_with_the_same_body_and_before_the_edition():
    ident = Identity(numbers={"T/CSRE 10030-2024"}, codes={"T/CSRE 10030"}, titles={"title:稀土抛光粉回收料"},
                     bodies={"CSRE"}, published=["2024-12-02"])
    notices = [
        _notice("own body, before", "CSRE", Event("project", "2024-02-20", title="稀土抛光粉回收料")),
        _notice("other body", "ACREI", Event("comments", "2024-05-08", title="稀土抛光粉回收料")),
        _notice("after the edition", "CSRE", Event("project", "2026-03-02", title="稀土抛光粉回收料")),
        _notice("similar title", "CSRE", Event("project", "2024-01-05", title="稀土抛光粉回收料检测方法")),
        _notice("numbered otherwise", "CSRE", Event("published", "2025-01-01", std_no="T/CSRE 10040-2025",
                                                    title="稀土抛光粉回收料")),
    ]
    steps, unlinked = link_events(ident, notices, {})
    assert [(s.source, s.link) for s in steps] == [("own body, before", "inferred")]
    assert {u.step.source for u in unlinked} == {"other body", "after the edition"}


def test_a_title_another_standard_of_the_body_carries_is_ambiguous():
    ident = Identity(codes={"T/CSRE 1"}, titles={"title:氧化镝"}, bodies={"CSRE"}, published=["2024-01-01"])
    notice = _notice("project", "CSRE", Event("project", "2023-01-01", title="氧化镝"))
    steps, unlinked = link_events(ident, [notice], {"title:氧化镝": {"T/CSRE 2-2020"}})
    assert steps == [] and "ambiguous" in unlinked[0].reason


def test_a_plan_number_stated_once_ties_the_other_notices_giving_it():
    ident = Identity(codes={"GB/T 18115.6"}, numbers={"GB/T 18115.6-2006"})
    plan = _notice("plan", "SAC_TC229", Event("project", "2021-04-27", plan_no="20210823-T-610",
                                              replaces="GB/T 18115.6-2006"))
    draft = _notice("draft", "SAC_TC229", Event("comments", "2025-05-12", plan_no="20210823-T-610"))
    steps, _ = link_events(ident, [draft, plan], {})
    assert {(s.source, s.link_evidence) for s in steps} == {
        ("plan", "revises GB/T 18115.6-2006"), ("draft", "plan number 20210823-T-610")}


def test_similar_titled_standards_of_two_bodies_stay_apart(life_index):
    csre = history_json(life_index, "T/CSRE 10030", "--as-of", "2026-06-01")
    acrei = history_json(life_index, "T/ACREI 0012", "--as-of", "2026-06-01")
    csre_sources = {s["path"] for s in csre["life"]["stages"]}
    acrei_sources = {s["path"] for s in acrei["life"]["stages"]}
    assert csre_sources == {"csre-approval.html", "csre-comments.html", "csre-release.html"}
    assert acrei_sources == {"acrei-comments.html", "acrei-release.html"}
    assert {u["path"] for u in csre["life"]["unlinked"]} == {"acrei-comments.html", "csre-late-project.html"}
    # The other project of the same approval is a life of its own.
    assert "钕铁硼油泥" not in json.dumps(csre["life"]["stages"], ensure_ascii=False)


def test_a_title_named_by_two_bodies_asks_for_a_number(life_index):
    result = run("history", "稀土抛光粉回收料", "--index", life_index)
    assert result.exit_code == 2 and "different bodies" in result.stderr and "Traceback" not in result.output


# --- history on the bundled corpus ----------------------------------------------------------------

def _tcsre_with_three_notices() -> list[str]:
    """The T/CSRE standards whose project approval, call for comments and release are all in the corpus,
    found from the notices themselves."""
    from indexer.pipeline import inspect_file
    events = [e for path in sorted((corpus_dir() / "notices" / "csre").glob("csre-*.html"))
              for r in inspect_file(path) for e in r.events]
    released = {e.title: e.std_no for e in events if e.stage == "published" and e.std_no.startswith("T/CSRE")}
    projects = {e.title for e in events if e.stage == "project"}
    comments = {e.title for e in events if e.stage == "comments"}
    return sorted(number for title, number in released.items() if title in projects and title in comments)


def test_the_corpus_has_several_standards_with_all_three_notices():
    assert _tcsre_with_three_notices() == ["T/CSRE 10001-2021", "T/CSRE 10002-2021", "T/CSRE 10003-2021",
                                           "T/CSRE 10004-2022", "T/CSRE 10012-2024", "T/CSRE 10018-2026",
                                           "T/CSRE 20001-2023"]


@pytest.mark.parametrize("number", _tcsre_with_three_notices())
def test_history_of_a_tcsre_standard_shows_project_comments_and_release(corpus_index, number):
    data = history_json(corpus_index, number)
    for stage in ("project", "comments", "published"):
        found = [s for s in stages(data, stage=stage) if s["link"] != "own"]
        assert found, (number, stage)
        assert all(s["date"] and s["path"].startswith("notices/csre/") for s in found), (number, stage)
    release = stages(data, stage="published", link="stated")
    assert release and release[0]["names"] == number


def test_history_table_shows_the_life_with_sources_and_evidence(corpus_index):
    result = run("history", "T/CSRE 10012", "--index", corpus_index, "--as-of", "2026-11-29")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "life  ·  stage on 2026-11-29: in effect (since 2024-12-01)" in out
    assert "2023-03-10  project approved" in out and "csre-2023-03-approval-2023-first-batch.html" in out
    assert "2024-03-15  draft for comments (until 2024-04-15)" in out
    assert "[stated: names T/CSRE 10012-2024]" in out and "same body CSRE" in out
    assert "«1 再生氧化镨钕 中国稀土集团有限公司 12个月 制定»" in out


@pytest.mark.parametrize("as_of, stage", [
    ("2023-01-01", None), ("2023-06-01", "project"), ("2024-04-01", "comments-open"),
    ("2024-05-01", "comments-closed"), ("2024-10-01", "published"), ("2025-01-01", "effective"),
])
def test_the_current_stage_follows_the_day(ix, as_of, stage):
    assert history(ix, "T/CSRE 10012", as_of).life.current_stage == stage


def test_a_repealed_standard_ends_repealed_after_its_review(ix):
    life = history(ix, "T/CSRE 10003", "2026-11-29").life
    assert life.current_stage == "repealed" and life.current.date == "2024-07-01"
    assert any(s.stage == "review" and s.result == "abolish" for s in life.steps)


def test_a_national_draft_is_tied_by_plan_number_and_revised_edition(ix):
    life = history(ix, "GB/T 18115.6", "2025-06-01").life
    linked = {(s.stage, s.link, s.link_evidence) for s in life.steps if s.link != "own"}
    assert ("project", "stated", "revises GB/T 18115.6-2006") in linked
    assert ("comments", "stated", "plan number 20210823-T-610") in linked
    # The 2006 edition applies while its revision is out for comments.
    assert life.current_stage == "effective" and life.revision_stage == "comments-open"


def test_a_project_known_only_from_notices_has_a_history(corpus_index):
    data = history_json(corpus_index, "高纯金属铽靶材")
    assert data["versions"] == [] and data["work"] == "life:高纯金属铽靶材"
    assert [(s["stage"], s["date"]) for s in data["life"]["stages"]] == [("project", "2020-06-18")]
    text = run("history", "高纯金属铽靶材", "--index", corpus_index).stdout
    assert "known from notices" in text and "project approved" in text


def test_a_standard_known_only_from_its_release_notice_has_a_history(ix):
    h = history(ix, "T/ACREI 0003", "2026-11-29")
    assert h.entries == [] and h.title == "稀土产品追溯编码规则"
    assert [(s.stage, s.date) for s in h.life.steps] == [("published", "2022-07-26"), ("effective", "2022-09-01")]


def test_a_project_title_leads_to_the_standard_it_became(ix):
    assert history(ix, "再生氧化镨钕").work == "std:T/CSRE 10012"


def test_an_open_draft_is_in_comments_until_its_deadline(ix):
    life = history(ix, "退役稀土永磁电机中钕铁硼磁体回收拆解技术规范", "2026-11-29").life
    assert life.current_stage == "comments-open" and life.current.deadline == "2026-12-20"
    assert history(ix, "退役稀土永磁电机中钕铁硼磁体回收拆解技术规范", "2026-12-21").life.current_stage \
        == "comments-closed"


def test_events_are_in_the_exported_record(corpus_records):
    release = next(r for r in corpus_records if r["path"].endswith("csre-2024-09-release-recycled-prnd-oxide.html"))
    assert {"stage": "published", "std_no": "T/CSRE 10012-2024"}.items() <= release["events"][0].items()


# --- searching by stage ---------------------------------------------------------------------------

def search_paths(index, *args) -> list[str]:
    result = run("search", *args, "--index", index, "--format", "json", "--limit", "50")
    assert result.exit_code == 0, result.output
    return sorted(h["path"] for h in json.loads(result.stdout)["hits"])


@pytest.mark.parametrize("as_of, paths", [
    ("2026-11-29", ["notices/csre/csre-2026-10-comments-motor-magnet-dismantling.html"]),
    ("2026-12-20", ["notices/csre/csre-2026-10-comments-motor-magnet-dismantling.html"]),   # the last day
    ("2026-12-21", []),
    ("2026-06-20", ["notices/csre/csre-2026-06-comments-magnet-carbon-footprint.html"]),    # before the next call
    ("2025-06-01", ["notices/csre/tc229-2025-05-comments-gbt-18115-6.html"]),
])
def test_comments_open_lists_the_calls_whose_deadline_has_not_passed(corpus_index, as_of, paths):
    assert search_paths(corpus_index, "--stage", "comments-open", "--as-of", as_of) == paths


def test_stage_filters_combine_with_dates_and_words(corpus_index):
    projects = search_paths(corpus_index, "--stage", "project")
    assert "notices/csre/csre-2023-03-approval-2023-first-batch.html" in projects
    assert all("approval" in p or "plan" in p for p in projects)
    assert search_paths(corpus_index, "--stage", "published", "--since", "2025") == [
        "notices/csre/csre-2026-09-release-magnet-carbon-footprint.html", "standards/tcsre-10018-2026.xml"]
    drafts = search_paths(corpus_index, "氧化镨钕", "--stage", "Comments")
    assert "notices/csre/csre-2024-03-comments-recycled-prnd-oxide.html" in drafts
    assert not any("release" in p or "approval" in p for p in drafts)


def test_an_unknown_stage_is_a_usage_error(corpus_index):
    result = run("search", "--stage", "drafting", "--index", corpus_index)
    assert result.exit_code == 2 and "comments-open" in result.stderr


def test_a_revision_under_way_leaves_the_edition_in_force_as_the_stage(ix):
    life = history(ix, "GB/T 13558", "2026-11-29").life
    assert life.current_stage == "effective" and life.current.date == "2008-09-01"
    assert life.revision.stage == "project" and life.revision.link_evidence == "revises GB/T 13558-2008"


# --- submitted for approval, withdrawn --------------------------------------------------------

STEPS = Path(__file__).resolve().parent / "data" / "life-steps"


@pytest.fixture(scope="module")
def steps_index(tmp_path_factory) -> Path:
    return built_index(tmp_path_factory, STEPS)


@pytest.mark.parametrize("title, text, expected", [
    ("关于《稀土抛光粉中氟含量的测定》团体标准报批稿的公示", "起草组根据审查意见修改形成报批稿，现予公示。",
     [("submitted", "稀土抛光粉中氟含量的测定", None)]),
    ("关于《稀土抛光粉》送审稿审查会的通知", "定于2025年5月召开送审稿审查会。", [("submitted", "稀土抛光粉", None)]),
    ("关于撤销《钐铁氮永磁粉》团体标准立项的公告", "决定撤销下列项目：\n1 钐铁氮永磁粉 有研稀土新材料股份有限公司\n特此公告。",
     [("withdrawn", "钐铁氮永磁粉", "有研稀土新材料股份有限公司")]),
    ("关于终止《稀土硅铁合金》等2项国家标准计划项目的通知", "终止下列计划项目：\n"
     "20180001-T-610 稀土硅铁合金 修订\n20180002-T-610 稀土镁硅铁合金 修订\n特此通知。",
     [("withdrawn", "稀土硅铁合金", None), ("withdrawn", "稀土镁硅铁合金", None)]),
])
def test_submitted_and_withdrawn_notices_give_their_stage(title, text, expected):
    events = life_events(title, text, "2025-07-10")
    assert [(e.stage, e.title, e.lead) for e in events] == expected
    assert all(e.date == "2025-07-10" for e in events)


def test_a_project_submitted_for_approval_is_at_that_stage(steps_index):
    data = history_json(steps_index, "稀土抛光粉中氟含量的测定")
    assert [(s["stage"], s["date"]) for s in data["life"]["stages"]] == [("project", "2024-08-20"),
                                                                          ("submitted", "2025-07-10")]
    assert data["life"]["current"]["stage"] == "submitted"
    before = history_json(steps_index, "稀土抛光粉中氟含量的测定", "--as-of", "2025-01-01")
    assert before["life"]["current"]["stage"] == "project"


def test_a_withdrawn_project_ends_withdrawn(steps_index):
    data = history_json(steps_index, "钐铁氮永磁粉")
    assert [s["stage"] for s in data["life"]["stages"]] == ["project", "withdrawn"]
    assert data["life"]["current"]["stage"] == "withdrawn"
    assert stages(data, stage="withdrawn")[0]["path"] == "csre-withdrawn-2025.html"


def test_search_by_stage_finds_submitted_and_withdrawn_notices(steps_index):
    def paths(stage):
        result = run("search", "--stage", stage, "--index", steps_index, "--format", "json")
        assert result.exit_code == 0, result.output
        return [h["path"] for h in json.loads(result.stdout)["hits"]]

    assert paths("submitted") == ["csre-submitted-2025.html"]
    assert paths("withdrawn") == ["csre-withdrawn-2025.html"]
    assert paths("project") == ["csre-approval-2024.html"]


# --- which body of a row is the lead drafting unit ---------------------------------------------

def test_under_a_header_of_committee_and_department_a_row_has_no_lead():
    text = ("计划编号 项目名称 制修订 代替标准号 技术委员会 主管部门 完成年限\n"
            "20192151-T-610 稀土金属及其化合物化学分析方法 稀土总量的测定 修订 GB/T 14635-2008 SAC/TC 229 "
            "中国有色金属工业协会 2021\n")
    events = life_events("关于下达2019年第二批推荐性国家标准计划的通知", text, "2019-06-20")
    assert [(e.plan_no, e.lead, e.committee) for e in events] == [("20192151-T-610", None, "SAC/TC 229")]


def test_under_a_header_with_lead_and_department_columns_each_body_is_its_columns():
    text = ("序号 项目名称 牵头单位 主管部门 完成周期\n"
            "1 稀土抛光粉 包头稀土研究院 中国有色金属工业协会 12个月\n"
            "2 高纯氧化镥 中国有色金属工业协会 虔东稀土集团股份有限公司 12个月\n"
            "3 高纯金属镱 湖南稀土金属材料研究院 12个月\n")
    events = life_events("关于批准团体标准立项的公告", text, "2024-01-01")
    # the third row's one body cannot be told apart: no lead rather than a wrong one
    assert [(e.title, e.lead) for e in events] == [("稀土抛光粉", "包头稀土研究院"),
                                                  ("高纯氧化镥", "中国有色金属工业协会"), ("高纯金属镱", None)]


def test_the_corpus_plan_rows_take_no_competent_department_as_lead(corpus_records):
    plans = [r for r in corpus_records if r["path"].endswith("sac-national-standard-plan-2019.html")]
    assert plans and all(e["lead"] is None and e["committee"] == "SAC/TC 229" for e in plans[0]["events"])
    leads = {e["lead"] for r in corpus_records for e in r["events"] if e["lead"]}
    assert leads and not any(lead.endswith("工业协会") for lead in leads)
    assert "中国稀土集团有限公司" in leads


def test_a_call_for_comments_that_will_replace_an_edition_replaces_nothing_yet(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "tcsre-10012-2024.xml").write_bytes((corpus_dir() / "standards" / "tcsre-10012-2024.xml").read_bytes())
    (folder / "comments.html").write_text(
        "<html><head><title>关于征求《再生氧化镨钕》团体标准修订意见的通知</title></head><body>"
        "<p>起草组对T/CSRE 10012—2024《再生氧化镨钕》进行了修订，形成征求意见稿，拟代替T/CSRE 10012—2024。</p>"
        "<p>请于2027年1月20日前反馈。</p><p>中国稀土学会<br>2026年11月20日</p></body></html>", "utf-8")
    index = tmp_path / "ix"
    assert run("index", folder, "--index", index).exit_code == 0
    data = history_json(index, "T/CSRE 10012", "--as-of", "2026-12-01")
    assert [v["status"] for v in data["versions"]] == ["in_force"]
    assert not stages(data, stage="replaced")
    comments = stages(data, stage="comments")
    assert comments and comments[0]["link"] == "stated" and comments[0]["deadline"] == "2027-01-20"
    assert data["life"]["current"]["stage"] == "effective" and data["life"]["revision"]["stage"] == "comments"
