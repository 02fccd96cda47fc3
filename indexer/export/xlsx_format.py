"""XLSX: a header row, frozen panes, set column widths and real date cells, in bounded memory."""
from __future__ import annotations

import shutil
import tempfile
from datetime import date

from indexer.errors import StdidxError
from indexer.export.base import Writer
from indexer.export.cells import TABULAR_FIELDS, cell_text, is_formula_like
from indexer.record import Record

# Excel's limits: characters in one cell, rows in one sheet.
MAX_CELL_CHARS = 32_767
MAX_ROWS = 1_048_576

DATE_FIELDS = ("issued", "effective")
# A month- or year-precision date is a real date cell (the first day of the
# period) shown only to its precision, so it sorts and filters as a date.
DATE_FORMATS = {"day": "yyyy-mm-dd", "month": "yyyy-mm", "year": "yyyy"}

# Column widths in characters; a CJK character is about two.
WIDTHS = {
    "id": 15, "path": 44, "title": 60, "title_en": 44, "doc_type": 16, "lang": 8,
    "issuers": 44, "issued": 12, "issued_precision": 9, "effective": 12,
    "effective_precision": 9, "status": 11, "std_no": 20, "replaces": 24, "doc_no": 26, "references": 30, "source_url": 30,
    "ics": 14, "ccs": 8, "committees": 20, "drafters": 40,
    "work": 32, "text": 80, "provenance": 60,
}


class SpreadsheetWriter(Writer):
    name = "xlsx"
    binary = True
    default_fields = TABULAR_FIELDS

    def begin(self) -> None:
        import xlsxwriter

        # constant_memory: each row goes to a temporary file once written, so
        # memory does not grow with the number of records. Strings are never
        # turned into formulas, numbers or links behind our back.
        # A pipe gets the finished file: zipfile writing into a pipe its reader
        # closed early (| head) fails, then fails again when collected.
        self._piped = None if _seekable(self.out) else tempfile.TemporaryFile()
        self._book = xlsxwriter.Workbook(self._piped or self.out, {
            "constant_memory": True, "strings_to_formulas": False,
            "strings_to_numbers": False, "strings_to_urls": False,
        })
        self._sheet = self._book.add_worksheet("records")
        self._dates = {p: self._book.add_format({"num_format": f, "align": "left"})
                       for p, f in DATE_FORMATS.items()}
        # quote_prefix is Excel's own "this is text": shown without the
        # apostrophe, and still text when someone edits the cell.
        self._quoted = self._book.add_format({"quote_prefix": True})
        header = self._book.add_format({"bold": True, "bottom": 1})
        for column, name in enumerate(self.fields):
            self._sheet.set_column(column, column, WIDTHS.get(name, 16))
        self._sheet.freeze_panes(1, 0)
        for column, name in enumerate(self.fields):
            self._sheet.write_string(0, column, name, header)
        self._row = 0

    def write(self, record: Record) -> None:
        self._row += 1
        if self._row >= MAX_ROWS:
            raise StdidxError(f"an XLSX sheet holds at most {MAX_ROWS - 1:,} records; "
                              "narrow the export or use --format csv")
        data = record.to_dict()
        for column, name in enumerate(self.fields):
            value = data[name]
            if name in DATE_FIELDS and value:
                self._write_date(column, value, data[f"{name}_precision"])
                continue
            text = cell_text(name, value)[:MAX_CELL_CHARS]
            if not text:
                continue
            quoted = self.options.escape_formulas and is_formula_like(text)
            self._sheet.write_string(self._row, column, text, self._quoted if quoted else None)

    def _write_date(self, column: int, iso: str, precision: str | None) -> None:
        parts = [int(p) for p in iso.split("-")] + [1, 1]
        precision = precision or ("year", "month", "day")[iso.count("-")]
        self._sheet.write_datetime(self._row, column, date(*parts[:3]), self._dates[precision])

    def end(self) -> None:
        if self._row:
            self._sheet.autofilter(0, 0, self._row, len(self.fields) - 1)
        self._book.close()
        if self._piped:
            self._piped.seek(0)
            shutil.copyfileobj(self._piped, self.out)
            self._piped.close()

    def abort(self) -> None:
        # Closing releases the temporary row files; the output is discarded anyway.
        try:
            if not self._book.fileclosed:
                self._book.close()
        except Exception:
            pass
        if self._piped:
            self._piped.close()


def _seekable(stream) -> bool:
    try:
        return stream.seekable()
    except (AttributeError, ValueError):
        return False
