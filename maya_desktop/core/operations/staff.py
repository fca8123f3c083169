"""The staff page's, the account dialog's and the agreement dialog's operations (plain data in and out).

The same operations serve the CLI (`maya-desktop staff ...`). Each is one call into core.staff, which checks
the permission (refusals audited), validates, runs its own transaction and audits. Operations that change
the signed-in person (accepting the agreement, turning on two-step login) return the new `StaffMember`: the
window puts it on its session, so the next operation runs as the person now is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from maya_desktop.core import staff
from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.session import Session, StaffMember


@dataclass(frozen=True)
class StaffList:
    members: tuple[StaffMember, ...]


@dataclass(frozen=True)
class CreateStaff:
    username: str
    display_name: str
    role: str
    password: str = field(repr=False)
    medical_council_no: str | None = None


@dataclass(frozen=True)
class ResetPassword:
    username: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class StaffRef:
    username: str


@dataclass(frozen=True)
class ChangeOwnPassword:
    old_password: str = field(repr=False)
    new_password: str = field(repr=False)


@dataclass(frozen=True)
class TotpEnabled:
    """The otpauth:// URI is shown once to its owner (never logged, never stored outside the vault)."""

    member: StaffMember
    uri: str = field(repr=False)


@operation("staff.list")
def list_staff(session: Session, request: NoRequest) -> StaffList:
    return StaffList(tuple(staff.list_staff(session)))


@operation("staff.create", changes={"staff", "audit"})
def create(session: Session, request: CreateStaff) -> StaffMember:
    return staff.create_staff(
        session,
        request.username,
        request.display_name,
        request.role,
        request.password,
        request.medical_council_no,
    )


@operation("staff.reset_password", changes={"staff", "audit"})
def reset_password(session: Session, request: ResetPassword) -> None:
    staff.reset_password(session, request.username, request.password)


@operation("staff.deactivate", changes={"staff", "audit"})
def deactivate(session: Session, request: StaffRef) -> None:
    """The person's slot goes and the database key rotates (slow: Argon2id for every remaining slot)."""
    staff.deactivate_staff(session, request.username)


@operation("staff.change_own_password", changes={"audit"})
def change_own_password(session: Session, request: ChangeOwnPassword) -> None:
    staff.change_own_password(session, request.old_password, request.new_password)


@operation("staff.enable_totp", changes={"staff", "audit"})
def enable_totp(session: Session, request: NoRequest) -> TotpEnabled:
    uri = staff.enable_totp(session)
    return TotpEnabled(session.staff, uri)


@operation("staff.accept_agreement", changes={"staff", "audit"})
def accept_agreement(session: Session, request: NoRequest) -> StaffMember:
    if session.vault.integrity is not None:
        session.vault.integrity.wait()  # first sign-in: accepting is a write, after the database check
    staff.accept_agreement(session)
    return session.staff
