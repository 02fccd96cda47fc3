"""Score an export of local regulations against tests/eval/local.truth.tsv.

    python bench/score_local.py RECORDS.jsonl TRUTH.tsv [--show N]

The truth has the columns file, title, issued, effective, issuers (';'-separated full
Chinese names), status and notes; a blank cell is not scored. A record matches on
`path`. Titles and issuers are compared without a leading 中华人民共和国 and without
spaces; issuers must be the same set of names. Prints one line per field,
`field right/total ratio`, then up to N misses of each.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

FIELDS = ("found", "title", "issued", "effective", "issuers", "status")


def clean(name: str | None) -> str:
    name = "".join((name or "").split())
    return name.removeprefix("中华人民共和国")


def figures(records: dict[str, dict], truth: list[dict[str, str]]) -> dict[str, tuple[int, int, list[str]]]:
    tally: dict[str, list] = {field: [0, 0, []] for field in FIELDS}

    def count(field: str, ok: bool, file: str, want: object, got: object) -> None:
        tally[field][1] += 1
        tally[field][0] += ok
        if not ok:
            tally[field][2].append(f"{file}: want {want!r} got {got!r}")

    for row in truth:
        record = records.get(row["file"])
        count("found", record is not None, row["file"], "a record", None)
        if record is None:
            continue
        count("title", clean(record.get("title")) == clean(row["title"]), row["file"], row["title"],
              record.get("title"))
        for field in ("issued", "effective"):
            if row[field]:
                got = (record.get(field) or "")[:10]
                count(field, got == row[field], row["file"], row[field], record.get(field))
        if row["issuers"]:
            want = {clean(n) for n in row["issuers"].split(";")}
            got_names = {clean(i.get("name_zh")) for i in record.get("issuers") or []}
            count("issuers", got_names == want, row["file"], sorted(want), sorted(got_names))
        if row.get("status"):
            count("status", record.get("status") == row["status"], row["file"], row["status"],
                  record.get("status"))
    return {field: (right, total, misses) for field, (right, total, misses) in tally.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records")
    parser.add_argument("truth")
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args()
    records = {}
    for line in Path(args.records).read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            records[record.get("path", "").replace("\\", "/")] = record
    with open(args.truth, encoding="utf-8", newline="") as f:
        truth = list(csv.DictReader(f, delimiter="\t"))
    for field, (right, total, misses) in figures(records, truth).items():
        ratio = right / total if total else 1.0
        print(f"{field:10s} {right:3d}/{total:<3d} {ratio:7.2%}")
        for miss in misses[:args.show]:
            print("    miss", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
