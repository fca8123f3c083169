"""Manager-editable clinic settings, validated and audited (values here are never personal data)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from maya_desktop.core.db import transaction
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.persian import to_persian_digits
from maya_desktop.core.session import Session
from maya_desktop.core.settings import get_setting, set_setting


@dataclass(frozen=True)
class IntSetting:
    low: int
    high: int
    label_fa: str


EDITABLE_INTS: dict[str, IntSetting] = {
    "auto_lock_minutes": IntSetting(1, 60, "قفل خودکار پس از (دقیقه)"),
    # The policy promises destruction soon after delivery: a month at most.
    "retention_days_after_delivery": IntSetting(0, 30, "نگهداری پس از تحویل (روز)"),
    "quote_expiry_days": IntSetting(1, 90, "اعتبار پیش‌فاکتور (روز)"),
}
EDITABLE_BOOLS = {
    "doctor_sees_contact": "پزشک شمارهٔ همراه و ایمیل مشتری را ببیند",
    "legal_hold_shown_while_active": "نگهداری قانونی پیش از پایانش در گزارش دسترسی مشتری دیده شود",
}


def read_settings(session: Session) -> dict[str, Any]:
    return {key: get_setting(session.conn, key) for key in (*EDITABLE_INTS, *EDITABLE_BOOLS)}


def update_settings(session: Session, **values: Any) -> dict[str, Any]:
    session.require("settings.manage")
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key in EDITABLE_INTS:
            spec = EDITABLE_INTS[key]
            if isinstance(value, bool) or not isinstance(value, int) or not spec.low <= value <= spec.high:
                raise ValidationError(
                    f"{key} must be a whole number from {spec.low} to {spec.high}.",
                    f"«{spec.label_fa}» باید عددی از {to_persian_digits(spec.low)} تا "
                    f"{to_persian_digits(spec.high)} باشد.",
                    key,
                )
            clean[key] = value
        elif key in EDITABLE_BOOLS:
            clean[key] = bool(value)
        else:
            raise ValidationError(f"Unknown setting {key}.", "این تنظیم وجود ندارد.", key)
    changed = {k: v for k, v in clean.items() if get_setting(session.conn, k) != v}
    with transaction(session.conn):
        for key, value in changed.items():
            set_setting(session.conn, key, value)
        if changed:
            session.audit("settings.changed", "settings", changed)
    return read_settings(session)
