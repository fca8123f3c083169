"""Every action x every role x every state goes through `lifecycle.advance` exactly as the table says."""

from __future__ import annotations

import pytest
from orders_helpers import force_status, give_consent_row

from maya_desktop.core import audit
from maya_desktop.core.errors import PermissionDenied, StateError
from maya_desktop.core.orders import records
from maya_desktop.core.orders.lifecycle import advance
from maya_desktop.core.orders.model import load_order
from maya_desktop.core.orders.states import TRANSITIONS, Action, Status
from maya_desktop.core.roles import Role, allowed

ROLES = [r.value for r in Role]


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("role", ROLES)
def test_transition_table(shared_clinic, action: Action, role: str) -> None:
    session = shared_clinic.by_role(role)
    rule = TRANSITIONS[action]
    for state in Status:
        order = records.create_order(shared_clinic.reception, 1, "rhinoplasty_analysis")
        force_status(shared_clinic.admin, order.id, state)
        give_consent_row(shared_clinic.admin, order.id, shared_clinic.doctor.staff.id)
        outbox_before = session.conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
        if not allowed(role, rule.permission):
            with pytest.raises(PermissionDenied):
                advance(session, order.id, action)
            assert load_order(session.conn, order.id).status == state
        elif state not in rule.sources:
            with pytest.raises(StateError) as info:
                advance(session, order.id, action)
            assert info.value.message_fa != info.value.message_en  # a Persian message for the GUI
            assert load_order(session.conn, order.id).status == state
        else:
            advance(session, order.id, action)
            assert load_order(session.conn, order.id).status == rule.target
            last = audit.entries(session.conn, object_ref=f"order:{order.id}", limit=1)[0]
            assert last.action == f"order.{action}"
            assert last.details["from"] == state.value and last.details["to"] == rule.target.value
            outbox_after = session.conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
            assert outbox_after == outbox_before + 1  # the event was queued in the same transaction


def test_doctor_actions_need_consent_for_that_doctor(shared_clinic) -> None:
    order = records.create_order(shared_clinic.reception, 1, "rhinoplasty_analysis")
    force_status(shared_clinic.admin, order.id, Status.CONSENTED)
    with pytest.raises(PermissionDenied):
        advance(shared_clinic.doctor, order.id, Action.START_REVIEW)
    assert load_order(shared_clinic.admin.conn, order.id).status == Status.CONSENTED
    denied = audit.entries(shared_clinic.admin.conn, object_ref=f"order:{order.id}", limit=1)[0]
    assert denied.action == "order.access_denied"


def test_every_state_is_reachable_and_ends_in_destroyed() -> None:
    targets = {rule.target for rule in TRANSITIONS.values()} | {Status.DRAFT}
    assert targets == set(Status)
    for state in Status:
        if state != Status.DESTROYED:
            assert any(state in rule.sources for rule in TRANSITIONS.values()), state
    assert all(Status.DESTROYED not in rule.sources for rule in TRANSITIONS.values())


def test_audit_chain_verifies_after_the_table(shared_clinic) -> None:
    assert audit.verify(shared_clinic.admin.conn).ok
