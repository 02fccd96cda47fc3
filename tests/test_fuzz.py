"""Generated hostile folders through the real CLI, with runs killed at random.

A few rounds by default (about 20 s); STDIDX_FUZZ=long for the full run of the
issue (hundreds of files, 120 kills; about ten minutes). `bench/fuzz_run.py`
prints the figures of a run.
"""
import os

import pytest

from fuzzing import Fuzzer

LONG = os.environ.get("STDIDX_FUZZ") == "long"


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.mark.parametrize("seed", [1, 2] if not LONG else [1])
def test_hostile_folders_killed_runs_and_the_reindex_after(tmp_path, seed):
    fuzzer = Fuzzer(tmp_path, seed, scale=2000 if LONG else 200)
    figures = fuzzer.run(files=400 if LONG else 25, kills=120 if LONG else 2, inspect=LONG or seed == 1)
    assert not figures.problems, "\n".join(figures.lines())
    assert figures.crashes == 0 and figures.hangs == 0
