"""Export benchmark for stdidx: records/s and peak memory of `stdidx export` on a large index.

    python bench/bench_export.py [--records 100000] [--text-chars 800] [--formats jsonl,csv,xlsx]
                                 [--keep] [--check]

Builds an index of synthetic records straight through the index writer
(indexer.index.store.Store.build and Builder.add: no files are parsed), then
runs `stdidx export --format F --out FILE` as a subprocess for each format and
reports wall time, records/s, MB written per second and the peak resident set
size of the export process. Writes the report as JSON to
bench/out/export-N.json.

Peak memory is resource.getrusage(RUSAGE_CHILDREN).ru_maxrss read by a small
process whose only child is the export, so neither the index build nor the
other exports are counted. The wall time includes interpreter start and
imports. Run it with the project's interpreter (.venv/bin/python).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
MIB = 1 << 20

TARGETS = {"jsonl": {"peak_mib": 300.0, "records_per_s": 2000.0}}

STD_PREFIXES = ("GB/T", "XB/T", "YS/T", "T/CSRE")
STATUSES = ("in_force", "in_force", "superseded", "repealed", "upcoming", "draft", "unknown")


# --- synthetic records ------------------------------------------------------------


def sentence_pool() -> list[str]:
    """Lines of the bundled corpus, read the way stdidx reads them: real Chinese and English prose."""
    from indexer.read import read_file
    from indexer.resources import corpus_dir

    lines: list[str] = []
    for path in sorted(corpus_dir().rglob("*")):
        if not path.is_file() or path.name.startswith(("README", ".")):
            continue
        try:
            raws = read_file(path)
        except Exception:
            continue
        for raw in raws:
            lines.extend(line.strip() for line in raw.text.splitlines() if len(line.strip()) > 8)
    return lines


def make_records(count: int, text_chars: int, seed: int = 1):
    from indexer.extract.issuers import Registry
    from indexer.record import Issuer, Record, make_id

    rng = random.Random(seed)
    pool = sentence_pool()
    registry = Registry.load()
    bodies = [registry.resolve(name) for name in ("MIIT", "SAMR", "SAC", "MNR", "MOFCOM", "NDRC", "CSRE")]
    bodies = [b for b in bodies if b is not None]
    for n in range(count):
        kind = rng.choices(("standard", "standard_notice", "policy", "news"), (33, 43, 19, 5))[0]
        year = rng.randint(1995, 2025)
        precision = rng.choices(("day", "month", "year"), (90, 7, 3))[0]
        issued = {"day": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                  "month": f"{year}-{rng.randint(1, 12):02d}", "year": f"{year}"}[precision]
        text, size = [], 0
        while size < text_chars * rng.uniform(0.5, 1.5):
            line = rng.choice(pool)
            text.append(line)
            size += len(line)
        issuers = []
        for body in rng.sample(bodies, rng.choice((0, 1, 1, 2)) if kind != "news" else 0):
            zh, en = registry.name_on(body, issued)
            issuers.append(Issuer(body.id, body.name_zh, body.name_en,
                                  named_zh=zh if zh != body.name_zh else None,
                                  named_en=en if zh != body.name_zh else None))
        std_no = work = None
        replaces: list[str] = []
        if kind == "standard":
            code = f"{rng.choice(STD_PREFIXES)} {rng.randint(1000, 39999)}"
            std_no, work = f"{code}-{year}", f"std:{code}"
            if rng.random() < 0.4:
                replaces = [f"{code}-{year - rng.randint(5, 9)}"]
        path = f"synthetic/{kind}/{n:06d}.xml"
        yield Record(
            id=make_id(path), path=path, title=text[0][:80], doc_type=kind,
            lang="en" if kind == "news" else "zh-Hans", issuers=issuers, issued=issued,
            issued_precision=precision,
            effective=f"{year + 1}-01-01" if kind in ("standard", "policy") else None,
            effective_precision="day" if kind in ("standard", "policy") else None,
            status=rng.choice(STATUSES) if kind != "news" else "unknown", std_no=std_no,
            replaces=replaces, doc_no=f"工信部联原〔{year}〕{n % 200 + 1}号" if kind == "policy" else None,
            work=work, text="\n".join(text),
            provenance={"format": "xml", "encoding": "utf-8", "repairs": [], "warnings": [],
                        "fields": {"title": {"rule": "stated"}}},
        )


def build_index(path: Path, count: int, text_chars: int, procs: int) -> dict:
    from indexer.index.store import Store

    store = Store(path)
    if store.exists() and store.meta().get("count") == count and \
            store.meta().get("bench", {}).get("text_chars") == text_chars:
        return {"reused": True, "seconds": 0.0, "text_mb": store.meta()["bench"]["text_mb"]}
    started = time.perf_counter()
    text_bytes = 0
    meta = {"roots": [], "bench": {"text_chars": text_chars}}
    with store.build(meta, procs=procs) as builder:
        for record in make_records(count, text_chars):
            builder.add(record, [])
            text_bytes += len(record.text.encode("utf-8"))
    # Keep the text size with the index so a reused index reports it too.
    meta_path = path / "meta.json"
    data = json.loads(meta_path.read_text("utf-8"))
    data["bench"]["text_mb"] = round(text_bytes / 1e6, 1)
    meta_path.write_text(json.dumps(data, indent=2), "utf-8")
    return {"reused": False, "seconds": round(time.perf_counter() - started, 1),
            "text_mb": data["bench"]["text_mb"]}


# --- measuring one export ---------------------------------------------------------


# A small process runs each export as its only child and reports
# getrusage(RUSAGE_CHILDREN).ru_maxrss. Measuring from this process instead
# would be wrong on Linux: a child's ru_maxrss starts from its parent's peak at
# fork, and this process holds the whole index build's peak.
MEASURER = ("import resource, subprocess, sys\n"
            "code = subprocess.call(sys.argv[1:])\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
            "sys.exit(code)\n")


def measure(stdidx: Path, index: Path, fmt: str, target: Path, count: int) -> dict:
    command = [str(stdidx), "export", "--index", str(index), "--format", fmt, "--out", str(target)]
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURER, *command], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    size = target.stat().st_size if target.exists() else 0
    return {
        "format": fmt, "command": " ".join(command), "exit_code": done.returncode,
        "seconds": round(seconds, 2), "records": count,
        "records_per_s": round(count / seconds) if seconds else None,
        "output_mb": round(size / 1e6, 1), "mb_per_s": round(size / 1e6 / seconds, 1),
        "peak_mib": _mib(done.stdout), "stderr": done.stderr[-2000:],
    }


def _mib(maxrss: str) -> float | None:
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    try:
        return round(int(maxrss.split()[-1]) / (MIB if sys.platform == "darwin" else 1024), 1)
    except (ValueError, IndexError):
        return None


def verdicts(row: dict) -> list[str]:
    target = TARGETS.get(row["format"], {})
    out = []
    if "peak_mib" in target:
        out.append("PASS" if row["peak_mib"] <= target["peak_mib"] else "FAIL")
    if "records_per_s" in target:
        out.append("PASS" if row["records_per_s"] >= target["records_per_s"] else "FAIL")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--text-chars", type=int, default=800,
                        help="mean characters of text per record (0.5×–1.5× around it)")
    parser.add_argument("--formats", default="jsonl,csv,xlsx")
    parser.add_argument("--procs", type=int, default=min(2, os.cpu_count() or 1),
                        help="index writer processes for the build")
    parser.add_argument("--keep", action="store_true", help="keep the index and the exported files")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(BENCH.parent))
    work = OUT / f"export-{args.records}"
    work.mkdir(parents=True, exist_ok=True)
    index = work / "index"
    stdidx = Path(sys.executable).with_name("stdidx")

    print(f"building an index of {args.records:,} synthetic records …", flush=True)
    build = build_index(index, args.records, args.text_chars, args.procs)
    done = "reused" if build["reused"] else f"built in {build['seconds']} s"
    print(f"  {done}; {build['text_mb']} MB of text", flush=True)

    rows = []
    for fmt in args.formats.split(","):
        target = work / f"out.{fmt}"
        row = measure(stdidx, index, fmt, target, args.records)
        rows.append(row)
        marks = " ".join(verdicts(row))
        print(f"  {fmt:<6} {row['seconds']:>7.2f} s  {row['records_per_s']:>7,} records/s  "
              f"{row['mb_per_s']:>6.1f} MB/s ({row['output_mb']} MB)  "
              f"peak {row['peak_mib']:>6.1f} MiB  exit {row['exit_code']}  {marks}", flush=True)
        if row["exit_code"]:
            print(row["stderr"], file=sys.stderr)
        if not args.keep:
            target.unlink(missing_ok=True)
    floor = _mib(subprocess.run([sys.executable, "-c", MEASURER, sys.executable, "-c", "pass"],
                                capture_output=True, text=True).stdout)
    print(f"  (a bare Python process measures {floor} MiB the same way)")

    report = {"records": args.records, "text_chars": args.text_chars, "build": build,
              "exports": rows, "targets": TARGETS, "bare_python_mib": floor,
              "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                          "platform": platform.platform()}}
    (OUT / f"export-{args.records}.json").write_text(json.dumps(report, indent=2), "utf-8")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    failed = any(v == "FAIL" for row in rows for v in verdicts(row)) or any(r["exit_code"] for r in rows)
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
