"""Where things live, and the TOML configuration file.

Precedence, highest first: command-line flag, environment variable, the
configuration file, the built-in default. Every value remembers where it came
from so `stdidx config show` can say.

    index = "~/.local/share/stdidx/index"
    roots = ["~/rare-earth/notices", "~/rare-earth/standards"]
    include = ["*.html", "*.xml", "*.md", "*.txt"]
    exclude = ["drafts/*", "*.bak"]
    glossary = ["~/rare-earth/my-terms.json"]
    max_removal = 0.5
    file_seconds = 30
    file_memory_mb = 512

    [watch.dysprosium]
    query = "镝"
    issuer = ["MIIT"]
    since = "2024-01-01"
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indexer.errors import ConfigError

INDEX_ENV = "STDIDX_INDEX"
CONFIG_ENV = "STDIDX_CONFIG"
OCR_ENV = "STDIDX_OCR"  # "on": PDF pages without usable text are read by Tesseract
LIST_KEYS = ("roots", "include", "exclude", "glossary")
# The share of indexed files one run may remove without --yes: more, and a root
# was probably emptied or unmounted rather than cleared out on purpose.
MAX_REMOVAL = 0.5
# What reading one file may take before it is stopped and reported (indexer/budget.py).
BUDGET_DEFAULTS = {"file_seconds": 30, "file_memory_mb": 512}
WATCH_KEYS = ("query", "issuer", "type", "status", "lang", "since", "until", "std",
              "stage", "ics", "ccs", "committee", "drafter")
# the rest are one string each
MANY_WATCH_KEYS = ("issuer", "type", "status", "lang", "stage", "ics", "ccs", "committee", "drafter")


def default_index_path() -> Path:
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "stdidx" / "index"


def default_config_path() -> Path:
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "stdidx" / "config.toml"


@dataclass
class Setting:
    value: Any
    source: str                    # "default", "file <path>", "$VAR", "--flag"


@dataclass
class Config:
    path: Path
    path_source: str
    settings: dict[str, Setting] = field(default_factory=dict)
    watches: dict[str, dict] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        return self.settings[key].value

    def override(self, key: str, value: Any, source: str) -> None:
        """A flag given on the command line wins over everything else."""
        if value not in (None, (), []):
            self.settings[key] = Setting(value, source)


def config_path(flag: str | Path | None = None) -> tuple[Path, str]:
    if flag:
        return Path(flag).expanduser(), "--config"
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV]).expanduser(), f"${CONFIG_ENV}"
    return default_config_path(), "default"


def load_config(flag: str | Path | None = None) -> Config:
    path, source = config_path(flag)
    data = _read(path, required=source != "default")
    config = Config(path, source)
    where = f"file {path}"
    config.settings["index"] = Setting(default_index_path(), "default")
    if "index" in data:
        config.settings["index"] = Setting(_path(data["index"], path), where)
    if os.environ.get(INDEX_ENV):
        config.settings["index"] = Setting(Path(os.environ[INDEX_ENV]).expanduser(), f"${INDEX_ENV}")
    for key in LIST_KEYS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: {key} must be a list of strings")
        if key in ("roots", "glossary"):
            value = [_path(v, path) for v in value]
        config.settings[key] = Setting(value, where if key in data else "default")
    config.settings["max_removal"] = Setting(_share(data.get("max_removal", MAX_REMOVAL), path),
                                             where if "max_removal" in data else "default")
    for key, default in BUDGET_DEFAULTS.items():
        config.settings[key] = Setting(_positive(key, data.get(key, default), path),
                                       where if key in data else "default")
    config.watches = _watches(data.get("watch", {}), path)
    unknown = set(data) - {"index", "watch", "max_removal", *LIST_KEYS, *BUDGET_DEFAULTS}
    if unknown:
        raise ConfigError(f"{path}: unknown setting {', '.join(sorted(unknown))}")
    return config


def _read(path: Path, required: bool) -> dict:
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        if required:
            raise ConfigError(f"configuration file {path} does not exist") from None
        return {}
    except OSError as exc:
        raise ConfigError(f"cannot read configuration file {path}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def _share(value: Any, config_file: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ConfigError(f"{config_file}: max_removal must be a number from 0 to 1, got {value!r}")
    return float(value)


def _positive(key: str, value: Any, config_file: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ConfigError(f"{config_file}: {key} must be a positive number, got {value!r}")
    return value


def _path(value: Any, config_file: Path) -> Path:
    if not isinstance(value, str):
        raise ConfigError(f"{config_file}: expected a path, got {value!r}")
    path = Path(value).expanduser()
    # Relative paths in a config file are relative to the file, not to where cron runs.
    return path if path.is_absolute() else (config_file.parent / path).resolve()


def _watches(table: Any, path: Path) -> dict[str, dict]:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [watch] must be a table of saved searches")
    out = {}
    for name, spec in table.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("query", ""), str):
            raise ConfigError(f"{path}: [watch.{name}] must be a table with a query")
        unknown = set(spec) - set(WATCH_KEYS)
        if unknown:
            raise ConfigError(f"{path}: [watch.{name}] has unknown keys {', '.join(sorted(unknown))}")
        for key, value in spec.items():
            if not _text_or_texts(value, many=key in MANY_WATCH_KEYS):
                kind = "a string or a list of strings" if key in MANY_WATCH_KEYS else "a string"
                raise ConfigError(f"{path}: [watch.{name}] {key} must be {kind}, got {value!r}")
        out[name] = dict(spec)
    return out


def _text_or_texts(value: Any, many: bool) -> bool:
    if isinstance(value, str):
        return True
    return many and isinstance(value, list) and all(isinstance(v, str) for v in value)


def save_watch(path: Path, name: str, spec: dict | None) -> None:
    """Add, replace (spec) or remove (None) one saved search, keeping the file's comments."""
    import tomlkit

    with _edit_lock(path):
        document = tomlkit.parse(path.read_text("utf-8")) if path.exists() else tomlkit.document()
        _set_watch(document, name, spec)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_text(tomlkit.dumps(document), "utf-8")
        os.replace(temporary, path)


@contextlib.contextmanager
def _edit_lock(path: Path):
    """Edits read, change and rewrite the whole file: two at once would lose one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(f".{path.name}.lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _set_watch(document, name: str, spec: dict | None) -> None:
    import tomlkit

    watches = document.setdefault("watch", tomlkit.table(is_super_table=True))
    if spec is None:
        watches.pop(name, None)
    else:
        table = tomlkit.table()
        for key in WATCH_KEYS:
            if spec.get(key) not in (None, "", [], ()):
                value = spec[key]
                table[key] = list(value) if isinstance(value, (list, tuple)) else value
        watches[name] = table
