"""Long output on a terminal goes through a pager, as git does; piped output never does."""
from __future__ import annotations

import contextlib
import io
import os
import shlex
import shutil
import signal
import subprocess
import sys
from typing import IO, Iterator

DEFAULT_PAGER = "less"
# less: quit when it fits one screen, keep colours, leave the text on the screen.
LESS = "FRX"


class _Screen(io.StringIO):
    """What is printed for the terminal, held until it is known whether it fits on one screen."""

    def __init__(self, terminal: IO):
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.terminal.fileno()


def pager_command() -> str | None:
    """$STDIDX_PAGER, else $PAGER, else less; None when it is empty or cat (paging turned off)
    or names no program on PATH."""
    command = os.environ.get("STDIDX_PAGER", os.environ.get("PAGER", DEFAULT_PAGER)).strip()
    if command in ("", "cat"):
        return None
    try:
        program = shlex.split(command)[0]
    except (ValueError, IndexError):
        return None
    return command if shutil.which(program) else None


@contextlib.contextmanager
def paged(out: IO = sys.stdout, enabled: bool = True) -> Iterator[IO]:
    """A stream to print to: `out` itself when it is not a terminal (or paging is off);
    on a terminal, text that is taller than the screen is shown through the pager."""
    command = pager_command() if enabled and out.isatty() else None
    if command is None:
        yield out
        return
    screen = _Screen(out)
    yield screen
    text = screen.getvalue()
    try:
        rows = os.get_terminal_size(out.fileno()).lines
    except OSError:
        rows = shutil.get_terminal_size().lines
    if text.count("\n") < rows:
        out.write(text)
        return
    out.flush()
    env = dict(os.environ)
    env.setdefault("LESS", LESS)
    try:
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        out.write(text)
        return
    # Ctrl-C is the pager's (less stops a search with it), as in git: stdidx waits until it quits.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with contextlib.suppress(BrokenPipeError):   # q before the end
            pager.communicate(text.encode("utf-8", "surrogateescape"))
    finally:
        signal.signal(signal.SIGINT, previous)
