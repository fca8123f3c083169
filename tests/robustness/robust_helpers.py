"""Helpers of the robustness suite (imported by name; tests/robustness is on sys.path)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from maya_desktop.core import blobstore, photos
from maya_desktop.core.orders import consent, delivery, payments, quotes, records
from maya_desktop.core.orders.keys import order_key
from maya_desktop.core.orders.states import Status
from maya_desktop.core.session import Session

PASSWORD = "Correct-Horse-42!"  # same as tests/conftest.py
STEPS = (
    Status.PHOTOS_IMPORTED,
    Status.ANALYZED,
    Status.QUOTED,
    Status.PAID,
    Status.CONSENTED,
    Status.IN_REVIEW,
    Status.DELIVERED,
)


def small_jpeg(path: Path, side: int = 384) -> bytes:
    """A real photo scaled down (fast to decode), as a JPEG."""
    with Image.open(path) as img:
        img = img.convert("RGB")
        img.thumbnail((side, side))
        out = io.BytesIO()
        img.save(out, "JPEG", quality=88)
        return out.getvalue()


def walk(
    reception: Session,
    doctor: Session,
    client_id: int,
    target: Status,
    photo_bytes: list[bytes],
    *,
    analysis: bool = False,
    report: str = "Findings: dorsal hump, wide alar base.",
) -> int:
    """Create an order and walk it through the real API up to `target`. Returns its id."""
    order = records.create_order(reception, client_id, "rhinoplasty_analysis")
    for step in STEPS[: STEPS.index(target) + 1]:
        walk_step(reception, doctor, order.id, step, photo_bytes, analysis=analysis, report=report)
    return order.id


def walk_step(
    reception: Session,
    doctor: Session,
    order_id: int,
    step: Status,
    photo_bytes: list[bytes],
    *,
    analysis: bool = False,
    report: str = "Findings: dorsal hump, wide alar base.",
) -> None:
    if step == Status.PHOTOS_IMPORTED:
        for item in photos.import_photos(reception, order_id, photo_bytes, run_analysis=analysis):
            assert item.error is None, item.error
    elif step == Status.ANALYZED:
        infos = photos.list_photos(reception, order_id)
        views = ("frontal", "profile_left", "profile_right", "oblique_left")
        photos.confirm_views(reception, order_id, {p.id: views[i % 4] for i, p in enumerate(infos)})
        photos.complete_analysis(reception, order_id)
    elif step == Status.QUOTED:
        quotes.issue_quote(reception, order_id)
    elif step == Status.PAID:
        price = records.get_order(reception, order_id).price_rial
        payments.record_payment(reception, order_id, "درگاه سامان", "987654321", price)
    elif step == Status.CONSENTED:
        consent.record_consent(reception, order_id, doctor.staff.id, "signed_form")
    elif step == Status.IN_REVIEW:
        delivery.start_review(doctor, order_id)
    elif step == Status.DELIVERED:
        delivery.write_report(doctor, order_id, report)
        delivery.deliver(doctor, order_id)


def decrypted_files(conn, blobs: Path) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """file_id -> decrypted bytes of every registered order file (keys from `conn`)."""
    out = {}
    rows = conn.execute("SELECT file_id, order_id, kind FROM order_files ORDER BY file_id").fetchall()
    for file_id, order_id, kind in rows:
        out[file_id] = blobstore.read_blob(blobs, order_key(conn, order_id), order_id, file_id, kind)
    return out


def dump(conn) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Schema + every row of every table (sqlcipher3 has no iterdump)."""
    out: dict[str, object] = {"user_version": conn.execute("PRAGMA user_version").fetchone()[0]}
    tables = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    out["schema"] = tables
    for kind, name, sql in tables:
        if kind == "table" and not (sql or "").upper().startswith("CREATE VIRTUAL"):
            out[name] = conn.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
    return out


def raw_conn(db_path: Path, key: bytes):  # type: ignore[no-untyped-def]
    """A read-only look at a database without logging in (no 'login' audit entry is written)."""
    import sqlcipher3

    from maya_desktop.core import db

    conn = sqlcipher3.connect(str(db_path), isolation_level=None)
    conn.execute(db._key_pragma(key))
    conn.execute("PRAGMA query_only = ON")
    return conn
