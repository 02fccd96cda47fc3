from pathlib import Path

import pytest
from hypothesis import assume, given, strategies as st

from indexer.read.repair import lone_lead_char, repair_thai_mojibake, restore_sequence

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "../shared/realdata/samples/000_25956269ccc85675.txt"

FILLER = " The Chinese Society of Rare Earths met the operator in Baotou this week."


@pytest.mark.parametrize("damaged,repaired", [
    ("Chinaโs most consequential", "China’s most consequential"),
    ("the countryโs premier", "the country’s premier"),
    ("That phrase isnโt fluff", "That phrase isn’t fluff"),
    ("we willโll", "we will’ll"),
    ("theyโre here", "they’re here"),
    ("weโve seen", "we’ve seen"),
    ("Iโm sure", "I’m sure"),
    ("sheโd go", "she’d go"),
    ("industrial empiresโBaotou Iron", "industrial empires—Baotou Iron"),
    ("Fanyingโsat down", "Fanying—sat down"),
    ("a base, basesโshorthand for", "a base, bases—shorthand for"),
    ("production linesโfast.", "production lines—fast."),
    ("move โhigh-end.โ The", "move “high-end.” The"),
    ("as โmain forceโ behind", "as “main force” behind"),
    ("(โquotedโ)", "(“quoted”)"),
    ("โStart of text", "“Start of text"),
    ("the end.โ", "the end.”"),
    ("the โ2024 planโ is", "the “2024 plan” is"),
    ("Copyright ยฉ 2024", "Copyright © 2024"),
    ("Brandยฎ magnets", "Brand® magnets"),
    ("non\u0e22\u00a0breaking", "non\u00a0breaking"),
    ("cafรฉ", "café"),
    ("a โ b", "a ’ b"),
    ("5 ยฐC", "5 °C"),
    ("aโ€”b", "a—b"),
    ("the companyโ€s plan", "the company’s plan"),
])
def test_repairs(damaged, repaired):
    fixed, notes = repair_thai_mojibake(damaged + FILLER)
    assert fixed == repaired + FILLER
    assert notes and all(n.startswith("thai-mojibake: ") for n in notes)


def test_repair_descriptions():
    fixed, notes = repair_thai_mojibake("Chinaโs empiresโBaotou and ยฉ." + FILLER)
    assert fixed.startswith("China’s empires—Baotou and ©.")
    assert any("2 ’/“/”/— restored from lone 'โ'" in n for n in notes)
    assert "thai-mojibake: 1 '©' from 'ยฉ'" in notes


@pytest.mark.parametrize("text", [
    "",
    "Plain English text with no damage at all, China’s © — “quoted”.",
    "稀土管理条例自2024年10月1日起施行。",
    "ภาษาไทยเป็นภาษาที่สวยงาม",
    "โรงเรียนของเรา",
    "สวัสดีครับ ยินดีต้อนรับ",
    "The Thai word สวัสดี means hello; โรงเรียน means school." ,
    "Bangkok (กรุงเทพมหานคร) is the capital of Thailand and its largest city by far.",
    "ยฉ",  # no Latin text around it: nothing says it is damaged English
    "โ",
])
def test_left_alone(text):
    assert repair_thai_mojibake(text) == (text, [])


@pytest.mark.parametrize("seq,char", [
    ("ยฉ", "©"), ("ยฎ", "®"), ("ย\u00a0", "\u00a0"), ("รฉ", "é"), ("โ€”", "—"), ("โ€ข", "•"),
    ("โ€ฆ", "…"),
])
def test_restore_sequence(seq, char):
    assert restore_sequence(seq) == char


@pytest.mark.parametrize("seq", ["ยa", "ย€", "โ", "กก", "เธ\u0e01"])
def test_restore_sequence_rejects(seq):
    assert restore_sequence(seq) is None


@pytest.mark.parametrize("before,after,char", [
    ("a", "s ", "’"), ("a", "t.", "’"), ("a", "ll", "’"), ("s", "Baotou", "—"),
    ("", "Hi", "“"), (" ", "hi", "“"), ("(", "1", "“"), (".", " ", "”"), ("d", "", "”"),
    ("d", ",", "”"), (" ", " ", "’"), ("", "", "’"),
])
def test_lone_lead_char(before, after, char):
    assert lone_lead_char(before, after) == char


def test_real_sample():
    if not SAMPLE.exists():
        pytest.skip(f"real-data sample not available at {SAMPLE}")
    text = SAMPLE.read_text(encoding="utf-8")
    assert "โ" in text
    fixed, notes = repair_thai_mojibake(text)
    assert "โ" not in fixed and "ยฉ" not in fixed
    assert not any("\u0e00" <= c <= "\u0e7f" for c in fixed)
    for phrase in ("China’s most consequential", "empires—Baotou", "Fanying—sat", "move “high-end.”",
                   "isn’t marketing", "“two rare-earth bases.”", "the West’s window", "©"):
        assert phrase in fixed
    assert len(fixed) == len(text) - 1  # only "ยฉ" shrinks, to "©"
    assert any("'©' from 'ยฉ'" in n for n in notes)
    assert repair_thai_mojibake(fixed) == (fixed, [])


# --- properties -------------------------------------------------------------

MOJIBAKE_ALPHABET = list("abcdeChinasTt ,.()'\n0123") + ["โ", "ย", "ฉ", "ฎ", "\u00a0", "ร", "เ", "€", "”",
                                                           "ก", "ภ", "า", "ษ", "ไ", "ท", "—", "’"]
mojibake_soup = st.text(alphabet=st.sampled_from(MOJIBAKE_ALPHABET), max_size=80)


@given(st.one_of(st.text(), mojibake_soup))
def test_idempotent_and_never_raises(text):
    once, _ = repair_thai_mojibake(text)
    assert repair_thai_mojibake(once) == (once, [])


@given(st.one_of(st.text(), mojibake_soup))
def test_no_notes_means_no_change(text):
    fixed, notes = repair_thai_mojibake(text)
    assert (fixed == text) == (not notes)


@given(st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B), min_size=1))
def test_thai_text_unchanged(text):
    assert repair_thai_mojibake(text) == (text, [])


# Two-byte characters whose bytes all survive a cp874 decode come back exactly.
TWO_BYTE = "©®°éñüµ×\u00a0"
english_words = st.lists(st.sampled_from(["rare", "earth", "magnet", "Baotou", "China", "standard", "the"]),
                         min_size=3, max_size=12)


@given(english_words, st.lists(st.sampled_from(TWO_BYTE), min_size=1, max_size=3))
def test_two_byte_damage_round_trips(words, specials):
    text = " ".join(w + s for w, s in zip(words, specials + [""] * len(words))) + FILLER
    damaged = text.encode("utf-8").decode("cp874")
    assume(damaged != text)
    fixed, notes = repair_thai_mojibake(damaged)
    assert fixed == text
    assert notes
