"""CSV for spreadsheets: UTF-8 with a byte-order mark, lists in one cell, formulas defused."""
from __future__ import annotations

import csv

from indexer.export.base import Writer
from indexer.export.cells import TABULAR_FIELDS, cell_text, neutralised
from indexer.record import Record

# Excel takes a file without a BOM for the ANSI code page and garbles Chinese.
BOM = "\ufeff"


class CsvWriter(Writer):
    name = "csv"
    default_fields = TABULAR_FIELDS

    def begin(self) -> None:
        if self.options.bom:
            self.out.write(BOM)
        # RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
        self._rows = csv.writer(self.out, lineterminator="\r\n")
        self._rows.writerow(self.fields)

    def write(self, record: Record) -> None:
        data = record.to_dict()
        cells = [cell_text(name, data[name]) for name in self.fields]
        if self.options.escape_formulas:
            cells = [neutralised(cell) for cell in cells]
        self._rows.writerow(cells)
