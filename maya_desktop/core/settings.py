"""Clinic-wide settings kept inside the encrypted database (table `settings`).

Values are stored as JSON text so that ints, bools and strings round-trip.
"""

from __future__ import annotations

import json
from typing import Any

SETTINGS_DDL = """
CREATE TABLE IF NOT EXISTS settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

DEFAULTS: dict[str, Any] = {
    "auto_lock_minutes": 5,
    "language": "fa",
    "retention_days_after_delivery": 7,
    "quote_expiry_days": 14,
    "doctor_sees_contact": False,
    "legal_hold_shown_while_active": False,  # access report: a legal hold is listed once lifted (core/legal/holds)
    "agreement_version": 1,
}


def get_setting(conn: Any, key: str, default: Any = None) -> Any:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None:
        return DEFAULTS.get(key, default) if default is None else default
    return json.loads(row[0])


def set_setting(conn: Any, key: str, value: Any) -> None:
    """Write one setting. The caller owns the transaction (commit)."""
    conn.execute(
        "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )
