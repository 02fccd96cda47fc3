"""What every export format shares: the options, field selection and the writer interface."""
from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Any, ClassVar

from indexer.errors import UsageError
from indexer.record import FIELDS, Record


@dataclass(frozen=True)
class Options:
    """Everything that shapes an export besides the records themselves."""

    format: str = "jsonl"
    fields: tuple[str, ...] | None = None   # None: the format's default fields
    bom: bool = True                        # csv: start with a UTF-8 byte-order mark
    escape_formulas: bool = True            # csv/xlsx: keep cells from being read as formulas
    bulk_index: str = "stdidx"              # bulk: the target index of every action line


def parse_fields(spec: str | None) -> tuple[str, ...] | None:
    """`--fields a,b,c` → ("a", "b", "c"), checked against the record's fields."""
    if spec is None:
        return None
    names = tuple(name.strip() for name in spec.split(","))
    if not any(names):
        raise UsageError(f"--fields names no field; choose from {', '.join(FIELDS)}")
    for name in names:
        if name not in FIELDS:
            raise UsageError(f"unknown field {name!r} in --fields; choose from {', '.join(FIELDS)}")
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise UsageError(f"field {repeated[0]!r} appears twice in --fields")
    return names


class Writer:
    """One export format: `begin`, `write` once per record, `end`.

    Text formats receive a UTF-8 text stream, binary ones (`binary = True`) a
    byte stream. A writer keeps at most one record in memory.
    """

    name: ClassVar[str]
    binary: ClassVar[bool] = False
    default_fields: ClassVar[tuple[str, ...]] = FIELDS

    def __init__(self, out: IO, options: Options):
        self.out = out
        self.options = options
        self.fields = options.fields or self.default_fields

    @classmethod
    def check(cls, options: Options) -> None:
        """Raise UsageError for options this format cannot honour, before anything is read."""

    def begin(self) -> None:
        pass

    def write(self, record: Record) -> None:
        raise NotImplementedError

    def end(self) -> None:
        pass

    def abort(self) -> None:
        """Release what `begin` took when the export fails part-way."""

    def selected(self, record: Record) -> dict[str, Any]:
        """The record as its canonical dict, cut down to the chosen fields in their order."""
        data = record.to_dict()
        if self.fields == FIELDS:
            return data
        return {name: data[name] for name in self.fields}
