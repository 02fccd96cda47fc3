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
