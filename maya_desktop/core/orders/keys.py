"""Per-order data keys. Deleting the row (secure_delete is ON) crypto-shreds every file of the order.

The key sits in `order_keys` inside the SQLCipher database, so at rest it is wrapped by the DB key;
it is never written anywhere else and never logged. `key_id` is a random label for receipts.
"""

from __future__ import annotations

import secrets
from typing import Any

from maya_desktop.core.crypto import random_key
from maya_desktop.core.errors import StateError
from maya_desktop.core.orders import clock


def create_order_key(conn: Any, order_id: int) -> str:
    """Make the order's random 256-bit key (inside the caller's transaction). Returns its key id."""
    key_id = "k_" + secrets.token_hex(8)
    conn.execute(
        "INSERT INTO order_keys(order_id, key_id, data_key, created_at) VALUES (?, ?, ?, ?)",
        (order_id, key_id, random_key(), clock.text()),
    )
    return key_id


def order_key(conn: Any, order_id: int) -> bytes:
    row = conn.execute("SELECT data_key FROM order_keys WHERE order_id = ?", (order_id,)).fetchone()
    if row is None:
        raise StateError(
            "This order's files were destroyed; nothing can be decrypted.",
            "فایل‌های این سفارش نابود شده‌اند و دیگر قابل بازگشایی نیستند.",
        )
    return bytes(row[0])


def key_id(conn: Any, order_id: int) -> str | None:
    row = conn.execute("SELECT key_id FROM order_keys WHERE order_id = ?", (order_id,)).fetchone()
    return None if row is None else str(row[0])
