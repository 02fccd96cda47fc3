"""Typed errors raised by the library; the CLI maps them to exit codes in one place."""


class StdidxError(Exception):
    """Base of every error the CLI reports as one line."""

    exit_code = 1


class UsageError(StdidxError):
    """Bad query, unknown issuer, malformed date or option: the user can fix it."""

    exit_code = 2


class IndexMissing(StdidxError):
    exit_code = 2


class ReadError(StdidxError):
    """A file could not be read into a document; reported per file, never fatal."""


class NotADocument(ReadError):
    """Empty, binary or unsupported: skipped rather than failed."""


class CorpusMissing(UsageError):
    """A corpus root is missing or unreadable: most likely not mounted, so nothing is removed."""


class TooManyRemovals(UsageError):
    """A run would remove most of the index: more likely an emptied root than a real change."""


class IndexWriteError(StdidxError):
    """Writing the index failed (a full disk, a read-only folder); what was there is kept."""


class Locked(StdidxError):
    """Another process holds the index's writer lock (EX_TEMPFAIL, so cron may retry)."""

    exit_code = 75


class ConfigError(UsageError):
    """The configuration file is missing, unreadable or invalid."""


class Interrupted(StdidxError):
    """Stopped by a signal after finishing the current batch."""

    def __init__(self, message: str, signal_number: int):
        super().__init__(message)
        self.exit_code = 128 + signal_number
