"""A signed-in person working on an open vault. Every core operation takes a Session."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from maya_desktop.core import audit
from maya_desktop.core.errors import PermissionDenied
from maya_desktop.core.roles import Role, allowed

if TYPE_CHECKING:
    from maya_desktop.core.vault import Vault


@dataclass(frozen=True)
class StaffMember:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    totp_enabled: bool
    medical_council_no: str | None
    agreement_version: int | None
    agreement_accepted_at: str | None


@dataclass
class Session:
    vault: Vault
    staff: StaffMember
    locked: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def conn(self):  # type: ignore[no-untyped-def]
        return self.vault.conn

    @property
    def actor(self) -> str:
        return self.staff.username

    @property
    def role(self) -> Role:
        return self.staff.role

    def audit(self, action: str, object_ref: str = "", details: dict[str, Any] | None = None) -> int:
        return audit.append(self.conn, self.actor, action, object_ref, details)

    @property
    def vault_locked(self) -> bool:
        """This session is locked, or shares the key buffer of a vault that was locked (a worker's session:
        its own connection may still be open, but nothing may be read or decrypted through it)."""
        return self.locked or not getattr(self.vault, "key", True)

    def require(self, permission: str) -> None:
        """Raise PermissionDenied (and audit the attempt) unless this person's role holds `permission`."""
        if self.vault_locked:
            raise PermissionDenied.coded("vault.locked")
        if not allowed(self.role, permission):
            self.audit("permission.denied", "", {"permission": permission, "role": str(self.role)})
            raise PermissionDenied(
                f"Your role ({self.role}) may not do this.",  # the permission's name goes to the audit log only
                "نقش شما اجازهٔ این کار را ندارد.",
            )
