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

# Tables: core/migrations/0004_legal.sql, 0005 (managers_at_record) and 0007_legal_hold.sql (legal hold).
