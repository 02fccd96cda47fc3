"""Ready-to-install schedules for `stdidx reindex`: a crontab line or systemd units."""
from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path


def executable() -> Path:
    found = shutil.which("stdidx")
    return Path(found).resolve() if found else Path(sys.argv[0]).resolve()


def _command(config: Path, index: Path, report: Path) -> str:
    return " ".join(shlex.quote(str(part)) for part in
                    (executable(), "--config", config, "reindex", "--index", index, "--report", report))


def cron_line(config: Path, index: Path, report: Path, at: str) -> str:
    # cron mails whatever a job prints; reindex prints nothing when nothing changed.
    return f"{at} {_command(config, index, report)}\n"


def systemd_units(config: Path, index: Path, report: Path, on_calendar: str) -> str:
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
