"""Who may do what (DESIGN §2). Checked in core by Session.require, not only by hiding buttons."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    MANAGER = "manager"
    RECEPTIONIST = "receptionist"
    DOCTOR = "doctor"


ROLE_LABELS_FA = {Role.MANAGER: "مدیر", Role.RECEPTIONIST: "پذیرش", Role.DOCTOR: "پزشک"}

# permission -> roles that hold it
PERMISSIONS: dict[str, frozenset[Role]] = {
    "staff.manage": frozenset({Role.MANAGER}),
    "audit.read": frozenset({Role.MANAGER}),
    "settings.manage": frozenset({Role.MANAGER}),
    "clients.read": frozenset({Role.MANAGER, Role.RECEPTIONIST}),
    "clients.write": frozenset({Role.MANAGER, Role.RECEPTIONIST}),
    # erasing a client and every order of theirs is the manager's decision (issue 15), not a daily button
    "clients.erase": frozenset({Role.MANAGER}),
    # orders (core/orders): a doctor's reads are further limited to orders with live consent
    "orders.read": frozenset({Role.MANAGER, Role.RECEPTIONIST, Role.DOCTOR}),
    "orders.write": frozenset({Role.MANAGER, Role.RECEPTIONIST}),
    "photos.import": frozenset({Role.MANAGER, Role.RECEPTIONIST}),
    "consent.record": frozenset({Role.MANAGER, Role.RECEPTIONIST}),
    "orders.review": frozenset({Role.DOCTOR}),
    "orders.deliver": frozenset({Role.DOCTOR}),
    "orders.destroy": frozenset({Role.MANAGER, Role.RECEPTIONIST}),
    "orders.purge": frozenset({Role.MANAGER, Role.RECEPTIONIST, Role.DOCTOR}),
    "prices.manage": frozenset({Role.MANAGER}),
    "breakglass": frozenset({Role.MANAGER}),
    # P12: court orders (record, approve with four eyes, scoped export, close); core/legal
    "legal.manage": frozenset({Role.MANAGER}),
    # issue 14: the vault host's workstations (pairing codes, revoking), maya_desktop/network/operations.py
    "network.manage": frozenset({Role.MANAGER}),
}


def allowed(role: str, permission: str) -> bool:
    return Role(role) in PERMISSIONS.get(permission, frozenset())
