"""Plain helpers shared by the orders tests (imported by name; tests/orders is on sys.path)."""

from __future__ import annotations

import io

from PIL import Image

from maya_desktop.core.orders.states import Status
from maya_desktop.core.session import Session

PASSWORD = "Correct-Horse-42!"  # same as tests/conftest.py (the demo accounts' password)
CARD = "6037 9975 9940 0315"  # Luhn-valid test number (not a real account)


def force_status(session: Session, order_id: int, status: Status) -> None:
    """Test-only shortcut: put an order into a state without walking there."""
    session.conn.execute("UPDATE orders SET status = ? WHERE id = ?", (status.value, order_id))


def give_consent_row(session: Session, order_id: int, doctor_id: int) -> None:
    session.conn.execute(
        "INSERT INTO consents(order_id, doctor_id, method, recorded_by, recorded_at) VALUES (?, ?, 'verbal', 't', 't')",
        (order_id, doctor_id),
    )
    session.conn.execute("UPDATE orders SET doctor_id = ? WHERE id = ?", (doctor_id, order_id))


def jpeg_of(img: Image.Image, **kw: object) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", **kw)
    return out.getvalue()
