"""Shared fixtures: one index of the bundled corpus, built once per test session."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.cli import cli
from indexer.resources import corpus_dir

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def run(*args: str):
    """Run the CLI in-process; returns click's Result (stdout, stderr, exit_code)."""
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ix") / "index"
    result = run("index", corpus_dir(), "--index", path)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="session")
def corpus_records(corpus_index) -> list[dict]:
    result = run("export", "--index", corpus_index)
    assert result.exit_code == 0
    return [json.loads(line) for line in result.stdout.splitlines()]
