"""A demo clinic with synthetic clients, for people trying the app, tests and benchmarks.

Every name and number here is generated; none belongs to a real person.
"""

from __future__ import annotations

import random
from pathlib import Path

from maya_desktop.core import audit
from maya_desktop.core.audit import now_utc
from maya_desktop.core.clients import _search_text
from maya_desktop.core.db import transaction
from maya_desktop.core.roles import Role
from maya_desktop.core.session import Session
from maya_desktop.core.staff import accept_agreement, create_staff
from maya_desktop.core.vault import Vault

FIRST_NAMES = (
    "مریم",
    "زهرا",
    "فاطمه",
    "سارا",
    "نگار",
    "الهام",
    "نازنین",
    "شیرین",
    "لیلا",
    "مهسا",
    "پریسا",
    "آزاده",
    "رضا",
    "علی",
    "محمد",
    "حسین",
    "امیر",
    "سعید",
    "مهدی",
    "کاوه",
    "بهرام",
    "آرش",
    "نیما",
    "پویا",
)
LAST_NAMES = (
    "احمدی",
    "محمدی",
    "رضایی",
    "کریمی",
    "حسینی",
    "موسوی",
    "جعفری",
    "صادقی",
    "رحیمی",
    "نوری",
    "کاظمی",
    "تهرانی",
    "شیرازی",
    "اصفهانی",
    "فرهادی",
    "یزدانی",
    "مرادی",
    "قاسمی",
    "سلطانی",
    "باقری",
    "افشار",
    "زمانی",
)
MOBILE_PREFIXES = ("912", "935", "919", "901", "936", "937", "990", "913", "917", "921")


def create_demo_clinic(root: str | Path, password: str, clients: int = 20, seed: int = 7) -> Session:
    """Manager `admin`, receptionist `reception`, doctor `doctor` (all with `password`) + synthetic clients."""
    session = Vault.create(
        root, clinic_name="مجموعهٔ زیبایی مایا (نمایشی)", username="admin", display_name="مدیر نمایشی", password=password
    )
    accept_agreement(session)
    create_staff(session, "reception", "پذیرش نمایشی", Role.RECEPTIONIST, password)
    create_staff(session, "doctor", "دکتر نمایشی", Role.DOCTOR, password, medical_council_no="۱۲۳۴۵")
    add_synthetic_clients(session, clients, seed)
    return session


def synthetic_clients(count: int, seed: int = 7) -> list[tuple[str, str, str, str, bool]]:
    """(first, last, mobile E.164, email, marketing) tuples with unique mobiles and emails."""
    rng = random.Random(seed)  # noqa: S311 - synthetic demo data, not secrets  # nosec B311
    used: set[str] = set()
    rows: list[tuple[str, str, str, str, bool]] = []
    while len(rows) < count:
        mobile = "+98" + rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**7):07d}"
        if mobile in used:
            continue
        used.add(mobile)
        n = len(rows)
        rows.append(
            (
                rng.choice(FIRST_NAMES),
                rng.choice(LAST_NAMES),
                mobile,
                f"client{n}.{seed}@example.com",
                rng.random() < 0.2,
            )
        )
    return rows


def add_synthetic_clients(session: Session, count: int, seed: int = 7) -> None:
    """Bulk insert (one transaction, one audit entry) so a 100,000-client demo takes seconds."""
    session.require("clients.write")
    ts = now_utc()
    with transaction(session.conn):
        session.conn.executemany(
            "INSERT INTO clients(first_name, last_name, mobile, email, marketing_consent, marketing_consent_at,"
            " search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (f, la, m, e, int(mk), ts if mk else None, _search_text(f, la, m, e), ts, ts)
                for f, la, m, e, mk in synthetic_clients(count, seed)
            ),
        )
        audit.append(session.conn, session.actor, "demo.clients_added", "", {"count": count})
