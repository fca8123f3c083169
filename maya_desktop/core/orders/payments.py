"""Payment records (P4): gateway/terminal name + tracking/reference number + amount + date.

There is no card field anywhere, and every text is passed through the card-number guard.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from maya_desktop.core.db import transaction
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.lifecycle import advance, check
from maya_desktop.core.orders.model import load_order
from maya_desktop.core.orders.records import get_order
from maya_desktop.core.orders.states import Action
from maya_desktop.core.persian import to_ascii_digits
from maya_desktop.core.session import Session
from maya_desktop.core.validation import guard_free_text

GATEWAY_MAX = 60
REFERENCE_MAX = 40
MAX_AMOUNT = 10**13


@dataclass(frozen=True)
class Payment:
    id: int
    order_id: int
    gateway: str
    reference: str | None  # cleared when the order is destroyed
    amount_rial: int
    paid_on: str  # YYYY-MM-DD
    recorded_by: str
    recorded_at: str


def _text(value: str, field: str, limit: int, fa_label: str) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise ValidationError.coded("orders.field_required", field, field=field, fa_label=fa_label)
    if len(text) > limit:
        raise ValidationError.coded("orders.field_too_long", field, field=field, limit=limit, fa_label=fa_label)
    return guard_free_text(text, field)


def _paid_on(value: dt.date | str | None) -> str:
    if value is None:
        return clock.now().date().isoformat()
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(to_ascii_digits(str(value)).strip())
    except ValueError as exc:
        raise ValidationError.coded("orders.payment_date_malformed", "paid_on") from exc
    if isinstance(day, dt.datetime):
        day = day.date()
    if day > clock.now().date() + dt.timedelta(days=1):
        raise ValidationError.coded("orders.payment_date_in_future", "paid_on")
    return day.isoformat()


def record_payment(
    session: Session,
    order_id: int,
    gateway: str,
    reference: str,
    amount_rial: int,
    paid_on: dt.date | str | None = None,
) -> Payment:
    """quoted -> paid. `gateway`: bank gateway / POS terminal name; `reference`: its tracking number."""
    order = load_order(session.conn, order_id)
    check(session, order, Action.PAY)
    gateway = _text(gateway, "gateway", GATEWAY_MAX, "نام درگاه یا پایانه")
    reference = _text(to_ascii_digits(reference or ""), "reference", REFERENCE_MAX, "شمارهٔ پیگیری")
    if isinstance(amount_rial, bool) or not isinstance(amount_rial, int) or not 0 < amount_rial <= MAX_AMOUNT:
        raise ValidationError.coded("orders.amount_positive_whole_number", "amount")
    day = _paid_on(paid_on)
    ts = clock.text()
    with transaction(session.conn):
        cur = session.conn.execute(
            "INSERT INTO payments(order_id, gateway, reference, amount_rial, paid_on, recorded_by, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (order_id, gateway, reference, amount_rial, day, session.actor, ts),
        )
        payment_id = int(cur.lastrowid)
        advance(
            session,
            order_id,
            Action.PAY,
            fields={"paid_at": ts},
            details={
                "payment": payment_id,
                "amount_rial": amount_rial,
                "matches_quote": amount_rial == order.price_rial,
            },
        )
    return Payment(payment_id, order_id, gateway, reference, amount_rial, day, session.actor, ts)


def list_payments(session: Session, order_id: int) -> list[Payment]:
    session.require("orders.write")
    get_order(session, order_id)
    rows = session.conn.execute(
        "SELECT id, order_id, gateway, reference, amount_rial, paid_on, recorded_by, recorded_at FROM payments"
        " WHERE order_id = ? ORDER BY id",
        (order_id,),
    )
    return [Payment(*r) for r in rows]
