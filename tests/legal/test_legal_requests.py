"""Legal requests (P12) in core: managers only, four eyes, states, validation, one transaction per step."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re

import pytest

from maya_desktop.core import audit
from maya_desktop.core.db import IntegrityError
from maya_desktop.core.errors import PermissionDenied, StateError, ValidationError
from maya_desktop.core.legal.export import export_request
from maya_desktop.core.legal.requests import (
    Scope,
    approve_request,
    close_request,
    get_request,
    list_requests,
    may_approve,
    refuse_request,
)
from tests.legal.conftest import CARD, CASE, COURT, World, approved, assert_refused_and_audited, record

PERSIAN = re.compile("[\u0600-\u06ff]")


def _count(session) -> int:  # type: ignore[no-untyped-def]
    return session.conn.execute("SELECT count(*) FROM legal_requests").fetchone()[0]


def _actions(session, ref: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.action for e in reversed(audit.entries(session.conn, object_ref=ref, limit=200))]


@pytest.mark.parametrize("role", ["receptionist", "doctor"])
def test_only_managers_and_every_refusal_is_audited(world: World, usb, role: str):
    pending = approved(world.admin, world)
    session = world.clinic.by_role(role)
    before = _count(world.admin)
    calls = [
        lambda: record(session, world),
        lambda: list_requests(session),
        lambda: get_request(session, pending.id),
        lambda: approve_request(session, pending.id),
        lambda: refuse_request(session, pending.id, "no"),
        lambda: export_request(session, pending.id, usb),
        lambda: close_request(session, pending.id),
    ]
    assert_refused_and_audited(world, session, calls)
    assert _count(world.admin) == before and get_request(world.admin, pending.id).state == "approved"
    assert list(usb.iterdir()) == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"court": "  "}, "court"),
        ({"court": "دادگاه " + CARD}, "court"),
        ({"case_number": ""}, "case_number"),
        ({"case_number": CARD.replace(" ", "")}, "case_number"),
        ({"notes": "کارت مشتری " + CARD}, "notes"),
        ({"notes": "x" * 2001}, "notes"),
        ({"letter_date": dt.date.today() + dt.timedelta(days=2)}, "letter_date"),
        ({"letter_date": dt.date(1990, 1, 1)}, "letter_date"),
        ({"letter_date": "1403/05/11"}, "letter_date"),
        ({"kinds": ()}, "scope"),
        ({"kinds": ("photos", "everything")}, "scope"),
        ({"orders": "other"}, "scope"),  # an order of client B
        ({"orders": ()}, "scope"),
        ({"client_id": 99999}, "client"),
    ],
)
def test_bad_input_is_refused_in_persian_and_nothing_is_stored(world: World, changes: dict, field: str):
    kinds = changes.pop("kinds", ("photos",))
    orders = changes.pop("orders", None)
    if orders == "other":
        orders = (world.delivered, world.other)
    with pytest.raises(ValidationError) as raised:
        record(world.admin, world, kinds=kinds, orders=orders, **changes)
    assert raised.value.field == field
    assert PERSIAN.search(raised.value.message_fa)
    assert "0315" not in raised.value.message_fa and "0315" not in raised.value.message_en  # never echoed
    assert _count(world.admin) == 0
    assert "legal.recorded" not in _actions(world.admin, f"client:{world.a.id}")


def test_recorded_request_keeps_what_was_typed_and_audits_no_text(world: World):
    request = record(world.admin, world, kinds=("reports", "photos", "photos"[:6]), orders=(world.delivered,))
    assert request.state == "recorded" and request.court == COURT and request.case_number == CASE
    assert request.letter_date == dt.date(2024, 8, 1) and request.client_name == "ترانه شایگان"
    assert request.scope == Scope(("photos", "reports"), (world.delivered,))  # canonical order
    assert request.recorded_by == "مدیر نمایشی" and request.approved_at is None
    entry = audit.entries(world.admin.conn, object_ref=f"client:{world.a.id}", limit=1)[0]
    assert entry.action == "legal.recorded"
    assert entry.details == {"request": request.id, "kinds": ["photos", "reports"], "orders": 1}
    text = json.dumps(entry.details, ensure_ascii=False)
    assert COURT not in text and CASE not in text and "ترانه" not in text


def test_four_eyes_with_two_active_managers(world: World, manager2, usb):
    request = record(world.admin, world)
    assert not may_approve(world.admin, request) and may_approve(manager2, request)
    with pytest.raises(PermissionDenied) as raised:
        approve_request(world.admin, request.id)
    assert "مدیر دیگری" in raised.value.message_fa
    denial = audit.entries(world.admin.conn, object_ref=f"legal:{request.id}", limit=1)[0]
    assert denial.action == "legal.approval_denied" and denial.details["reason"] == "four_eyes"
    assert get_request(world.admin, request.id).state == "recorded"

    done = approve_request(manager2, request.id)
    assert done.state == "approved" and done.approved_by == "مدیر دوم" and not done.self_approved
    entry = audit.entries(world.admin.conn, object_ref=f"client:{world.a.id}", limit=1)[0]
    assert (entry.action, entry.actor, entry.details["self_approved"]) == ("legal.approved", "manager2", False)
    # and the one who approved may export (any manager), the recorder too
    assert export_request(world.admin, request.id, usb).files


def test_a_single_manager_may_approve_but_it_is_marked_self_approved(world: World):
    request = record(world.admin, world)
    assert may_approve(world.admin, request)
    done = approve_request(world.admin, request.id)
    assert done.self_approved and done.approved_by_id == done.recorded_by_id
    assert audit.entries(world.admin.conn, object_ref=f"client:{world.a.id}", limit=1)[0].details["self_approved"]
    # the table itself refuses an unmarked approval by the recorder
    other = record(world.admin, world)
    with pytest.raises(IntegrityError):
        world.admin.conn.execute(
            "UPDATE legal_requests SET state = 'approved', approved_by = recorded_by, self_approved = 0 WHERE id = ?",
            (other.id,),
        )


def test_when_the_second_manager_leaves_the_remaining_one_self_approves_new_requests(world: World, manager2):
    """Self-approval depends on the managers active when the request was *recorded*: deactivating the
    other manager afterwards does not open it (that was a four-eyes bypass), a request recorded since does."""
    from maya_desktop.core.staff import deactivate_staff

    request = record(world.admin, world)
    assert request.managers_at_record == 2
    with pytest.raises(PermissionDenied):
        approve_request(world.admin, request.id)
    deactivate_staff(world.admin, "manager2")
    assert not may_approve(world.admin, get_request(world.admin, request.id))
    with pytest.raises(PermissionDenied) as raised:
        approve_request(world.admin, request.id)
    assert "چهار چشم" in raised.value.message_fa
    assert get_request(world.admin, request.id).state == "recorded"
    later = record(world.admin, world)
    assert later.managers_at_record == 1
    assert approve_request(world.admin, later.id).self_approved


def test_states_and_refusal(world: World, usb):
    request = record(world.admin, world)
    with pytest.raises(StateError):
        export_request(world.admin, request.id, usb)
    with pytest.raises(StateError):
        close_request(world.admin, request.id)
    with pytest.raises(ValidationError) as raised:
        refuse_request(world.admin, request.id, " ")
    assert raised.value.field == "reason"
    with pytest.raises(ValidationError):
        refuse_request(world.admin, request.id, "شماره " + CARD)
    refused = refuse_request(world.admin, request.id, "نامه مهر دادگاه ندارد")
    assert refused.state == "refused" and refused.refusal_reason == "نامه مهر دادگاه ندارد"
    for step in (
        lambda: approve_request(world.admin, request.id),
        lambda: export_request(world.admin, request.id, usb),
    ):
        with pytest.raises(StateError) as state:
            step()
        assert "رد شد" in state.value.message_fa
    assert list(usb.iterdir()) == []

    done = approved(world.admin, world)
    with pytest.raises(StateError):
        approve_request(world.admin, done.id)
    export_request(world.admin, done.id, usb)
    with pytest.raises(StateError):
        refuse_request(world.admin, done.id, "too late")
    closed = close_request(world.admin, done.id)
    assert closed.state == "closed" and closed.closed_by == "مدیر نمایشی"
    with pytest.raises(StateError):
        export_request(world.admin, done.id, usb)
    client_actions = [a for a in _actions(world.admin, f"client:{world.a.id}") if a.startswith("legal.")]
    assert client_actions == [
        "legal.recorded",
        "legal.refused",
        "legal.recorded",
        "legal.approved",
        "legal.export_started",
        "legal.exported",
        "legal.closed",
    ]
    assert [r.id for r in list_requests(world.admin)] == [done.id, request.id]
    assert [r.id for r in list_requests(world.admin, state="refused")] == [request.id]
    assert audit.verify(world.admin.conn).ok


def test_change_and_audit_entry_are_one_transaction(world: World, monkeypatch):
    """If the audit entry cannot be written, the approval does not happen either."""
    from maya_desktop.core import session as session_mod

    request = record(world.admin, world)
    real = session_mod.audit.append

    def failing(conn, actor, action, object_ref="", details=None):  # type: ignore[no-untyped-def]
        if action == "legal.approved":
            raise OSError("disk full")
        return real(conn, actor, action, object_ref, details)

    monkeypatch.setattr(session_mod.audit, "append", failing)
    with pytest.raises(OSError):
        approve_request(world.admin, request.id)
    monkeypatch.undo()
    assert get_request(world.admin, request.id).state == "recorded"
    assert approve_request(world.admin, request.id).state == "approved"
    assert audit.verify(world.admin.conn).ok


def test_no_sync_events_and_nothing_in_the_logs(world: World, usb, caplog):
    caplog.set_level(logging.DEBUG)
    outbox = world.admin.conn.execute("SELECT count(*), max(id) FROM sync_outbox").fetchone()
    request = approved(world.admin, world, kinds=("identity", "orders", "photos", "history"))
    export_request(world.admin, request.id, usb)
    close_request(world.admin, request.id)
    assert world.admin.conn.execute("SELECT count(*), max(id) FROM sync_outbox").fetchone() == outbox
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for secret in (COURT, CASE, world.a.first_name, world.a.last_name, world.a.mobile, world.a.email):
        assert secret not in logged


def test_erased_client_cannot_be_exported_and_the_request_remains(world: World, usb):
    from maya_desktop.core.clients import erase_client

    request = approved(world.admin, world)
    erase_client(world.admin, world.a.id)  # a manager's action (issue 15)
    kept = get_request(world.admin, request.id)
    assert kept.client_id is None and kept.client_name == "" and kept.state == "approved"
    with pytest.raises(StateError):
        export_request(world.admin, request.id, usb)
    assert refuse_request(world.admin, request.id, "مشتری پیش‌تر حذف شده است").state == "refused"
    assert audit.entries(world.admin.conn, limit=1)[0].object_ref == f"legal:{request.id}"
    assert list(usb.iterdir()) == [] and audit.verify(world.admin.conn).ok


def test_export_needs_the_confidentiality_agreement(world: World, login, usb):
    from maya_desktop.core.roles import Role
    from maya_desktop.core.staff import accept_agreement, create_staff

    create_staff(world.admin, "manager3", "مدیر سوم", Role.MANAGER, "Correct-Horse-42!")
    fresh = login("manager3")
    request = record(world.admin, world)
    approve_request(fresh, request.id)  # approving reads no client file
    with pytest.raises(PermissionDenied):
        export_request(fresh, request.id, usb)
    assert (
        audit.entries(world.admin.conn, object_ref=f"client:{world.a.id}", limit=1)[0].action == "legal.export_denied"
    )
    assert list(usb.iterdir()) == []
    accept_agreement(fresh)
    assert export_request(fresh, request.id, usb).folder.is_dir()
