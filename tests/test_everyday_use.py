"""What a new user trips over in everyday use: no silent wrong answers, no tracebacks.

Signals and pipes are tested with real processes, as a shell delivers them.
"""
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, run, wait_until_reading, wait_until_writing
from indexer.cli import cli
from indexer.index.store import Store
from test_reindex import write_corpus


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("STDIDX_CONFIG", raising=False)
    monkeypatch.delenv("STDIDX_INDEX", raising=False)


def notices(root: Path, count: int, topic: str = "稀土指标") -> Path:
    write_corpus(root, count, topic=topic)
    return root


def doc_count(index: Path) -> int:
    return Store(index).open().doc_count()


def stdidx(*args, **kwargs) -> subprocess.Popen:
    """A real process in a session of its own, so a signal can go to it and its workers, as Ctrl-C does;
    Ctrl-C acts on it as in a terminal even when the tests run in the background (which ignores SIGINT)."""
    return subprocess.Popen([sys.executable, "-m", "indexer", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL), **kwargs)


def one_line_error(stderr: str) -> str:
    assert stderr.startswith("stdidx: error: ") and stderr.count("\n") == 1, stderr
    return stderr


@pytest.fixture
def two_roots(tmp_path):
    first, second, index = notices(tmp_path / "first", 5), notices(tmp_path / "second", 2, "铽指标"), \
        tmp_path / "ix"
    assert run("index", first, "--index", index).exit_code == 0
    return first, second, index


# --- no tracebacks: one error style, Ctrl-C is 130, a closed pipe is quiet -------------

@pytest.mark.parametrize("command", [
    "export --format xlsx --fields id,title,text", "export --format csv", "export --format jsonl",
    "export --format xml",
])
def test_a_reader_that_stops_early_is_no_error(corpus_index, command):
    shown = subprocess.run(f"{shlex.quote(sys.executable)} -m indexer {command} --index {corpus_index} "
                           "| head -c 4; echo \" ${PIPESTATUS[0]}\"", shell=True, executable="/bin/bash",
                           capture_output=True, timeout=120)
    assert shown.stderr == b"" and shown.stdout.endswith(b" 141\n"), shown


@pytest.mark.parametrize("args", [
    ["timeline", "--format", "json", "--out", "/missing/dir/x.json"],
    ["export", "--out", "/missing/dir/x.jsonl"],
])
def test_an_output_file_in_a_missing_folder_is_one_line(corpus_index, args):
    result = run(*args, "--index", corpus_index)
    assert result.exit_code != 0 and "/missing/dir/x." in one_line_error(result.stderr)


@pytest.mark.parametrize("command", [["search", "镝"], ["export"], ["history", "x"], ["timeline"],
                                     ["show", "x"], ["watch", "news"], ["reindex"], ["index", "ROOT"]])
@pytest.mark.parametrize("where", ["/dev/null/x", "FILE"])
def test_an_index_path_that_cannot_be_an_index_is_one_line(tmp_path, command, where):
    (tmp_path / "file").write_text("x")
    notices(tmp_path / "root", 1)
    where = str(tmp_path / "file") if where == "FILE" else where
    args = [str(tmp_path / "root") if a == "ROOT" else a for a in command]
    result = run(*args, "--index", where)
    assert result.exit_code in (1, 2)
    one_line_error(result.stderr)
    if command[0] != "index":    # no advice to build an index where none can be
        assert "is not a folder" in result.stderr and "stdidx index" not in result.stderr, result.stderr


CTRL_C_WHILE_IMPORTING = """
import sys

class CtrlC:                # Ctrl-C lands while Python reads the commands' modules
    def find_spec(self, name, path=None, target=None):
        if name == "indexer.cli.base":
            raise KeyboardInterrupt

sys.meta_path.insert(0, CtrlC())
from indexer.cli import main
sys.argv = ["stdidx", "--version"]
main()
"""


def test_ctrl_c_while_the_commands_load_exits_130_without_a_traceback():
    result = subprocess.run([sys.executable, "-c", CTRL_C_WHILE_IMPORTING], capture_output=True, text=True,
                            timeout=60)
    assert (result.returncode, result.stderr) == (130, "stdidx: error: interrupted\n")


def test_ctrl_c_in_any_command_exits_130(corpus_index, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("indexer.query.search.search", interrupted)
    result = run("search", "镝", "--index", corpus_index)
    assert result.exit_code == 130 and one_line_error(result.stderr) == "stdidx: error: interrupted\n"


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
def test_ctrl_c_during_index_exits_130_without_tracebacks(tmp_path):
    root, index = notices(tmp_path / "c", 1500), tmp_path / "ix"
    build = stdidx("index", root, "--index", index)
    deadline = time.monotonic() + 60
    while len(children(build.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.2)
    os.killpg(build.pid, signal.SIGINT)
    out, err = build.communicate(timeout=60)
    assert build.returncode == 130, (out, err)
    assert one_line_error(err) == "stdidx: error: interrupted\n"
    assert not list(index.glob("gen-*"))


@pytest.fixture
def reindex_with_work(tmp_path):
    root, index = notices(tmp_path / "c", 300), tmp_path / "ix"
    assert run("index", root, "--index", index).exit_code == 0
    notices(root / "more", 4000, "钬指标")
    return index


def reading_reindex(index: Path) -> subprocess.Popen:
    process = stdidx("reindex", "--index", index)
    wait_until_writing(process, index)
    wait_until_reading(process)
    time.sleep(0.5)  # a moment to read some files, so that stopping has something to commit
    return process


def stop_reindex(index: Path, *signals_after: float) -> tuple[subprocess.Popen, str, float]:
    process = reading_reindex(index)
    for pause in signals_after:
        os.killpg(process.pid, signal.SIGINT)
        sent = time.monotonic()
        time.sleep(pause)
    _, err = process.communicate(timeout=120)
    return process, err, time.monotonic() - sent


def test_ctrl_c_during_reindex_stops_after_the_file_at_hand(tmp_path, monkeypatch):
    from indexer import pipeline

    root, index = notices(tmp_path / "c", 20), tmp_path / "ix"
    assert run("index", root, "--index", index).exit_code == 0
    notices(root / "more", 50, "钬指标")
    # Files are read in a worker process: it counts them in a file, and signals the run.
    real, run_pid, read = pipeline.extract_file, os.getpid(), tmp_path / "read"

    def extract(item, builder=None):
        with open(read, "a") as counter:
            counter.write(".")
        if read.stat().st_size == 3:
            os.kill(run_pid, signal.SIGINT)
        return real(item, builder)

    monkeypatch.setattr(pipeline, "extract_file", extract)
    result = run("reindex", "--index", index)
    # The signal comes while the third file is read: the run stops after the file it is adding
    # then, the second or (on a loaded machine, its result already in) the third.
    added = int(re.search(r"(\d+) added", result.stdout)[1])
    assert result.exit_code == 130 and read.stat().st_size == 3 and added in (2, 3)
    assert one_line_error(result.stderr) == \
        f"stdidx: error: stopped by SIGINT; {50 - added} changes are left for the next run\n"
    assert doc_count(index) == 20 + added


def test_ctrl_c_during_reindex_stops_within_seconds_keeping_what_was_done(reindex_with_work):
    index = reindex_with_work
    process, err, took = stop_reindex(index, 0)
    assert process.returncode == 130 and "stopped by SIGINT" in one_line_error(err) and "Traceback" not in err
    assert took < 3, took
    assert 300 < doc_count(index) < 4300


def test_a_second_ctrl_c_stops_reindex_at_once(reindex_with_work):
    index = reindex_with_work
    process, err, took = stop_reindex(index, 0.05, 0)
    assert process.returncode == 130 and one_line_error(err) == "stdidx: error: interrupted\n"
    assert took < 1.5, took
    assert doc_count(index) == 300


def test_ctrl_c_held_down_stops_reindex_with_one_line(reindex_with_work):
    # Pressed again and again until the run has gone: the presses while it exits are ignored,
    # neither killing it (exit -2 instead of 130) nor adding a traceback.
    index = reindex_with_work
    process = reading_reindex(index)
    while process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
        time.sleep(0.005)
    assert process.returncode == 130 and one_line_error(process.stderr.read()) == "stdidx: error: interrupted\n"
    assert doc_count(index) == 300


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and re.fullmatch(r"stdidx, version \d+\.\d+\.\d+\n", result.stdout)


@pytest.mark.parametrize("args, message", [
    (["search", "--bogus"], "no such option '--bogus'; see 'stdidx search --help'"),
    (["nope"], "no such command 'nope'; see 'stdidx --help'"),
    (["show"], "missing argument 'DOC_ID'; see 'stdidx show --help'"),
    (["search", "x", "--limit", "0"], "invalid value for '--limit'"),
    (["watch", "add"], "see 'stdidx watch add --help'"),
    (["search", "x", "--sinc", "2024"], "no such option '--sinc' (did you mean one of: '--ics', '--index', "
                                        "'--since'?); see 'stdidx search --help'"),
    (["serch"], "no such command 'serch' (did you mean 'search'?); see 'stdidx --help'"),
])
def test_usage_errors_are_one_line_in_the_one_style(args, message):
    result = run(*args)
    assert result.exit_code == 2 and message in one_line_error(result.stderr)


def test_usage_errors_in_a_real_process_too():
    done = subprocess.run([sys.executable, "-m", "indexer", "search", "--bogus"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2 and one_line_error(done.stderr)


@pytest.mark.parametrize("group", [[], ["config"], ["watch"]])
def test_a_group_without_its_command_shows_its_help_as_help(group):
    done = subprocess.run([sys.executable, "-m", "indexer", *group], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.startswith(f"Usage: {' '.join(['stdidx', *group])} ")
    assert "\nCommands:\n" in done.stderr and "\\n" not in done.stderr and "error" not in done.stderr


# --- schedules -------------------------------------------------------------------------

@pytest.fixture
def on_path(monkeypatch):
    """stdidx on PATH, as after an install, so the schedule names it."""
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


def test_the_printed_cron_line_runs_without_a_configuration_file(two_roots, on_path, tmp_path):
    first, _, index = two_roots
    notices(first / "more", 1, "钬指标")
    line = run("schedule", "--cron", "--index", index).stdout
    assert line.startswith("17 6 * * * ") and "--config" not in line
    done = subprocess.run(line.split(" ", 5)[5], shell=True, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert done.returncode == 0, done.stderr
    assert doc_count(index) == 6 and json.loads((index / "last-reindex.json").read_text())["added"]


def test_the_schedule_names_a_configuration_file_that_exists(tmp_path):
    config = tmp_path / "config" / "stdidx" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("", encoding="utf-8")
    assert f"--config {config} reindex" in run("schedule", "--cron", "--index", tmp_path / "ix").stdout


def test_the_documented_crontab_line_keeps_the_other_entries(tmp_path, on_path):
    docs = (REPO / "docs" / "reindex.md").read_text("utf-8")
    [install] = [line.split("  #")[0] for line in docs.splitlines() if "crontab -" in line
                 and "schedule --cron" in line and not line.startswith("`")]
    fake = tmp_path / "bin" / "crontab"
    fake.parent.mkdir()
    fake.write_text('#!/bin/sh\nif [ "$1" = -l ]; then cat "$TABLE" || exit 1\n'
                    'elif [ "$1" = - ]; then cat > "$TABLE.new" && mv "$TABLE.new" "$TABLE"; fi\n')
    fake.chmod(0o755)
    table = tmp_path / "table"
    table.write_text("0 1 * * * other-job\n")
    env = {**os.environ, "TABLE": str(table), "PATH": f"{fake.parent}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(["bash", "-c", install], env=env, check=True, timeout=60)
    lines = table.read_text().splitlines()
    assert lines[0] == "0 1 * * * other-job" and " reindex --index " in lines[1] and len(lines) == 2


@pytest.mark.parametrize("args, message", [
    (["--cron", "--systemd"], "choose one of --cron and --systemd"),
    ([], "choose one of --cron and --systemd"),
    (["--cron", "--at", "25:00"], "not a time of day"),
    (["--cron", "--at", "17 6 * * *"], "not a time of day"),
    (["--systemd", "--on-calendar", "every tuesday"], "not a systemd calendar expression"),
    (["--cron", "--on-calendar", "daily"], "--on-calendar goes with --systemd"),
    (["--systemd", "--at", "06:00", "--on-calendar", "daily"], "instead of --at"),
])
def test_schedule_values_are_checked(tmp_path, args, message):
    result = run("schedule", *args, "--index", tmp_path / "ix")
    assert result.exit_code == 2 and message in one_line_error(result.stderr)


def test_schedule_at_sets_the_time_of_both_kinds(tmp_path):
    assert run("schedule", "--cron", "--at", "22:30", "--index", tmp_path).stdout.startswith("30 22 * * * ")
    assert "OnCalendar=*-*-* 07:05:00" in run("schedule", "--systemd", "--at", "7:05", "--index", tmp_path).stdout


@pytest.mark.parametrize("expression, valid", [
    ("daily", True), ("Mon..Fri 06:17", True), ("*-*-* 06:17:00", True), ("Sat,Sun *-*-* 10:00", True),
    ("2026-01-01", True), ("hourly", True), ("every tuesday", False), ("25:61:99x", False), ("", False),
])
def test_on_calendar_is_checked_without_systemd_analyze_too(monkeypatch, expression, valid):
    from indexer import schedule
    from indexer.errors import UsageError

    monkeypatch.setattr(schedule.shutil, "which", lambda name: None)
    if valid:
        assert schedule.check_calendar(expression) == expression
    else:
        with pytest.raises(UsageError):
            schedule.check_calendar(expression)


# --- an index and its roots ------------------------------------------------------------

def test_index_without_paths_rebuilds_from_the_index_s_own_roots(two_roots):
    first, _, index = two_roots
    result = run("index", "--index", index)
    assert result.exit_code == 0, result.output
    assert doc_count(index) == 5 and Store(index).meta()["roots"] == [str(first.resolve())]


def test_replacing_an_index_of_other_roots_is_refused_without_a_terminal(two_roots):
    _, second, index = two_roots
    before = Store(index).meta()["generation"]
    result = run("index", second, "--index", index)
    assert result.exit_code == 2
    assert "holds 5 documents from" in one_line_error(result.stderr) and "--yes" in result.stderr
    assert f"replaces them with {second.resolve()}:" in result.stderr      # both sides named in full
    assert Store(index).meta()["generation"] == before and doc_count(index) == 5


def test_the_demo_index_of_the_bundled_corpus_is_replaced_without_asking(tmp_path):
    """A first search builds the default index from the bundled corpus; indexing one's own
    folder next (from a script too) replaces it, saying so, with nothing to lose."""
    from indexer.resources import corpus_dir

    index, mine = tmp_path / "ix", notices(tmp_path / "mine", 3)
    assert run("index", corpus_dir(), "--index", index).exit_code == 0
    result = run("index", mine, "--index", index)
    assert result.exit_code == 0, result.stderr
    assert "replacing the index of the bundled corpus" in result.stderr and doc_count(index) == 3


def test_replacing_an_index_of_other_roots_with_yes_says_so(two_roots):
    _, second, index = two_roots
    result = run("index", second, "--index", index, "--yes")
    assert result.exit_code == 0 and "this replaces them with" in result.stderr
    assert doc_count(index) == 2


@pytest.mark.parametrize("answer, count", [("n\n", 5), ("y\n", 2)])
def test_replacing_an_index_of_other_roots_asks_on_a_terminal(two_roots, monkeypatch, answer, count):
    _, second, index = two_roots
    monkeypatch.setattr("indexer.cli.base.on_terminal", lambda: True)
    result = CliRunner().invoke(cli, ["index", str(second), "--index", str(index)], input=answer)
    assert "Go ahead?" in result.stderr and result.exit_code == (2 if count == 5 else 0)
    assert doc_count(index) == count


def test_add_indexes_a_folder_into_the_index_keeping_its_roots(two_roots):
    first, second, index = two_roots
    result = run("index", "--add", second, "--index", index)
    assert result.exit_code == 0 and "2 added" in result.stdout
    assert doc_count(index) == 7
    assert Store(index).meta()["roots"] == [str(first.resolve()), str(second.resolve())]
    assert run("reindex", "--index", index).exit_code == 0 and doc_count(index) == 7
    assert run("index", "--index", index).exit_code == 0 and doc_count(index) == 7


@pytest.mark.parametrize("folder, message", [("first", "one of the index's roots already"),
                                             ("first/batch1", "overlaps")])
def test_add_refuses_a_folder_the_index_has(two_roots, folder, message):
    first, _, index = two_roots
    result = run("index", "--add", first.parent / folder, "--index", index)
    assert result.exit_code == 2 and message in one_line_error(result.stderr)


def test_add_refuses_when_the_configuration_names_the_roots(two_roots, tmp_path):
    _, second, index = two_roots
    config = tmp_path / "config" / "stdidx" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'roots = ["{second}"]\n', encoding="utf-8")
    result = run("index", "--add", second, "--index", index)
    assert result.exit_code == 2 and "add" in one_line_error(result.stderr) and str(config) in result.stderr


# --- help that ends with examples; diff as the docs type it ----------------------------

def every_command(group=cli, path=("stdidx",)):
    yield path, group
    for name, command in getattr(group, "commands", {}).items():
        yield from every_command(command, (*path, name))


@pytest.mark.parametrize("path, command", list(every_command()), ids=lambda p: " ".join(p) if
                         isinstance(p, tuple) else "")
def test_every_help_ends_with_two_or_three_examples(path, command):
    text = run(*path[1:], "--help").stdout
    examples = text.rstrip("\n").split("\nExamples:\n")[-1].splitlines()
    assert "\nExamples:\n" in text and 2 <= len(examples) <= 3, text
    assert all(re.match(r"  \(?(crontab -l 2>/dev/null; )?stdidx ", line) for line in examples), examples


@pytest.mark.parametrize("command, shown", [(["history", "GB/T", "13560"], "std:GB/T 13560  "),
                                            (["show", "GB/T", "13560-2017"], "std_no: GB/T 13560-2017")])
def test_history_and_show_take_a_number_typed_without_quotes(corpus_index, command, shown):
    """The shell splits GB/T 13560 in two, as README types it: one name all the same."""
    result = run(*command, "--index", corpus_index)
    assert result.exit_code == 0, result.output
    assert shown in result.stdout and result.stdout == run(" ".join(command[:1]), " ".join(command[1:]),
                                                           "--index", corpus_index).stdout


def test_diff_as_the_docs_type_it(corpus_index):
    result = run("diff", "GB/T", "13560-2009", "GB/T", "13560-2017", "--index", corpus_index)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("GB/T 13560-2009 → GB/T 13560-2017")
    unquoted = run("diff", "GB/T", "13560", "2009", "2017", "--index", corpus_index)
    assert unquoted.stdout == result.stdout


# --- versions, sorting ---------------------------------------------------------------

def test_date_sort_never_opens_with_an_undated_record(corpus_index):
    data = json.loads(run("search", "稀土", "--sort", "date", "--limit", "500", "--format", "json",
                          "--index", corpus_index).stdout)
    dates = [h["issued"] for h in data["hits"]]
    assert None in dates and dates[0] is not None
    assert dates.index(None) > max(i for i, d in enumerate(dates) if d)


def test_history_of_a_notice_saved_several_times_is_one_version_with_copies(tmp_path):
    from test_duplicates import NOTICE, index_folder

    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in NOTICE.splitlines() if line) + "</body></html>"
    ix, _ = index_folder(tmp_path, {"notice.txt": NOTICE.encode(), "a/notice.txt": NOTICE.encode(),
                                    "b/notice.html": html.encode()})
    out = run("history", "工信厅原〔2026〕41号", "--index", ix).stdout
    assert "1 version (+2 copies)" in out, out
    table = out.split("\n\n")[1].splitlines()
    assert len(table) == 2 and table[1][1:].startswith("1 ")       # a heading and one version
    files = [line.split()[-1] for line in out.split("\nsources\n")[1].splitlines()
             if line.startswith("  1 ") or line.startswith("     copy ")]
    assert sorted(files) == ["a/notice.txt", "b/notice.html", "notice.txt"]     # the version and its copies
    assert "later version" not in out and "superseded" not in out and "copy of" not in out
    assert out.count("published") == 1          # the life: one release, not one per copy
    data = json.loads(run("history", "工信厅原〔2026〕41号", "--index", ix, "--format", "json").stdout)
    assert len(data["versions"]) == 1 and data["versions"][0]["previous"] is None
    assert {c["path"] for c in data["versions"][0]["copies"]} | {data["versions"][0]["path"]} == \
        {"notice.txt", "a/notice.txt", "b/notice.html"}
    assert not [r for r in data["relations"] if r["kind"] == "duplicate"]


def test_a_copy_of_a_standard_that_states_its_replacement_is_no_version_of_its_own(tmp_path):
    """The copy states 代替 like its original: it is still a copy, and the replacement is said once."""
    root = tmp_path / "docs"
    (root / "downloads").mkdir(parents=True)
    for year in (2000, 2009, 2017):
        (root / f"gbt-13560-{year}.xml").write_bytes((REPO / "corpus/standards" / f"gbt-13560-{year}.xml").read_bytes())
    (root / "downloads/13560-2009 (1).xml").write_bytes((root / "gbt-13560-2009.xml").read_bytes())
    assert run("index", root, "--index", tmp_path / "ix").exit_code == 0
    out = run("history", "GB/T 13560", "--index", tmp_path / "ix").stdout
    assert "3 versions (+1 copy)" in out, out
    assert [line.split("  ")[1] for line in out.split("\n\n")[1].splitlines()[1:]] == \
        ["GB/T 13560-2000", "GB/T 13560-2009", "GB/T 13560-2017"]
    assert out.count("replaces #1 GB/T 13560-2000") == 1 and out.count("replaced  GB/T 13560-2009") == 1
    data = json.loads(run("history", "GB/T 13560", "--index", tmp_path / "ix", "--format", "json").stdout)
    assert [v["status"] for v in data["versions"]] == ["superseded", "superseded", "in_force"]
    assert [len(v["copies"]) for v in data["versions"]] == [0, 1, 0]


def test_the_stage_of_a_standard_is_its_edition_in_force_not_the_replacement_of_the_one_before(tmp_path):
    """GB/T 13560-2017 takes effect the day it replaces -2009: the standard is in effect, not replaced."""
    root = tmp_path / "docs"
    root.mkdir()
    for year in (2000, 2009, 2017):
        (root / f"gbt-13560-{year}.xml").write_bytes((REPO / "corpus/standards" / f"gbt-13560-{year}.xml").read_bytes())
    assert run("index", root, "--index", tmp_path / "ix").exit_code == 0
    for day, edition in [("2026-01-01", "GB/T 13560-2017"), ("2012-01-01", "GB/T 13560-2009")]:
        out = run("history", "GB/T 13560", "--index", tmp_path / "ix", "--as-of", day, "--format", "json").stdout
        life = json.loads(out)["life"]
        assert (life["current_stage"], life["current"]["names"]) == ("effective", edition), life["current"]
    table = run("history", "GB/T 13560", "--index", tmp_path / "ix").stdout
    assert re.search(r"^life  ·  stage on \S+: in effect \(since 2018-05-01\)", table, re.M), table


# --- a record and its file -------------------------------------------------------------

def test_inspect_gives_the_id_index_gives_the_same_file(two_roots, monkeypatch):
    first, _, index = two_roots
    file = first / "batch2" / "notice-0002.txt"
    shown = json.loads(run("show", "--index", index, "--format", "json",
                           json.loads(run("search", "稀土指标第2号", "--index", index, "--format", "json",
                                          "--limit", "1").stdout)["hits"][0]["id"]).stdout)
    assert shown["path"] == "batch2/notice-0002.txt"
    inspected = json.loads(run("inspect", file, "--index", index, "--format", "json").stdout)
    assert inspected["id"] == shown["id"] and inspected["path"] == shown["path"]
    monkeypatch.chdir(first / "batch2")        # a path typed relative to where one stands
    assert json.loads(run("inspect", "notice-0002.txt", "--index", index, "--format", "json").stdout)["id"] == \
        shown["id"]
    new = first / "batch2" / "notice-new.txt"       # not indexed yet: the id it will get
    new.write_text(file.read_text("utf-8"), encoding="utf-8")
    inspected = json.loads(run("inspect", new, "--index", index, "--format", "json").stdout)
    assert run("reindex", "--index", index).exit_code == 0
    assert json.loads(run("show", inspected["id"], "--index", index, "--format", "json").stdout)["path"] == \
        "batch2/notice-new.txt"


def test_show_gives_the_absolute_path_of_the_source_file(two_roots):
    first, _, index = two_roots
    doc_id = json.loads(run("export", "--index", index).stdout.splitlines()[0])["id"]
    result = run("show", doc_id, "--index", index)
    file = re.search(r"^ +file: (.+)$", result.stdout, re.M).group(1)
    assert Path(file).is_absolute() and Path(file).is_file() and Path(file).is_relative_to(first.resolve())


def test_show_open_hands_the_file_to_the_desktop_or_says_why_not(two_roots, tmp_path, monkeypatch):
    _, _, index = two_roots
    doc_id = json.loads(run("export", "--index", index).stdout.splitlines()[0])["id"]
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    result = run("show", doc_id, "--open", "--index", index)
    assert result.exit_code == 2 and "xdg-open" in one_line_error(result.stderr)
    bin_dir, opened = tmp_path / "bin", tmp_path / "opened"
    bin_dir.mkdir()
    (bin_dir / "xdg-open").write_text(f"#!/bin/sh\necho \"$1\" > {opened}\n")
    (bin_dir / "xdg-open").chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    result = run("show", doc_id, "--open", "--index", index)
    assert result.exit_code == 0
    for _ in range(50):
        if opened.exists() and opened.read_text().strip():
            break
        time.sleep(0.1)
    assert opened.read_text().strip() == re.search(r"^ +file: (.+)$", result.stdout, re.M).group(1)


# --- filter values: did you mean, short forms, joint issuers ----------------------------

@pytest.mark.parametrize("typed, meant", [("MIIIT", "MIIT"), ("工信布", "MIIT"), ("稀土行业", "ACREI"),
                                          ("NDCR", "NDRC")])
def test_an_unknown_issuer_says_which_one_was_meant(corpus_index, typed, meant):
    result = run("search", "稀土", "--issuer", typed, "--index", corpus_index)
    assert result.exit_code == 2 and f"did you mean {meant} " in one_line_error(result.stderr)


@pytest.mark.parametrize("option, typed, meant", [("--status", "inforce", "in_force"), ("--type", "standrad", "standard"),
                                                  ("--stage", "comment-open", "comments-open")])
def test_other_filter_values_say_which_one_was_meant(corpus_index, option, typed, meant):
    result = run("search", "稀土", option, typed, "--index", corpus_index)
    assert result.exit_code == 2 and f"did you mean {meant}?" in one_line_error(result.stderr)


@pytest.mark.parametrize("short, body", [("发改委", "NDRC"), ("发展改革委", "NDRC"), ("稀土行业协会", "ACREI"),
                                         ("国资委", "SASAC"), ("稀土学会", "CSRE"), ("国标委", "SAC")])
def test_common_short_forms_name_their_body(short, body):
    from indexer.query.parse import resolve_issuer

    assert resolve_issuer(short) == body
    listed = run("issuers").stdout
    assert short in next(line for line in listed.splitlines() if line.startswith(body + " "))


@pytest.mark.parametrize("typed, message", [("+", "leaves a name out"), ("MIIT+", "leaves a name out"),
                                            ("", "needs a value"), (",", "needs a value")])
def test_an_issuer_value_naming_no_body_is_an_error_not_no_filter(corpus_index, typed, message):
    """Neither nothing (a joint group missing a name) nor everything (an empty value) is answered."""
    result = run("search", "稀土", "--issuer", typed, "--index", corpus_index)
    assert result.exit_code == 2 and message in one_line_error(result.stderr)


def test_short_forms_are_not_read_in_texts_where_a_local_body_has_them():
    from indexer.extract.issuers import default_registry

    found = default_registry().find_in_text("江西省发改委、江西省国资委关于稀土企业的通知")
    assert not [m for m in found if m.entry and m.entry.id in ("NDRC", "SASAC")]


def test_joint_issuers_are_required_with_plus(corpus_index):
    def ids(*issuers):
        result = run("export", "--fields", "id,issuers", "--index", corpus_index,
                     *[a for i in issuers for a in ("--issuer", i)])
        assert result.exit_code == 0, result.output
        return {r["id"]: {i["id"] for i in r["issuers"]} for r in map(json.loads, result.stdout.splitlines())}

    joint, either = ids("MIIT+MNR"), ids("MIIT,MNR")
    assert joint and all({"MIIT", "MNR"} <= issuers for issuers in joint.values())
    assert set(joint) < set(either)
    assert ids("工信部 + 自然资源部") == joint
    assert set(ids("MIIT+MNR", "CSRE")) == set(joint) | set(ids("CSRE"))


# --- small things: --ui, config show, --config after the command, reports, headers -------

def test_issuers_table_has_a_header_in_either_language():
    assert run("issuers").stdout.split()[:3] == ["id", "English", "name"]
    assert run("issuers", "--ui", "zh").stdout.split()[:3] == ["代号", "中文名称", "英文名称"]


def test_timeline_labels_in_either_language(corpus_index):
    en = json.loads(run("timeline", "--by", "issuer", "--ui", "en", "--format", "json", "--index", corpus_index).stdout)
    assert {b["key"]: b["label"] for b in en["buckets"]}["MIIT"] == "Ministry of Industry and Information Technology"
    zh = run("timeline", "--by", "doc_type", "--ui", "zh", "--index", corpus_index).stdout
    assert zh.startswith("全部文件按文件类型统计") and "standard 标准" in zh
    plain = run("timeline", "--by", "issuer", "--format", "json", "--index", corpus_index).stdout
    assert {b["key"]: b["label"] for b in json.loads(plain)["buckets"]}["MIIT"] == "工业和信息化部"


def test_history_in_either_language(corpus_index):
    zh = run("history", "GB/T 13560", "--ui", "zh", "--index", corpus_index).stdout
    assert "3 个版本" in zh and "发布日期" in zh and "现行" in zh and "被代替" in zh and "代替 #1（明示）" in zh
    assert "（今国家市场监督管理总局）" in zh
    en = run("history", "GB/T 13560", "--ui", "en", "--index", corpus_index).stdout
    assert "Standardization Administration of China" in en and "in_force" in en


def test_config_show_says_the_file_is_missing_and_shows_the_index_roots(two_roots, monkeypatch):
    first, _, index = two_roots
    monkeypatch.chdir(index.parent)
    out = run("config", "show", "--index", index.name).stdout
    assert "(no such file: built-in defaults apply)" in out
    assert f"index = {index.resolve()}" in out
    assert re.search(rf"index roots = {re.escape(str(first.resolve()))} +\[index {re.escape(str(index))}\]", out)
    data = json.loads(run("config", "show", "--index", index.name, "--format", "json").stdout)
    assert data["config"]["exists"] is False and data["index_roots"]["value"] == [str(first.resolve())]


def test_config_can_follow_the_command(two_roots, tmp_path):
    _, _, index = two_roots
    config = tmp_path / "team.toml"
    config.write_text(f'index = "{index}"\n', encoding="utf-8")
    after = run("config", "show", "--config", config)
    assert after.exit_code == 0 and after.stdout == run("--config", config, "config", "show").stdout
    assert f"file {config}" in after.stdout
    found = run("search", "稀土指标", "--config", config, "--format", "json")
    assert found.exit_code == 0 and json.loads(found.stdout)["total"] == 5
    assert run("search", "x", "--config", tmp_path / "missing.toml").exit_code == 2


def test_the_reindex_report_writes_chinese_as_chinese(two_roots, tmp_path):
    first, _, index = two_roots
    (first / "新规.txt").write_text("关于稀土新规的通知\n工业和信息化部\n2024年5月1日\n", encoding="utf-8")
    report = tmp_path / "report.json"
    assert run("reindex", "--index", index, "--report", report, "--verbose").exit_code == 0
    text = report.read_text("utf-8")
    assert "\\u" not in text and json.loads(text)["added"] == ["新规.txt"]


# --- output that fits the terminal; a pager for long output -----------------------------

def on_terminal(*args, columns: int = 60, rows: int = 24, env: dict | None = None, watch=None) -> str:
    """Run stdidx with a real pseudo-terminal of that size as its stdin, stdout and stderr.
    `watch(shown, proc)` sees what is shown so far after each read; the process runs in a
    session of its own, so a signal can go to its group as a terminal sends Ctrl-C."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "PAGER", "STDIDX_PAGER")}
    proc = subprocess.Popen([sys.executable, "-m", "indexer", *map(str, args)], stdin=slave, stdout=slave,
                            stderr=slave, env={**environ, **(env or {})}, close_fds=True, start_new_session=True)
    os.close(slave)
    shown = b""
    try:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:         # EIO: the other side closed
                break
            if not data:
                break
            shown += data
            if watch is not None:
                watch(shown, proc)
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    return shown.decode("utf-8", "replace")


def screen_lines(text: str) -> list[str]:
    """What the terminal shows line by line: split at carriage returns too, escapes removed."""
    return re.split(r"[\r\n]", re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text))


def test_the_progress_bar_fits_a_narrow_terminal(tmp_path):
    from indexer.output import width

    shown = on_terminal("index", notices(tmp_path / "docs", 60), "--index", tmp_path / "ix", columns=50)
    bars = [line for line in screen_lines(shown) if line.startswith("indexing")]
    assert bars and max(width(line.rstrip()) for line in bars) <= 50, bars


def test_reindex_shows_progress_on_a_terminal(two_roots):
    first, _, index = two_roots
    notices(first / "more", 8)
    shown = on_terminal("reindex", "--index", index, columns=70)
    assert any(line.startswith("reindexing  [") for line in screen_lines(shown)), shown
    assert "8 added" in shown
    piped = run("reindex", "--index", index, "--verbose")
    assert "reindexing  [" not in piped.output


PAGER = {"PAGER": "sed s/^/PAGED:/"}


@pytest.mark.parametrize("command", [["show", "GB/T 13560-2017"], ["diff", "GB/T 13560-2009", "GB/T 13560-2017"]])
def test_long_output_goes_through_the_pager_on_a_terminal_only(corpus_index, command):
    paged = on_terminal(*command, "--index", corpus_index, env=PAGER, columns=100)
    assert "PAGED:" in paged and paged.count("\n") > 24
    assert "PAGED:" not in on_terminal(*command, "--index", corpus_index, "--no-pager", env=PAGER, columns=100)
    piped = subprocess.run([sys.executable, "-m", "indexer", *command, "--index", str(corpus_index)],
                           capture_output=True, text=True, env={**os.environ, **PAGER}, timeout=120)
    assert piped.returncode == 0 and "PAGED:" not in piped.stdout and piped.stdout.count("\n") > 24


def test_ctrl_c_in_the_pager_is_the_pager_s(corpus_index):
    """As with git: Ctrl-C goes to the pager (less stops a search with it); stdidx waits for
    it to quit instead of leaving it on the terminal and exiting 130 under it."""
    pager = """sh -c "trap '' INT; echo PAGER-UP; sleep 1; sed s/^/PAGED:/" """    # it keeps Ctrl-C to itself
    seen = []

    def ctrl_c_once_the_pager_is_up(shown: bytes, proc) -> None:
        if b"PAGER-UP" in shown and not seen:
            os.killpg(proc.pid, signal.SIGINT)
            seen.append(proc)

    shown = on_terminal("show", "GB/T 13560-2017", "--index", corpus_index, columns=100,
                        env={"PAGER": pager}, watch=ctrl_c_once_the_pager_is_up)
    assert seen and seen[0].returncode == 0, shown[-400:]
    assert shown.count("PAGED:") > 24 and "interrupted" not in shown


def test_short_output_is_not_paged(corpus_index):
    shown = on_terminal("show", "GB/T 13560-2017", "--index", corpus_index, env=PAGER, rows=500, columns=100)
    assert "PAGED:" not in shown and "GB/T 13560-2017" in shown


@pytest.mark.parametrize("args, columns", [(["history", "GB/T 13560"], 80), (["issuers"], 80),
                                           (["timeline", "--by", "issuer"], 50), (["issuers", "--ui", "zh"], 60)])
def test_tables_and_timelines_fit_the_width(corpus_index, args, columns):
    from indexer.output import width

    where = [] if args[0] == "issuers" else ["--index", corpus_index]
    shown = re.sub(r"\x1b\[[0-9;]*m", "", on_terminal(*args, *where, columns=columns).replace("\r\n", "\n"))
    table = shown.split("\n\nlife")[0].splitlines()[2 if args[0] == "history" else 1:]
    assert table and max(width(line) for line in table) <= columns, shown
    if args[0] == "history":
        assert all(re.search(r"  \d{4}-\d\d-\d\d  \d{4}-\d\d-\d\d  ", line) for line in table[1:])
    piped = run(*args, *where).stdout.splitlines()
    assert max(width(line) for line in piped) > columns        # piped: every cell whole


def test_search_facts_wrap_between_facts_never_inside_a_date(corpus_index):
    from indexer.output import width

    shown = on_terminal("search", "稀土", "--limit", "10", "--index", corpus_index, columns=60)
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in shown.replace("\r\n", "\n").splitlines()]
    facts = [line for line in lines if re.search(r"\b(issued|effective) ", line)]
    assert facts and all(re.search(r"(issued|effective) \d{4}(-\d\d){0,2}( ·|$)", line) for line in facts)
    assert all(width(line) <= 60 or " · " not in line for line in facts)


def test_search_hits_and_facets_fit_the_width_breaking_no_word_or_number(corpus_index):
    """Titles, long issuer lists, snippets and facets wrap at spaces or beside CJK characters;
    what is shown is what a pipe gets, line breaks apart."""
    from indexer.output import width

    args = ("search", "稀土", "--limit", "10", "--index", corpus_index)
    shown = re.sub(r"\x1b\[[0-9;]*m", "", on_terminal(*args, columns=60, env={"PAGER": "cat"}))
    lines = shown.replace("\r\n", "\n").splitlines()[1:]
    piped = run(*args).stdout.splitlines()[1:]
    assert max(width(line) for line in piped) > 60 and max(width(line) for line in lines) <= 60, shown
    def text(lines):      # line breaks, spaces and the separators between facts apart
        return re.sub(r"[\s·]", "", "".join(lines))

    assert text(lines) == text(piped)       # nothing lost
    runs = set(re.findall(r"[A-Za-z0-9./:-]+", "\n".join(piped)))
    assert set(re.findall(r"[A-Za-z0-9./:-]+", "\n".join(lines))) <= runs    # none broken in two
    assert not [line for line in lines if line.lstrip().startswith(("。", "，", "、"))]


def test_history_colours_the_status_cell_not_a_label_holding_the_same_word(corpus_index):
    shown = on_terminal("history", "稀土管理条例", "--index", corpus_index, columns=100)
    row = next(line for line in shown.splitlines() if "2021-01-15" in line)
    assert " draft 2021-01-15" in row and "\x1b[35mdraft" in row.split("2021-01-15")[-1], repr(row)


def test_saved_searches_are_listed_aligned_and_fitted_to_the_width(corpus_index):
    from indexer.output import width

    for name, query in [("稀土管理", "稀土 管理"), ("x", "镝"),
                        ("a very long saved search name for export controls", '出口管制 OR "export control"')]:
        assert run("watch", "add", name, query).exit_code == 0
    shown = on_terminal("watch", "list", "--index", corpus_index, columns=50).replace("\r\n", "\n").splitlines()
    assert len(shown) == 3 and max(width(line) for line in shown) <= 50, shown
    assert len({width(line[:line.index("'")]) for line in shown}) == 1, shown       # the queries line up
    piped = run("watch", "list", "--index", corpus_index).stdout.splitlines()
    assert len({width(line[:line.index("'")]) for line in piped}) == 1 and "export controls  '" in piped[0]
