"""One registry of settings (core/settings.py, issue 13): every key the code reads or writes is declared,
an undeclared key is refused, and values are checked against their declaration."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.notices.templates import _key as template_key
from maya_desktop.core.settings import REGISTRY, get_setting, set_setting, setting, validate_setting
from tests.conftest import REPO

ACCESSORS = {"get_setting", "set_setting", "delete_setting"}
# Calls whose key is computed; each is a family or a loop over declared keys, named here so a new one is seen.
COMPUTED_KEYS = {
    ("maya_desktop/core/clinic_settings.py", "key"),  # loops over the registry's editable keys
    ("maya_desktop/core/clinic_settings.py", "k"),
    ("maya_desktop/core/notices/config.py", "key"),  # KEY_EMAIL / KEY_SMS, passed in by the two savers
    ("maya_desktop/core/notices/templates.py", "_key(kind, lang, part)"),  # notices.template.<kind>.<lang>.<part>
}
# This file is left out: it names undeclared keys on purpose (the scan does find them: it found them here).
SOURCES = [
    p
    for folder in ("maya_desktop", "bench", "tests")
    for p in sorted((REPO / folder).rglob("*.py"))
    if p != Path(__file__).resolve()
]


def string_constants() -> dict[str, set[str]]:
    """NAME -> the string literals assigned to NAME at module level anywhere in the package."""
    found: dict[str, set[str]] = {}
    for path in (REPO / "maya_desktop").rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            literal = isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            if literal and isinstance(node.value.value, str):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        found.setdefault(target.id, set()).add(node.value.value)
    return found


def setting_calls() -> list[tuple[str, int, ast.expr]]:
    calls = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ACCESSORS:
                calls.append((str(path.relative_to(REPO)), node.lineno, node.args[1]))
    return calls


def test_every_key_read_or_written_anywhere_is_declared() -> None:
    constants = string_constants()
    calls = setting_calls()
    assert len(calls) > 60  # the scan sees the code (core, windows, CLI, tests, bench)
    unknown, computed = [], set()
    for where, line, arg in calls:
        if isinstance(arg, ast.Constant):
            keys = {arg.value}
        elif isinstance(arg, ast.Name | ast.Attribute):
            keys = constants.get(arg.id if isinstance(arg, ast.Name) else arg.attr, set())
            if not keys:
                computed.add((where, ast.unparse(arg)))
        else:
            computed.add((where, ast.unparse(arg)))
            keys = set()
        unknown += [f"{where}:{line}: {key!r}" for key in keys if not _declared(key)]
    assert unknown == []
    assert computed <= COMPUTED_KEYS, computed - COMPUTED_KEYS
    assert _declared(template_key("quote_ready", "fa", "subject"))


def _declared(key: str) -> bool:
    try:
        setting(key)
    except KeyError:
        return False
    return True


def test_an_undeclared_key_is_refused(demo) -> None:
    with pytest.raises(KeyError, match="not declared"):
        get_setting(demo.conn, "auto_lock_minutse")
    with pytest.raises(KeyError, match="not declared"):
        set_setting(demo.conn, "backup.folders", "/tmp")
    assert demo.conn.execute("SELECT count(*) FROM settings WHERE key = 'backup.folders'").fetchone()[0] == 0


def test_unset_keys_read_as_their_declared_default(demo) -> None:
    for key in ("auto_lock_minutes", "quote_expiry_days", "backup.retention_days", "notices.payment_url"):
        assert get_setting(demo.conn, key) == REGISTRY[key].default
    first = get_setting(demo.conn, "notices.email")
    first["host"] = "changed"  # the caller's copy: the declared default stays empty
    assert get_setting(demo.conn, "notices.email") == {}


def test_values_are_checked_against_their_declaration() -> None:
    assert validate_setting("quote_expiry_days", 90) == 90
    for bad in (0, 91, True, "14", 14.0):
        with pytest.raises(ValidationError) as caught:
            validate_setting("quote_expiry_days", bad)
        assert caught.value.field == "quote_expiry_days"
    assert validate_setting("doctor_sees_contact", 1) is True
    with pytest.raises(ValidationError):
        validate_setting("sync.endpoint", 5)


def test_every_number_setting_has_its_range_and_editable_ones_their_label() -> None:
    for spec in REGISTRY.values():
        if spec.kind is int:
            assert spec.low is not None and spec.high is not None and spec.low <= spec.default <= spec.high, spec.key
        if spec.editable:
            assert spec.label_fa, spec.key
