"""Ready-to-install schedules for `stdidx reindex`: a crontab line or systemd units."""
from __future__ import annotations

import re
import shlex
import shutil
import sys
from pathlib import Path

from indexer.errors import UsageError

# A fallback for systems without systemd-analyze: the shapes systemd.time(7) documents.
_SHORTHANDS = "minutely|hourly|daily|weekly|monthly|yearly|annually|quarterly|semiannually"
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"
_DAYS = rf"{_DAY}(?:(?:,|\.\.){_DAY})*"
_VALUE = r"(?:\*|\d+(?:\.\.\d+)?)(?:/\d+)?"
_VALUES = rf"{_VALUE}(?:,{_VALUE})*"
_DATE = rf"(?:{_VALUES}-)?{_VALUES}(?:-|~){_VALUES}"
_TIME = rf"{_VALUES}:{_VALUES}(?::{_VALUES}(?:\.\d+)?)?"
_CALENDAR = re.compile(rf"(?:{_SHORTHANDS})|(?:{_DAYS})?(?:\s*{_DATE})?(?:\s*{_TIME})?(?:\s+[\w/+-]+)?", re.I)


def executable() -> Path:
    found = shutil.which("stdidx")
    return Path(found).resolve() if found else Path(sys.argv[0]).resolve()


def daily_at(text: str) -> tuple[int, int]:
    """HH:MM as (hour, minute)."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text.strip())
    if not match:
        raise UsageError(f"--at: {text!r} is not a time of day (HH:MM, 00:00 to 23:59)")
    return int(match[1]), int(match[2])


def check_calendar(expression: str) -> str:
    """A systemd OnCalendar= value, checked by systemd-analyze where there is one."""
    analyze = shutil.which("systemd-analyze")
    if analyze:
        import subprocess

        checked = subprocess.run([analyze, "calendar", expression], capture_output=True, text=True)
        valid = checked.returncode == 0
    else:
        valid = bool(expression.strip()) and _CALENDAR.fullmatch(expression.strip()) is not None
    if not valid:
        raise UsageError(f"--on-calendar: {expression!r} is not a systemd calendar expression "
                         "(daily, Mon..Fri 06:17, *-*-* 06:17:00; see `man systemd.time`)")
    return expression


def _command(config: Path | None, index: Path, report: Path) -> str:
    # --config only for a file that is there (or was named): a missing default file
    # is fine for stdidx, but named on the command line it is an error, every run.
    parts = [executable(), *(("--config", config) if config else ()),
             "reindex", "--index", index, "--report", report]
    return " ".join(shlex.quote(str(part)) for part in parts)


def cron_line(config: Path | None, index: Path, report: Path, at: str) -> str:
    hour, minute = daily_at(at)
    # cron mails whatever a job prints; reindex prints nothing when nothing changed.
    return f"{minute} {hour} * * * {_command(config, index, report)}\n"


def systemd_units(config: Path | None, index: Path, report: Path, on_calendar: str) -> str:
    service = f"""# ~/.config/systemd/user/stdidx-reindex.service
[Unit]
Description=stdidx: bring the standards and policy index up to date

[Service]
Type=oneshot
ExecStart={_command(config, index, report)}
# 75: another reindex still holds the index; this run has nothing to add.
SuccessExitStatus=75
"""
    timer = f"""# ~/.config/systemd/user/stdidx-reindex.timer
[Unit]
Description=Run stdidx reindex {on_calendar}

[Timer]
OnCalendar={on_calendar}
Persistent=true
RandomizedDelaySec=10min

[Install]
WantedBy=timers.target
"""
    return service + "\n" + timer


def calendar_at(at: str) -> str:
    """HH:MM as an OnCalendar= value."""
    hour, minute = daily_at(at)
    return f"*-*-* {hour:02d}:{minute:02d}:00"
