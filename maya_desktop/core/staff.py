"""Staff accounts: create, list, reset password, deactivate (with key rotation), TOTP, agreement."""

from __future__ import annotations

import re
from dataclasses import replace
from importlib import resources

import pyotp

from maya_desktop.core.audit import now_utc
from maya_desktop.core.db import transaction
from maya_desktop.core.errors import DuplicateError, NotFound, ValidationError
from maya_desktop.core.roles import Role
from maya_desktop.core.session import Session, StaffMember
from maya_desktop.core.validation import check_password_strength, validate_person_name
from maya_desktop.core.vault import STAFF_COLUMNS, staff_from_row

USERNAME_RE = re.compile(r"^[a-z][a-z0-9._-]{2,31}$")
AGREEMENT_VERSION = 1


def validate_new_staff(username: str, display_name: str, password: str) -> tuple[str, str]:
    username = username.strip().lower()
    if not USERNAME_RE.match(username):
        raise ValidationError(
            "Username: 3–32 Latin letters, digits, dot, dash or underscore, starting with a letter.",
            "نام کاربری باید ۳ تا ۳۲ حرف لاتین، رقم، نقطه یا خط تیره باشد و با حرف شروع شود.",
            "username",
        )
    display_name = validate_person_name(display_name, "display_name")
    check_password_strength(password, username)
    return username, display_name


def agreement_text(lang: str = "fa", version: int = AGREEMENT_VERSION) -> str:
    name = f"confidentiality_v{version}.{lang}.txt"
    return resources.files("maya_desktop.agreements").joinpath(name).read_text(encoding="utf-8")


def needs_agreement(session: Session) -> bool:
    return (session.staff.agreement_version or 0) < AGREEMENT_VERSION


def accept_agreement(session: Session) -> None:
    ts = now_utc()
    with transaction(session.conn):
        session.conn.execute(
            "UPDATE staff SET agreement_version = ?, agreement_accepted_at = ?, updated_at = ? WHERE id = ?",
            (AGREEMENT_VERSION, ts, ts, session.staff.id),
        )
        session.audit("agreement.accepted", f"staff:{session.actor}", {"version": AGREEMENT_VERSION})
    session.staff = replace(session.staff, agreement_version=AGREEMENT_VERSION, agreement_accepted_at=ts)


def list_staff(session: Session, include_inactive: bool = True) -> list[StaffMember]:
    session.require("staff.manage")
    sql = f"SELECT {STAFF_COLUMNS} FROM staff"
    if not include_inactive:
        sql += " WHERE active = 1"
    return [staff_from_row(r) for r in session.conn.execute(sql + " ORDER BY display_name")]


def get_staff(session: Session, username: str) -> StaffMember:
    row = session.conn.execute(f"SELECT {STAFF_COLUMNS} FROM staff WHERE username = ?", (username,)).fetchone()
    if row is None:
        raise NotFound(f"No staff account '{username}'.", "این حساب کاربری وجود ندارد.")
    return staff_from_row(row)


def create_staff(
    session: Session,
    username: str,
    display_name: str,
    role: Role | str,
    password: str,
    medical_council_no: str | None = None,
) -> StaffMember:
    session.require("staff.manage")
    role = Role(role)
    username, display_name = validate_new_staff(username, display_name, password)
    existing = session.conn.execute("SELECT id FROM staff WHERE username = ?", (username,)).fetchone()
    if existing:
        raise DuplicateError("This username is taken.", "این نام کاربری قبلاً استفاده شده است.", "username", existing[0])
    ts = now_utc()
    with transaction(session.conn):
        session.conn.execute(
            "INSERT INTO staff(username, display_name, role, medical_council_no, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (username, display_name, role.value, (medical_council_no or "").strip() or None, ts, ts),
        )
        session.audit("staff.created", f"staff:{username}", {"role": role.value})
        session.vault.set_slot_password(username, password)  # inside: a failed save rolls the row back
    return get_staff(session, username)


def reset_password(session: Session, username: str, new_password: str) -> None:
    """A manager sets a new password for someone who forgot theirs (re-wraps the key)."""
    session.require("staff.manage")
    member = get_staff(session, username)
    check_password_strength(new_password, member.username)
    with transaction(session.conn):
        session.audit("staff.password_reset", f"staff:{member.username}")
        session.vault.set_slot_password(member.username, new_password)


def change_own_password(session: Session, old_password: str, new_password: str) -> None:
    session.vault.check_password(session.actor, old_password)
    check_password_strength(new_password, session.actor)
    with transaction(session.conn):
        session.audit("staff.password_changed", f"staff:{session.actor}")
        session.vault.set_slot_password(session.actor, new_password, keep_key_pair=True)


def deactivate_staff(session: Session, username: str) -> None:
    """Remove a person: their slot goes and the DB key rotates, so their password opens nothing."""
    session.require("staff.manage")
    member = get_staff(session, username)
    if member.username == session.actor:
        raise ValidationError("You cannot remove your own account.", "نمی‌توانید حساب خودتان را حذف کنید.")
    with transaction(session.conn):
        session.conn.execute(
            "UPDATE staff SET active = 0, totp_secret = NULL, updated_at = ? WHERE id = ?", (now_utc(), member.id)
        )
        session.audit("staff.deactivated", f"staff:{member.username}")
        from maya_desktop.core.orders.keys import withdraw_all  # lazy: orders import the vault's session

        withdraw_all(session.conn, member.id)
    refused = session.vault.remove_slot_and_rotate(member.username)
    if refused:  # planted or altered slots: dropped from the file, the new key was not wrapped for them
        session.audit("keyslots.refused", "", {"slots": refused, "at": "rotation"})


def enable_totp(session: Session) -> str:
    """Turn on two-step login for oneself; returns the otpauth:// URI to show as a QR code once."""
    secret = pyotp.random_base32()
    with transaction(session.conn):
        session.conn.execute("UPDATE staff SET totp_secret = ? WHERE id = ?", (secret, session.staff.id))
        session.audit("staff.totp_enabled", f"staff:{session.actor}")
    session.staff = replace(session.staff, totp_enabled=True)
    return pyotp.TOTP(secret).provisioning_uri(name=session.actor, issuer_name="Maya Desktop")


def verify_unlock(session: Session, password: str) -> None:
    """Unlock after a lock: the same person re-enters their password (core.signin.unlock: re-derives the keys)."""
    from maya_desktop.core.signin import unlock

    unlock(session, password)


def lock(session: Session) -> None:
    """Lock: the connection closes and the keys are zeroed until the same person unlocks (core.signin.lock)."""
    from maya_desktop.core.signin import lock as lock_session

    lock_session(session)
