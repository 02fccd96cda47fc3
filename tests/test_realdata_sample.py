"""The real web download in ../shared/realdata/samples: Thai-code-page damage and a yearless date."""
import json

import pytest

from conftest import SHARED, run

SAMPLE = SHARED / "realdata" / "samples" / "000_25956269ccc85675.txt"
pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason=f"real sample not present at {SAMPLE}")


def test_real_download_is_repaired_and_left_undated(tmp_path):
    assert run("index", SAMPLE, "--index", tmp_path / "ix").exit_code == 0
    record = json.loads(run("export", "--index", tmp_path / "ix").stdout)
    assert "China’s" in record["text"] and "โ" not in record["text"]
    assert any("thai-mojibake" in repair for repair in record["provenance"]["repairs"])
    assert record["issued"] is None
    assert any("September 5" in w for w in record["provenance"]["warnings"])
    assert record["lang"] == "en" and record["doc_type"] == "news"
