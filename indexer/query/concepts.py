"""A query typed as words or a sentence, read into concepts.

    请问2023年工信部下达的稀土开采总量控制指标有哪些
    → dropped 请问 的 有 哪些 · conditions issued 2023, issuer MIIT · words 下达, 稀土, 开采,
      总量控制指标 (each with its synonyms and English names)

* Numbers first, strict or loose (gbt20892, 785号令): a number is a concept of its own.
* Chinese runs are split into words by the segmenter; English runs into glossary units and
  single words. Question and function words are dropped (schemas/query-words.json).
* Words that name a year, a relative time, a status, a level of standard, a document type or
  an issuing body become condition concepts: they match the record's fields (or, weakly, the
  text) and rank what they match higher, but a document does not need them.
* Every other word is a topic concept: the word as typed, its thesaurus group (a little
  weaker), its glossary equivalents, and for English words outside the glossary the Chinese
  of a general dictionary (weaker still).

indexer.query.parse turns the concepts into one BestMatch query.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from whoosh import query as Q

from indexer.extract.docno import find_doc_nos
from indexer.extract.glossary import Glossary, Term, contains, tokens_of
from indexer.extract.stdno import StdNo, find_std_nos
from indexer.query.bestmatch import CONDITION, TOPIC, Graded, minimum_for
from indexer.query.numbers import find_loose_numbers, std_label, std_query
from indexer.query.translate import QueryToken, Unit, latin_units, linked, query_tokens
from indexer.query.words import Condition, query_words, thesaurus, word_key
from indexer.textfold import fold, is_cjk

# How much an alternative counts against the word as typed.
THESAURUS_WEIGHT = 0.7
DICTIONARY_WEIGHT = 0.5
PARTS_WEIGHT = 0.6  # a long word's shorter words found apart (稀土 … 氧化物)
LOOSE_WEIGHT = 0.4  # a Chinese word's English term found as words apart (quota … total quantity)
# Alternatives that are guesses: a concept found only through them counts for less (bestmatch.Graded).
WEAK_SOURCES = frozenset({"dictionary"})
CONDITION_TEXT_WEIGHT = 0.3  # a condition word found only in the text ("废止" in a notice)
NUMBER_BOOST = 50.0
MENTION_BOOST = 5.0
ISSUER_BOOST = 1.0
# A "?" that ends a word ends a question: in words typed as a sentence it is no wildcard.
_QUESTION_MARK = re.compile(r"(?<=\w)\?+(?=\s|$)")
# 2023年, 2023年度: the year, without the word for it (which the segmenter would keep).
_YEAR_WORD = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年度?")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
# A month of a year: 2025年4月, April 2025, Apr. 2025 — when something happened, a condition.
_MONTH_YEAR = re.compile(
    r"(?<![0-9])(?P<zy>(?:19|20)[0-9]{2})\s*年\s*(?P<zm>1[0-2]|0?[1-9])\s*月份?"
    r"|\b(?P<em>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<ey>(?:19|20)[0-9]{2})\b", re.I)
_MAX_JOIN = 4  # segmenter pieces tried together as one glossary term or condition word


@dataclass
class Concept:
    written: str
    role: int  # TOPIC or CONDITION
    forms: list[tuple[str, float, str]] = field(default_factory=list)  # (text, weight, source)
    fields: list[tuple[str, Q.Query]] = field(default_factory=list)  # (label, query on record fields)
    terms: list[Term] = field(default_factory=list)  # the glossary terms it names
    parts: list[str] = field(default_factory=list)  # shorter words, matched apart as a weaker alternative
    loose: list[str] = field(default_factory=list)  # English terms of a Chinese word, their words matched apart (weak)
    number: bool = False  # a standard or document number
    senses: bool = False  # a Chinese word whose general English senses are searched too (weak)

    def describe(self) -> str:
        seen, shown = {self.written}, []
        for text, _, source in self.forms:
            if text not in seen:
                seen.add(text)
                shown.append(text)
        parts = [self.written]
        if shown:
            parts.append("= " + " | ".join(shown[:8]) + (" …" if len(shown) > 8 else ""))
        if self.parts:
            parts.append("(apart: " + " + ".join(self.parts) + ")")
        if self.loose:
            parts.append("(words apart: " + " | ".join(self.loose) + ")")
        if self.fields:
            parts.append("[" + ", ".join(label for label, _ in self.fields) + "]")
        return " ".join(parts)


@dataclass
class Reading:
    text: str
    concepts: list[Concept]
    dropped: list[str]
    bonuses: list[str]  # stretches of words searched once more as typed, together
    excluded: list[Concept]

    @property
    def topics(self) -> list[Concept]:
        return [c for c in self.concepts if c.role == TOPIC]

    def minimum(self) -> int:
        return minimum_for(len(self.topics), len(self.concepts))

    def render(self) -> str:
        """The query as searched, on one line: each concept as (alternative OR …), its field
        conditions in braces; conditions are marked ~, excluded words -."""
        return " ".join([*(_render(c) for c in self.concepts), *("-" + _render(c) for c in self.excluded)])

    def explain(self, need: int | None = None) -> str:
        """How the query was read, line by line (for --explain); `need`, the topics a document
        had to hold in the search (by default, half of them)."""
        lines = []
        topics = self.topics
        conditions = [c for c in self.concepts if c.role == CONDITION]
        if topics:
            lines.append("words: " + " · ".join(c.describe() for c in topics))
        if conditions:
            lines.append("conditions (rank higher, not required): " + " · ".join(c.describe() for c in conditions))
        if self.excluded:
            lines.append("excluded: " + " · ".join(c.written for c in self.excluded))
        if self.dropped:
            lines.append("dropped: " + " ".join(self.dropped))
        if self.bonuses:
            lines.append("together as typed ranks higher: " + " · ".join(self.bonuses))
        count = len(topics) or len(self.concepts)
        need = self.minimum() if need is None else need
        lines.append(f"required: all {count} first, then at least {need}" if need < count
                     else f"required: all {count}")
        return "\n".join(lines)

    def needles(self) -> str:
        """What to highlight: every text form of every concept."""
        return " ".join(dict.fromkeys(t for c in self.concepts for t, _, _ in c.forms))

    def to_list(self) -> list[dict]:
        """The glossary terms found, as indexer.query.translate.Expansion lists them."""
        return [{"written": c.written, "alternatives": [t for t, _, _ in c.forms],
                 "terms": [{"zh": t.zh, "en": t.en, "category": t.category} for t in c.terms]}
                for c in self.concepts if c.terms]

    def concept_list(self) -> list[dict]:
        return [{"written": c.written, "role": "word" if c.role == TOPIC else "condition",
                 "alternatives": [{"text": t, "weight": w, "source": s} for t, w, s in c.forms],
                 "fields": [label for label, _ in c.fields]} for c in self.concepts]


def _render(concept: Concept) -> str:
    from indexer.query.translate import render_either

    texts = list(dict.fromkeys(t for t, _, _ in concept.forms))
    parts = [render_either(texts)] if texts else []
    parts += ["(" + " ".join(words) + ")" for words in [concept.parts, *(w.split() for w in concept.loose)] if words]
    parts += ["{" + label + "}" for label, _ in concept.fields]
    shown = parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
    return ("~" if concept.role == CONDITION else "") + shown


def read_query(text: str, glossary: Glossary | None, today: date | None = None) -> Reading:
    """The concepts of a query typed as words (no quotes or operators); `glossary` None
    searches no equivalents in the other language."""
    today = today or date.today()
    reading = Reading(text, [], [], [], [])
    rest = _YEAR_WORD.sub(lambda m: m.group(1) + " " * (len(m.group()) - 4), _months(_numbers(text, reading), reading))
    rest = _QUESTION_MARK.sub(" ", rest)
    toks = query_tokens(rest, [])
    i = 0
    while i < len(toks):
        j = i + 1
        while j < len(toks) and linked(rest, toks[j - 1], toks[j], []):
            j += 1
        run = toks[i:j]
        negated = run[0].start > 0 and rest[run[0].start - 1] == "-" and (run[0].start == 1 or rest[run[0].start - 2].isspace())
        target = Reading(text, [], reading.dropped, reading.bonuses, []) if negated else reading
        if run[0].cjk:
            _cjk_run(rest, run, glossary, today, target)
        else:
            _latin_run(rest, run, glossary, today, target)
        if negated:
            reading.excluded += target.concepts
        i = j
    _years_of_effect(reading)
    # One word typed is searched as a term; two words for one condition are one condition.
    one_word = len(reading.concepts) == 1 and not reading.dropped and not reading.excluded
    reading.concepts = _merged_conditions(reading.concepts)
    if not one_word:
        _add_senses([*reading.concepts, *reading.excluded])
    for concept in [*reading.concepts, *reading.excluded]:
        concept.forms = _without_redundant(concept.forms)
    if one_word:
        reading.concepts = [_as_term(reading.concepts[0], glossary)]
    return reading


def _merged_conditions(concepts: list[Concept]) -> list[Concept]:
    """Two words for one condition ("drafts … for comment") count once: one concept."""
    kept: list[Concept] = []
    for concept in concepts:
        labels = [label for label, _ in concept.fields]
        same = next((c for c in kept if concept.role == c.role == CONDITION and labels
                     and labels == [label for label, _ in c.fields]), None)
        if same is None:
            kept.append(concept)
        else:
            same.written += " … " + concept.written
            same.forms += [f for f in concept.forms if f not in same.forms]
    return kept


def _without_redundant(forms: list[tuple[str, float, str]]) -> list[tuple[str, float, str]]:
    """Forms less those that contain another (稀土永磁材料 beside 稀土永磁 finds nothing more,
    and every phrase costs a pass over the postings), and less repeats."""
    keyed = [(tuple(tokens_of(text)), form) for form in forms for text in [form[0]]]
    kept, seen = [], set()
    for key, form in keyed:
        if key and key not in seen and not any(contains(key, other) for other, _ in keyed if other):
            seen.add(key)
            kept.append(form)
    return kept


def _as_term(concept: Concept, glossary: Glossary | None) -> Concept:
    """A query of one word finds the documents that contain it (and its equivalents): not
    its parts apart, not the records its status or level word would name."""
    if concept.fields and not concept.number and not concept.terms:
        concept.fields = []  # a status, level, type or time word: the word itself
        concept.forms = [(concept.written, 1.0, "query")]
    concept.parts = []
    concept.loose = []
    if is_cjk(concept.written[0]):
        # a dictionary's guesses are not equivalents: a Chinese word alone finds exactly the
        # texts that say it (or its glossary equivalents)
        concept.forms = [f for f in concept.forms if f[2] not in WEAK_SOURCES]
    concept.role = TOPIC
    return concept


def _years_of_effect(reading: Reading) -> None:
    """With a word for taking effect (2027年实施, taking effect in 2027), a year is searched
    on the effective date first, the issued date second."""
    effect = query_words().effect
    if not any(word_key(c.written) in effect for c in reading.concepts) and \
            not any(word_key(b) in effect for b in reading.dropped):
        return
    for concept in reading.concepts:
        if concept.fields and concept.fields[0][0].startswith("issued ") and concept.written.isdigit():
            year = int(concept.written)
            concept.fields = [(f"effective {year}", _year_range(year, "effective")),
                              (f"issued {year}", boosted(_year_range(year), 0.5))]
        month = _MONTH_YEAR.fullmatch(concept.written) if concept.role == CONDITION else None
        if month is not None:
            concept.fields = [_month_field(*_year_month(month), "effective")]


def _year_month(m: re.Match) -> tuple[int, int]:
    if m.group("zy"):
        return int(m.group("zy")), int(m.group("zm"))
    return int(m.group("ey")), _month_number(m.group("em"))


def _month_field(year: int, month: int, fieldname: str = "issued") -> tuple[str, Q.Query]:
    """That month on the date field, or at half weight that year."""
    start = datetime(year, month, 1)
    end = datetime(year + month // 12, month % 12 + 1, 1) - timedelta(seconds=1)
    label = f"{fieldname} {year}-{month:02d}, ~{year}"
    return label, Graded(Q.DateRange(fieldname, start, end), _year_range(year, fieldname))


# ---------------------------------------------------------------------------
# Numbers.

def _numbers(text: str, reading: Reading) -> str:
    """Adds number concepts; returns the text with the numbers blanked (offsets kept)."""
    rest = text
    spans: list[tuple[int, int]] = []
    typed_loosely = [(n.start, n.end) for n in find_loose_numbers(text)]
    for std, start, end in find_std_nos(text):
        if any(a <= start and end < b for a, b in typed_loosely):
            continue  # more of it than a printed number holds: GB 18115-6, iso 22444 part 2
        fields = [(std_label(variant), boosted(std_query(variant, MENTION_BOOST / NUMBER_BOOST), NUMBER_BOOST))
                  for variant in _typed_variants(std)]
        reading.concepts.append(Concept(text[start:end], TOPIC, [(text[start:end], 1.0, "query")], fields,
                                        number=True))
        spans.append((start, end))
    for number, start, end in find_doc_nos(_blank(text, spans)):
        fields = [(f"doc_no {number}", Q.Term("doc_no", number, boost=NUMBER_BOOST)),
                  ("cited", Q.Term("mentions", number, boost=MENTION_BOOST))]
        reading.concepts.append(Concept(text[start:end], TOPIC, [(text[start:end], 1.0, "query")], fields,
                                        number=True))
        spans.append((start, end))
    rest = _blank(text, spans)
    loose = find_loose_numbers(rest)
    for loose_no in loose:
        reading.concepts.append(Concept(loose_no.written.strip(), TOPIC, [],
                                        [(loose_no.label, boosted(loose_no.query, NUMBER_BOOST))], number=True))
    return _blank(rest, [(n.start, n.end) for n in loose])


def _typed_variants(std: StdNo) -> list[StdNo]:
    """A number as typed and the numbers people mean by it: GB or XB typed without its /T
    (GB 18115.1 for GB/T 18115.1) also finds the recommended standard."""
    from indexer.query.numbers import WITHOUT_T

    return [std, StdNo(std.prefix + "/T", std.number, std.year)] if std.prefix in WITHOUT_T else [std]


def _blank(text: str, spans) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def boosted(q: Q.Query, factor: float) -> Q.Query:
    """The query with every leaf's boost scaled (Whoosh applies boosts at the leaves)."""
    if factor == 1.0 or q is Q.NullQuery:
        return q
    if q.is_leaf():
        return q.with_boost(q.boost * factor)
    return q.apply(lambda child: boosted(child, factor))


# ---------------------------------------------------------------------------
# Conditions.

def _months(text: str, reading: Reading) -> str:
    """Adds a condition for each month of a year the query names (issued that month, or at
    half weight that year); returns the text with them blanked."""
    spans = []
    for m in _MONTH_YEAR.finditer(text):
        year, month = _year_month(m)
        forms = [(m.group(), CONDITION_TEXT_WEIGHT, "query"),
                 (f"{year}年{month}月", CONDITION_TEXT_WEIGHT, "query words"),
                 (f"{_MONTHS[month - 1].title()} {year}", CONDITION_TEXT_WEIGHT, "query words")]
        reading.concepts.append(Concept(m.group(), CONDITION, forms, [_month_field(year, month)]))
        spans.append(m.span())
    return _blank(text, spans)


def _month_number(name: str) -> int:
    return next(i for i, full in enumerate(_MONTHS, 1) if full.startswith(name.lower().rstrip(".")[:3]))


def _year_range(year: int, fieldname: str = "issued") -> Q.Query:
    return Q.DateRange(fieldname, datetime(year, 1, 1), datetime(year, 12, 31, 23, 59, 59))


def _condition_concept(written: str, condition: Condition, today: date) -> Concept:
    # The text may say it in either language: 废止 for "repealed".
    texts = dict.fromkeys([written, *condition.words])
    forms = [(t, CONDITION_TEXT_WEIGHT, "query" if t == written else "query words") for t in texts]
    kind, value = condition.kind, condition.value
    if kind in ("status", "doc_type", "stage"):
        fields = [_field_condition(condition, today)]
    elif kind == "level":
        found = [Q.Prefix("std", p) for p in condition.prefixes] + [Q.Term("issuer_kind", k) for k in condition.issuer_kinds]
        fields = [(f"level={value}", Q.Or(found))]
    else:
        unit, amount = value.split(":")
        if unit == "years":
            year = today.year + int(amount)
            fields = [(f"issued {year}", _year_range(year))]
        else:
            start = today - timedelta(days=int(amount))
            fields = [(f"issued since {start.isoformat()}",
                       Q.DateRange("issued", datetime(start.year, start.month, start.day), None))]
        forms = []  # 今年 or "recent" in a text says nothing about the document's date
    return Concept(written, CONDITION, forms, fields)


_LABELS = {"doc_type": "type"}


def _field_condition(condition: Condition, today: date) -> tuple[str, Q.Query]:
    """A status, type or stage on the record's fields; the values that meet it at half
    weight (a standard's release notice for 标准) are its weak side."""
    def term(name: str, value: str) -> Q.Query:
        return stage_query(value, datetime(today.year, today.month, today.day)) if name == "stage" \
            else Q.Term(name, value)

    q = term(condition.kind, condition.value)
    label = f"{_LABELS.get(condition.kind, condition.kind)}={condition.value}"
    if condition.half:
        q = Graded(q, Q.Or([term(name, value) for name, value in condition.half]))
        label += "".join(f", ~{value}" for _, value in condition.half)
    return label, q


def stage_query(stage: str, day: datetime) -> Q.Query:
    """Records at a life stage on the day; comments-open: a call for comments whose deadline
    is on or after it (the --stage filter and the words for it both ask here)."""
    if stage == "comments-open":
        return Q.And([Q.Term("stage", "comments"), Q.DateRange("deadline", day, None)])
    return Q.Term("stage", stage)


def _year_concept(written: str, year: int) -> Concept:
    return Concept(written, CONDITION, [(str(year), CONDITION_TEXT_WEIGHT, "query")],
                   [(f"issued {year}", _year_range(year))])


def _is_year(tok: QueryToken) -> bool:
    return len(tok.folded) == 4 and tok.folded.isdigit() and tok.folded[:2] in ("19", "20")


# ---------------------------------------------------------------------------
# Words.

def _word_concept(written: str, glossary: Glossary | None, terms: list[Term] | None = None,
                  role: int = TOPIC) -> Concept:
    words = query_words()
    if word_key(written) in words.weak or word_key(written) in words.effect:
        role = CONDITION
    concept = Concept(written, role, [(written, 1.0, "query")])
    if glossary is not None:
        terms = terms if terms is not None else glossary.cjk_terms(fold(written))
        concept.terms = list(terms)
        for form in glossary.alternatives(terms, written) if terms else ():
            if form != written:
                concept.forms.append((form, 1.0, "glossary"))
        issuers = list(dict.fromkeys(t.issuer_id for t in terms or () if t.issuer_id))
        if issuers:
            concept.role = CONDITION
            concept.fields += [(f"issuer={i}", Q.Term("issuer", i, boost=ISSUER_BOOST)) for i in issuers]
        concept.forms += _thesaurus_forms(written, glossary)
        if is_cjk(written[0]):
            _english_of_chinese(concept, terms)
    return concept


def _thesaurus_forms(written: str, glossary: Glossary) -> list[tuple[str, float, str]]:
    """The other words of the word's thesaurus groups, each with its glossary equivalents in
    the other language (testing ~ determination = 测定)."""
    forms = []
    for other in thesaurus().others(written):
        forms.append((other, THESAURUS_WEIGHT, "thesaurus"))
        # the term must be the synonym as written, not one its stem meets (measurement ≠ measures)
        terms = [t for t in glossary.terms_of(other) if fold(other) in {fold(f) for f in t.forms()}]
        forms += [(alt, THESAURUS_WEIGHT, "thesaurus") for alt in glossary.alternatives(terms, other)[1:]] if terms else []
    return forms


def _english_of_chinese(concept: Concept, terms: list[Term] | None) -> None:
    """How English texts say a Chinese word, both weak: the words of its terms' English names
    apart (news says "quota" for total quantity control quotas), and a general dictionary's
    senses (配额 → quota), added by _add_senses."""
    if terms and any(t.issuer_id for t in terms):
        return  # a body's English name is matched as written, or the issuer field matches
    english = [text for text, _, _ in concept.forms if not any(is_cjk(c) for c in text)]
    concept.loose = [text for text in english if len(tokens_of(text)) > 1]
    concept.senses = True


def _add_senses(concepts: list[Concept]) -> None:
    """The dictionary's English senses of the Chinese words that take them. Only for a query
    of several words: a Chinese word alone finds the texts that say it (_as_term), and
    the dictionary takes a twentieth of a second to load."""
    from indexer.query.dictionary import english_for

    for concept in (c for c in concepts if c.senses):
        known = {fold(text) for text, _, _ in concept.forms}
        concept.forms += [(en, DICTIONARY_WEIGHT, "dictionary") for en in english_for(fold(concept.written))
                          if fold(en) not in known]


def _cjk_run(text: str, run: list[QueryToken], glossary: Glossary | None, today: date, reading: Reading) -> None:
    start = run[0].start
    folded = "".join(t.folded for t in run)
    words = query_words()
    pieces = [(0, len(folded), folded)] if _one_word(folded, glossary) else _segment(folded)
    kept: list[tuple[int, int]] = []  # spans of searched pieces, for the bonus phrases
    i = 0
    while i < len(pieces):
        for j in range(min(len(pieces), i + _MAX_JOIN), i, -1):
            a, b = pieces[i][0], pieces[j - 1][1]
            written = text[start + a:start + b]
            key = folded[a:b]
            condition = words.condition(word_key(key))
            terms = glossary.cjk_terms(key) if glossary is not None else []
            if condition is not None:
                reading.concepts.append(_condition_concept(written, condition, today))
                break
            if terms or j == i + 1:
                if not terms and word_key(key) in words.drop:
                    reading.dropped.append(written)
                    break
                # A lone character says little unless it is a term (镝, 钨): it ranks, not required.
                role = TOPIC if terms or len(key) > 1 else CONDITION
                concept = _word_concept(written, glossary, terms, role)
                concept.parts = _parts(key, bool(terms))
                reading.concepts.append(concept)
                kept.append((a, b))
                break
        i = j
    _bonus_stretches(text, start, kept, reading)


def _one_word(run: str, glossary: Glossary | None) -> bool:
    """A run known as a whole needs no segmenter (whose dictionary takes 0.1 s to load):
    the segmenter keeps every word of the glossary, the thesaurus and the query words whole."""
    key = word_key(run)
    return (len(run) <= 2 or (glossary is not None and bool(glossary.cjk_terms(run)))
            or key in thesaurus().groups or query_words().condition(key) is not None
            or key in query_words().drop)


def _segment(run: str) -> list[tuple[int, int, str]]:
    from indexer.query.segment import segment

    return segment(run)


def _parts(word: str, is_term: bool) -> list[str]:
    """The shorter words a long word is made of (稀土氧化物 → 稀土 氧化物, 开采指标 → 开采 指标),
    for documents that say them apart; [] for a word of one piece or a glossary term of
    fewer than four characters (稀土 is no 稀 … 土)."""
    if len(word) < (4 if is_term else 3):
        return []
    from indexer.query.segment import subwords

    parts, at = [], 0
    for start, end, sub in sorted(subwords(word), key=lambda p: (p[0], p[0] - p[1])):
        if start < at or sub == word:
            continue
        parts += list(word[at:start]) + [sub]
        at = end
    parts += list(word[at:])
    return parts if len(parts) > 1 else []


def _bonus_stretches(text: str, start: int, kept: list[tuple[int, int]], reading: Reading) -> None:
    stretch: list[tuple[int, int]] = []
    for span in [*kept, None]:
        if span is not None and stretch and stretch[-1][1] == span[0]:
            stretch.append(span)
            continue
        if len(stretch) > 1:
            reading.bonuses.append(text[start + stretch[0][0]:start + stretch[-1][1]])
        stretch = [span] if span is not None else []


def _latin_run(text: str, run: list[QueryToken], glossary: Glossary | None, today: date, reading: Reading) -> None:
    words = query_words()
    units = latin_units(text, run, glossary) if glossary is not None else []
    phrase_end = _phrases(text, run, units, glossary) if glossary is not None else {}
    spans = [(u.start, u.end) for u in units] + [(t.start, phrase_end[id(t)]) for t in run if id(t) in phrase_end]

    def inside_longer_term(a: int, b: int) -> bool:
        # "national standard plan" is a term of its own, not the level "national standard";
        # "entry rules" is a phrase of the thesaurus, not the type "rules"
        return any(s <= a and b <= e and e - s > b - a for s, e in spans)

    i = 0
    rest: list[QueryToken] = []
    while i < len(run):
        tok = run[i]
        if _is_year(tok):
            reading.concepts.append(_year_concept(tok.folded, int(tok.folded)))
            i += 1
            continue
        for j in range(min(len(run), i + words.longest), i, -1):
            condition = words.condition(" ".join(t.folded for t in run[i:j]))
            if condition is not None and not inside_longer_term(tok.start, run[j - 1].end):
                _flush(text, rest, glossary, reading)
                rest = []
                reading.concepts.append(_condition_concept(text[tok.start:run[j - 1].end], condition, today))
                i = j
                break
        else:
            rest.append(tok)
            i += 1
    _flush(text, rest, glossary, reading)


def _phrases(text: str, run: list[QueryToken], units: list[Unit], glossary: Glossary) -> dict[int, int]:
    """Thesaurus phrases of a run of English words (entry rules), as id of the first word →
    end. A phrase outranks the shorter glossary units inside it (rules = 规则) when it has
    Chinese words of its own to search for; never a unit as long or reaching beyond it."""
    found = {}
    for i, j in thesaurus().phrases([t.key for t in run]):
        start, end = run[i].start, run[j - 1].end
        inside = [u for u in units if u.start < end and start < u.end]
        if all(start <= u.start and u.end <= end and u.end - u.start < end - start for u in inside) \
                and (not inside or any(is_cjk(form[0]) for form, _, _ in _thesaurus_forms(text[start:end], glossary))):
            found[id(run[i])] = end
    return found


def _flush(text: str, run: list[QueryToken], glossary: Glossary | None, reading: Reading) -> None:
    """English words: glossary units, then single words with their general translations."""
    if not run:
        return
    from indexer.query.dictionary import chinese_for

    units = latin_units(text, run, glossary) if glossary is not None else []
    phrase_end = _phrases(text, run, units, glossary) if glossary is not None else {}
    phrase_spans = [(t.start, phrase_end[id(t)]) for t in run if id(t) in phrase_end]
    units = [u for u in units if not any(a <= u.start and u.end <= b for a, b in phrase_spans)]
    covered = {id(t) for t in run for u in units if u.start <= t.start and t.end <= u.end}
    drop = query_words().drop | (glossary.stopwords if glossary is not None else frozenset())
    items: list[tuple[int, Concept | None, str]] = []
    for unit in units:
        concept = _word_concept(unit.written, glossary, list(unit.terms))
        concept.forms = [(unit.written, 1.0, "query")] + [(a, 1.0, "glossary") for a in unit.alternatives
                                                            if a != unit.written] + concept.forms[1:]
        items.append((unit.start, concept, unit.written))
    single = [t for t in run if id(t) not in covered]
    i = 0
    while i < len(single):
        tok = single[i]
        i += 1
        written = text[tok.start:tok.end]
        if id(tok) in phrase_end:
            end = phrase_end[id(tok)]
            written = text[tok.start:end]
            while i < len(single) and single[i].end <= end:
                i += 1
        elif i < len(single) and text[tok.end:single[i].start] == "-" and glossary is not None \
                and chinese_for(text[tok.start:single[i].end]):
            written = text[tok.start:single[i].end]  # heat-resistant, know-how: one word
            i += 1
        elif tok.key in drop or tok.folded in drop:
            items.append((tok.start, None, written))
            continue
        concept = _word_concept(written, None)
        if written != text[tok.start:tok.end]:
            concept.loose = [written]  # a phrase's words found apart still count, a little
        if glossary is not None:
            concept.forms += _thesaurus_forms(written, glossary)
            concept.forms += [(zh, DICTIONARY_WEIGHT, "dictionary") for zh in chinese_for(written)]
        items.append((tok.start, concept, written))
    searched = []
    for _, read, written in sorted(items, key=lambda item: item[0]):
        if read is None:
            reading.dropped.append(written)
        else:
            reading.concepts.append(read)
            searched.append(read)
    if len(searched) > 1 and len(searched) == len(items):
        reading.bonuses.append(text[run[0].start:run[-1].end])
