"""stdidx timeline: counts by year, issuer or type as bars, CSV, JSON and an SVG chart."""
import csv
import io
import json
from collections import Counter

import pytest
from lxml import etree

from conftest import run

SVG = "{http://www.w3.org/2000/svg}"


def timeline_json(index, *args) -> dict:
    result = run("timeline", *args, "--index", index, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_counts_by_year_match_the_records(corpus_index, corpus_records):
    data = timeline_json(corpus_index)
    expected = Counter((r["issued"] or "unknown")[:4] if r["issued"] else "unknown" for r in corpus_records)
    counts = {b["key"]: b["count"] for b in data["buckets"]}
    assert {k: v for k, v in counts.items() if v} == dict(expected)
    assert data["records"] == len(corpus_records)
    years = [b["key"] for b in data["buckets"] if b["key"] != "unknown"]
    # every year from the first to the last, gaps as zeros, in order
    assert years == [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]
    assert counts["1996"] == 0


def test_counts_by_doc_type_and_issuer(corpus_index, corpus_records):
    by_type = timeline_json(corpus_index, "--by", "doc_type")
    assert {b["key"]: b["count"] for b in by_type["buckets"]} == dict(Counter(r["doc_type"] for r in corpus_records))
    by_issuer = timeline_json(corpus_index, "--by", "issuer")
    counts = {b["key"]: b["count"] for b in by_issuer["buckets"]}
    assert counts["CSRE"] == sum(1 for r in corpus_records if any(i["id"] == "CSRE" for i in r["issuers"]))
    assert [b["count"] for b in by_issuer["buckets"]] == sorted((b["count"] for b in by_issuer["buckets"]), reverse=True)
    miit = next(b for b in by_issuer["buckets"] if b["key"] == "MIIT")
    assert miit["label"] == "工业和信息化部"


def test_query_and_filters_narrow_the_counts(corpus_index, corpus_records):
    standards = timeline_json(corpus_index, "--type", "standard", "--by", "doc_type")
    assert [(b["key"], b["count"]) for b in standards["buckets"]] == [
        ("standard", sum(1 for r in corpus_records if r["doc_type"] == "standard"))]
    since = timeline_json(corpus_index, "--since", "2024")
    assert all(b["key"] >= "2024" for b in since["buckets"])
    magnets = timeline_json(corpus_index, "钕铁硼")
    assert magnets["query"] == "钕铁硼" and 0 < magnets["records"] < len(corpus_records)


def test_bar_chart(corpus_index):
    result = run("timeline", "--index", corpus_index, "--by", "doc_type")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("all records by doc type · ")
    first = lines[1]
    assert first.startswith("standard") and "█" * 40 in first      # the largest bar is full width
    assert "\x1b[" not in result.stdout


def test_csv(corpus_index):
    result = run("timeline", "--index", corpus_index, "--format", "csv")
    assert result.stdout.startswith("\ufeff")  # Excel reads the Chinese labels as UTF-8
    rows = list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert rows[0] == ["year", "label", "count"]
    assert all(row[2].isdigit() for row in rows[1:])


def test_svg_is_a_labelled_bar_chart(corpus_index, tmp_path):
    out = tmp_path / "years.svg"
    result = run("timeline", "--index", corpus_index, "--format", "svg", "--out", out)
    assert result.exit_code == 0 and result.stdout == ""
    root = etree.parse(str(out)).getroot()
    assert root.tag == f"{SVG}svg"
    data = timeline_json(corpus_index)
    bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(bars) == len(data["buckets"])
    texts = {t.text for t in root.iter(f"{SVG}text")}
    assert {"2024", "2025", "all records by year · 137 records"} <= texts
    tallest = max(bars, key=lambda r: float(r.get("height")))
    top = max(data["buckets"], key=lambda b: b["count"])
    assert tallest.find(f"{SVG}title").text == f"{top['label']}: {top['count']}"


def test_svg_by_issuer_escapes_text(corpus_index, tmp_path):
    out = tmp_path / "issuers.svg"
    result = run("timeline", "R&D <magnets>", "--index", corpus_index, "--by", "issuer", "--format", "svg",
                 "--out", out)
    assert result.exit_code == 0
    root = etree.parse(str(out)).getroot()      # parses: the query text is escaped
    assert any("R&D <magnets>" in (t.text or "") for t in root.iter(f"{SVG}text"))


@pytest.mark.parametrize("args, message", [
    (["--format", "svg"], "--out FILE"),
    (["--by", "month"], "month"),
    (["--since", "whenever"], "is not a date"),
    (['"unbalanced'], "unbalanced quote"),
])
def test_timeline_errors_exit_2(corpus_index, args, message):
    result = run("timeline", *args, "--index", corpus_index)
    assert result.exit_code == 2 and message in result.stderr


def test_no_matches(corpus_index):
    result = run("timeline", "量子纠缠", "--index", corpus_index)
    assert result.exit_code == 0 and "no matching records" in result.stdout
    assert timeline_json(corpus_index, "量子纠缠")["buckets"] == []
