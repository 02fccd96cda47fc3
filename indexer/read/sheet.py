"""Spreadsheets (.xlsx) through openpyxl in read-only mode.

Each row becomes a line. In a sheet whose first row reads as a header (text
cells, no numbers), every later cell is written with its column name,
"标准编号: GB/T 1234-2020  标准名称: …", so that a list of standards is
searchable by number and by title and a standard's number stays beside its
dates.
"""
from __future__ import annotations

import io
import warnings
from datetime import date, datetime

from indexer.errors import ReadError
from indexer.read.rawdoc import RawDoc
from indexer.read.zipguard import checked_zip

MAX_ROWS = 200_000
MAX_COLUMNS = 200
CELL_SEPARATOR = "  "


def read_xlsx(data: bytes) -> RawDoc:
    import openpyxl  # loaded only when a spreadsheet is read

    checked_zip(data, "XLSX", "[Content_Types].xml")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # styles openpyxl does not know are reported as warnings
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheets = [_sheet_lines(sheet.title, sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS))
                          for sheet in book.worksheets]
            finally:
                book.close()
    except ReadError:
        raise
    except Exception as exc:  # a damaged part surfaces as any of several library errors
        raise ReadError(f"damaged XLSX: {type(exc).__name__}: {exc}") from None
    text = "\n\n".join(block for block in sheets if block)
    return RawDoc(format="xlsx", encoding="xlsx", text=text)


def _sheet_lines(name: str, rows) -> str:
    lines: list[str] = []
    header: list[str] | None = None
    for number, row in enumerate(rows):
        if number >= MAX_ROWS:
            raise ReadError(f"sheet {name!r} has more than {MAX_ROWS} rows; refused")
        cells = [_cell(value) for value in row]
        if not any(cells):
            continue
        if header is None and _is_header(row):
            header = cells
            lines.append(CELL_SEPARATOR.join(c for c in cells if c))
            continue
        lines.append(CELL_SEPARATOR.join(_labelled(header, cells)))
    return "\n".join(lines)


def _is_header(row) -> bool:
    values = [v for v in row if v not in (None, "")]
    return len(values) >= 2 and all(isinstance(v, str) for v in values)


def _labelled(header: list[str] | None, cells: list[str]) -> list[str]:
    out = []
    for i, cell in enumerate(cells):
        if not cell:
            continue
        label = header[i] if header and i < len(header) else ""
        out.append(f"{label}: {cell}" if label else cell)
    return out


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())
