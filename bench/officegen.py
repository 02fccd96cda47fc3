"""Standards-shaped office files for tests and the bundled corpus: PDFs with a standard's
cover, a scanned-like PDF, a PDF with a garbled text layer, a draft DOCX, a list XLSX.

Needs the test extras (reportlab, python-docx; Pillow comes with reportlab).
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

FONT = "STSong-Light"  # an Adobe CID font every PDF reader knows; nothing is embedded
PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN = 56
LINE = 18


@dataclass
class Cover:
    std_no: str                  # as printed: "GB/T 13560—2017"
    title: str
    kind: str = "中华人民共和国国家标准"
    ics: str = ""
    ccs: str = ""
    replaces: str = ""           # "代替 GB/T 13560—2009"
    title_en: str = ""
    stage: str = ""              # "（征求意见稿）"
    issued: str = ""             # "2017-10-14"
    effective: str = ""
    issuers: list[str] = field(default_factory=list)


def _canvas(target):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas.Canvas(str(target) if isinstance(target, Path) else target, pagesize=(PAGE_W, PAGE_H))


def _cover_page(c, cover: Cover) -> None:
    y = PAGE_H - MARGIN
    c.setFont(FONT, 11)
    for line in (f"ICS {cover.ics}" if cover.ics else "", f"CCS {cover.ccs}" if cover.ccs else ""):
        if line:
            c.drawString(MARGIN, y, line)
            y -= LINE
    c.setFont(FONT, 22)
    c.drawCentredString(PAGE_W / 2, y - 40, cover.kind)
    c.setFont(FONT, 12)
    c.drawRightString(PAGE_W - MARGIN, y - 80, cover.std_no)
    if cover.replaces:
        c.drawRightString(PAGE_W - MARGIN, y - 80 - LINE, cover.replaces)
    # A long title is set smaller so that it stays on one line.
    c.setFont(FONT, min(20, (PAGE_W - 2 * MARGIN) / len(cover.title)))
    c.drawCentredString(PAGE_W / 2, y - 220, cover.title)
    c.setFont(FONT, 11)
    if cover.title_en:
        c.drawCentredString(PAGE_W / 2, y - 250, cover.title_en)
    if cover.stage:
        c.setFont(FONT, 14)
        c.drawCentredString(PAGE_W / 2, y - 300, cover.stage)
    c.setFont(FONT, 12)
    if cover.issued:
        c.drawString(MARGIN, 160, f"{cover.issued}发布")
    if cover.effective:
        c.drawRightString(PAGE_W - MARGIN, 160, f"{cover.effective}实施")
    c.setFont(FONT, 14)
    for i, issuer in enumerate(cover.issuers):
        c.drawCentredString(PAGE_W / 2 - 20, 110 - i * 22, issuer)
    if cover.issuers:
        c.drawString(PAGE_W / 2 + 150, 110 - (len(cover.issuers) - 1) * 11, "发布")
    c.showPage()


def _text_page(c, lines: list[str], size: int = 11) -> None:
    c.setFont(FONT, size)
    y = PAGE_H - MARGIN
    for line in lines:
        if y < MARGIN:
            c.showPage()
            c.setFont(FONT, size)
            y = PAGE_H - MARGIN
        c.drawString(MARGIN, y, line)
        y -= LINE
    c.showPage()


def standard_pdf(target, cover: Cover, pages: list[list[str]]) -> None:
    """A standard as its PDF is laid out: the cover, then the given pages of lines."""
    c = _canvas(target)
    _cover_page(c, cover)
    for lines in pages:
        _text_page(c, lines)
    c.save()


def text_pdf(target, pages: list[list[str]]) -> None:
    c = _canvas(target)
    for lines in pages:
        _text_page(c, lines)
    c.save()


def scanned_pdf(target, source: Path, dpi: int = 150) -> None:
    """Every page of `source` as a picture only, the way a scanner makes a PDF."""
    import pypdfium2
    from reportlab.lib.utils import ImageReader

    document = pypdfium2.PdfDocument(str(source))
    c = _canvas(target)
    for page in document:
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        c.drawImage(ImageReader(image), 0, 0, PAGE_W, PAGE_H)
        c.showPage()
    c.save()
    document.close()


def garbled_pdf(target: Path, lines: list[str]) -> None:
    """A one-page PDF whose text shows through a subset font without a ToUnicode map:
    the text layer holds glyph numbers (a subset keeps the full font's spread-out numbers), and
    extracts as letters of a dozen scripts."""
    glyphs: dict[str, int] = {}
    shown = []
    for number, line in enumerate(lines):
        codes = "".join(f"{glyphs.setdefault(ch, 0x100 + 37 * len(glyphs)):04X}" for ch in line)
        shown.append(f"BT /F1 12 Tf 56 {780 - 18 * number} Td <{codes}> Tj ET")
    body = "\n".join(shown)
    font = "/BaseFont /ABCDEF+SimSun"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(body)} >>\nstream\n{body}\nendstream",
        f"<< /Type /Font /Subtype /Type0 {font} /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        f"<< /Type /Font /Subtype /CIDFontType2 {font} /CIDToGIDMap /Identity /FontDescriptor 7 0 R "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        "<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /FontBBox [0 -141 1000 859] "
        "/ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>",
    ]
    target.write_bytes(_pdf_file(objects))


def _pdf_string(data: bytes) -> str:
    return "".join(chr(b) if 32 <= b < 127 and chr(b) not in "()\\" else f"\\{b:03o}" for b in data)


def _pdf_file(objects: list[str]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def draft_docx(target: Path, cover: Cover, sections: list[tuple[str, list[str]]],
               header: str = "") -> None:
    """A draft standard as a Word file: cover lines, the dates in a table, then headed sections."""
    import docx

    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    for line in (f"ICS {cover.ics}" if cover.ics else "", f"CCS {cover.ccs}" if cover.ccs else "",
                 cover.kind, cover.std_no, cover.replaces, cover.title, cover.title_en, cover.stage):
        if line:
            document.add_paragraph(line)
    if cover.issued or cover.effective:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = f"{cover.issued}发布"
        table.cell(0, 1).text = f"{cover.effective}实施"
    for issuer in cover.issuers:
        document.add_paragraph(issuer)
    for heading, paragraphs in sections:
        document.add_paragraph(heading)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    document.save(str(target))


def list_xlsx(target: Path, title: str, header: list[str], rows: list[list[str]]) -> None:
    """A list as ministries publish them: a title row, a header row, one row per item."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(target))
    sheet = book.add_worksheet("附件")
    sheet.write(0, 0, title)
    sheet.write_row(1, 0, header)
    for number, row in enumerate(rows, 2):
        sheet.write_row(number, 0, row)
    book.close()


def joined_pdf(target: Path, sources: list[Path]) -> None:
    """The pages of several PDFs, one after another, in one file."""
    import pypdfium2

    document = pypdfium2.PdfDocument.new()
    for source in sources:
        part = pypdfium2.PdfDocument(str(source))
        document.import_pages(part)
        part.close()
    document.save(str(target))
    document.close()


def encrypted_pdf(target: Path, lines: list[str], password: str = "secret") -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    c = _canvas(target)
    c.setEncrypt(StandardEncryption(password, canPrint=0))
    _text_page(c, lines)
    c.save()
