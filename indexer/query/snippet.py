"""Snippets: the stretch of a document where the query's words and phrases cluster.

Matching runs on folded text (textfold.fold keeps offsets), so a simplified
query highlights traditional text and full-width digits alike. Runs of
ideographs are matched as whole phrases, never character by character.
"""
from __future__ import annotations

import re

from indexer.index.analysis import _TOKEN, stem_word
from indexer.textfold import fold, is_cjk

WIDTH = 90


def needles(query_text: str) -> list[str]:
    """Regex pieces for what the query asks for: ideograph runs and word stems."""
    out: list[str] = []
    run = ""
    for token in _TOKEN.findall(fold(re.sub(r"\b(AND|OR|NOT)\b", " ", query_text))):
        if len(token) == 1 and is_cjk(token):
            run += token
            continue
        if run:
            out.append(re.escape(run))
            run = ""
        out.append(r"\b" + re.escape(stem_word(token)) + r"\w*" if token.isalpha() else re.escape(token))
    if run:
        out.append(re.escape(run))
    return list(dict.fromkeys(out))


def snippet(text: str, query_text: str, width: int = WIDTH) -> tuple[str, list[tuple[int, int]], int]:
    """(snippet text, highlighted spans within it, offset in `text` of its first match); the
    opening of the text (offset 0) when nothing matches."""
    pieces = needles(query_text)
    flat = re.sub(r"\s+", " ", text)
    if not pieces:
        return flat[:width], [], 0
    pattern = re.compile("|".join(sorted(pieces, key=len, reverse=True)))
    matches = [(m.start(), m.end()) for m in pattern.finditer(fold(flat))]
    if not matches:
        return flat[:width], [], 0
    start = _best_window(matches, width)
    start = max(0, min(start, len(flat) - width))
    end = start + width
    inside = [(a, b) for a, b in matches if a < end and b > start]
    spans = [(max(a, start) - start, min(b, end) - start) for a, b in inside]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    shift = len(prefix)
    at = _unflattened(text, inside[0][0] if inside else start)
    return prefix + flat[start:end] + suffix, [(a + shift, b + shift) for a, b in spans], at


def _unflattened(text: str, flat_offset: int) -> int:
    """The offset in `text` of a position in its whitespace-collapsed copy."""
    lost = 0
    for run in re.finditer(r"\s{2,}|[^\S ]", text):
        if run.start() - lost >= flat_offset:
            break
        lost += len(run.group()) - 1
    return flat_offset + lost


def _best_window(matches: list[tuple[int, int]], width: int) -> int:
    best, best_count = matches[0][0], 0
    for i, (a, _) in enumerate(matches):
        count = sum(1 for b, _ in matches[i:] if b < a + width)
        if count > best_count:
            best, best_count = a, count
    return best - width // 4
