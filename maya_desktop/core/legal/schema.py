"""The legal-requests table (migration 4, appended to core.migrations.MIGRATIONS) and its vocabulary."""

from __future__ import annotations

import json
from dataclasses import dataclass

# What a court may ask for. Stored in `legal_requests.scope` as JSON {"kinds": [...], "orders": [...] | null}.
SCOPE_KINDS: tuple[str, ...] = ("identity", "orders", "photos", "reports", "documents", "history")
SCOPE_LABELS: dict[str, tuple[str, str]] = {
    "identity": ("هویت مشتری (نام، شمارهٔ همراه، ایمیل)", "Client identity (name, mobile, email)"),
    "orders": ("مشخصات سفارش‌ها و پرداخت‌ها", "Order metadata and payments"),
    "photos": ("عکس‌ها", "Photos"),
    "reports": ("گزارش پزشک (یافته‌ها و PDF امضاشده)", "Doctor's report (findings and signed PDF)"),
    "documents": ("اسناد محرمانه", "Confidential documents"),
    "history": ("سابقهٔ رضایت و دسترسی", "Consent and access history"),
}


@dataclass(frozen=True)
class Scope:
    """What the court asked for: data kinds (SCOPE_KINDS), optionally only some of the client's orders."""

    kinds: tuple[str, ...]
    order_ids: tuple[int, ...] | None = None  # None: every order of the client (destroyed ones included)

    def includes(self, kind: str) -> bool:
        return kind in self.kinds

    def to_json(self) -> str:
        return json.dumps(
            {"kinds": list(self.kinds), "orders": None if self.order_ids is None else list(self.order_ids)},
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> Scope:
        data = json.loads(text)
        orders = data.get("orders")
        return cls(tuple(data.get("kinds", ())), None if orders is None else tuple(int(o) for o in orders))


STATES: tuple[str, ...] = ("recorded", "approved", "exported", "closed", "refused")
STATE_LABELS: dict[str, tuple[str, str]] = {
    "recorded": ("ثبت شد، در انتظار تأیید", "Recorded, awaiting approval"),
    "approved": ("تأیید شد", "Approved"),
    "exported": ("تحویل داده شد", "Exported"),
    "closed": ("بسته شد", "Closed"),
    "refused": ("رد شد", "Refused"),
}

LEGAL_DDL = """
CREATE TABLE IF NOT EXISTS legal_requests (
    id              INTEGER PRIMARY KEY,
    court           TEXT NOT NULL,
    case_number     TEXT NOT NULL,
    letter_date     TEXT NOT NULL,
    client_id       INTEGER REFERENCES clients(id) ON DELETE SET NULL,
    scope           TEXT NOT NULL,
    notes           TEXT NOT NULL DEFAULT '',
    state           TEXT NOT NULL CHECK (state IN ('recorded', 'approved', 'exported', 'closed', 'refused')),
    recorded_by     INTEGER NOT NULL REFERENCES staff(id),
    recorded_at     TEXT NOT NULL,
    approved_by     INTEGER REFERENCES staff(id),
    approved_at     TEXT,
    self_approved   INTEGER NOT NULL DEFAULT 0,
    refused_by      INTEGER REFERENCES staff(id),
    refused_at      TEXT,
    refusal_reason  TEXT,
    exported_by     INTEGER REFERENCES staff(id),
    exported_at     TEXT,
    export_files    INTEGER,
    export_sha256   TEXT,
    closed_by       INTEGER REFERENCES staff(id),
    closed_at       TEXT,
    CHECK (approved_by IS NULL OR approved_by != recorded_by OR self_approved = 1),
    CHECK (state IN ('recorded', 'refused') OR approved_by IS NOT NULL)
);
CREATE INDEX IF NOT EXISTS legal_requests_client ON legal_requests(client_id);
CREATE INDEX IF NOT EXISTS legal_requests_state ON legal_requests(state);
"""

# Legal hold (core/legal/holds.py): a request may hold the client's data against destruction from the
# moment a manager places the hold (when recording or approving) until the request is closed or refused.
# `legal_hold_deferrals`: a destruction that was due (or asked for) while held, one row per order or
# client ("order:N" / "client:N"); it is written, and audited, once, and carried out when the hold ends.
HOLD_DDL = """
ALTER TABLE legal_requests ADD COLUMN hold_placed_at TEXT;
ALTER TABLE legal_requests ADD COLUMN hold_placed_by INTEGER REFERENCES staff(id);
ALTER TABLE legal_requests ADD COLUMN hold_lifted_at TEXT;
ALTER TABLE legal_requests ADD COLUMN hold_lifted_by INTEGER REFERENCES staff(id);
CREATE TABLE IF NOT EXISTS legal_hold_deferrals (
    object_ref   TEXT PRIMARY KEY,
    rule         TEXT NOT NULL,
    request_id   INTEGER NOT NULL REFERENCES legal_requests(id),
    deferred_at  TEXT NOT NULL
);
"""
