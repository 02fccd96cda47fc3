"""search --as-of: statuses as they were on a day, and --status applied to them."""
import json

from conftest import run


def statuses(index, *args):
    result = run("search", "烧结钕铁硼永磁材料", "--std", "GB/T 13560", "--format", "json", "--limit", "50",
                 "--index", index, *args)
    assert result.exit_code == 0, result.output
    return {h["std_no"]: h["status"] for h in json.loads(result.stdout)["hits"]}


def test_status_as_of_a_day_between_versions(corpus_index):
    assert statuses(corpus_index) == {"GB/T 13560-2000": "superseded", "GB/T 13560-2009": "superseded",
                                      "GB/T 13560-2017": "in_force"}
    # GB/T 13560-2009 took effect 2010-02-01; 2017's was issued 2017-10-14 and took effect
    # 2018-05-01: not there at all in 2015, upcoming between its issue and its effect.
    assert statuses(corpus_index, "--as-of", "2015-06-01") == {
        "GB/T 13560-2000": "superseded", "GB/T 13560-2009": "in_force"}
    assert statuses(corpus_index, "--as-of", "2017-12-01") == {
        "GB/T 13560-2000": "superseded", "GB/T 13560-2009": "in_force", "GB/T 13560-2017": "upcoming"}


def test_status_filter_applies_to_the_as_of_statuses(corpus_index):
    assert statuses(corpus_index, "--as-of", "2015-06-01", "--status", "in_force") == {
        "GB/T 13560-2009": "in_force"}


def test_bad_as_of_date(corpus_index):
    result = run("search", "镝", "--as-of", "someday", "--index", corpus_index)
    assert result.exit_code == 2 and "someday" in result.stderr


def test_configured_glossary_is_used(tmp_path, corpus_index):
    glossary = tmp_path / "mine.json"
    glossary.write_text('{"version": 1, "entries": [{"zh": "钕铁硼", "en": "neomagnetite", '
                        '"variants": [], "category": "material"}]}', encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(f'glossary = ["{glossary}"]\n', encoding="utf-8")
    without = run("search", "neomagnetite", "--index", corpus_index, "--format", "json")
    assert json.loads(without.stdout)["total"] == 0
    result = run("--config", config, "search", "neomagnetite", "--index", corpus_index, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["total"] > 0
    glossary.write_text('{"version": 1, "entries": [{"zh": "钕铁硼"}]}', encoding="utf-8")
    broken = run("--config", config, "search", "neomagnetite", "--index", corpus_index)
    assert broken.exit_code == 2 and str(glossary) in broken.stderr
