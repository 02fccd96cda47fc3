"""The README documents every command and option the CLI has, and starts with the two commands."""
import re
from pathlib import Path

import click
import pytest

from indexer.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")
CI = (ROOT / ".ci" / "run").read_text("utf-8")
# Usage lives in the README and in docs/*.md, which the README links to.
DOCS = README + "".join(p.read_text("utf-8") for p in sorted((ROOT / "docs").glob("*.md")))


def commands():
    return sorted(cli.commands.items())


@pytest.mark.parametrize("name, command", commands())
def test_command_documented(name, command):
    assert f"### `stdidx {name}" in DOCS


@pytest.mark.parametrize("name, option", [
    (name, opt) for name, command in commands() for param in command.params
    if isinstance(param, click.Option) for opt in param.opts if opt.startswith("--")
])
def test_option_documented(name, option):
    assert f"`{option}" in DOCS or f"{option} " in DOCS, f"{name} {option} missing from the docs"


def test_every_docs_page_is_linked_from_the_readme():
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert f"docs/{page.name}" in README


def test_readme_opens_with_the_two_commands_and_ci_runs_the_second():
    blocks = re.findall(r"```sh\n(.+?)\n```", README, re.S)
    install_and_search, install_and_test = blocks[0], blocks[1]
    assert "stdidx search" in install_and_search
    assert "pytest" in install_and_test
    assert install_and_test in CI
