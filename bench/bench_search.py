"""Whole `stdidx search` processes on a built index, per query class, optionally against
another stdidx.

    python bench/bench_search.py --index DIR [--vs OTHER_STDIDX [--vs-index OTHER_DIR]] [--rounds 3]

Runs the fixed queries of bench_index.py (single characters, words, syntax, English,
filtered) as whole processes, plus `stdidx --help` as the start-up floor. With --vs, each
query runs under both executables in turn (this one, then the other), so that the ratio of
each pair holds while the machine's speed drifts. Prints, per query class, the median wall
time of each and the median of the pair ratios, and the largest peak memory of one search
process (ru_maxrss). With --show, one line per query as well. --vs-index gives the other
stdidx its own index of the same corpus, for versions whose index formats differ.

The other stdidx is an earlier version installed in its own virtual environment (an
editable install cannot be replaced by another on PYTHONPATH), for example:

    git worktree add /tmp/old COMMIT && python3 -m venv /tmp/oldvenv
    /tmp/oldvenv/bin/pip install /tmp/old
    .venv/bin/python bench/bench_search.py --index IX --vs /tmp/oldvenv/bin/stdidx
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from bench_index import FIXED_QUERIES, Query, stdidx_path  # noqa: E402


def query_class(query: Query) -> str:
    if query.cli_args():
        return "filtered"
    text = query.text
    if any(mark in text for mark in ('"', " AND ", " OR ", " NOT ")):
        return "syntax"
    if text.isascii():
        return "english"
    return "single character" if len(text) == 1 else "word"


@dataclass
class Timing:
    seconds: list[float] = field(default_factory=list)
    peak_kib: int = 0
    totals: set = field(default_factory=set)


def run_measured(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in KiB and stdout of one whole process."""
    # Reaped with wait4, not Popen.wait, to read the child's own resource usage.
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stdout.close()
    return time.perf_counter() - started, usage.ru_maxrss, out.decode("utf-8", "replace")


def search_command(stdidx: str, index: Path, query: Query) -> list[str]:
    return [stdidx, "search", query.text, "--index", str(index), "--format", "json", *query.cli_args()]


def total_of(out: str):
    try:
        return json.loads(out)["total"]
    except (ValueError, KeyError):
        return None


def measure(executables: list[str], indexes: dict[str, Path], rounds: int) -> dict[str, list[Timing]]:
    """Per query label, one Timing per executable (each on its index); runs alternate
    between executables."""
    jobs = [("stdidx --help", lambda exe: [exe, "--help"])]
    jobs += [(q.label(), lambda exe, q=q: search_command(exe, indexes[exe], q)) for q in FIXED_QUERIES]
    results = {label: [Timing() for _ in executables] for label, _ in jobs}
    # Each version keeps its caches (the glossary, the segmenter's words) apart: sharing one
    # folder, alternating runs would each find the other's and make their own again.
    with tempfile.TemporaryDirectory(prefix="stdidx-bench-cache-") as caches:
        envs = {exe: {**os.environ, "XDG_CACHE_HOME": os.path.join(caches, str(i))}
                for i, exe in enumerate(executables)}
        for exe in executables:  # one unmeasured pass warms the page cache and fills the caches
            for _, command in jobs:
                run_measured(command(exe), envs[exe])
        for _ in range(rounds):
            for label, command in jobs:
                for timing, exe in zip(results[label], executables):
                    seconds, peak, out = run_measured(command(exe), envs[exe])
                    timing.seconds.append(seconds)
                    timing.peak_kib = max(timing.peak_kib, peak)
                    timing.totals.add(total_of(out))
    return results


def ratios(timings: list[Timing]) -> list[float]:
    a, b = timings
    return [x / y for x, y in zip(a.seconds, b.seconds)]


def report(results: dict[str, list[Timing]], show: bool) -> list[str]:
    classes: dict[str, list[str]] = {"start-up (--help)": ["stdidx --help"]}
    for query in FIXED_QUERIES:
        classes.setdefault(query_class(query), []).append(query.label())
    searches = [label for label in results if label != "stdidx --help"]
    classes["all searches"] = searches
    pair = len(next(iter(results.values()))) == 2
    lines = [f"{'class':<20}{'n':>3} {'median s':>9}" + (f" {'other s':>9} {'ratio':>7}" if pair else "")]
    for name, labels in classes.items():
        lines.append(_row(name, [results[label] for label in labels], pair))
    peak = max(results[label][0].peak_kib for label in searches) / 1024
    line = f"peak memory of one search: {peak:.0f} MiB"
    if pair:
        line += f" (other: {max(results[label][1].peak_kib for label in searches) / 1024:.0f} MiB)"
    lines.append(line)
    changed = [label for label in searches if pair and results[label][0].totals != results[label][1].totals]
    if changed:
        lines.append("totals differ: " + "; ".join(
            f"{label} {sorted(results[label][0].totals, key=str)} vs {sorted(results[label][1].totals, key=str)}"
            for label in changed))
    if show:
        lines += ["", *(_row(label, [results[label]], pair) for label in searches)]
    return lines


def _row(name: str, timings: list[list[Timing]], pair: bool) -> str:
    per_query = [statistics.median(t[0].seconds) for t in timings]
    row = f"{name:<20}{len(timings):>3} {statistics.median(per_query):>9.3f}"
    if pair:
        other = [statistics.median(t[1].seconds) for t in timings]
        ratio = statistics.median(r for t in timings for r in ratios(t))
        row += f" {statistics.median(other):>9.3f} {ratio:>7.2f}"
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="a built index (bench_index.py --keep)")
    parser.add_argument("--vs", help="another stdidx executable to compare with")
    parser.add_argument("--vs-index", type=Path, help="the other executable's index (default: --index)")
    parser.add_argument("--rounds", type=int, default=3, help="measured runs of each query (default 3)")
    parser.add_argument("--show", action="store_true", help="one line per query as well")
    args = parser.parse_args(argv)
    executables = [str(stdidx_path())] + ([args.vs] if args.vs else [])
    indexes = {executables[0]: args.index}
    if args.vs:
        indexes[args.vs] = args.vs_index or args.index
    results = measure(executables, indexes, args.rounds)
    print("\n".join(report(results, args.show)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
