"""File calls that differ between POSIX and Windows, with each fallback in one place.

- Files are opened with O_BINARY where it exists (Windows): without it the C runtime opens in text mode and
  turns every 0x0A byte written into 0x0D 0x0A, silently corrupting keys, key slots and ciphertext.
- New files get mode 0o600 (owner only) on POSIX. Windows ignores those bits except "read-only": there a
  file's privacy comes from the per-user folder it lives in (platformdirs' %LOCALAPPDATA%, whose ACL grants
  only that user, SYSTEM and administrators), which is why the data folder defaults to it.
- A folder is fsynced after a rename on POSIX (so the rename survives a power cut). Windows cannot open a
  folder for fsync; NTFS journals the rename itself, so there it is skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

O_BINARY: int = getattr(os, "O_BINARY", 0)
OWNER_ONLY = 0o600


def create_private_file(path: str | Path, *, replace: bool = False) -> int:
    """Open a new file for writing (binary, owner-only on POSIX) and return its descriptor.

    With ``replace`` an existing file is truncated; otherwise an existing file is an error (O_EXCL), so a
    half-finished earlier attempt or a planted file is never silently reused.
    """
    flags = os.O_WRONLY | os.O_CREAT | O_BINARY | (os.O_TRUNC if replace else os.O_EXCL)
    return os.open(path, flags, OWNER_ONLY)


def open_lock_file(path: str | Path) -> int:
    """Open (creating it owner-only if needed) a lock file that several processes share; never truncated."""
    return os.open(path, os.O_RDWR | os.O_CREAT | O_BINARY, OWNER_ONLY)


def fsync_dir(folder: str | Path) -> None:
    """Make a rename inside ``folder`` durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
