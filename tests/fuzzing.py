"""Generated hostile folders, and runs of the real CLI over them that are killed at random.

Used by tests/test_fuzz.py (a few rounds; STDIDX_FUZZ=long for hundreds) and by
bench/fuzz_run.py, which prints the figures of one run. Every check is one a
nightly run over a folder people fill by hand needs to hold:

- no traceback, ever, and one single-line reason per file that is not indexed;
- after any SIGKILL (of the process group, or of the main process alone) the
  index opens, and the next `reindex` leaves what a fresh build of the folder gives.
"""
from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from indexer.index.schema import unpack
from indexer.output import one_line
from indexer.pipeline import shown_name
from indexer.index.store import Store

HANG_SECONDS = 120
NOTICE = "{title}\n镝和铽的开采指标按计划执行。现将有关事项通知如下。\n工业和信息化部\n{day}\n"
TITLES = ["关于下达稀土开采总量控制指标的通知", "稀土冶炼分离企业名单公告", "关于镝铽出口管制的公告",
          "稀土行业规范条件", "關於稀土開採總量控制指標的通知", "GB/T 13560-2017 烧结钕铁硼永磁材料"]


# --- what goes in the folder ----------------------------------------------------

def notice_text(rng: random.Random) -> str:
    return NOTICE.format(title=rng.choice(TITLES) + str(rng.randrange(10_000)),
                         day=f"20{rng.randrange(10, 25)}年{rng.randrange(1, 13)}月{rng.randrange(1, 28)}日")


def hostile(rng: random.Random, scale: int) -> tuple[str, bytes]:
    """A file of a kind that broke readers: (suffix, bytes). `scale` sizes the repetitions."""
    n = scale * rng.randrange(1, 10)
    title = rng.choice(TITLES)
    kinds = [
        (".md", f"# {title}" + " " * n + "x\n正文\n"),
        (".md", f"# {title}" + "\u3000" * n + "x\n"),
        (".md", f"# {title}\n" + "<!--" * n),
        (".md", f"# {title}\n" + "[" * n + "[x](" * n),
        (".md", f"# {title}\n" + ">" * n + " x\n" + "**a " * n),
        (".md", f"# {title}\r正文\r第二行\r"),
        (".html", "<html><body><h1>" + title + "</h1>" + "<div>" * (n % 4000) + "正文" + "</div>" * (n % 4000)
         + "</body></html><p>尾部</p>"),
        (".html", "<html><body>" + "<p>镝</p>" * n + "</body></html>"),
        (".html", f"<html><head><title>{title}\x1b]0;pwned\x07</title></head><body>\x1b[2J正文</body></html>"),
        (".html", "<html><body><p>" + "<" * n),
        (".xml", "<records>" + f"<record><title>{title}</title><text>镝</text></record>" * (n // 10 + 1)
         + "</records>"),
        (".xml", f'<!DOCTYPE r [<!ENTITY a "{"镝" * 10}">]><record><title>&a;</title></record>'),
        (".xml", "<record><title>x"),
        (".xml", f"<record><title>{title}</title><issued>2024-02-30</issued><text>镝</text></record>"),
        (".txt", ""),
        (".txt", "\x00\x01\x02" * n),
        (".txt", "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(min(n, 5000)))),
        (".pdf", "%PDF-1.7\n" + "0" * n),
        (".docx", "PK\x03\x04" + "x" * n),
        (".doc", "\xd0\xcf\x11\xe0" + "x" * 100),
        (".xlsx", "PK" + "\x00" * 50),
        (".bin", "x" * 100),
    ]
    suffix, text = rng.choice(kinds)
    if suffix == ".xml" and rng.random() < 0.3:
        return suffix, ("\ufeff" + text).encode(rng.choice(["utf-16-le", "utf-16-be", "utf-32"]))
    return suffix, text.encode("utf-8", "surrogatepass")


def encoded(rng: random.Random) -> tuple[str, bytes]:
    """A notice in a legacy or odd encoding, declared rightly, wrongly or not at all."""
    text = notice_text(rng)
    written = rng.choice(["gbk", "gb18030", "big5", "shift_jis", "euc_kr", "utf-16", "utf-8-sig", "utf-8"])
    if written in ("big5",):
        text = text.replace("镝", "鏑").replace("铽", "鋱")
    if written in ("shift_jis", "euc_kr"):
        text = "稀土の通知\n各位、総量規制を実施します。\n" if written == "shift_jis" else "희토류 통지\n각 기관은 집행하기 바랍니다.\n"
    declared = rng.choice([None, written, "gb2312", "iso-8859-1", "utf-8"])
    if rng.random() < 0.5:
        meta = f'<meta charset="{declared}">' if declared else ""
        page = f"<html><head>{meta}<title>{text.splitlines()[0]}</title></head><body><p>{text}</p></body></html>"
        return ".html", page.encode(written, "replace")
    return ".txt", text.encode(written, "replace")


def odd_name(rng: random.Random, suffix: str) -> bytes:
    base = rng.choice([b"\xb9\xd8\xd3\xda", b"a\nfailed   x.xml: forged", b"\x1b[31mred", b"-rf", b"  spaced  ",
                       "全角　名".encode(), b"x" * 200, b"\xff\xfe", b"semi;colon'quote\"", b"tab\there"])
    return base + str(rng.randrange(1000)).encode() + suffix.encode()


def special(rng: random.Random, folder: Path, name: bytes) -> None:
    """A pipe, a link to a device, to a secret, dangling, in a loop, or a linked folder."""
    path = os.path.join(os.fsencode(folder), name)
    kind = rng.choice(["fifo", "zero", "passwd", "dangling", "loop", "folder", "self"])
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        os.symlink(b"/dev/zero", path)
    elif kind == "passwd":
        os.symlink(b"/etc/passwd", path)
    elif kind == "dangling":
        os.symlink(b"nowhere", path)
    elif kind == "loop":
        os.symlink(os.path.basename(path), path)
    elif kind == "folder":
        os.symlink(b"/etc", path)
    else:
        os.symlink(b".", path)


def add_file(rng: random.Random, folder: Path, scale: int) -> None:
    """One new entry in the folder (or a subfolder), of a random class."""
    if rng.random() < 0.3:
        folder = folder / rng.choice(["sub", "深层/目录", "a b"])
    folder.mkdir(parents=True, exist_ok=True)
    roll = rng.random()
    if roll < 0.4:
        suffix, data = rng.choice([".txt", ".md"]), notice_text(rng).encode()
    elif roll < 0.7:
        suffix, data = hostile(rng, scale)
    else:
        suffix, data = encoded(rng)
    name = odd_name(rng, suffix) if rng.random() < 0.3 else f"f{rng.randrange(10 ** 6)}{suffix}".encode()
    if rng.random() < 0.07:
        special(rng, folder, name)
        return
    with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
        handle.write(data)


def entries(root: Path) -> list[bytes]:
    """The regular files under the root, as byte paths."""
    found = []
    for folder, dirs, files in os.walk(os.fsencode(root)):
        found += [os.path.join(folder, f) for f in files if os.path.isfile(os.path.join(folder, f))
                  and not os.path.islink(os.path.join(folder, f))]
    return sorted(found)


def mutate(rng: random.Random, root: Path, scale: int) -> Counter:
    """Rename, re-create under an old name, delete, add and change files."""
    done: Counter = Counter()
    for _ in range(rng.randrange(1, 6)):
        files = entries(root)
        action = rng.choice(["rename", "rename-recreate", "delete", "add", "add", "change"]) if files else "add"
        if action == "add":
            add_file(rng, root, scale)
        else:
            path = rng.choice(files)
            if action == "delete":
                os.unlink(path)
            elif action == "change":
                with open(path, "ab") as handle:
                    handle.write(notice_text(rng).encode())
            else:
                new = os.path.join(os.path.dirname(path), b"moved-%d-" % rng.randrange(10 ** 6) + os.path.basename(path))
                os.rename(path, new)
                if action == "rename-recreate":
                    with open(path, "wb") as handle:
                        handle.write(notice_text(rng).encode())
        done[action] += 1
    return done


# --- running the CLI --------------------------------------------------------------

@dataclass
class Figures:
    files: int = 0                 # files generated
    inspected: int = 0
    runs: int = 0                  # index / reindex runs completed
    crashes: int = 0               # a traceback, or an exit status that is not documented
    hangs: int = 0
    kills: Counter = field(default_factory=Counter)      # what was killed
    outcomes: Counter = field(default_factory=Counter)   # what the run after each kill found
    mutations: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def peak_mb(self) -> float:
        return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    def lines(self) -> list[str]:
        return [f"files generated: {self.files}", f"files inspected: {self.inspected}",
                f"index/reindex runs to completion: {self.runs}", f"crashes: {self.crashes}",
                f"hangs (over {HANG_SECONDS} s): {self.hangs}", f"peak memory of a process: {self.peak_mb():.0f} MB",
                f"kills: {sum(self.kills.values())} ({dict(self.kills)})", f"outcomes: {dict(self.outcomes)}",
                f"changes between runs: {dict(self.mutations)}", f"problems: {len(self.problems)}",
                *[f"  {p}" for p in self.problems[:20]]]


class Fuzzer:
    def __init__(self, work: Path, seed: int, scale: int = 200):
        self.rng = random.Random(seed)
        self.work, self.scale = work, scale
        self.root, self.index = work / "corpus", work / "ix"
        self.figures = Figures()
        config = work / "config" / "stdidx" / "config.toml"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text("max_removal = 1.0\nfile_seconds = 20\nfile_memory_mb = 256\n", encoding="utf-8")
        self.env = dict(os.environ, XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"),
                        XDG_CACHE_HOME=str(work / "cache"), PYTHONDONTWRITEBYTECODE="1")
        self.env.pop("STDIDX_INDEX", None)
        self.env.pop("STDIDX_CONFIG", None)

    def fill(self, count: int) -> None:
        for _ in range(count):
            add_file(self.rng, self.root, self.scale)
        self.figures.files += count

    def cli(self, *args) -> subprocess.CompletedProcess | None:
        try:
            result = subprocess.run([sys.executable, "-m", "indexer", *map(os.fsencode, args)], env=self.env,
                                    capture_output=True, timeout=HANG_SECONDS)
        except subprocess.TimeoutExpired:
            self.figures.hangs += 1
            self.figures.problems.append(f"hang: {' '.join(map(str, args))}")
            return None
        out, err = result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")
        if "Traceback" in out + err or result.returncode not in (0, 1, 2, 75):
            self.figures.crashes += 1
            self.figures.problems.append(f"crash ({result.returncode}): {' '.join(map(str, args))}: {err[-300:]}")
        return result

    def inspect_all(self) -> None:
        for path in entries(self.root):
            result = self.cli("inspect", path, "--format", "json")
            self.figures.inspected += 1
            if result is not None and result.returncode != 0 and len(result.stderr.splitlines()) != 1:
                self.figures.problems.append(f"inspect {path!r}: {len(result.stderr.splitlines())} lines of error")

    def build(self, index: Path) -> subprocess.CompletedProcess | None:
        result = self.cli("index", self.root, "--index", index, "--verbose", "--yes")
        if result is not None:
            self.check_reasons(result, index)
        return result

    def check_reasons(self, result: subprocess.CompletedProcess, index: Path) -> None:
        """Every regular file is indexed or has exactly one line saying why not."""
        lines = [line for line in result.stdout.decode("utf-8", "replace").splitlines()
                 if line.startswith(("  failed ", "  skipped "))]
        if result.returncode not in (0, 1) or not Store(index).exists():
            return
        indexed = {r.path for r in records(index)}
        for path in entries(self.root):
            rel = shown_name(os.fsdecode(os.path.relpath(path, os.fsencode(self.root))))
            if rel in indexed or any(part.startswith(".") or part.startswith(("README", "readme"))
                                     or part.endswith("~") for part in Path(rel).parts):
                continue
            said = [line for line in lines if f" {one_line(rel)}: " in line]
            if len(said) != 1:
                self.figures.problems.append(f"{len(said)} lines for {one_line(rel)!r}")

    def same_as_fresh(self) -> bool:
        """The index holds what a fresh build of the folder gives, but for one documented
        difference: a file that now fails to read keeps its previously indexed version."""
        fresh = self.work / "fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        result = self.cli("index", self.root, "--index", fresh, "--yes")
        if result is None or result.returncode not in (0, 1):
            return False
        built = state(fresh)
        present = {shown_name(os.fsdecode(os.path.relpath(path, os.fsencode(self.root))))
                   for path in entries(self.root)}
        failing = present - {path for path, *_ in built}
        return built == [r for r in state(self.index) if r[0] not in failing]

    def killed_run(self) -> None:
        """Mutate, start index or reindex, SIGKILL it (all or main only) at a random moment, then check."""
        self.figures.mutations.update(mutate(self.rng, self.root, self.scale))
        command = self.rng.choice(["reindex", "reindex", "index", "reindex --full"]).split()
        args = [*command, "--index", self.index] + (["--yes"] if command[0] == "index" else []) \
            + ([self.root] if command == ["index"] else [])
        running = subprocess.Popen([sys.executable, "-m", "indexer", *map(os.fsencode, args)], env=self.env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(self.rng.uniform(0.05, 1.5))
        main_only = self.rng.random() < 0.35
        finished = running.poll() is not None
        try:
            if main_only:
                os.kill(running.pid, signal.SIGKILL)
            else:
                os.killpg(running.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        running.wait()
        self.figures.kills[f"{' '.join(command)}{' (main only)' if main_only else ''}"
                           f"{' (had finished)' if finished else ''}"] += 1
        self.after_kill()

    def after_kill(self) -> None:
        try:
            Store(self.index).open().doc_count()
        except Exception as exc:                 # noqa: BLE001 — any failure to open is the finding
            self.figures.outcomes["index did not open"] += 1
            self.figures.problems.append(f"index did not open: {type(exc).__name__}: {exc}")
        for attempt in range(20):                # workers of the killed main process die with it
            result = self.cli("reindex", "--index", self.index, "--yes")
            if result is None or result.returncode != 75:
                break
            time.sleep(0.25)
        if result is None:
            return
        self.figures.runs += 1
        if result.returncode not in (0, 1):
            self.figures.outcomes[f"reindex exit {result.returncode}"] += 1
            self.figures.problems.append(f"reindex after a kill: {result.stderr.decode('utf-8', 'replace')[-300:]}")
            return
        self.figures.outcomes["locked for a while" if attempt else "reindex ran at once"] += 1
        if self.same_as_fresh():
            self.figures.outcomes["same as a fresh build"] += 1
        else:
            self.figures.outcomes["differs from a fresh build"] += 1
            self.figures.problems.append("reindex after a kill differs from a fresh build")

    def run(self, files: int, kills: int, inspect: bool = True) -> Figures:
        self.fill(files)
        if inspect:
            self.inspect_all()
        result = self.build(self.index)
        if result is not None:
            self.figures.runs += 1
        for _ in range(kills):
            self.killed_run()
        if not self.same_as_fresh():
            self.figures.problems.append("the last index differs from a fresh build")
        return self.figures


def records(index: Path) -> list:
    with Store(index).open().searcher() as searcher:
        return [unpack(fields["record"]) for fields in searcher.all_stored_fields()]


def state(index: Path) -> list[tuple]:
    """What a search can tell apart, ids aside: paths, texts, statuses."""
    return sorted((r.path, r.text, r.status) for r in records(index))

