"""Where things live by default."""
from __future__ import annotations

import os
from pathlib import Path

INDEX_ENV = "STDIDX_INDEX"


def default_index_path() -> Path:
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "stdidx" / "index"
