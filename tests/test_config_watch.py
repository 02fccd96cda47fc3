"""Configuration file, saved searches and schedules, through the CLI."""
import json

import pytest

from conftest import run


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("STDIDX_CONFIG", raising=False)
    monkeypatch.delenv("STDIDX_INDEX", raising=False)
    return tmp_path


def write_config(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_config_show_names_the_source_of_each_value(home, monkeypatch):
    config = write_config(home / "xdg" / "stdidx" / "config.toml",
                          'index = "ix"\nroots = ["notices"]\nexclude = ["drafts/*"]\n')
    data = json.loads(run("config", "show", "--format", "json").stdout)
    assert data["config"] == {"value": str(config), "source": "default", "exists": True}
    assert data["index"] == {"value": str(config.parent / "ix"), "source": f"file {config}"}
    assert data["roots"]["value"] == [str(config.parent / "notices")]
    assert data["include"]["source"] == "default"
    monkeypatch.setenv("STDIDX_INDEX", str(home / "from-env"))
    assert json.loads(run("config", "show", "--format", "json").stdout)["index"]["source"] == "$STDIDX_INDEX"
    flagged = json.loads(run("config", "show", "--index", home / "flag", "--format", "json").stdout)
    assert flagged["index"] == {"value": str(home / "flag"), "source": "--index"}


def test_config_flag_and_environment_choose_the_file(home, monkeypatch):
    other = write_config(home / "other.toml", 'index = "/srv/stdidx"\n')
    assert json.loads(run("--config", other, "config", "show", "--format", "json").stdout)[
        "config"]["source"] == "--config"
    monkeypatch.setenv("STDIDX_CONFIG", str(other))
    shown = json.loads(run("config", "show", "--format", "json").stdout)
    assert shown["config"]["source"] == "$STDIDX_CONFIG" and shown["index"]["value"] == "/srv/stdidx"


@pytest.mark.parametrize("text, message", [
    ("index = [", "config.toml"),
    ("roots = \"notices\"\n", "roots must be a list"),
    ("colour = true\n", "unknown setting colour"),
    ("[watch.x]\nquery = \"镝\"\nbogus = 1\n", "unknown keys bogus"),
])
def test_bad_configuration_is_a_usage_error(home, text, message):
    write_config(home / "xdg" / "stdidx" / "config.toml", text)
    result = run("config", "show")
    assert result.exit_code == 2 and message in result.stderr


def test_missing_explicit_config_file(home):
    result = run("--config", home / "nope.toml", "config", "show")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_reindex_uses_roots_from_the_configuration(home, tmp_path):
    corpus = tmp_path / "notices"
    corpus.mkdir()
    (corpus / "a.md").write_text("# 稀土管理条例\n镝\n", encoding="utf-8")
    write_config(home / "xdg" / "stdidx" / "config.toml",
                 f'index = "{tmp_path / "ix"}"\nroots = ["{corpus}"]\n')
    assert run("index", corpus, "--index", tmp_path / "ix").exit_code == 0
    (corpus / "b.md").write_text("# 稀土行业规范条件\n铽\n", encoding="utf-8")
    result = run("reindex")
    assert result.exit_code == 0 and "1 added" in result.stdout


def test_reindex_without_any_roots_is_a_configuration_error(home, tmp_path):
    result = run("reindex", "--index", tmp_path / "empty")
    assert result.exit_code == 2 and "no corpus roots" in result.stderr


def test_watch_lifecycle_and_news(home, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text("# 关于镝的通知\n镝\n\n工业和信息化部\n\n2024年3月1日\n", encoding="utf-8")
    ix = tmp_path / "ix"
    assert run("index", corpus, "--index", ix).exit_code == 0
    assert run("watch", "add", "dy", "镝", "--issuer", "工信部").exit_code == 0
    assert run("watch", "add", "bad", "镝", "--issuer", "Ministry of Magic").exit_code == 2
    config = (home / "xdg" / "stdidx" / "config.toml").read_text("utf-8")
    assert '[watch.dy]' in config and 'issuer = ["工信部"]' in config
    assert "1 matching" in run("watch", "list", "--index", ix).stdout
    assert run("reindex", "--index", ix).stdout == ""           # first run: baseline only
    (corpus / "b.md").write_text("# 关于镝出口的通知\n镝\n\n工业和信息化部\n\n2025年4月4日\n", encoding="utf-8")
    result = run("reindex", "--index", ix)
    assert "watch dy: 1 new — 关于镝出口的通知" in result.stdout
    news = json.loads(run("watch", "news", "dy", "--index", ix, "--format", "json").stdout)
    assert [r["title"] for item in news for r in item["records"]] == ["关于镝出口的通知"]
    assert run("watch", "news", "--since", "2099-01-01", "--index", ix).stdout == "no news\n"
    shown = run("watch", "show", "dy", "--index", ix, "--format", "json")
    assert json.loads(shown.stdout)["total"] == 2
    assert run("watch", "rm", "dy").exit_code == 0
    assert run("watch", "show", "dy", "--index", ix).exit_code == 2


def test_schedule_lines_use_installed_paths(home, tmp_path):
    cron = run("schedule", "--cron", "--index", tmp_path / "ix").stdout
    assert cron.startswith("17 6 * * * ") and " reindex --index " in cron
    assert "--config" not in cron      # there is no configuration file to name
    units = run("schedule", "--systemd", "--on-calendar", "hourly", "--index", tmp_path / "ix").stdout
    assert "[Service]" in units and "ExecStart=" in units and "OnCalendar=hourly" in units
    assert run("schedule", "--index", tmp_path / "ix").exit_code == 2


def test_export_a_saved_search_by_name(home, corpus_index):
    assert run("watch", "add", "magnets", "钕铁硼", "--type", "standard").exit_code == 0
    saved = run("export", "--saved", "magnets", "--index", corpus_index)
    direct = run("export", "钕铁硼", "--type", "standard", "--index", corpus_index)
    assert saved.exit_code == 0 and saved.stdout == direct.stdout and saved.stdout
    assert run("export", "镝", "--saved", "magnets", "--index", corpus_index).exit_code == 2
    assert run("export", "--saved", "nothing", "--index", corpus_index).exit_code == 2


def test_watch_add_refuses_a_bad_query_and_an_empty_name_and_says_when_it_replaces(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("STDIDX_CONFIG", raising=False)
    bad = run("watch", "add", "x", "(镝")
    assert bad.exit_code == 2 and "unbalanced parenthesis" in bad.output
    assert not (tmp_path / "config" / "stdidx" / "config.toml").exists()
    assert run("watch", "add", "", "镝").exit_code == 2
    assert "saved search 'x'" in run("watch", "add", "x", "镝").output
    assert "replaced search 'x'" in run("watch", "add", "x", "铽").output


@pytest.mark.parametrize("query", ["稀土 AND", "OR 镝", "镝 AND OR 铽", "稀土 NOT"])
def test_dangling_operators_are_syntax_errors(corpus_index, query):
    result = run("search", query, "--index", corpus_index)
    assert result.exit_code == 2 and "operator" in result.output
