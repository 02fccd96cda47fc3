"""Indexing and search benchmark for stdidx.

    python bench/bench_index.py --docs 10000 [--corpus DIR] [--keep] [--queries 50]

Generates a synthetic corpus (bench/synth.py) unless --corpus is given, builds
an index with the real CLI (`stdidx index`) in a subprocess, then times
searches both through the library in this process and as whole `stdidx
search` processes. Prints a report with PASS/FAIL against the team's targets
and writes it as JSON to bench/out/index-N.json.

Run it with the project's interpreter (.venv/bin/python): the library search
imports `indexer`, and the CLI is the `stdidx` next to sys.executable.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from indexer.query.parse import Filters

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))

MB = 1e6        # text and index sizes in decimal megabytes, as stdidx's summary uses
MIB = 1 << 20   # memory in MiB

TARGETS = {
    "build_mb_per_s": 1.5,         # at least
    "index_to_text_ratio": 3.0,    # at most
    "peak_memory_mib": 1024.0,     # at most
    "cli_search_median_ms": 500.0,  # at most
}


# --- queries ------------------------------------------------------------------------


class Query(Filters):
    """A query text with the same filters the library and the CLI take."""

    def __init__(self, text: str, **filters):
        super().__init__(**filters)
        self.text = text

    def cli_args(self) -> list[str]:
        args: list[str] = []
        for option, values in (("--issuer", self.issuers), ("--type", self.doc_types),
                               ("--status", self.statuses), ("--lang", self.langs)):
            for value in values:
                args += [option, value]
        for option, value in (("--since", self.since), ("--until", self.until), ("--std", self.std)):
            if value:
                args += [option, value]
        return args

    def label(self) -> str:
        return " ".join([self.text] + self.cli_args())


FIXED_QUERIES = [
    # single ideographs: the longest posting lists
    Query("镝"), Query("铽"), Query("钕"), Query("钇"), Query("钪"), Query("镥"),
    # words: phrases of characters
    Query("钕铁硼"), Query("稀土永磁"), Query("总量控制"), Query("冶炼分离"), Query("出口管制"),
    Query("氧化镝"), Query("晶界扩散"), Query("稀土抛光粉"), Query("电感耦合等离子体"), Query("质量分数"),
    Query("产品追溯"),
    # query syntax
    Query('"稀土产品追溯信息系统"'), Query("钕铁硼 AND 镝"), Query("出口 OR 许可"), Query("稀土 NOT 永磁"),
    # English
    Query("magnet"), Query("dysprosium"), Query("export licence"), Query("quota"), Query('"rare earth"'),
    # filters
    Query("稀土", issuers=["MIIT"], since="2023-01-01"),
    Query("氧化", doc_types=["standard"]),
    Query("标准", doc_types=["standard_notice"], since="2020"),
    Query("出口", issuers=["MOFCOM"]),
    Query("钕铁硼", statuses=["in_force"], doc_types=["standard"]),
    Query("稀土", until="2010-12-31"),
    Query("指标", issuers=["MIIT"], doc_types=["policy"]),
    Query("magnet", langs=["en"]),
    Query("镝", doc_types=["standard"], since="2015"),
    Query("总量控制", since="2018", until="2022"),
    Query("征求意见", issuers=["CSRE"]),
    Query("测定", statuses=["superseded"]),
]


def corpus_queries(numbers: list[str], doc_nos: list[str], rng: random.Random) -> list[Query]:
    """Standard and document numbers that exist in this corpus."""
    queries: list[Query] = []
    picks = rng.sample(numbers, min(len(numbers), 9))
    for i, number in enumerate(picks):
        # Two thirds by code (every version), one third with the year.
        queries.append(Query(number.rsplit("-", 1)[0] if i % 3 else number))
    if picks:
        queries.append(Query("化学分析方法", std=picks[0].rsplit("-", 1)[0]))
    queries += [Query(no) for no in rng.sample(doc_nos, min(len(doc_nos), 2))]
    return queries


def build_queries(count: int, numbers: list[str], doc_nos: list[str], seed: int) -> list[Query]:
    rng = random.Random(f"{seed}/queries")
    pool = FIXED_QUERIES + corpus_queries(sorted(numbers), sorted(doc_nos), rng)
    # Interleave kinds so that a smaller --queries still gets a mix.
    rng.shuffle(pool)
    return [pool[i % len(pool)] for i in range(count)]


# --- measuring a process tree's memory ------------------------------------------------------


class TreeMemory:
    """Samples the summed PSS of a process and its descendants (Linux /proc).

    ru_maxrss only gives the largest single process; the indexer forks worker
    processes, so the sum over the tree is what the machine has to hold. PSS
    splits shared copy-on-write pages between the processes sharing them, so
    forked workers are not counted twice.
    """

    def __init__(self, pid: int, interval: float = 0.1):
        self.pid = pid
        self.interval = interval
        self.peak_kib = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "TreeMemory":
        if Path("/proc/self/smaps_rollup").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = sum(pss_kib(pid) for pid in descendants(self.pid))
            self.peak_kib = max(self.peak_kib, total)
            self.samples += 1
            self._stop.wait(self.interval)


def descendants(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                queue += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
    return found


def pss_kib(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0  # the process ended between listing and reading
    match = re.search(r"^Pss:\s+(\d+) kB", text, re.M)
    return int(match.group(1)) if match else 0


# --- steps ---------------------------------------------------------------------------------


def stdidx_path() -> Path:
    path = Path(sys.executable).parent / "stdidx"
    if not path.exists():
        sys.exit(f"bench: no stdidx next to {sys.executable}; run with the project's "
                 f"virtualenv, e.g. .venv/bin/python bench/bench_index.py")
    return path


def generate(corpus: Path, docs: int, seed: int) -> dict:
    from synth import generate as synth_generate

    started = time.perf_counter()
    totals = synth_generate(corpus, docs, seed)
    return {"seconds": time.perf_counter() - started, "docs": totals.docs, "by_kind": totals.by_kind,
            "text_mb": totals.text_bytes / MB, "file_mb": totals.file_bytes / MB,
            "distinct_cjk_chars": totals.chars["distinct_cjk"]}


@dataclass
class Build:
    returncode: int
    seconds: float
    max_rss_mib: float
    tree_pss_mib: float | None
    summary_line: str
    stderr_tail: str


def build_index(stdidx: Path, corpus: Path, index: Path) -> Build:
    # ru_maxrss of RUSAGE_CHILDREN is the largest RSS of any waited-for
    # descendant, so no other subprocess may run before this one.
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    process = subprocess.Popen([str(stdidx), "index", str(corpus), "--index", str(index)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeMemory(process.pid) as tree:
        stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if before and after <= before:
        print("bench: warning: an earlier subprocess had a larger RSS; peak memory is a lower bound",
              file=sys.stderr)
    summary = next((line for line in stdout.splitlines() if line.startswith("indexed ")), "")
    return Build(process.returncode, seconds, after / 1024, tree.peak_kib / 1024 if tree.samples else None,
                 summary, "\n".join((stderr or stdout).strip().splitlines()[-15:]))


@dataclass
class Export:
    records: int = 0
    text_bytes: int = 0
    std_nos: list[str] = field(default_factory=list)
    doc_nos: list[str] = field(default_factory=list)


def export_stats(stdidx: Path, index: Path) -> Export:
    """Sum the UTF-8 size of every record's text, streaming `stdidx export`."""
    out = Export()
    process = subprocess.Popen([str(stdidx), "export", "--index", str(index), "--format", "jsonl"],
                               stdout=subprocess.PIPE, text=True, encoding="utf-8")
    for line in process.stdout:
        record = json.loads(line)
        out.records += 1
        out.text_bytes += len(record["text"].encode("utf-8"))
        if record.get("std_no"):
            out.std_nos.append(record["std_no"])
        if record.get("doc_no"):
            out.doc_nos.append(record["doc_no"])
    if process.wait() != 0:
        raise RuntimeError(f"stdidx export exited with {process.returncode}")
    return out


def index_bytes(index: Path) -> int:
    return sum(p.stat().st_size for p in index.rglob("*") if p.is_file())


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def time_library(index: Path, queries: list[Query]) -> dict:
    from indexer.index.store import Store
    from indexer.query.search import search

    started = time.perf_counter()
    ix = Store(index).open()
    filters = list(queries)
    search(ix, queries[0].text, filters[0], limit=10)
    first_ms = (time.perf_counter() - started) * 1000
    # One unmeasured pass warms imports, caches and the page cache; the
    # measured pass is what a long-running process would see.
    for query, flt in zip(queries, filters):
        search(ix, query.text, flt, limit=10)
    times, totals = [], []
    for query, flt in zip(queries, filters):
        started = time.perf_counter()
        results = search(ix, query.text, flt, limit=10)
        times.append((time.perf_counter() - started) * 1000)
        totals.append(results.total)
    return {"first_ms": first_ms, "median_ms": statistics.median(times), "p95_ms": percentile(times, 95),
            "max_ms": max(times), "times_ms": times, "totals": totals}


def time_cli(stdidx: Path, index: Path, queries: list[Query]) -> dict:
    times, totals, errors = [], [], []
    for query in queries:
        command = [str(stdidx), "search", query.text, "--index", str(index), "--format", "json", *query.cli_args()]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
        times.append((time.perf_counter() - started) * 1000)
        if done.returncode != 0:
            errors.append(f"{query.label()}: exit {done.returncode}: {done.stderr.strip()[-200:]}")
            totals.append(None)
            continue
        totals.append(json.loads(done.stdout)["total"])
    return {"median_ms": statistics.median(times), "p95_ms": percentile(times, 95), "max_ms": max(times),
            "times_ms": times, "totals": totals, "errors": errors}


# --- report -------------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def checks(result: dict) -> dict[str, bool]:
    build, search = result["build"], result["search"]
    out = {
        "build_mb_per_s": build["text_mb_per_s"] >= TARGETS["build_mb_per_s"],
        "index_to_text_ratio": build["index_to_text_ratio"] <= TARGETS["index_to_text_ratio"],
        "peak_memory_mib": build["max_rss_mib"] <= TARGETS["peak_memory_mib"],
        "cli_search_median_ms": search["cli"]["median_ms"] <= TARGETS["cli_search_median_ms"],
    }
    if build["tree_pss_mib"] is not None:
        out["peak_tree_memory_mib"] = build["tree_pss_mib"] <= TARGETS["peak_memory_mib"]
    return out


def report_lines(result: dict) -> list[str]:
    b, lib, cli, ok = result["build"], result["search"]["library"], result["search"]["cli"], result["checks"]
    env = result["environment"]
    corpus = result["corpus"]
    kinds = ", ".join(f"{k} {v}" for k, v in corpus.get("by_kind", {}).items())
    made = f"; generated in {corpus['seconds']:.1f} s" if "seconds" in corpus else " (reused)"
    lines = [
        f"stdidx index/search benchmark  {env['date']}  stdidx {env['stdidx_version']}  "
        f"commit {env['commit'][:10]}  Python {env['python']}  {env['cpus']} CPUs",
        f"{'corpus':<18}{corpus['path']}  {corpus['files']} files{f' ({kinds})' if kinds else ''}{made}",
        f"{'documents':<18}{b['documents']} indexed, {b['skipped']} skipped, {b['failed']} failed",
        f"{'text':<18}{b['text_mb']:.1f} MB (UTF-8 text of exported records)",
        f"{'build time':<18}{b['seconds']:.1f} s",
        f"{'build rate':<18}{b['docs_per_s']:>7.0f} docs/s  {b['text_mb_per_s']:>6.2f} MB of text/s"
        f"{'':<10}{verdict(ok['build_mb_per_s'])}  (target >= {TARGETS['build_mb_per_s']} MB/s)",
        f"{'index size':<18}{b['index_bytes'] / MB:>7.1f} MB    {b['index_to_text_ratio']:>6.2f} x text"
        f"{'':<15}{verdict(ok['index_to_text_ratio'])}  (target <= {TARGETS['index_to_text_ratio']:g}x)",
        f"{'peak memory':<18}{b['max_rss_mib']:>7.0f} MiB   largest process (ru_maxrss)"
        f"{'':<4}{verdict(ok['peak_memory_mib'])}  (target <= {TARGETS['peak_memory_mib']:.0f} MiB)",
    ]
    if b["tree_pss_mib"] is not None:
        lines.append(f"{'':<18}{b['tree_pss_mib']:>7.0f} MiB   process tree (PSS, sampled)"
                     f"{'':<4}{verdict(ok['peak_tree_memory_mib'])}")
    lines += [
        f"{'search, library':<18}median {lib['median_ms']:>7.1f} ms   p95 {lib['p95_ms']:>7.1f} ms"
        f"   (first query incl. open {lib['first_ms']:.0f} ms)",
        f"{'search, process':<18}median {cli['median_ms']:>7.1f} ms   p95 {cli['p95_ms']:>7.1f} ms"
        f"{'':<5}{verdict(ok['cli_search_median_ms'])}  (target median <= {TARGETS['cli_search_median_ms']:.0f} ms)",
        f"{'queries':<18}{len(result['queries'])}; with no hits: {result['search']['zero_hit_queries']}"
        f"{'; errors: ' + str(len(cli['errors'])) if cli['errors'] else ''}",
    ]
    return lines


def environment(stdidx: Path) -> dict:
    version = subprocess.run([str(stdidx), "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True)
    return {"date": time.strftime("%Y-%m-%d %H:%M"), "stdidx_version": version.split()[-1] if version else "?",
            "commit": commit.stdout.strip() or "unknown", "python": platform.python_version(),
            "platform": platform.platform(), "cpus": os.cpu_count()}


# --- main ------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark stdidx indexing and search.")
    parser.add_argument("--docs", type=int, help="documents to generate (required without --corpus)")
    parser.add_argument("--corpus", type=Path, help="index this existing corpus instead of generating one")
    parser.add_argument("--seed", type=int, default=1, help="corpus and query seed (default 1)")
    parser.add_argument("--queries", type=int, default=50, help="number of search queries (default 50)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus and the index")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    if args.docs is None and args.corpus is None:
        parser.error("give --docs N, or --corpus DIR")
    if args.corpus is not None and not args.corpus.is_dir():
        parser.error(f"--corpus {args.corpus} is not a directory")
    if args.queries < 1:
        parser.error("--queries must be at least 1")
    return args


def prepare_workdir(args: argparse.Namespace) -> Path:
    # A reused corpus may itself live in a kept work-N directory: never reuse that name.
    name = "work-corpus" if args.corpus else f"work-{args.docs}"
    work = OUT / name
    # Only ever delete our own scratch directory under bench/out.
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    return work


def run(args: argparse.Namespace) -> tuple[dict, int]:
    stdidx = stdidx_path()
    work = prepare_workdir(args)
    index = work / "index"
    if args.corpus:
        corpus_path = args.corpus.resolve()
        corpus = {"path": str(corpus_path)}
    else:
        corpus_path = work / "corpus"
        print(f"generating {args.docs} documents in {corpus_path} …", file=sys.stderr)
        corpus = dict(generate(corpus_path, args.docs, args.seed), path=str(corpus_path))
    corpus["files"] = sum(1 for p in corpus_path.rglob("*") if p.is_file() and not p.name.startswith("."))

    print(f"building the index with {stdidx} index …", file=sys.stderr)
    build = build_index(stdidx, corpus_path, index)
    result: dict = {"corpus": corpus, "build_process": asdict(build)}
    if build.returncode not in (0, 1) or not (index / "meta.json").exists():
        # 1 means some files failed but the index was built; anything else is a failed build.
        result["error"] = f"stdidx index exited with {build.returncode}"
        return result, 2

    print("exporting records to measure the text …", file=sys.stderr)
    exported = export_stats(stdidx, index)
    counts = re.search(r"skipped (\d+); failed (\d+)", build.summary_line)
    text_mb = exported.text_bytes / MB
    size = index_bytes(index)
    result["build"] = {
        "documents": exported.records, "seconds": build.seconds, "text_mb": text_mb,
        "docs_per_s": exported.records / build.seconds, "text_mb_per_s": text_mb / build.seconds,
        "index_bytes": size, "index_to_text_ratio": size / exported.text_bytes if exported.text_bytes else math.inf,
        "max_rss_mib": build.max_rss_mib, "tree_pss_mib": build.tree_pss_mib,
        "skipped": int(counts.group(1)) if counts else "?", "failed": int(counts.group(2)) if counts else "?",
        "summary_line": build.summary_line,
    }

    queries = build_queries(args.queries, exported.std_nos, exported.doc_nos, args.seed)
    print(f"timing {len(queries)} queries in-process …", file=sys.stderr)
    library = time_library(index, queries)
    print(f"timing {len(queries)} queries as stdidx search processes …", file=sys.stderr)
    cli = time_cli(stdidx, index, queries)
    result["queries"] = [q.label() for q in queries]
    result["search"] = {"library": library, "cli": cli,
                        "zero_hit_queries": sum(1 for t in library["totals"] if t == 0)}
    result["environment"] = environment(stdidx)
    result["targets"] = TARGETS
    result["checks"] = checks(result)
    if not args.keep:
        shutil.rmtree(work)
    else:
        result["kept"] = {"corpus": str(corpus_path), "index": str(index)}
    return result, 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    result, code = run(args)
    OUT.mkdir(exist_ok=True)
    name = args.docs if args.docs else result.get("build", {}).get("documents", "corpus")
    path = OUT / f"index-{name}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2), "utf-8")
    if code:
        print(f"bench: {result['error']}\n{result['build_process']['stderr_tail']}", file=sys.stderr)
        print(f"(details in {path})", file=sys.stderr)
        return code
    print("\n".join(report_lines(result)))
    if result.get("kept"):
        print(f"{'kept':<18}corpus {result['kept']['corpus']}  index {result['kept']['index']}")
    print(f"{'report':<18}{path}")
    if args.check and not all(result["checks"].values()):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
