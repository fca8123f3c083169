"""The backups page's operations and `maya-desktop backup` (plain data in and out; paths as text).

Making a backup and restoring one are long (Argon2id, AES over every file): the window runs them through
the executor and stays usable meanwhile. The recovery code of a new backup travels once, in the result;
it is never logged, audited or kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from maya_desktop.core import audit
from maya_desktop.core.audit import AuditQuery
from maya_desktop.core.backup import SUFFIX, RestoreResult, create_backup, read_info, restore_backup, scheduled_name
from maya_desktop.core.errors import MayaError
from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.session import Session
from maya_desktop.core.settings import get_setting

PERMISSION = "settings.manage"


@dataclass(frozen=True)
class BackupFile:
    path: str
    name: str
    created_at: str  # ISO (UTC) from the header, or the file's time if the header is unreadable
    size: int
    readable: bool


@dataclass(frozen=True)
class BackupsOverview:
    folder: str | None  # the backup folder chosen in the settings (None: not chosen)
    last_backup: str | None  # ISO time of the last backup made (audit log), None: never
    files: tuple[BackupFile, ...]  # the backups in the folder, newest first


@dataclass(frozen=True)
class CreateBackup:
    """`out` is the file to write; with `into_folder`, a folder that gets the daily backups' name and
    retention. No recovery code with `recovery_code=False` (only the managers' passwords open it)."""

    out: str
    into_folder: bool = False
    recovery_code: bool = True


@dataclass(frozen=True)
class BackupMade:
    path: str
    backup_id: str
    files: int  # encrypted order files included
    size: int  # bytes
    recovery_code: str | None  # shown once; never stored or logged
    managers: tuple[str, ...]  # usernames whose password also opens it


@dataclass(frozen=True)
class RestoreBackup:
    """Restore `source` into the new, empty folder `target` with the recovery code or a manager's password
    at the time of the backup. The data open now is not touched."""

    source: str
    target: str
    recovery_code: str | None = None
    username: str | None = None
    password: str | None = None


def list_backups(folder: Path) -> tuple[BackupFile, ...]:
    """The backup files in `folder`, newest first (header read only: nothing is decrypted)."""
    found = []
    if not folder.is_dir():
        return ()
    for path in folder.iterdir():
        if not path.is_file() or path.suffix != SUFFIX:
            continue
        stat = path.stat()
        try:
            created, readable = read_info(path).created_at, True
        except (MayaError, OSError):
            created, readable = dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC).isoformat(), False
        found.append(BackupFile(str(path), path.name, created, stat.st_size, readable))
    return tuple(sorted(found, key=lambda f: f.created_at, reverse=True))


@operation("backups.overview")
def overview(session: Session, request: NoRequest) -> BackupsOverview:
    session.require(PERMISSION)
    value = get_setting(session.conn, "backup.folder")
    folder = Path(value) if value else None
    last = audit.search(session.conn, AuditQuery(actions=("backup.created",)), limit=1)
    return BackupsOverview(
        str(folder) if folder else None,
        last[0].ts if last else None,
        list_backups(folder) if folder else (),
    )


@operation("backups.create", changes={"backups", "audit"})
def create(session: Session, request: CreateBackup) -> BackupMade:
    """A manager's backup (permission checked and the backup audited in core.backup)."""
    out = Path(request.out)
    if request.into_folder:
        out = out / scheduled_name(dt.datetime.now(dt.UTC))  # same name and retention as the daily ones
    made = create_backup(session, out, recovery_code=request.recovery_code)
    return BackupMade(str(made.path), made.backup_id, made.files, made.size, made.recovery_code, made.managers)


@operation("backups.restore", changes={"audit"})
def restore(session: Session, request: RestoreBackup) -> RestoreResult:
    """Restore into a new folder (core writes nothing there unless every check passes); audited here."""
    session.require(PERMISSION)
    result = restore_backup(
        request.source,
        request.target,
        recovery_code=request.recovery_code,
        username=request.username,
        password=request.password,
    )
    session.audit("backup.restored", "", {"backup_id": result.backup_id, "files": result.files})
    return result
