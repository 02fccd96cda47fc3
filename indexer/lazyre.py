"""Regular expressions compiled when first used.

A search imports the number readers for the few patterns a query needs, and compiling
all of their patterns at import took 50 ms of every `stdidx search` process; a pattern
made here is compiled by its first match, once per process.
"""
from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _Lazy:
    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str) -> Any:
        # Called only for what the object lacks: compile, then keep the pattern's
        # methods on it, so later calls cost what a compiled pattern's do.
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), done when the pattern is first used."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))
