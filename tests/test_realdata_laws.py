"""Extraction measured on 1,058 real national laws, regulations and rules (../shared/realdata).

The scorer and truth table belong to the collection; stdidx never reads them, it
only indexes the texts and exports what it extracted.
"""
import subprocess
import sys

import pytest

from conftest import SHARED, run

LAWS = SHARED / "realdata" / "laws-national"
TRUTH = SHARED / "realdata" / "laws-national.truth.tsv"
SCORER = SHARED / "tools" / "score_extraction.py"
pytestmark = pytest.mark.skipif(not (LAWS.is_dir() and TRUTH.exists() and SCORER.exists()),
                                reason=f"real texts not present at {LAWS}")

# The issue-3 targets, scored against the corrected truth table (dates only where
# the text states them): issued 99.6 %, effective 97.5 %, issuer 97.2 % today.
MINIMA = {"found": 1.0, "title": 0.99, "issuer": 0.97, "status": 0.97, "versions": 0.95,
          "issued": 0.98, "effective": 0.95}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    ix = tmp_path_factory.mktemp("laws") / "ix"
    assert run("index", LAWS, "--index", ix).exit_code == 0
    export = ix.parent / "laws.jsonl"
    assert run("export", "--index", ix, "--out", export).exit_code == 0
    result = subprocess.run([sys.executable, str(SCORER), str(export), str(TRUTH), "--show", "0"],
                            capture_output=True, text=True)
    figures = {}
    for line in result.stdout.splitlines():
        name, counts, _ = line.split()
        right, total = map(int, counts.split("/"))
        figures[name] = right / total if total else 1.0
    return figures


@pytest.mark.parametrize("field", list(MINIMA))
def test_field_accuracy(scores, field):
    assert scores[field] >= MINIMA[field], f"{field}: {scores[field]:.2%} < {MINIMA[field]:.0%}"
