"""Office files: PDF (text, scanned, garbled, hostile), DOCX, DOC, XLSX through the whole pipeline."""
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conftest import REPO, SHARED, run
from office_files import EDITION_2009, EDITION_2017, FOREWORD, SCOPE, officegen
from indexer.config import OCR_ENV
from indexer.errors import ReadError
from indexer.extract.build import paged
from indexer.read import ocr
from indexer.read.pdf import read_pdf
from indexer.read.sheet import read_xlsx
from indexer.read.textlayer import page_problem
from indexer.read.word import read_docx
from indexer.record import Record

ATTACHMENTS = SHARED / "realdata" / "attachments"
needs_attachments = pytest.mark.skipif(not ATTACHMENTS.is_dir(), reason=f"{ATTACHMENTS} is absent")


@pytest.fixture(autouse=True)
def no_ocr(monkeypatch):
    """OCR off unless a test asks for it, as it is by default."""
    monkeypatch.delenv(OCR_ENV, raising=False)
    yield
    os.environ.pop(OCR_ENV, None)  # --ocr sets it for the run's worker processes


def _index(folder: Path, tmp_path: Path):
    index = tmp_path / "index"
    result = run("index", folder, "--index", index)
    return index, result


def _records(index: Path) -> dict[str, dict]:
    result = run("export", "--index", index)
    assert result.exit_code == 0, result.output
    return {r["path"]: r for r in map(json.loads, result.stdout.splitlines())}


def _standard_pdf(path: Path, cover=EDITION_2017) -> Path:
    officegen.standard_pdf(path, cover, [FOREWORD, SCOPE])
    return path


# --- PDF with a standard's cover -----------------------------------------------------

def test_standard_pdf_cover_gives_the_record_fields(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _standard_pdf(docs / "gbt-13560-2017.pdf")
    index, result = _index(docs, tmp_path)
    assert result.exit_code == 0, result.output
    record = _records(index)["gbt-13560-2017.pdf"]
    assert record["doc_type"] == "standard"
    assert record["std_no"] == "GB/T 13560-2017"
    assert record["title"] == "烧结钕铁硼永磁材料"
    assert (record["issued"], record["effective"]) == ("2017-10-14", "2018-05-01")
    assert record["replaces"] == ["GB/T 13560-2009"]
    assert [i["id"] for i in record["issuers"]] == ["SAMR", "SAC"]
    assert record["provenance"]["format"] == "pdf"
    assert len(record["provenance"]["pages"]) == 3


def test_history_links_two_pdf_editions(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _standard_pdf(docs / "old.pdf", EDITION_2009)
    _standard_pdf(docs / "new.pdf", EDITION_2017)
    index, result = _index(docs, tmp_path)
    assert result.exit_code == 0, result.output
    history = run("history", "GB/T 13560", "--index", index, "--format", "json")
    assert history.exit_code == 0, history.output
    text = history.stdout
    assert "GB/T 13560-2009" in text and "GB/T 13560-2017" in text
    records = _records(index)
    assert records["old.pdf"]["status"] == "superseded"
    assert records["new.pdf"]["status"] == "in_force"


def test_search_and_show_name_the_page(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _standard_pdf(docs / "std.pdf")
    index, _ = _index(docs, tmp_path)
    found = run("search", "剩磁温度系数", "--index", index, "--format", "json", "--literal")
    hit = json.loads(found.stdout)["hits"][0]
    assert hit["page"] == 3
    table = run("search", "剩磁温度系数", "--index", index, "--literal")
    assert "p. 3:" in table.stdout
    shown = run("show", hit["id"], "--index", index)
    text = shown.stdout
    assert text.index("[page 3]") < text.index("剩磁温度系数") and "[page 2]" in text


# --- pages that are not text ----------------------------------------------------------

def _mixed(tmp_path: Path, second: Path) -> Path:
    first = tmp_path / "first.pdf"
    officegen.text_pdf(first, [SCOPE])
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    officegen.joined_pdf(docs / "mixed.pdf", [first, second])
    return docs


def test_scanned_page_is_named_in_the_summary(tmp_path):
    text = tmp_path / "text.pdf"
    officegen.text_pdf(text, [FOREWORD])
    scanned = tmp_path / "scanned.pdf"
    officegen.scanned_pdf(scanned, text)
    docs = _mixed(tmp_path, scanned)
    index, result = _index(docs, tmp_path)
    assert result.exit_code == 0, result.output
    assert "warning  mixed.pdf: 1 page needs OCR (no text layer: page 2)" in result.output
    record = _records(index)["mixed.pdf"]
    assert "剩磁温度系数" in record["text"] and "归口" not in record["text"]
    assert record["provenance"]["unread"] == ["1 page needs OCR (no text layer: page 2)"]


def test_garbled_page_is_not_indexed(tmp_path):
    garbled = tmp_path / "garbled.pdf"
    officegen.garbled_pdf(garbled, FOREWORD + SCOPE)
    docs = _mixed(tmp_path, garbled)
    index, result = _index(docs, tmp_path)
    assert "mixed.pdf: 1 page needs OCR (garbled text layer: page 2)" in result.output
    record = _records(index)["mixed.pdf"]
    assert all(ord(ch) < 0x100 or ch >= "\u3000" for ch in record["text"])


def test_cid_runs_are_garbled(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    officegen.text_pdf(docs / "cid.pdf", [SCOPE, ["(cid:4721)(cid:1893)(cid:77)(cid:2048)" * 3] * 5])
    _, result = _index(docs, tmp_path)
    assert "cid.pdf: 1 page needs OCR (garbled text layer: page 2)" in result.output


def test_ocr_without_tesseract_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    ocr.tesseract.cache_clear()
    try:
        result = run("index", tmp_path, "--index", tmp_path / "index", "--ocr")
    finally:
        ocr.tesseract.cache_clear()
    assert result.exit_code == 2
    assert "--ocr needs tesseract" in result.output and "Traceback" not in result.output


def test_wholly_scanned_pdf_is_skipped_with_the_reason(tmp_path):
    text = tmp_path / "text.pdf"
    officegen.text_pdf(text, [FOREWORD, SCOPE])
    docs = tmp_path / "docs"
    docs.mkdir()
    officegen.scanned_pdf(docs / "scan.pdf", text)
    _, result = _index(docs, tmp_path)
    assert result.exit_code == 0
    assert "skipped  scan.pdf: no readable text: 2 pages need OCR (no text layer: pages 1-2)" in result.output


def _chinese_font() -> bool:
    """PDFium draws STSong-Light with a system font; without a Chinese one the scan is blank."""
    if not shutil.which("fc-list"):
        return False
    return bool(subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout.strip())


def test_ocr_reads_a_scanned_page_when_asked(tmp_path):
    if ocr.tesseract() is None or not _chinese_font():
        pytest.skip("needs tesseract with chi_sim (tesseract-ocr-chi-sim) and a Chinese font to draw the scan")
    text = tmp_path / "text.pdf"
    officegen.text_pdf(text, [SCOPE])
    docs = tmp_path / "docs"
    docs.mkdir()
    officegen.scanned_pdf(docs / "scan.pdf", text, dpi=200)
    index = tmp_path / "index"
    result = run("index", docs, "--index", index, "--ocr")
    assert result.exit_code == 0, result.output
    record = _records(index)["scan.pdf"]
    assert "剩磁温度系数" in record["text"].replace(" ", "")
    assert any(r.startswith("ocr: 1 pages") for r in record["provenance"]["repairs"])


# --- hostile input ------------------------------------------------------------------

def _bomb(path: Path, member: str) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(member, b"\0" * (40 * 1024 * 1024))


def test_bad_files_get_one_line_each_and_the_rest_is_indexed(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    good = _standard_pdf(docs / "good.pdf")
    (docs / "truncated.pdf").write_bytes(good.read_bytes()[:900])
    (docs / "fake.pdf").write_bytes(b"<html>not a pdf</html>")
    (docs / "header-only.pdf").write_bytes(b"%PDF-1.4")
    officegen.encrypted_pdf(docs / "locked.pdf", SCOPE)
    _bomb(docs / "bomb.docx", "word/document.xml")
    _bomb(docs / "bomb.xlsx", "xl/worksheets/sheet1.xml")
    (docs / "broken.docx").write_bytes(b"PK\x03\x04 broken")
    index, result = _index(docs, tmp_path)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = {line.split(":")[0].split()[-1]: line for line in result.output.splitlines() if "failed" in line}
    assert "encrypted PDF" in lines["locked.pdf"]
    assert "malformed or truncated PDF" in lines["truncated.pdf"]
    assert "not a PDF" in lines["fake.pdf"]
    assert "malformed or truncated PDF" in lines["header-only.pdf"]
    assert "zip bomb" in lines["bomb.docx"] and "zip bomb" in lines["bomb.xlsx"]
    assert "not a valid DOCX" in lines["broken.docx"]
    assert list(_records(index)) == ["good.pdf"]


# --- Word and Excel -----------------------------------------------------------------

DRAFT = officegen.Cover(std_no="GB/T 13560—202X", title="烧结钕铁硼永磁材料", kind="中华人民共和国国家标准",
                        replaces="代替 GB/T 13560—2017", stage="（征求意见稿）")


def test_docx_draft_keeps_tables_and_headers(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    officegen.draft_docx(docs / "draft.docx", DRAFT, [("前言", FOREWORD[1:])], header="镝铁合金页眉")
    index, result = _index(docs, tmp_path)
    assert result.exit_code == 0, result.output
    record = _records(index)["draft.docx"]
    assert record["title"] == "烧结钕铁硼永磁材料（征求意见稿）"
    assert (record["doc_type"], record["status"]) == ("standard", "draft")
    assert record["std_no"] == "GB/T 13560"  # the cover's "—202X" is a year still to come
    assert record["replaces"] == ["GB/T 13560-2017"]
    assert "镝铁合金页眉" in record["text"]


def test_history_links_a_pdf_edition_and_the_draft_revising_it(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _standard_pdf(docs / "gbt-13560-2017.pdf")
    officegen.draft_docx(docs / "draft.docx", DRAFT, [("前言", FOREWORD[1:]), ("1 范围", SCOPE[1:])])
    index, _ = _index(docs, tmp_path)
    history = json.loads(run("history", "GB/T 13560", "--index", index, "--format", "json").stdout)
    records = _records(index)
    edition, draft = records["gbt-13560-2017.pdf"], records["draft.docx"]
    assert [v["id"] for v in history["versions"]] == [edition["id"], draft["id"]]
    assert edition["status"] == "in_force" and draft["status"] == "draft"  # a draft supersedes nothing


def test_xlsx_rows_keep_their_column_names(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    officegen.list_xlsx(docs / "list.xlsx", "稀土行业标准编号、名称及实施日期",
                        ["序号", "标准编号", "标准名称", "代替标准", "实施日期"],
                        [["1", "XB/T 230-2019", "氧化铥", "—", "2020-01-01"]])
    index, result = _index(docs, tmp_path)
    assert result.exit_code == 0, result.output
    text = _records(index)["list.xlsx"]["text"]
    assert "标准编号: XB/T 230-2019  标准名称: 氧化铥" in text
    found = run("search", "XB/T 230-2019", "--index", index, "--format", "json")
    assert json.loads(found.stdout)["total"] == 1


def test_legacy_word_without_a_converter_names_what_to_install(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    monkeypatch.setenv("PATH", str(tmp_path))
    _, result = _index(docs, tmp_path)
    assert "skipped  old.doc: legacy Word file: install antiword or catdoc to read it" in result.output


def test_word_files_are_read_by_what_they_hold(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    page = "<html><head><title>稀土标准目录</title></head><body><p>XB/T 230-2019 氧化铥</p></body></html>"
    (docs / "web-page.doc").write_text(page, encoding="utf-8")
    (docs / "renamed.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (docs / "letter.doc").write_bytes(b"{\\rtf1\\ansi hello}")
    (docs / "text.wps").write_bytes(b"plain words")
    monkeypatch.setenv("PATH", str(tmp_path))  # no converter: the renamed .doc says what to install
    index, result = _index(docs, tmp_path)
    assert _records(index)["web-page.doc"]["title"] == "稀土标准目录"
    assert "skipped  renamed.docx: legacy Word file: install antiword or catdoc" in result.output
    assert "failed   letter.doc: an RTF file named as a Word file" in result.output
    assert "failed   text.wps: not a Word file" in result.output


@needs_attachments
@pytest.mark.parametrize("name", sorted(p.name for p in ATTACHMENTS.glob("*.doc")) if ATTACHMENTS.is_dir() else [])
def test_real_legacy_word_files(name, tmp_path):
    if not (shutil.which("antiword") or shutil.which("catdoc")):
        pytest.skip("needs antiword or catdoc (Debian packages) on PATH")
    result = run("inspect", ATTACHMENTS / name, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "报告正文" in json.loads(result.stdout)["text"]


@needs_attachments
def test_real_office_specimens_are_indexed(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ATTACHMENTS, docs, ignore=shutil.ignore_patterns("*.doc", "*.tsv"))
    index, result = _index(docs, tmp_path)
    assert result.exit_code == 0, result.output
    records = _records(index)
    assert set(records) == {p.name for p in docs.iterdir()}
    form = records["gdnsf-2025-attachment6-proposal-form.docx"]["text"]
    assert form.count("本申请书模板仅供前期准备参考") == 1  # a text box, stored twice by Word
    assert "\n--\t" not in form
    sheet = records["statecouncil-policy-docs-numbers.xlsx"]["text"]
    assert "document_number_parsed: 国函〔2023〕98号" in sheet.replace("\u3014", "〔")


def test_office_libraries_are_not_loaded_to_search(tmp_path):
    code = ("import sys; from indexer.cli import cli; import indexer.pipeline, indexer.query.search;"
            "print(sorted(m for m in ('pypdfium2', 'docx2python', 'openpyxl') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert out.stdout.strip() == "[]", out.stderr


def test_reindex_reads_an_added_pdf_and_names_its_unread_pages(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _standard_pdf(docs / "std.pdf")
    index, _ = _index(docs, tmp_path)
    garbled = tmp_path / "garbled.pdf"
    officegen.garbled_pdf(garbled, SCOPE)
    _mixed(tmp_path, garbled)
    result = run("reindex", "--index", index)
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    assert "warning  mixed.pdf: 1 page needs OCR (garbled text layer: page 2)" in result.output


# --- properties -------------------------------------------------------------------

@given(st.text(), st.booleans())
def test_page_check_never_raises(text, chinese):
    assert page_problem(text, chinese) in (None, "no text layer", "garbled text layer")


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\f")), min_size=2, max_size=6))
def test_page_starts_point_at_each_page(pages):
    text, starts = paged("\f".join(pages))
    record = Record(id="d", path="p", title="t", text=text, provenance={"pages": starts})
    assert len(starts) == len(pages)
    for number, (page, start) in enumerate(zip(pages, starts), 1):
        assert text[start:].startswith(page.strip("\n"))
        if page.strip("\n"):
            assert record.page_at(start) == number


_SAMPLES: dict[str, bytes] = {}


def _sample(kind: str, tmp: Path) -> bytes:
    """A valid file of the kind, made once, for the damage tests to break."""
    if kind not in _SAMPLES:
        path = tmp / f"sample.{kind}"
        if kind == "pdf":
            _standard_pdf(path)
        elif kind == "docx":
            officegen.draft_docx(path, DRAFT, [("前言", FOREWORD[1:])])
        else:
            officegen.list_xlsx(path, "清单", ["标准编号", "标准名称"], [["XB/T 230-2019", "氧化铥"]])
        _SAMPLES[kind] = path.read_bytes()
    return _SAMPLES[kind]


@pytest.mark.parametrize("kind, reader", [("pdf", read_pdf), ("docx", read_docx), ("xlsx", read_xlsx)])
def test_damaged_files_fail_with_a_reason(kind, reader, tmp_path_factory):
    data = _sample(kind, tmp_path_factory.mktemp(kind))

    @settings(max_examples=40, deadline=None)
    @given(st.integers(0, len(data) - 1), st.binary(min_size=1, max_size=64), st.booleans())
    def damaged(at, junk, cut):
        broken = data[:at] + junk + (b"" if cut else data[at + len(junk):])
        try:
            reader(broken)
        except ReadError:
            pass

    damaged()
