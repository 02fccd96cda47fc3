"""The command line: exit codes, messages, and the commands besides search."""
import codecs
import json
import os
import subprocess
import sys

import pytest

from conftest import run


@pytest.mark.parametrize("args, message", [
    (["search", "稀土", "--issuer", "Ministry of Magic"], "unknown issuer"),
    (["search", "稀土", "--since", "last Tuesday"], "is not a date"),
    (["search", "稀土", "--since", "2024-02-30"], "is not a date"),
    (["search", "稀土", "--since", "2025", "--until", "2024"], "is after"),
    (["search", '"稀土'], "unbalanced quote"),
    (["search", "(稀土"], "unbalanced parenthesis"),
    (["search", "稀土", "--std", "hello"], "not a standard number"),
    (["show", "dnothere"], "no document"),
])
def test_user_errors_exit_2_with_one_line(corpus_index, args, message):
    result = run(*args, "--index", corpus_index)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_bad_choice_is_a_usage_error(corpus_index):
    result = run("search", "稀土", "--type", "poem", "--index", corpus_index)
    assert result.exit_code == 2 and "poem" in result.stderr


def test_missing_index_is_reported(tmp_path):
    result = run("export", "--index", tmp_path / "nowhere")
    assert result.exit_code == 2 and "no index" in result.stderr


def test_search_builds_missing_index_from_bundled_corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("STDIDX_INDEX", raising=False)
    result = run("search", "钕铁硼", "--format", "json")
    assert result.exit_code == 0
    assert "building one from the bundled corpus" in result.stderr
    assert json.loads(result.stdout)["total"] > 0
    assert (tmp_path / "data" / "stdidx" / "index").is_dir()


def test_search_on_a_mistyped_index_is_an_error_not_the_demo(tmp_path):
    result = run("search", "钕铁硼", "--index", tmp_path / "mistyped")
    assert result.exit_code == 2 and "no index" in result.stderr
    assert not (tmp_path / "mistyped").exists()


def test_show_prints_record(corpus_index, corpus_records):
    record = next(r for r in corpus_records if r["std_no"] == "GB/T 13560-2017")
    text = run("show", record["id"], "--index", corpus_index)
    assert text.exit_code == 0 and "GB/T 13560-2017" in text.stdout and record["title"] in text.stdout
    data = json.loads(run("show", record["id"], "--index", corpus_index, "--format", "json").stdout)
    assert data == record


def test_export_is_every_record_once(corpus_index, corpus_records):
    from indexer.index.store import Store

    assert len(corpus_records) == Store(corpus_index).meta()["count"]
    assert len({r["id"] for r in corpus_records}) == len(corpus_records)
    assert [r["path"] for r in corpus_records] == sorted(r["path"] for r in corpus_records)


def test_export_with_query_equals_search_result_set(corpus_index):
    exported = run("export", "镝", "--issuer", "SAMR", "--index", corpus_index)
    searched = run("search", "镝", "--issuer", "SAMR", "--index", corpus_index,
                   "--format", "json", "--limit", "10000")
    export_ids = [json.loads(line)["id"] for line in exported.stdout.splitlines()]
    search_ids = [hit["id"] for hit in json.loads(searched.stdout)["hits"]]
    assert export_ids == search_ids and export_ids


def test_export_to_file(corpus_index, tmp_path):
    out = tmp_path / "out.jsonl"
    assert run("export", "--index", corpus_index, "--type", "policy", "--out", out).exit_code == 0
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert rows and all(r["doc_type"] == "policy" for r in rows)


def test_bad_files_are_reported_and_the_rest_indexed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text("# 稀土管理条例\n\n第一条 镝和铽。\n", encoding="utf-8")
    (corpus / "good-gb.txt").write_bytes("关于加强稀土行业管理的通知\n钕铁硼。".encode("gb18030"))
    (corpus / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + "稀土产品追溯\n镨钕".encode("utf-16-le"))
    (corpus / "xxe.xml").write_bytes(b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                     b"<record><title>&x;</title></record>")
    (corpus / "broken.xml").write_bytes(b"<record><title>unclosed")
    (corpus / "empty.html").write_bytes(b"")
    (corpus / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "tags.html").write_text("<html><body><h1>稀土<p>未闭合的标签<div>镧铈", encoding="utf-8")
    result = run("index", corpus, "--index", tmp_path / "ix")
    assert result.exit_code == 1
    assert "indexed 4 documents from 8 files" in result.stdout
    assert "failed   xxe.xml: XML declares a DTD" in result.stdout
    assert "failed   broken.xml: malformed XML" in result.stdout
    assert "skipped  empty.html: empty file" in result.stdout
    assert "skipped  blob.txt: binary file" in result.stdout
    found = json.loads(run("search", "镨钕 OR 镧铈 OR 钕铁硼 OR 镝", "--index", tmp_path / "ix",
                           "--format", "json").stdout)
    assert found["total"] == 4


def test_index_keeps_old_index_when_build_fails(tmp_path, monkeypatch):
    from indexer import status

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text("# 稀土\n镝", encoding="utf-8")
    assert run("index", corpus, "--index", tmp_path / "ix").exit_code == 0

    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(status, "superseded_ids", explode)
    with pytest.raises(RuntimeError):
        run("index", corpus, "--index", tmp_path / "ix")
    assert json.loads(run("search", "镝", "--index", tmp_path / "ix", "--format", "json").stdout)["total"] == 1


def test_issuers_lists_registry():
    result = run("issuers")
    assert result.exit_code == 0 and "MIIT" in result.stdout and "工业和信息化部" in result.stdout


def test_help_names_index_location():
    result = run("--help")
    assert "STDIDX_INDEX" in result.stdout
    for command in ("index", "search", "show", "export"):
        assert command in result.stdout


def stdidx(*args, env=None):
    return subprocess.run([sys.executable, "-m", "indexer", *map(str, args)], capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=120)


def test_real_process_search_and_error(corpus_index):
    ok = stdidx("search", "钕铁硼", "--format", "json", env={"STDIDX_INDEX": str(corpus_index)})
    assert ok.returncode == 0 and json.loads(ok.stdout)["total"] > 0
    bad = stdidx("search", "稀土", "--since", "soon", "--index", corpus_index)
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0 and "Traceback" not in bad.stderr


def test_inspect_explains_each_field(tmp_path):
    path = tmp_path / "reg.md"
    path.write_text("# 稀土管理条例\n\n（2024年4月26日国务院第31次常务会议通过　2024年6月22日中华人民共和国国务院令"
                    "第785号公布　自2024年10月1日起施行）\n\n第一条 为了有效保护稀土资源，制定本条例。\n", encoding="utf-8")
    result = run("inspect", path)
    assert result.exit_code == 0
    assert "issued: 2024-06-22 (day)" in result.stdout
    assert "rule header:公布" in result.stdout and "国务院令第785号公布" in result.stdout
    assert "effective: 2024-10-01" in result.stdout and "STATE_COUNCIL" in result.stdout


def test_inspect_reports_unreadable_file(tmp_path):
    path = tmp_path / "x.xml"
    path.write_bytes(b"<record>")
    result = run("inspect", path)
    assert result.exit_code == 2 and "malformed XML" in result.stderr


def test_issuers_json_lists_every_name_a_body_is_found_by():
    entries = {e["id"]: e for e in json.loads(run("issuers", "--format", "json").stdout)}
    assert "中国国家标准化管理委员会" in entries["SAC"]["aliases"]
    former = entries["SAMR"]["former"]  # in both languages, with their abbreviations
    assert {"国家质量监督检验检疫总局", "General Administration of Quality Supervision, Inspection and Quarantine",
            "AQSIQ"} <= set(former)


def test_filter_values_are_forgiving(corpus_index):
    loose = run("export", "--lang", "zh", "--status", "In-Force", "--type", "POLICY,standard",
                "--issuer", "MIIT,MNR", "--fields", "id,lang,status,doc_type", "--index", corpus_index)
    assert loose.exit_code == 0, loose.output
    rows = [json.loads(line) for line in loose.stdout.splitlines()]
    assert rows and all(r["lang"].startswith("zh") and r["status"] == "in_force"
                        and r["doc_type"] in ("policy", "standard") for r in rows)
    strict = run("export", "--lang", "zh-Hans", "--lang", "zh-Hant", "--status", "in_force", "--type", "policy",
                 "--type", "standard", "--issuer", "MIIT", "--issuer", "MNR", "--fields", "id,lang,status,doc_type",
                 "--index", corpus_index)
    assert loose.stdout == strict.stdout
    assert run("search", "稀土", "--status", "bogus", "--index", corpus_index).exit_code == 2


def test_h_is_help():
    assert run("search", "-h").stdout == run("search", "--help").stdout
    assert run("-h").stdout == run("--help").stdout and "COMMAND" in run("-h").stdout


def test_search_without_words_lists_what_the_filters_match_newest_first(corpus_index):
    result = run("search", "--issuer", "MIIT", "--since", "2024", "--format", "jsonl", "--limit", "50",
                 "--index", corpus_index)
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    dates = [h["issued"] for h in hits]
    assert dates and dates == sorted(dates, reverse=True) and min(dates) >= "2024"
    bare = run("search")
    assert bare.exit_code == 2 and "give a QUERY" in bare.output


def test_show_by_standard_or_document_number(corpus_index):
    def show(*args):
        return run("show", *args, "--index", corpus_index)

    by_number = show("GB/T 13560-2017", "--format", "json")
    assert by_number.exit_code == 0 and json.loads(by_number.stdout)["std_no"] == "GB/T 13560-2017"
    assert json.loads(show("国务院令第785号", "--format", "json").stdout)["doc_no"] == "国务院令第785号"
    several = show("GB/T 13560")
    assert several.exit_code == 2 and "GB/T 13560-2009" in several.output and "GB/T 13560-2017" in several.output


def test_offset_pages_through_the_same_ranking(corpus_index):
    def ids(*args):
        result = run("search", "稀土", "--format", "jsonl", "--index", corpus_index, *args)
        assert result.exit_code == 0, result.output
        return [json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()]

    assert ids("--limit", "3") + ids("--limit", "3", "--offset", "3") == ids("--limit", "6")
    table = run("search", "稀土", "--limit", "2", "--offset", "2", "--index", corpus_index).stdout
    assert "showing 3–4 (--limit, --offset for more)" in table and "\n 3. " in table


def test_json_results_give_the_query_as_typed_and_counts_read_plainly(tmp_path, corpus_index):
    data = json.loads(run("search", "稀土", "--format", "json", "--limit", "1", "--index", corpus_index).stdout)
    assert data["query"] == "稀土" and "rare earth" in data["expanded"]
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("关于稀土的通知。\n工业和信息化部\n2024年3月15日\n", "utf-8")
    assert "indexed 1 document from 1 file in" in run("index", tmp_path / "c", "--index", tmp_path / "ix").stdout
