"""PDF through PDFium (pypdfium2): text page by page, pages without real text set aside.

Pages are joined with PAGE_BREAK so that extraction can keep where each page
starts. A page with no text layer or a garbled one is left out of the text and
named in `unread`; with OCR asked for (`--ocr`) it is read by Tesseract instead
(indexer.read.ocr).
"""
from __future__ import annotations

from indexer.errors import NotADocument, ReadError
from indexer.read import ocr
from indexer.read.rawdoc import PAGE_BREAK, RawDoc
from indexer.read.textlayer import is_chinese, page_problem

# Beyond this the file is refused rather than read for minutes.
MAX_PAGES = 2000


def read_pdf(data: bytes) -> RawDoc:
    import pypdfium2  # loaded only when a PDF is read: it is large

    document = _open(pypdfium2, data)
    try:
        if len(document) > MAX_PAGES:
            raise ReadError(f"PDF has {len(document)} pages (more than {MAX_PAGES}); refused")
        texts = [_page_text(document, number) for number in range(len(document))]
        chinese = is_chinese(texts)
        problems = [page_problem(text, chinese) for text in texts]
        texts, problems, notes = ocr.read_unreadable(document, texts, problems)
    except pypdfium2.PdfiumError as exc:
        raise ReadError(f"damaged PDF: {exc}") from None
    finally:
        document.close()
    if all(problems):
        # Skipped, not failed: nothing is wrong with the file, there is just no text to index yet.
        raise NotADocument(f"no readable text: {_unread_line(problems)}")
    pages = ["" if problem else text for text, problem in zip(texts, problems)]
    unread = [_unread_line(problems)] if any(problems) else []
    # On lines of their own, so that line-by-line repairs never join two pages.
    return RawDoc(format="pdf", encoding="pdf", text=f"\n{PAGE_BREAK}\n".join(pages), repairs=notes,
                  unread=unread)


def _open(pypdfium2, data: bytes):
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ReadError("not a PDF (no %PDF header)")
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            raise ReadError("encrypted PDF (needs a password); not read") from None
        raise ReadError(f"malformed or truncated PDF: {reason}") from None


def _page_text(document, number: int) -> str:
    page = document[number]
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
        finally:
            textpage.close()
    finally:
        page.close()


def _unread_line(problems: list[str | None]) -> str:
    """One line: how many pages need OCR and why, "3 pages need OCR (no text layer: 2, 4; …)"."""
    by_reason: dict[str, list[int]] = {}
    for number, problem in enumerate(problems, 1):
        if problem:
            by_reason.setdefault(problem, []).append(number)
    count = sum(len(pages) for pages in by_reason.values())
    detail = "; ".join(f"{reason}: {_ranges(pages)}" for reason, pages in by_reason.items())
    return f"{count} page{'s' if count != 1 else ''} need{'s' if count == 1 else ''} OCR ({detail})"


def _ranges(numbers: list[int]) -> str:
    """1, 2, 3, 5 → "pages 1-3, 5"."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and spans[-1][1] == n - 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    text = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
    return ("page " if len(numbers) == 1 else "pages ") + text
