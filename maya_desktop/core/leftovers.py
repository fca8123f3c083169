"""What a crash can leave on disk, and removing it at the next open and by `purge` (issue 12).

A backup stages a copy of the database (every order key) and hard links to every photo in
``backups/.staging-*``; backups, legal exports and client copies write ``…tmp-*`` / ``.maya-partial-*``
outputs in folders a person chose; a restore decrypts into ``.<target>.restoring-*`` beside its target.
Killed mid-way, each of these would outlive the destruction of the orders it holds. So:

- every output outside the data folder is registered in ``pending_outputs`` (committed *before* anything
  is written) and forgotten when it is complete or removed; `sweep` removes whatever is still registered;
- staging folders inside the data folder and restore folders beside it are found by name;
- a writer holds a shared lock on ``.outputs.lock`` in the data folder while its output is incomplete, and
  `sweep` only runs when it can take that lock exclusively: a backup or export running right now in
  another process (the GUI while `purge` runs from a scheduler) is never pulled from under it. (On
  Windows, where this lock is not used, a file that is open cannot be deleted, which has the same effect.)
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from maya_desktop.core.audit import now_utc
from maya_desktop.core.db import transaction
from maya_desktop.core.paths import DataDir
from maya_desktop.core.portable import open_lock_file

BACKUP_STAGING_PREFIX = ".staging-"  # backups/.staging-<hex> (core/backup.py)
LOCK_NAME = ".outputs.lock"

if os.name == "posix":
    import fcntl

    def _lock(fd: int, *, exclusive: bool, wait: bool) -> bool:
        flags = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.flock(fd, flags)
        except OSError:
            return False
        return True

else:  # pragma: no cover - Windows: open files cannot be deleted, which protects a running writer

    def _lock(fd: int, *, exclusive: bool, wait: bool) -> bool:
        return True


def _open_lock(data_dir: DataDir) -> int:
    return open_lock_file(data_dir.root / LOCK_NAME)


@contextlib.contextmanager
def writing(data_dir: DataDir) -> Iterator[None]:
    """Hold while an output (staging folder, temporary file, partial folder) is incomplete."""
    fd = _open_lock(data_dir)
    try:
        _lock(fd, exclusive=False, wait=True)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def register(conn: Any, path: Path) -> None:
    """Record an output before anything is written to it (commits unless inside a transaction)."""
    with transaction(conn):
        conn.execute("INSERT OR REPLACE INTO pending_outputs(path, started_at) VALUES (?, ?)", (str(path), now_utc()))


def forget(conn: Any, path: Path) -> None:
    """The output is complete (renamed to its final name) or removed."""
    with transaction(conn):
        conn.execute("DELETE FROM pending_outputs WHERE path = ?", (str(path),))


def remove_path(path: Path) -> bool:
    """Remove a leftover file or folder; False when (part of) it is still there."""
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif os.path.lexists(path):
            path.unlink()
    return not os.path.lexists(path)


def _named_leftovers(data_dir: DataDir) -> list[Path]:
    found: list[Path] = []
    if data_dir.backups.is_dir():
        found += [p for p in data_dir.backups.iterdir() if p.name.startswith(BACKUP_STAGING_PREFIX)]
    parent = data_dir.root.parent
    if parent.is_dir():
        found += [p for p in parent.iterdir() if p.name.startswith(f".{data_dir.root.name}.restoring-")]
    found += [p for p in data_dir.root.glob(f"{data_dir.keyslots.name}.tmp-*")]
    return found


def sweep(conn: Any, data_dir: DataDir) -> list[str]:
    """Remove every leftover (see the module docstring). Returns the names removed (no folders' paths:
    they may name a person's folder). Skipped entirely while another output is being written."""
    fd = _open_lock(data_dir)
    try:
        if not _lock(fd, exclusive=True, wait=False):
            return []
        removed = [p.name for p in _named_leftovers(data_dir) if remove_path(p)]
        rows = [Path(r[0]) for r in conn.execute("SELECT path FROM pending_outputs ORDER BY path")]
        for path in rows:
            existed = os.path.lexists(path)
            if remove_path(path):
                forget(conn, path)
                if existed:
                    removed.append(path.name)
        return removed
    finally:
        os.close(fd)
