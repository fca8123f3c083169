"""The operations the windows and the CLI call by name. Each request and result is a frozen dataclass."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from maya_desktop.core import drafts
from maya_desktop.core.drafts import Draft
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.session import Session
from maya_desktop.core.sync.runner import SyncStatus, read_status


@dataclass(frozen=True)
class NoRequest:
    """For operations that need nothing but the session."""


@dataclass(frozen=True)
class OrderRef:
    """An operation on one order that needs nothing else (a request others about an order build on)."""

    order_id: int


@dataclass(frozen=True)
class ClientRef:
    """An operation on one client that needs nothing else."""

    client_id: int


@dataclass(frozen=True)
class ClinicInfo:
    name: str


@operation("clinic.info")
def clinic_info(session: Session, request: NoRequest) -> ClinicInfo:
    row = session.conn.execute("SELECT name FROM clinic").fetchone()
    return ClinicInfo(name=str(row[0]))


@dataclass(frozen=True)
class SaveSyncSettings:
    endpoint: str
    token: str | None
    pin: str | None
    ca_file: str | None
    clinic: str | None = None


@dataclass(frozen=True)
class SyncSettingsView:
    """What the sync settings dialog shows. The token is held by the dialog only to test the connection
    with it; the dialog never shows it again."""

    endpoint: str
    token: str = field(repr=False)
    pin: str
    clinic: str  # "" while HQ has not assigned one
    ca_file: str


@operation("sync.read_settings")
def read_sync_settings(session: Session, request: NoRequest) -> SyncSettingsView:
    from maya_desktop.core.settings import get_setting
    from maya_desktop.core.sync import settings as sync_settings
    from maya_desktop.core.sync.contract import UNASSIGNED_CLINIC_ID

    session.require("settings.manage")  # the menu is hidden for others; refused (and audited) here anyway
    clinic = get_setting(session.conn, sync_settings.KEY_CLINIC) or ""
    return SyncSettingsView(
        endpoint=get_setting(session.conn, sync_settings.KEY_ENDPOINT) or "",
        token=get_setting(session.conn, sync_settings.KEY_TOKEN) or "",
        pin=get_setting(session.conn, sync_settings.KEY_PIN) or "",
        clinic="" if clinic == UNASSIGNED_CLINIC_ID else clinic,
        ca_file=get_setting(session.conn, sync_settings.KEY_CA_FILE) or "",
    )


@operation("sync.save_settings", changes={"settings"})
def save_sync_settings(session: Session, request: SaveSyncSettings) -> None:
    """Permission check, one transaction and the audit entry all happen in core (core.sync.settings)."""
    from maya_desktop.core.sync import settings as sync_settings

    sync_settings.save_config(
        session,
        endpoint=request.endpoint,
        token=request.token,
        pin=request.pin,
        ca_file=request.ca_file,
        clinic=request.clinic,
    )


@dataclass(frozen=True)
class KeepDraft:
    kind: str
    ref: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class ListDrafts:
    kind: str | None = None


@dataclass(frozen=True)
class DiscardDraft:
    kind: str
    ref: str


@operation("drafts.keep", changes={"drafts"})
def keep_draft(session: Session, request: KeepDraft) -> None:
    drafts.keep_draft(session, request.kind, request.ref, request.payload)


@operation("drafts.list")
def list_drafts(session: Session, request: ListDrafts) -> list[Draft]:
    return drafts.drafts_of(session, request.kind)


@operation("drafts.discard", changes={"drafts"})
def discard_draft(session: Session, request: DiscardDraft) -> None:
    drafts.discard_draft(session, request.kind, request.ref)


@operation("sync.pending_count")
def sync_pending_count(session: Session, request: NoRequest) -> int:
    row = session.conn.execute("SELECT COUNT(*) FROM sync_outbox WHERE state = 'pending'").fetchone()
    return int(row[0])


@operation("sync.status")
def sync_status(session: Session, request: NoRequest) -> SyncStatus:
    return read_status(session.conn)


@operation("clients.marketing_opt_in_count")
def marketing_opt_in_count(session: Session, request: NoRequest) -> int:
    """How many clients agreed to receive news (the notices page shows the number, no names)."""
    return int(session.conn.execute("SELECT count(*) FROM clients WHERE marketing_consent = 1").fetchone()[0])
