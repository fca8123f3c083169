"""Scheduled daily backups: the folder, the retention, pruning, and the timer's call."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from maya_desktop.core import db
from maya_desktop.core.backup.create import BackupResult, create_backup
from maya_desktop.core.backup.format import (
    DAILY,
    DEFAULT_RETENTION_DAYS,
    SCHEDULED_PREFIX,
    SCHEDULED_RE,
    SUFFIX,
    TMP_MARK,
)
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.portable import fsync_dir
from maya_desktop.core.session import Session
from maya_desktop.core.settings import get_setting, set_setting


# ---- scheduled backups ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ScheduledResult:
    status: str  # "not_configured" | "not_due" | "created"
    created: BackupResult | None = None
    removed: tuple[str, ...] = ()  # expired backup files deleted (names only)


def configure_scheduled_backup(
    session: Session, folder: str | Path | None, retention_days: int = DEFAULT_RETENTION_DAYS
) -> None:
    """Manager: choose the folder for the automatic daily backup (None turns it off) and its retention."""
    session.require("settings.manage")
    if isinstance(retention_days, bool) or not isinstance(retention_days, int) or not 1 <= retention_days <= 365:
        raise ValidationError(
            "Keep backups between 1 and 365 days.", "نگه‌داری پشتیبان باید بین ۱ تا ۳۶۵ روز باشد.", "retention_days"
        )
    value = None
    if folder is not None:
        path = Path(folder).expanduser().resolve()
        data_dir = session.vault.data_dir
        if path == data_dir.blobs or data_dir.blobs in path.parents:
            raise ValidationError("Choose a folder outside photos/.", "پوشه‌ای بیرون از photos/ انتخاب کنید.", "folder")
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        value = str(path)
    with db.transaction(session.conn):
        set_setting(session.conn, "backup.folder", value)
        set_setting(session.conn, "backup.retention_days", retention_days)
        session.audit("backup.configured", "", {"enabled": value is not None, "retention_days": retention_days})


def scheduled_name(moment: dt.datetime) -> str:
    return f"{SCHEDULED_PREFIX}{moment.astimezone(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}{SUFFIX}"


def _scheduled_files(folder: Path) -> list[tuple[dt.datetime, Path]]:
    found = []
    for entry in folder.iterdir():
        match = SCHEDULED_RE.match(entry.name)
        if match and entry.is_file():
            when = dt.datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
            found.append((when, entry))
    return sorted(found)


def prune_backups(folder: Path, retention_days: int, now: dt.datetime) -> list[str]:
    """Delete scheduled backups older than the retention, and leftovers of interrupted writes."""
    removed = []
    cutoff = now - dt.timedelta(days=retention_days)
    for when, path in _scheduled_files(folder):
        if when <= cutoff:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path.name)
    for entry in folder.iterdir():
        if entry.name.startswith(SCHEDULED_PREFIX) and TMP_MARK in entry.name and entry.is_file():
            with contextlib.suppress(FileNotFoundError):
                entry.unlink()
                removed.append(entry.name)
    if removed:
        fsync_dir(folder)
    return removed


def run_scheduled_backup(session: Session, now: dt.datetime | None = None) -> ScheduledResult:
    """Call from a timer (e.g. hourly): deletes expired backups, and makes today's backup when due.

    Settings: ``backup.folder`` (None = off), ``backup.retention_days`` (default 7).
    """
    now = now or dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    folder_value = get_setting(session.conn, "backup.folder")
    if not folder_value:
        return ScheduledResult("not_configured")
    retention = get_setting(session.conn, "backup.retention_days")
    retention = DEFAULT_RETENTION_DAYS if retention is None else max(1, int(retention))
    folder = Path(folder_value)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    removed = prune_backups(folder, retention, now)
    existing = _scheduled_files(folder)
    if existing and now - existing[-1][0] < DAILY:
        return ScheduledResult("not_due", None, tuple(removed))
    result = create_backup(session, folder / scheduled_name(now), recovery_code=False, scheduled=True)
    return ScheduledResult("created", result, tuple(removed))
