"""Clinic-wide settings kept inside the encrypted database (table `settings`): the one registry of every key.

Values are stored as JSON text so that ints, bools and strings round-trip. Every key any module reads or
writes is declared in `REGISTRY` below (its type, default and, for numbers, its range); `get_setting` and
`set_setting` refuse an undeclared key, and tests/foundation/test_settings_registry.py checks that every key
named in the code is declared. The feature modules keep their accessors (clinic_settings, sync.settings,
notices.config, backup...); they read and write through these two functions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.persian import to_persian_digits

SETTINGS_DDL = """
CREATE TABLE IF NOT EXISTS settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class Setting:
    """One key: the JSON type of its value, the value an unset key reads as, and the checks a value passes.

    `low`/`high` bound an int (every int setting has both); `label_fa` names a manager-editable setting in
    the settings page's messages; `editable` puts it on that page (clinic_settings).
    """

    key: str
    kind: type
    default: Any = None
    low: int | None = None
    high: int | None = None
    label_fa: str = ""
    editable: bool = False


# A family of keys sharing a prefix (one key per notice kind, language and part).
NOTICE_TEMPLATE_PREFIX = "notices.template."

_SETTINGS: tuple[Setting, ...] = (
    # Clinic settings a manager edits (core/clinic_settings.py).
    Setting("auto_lock_minutes", int, 5, 1, 60, "قفل خودکار پس از (دقیقه)", editable=True),
    # The policy promises destruction soon after delivery: a month at most.
    Setting("retention_days_after_delivery", int, 7, 0, 30, "نگهداری پس از تحویل (روز)", editable=True),
    Setting("quote_expiry_days", int, 14, 1, 90, "اعتبار پیش‌فاکتور (روز)", editable=True),
    Setting("doctor_sees_contact", bool, False, label_fa="پزشک شمارهٔ همراه و ایمیل مشتری را ببیند", editable=True),
    # Access report: a legal hold is listed once lifted (core/legal/holds, core/access_log).
    Setting(
        "legal_hold_shown_while_active",
        bool,
        False,
        label_fa="نگهداری قانونی پیش از پایانش در گزارش دسترسی مشتری دیده شود",
        editable=True,
    ),
    Setting("language", str, "fa"),
    # The payment gateways / card terminals reception chooses from (a manager keeps the list, prices page).
    Setting("payments.gateways", list, []),
    Setting("agreement_version", int, 1, 1, 999),
    # Scheduled backups (core/backup.py): the folder (None = off) and how many days a backup is kept.
    Setting("backup.folder", str),
    Setting("backup.retention_days", int, 7, 1, 365),
    # Sync to head office (core/sync/settings.py, core/sync/outbox.py).
    Setting("sync.endpoint", str),
    Setting("sync.token", str),
    Setting("sync.pin_sha256", str),
    Setting("sync.clinic_id", str),
    Setting("sync.workstation_id", str),
    Setting("sync.ca_file", str),
    Setting("sync.last_success_at", str),
    Setting("sync.last_attempt_at", str),
    Setting("sync.last_error", str),
    # Client notices (core/notices/config.py, core/notices/templates.py).
    Setting("notices.email", dict, {}),
    Setting("notices.sms", dict, {}),
    Setting("notices.payment_url", str, ""),
    Setting("notices.templates_reviewed_by", str, ""),
    Setting("notices.templates_reviewed_at", str, ""),
    Setting(NOTICE_TEMPLATE_PREFIX, str, ""),  # notices.template.<kind>.<lang>.<part>: "" = the default text
)
REGISTRY: dict[str, Setting] = {s.key: s for s in _SETTINGS}
# Kept for callers that read the defaults as a mapping.
DEFAULTS: dict[str, Any] = {s.key: s.default for s in _SETTINGS if s.default is not None and not s.key.endswith(".")}


def setting(key: str) -> Setting:
    """The declaration of `key` (a notice template key belongs to its family). KeyError if undeclared."""
    if key.startswith(NOTICE_TEMPLATE_PREFIX):
        return REGISTRY[NOTICE_TEMPLATE_PREFIX]
    try:
        return REGISTRY[key]
    except KeyError:
        raise KeyError(f"setting {key!r} is not declared in core.settings.REGISTRY") from None


def validate_setting(key: str, value: Any) -> Any:
    """The value, checked against its declaration (type, range); ValidationError names the field."""
    spec = setting(key)
    if spec.kind is int:
        if isinstance(value, bool) or not isinstance(value, int) or not _in_range(spec, value):
            raise ValidationError.coded(
                "settings.out_of_range",
                key,
                key=key,
                label=spec.label_fa or key,
                low=spec.low,
                high=spec.high,
                low_fa=to_persian_digits(str(spec.low)),
                high_fa=to_persian_digits(str(spec.high)),
            )
        return value
    if spec.kind is bool:
        return bool(value)
    if value is not None and not isinstance(value, spec.kind):
        raise ValidationError.coded("settings.wrong_type", key, key=key)
    return value


def _in_range(spec: Setting, value: int) -> bool:
    return (spec.low is None or value >= spec.low) and (spec.high is None or value <= spec.high)


def get_setting(conn: Any, key: str, default: Any = None) -> Any:
    """The stored value; when unset, `default` if given, else the declared default."""
    spec = setting(key)
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None:
        if default is not None:
            return default
        return dict(spec.default) if isinstance(spec.default, dict) else spec.default  # never the shared one
    return json.loads(row[0])


def set_setting(conn: Any, key: str, value: Any) -> None:
    """Write one setting (declared key). The caller owns the transaction (commit)."""
    setting(key)
    conn.execute(
        "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )


def delete_setting(conn: Any, key: str) -> None:
    """Forget one setting: it reads as its default again. The caller owns the transaction."""
    setting(key)
    conn.execute("DELETE FROM settings WHERE key = ?", (key,))
