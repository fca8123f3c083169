"""Manager-editable clinic settings, validated and audited (values here are never personal data).

Which settings a manager edits, their ranges and labels: `core.settings.REGISTRY` (`editable=True`).
"""

from __future__ import annotations

from typing import Any

from maya_desktop.core.db import transaction
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.session import Session
from maya_desktop.core.settings import REGISTRY, Setting, get_setting, set_setting, validate_setting

EDITABLE: dict[str, Setting] = {key: spec for key, spec in REGISTRY.items() if spec.editable}
EDITABLE_INTS: dict[str, Setting] = {key: spec for key, spec in EDITABLE.items() if spec.kind is int}
EDITABLE_BOOLS: dict[str, str] = {key: spec.label_fa for key, spec in EDITABLE.items() if spec.kind is bool}


def read_settings(session: Session) -> dict[str, Any]:
    return {key: get_setting(session.conn, key) for key in EDITABLE}


def update_settings(session: Session, **values: Any) -> dict[str, Any]:
    session.require("settings.manage")
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key not in EDITABLE:
            raise ValidationError.coded("settings.unknown", key, key=key)
        clean[key] = validate_setting(key, value)
    changed = {k: v for k, v in clean.items() if get_setting(session.conn, k) != v}
    with transaction(session.conn):
        for key, value in changed.items():
            set_setting(session.conn, key, value)
        if changed:
            session.audit("settings.changed", "settings", changed)
    return read_settings(session)
