"""Repair of English pages whose UTF-8 bytes were decoded as Windows-874 (Thai).

The damage looks like this: "China’s" arrives as "Chinaโs" (the lead byte E2
of U+2019 became "โ" and its two continuation bytes, undefined in cp874, were
lost), "©" (C2 A9) arrives as "ยฉ", a no-break space as "ย" + U+00A0.

Sequences whose bytes all survived are restored exactly by encoding them back
to cp874 and decoding the bytes as UTF-8.  A lone "โ" lost its other bytes, so
which of ’ “ ” — it stood for is read from the characters around it (a
decoder that kept byte 80 leaves "โ€", handled the same way).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

THAI_BLOCK = "\u0e00-\u0e7f"
# cp874 leaves some bytes undefined; where they turn up as C1 control
# characters they are mapped back to the byte of the same value.
_UNDEFINED_CP874 = tuple(range(0x81, 0x85)) + tuple(range(0x86, 0x91)) + tuple(range(0x98, 0xA0))
# Lead characters: cp874 decodings of UTF-8 lead bytes, by sequence length.
LEAD2 = "\u0e22-\u0e3a\u0e3f"      # bytes C2-DA, DF
LEAD3 = "\u0e40-\u0e4f"            # bytes E0-EF
LEAD4 = "\u0e50-\u0e54"            # bytes F0-F4
# Continuation characters: cp874 decodings of bytes 80-BF.
CONT = "€…‘’“”•–—\xa0\u0e01-\u0e1f" + "".join(chr(b) for b in _UNDEFINED_CP874)
LONE_LEAD = "โ"
# Endings of English contractions and possessives: China’s, isn’t, we’d, we’ll, they’re, I’ve, I’m.
APOSTROPHE_ENDINGS = ("ll", "re", "ve", "s", "t", "d", "m")
OPEN_BRACKETS = "([{<"
# A page is taken as damaged English only if it has this many Latin letters
# per Thai character, and at most this share of its Thai characters are left
# unexplained by the damage patterns.
MIN_LATIN_PER_THAI = 2
MAX_UNEXPLAINED_SHARE = 0.2

_THAI_RE = re.compile(f"[{THAI_BLOCK}]")
# Each pattern starts with a plain character class (lookbehinds come after the
# first character) so the regex engine can skip quickly through clean text.
_SEQUENCE_RE = re.compile(
    f"[{LEAD2}{LEAD3}{LEAD4}]"
    f"(?:(?<=[{LEAD4}])[{CONT}]{{3}}|(?<=[{LEAD3}])[{CONT}]{{2}}|(?<=[{LEAD2}])[{CONT}])"
)
# A "โ" next to another Thai character belongs to Thai text, not to damage.
# Where a decoder kept byte 80 of E2 80 99 ("โ€"), the "€" goes with it.
_LONE_RE = re.compile(f"{LONE_LEAD}(?<![{THAI_BLOCK}].)(?:€)?(?![{THAI_BLOCK}])")
_NOT_ASCII_LETTER = bytes(b for b in range(128) if not chr(b).isalpha())
_APOSTROPHE_RE = re.compile("(?:" + "|".join(APOSTROPHE_ENDINGS) + ")(?![^\\W\\d_])")


def _to_bytes(seq: str) -> bytes | None:
    out = bytearray()
    for ch in seq:
        if "\x80" <= ch <= "\x9f":
            out.append(ord(ch))
            continue
        try:
            out += ch.encode("cp874")
        except UnicodeEncodeError:
            return None
    return bytes(out)


def restore_sequence(seq: str) -> str | None:
    """The character a surviving byte sequence stood for, or None if it is not one."""
    raw = _to_bytes(seq)
    if raw is None:
        return None
    try:
        char = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    # A control character or a Thai letter is not what an English page held.
    if _THAI_RE.match(char) or unicodedata.category(char) == "Cc":
        return None
    return char


def _restore_sequences(text: str, counts: Counter[tuple[str, str]]) -> str:
    def fix(m: re.Match[str]) -> str:
        char = restore_sequence(m.group())
        if char is None:
            return m.group()
        counts[(char, m.group())] += 1
        return char

    # A restored no-break space can complete another sequence: repeat.
    while True:
        fixed = _SEQUENCE_RE.sub(fix, text)
        if fixed == text:
            return fixed
        text = fixed


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def lone_lead_char(before: str, after: str) -> str:
    """Which of ’ — “ ” a lone "โ" stood for, from the text around it."""
    prev = before[-1:] if before else ""
    nxt = after[:1]
    if prev and _is_letter(prev):
        if _APOSTROPHE_RE.match(after):
            return "’"
        if nxt and _is_letter(nxt):
            return "—"
    if (not prev or prev.isspace() or prev in OPEN_BRACKETS) and nxt and nxt.isalnum():
        return "“"
    if prev and not prev.isspace() and (not nxt or nxt.isspace() or unicodedata.category(nxt)[0] == "P"):
        return "”"
    return "’"


def _resolve_lone(text: str, counts: Counter[str]) -> str:
    def fix(m: re.Match[str]) -> str:
        start = m.start()
        char = lone_lead_char(text[max(0, start - 1):start], text[m.end():m.end() + 3])
        counts[char] += 1
        return char

    return _LONE_RE.sub(fix, text)


def _looks_damaged(text: str, thai_count: int) -> bool:
    """Mostly Latin text whose Thai characters are nearly all damage patterns."""
    latin = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))
    if latin < MIN_LATIN_PER_THAI * thai_count:
        return False
    explained = sum(len(m.group()) for m in _SEQUENCE_RE.finditer(text) if restore_sequence(m.group()))
    explained += len(_LONE_RE.findall(text))
    return thai_count - explained <= MAX_UNEXPLAINED_SHARE * thai_count


def repair_thai_mojibake(text: str) -> tuple[str, list[str]]:
    """Repaired text and a description of each kind of repair made.

    Text without this damage, real Thai prose included, comes back unchanged
    with no repairs listed.
    """
    if not _THAI_RE.search(text):
        return text, []
    thai_count = len(_THAI_RE.findall(text))
    if not _looks_damaged(text, thai_count):
        return text, []
    seq_counts: Counter[tuple[str, str]] = Counter()
    lone_counts: Counter[str] = Counter()
    # Restoring a sequence can free a "โ" that had a Thai neighbour, and a
    # resolved "โ" can complete a sequence; stop only when neither changes
    # anything, so a second repair has nothing left to do.
    fixed = text
    while True:
        again = _resolve_lone(_restore_sequences(fixed, seq_counts), lone_counts)
        if again == fixed or not _THAI_RE.search(again):
            fixed = again
            break
        fixed = again
    notes = []
    total = sum(lone_counts.values())
    if total:
        detail = ", ".join(f"{n} {c}" for c, n in lone_counts.most_common())
        notes.append(f"thai-mojibake: {total} ’/“/”/— restored from lone '{LONE_LEAD}' ({detail})")
    for (char, seq), n in sorted(seq_counts.items(), key=lambda kv: (-kv[1], kv[0])):
        notes.append(f"thai-mojibake: {n} {char!r} from {seq!r}")
    return fixed, notes
