"""Extraction assembled: a RawDoc and its path → the canonical Record."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from indexer.extract import fields
from indexer.extract.classification import classify
from indexer.extract.dates import find_yearless, parse_date
from indexer.extract.docno import canonical_doc_no
from indexer.extract.issuers import Registry, unregistered_id
from indexer.extract.stages import record_events
from indexer.extract.stdno import find_std_nos, parse_std_no
from indexer.read.rawdoc import PAGE_BREAK, RawDoc
from indexer.extract import pages
from indexer.read.repair import repair_thai_mojibake
from indexer.read.scraped import repair_scraped
from indexer.record import CLASSIFICATION, Event, Issuer, Record, make_id
from indexer.status import status_of
from indexer.textfold import count_traditional, safe_nfkc

# A notice titled as one (关于征求…标准意见的通知) is the notice, whatever its wording.
NOTICE_TITLE_RULES = ("title:draft-for-comments", "title:notice-about-standards")
FORMAL_HEADER_RULES = tuple(f"header:{cue}" for cue in ("通过", "修订", "修正", "公布", "颁布", "批准"))
# A text's own adoption or promulgation lines stand right under its title.
OWN_HEADER_CHARS = 300
# A news item's own date stands on a short line (a by-line) among its first lines.
BYLINE_CHARS = 80
BYLINE_LINES = 4
BYLINE_LABEL = 12  # or opens the text, after at most a short label ("date 2021-01-16 BEIJING …")
_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class Builder:
    """Turns RawDocs into Records; holds what is loaded once (the registry, today)."""

    def __init__(self, registry: Registry | None = None, today: date | None = None):
        self.registry = registry or Registry.load()
        self.today = today or date.today()

    def build(self, raw: RawDoc, relpath: str) -> Record:
        stated = dict(raw.stated)              # a stated date that is no date is dropped from it
        sources: dict[str, dict] = {}
        warnings: list[str] = []
        repairs = list(raw.repairs)
        text, page_starts = paged(self._clean_text(raw.text, repairs))

        def note(name: str, found: fields.Found | None, stated_rule: str = "stated") -> Any:
            if name in stated:
                sources[name] = {"rule": stated_rule}
                return stated[name]
            if found is None:
                return None
            sources[name] = {"rule": found.rule, "span": found.span[:200]}
            if found.by:
                sources[name]["by"] = found.by[:200]
            if found.warning:
                warnings.append(f"{name}: candidates disagree: {found.warning}")
            return found.value

        # A page titled with its site's name only (全国稀土标准化技术委员会) is titled by its text.
        # So is one titled with the file it offers or the bare number of a standard (ISO 23664:2021).
        marked = None if raw.title and (fields.names_a_body(raw.title) or pages.is_file_name(raw.title)
                                        or _only_std_no(raw.title) or pages.is_number_line(raw.title)
                                        or (len(raw.title) <= 12 and pages.is_site_line(raw.title))) \
            and not stated.get("title") else raw.title
        promulgated = None if stated.get("title") or (marked and not fields.is_notice_heading(marked)) \
            else fields.promulgated_title(text, marked)
        if promulgated:
            marked = None  # a page titled with the notice that promulgates its text
        page_title = promulgated or (None if stated.get("title") or marked or fields.titled_official_text(text)
                                     else pages.page_title(text))
        first = _first_line(text)
        if raw.title and not marked and pages.is_paragraph(first) and pages.ends_sentence(first):
            first = raw.title  # the site's name, rather than a paragraph
        title = self._clean_text(stated.get("title") or marked or (page_title.value if page_title else first), repairs)
        if not stated.get("title"):
            title = fields.with_announcement_number(title, text)
            title = fields.with_company_line(title, text)
            title = fields.with_named_bodies(title, text)
        sources["title"] = {"rule": "stated" if "title" in stated else
                            ("markup" if marked or title == raw.title else "first-line")}
        if page_title and not stated.get("title") and not marked:
            sources["title"] = {"rule": page_title.rule, "span": page_title.span[:200]}
        lang = note("lang", fields.Found(detect_lang(title + "\n" + text), "script-detection"))

        issued = self._stated_date(stated, "issued", sources, warnings)
        if issued is None:
            issued = note("issued", fields.issued_date(text)) or self._unstated_issued(raw, text, sources, warnings)
        effective = self._stated_date(stated, "effective", sources, warnings)
        if effective is None:
            effective = note("effective", fields.effective_date(text, issued))

        std_no = self._std_no(stated, title, text, sources)
        doc_no = note("doc_no", fields.doc_number(title, text, lang))
        adopted = sources.get("issued", {}).get("rule", "").startswith("header:")
        span = sources.get("issued", {}).get("span", "")
        # Adoption, revision, amendment, promulgation or approval lines; a catalogue's
        # "2008-03-31 发布" dates a standard, it does not make a page an official text.
        history = adopted and sources["issued"]["rule"] in FORMAL_HEADER_RULES
        opens_with_header = history and bool(span) and 0 <= text.find(span[:40]) < OWN_HEADER_CHARS
        # A first line that is a whole paragraph is no title to classify by.
        named = "" if sources["title"]["rule"] == "first-line" and pages.is_paragraph(title) \
            and pages.ends_sentence(title) else title
        base = fields.doc_type(named, text, lang, std_no is not None, doc_no is not None,
                               adopted and lang != "en")
        kind = note("doc_type", self._page_kind(raw, title, text, opens_with_header, base) or base)
        if kind == "news" or sources.get("doc_type", {}).get("rule") == "page:body-notice-on-a-text":
            # A news item's own date is the one under its headline; the other dates in
            # it belong to the documents and events it reports on. So is a body's notice
            # on another's text.
            if "issued" not in stated:
                issued = self._news_date(raw, text, issued, sources, warnings)
        if kind == "news":
            if doc_no is not None and "doc_no" not in stated:
                doc_no = None  # a number a news item quotes is a reference, not its own
                sources.pop("doc_no", None)
        if kind == "standard" and raw.format != "xml":
            # Catalogue pages and translations print the cover dates under labels.
            for role in ("issued", "effective"):
                found = pages.cover_date(text, role) if role not in stated else None
                if found:
                    sources[role] = {"rule": found[1].rule, "span": found[1].span[:200]}
                    if role == "issued":
                        issued = found[0]
                    else:
                        effective = found[0]
        if kind != "standard" and "std_no" not in stated:
            std_no = None
            sources.pop("std_no", None)
        if kind == "standard" and std_no and "title" not in stated:
            title = _without_number(title, std_no)
        replaces = stated.get("replaces") or fields.replaced_std_nos(text)
        if replaces:
            sources["replaces"] = {"rule": "stated" if "replaces" in stated else "text:代替"}

        references = stated["references"] if raw.format == "xml" else \
            fields.cited_numbers(text, (std_no, doc_no))
        if references:
            sources["references"] = {"rule": "stated" if "references" in stated else "text:cited-numbers"}

        issued_iso, issued_precision = _iso(issued)
        effective_iso, effective_precision = _iso(effective)
        issuers = self._issuers(stated, title, text, issued_iso, sources, raw.meta) \
            if kind != "news" else \
            self._stated_issuers(stated, issued_iso, sources)
        state = note("status", status_of(title, text, kind, issued_iso, effective_iso, self.today))
        work = stated.get("work") or fields.work_key(kind, title, std_no, canonical_doc_no(doc_no), issued_iso)
        for _, _, raw_date in find_yearless(text[:2000]):
            warnings.append(f"date without a year ignored: {raw_date!r}")
        record = Record(
            id=stated.get("id") or make_id(relpath if raw.part is None else f"{relpath}#{raw.part}"),
            # A stated path is where an exported record was first read from.
            path=stated.get("path") or relpath, title=title, title_en=stated.get("title_en"),
            doc_type=kind, lang=lang,
            issuers=issuers, issued=issued_iso, issued_precision=issued_precision,
            effective=effective_iso, effective_precision=effective_precision, status=state,
            std_no=std_no, replaces=list(replaces), doc_no=doc_no, references=list(references),
            source_url=stated.get("source_url") or raw.source_url, work=work, text=text,
            provenance=_provenance(raw, repairs, warnings, sources, page_starts),
        )
        record.events = [Event(**e) for e in stated["events"]] if "events" in stated else record_events(record)
        _classify(record, stated, sources)
        return record

    def _page_kind(self, raw: RawDoc, title: str, text: str, adopted: bool,
                   base: fields.Found) -> fields.Found | None:
        """What a page's wording says it is; a text opening with its own adoption or
        promulgation lines, or titled as a notice, is an official text whatever words it uses."""
        if "doc_type" in raw.stated or raw.format == "xml":
            return None
        signal = pages.page_kind(title, text, formal=adopted or base.rule in NOTICE_TITLE_RULES,
                                 site_body=bool(self._site_bodies(raw.meta, title)))
        return fields.Found(signal.value, signal.rule, signal.span) if signal else None

    def _site_bodies(self, meta: dict, title: str) -> list:
        """Registered bodies the page's <title> names besides the headline: the site's own."""
        site = (meta or {}).get("page_title", "").replace(title, " ")
        return [m for m in self.registry.find_in_text(site) if m.entry]

    def _unstated_issued(self, raw: RawDoc, text: str, sources: dict, warnings: list[str]):
        """The page's published date when the text states none; a warning when the text's
        only dates are of other things."""
        published = _published(raw, sources)
        if published:
            return published
        others = fields.other_dates(text)
        if others:
            warnings.append("issued: the text's dates are of other things (deadlines, meetings, cited "
                            f"texts: {', '.join(others[:3])}); left empty")
        return None

    def _news_date(self, raw: RawDoc, text: str, issued, sources: dict, warnings: list[str]):
        """A news item's own date: its page's metadata, else the line under its headline."""
        published = _published(raw, sources)
        if published:
            return published
        dated = pages.page_date(text)
        if dated:
            value, signal = dated
            sources["issued"] = {"rule": signal.rule, "span": signal.span[:200]}
            return value
        source = sources.get("issued", {})
        if source.get("rule") == "first-date-in-header" and not _byline_date(text, source.get("span", "")):
            # A date on a short line at the top ("Posted 28 August 2025 · Companies", "date
            # 2021-01-16 BEIJING …") is the item's own; one that opens a sentence ("2025年10月9日，
            # 商务部发布…") or stands further in dates an event the item reports, or a caption.
            warnings.append(f"issued: no date of the item's own; {issued.iso} in its text "
                            "dates what it reports, left out")
            sources.pop("issued")
            return None
        return issued

    def _clean_text(self, text: str, repairs: list[str]) -> str:
        text, scraped = repair_scraped(text)
        for item in scraped:
            if item not in repairs:
                repairs.append(item)
        text, thai = repair_thai_mojibake(text)
        for item in thai:
            if item not in repairs:
                repairs.append(item)
        text, changed = safe_nfkc(text)
        if changed and not any(r.startswith("nfkc") for r in repairs):
            repairs.append(f"nfkc: {changed} compatibility characters normalized")
        return text

    def _stated_date(self, stated: dict, name: str, sources: dict, warnings: list[str]):
        value = stated.get(name)
        if not value:
            return None
        parsed = parse_date(value)
        if parsed is None:
            warnings.append(f"stated {name} {value!r} is not a date; ignored")
            del stated[name]               # so the date is looked for in the text instead
            return None
        sources[name] = {"rule": "stated"}
        return parsed

    def _std_no(self, stated, title, text, sources) -> str | None:
        if "std_no" in stated:
            parsed = parse_std_no(stated["std_no"])
            sources["std_no"] = {"rule": "stated"}
            return parsed.canonical if parsed else stated["std_no"]
        found = fields.own_std_no(title, text)
        if found:
            sources["std_no"] = {"rule": found.rule, "span": found.span}
            return found.value
        return None

    def _stated_issuers(self, stated, on_date, sources) -> list[Issuer]:
        if "issuers" not in stated:
            return []
        sources["issuers"] = {"rule": "stated"}
        return [self._stated_issuer(item, on_date) for item in stated["issuers"]]

    def _issuers(self, stated, title, text, on_date, sources, meta: dict | None = None) -> list[Issuer]:
        if "issuers" in stated:
            return self._stated_issuers(stated, on_date, sources)
        meta = meta or {}
        issued_source = sources.get("issued", {})
        adoption = fields.with_region(issued_source.get("by") or issued_source.get("span", ""), title) \
            if issued_source.get("rule", "").startswith("header:") else ""
        matches, rule = fields.issuer_matches(title, text, self.registry, adoption)
        site = [m for m in self.registry.find_in_text(meta.get("page_title", "")) if m.entry] \
            if rule in ("header", "") else []
        if site:
            # Bodies the text only mentions, or none, are what a body's site reports on (a Taiwan
            # bureau's brief of a mainland rule); the site's own body published it.
            matches, rule = site[:1], "page-title:site"
        if matches:
            sources["issuers"] = {"rule": f"registry:{rule}",
                                  "span": "; ".join(m.name for m in matches)[:200]}
            return [self._registered(m.entry, on_date, m.name) if m.entry else
                    Issuer(unregistered_id(m.name), m.name, "", registered=False) for m in matches]
        found = fields.unregistered_issuers(text, adoption)
        if found:
            sources["issuers"] = {"rule": found[0].rule, "span": "; ".join(f.span for f in found)[:200]}
            return [Issuer(unregistered_id(f.value), f.value, "", registered=False) for f in found]
        # A page's ContentSource names the body when it is one the registry knows
        # (工业和信息化部), not when it is the site itself (中国政府网).
        meta_source = meta.get("source", "")
        listed = [m for m in self.registry.find_in_text(meta_source) if m.entry]
        if listed:
            sources["issuers"] = {"rule": "meta:source", "span": meta_source}
            return [self._registered(m.entry, on_date, m.name) for m in listed[:1]]
        return []

    def _stated_issuer(self, item: dict, on_date) -> Issuer:
        written = item.get("written") or item.get("name_zh") or item.get("id") or ""
        entry = self.registry.resolve(item.get("id") or written) or self.registry.resolve(
            item.get("name_zh") or item.get("name_en") or "")
        if entry:
            return self._registered(entry, on_date, item.get("named_zh") or item.get("named_en") or "")
        name = written or item.get("name_en", "")
        return Issuer(item.get("id") or unregistered_id(name), item.get("name_zh") or name,
                      item.get("name_en") or "", registered=False)

    def _registered(self, entry, on_date, written: str = "") -> Issuer:
        """The body under its current name, and the name the document uses where that
        differs: the name it wrote (a former name, a longer form), else its name on the date."""
        zh, en = self.registry.name_on(entry, on_date)
        named = self.registry.named_form(entry, written)
        if named and _CJK.search(named):
            zh = named
        elif named:
            en = named
        return Issuer(entry.id, entry.name_zh, entry.name_en,
                      named_zh=zh if zh != entry.name_zh else None,
                      named_en=en if en != entry.name_en else None)


def paged(text: str) -> tuple[str, list[int]]:
    """Text with its page breaks made blank lines, and where each page starts (none: not paged)."""
    if PAGE_BREAK not in text:
        return text, []
    starts, out, at = [], [], 0
    for page in text.split(PAGE_BREAK):
        page = page.strip("\n")
        starts.append(at)
        out.append(page)
        at += len(page) + 2
    return "\n\n".join(out), starts


def _provenance(raw: RawDoc, repairs: list[str], warnings: list[str], sources: dict,
                page_starts: list[int]) -> dict:
    provenance = {"format": raw.format, "encoding": raw.encoding, "repairs": repairs,
                  "warnings": warnings[:20], "fields": sources}
    if page_starts:
        provenance["pages"] = page_starts
    if raw.unread:
        provenance["unread"] = list(raw.unread)
    return provenance


def _published(raw: RawDoc, sources: dict):
    """The date a page's metadata says it was published, noted as the issued date's source."""
    published = parse_date(raw.meta.get("published", ""))
    if published:
        sources["issued"] = {"rule": "meta:published", "span": raw.meta["published"]}
    return published


def _byline_date(text: str, span: str) -> bool:
    at = text.find(span) if span else -1
    if at < 0 or text.startswith(("，", ","), at + len(span)):
        return False
    begins = text.rfind("\n", 0, at) + 1
    ends = text.find("\n", at)
    line = text[begins:ends if ends >= 0 else len(text)]
    above = [row for row in text[:begins].splitlines() if row.strip()]
    opens = not text[:at].strip() or len(text[:at].strip()) <= BYLINE_LABEL and not above
    return opens or len(line.strip()) <= BYLINE_CHARS and len(above) < BYLINE_LINES


def _only_std_no(title: str) -> bool:
    found = find_std_nos(title)
    return len(found) == 1 and not (title[:found[0][1]] + title[found[0][2]:]).strip(" \u3000-—:：")


def _without_number(title: str, std_no: str) -> str:
    """"GB/T 13560-2017 烧结钕铁硼永磁材料" → the title; the number is the record's std_no."""
    found = find_std_nos(title)
    if not found or found[0][1] != 0 or found[0][0].canonical != std_no:
        return title
    rest = title[found[0][2]:].strip(" \u3000-—:：《》")
    return rest if len(rest) >= 2 else title


def detect_lang(text: str) -> str:
    sample = text[:4000]
    cjk = len(_CJK.findall(sample))
    if cjk < len(_LATIN.findall(sample)) / 4:
        return "en"
    # Traditional-only characters are common in zh-Hant text and nearly absent
    # from simplified text, so a small share is already decisive.
    return "zh-Hant" if count_traditional(sample) > max(3, cjk * 0.03) else "zh-Hans"


def _first_line(text: str) -> str:
    """The first line that is not the site's: navigation, a tool bar, a metadata table's row."""
    for line in text.splitlines():
        if line.strip() and not pages.is_site_line(line):
            return line.strip()[:200]
    return ""


def _iso(value) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    return value.iso, value.precision


def _classify(record: Record, stated: dict, sources: dict) -> None:
    """ICS, CCS, committees and drafting units: as a record states them, else as its text and
    the rows of its lists (a plan's 技术委员会 and 牵头单位 columns) do."""
    found = classify(record.text)
    from_rows = {"committees": [e.committee for e in record.events if e.committee],
                 "drafters": [e.lead for e in record.events if e.lead]}
    for name in CLASSIFICATION:
        if name in stated:
            values, rule = stated[name], "stated"
        else:
            values, rule = list(dict.fromkeys(getattr(found, name) + from_rows.get(name, []))), "text:classification"
        setattr(record, name, list(values))
        if values:
            sources[name] = {"rule": rule}
