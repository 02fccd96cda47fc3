"""Office files are zip containers; their directory is checked before anything is unpacked.

A decompression bomb is a small file whose members claim gigabytes. The
central directory states every member's sizes, so a file is refused on what
it claims, before a byte is inflated.
"""
from __future__ import annotations

import io
import zipfile

from indexer.errors import ReadError

MAX_UNPACKED = 256 * 1024 * 1024
MAX_MEMBERS = 10_000
# XML compresses well, about 10:1, and repetitive sheets more; beyond this a
# member of some size is made to expand, not to be read.
MAX_RATIO = 200
RATIO_FROM_BYTES = 1024 * 1024


def checked_zip(data: bytes, kind: str, required: str) -> None:
    """Raise ReadError unless `data` is a sane zip container holding `required`."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise ReadError(f"not a valid {kind} (damaged zip container: {exc})") from None
    if len(members) > MAX_MEMBERS:
        raise ReadError(f"{kind} has {len(members)} parts; refused (zip bomb?)")
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED:
        raise ReadError(f"{kind} would unpack to {total} bytes (> {MAX_UNPACKED}); refused as a zip bomb")
    for m in members:
        if m.file_size > RATIO_FROM_BYTES and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise ReadError(f"{kind} part {m.filename} expands {m.file_size // max(m.compress_size, 1)}:1; "
                            "refused as a zip bomb")
    if required not in {m.filename for m in members}:
        raise ReadError(f"not a {kind}: no {required} in the zip container")
