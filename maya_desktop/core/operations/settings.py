"""The settings page's operations (manager) and the auto-lock delay every window needs (plain data in and out)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from maya_desktop.core import clinic_settings
from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.session import Session
from maya_desktop.core.settings import get_setting


@dataclass(frozen=True)
class ClinicSettings:
    values: dict[str, Any]  # the manager-editable settings (core.clinic_settings.EDITABLE), key -> value
    backup_folder: str | None  # the automatic daily backup's folder; None: off
    backup_retention_days: int


@dataclass(frozen=True)
class SaveSettings:
    values: dict[str, Any]


@dataclass(frozen=True)
class SaveBackupSettings:
    folder: str | None  # None turns the automatic backup off
    retention_days: int


def _read(session: Session) -> ClinicSettings:
    return ClinicSettings(
        values=clinic_settings.read_settings(session),
        backup_folder=get_setting(session.conn, "backup.folder") or None,
        backup_retention_days=int(get_setting(session.conn, "backup.retention_days") or 7),
    )


@operation("settings.read")
def read(session: Session, request: NoRequest) -> ClinicSettings:
    session.require("settings.manage")
    return _read(session)


@operation("settings.save", changes={"settings", "audit"})
def save(session: Session, request: SaveSettings) -> ClinicSettings:
    """Validated, one transaction, audited (core.clinic_settings); answers the settings as saved."""
    clinic_settings.update_settings(session, **request.values)
    return _read(session)


@operation("settings.save_backup", changes={"settings", "backups", "audit"})
def save_backup(session: Session, request: SaveBackupSettings) -> ClinicSettings:
    from maya_desktop.core.backup import configure_scheduled_backup

    configure_scheduled_backup(session, request.folder, request.retention_days)
    return _read(session)


@operation("settings.auto_lock_minutes")
def auto_lock_minutes(session: Session, request: NoRequest) -> int:
    """Minutes of no input before the screen locks (every signed-in person's window needs it)."""
    return int(get_setting(session.conn, "auto_lock_minutes"))
