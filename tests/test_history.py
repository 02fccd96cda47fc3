"""stdidx history: naming a work, the chain it prints, and the real laws with several versions."""
import csv
import json
import re
from collections import defaultdict

import pytest

from conftest import SHARED, run
from indexer.errors import UsageError
from indexer.index.store import Store
from indexer.query.history import AmbiguousName, history

LAWS = SHARED / "realdata" / "laws-national"
TRUTH = SHARED / "realdata" / "laws-national.truth.tsv"


@pytest.fixture(scope="module")
def ix(corpus_index):
    return Store(corpus_index).open()


def history_json(index, *args) -> dict:
    result = run("history", *args, "--index", index, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- naming ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, work, focus_std", [
    ("std:GB/T 13560", "std:GB/T 13560", None),            # a work id
    ("GB/T 13560", "std:GB/T 13560", None),                # a code without year
    ("GB/T 13560-2009", "std:GB/T 13560", "GB/T 13560-2009"),   # with year: that version is marked
    ("ＧＢ／Ｔ　１３５６０—２０１７", "std:GB/T 13560", "GB/T 13560-2017"),  # as some texts write it
    ("国务院令第785号", "doc:稀土管理条例", None),             # a document number
    ("doc:稀土管理条例", "doc:稀土管理条例", None),
    ("稀土管理条例", "doc:稀土管理条例", None),                # a title
    ("烧结钕铁硼", "std:GB/T 13560", None),                 # a title fragment naming one work
    ("GB/T 18115.7", "std:GB/T 18115.8", None),            # not indexed: the standard stated to replace it
])
def test_names_resolve_to_a_work(ix, name, work, focus_std):
    h = history(ix, name)
    assert h.work == work
    focus = next((e.record.std_no for e in h.entries if e.record.id == h.focus), None)
    assert focus == focus_std


def test_a_record_id_names_its_work(ix, corpus_records):
    final = next(r for r in corpus_records if r["doc_no"] == "国务院令第785号")
    h = history(ix, final["id"])
    assert (h.work, h.focus) == ("doc:稀土管理条例", final["id"])


def test_ambiguous_name_lists_candidates(ix):
    with pytest.raises(AmbiguousName) as caught:
        history(ix, "管理")
    works = [c.work for c in caught.value.candidates]
    assert "doc:稀土管理条例" in works and len(works) > 2
    assert all(c.versions >= 1 and c.title for c in caught.value.candidates)


@pytest.mark.parametrize("name, message", [
    ("GB/T 99999", "no standard GB/T 99999"),
    ("国务院令第1号", "no document numbered"),
    ("量子纠缠", "nothing in the index is called"),
    ("  ", "empty name"),
])
def test_unknown_names(ix, name, message):
    with pytest.raises(UsageError, match=message):
        history(ix, name)


# --- the command -----------------------------------------------------------------------------

def test_history_table(corpus_index):
    result = run("history", "GB/T 13560", "--index", corpus_index, "--as-of", "2026-11-29")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("std:GB/T 13560  烧结钕铁硼永磁材料  ·  3 versions  ·  status as of 2026-11-29")
    rows = [re.split(r"\s{2,}", line.strip()) for line in out.splitlines()
            if line.strip()[:1] in "123" and "GB/T 13560-" in line]
    assert [(r[1], r[4]) for r in rows[:3]] == [
        ("GB/T 13560-2000", "superseded"), ("GB/T 13560-2009", "superseded"), ("GB/T 13560-2017", "in_force")]
    assert "replaces #2 (stated)" in out
    # former issuer names are shown as such
    assert "国家质量监督检验检疫总局 (former name of 国家市场监督管理总局)" in out
    # where the facts came from
    assert "stated «代替GB/T13560-2009»" in out and "GB/T 13560-1992 (not in the index)" in out
    assert "\x1b[" not in out


def test_history_json(corpus_index):
    data = history_json(corpus_index, "稀土管理条例", "--as-of", "2024-09-30")
    assert data["work"] == "doc:稀土管理条例" and data["as_of"] == "2024-09-30"
    draft, final = data["versions"]
    assert (draft["status"], final["status"]) == ("draft", "upcoming")
    assert final["previous"] == {"kind": "draft_to_final", "version": 1, "id": draft["id"], "stated": False}
    assert final["sources"]["effective"]["rule"] == "header:施行"
    assert final["issuers"][0]["id"] == "STATE_COUNCIL"
    (rel,) = data["relations"]
    assert rel["kind"] == "draft_to_final" and rel["stated"] is False


@pytest.mark.parametrize("as_of, statuses", [
    ("2010-01-31", ["in_force", "upcoming", "upcoming"]),
    ("2010-02-01", ["superseded", "in_force", "upcoming"]),
    ("2018-05-01", ["superseded", "superseded", "in_force"]),
])
def test_history_as_of(corpus_index, as_of, statuses):
    data = history_json(corpus_index, "GB/T 13560", "--as-of", as_of)
    assert [v["status"] for v in data["versions"]] == statuses


def test_ambiguous_name_exits_2_listing_candidates(corpus_index):
    result = run("history", "管理", "--index", corpus_index)
    assert result.exit_code == 2
    assert "matches" in result.stderr and "doc:稀土管理条例  稀土管理条例  (2 versions)" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("args, message", [
    (["history", "GB/T 99999"], "no standard"),
    (["history", "量子纠缠"], "nothing in the index"),
    (["history", "GB/T 13560", "--as-of", "yesterday"], "is not a date"),
    (["history", "GB/T 13560", "--format", "xml"], "xml"),
])
def test_history_errors_exit_2(corpus_index, args, message):
    result = run(*args, "--index", corpus_index)
    assert result.exit_code == 2 and message in result.stderr
    assert "Traceback" not in result.output


def test_history_without_index_exits_2(tmp_path):
    result = run("history", "GB/T 13560", "--index", tmp_path / "none")
    assert result.exit_code == 2 and "no index" in result.stderr


# --- real laws ---------------------------------------------------------------------------------

needs_laws = pytest.mark.skipif(not (LAWS.is_dir() and TRUTH.exists()), reason=f"real texts not present at {LAWS}")


@pytest.fixture(scope="module")
def laws_ix(tmp_path_factory):
    index = tmp_path_factory.mktemp("laws") / "ix"
    assert run("index", LAWS, "--index", index).exit_code == 0
    return Store(index).open()


def _groups() -> dict[str, list[dict]]:
    """The truth table's groups with several versions: used only to choose what to check."""
    groups = defaultdict(list)
    with TRUTH.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            groups[row["group"]].append(row)
    return {name: rows for name, rows in groups.items() if len(rows) > 1}


@needs_laws
def test_every_multi_version_law_is_one_history_in_date_order(laws_ix):
    groups = _groups()
    assert len(groups) == 65
    for rows in groups.values():
        h = history(laws_ix, rows[0]["title"])
        expected = [r["path"] for r in sorted(rows, key=lambda r: r["issued"])]
        assert [e.record.path for e in h.entries] == expected, rows[0]["title"]
        issued = [e.record.issued for e in h.entries if e.record.issued]
        assert issued == sorted(issued)
        # earlier versions are no longer in force; the truth's "superseded" ones are superseded
        for entry in h.entries[:-1]:
            truth = next(r["status"] for r in rows if r["path"] == entry.record.path)
            assert entry.status.status in ("superseded", "repealed")
            if truth == "superseded":
                assert entry.status.status == "superseded", entry.record.path


@needs_laws
def test_mineral_resources_law_history(laws_ix):
    h = history(laws_ix, "矿产资源法")
    assert [(e.record.issued, e.record.effective, e.status.status) for e in h.entries] == [
        ("2009-08-27", "2009-08-27", "superseded"), ("2024-11-08", "2025-07-01", "in_force")]
    assert history(laws_ix, "矿产资源法", "2025-06-30").entries[0].status.status == "in_force"


@needs_laws
def test_regulation_repealed_by_a_later_law(laws_ix):
    """关税法 (2024-04-26, in force 2024-12-01): 《中华人民共和国进出口关税条例》同时废止."""
    h = history(laws_ix, "进出口关税条例")
    (rel,) = [r for r in h.relations if r.kind == "repeals"]
    assert rel.stated and rel.source_label.startswith("《中华人民共和国关税法》") and rel.effective == "2024-12-01"
    assert history(laws_ix, "进出口关税条例", "2024-11-30").entries[0].status.status == "in_force"
    assert history(laws_ix, "进出口关税条例", "2024-12-01").entries[0].status.status == "repealed"


@needs_laws
def test_statuses_of_many_hits_equal_statuses_one_by_one(laws_ix):
    from indexer.status import statuses_as_of
    from indexer.query.search import search

    records = [hit.record for hit in search(laws_ix, "条例 废止", limit=60).hits]
    records += [e.record for e in history(laws_ix, "进出口关税条例").entries]
    together = statuses_as_of(laws_ix, records, "2025-01-01")
    assert together == {r.id: statuses_as_of(laws_ix, [r], "2025-01-01")[r.id] for r in records}
    assert "repealed" in {s.status for s in together.values()}


def test_a_series_without_part_number_shows_each_part(corpus_index):
    result = run("history", "GB/T 18115", "--index", corpus_index, "--format", "json")
    assert result.exit_code == 0, result.output
    parts = json.loads(result.stdout)
    works = [p["work"] for p in parts]
    assert len(works) >= 2 and all(w.startswith("std:GB/T 18115.") for w in works)
    assert works == sorted(works, key=lambda w: int(w.rsplit(".", 1)[1]))
    assert run("history", "GB/T 99999", "--index", corpus_index).exit_code == 2
