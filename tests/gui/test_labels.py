"""gui/labels.py: every code the GUI shows has English in English mode and today's Persian in Persian mode."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale

from maya_desktop.core.legal.schema import SCOPE_LABELS as LEGAL_SCOPE_FA
from maya_desktop.core.legal.schema import STATE_LABELS as LEGAL_STATE_FA
from maya_desktop.core.orders.consent import METHOD_LABELS_FA, METHODS
from maya_desktop.core.orders.states import STATUS_LABELS_FA, VIEW_LABELS_FA, VIEWS, Service, Status
from maya_desktop.core.roles import ROLE_LABELS_FA, Role
from maya_desktop.gui import labels
from maya_desktop.gui.labels import audit_action_label
from maya_desktop.gui.theme import set_language
from maya_desktop.reports.annotate import GROUP_LABELS_FA, GROUPS

PERSIAN = re.compile("[\u0600-\u06ff]")


@pytest.fixture
def english(qapp):
    direction, locale = qapp.layoutDirection(), QLocale()
    set_language(qapp, "en")
    yield qapp
    set_language(qapp, "fa")
    qapp.setLayoutDirection(direction)
    QLocale.setDefault(locale)


@pytest.fixture
def persian(qapp):
    set_language(qapp, "fa")
    return qapp


def _all_labels() -> dict[str, str]:
    """(kind:code) -> label, for every code of every kind, in the current language."""
    out: dict[str, str] = {}
    out.update({f"status:{s}": labels.status_label(s) for s in Status})
    out.update({f"service:{s}": labels.service_label(s) for s in Service})
    out.update({f"view:{v}": labels.view_label(v) for v in VIEWS})
    out["view:unknown"] = labels.unknown_view_label()
    out.update({f"role:{r}": labels.role_label(r) for r in Role})
    out.update({f"method:{m}": labels.consent_method_label(m) for m in METHODS})
    out.update({f"rule:{r}": labels.destroy_rule_label(r) for r in labels.DESTROY_RULE_LABELS})
    out.update({f"action:{a}": labels.audit_action_label(a) for a in labels.AUDIT_ACTION_LABELS})
    out.update({f"group:{g}": labels.overlay_group_label(g) for g in GROUPS})
    out.update({f"legal-state:{c}": labels.legal_state_label(c) for c in labels.LEGAL_STATE_LABELS})
    out.update({f"legal-scope:{c}": labels.legal_scope_label(c) for c in labels.LEGAL_SCOPE_LABELS})
    return out


def test_persian_texts_match_core():
    assert {str(k): v for k, v in STATUS_LABELS_FA.items()} == labels.STATUS_LABELS
    assert VIEW_LABELS_FA == labels.VIEW_LABELS
    assert METHOD_LABELS_FA == labels.CONSENT_METHOD_LABELS
    assert {str(k): v for k, v in ROLE_LABELS_FA.items()} == labels.ROLE_LABELS
    assert GROUP_LABELS_FA == labels.OVERLAY_GROUP_LABELS
    assert {k: fa for k, (fa, _en) in LEGAL_STATE_FA.items()} == labels.LEGAL_STATE_LABELS
    assert {k: fa for k, (fa, _en) in LEGAL_SCOPE_FA.items()} == labels.LEGAL_SCOPE_LABELS


def test_english_mode_gives_english(english):
    found = _all_labels()
    persian = {key: text for key, text in found.items() if PERSIAN.search(text) or not text.strip()}
    assert not persian, f"not translated to English: {persian}"
    codes = {key: text for key, text in found.items() if text == key.split(":", 1)[1]}
    assert not codes, f"raw codes shown: {codes}"
    assert labels.status_label(Status.IN_REVIEW) == "In doctor review"
    assert labels.role_label(Role.MANAGER) == "Manager"
    assert labels.view_label("frontal") == "Frontal"
    assert audit_action_label("login.failed") == "Failed login"


def test_persian_mode_gives_persian(persian):
    for status in Status:
        assert labels.status_label(status) == STATUS_LABELS_FA[status]
    for view in VIEWS:
        assert labels.view_label(view) == VIEW_LABELS_FA[view]
    for role in Role:
        assert labels.role_label(role) == ROLE_LABELS_FA[role]
    for method in METHODS:
        assert labels.consent_method_label(method) == METHOD_LABELS_FA[method]
    for group in GROUPS:
        assert labels.overlay_group_label(group) == GROUP_LABELS_FA[group]
    assert labels.service_label(Service.CONFIDENTIAL_DOCUMENT) == "سند محرمانه"
    assert labels.service_label("rhinoplasty_analysis") == "تحلیل چهره (جراحی بینی)"
    assert labels.unknown_view_label() == "نمای نامشخص"
    assert labels.destroy_rule_label("retention") == "پایان مهلت نگهداری پس از تحویل"
    assert labels.audit_action_label("login") == "ورود"
    assert audit_action_label("settings.changed") == "تغییر تنظیمات"
    assert all(PERSIAN.search(text) for text in _all_labels().values())


def test_unknown_codes_fall_back_to_the_code(english):
    assert labels.status_label("no_such_state") == "no_such_state"
    assert labels.audit_action_label("order.no_such_action") == "order.no_such_action"
    assert labels.view_label(None) == ""
    assert labels.view_label("sideways", unknown=labels.unknown_view_label()) == "Unknown view"


def test_every_audit_action_the_program_writes_has_a_name():
    """A new audit action without a Persian/English name would show as a raw code to the manager."""
    import re
    from pathlib import Path

    from maya_desktop.core.orders.states import Action

    root = Path(labels.__file__).resolve().parents[1]
    pattern = re.compile(r"(?:\.audit\(|audit\.append\(\s*\w+(?:\.\w+)?,\s*[\w.]+,)\s*\"([a-z_]+\.[a-z_.]+|[a-z_]+)\"")
    written = {m.group(1) for path in root.rglob("*.py") for m in pattern.finditer(path.read_text(encoding="utf-8"))}
    written |= {f"order.{action.value}" for action in Action}
    assert len(written) > 30
    assert sorted(written - set(labels.AUDIT_ACTION_LABELS)) == []
