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

# Targets of the extraction work. issued and effective sit below their targets
# (0.98 / 0.95): for about 300 of these texts the truth date (a later revision)
# is stated nowhere in the text, so no rule reading the text can reach it; the
# floors below are what the texts support today and must not regress.
MINIMA = {"found": 1.0, "title": 0.99, "issuer": 0.97, "status": 0.97, "versions": 0.95,
          "issued": 0.64, "effective": 0.86}


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
