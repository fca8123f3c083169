"""A manager's network administration (issue 14) as named operations: the paired workstations (name, last
seen, certificate fingerprint), a one-time pairing code, revoking a workstation.

They run where the vault is: on the vault host when the manager's window is on a workstation (the host runs
them in that manager's session, like every operation), or in the single-PC app on the host's own PC. Either
way they read and write the host's registry files (<data dir>/network/, network.registry); the running host
re-reads them, so a revocation refuses that workstation's very next request, whichever process made it.
Roles are checked in core (`network.manage`: managers); each code and each revocation is audited, without
the code itself. Registered when this module is imported (the host, and the window that uses them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from maya_desktop.core.errors import NotFound, ValidationError
from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.session import Session
from maya_desktop.network.pki import HostPki
from maya_desktop.network.registry import CODE_MINUTES, Registry, ensure_folder, folder_of

PERMISSION = "network.manage"


@dataclass(frozen=True)
class WorkstationRow:
    id: str
    name: str
    fingerprint: str
    paired_at: str  # ISO instants in UTC
    paired_by: str
    last_seen: str | None  # the host's last request from it (to the minute), None if never
    revoked_at: str | None = None
    revoked_by: str | None = None


@dataclass(frozen=True)
class NetworkState:
    hosting: bool  # this vault has a host certificate (`maya-desktop serve` ran, or a code was made)
    host_fingerprint: str | None
    workstations: tuple[WorkstationRow, ...]


@dataclass(frozen=True)
class NewPairingCode:
    name: str  # what the workstation will be called (e.g. "reception 1")


@dataclass(frozen=True)
class PairingCode:
    code: str = field(repr=False)  # one use, CODE_MINUTES; shown to the manager once, never logged
    name: str
    host_fingerprint: str
    minutes: int


@dataclass(frozen=True)
class WorkstationRef:
    workstation: str  # its id


def _registry(session: Session) -> tuple[Registry, HostPki]:
    folder = folder_of(session.vault.data_dir.root)
    return Registry(folder), HostPki(folder)


@operation("network.workstations")
def workstations(session: Session, request: NoRequest) -> NetworkState:
    session.require(PERMISSION)
    registry, pki = _registry(session)
    seen = registry.last_seen()
    rows = tuple(
        WorkstationRow(
            s.id, s.name, s.fingerprint, s.paired_at, s.paired_by, seen.get(s.id), s.revoked_at, s.revoked_by
        )
        for s in registry.all()
    )
    hosting = pki.exists()
    return NetworkState(hosting, pki.host_fingerprint() if hosting else None, rows)


@operation("network.pairing_code", changes={"network", "audit"})
def pairing_code(session: Session, request: NewPairingCode) -> PairingCode:
    session.require(PERMISSION)
    name = request.name.strip()
    if not 0 < len(name) <= 60:
        raise ValidationError(
            "Give the workstation a name (at most 60 characters).",
            "برای رایانه نامی بنویسید (حداکثر ۶۰ نویسه).",
            "name",
        )
    registry, pki = _registry(session)
    ensure_folder(registry.folder)
    pki.ensure()  # the first code on a PC that never served: its clinic CA and host certificate
    code = registry.new_pairing_code(name, session.actor)
    session.audit("network.pairing_code", "", {})
    return PairingCode(code, name, pki.host_fingerprint(), CODE_MINUTES)


@operation("network.revoke", changes={"network", "audit"})
def revoke(session: Session, request: WorkstationRef) -> WorkstationRow:
    session.require(PERMISSION)
    registry, _pki = _registry(session)
    try:
        station = registry.revoke(request.workstation, session.actor)
    except KeyError:
        raise NotFound("No such workstation.", "چنین رایانه‌ای نیست.") from None
    session.audit("network.revoked", f"workstation:{station.id}")
    return WorkstationRow(
        station.id,
        station.name,
        station.fingerprint,
        station.paired_at,
        station.paired_by,
        registry.last_seen().get(station.id),
        station.revoked_at,
        station.revoked_by,
    )
