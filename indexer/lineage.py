"""Status across the versions of one work: only the latest version in force stays in force."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Version:
    id: str
    work: str | None
    issued: str | None
    effective: str | None
    status: str


def superseded_ids(versions: list[Version]) -> set[str]:
    """Ids of in-force versions that a later in-force version of the same work replaces."""
    by_work: dict[str, list[Version]] = defaultdict(list)
    for version in versions:
        if version.work and version.status == "in_force":
            by_work[version.work].append(version)
    out: set[str] = set()
    for members in by_work.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda v: (v.issued or v.effective or "", v.effective or ""))
        out.update(v.id for v in members[:-1])
    return out
