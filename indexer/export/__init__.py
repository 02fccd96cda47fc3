"""Exports: every matching record, streamed in one of several formats picked by name.

    make_options(...)                      check what the user asked for, before any work
    export_records(records, options, ...)  write them to a file or stdout; returns the count

Each format is a small Writer class (base.py) picked by name from FORMATS; none
holds more than one record at a time.
"""
from __future__ import annotations

import io
import itertools
import os
from pathlib import Path
from typing import IO, BinaryIO, Iterable

from indexer.errors import StdidxError, UsageError
from indexer.export.base import Options, Writer, parse_fields
from indexer.export.csv_format import CsvWriter
from indexer.export.json_formats import BulkWriter, JsonArrayWriter, JsonLinesWriter
from indexer.export.xlsx_format import SpreadsheetWriter
from indexer.export.xml_format import XmlWriter
from indexer.record import Record

FORMATS: dict[str, type[Writer]] = {
    cls.name: cls for cls in (CsvWriter, JsonLinesWriter, JsonArrayWriter, XmlWriter,
                              SpreadsheetWriter, BulkWriter)
}

__all__ = ["FORMATS", "Options", "Writer", "export_records", "make_options", "parse_fields",
           "write_records"]


def make_options(fmt: str = "jsonl", fields: str | None = None, bom: bool = True,
                 escape_formulas: bool = True, bulk_index: str = "stdidx") -> Options:
    """Options from the command line's values; UsageError for anything the format can't do."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    options = Options(fmt, parse_fields(fields), bom, escape_formulas, bulk_index)
    FORMATS[fmt].check(options)
    return options


def export_records(records: Iterable[Record], options: Options, target: Path | None,
                   stdout: BinaryIO) -> int:
    """Write every record to `target`, or to `stdout` when there is none; returns the count.

    A file appears only complete: it is written beside the target and renamed
    into place at the end, so a failed export leaves no half-written file.
    """
    writer_class = FORMATS[options.format]
    if target is None and writer_class.binary and _isatty(stdout):
        raise UsageError(f"--format {options.format} is binary: give --out FILE or redirect stdout")
    # Parse errors in the query surface here, before anything is written.
    records = iter(records)
    first = next(records, None)
    records = itertools.chain([first], records) if first is not None else iter(())
    if target is None:
        try:
            return write_records(records, options, stdout)
        except BrokenPipeError:
            raise  # the reader stopped early (| head): not an error of ours
        except OSError as exc:
            raise StdidxError(f"writing the export failed: {exc.strerror or exc}") from None
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        with open(partial, "wb") as out:
            count = write_records(records, options, out)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UsageError(f"export to {target} failed: {exc.strerror or exc}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count


def write_records(records: Iterable[Record], options: Options, out: BinaryIO) -> int:
    """Stream the records through the chosen format's writer into a byte stream."""
    writer_class = FORMATS[options.format]
    stream: IO = out if writer_class.binary else io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = writer_class(stream, options)
    count = 0
    try:
        writer.begin()
        for record in records:
            writer.write(record)
            count += 1
        writer.end()
    except BaseException:
        writer.abort()
        raise
    finally:
        if stream is not out:
            assert isinstance(stream, io.TextIOWrapper)
            stream.flush()
            stream.detach()  # the caller's stream stays open
    return count


def _isatty(stream) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()
