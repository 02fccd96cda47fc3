"""Opening a corpus file only when it is a regular file.

The folder listing already passes over pipes, devices and links to them, but a
name can change between the listing and the read: a FIFO put there would block
the run for ever, /dev/zero never ends. Opening without blocking and checking the
opened file itself leaves no such window.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading; OSError when it is not a regular file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
