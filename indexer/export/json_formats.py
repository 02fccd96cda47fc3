"""JSON Lines, one JSON array, and the _bulk NDJSON of OpenSearch and Elasticsearch."""
from __future__ import annotations

import json
import re

from indexer.errors import UsageError
from indexer.export.base import Options, Writer
from indexer.record import Record


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False)


class JsonLinesWriter(Writer):
    """One canonical record per line."""

    name = "jsonl"

    def write(self, record: Record) -> None:
        self.out.write(_dumps(self.selected(record)) + "\n")


class JsonArrayWriter(Writer):
    """One JSON array, written a record at a time: `[`, records one per line, `]`."""

    name = "json"

    def begin(self) -> None:
        self.out.write("[")
        self._separator = "\n"

    def write(self, record: Record) -> None:
        self.out.write(self._separator + _dumps(self.selected(record)))
        self._separator = ",\n"

    def end(self) -> None:
        self.out.write("\n]\n")


# What OpenSearch and Elasticsearch accept as an index name: lowercase, none of
# \ / * ? " < > | , # : or space, not starting with - _ +, not . or .., at most 255 bytes.
_BAD_INDEX_CHAR = re.compile(r'[\\/*?"<>|,#:\s]|[A-Z]')


class BulkWriter(Writer):
    """`_bulk` NDJSON: an `index` action line naming the record id, then the document."""

    name = "bulk"

    @classmethod
    def check(cls, options: Options) -> None:
        index = options.bulk_index
        if (not index or index in (".", "..") or index[0] in "-_+" or _BAD_INDEX_CHAR.search(index)
                or len(index.encode("utf-8")) > 255):
            raise UsageError(f"--bulk-index {index!r} is not a valid index name (lowercase, "
                             "no spaces or any of \\ / * ? \" < > | , # :, not starting with - _ +)")

    def write(self, record: Record) -> None:
        action = {"index": {"_index": self.options.bulk_index, "_id": record.id}}
        self.out.write(_dumps(action) + "\n" + _dumps(self.selected(record)) + "\n")
