"""Enrolment of clinics, their workstations and HQ staff: what ``maya-hq clinic …``, ``maya-hq workstation …``
and ``maya-hq staff add`` do.

Errors are :class:`~maya_desktop.core.errors.ValidationError` (English + Persian, no secrets in them).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import string
from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.sync.contract import UNASSIGNED_CLINIC_ID, load_schema, new_workstation_id
from maya_hq.db import DEFAULT_RETENTION_DAYS, as_utc, clinics, staff, utcnow, workstation_tokens
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


@dataclass(frozen=True)
class Workstation:
    workstation_id: str
    revoked: bool
    created_at: str


def _contract_pattern(name: str) -> re.Pattern[str]:
    return re.compile(load_schema()["$defs"]["order_event"]["properties"][name]["pattern"])


def _clinic_id_pattern() -> re.Pattern[str]:
    return _contract_pattern("clinic_id")


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


def _clinic_exists(conn, clinic_id: str) -> None:  # type: ignore[no-untyped-def]
    if conn.execute(select(clinics.c.clinic_id).where(clinics.c.clinic_id == clinic_id)).first() is None:
        raise _unknown_clinic()


def add_workstation(engine: Engine, clinic_id: str, workstation_id: str | None = None) -> tuple[str, str]:
    """Enrol one workstation of a clinic with its own token: it may post only events carrying its
    ``workstation_id``. Adding an enrolled workstation again issues a new token and lifts a revocation.
    Returns ``(workstation_id, token)``; the token exists only in this return value."""
    workstation_id = workstation_id or new_workstation_id()
    if not _contract_pattern("workstation_id").fullmatch(workstation_id):
        raise ValidationError(
            "The workstation id must be 'ws_' and 16 characters a-z or 2-7, as the desktop shows it.",
            "شناسهٔ ایستگاه کاری باید «ws_» و ۱۶ نویسه از a تا z یا ۲ تا ۷ باشد، همان‌گونه که برنامهٔ رومیزی نشان می‌دهد.",
            field="workstation_id",
        )
    token, now = new_token(), utcnow()
    with engine.begin() as conn:
        _clinic_exists(conn, clinic_id)
        done = conn.execute(
            update(workstation_tokens)
            .where(workstation_tokens.c.clinic_id == clinic_id, workstation_tokens.c.workstation_id == workstation_id)
            .values(token_hash=token_hash(token), revoked_at=None)
        )
        if done.rowcount == 0:
            conn.execute(insert(workstation_tokens).values(
                clinic_id=clinic_id, workstation_id=workstation_id, token_hash=token_hash(token), created_at=now
            ))
    return workstation_id, token


def revoke_workstation(engine: Engine, clinic_id: str, workstation_id: str) -> None:
    """Refuse the workstation from now on: its token, and its events under the clinic's token too. The
    clinic's other workstations go on."""
    with engine.begin() as conn:
        _clinic_exists(conn, clinic_id)
        done = conn.execute(
            update(workstation_tokens)
            .where(workstation_tokens.c.clinic_id == clinic_id, workstation_tokens.c.workstation_id == workstation_id)
            .values(revoked_at=utcnow())
        )
    if done.rowcount != 1:
        raise ValidationError("No workstation with this id is enrolled for this clinic.",
                              "ایستگاه کاری با این شناسه برای این درمانگاه ثبت نشده است.")


def list_workstations(engine: Engine, clinic_id: str) -> list[Workstation]:
    with engine.connect() as conn:
        _clinic_exists(conn, clinic_id)
        rows = conn.execute(select(workstation_tokens).where(workstation_tokens.c.clinic_id == clinic_id)
                            .order_by(workstation_tokens.c.workstation_id)).mappings().all()
    return [Workstation(r["workstation_id"], r["revoked_at"] is not None, _iso(r["created_at"])) for r in rows]


def _iso(moment: dt.datetime | None) -> str:
    stamped = as_utc(moment)
    return stamped.isoformat(timespec="seconds") if stamped is not None else ""


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
