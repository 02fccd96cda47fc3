"""The analysis chain: what becomes a term, and the bulk path agreeing with the token path."""
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.index.analysis import CJKAnalyzer
from indexer.textfold import fold, safe_nfkc


def terms(text: str) -> list[str]:
    return [t.text for t in CJKAnalyzer()(text)]


@pytest.mark.parametrize("text, expected", [
    ("钕铁硼", ["钕", "铁", "硼"]),
    ("釹鐵硼", ["钕", "铁", "硼"]),                    # traditional folds to simplified
    ("標準", ["标", "准"]),
    ("ＧＢ／Ｔ　１３５６０", ["gb", "t", "13560"]),     # full-width folds to ASCII
    ("Sintered Magnets", ["sinter", "magnet"]),      # case-folded and stemmed
    ("镝Dy2O3", ["镝", "dy2o3"]),
    ("", []),
])
def test_terms(text, expected):
    assert terms(text) == expected


def test_fold_keeps_length():
    text = "燒結釹鐵硼 ＧＢ／Ｔ　１３５６０ ÄÖ Ü"
    assert len(fold(text)) == len(text)


def test_safe_nfkc_keeps_chinese_punctuation():
    text, changed = safe_nfkc("ＧＢ／Ｔ　１３５６０－２０１７，《标准》。")
    assert text == "GB/T 13560-2017，《标准》。"
    assert changed > 0


def token_positions(text: str) -> dict[str, list[int]]:
    out = defaultdict(list)
    for token in CJKAnalyzer()(text, positions=True):
        out[token.text].append(token.pos)
    return dict(out)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("钕铁硼釹鐵標準稀土 abcDEF magnets running 123 ,。\n")), max_size=80))
def test_bulk_path_equals_token_path(text):
    assert CJKAnalyzer().term_positions(text) == token_positions(text)


def test_offsets_point_into_original_text():
    text = "关于《燒結釹鐵硼》的通知"
    for token in CJKAnalyzer()(text, chars=True):
        assert fold(text[token.startchar:token.endchar]) == token.text
