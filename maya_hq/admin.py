"""Enrolment of clinics and HQ staff: what ``maya-hq clinic …`` and ``maya-hq staff add`` do.

Errors are :class:`~maya_desktop.core.errors.ValidationError` (English + Persian, no secrets in them).
"""

from __future__ import annotations

import re
import secrets
import string
from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.sync.contract import UNASSIGNED_CLINIC_ID, load_schema
from maya_hq.db import DEFAULT_RETENTION_DAYS, as_utc, clinics, staff, utcnow
from maya_hq.secrets_store import hash_password, new_token, token_hash

MAX_RETENTION_DAYS = 30  # the desktop's own upper bound (core/clinic_settings.py)
USERNAME = re.compile(r"[a-z][a-z0-9_.-]{1,63}")
MIN_PASSWORD = 12


@dataclass(frozen=True)
class Clinic:
    clinic_id: str
    name: str
    retention_days: int
    revoked: bool
    created_at: str


def _clinic_id_pattern() -> re.Pattern[str]:
    return re.compile(load_schema()["$defs"]["order_event"]["properties"]["clinic_id"]["pattern"])


def new_clinic_id() -> str:
    return "cl_" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))


def add_clinic(
    engine: Engine, name: str, *, clinic_id: str | None = None, retention_days: int = DEFAULT_RETENTION_DAYS
) -> tuple[str, str]:
    """Enrol a clinic. Returns ``(clinic_id, token)``; the token exists only in this return value."""
    clinic_id = clinic_id or new_clinic_id()
    if clinic_id == UNASSIGNED_CLINIC_ID or not _clinic_id_pattern().fullmatch(clinic_id):
        raise ValidationError(
            "The clinic id must be 'cl_' and 3-24 lower-case letters or digits (never five digits in a row).",
            "شناسهٔ درمانگاه باید «cl_» و ۳ تا ۲۴ حرف کوچک لاتین یا رقم باشد (نه پنج رقم پشت سر هم).",
            field="clinic_id",
        )
    name = name.strip()
    if not 1 <= len(name) <= 120:
        raise ValidationError("The clinic name must be 1-120 characters.", "نام درمانگاه باید ۱ تا ۱۲۰ نویسه باشد.")
    if not 0 <= retention_days <= MAX_RETENTION_DAYS:
        raise ValidationError(
            f"Retention must be 0-{MAX_RETENTION_DAYS} days.", f"مدت نگهداری باید ۰ تا {MAX_RETENTION_DAYS} روز باشد."
        )
    token, now = new_token(), utcnow()
    row = {
        "clinic_id": clinic_id,
        "name": name,
        "token_hash": token_hash(token),
        "retention_days": retention_days,
        "created_at": now,
        "token_rotated_at": now,
    }
    try:
        with engine.begin() as conn:
            conn.execute(insert(clinics).values(row))
    except IntegrityError:
        raise ValidationError(
            "A clinic with this id is already enrolled.", "درمانگاهی با این شناسه پیش‌تر ثبت شده است."
        ) from None
    return clinic_id, token


def _unknown_clinic() -> ValidationError:
    return ValidationError("No clinic with this id is enrolled.", "درمانگاهی با این شناسه ثبت نشده است.")


def rotate_token(engine: Engine, clinic_id: str) -> str:
    """A new token for the clinic; the old one stops working at once. Also lifts a revocation."""
    token = new_token()
    with engine.begin() as conn:
        done = conn.execute(
            update(clinics)
            .where(clinics.c.clinic_id == clinic_id)
            .values(token_hash=token_hash(token), token_rotated_at=utcnow(), revoked_at=None)
        )
    if done.rowcount != 1:
        raise _unknown_clinic()
    return token


def revoke(engine: Engine, clinic_id: str) -> None:
    """Refuse the clinic's token from now on (its events stay; they are part of the record)."""
    with engine.begin() as conn:
        done = conn.execute(update(clinics).where(clinics.c.clinic_id == clinic_id).values(revoked_at=utcnow()))
    if done.rowcount != 1:
        raise _unknown_clinic()


def list_clinics(engine: Engine) -> list[Clinic]:
    with engine.connect() as conn:
        rows = conn.execute(select(clinics).order_by(clinics.c.clinic_id)).mappings().all()
    return [
        Clinic(
            r["clinic_id"],
            r["name"],
            r["retention_days"],
            r["revoked_at"] is not None,
            as_utc(r["created_at"]).isoformat(timespec="seconds"),  # type: ignore[union-attr]  # NOT NULL
        )
        for r in rows
    ]


def add_staff(engine: Engine, username: str, password: str) -> None:
    if not USERNAME.fullmatch(username):
        raise ValidationError(
            "User names are 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter.",
            "نام کاربری ۲ تا ۶۴ حرف کوچک لاتین، رقم، «.»، «_» یا «-» است و با حرف شروع می‌شود.",
        )
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            f"The password must be at least {MIN_PASSWORD} characters.",
            f"گذرواژه باید دست‌کم {MIN_PASSWORD} نویسه باشد.",
        )
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(staff).values(username=username, password_hash=hash_password(password), created_at=utcnow())
            )
    except IntegrityError:
        raise ValidationError("This user name is taken.", "این نام کاربری پیش‌تر گرفته شده است.") from None
