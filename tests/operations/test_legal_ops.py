"""The legal page's operations on a real vault (P12): record, the four eyes in `approvable`, approve, export,
hold, refuse, close; refusals are core's typed errors and nothing is stored half-way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from maya_desktop.core.errors import PermissionDenied, StateError, ValidationError
from maya_desktop.core.legal.requests import get_request, list_requests
from maya_desktop.core.operations import OperationExecutor, get
from maya_desktop.core.operations.catalogue import ClientRef, NoRequest
from maya_desktop.core.operations.legal import ExportLegalRequest, LegalRef, RecordLegalRequest, RefuseLegalRequest
from maya_desktop.core.orders import records
from maya_desktop.core.orders.states import Status
from maya_desktop.core.settings import set_setting
from tests.legal.conftest import CASE, COURT, World, manager2, usb, world  # noqa: F401  (fixtures)


@pytest.fixture
def ops(world: World) -> Iterator[OperationExecutor]:  # noqa: F811
    executor = OperationExecutor(world.admin)
    yield executor
    executor.shutdown()


def _record(world: World, **changes) -> RecordLegalRequest:  # type: ignore[no-untyped-def]  # noqa: F811
    values = {
        "client_id": world.a.id,
        "court": COURT,
        "case_number": CASE,
        "letter_date": dt.date(2024, 8, 1),
        "kinds": ("photos", "reports"),
        "order_ids": (world.delivered,),
        "notes": "نامه در دبیرخانه ثبت شد",
        "hold": False,
    }
    values.update(changes)
    return RecordLegalRequest(**values)


def test_every_step_changes_legal_and_the_hold_steps_orders() -> None:
    for name in ("legal.record", "legal.approve", "legal.refuse", "legal.close", "legal.hold"):
        assert get(name).changes == frozenset({"legal", "orders", "audit"}), name
    assert get("legal.export").changes == frozenset({"legal", "audit"})
    assert get("legal.list").changes == frozenset() and get("legal.client_orders").changes == frozenset()


def test_record_approve_export_close(world: World, ops: OperationExecutor, usb: Path) -> None:  # noqa: F811
    orders = ops.call("legal.client_orders", ClientRef(world.a.id))
    assert {o.id for o in orders} == {world.delivered, world.destroyed, world.document}
    with pytest.raises(ValidationError) as refused:  # the form's order: the date before the client
        ops.call("legal.record", _record(world, letter_date=None, client_id=0))
    assert refused.value.field == "letter_date"
    with pytest.raises(ValidationError) as refused:
        ops.call("legal.record", _record(world, client_id=0))
    assert refused.value.field == "client"
    assert not list_requests(world.admin)
    recorded = ops.call("legal.record", _record(world))
    listed = ops.call("legal.list", NoRequest())
    assert [r.id for r in listed.requests] == [recorded.id] and listed.approvable == (recorded.id,)  # the only manager
    approved = ops.call("legal.approve", LegalRef(recorded.id))
    assert approved.state == "approved" and approved.self_approved
    assert ops.call("legal.list", NoRequest()).approvable == ()
    exported = ops.call("legal.export", ExportLegalRequest(recorded.id, str(usb)))
    folder = Path(exported.folder)
    assert folder.parent == usb and exported.name == folder.name == "maya-legal-request-0001"
    assert exported.files == len([p for p in folder.rglob("*") if p.is_file()]) == 7
    assert exported.orders == (world.delivered,)
    assert get_request(world.admin, recorded.id).export_sha256 == exported.sums_sha256
    closed = ops.call("legal.close", LegalRef(recorded.id))
    assert closed.state == "closed"
    with pytest.raises(StateError):
        ops.call("legal.export", ExportLegalRequest(recorded.id, str(usb)))


def test_four_eyes_shows_in_approvable_and_is_refused(world: World, ops: OperationExecutor, manager2) -> None:  # noqa: F811
    recorded = ops.call("legal.record", _record(world))
    assert ops.call("legal.list", NoRequest()).approvable == ()
    with pytest.raises(PermissionDenied):
        ops.call("legal.approve", LegalRef(recorded.id))
    theirs = OperationExecutor(manager2)
    try:
        assert theirs.call("legal.list", NoRequest()).approvable == (recorded.id,)
        assert theirs.call("legal.approve", LegalRef(recorded.id)).approved_by == "مدیر دوم"
    finally:
        theirs.shutdown()


def test_hold_then_refuse_lifts_it_and_due_destruction_runs(world: World, ops: OperationExecutor) -> None:  # noqa: F811
    set_setting(world.admin.conn, "retention_days_after_delivery", 0)
    world.admin.conn.commit()
    recorded = ops.call("legal.record", _record(world))
    held = ops.call("legal.hold", LegalRef(recorded.id))
    assert held.hold_active
    with pytest.raises(ValidationError):  # a reason is required
        ops.call("legal.refuse", RefuseLegalRequest(recorded.id, ""))
    refused = ops.call("legal.refuse", RefuseLegalRequest(recorded.id, "نامه مهر دادگاه ندارد"))
    assert refused.state == "refused" and not refused.hold_active and refused.hold_lifted_at
    assert records.get_order(world.admin, world.delivered).status == Status.DESTROYED


def test_a_receptionist_is_refused(world: World) -> None:  # noqa: F811
    executor = OperationExecutor(world.clinic.reception)
    try:
        for name, request in (
            ("legal.list", NoRequest()),
            ("legal.client_orders", ClientRef(world.a.id)),
            ("legal.record", _record(world)),
        ):
            with pytest.raises(PermissionDenied):
                executor.call(name, request)
    finally:
        executor.shutdown()
    assert not list_requests(world.admin)
