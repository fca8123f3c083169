"""Legal hold: a court's request keeps exactly the data it covers from every kind of destruction, says
why, survives a restart, and the destruction runs (its receipts naming the hold) as soon as it ends."""

from __future__ import annotations

import json

import pytest

from maya_desktop.core import audit
from maya_desktop.core.clients import erase_client, get_client
from maya_desktop.core.errors import NotFound
from maya_desktop.core.legal.holds import HeldByLegalRequest, order_hold
from maya_desktop.core.legal.requests import approve_request, close_request, place_hold, refuse_request
from maya_desktop.core.orders import records
from maya_desktop.core.orders.destruction import cancel_order, destroy_order_now
from maya_desktop.core.orders.housekeeping import purge_due
from maya_desktop.core.orders.states import Status
from maya_desktop.core.settings import set_setting
from maya_desktop.core.sync.contract import EVENT_TYPE_HOLD_LIFTED, EVENT_TYPE_HOLD_PLACED, validate_event
from tests.conftest import PASSWORD
from tests.foundation.test_cli_scripted import run_cli
from tests.legal.conftest import CASE, COURT, World, assert_refused_and_audited, record


def _actions(session, ref: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.action for e in reversed(audit.entries(session.conn, object_ref=ref, limit=500))]


def _order_files(session, order_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [r[0] for r in session.conn.execute("SELECT file_id FROM order_files WHERE order_id = ?", (order_id,))]


def _purge_cli(world: World) -> str:
    """`maya-desktop purge` in its own process: the real data folder opened anew."""
    done = run_cli(
        "purge",
        "--data-dir",
        str(world.clinic.root),
        "--username",
        "admin",
        env_extra={"MAYA_PASSWORD": PASSWORD, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture
def held(world: World):  # type: ignore[no-untyped-def]
    """A court asked for A's delivered order (photos and report); the manager held it when recording."""
    set_setting(world.admin.conn, "retention_days_after_delivery", 0)  # due at once once delivered
    world.admin.conn.commit()
    request = record(world.admin, world, kinds=("photos", "reports"), orders=[world.delivered], hold=True)
    return approve_request(world.admin, request.id)


def test_a_held_order_survives_retention_purge_erase_and_a_restart_then_is_destroyed_with_receipts_naming_the_hold(
    world: World, held, login
):
    admin, reception = world.admin, world.clinic.reception
    files = _order_files(admin, world.delivered)
    assert files and held.hold_active and order_hold(admin.conn, world.delivered) == held.id

    # retention: due (delivered, 0 days) but held; said in the report, deferred once in the audit log
    report = purge_due(admin)
    assert [h.order_id for h in report.held] == [world.delivered] and report.held[0].request_id == held.id
    assert world.delivered not in [r.order_id for r in report.destroyed]
    purge_due(reception)  # the periodic purge runs again (every 10 minutes in the app)
    deferred = [a for a in _actions(admin, f"order:{world.delivered}") if a == "legal.destruction_deferred"]
    assert deferred == ["legal.destruction_deferred"]

    # a request to destroy, a cancellation and an erase are refused with the reason, nothing is lost
    with pytest.raises(HeldByLegalRequest) as raised:
        destroy_order_now(reception, world.delivered)
    assert "قضایی" in raised.value.message_fa and f"#{held.id}" in str(raised.value)
    with pytest.raises(HeldByLegalRequest):
        erase_client(admin, world.a.id)  # a manager's action; the hold refuses it all the same
    assert get_client(admin, world.a.id).id == world.a.id
    assert _order_files(admin, world.delivered) == files

    # the purge command (a new process on the same data folder) skips it and says why
    out = _purge_cli(world)
    assert "1 order(s) held by a legal request" in out
    order_ref = records.get_order(admin, world.delivered).order_ref
    assert f"HELD {order_ref} rule=retention" in out and f"legal request #{held.id}" in out
    assert COURT not in out and CASE not in out and world.a.last_name not in out

    # restart: every session closed, the data folder opened again
    for session in (world.admin, world.clinic.reception, world.clinic.doctor):
        session.vault.close()
    admin = login("admin")
    assert records.get_order(admin, world.delivered).status == Status.DELIVERED
    assert _order_files(admin, world.delivered) == files
    assert all((admin.vault.data_dir.blobs / f).is_file() for f in files)
    assert order_hold(admin.conn, world.delivered) == held.id

    # closing the request lifts the hold: the due destruction and the deferred erase run at once
    closed = close_request(admin, held.id)
    assert closed.state == "closed" and not closed.hold_active and closed.hold_lifted_at
    assert records.get_order(admin, world.delivered).status == Status.DESTROYED
    assert _order_files(admin, world.delivered) == []
    assert not any((admin.vault.data_dir.blobs / f).exists() for f in files)
    receipts = [
        e.details["receipt"]
        for e in audit.entries(admin.conn, limit=500)
        if e.action in ("order.purge", "order.destroy") and "receipt" in e.details
    ]
    named = {r["order_ref"]: r.get("legal_hold") for r in receipts}
    assert named[order_ref] == held.id
    with pytest.raises(NotFound):  # the erase asked for while held ran too, its entry naming the hold
        get_client(admin, world.a.id)
    erased = [e for e in audit.entries(admin.conn, object_ref=f"client:{world.a.id}") if e.action == "client.erased"]
    assert erased[0].details == {"legal_hold": held.id}
    assert admin.conn.execute("SELECT count(*) FROM legal_hold_deferrals").fetchone()[0] == 0
    assert audit.verify(admin.conn).ok


def test_the_hold_covers_exactly_its_scope(world: World):
    """Photos of one order held: the client's other orders follow their rules; an identity-only
    request holds the client against erase but no order."""
    request = record(world.admin, world, kinds=("photos",), orders=[world.delivered], hold=True)
    assert order_hold(world.admin.conn, world.delivered) == request.id
    assert order_hold(world.admin.conn, world.document) is None
    assert order_hold(world.admin.conn, world.other) is None  # client B
    receipt = destroy_order_now(world.clinic.reception, world.document)
    assert receipt.legal_hold is None

    refuse_request(world.admin, request.id, "نامه مهر دادگاه ندارد")  # refusing lifts the hold
    assert order_hold(world.admin.conn, world.delivered) is None
    identity = record(world.admin, world, kinds=("identity", "history"), hold=True)
    assert order_hold(world.admin.conn, world.delivered) is None
    with pytest.raises(HeldByLegalRequest):
        erase_client(world.admin, world.a.id)
    assert identity.id != request.id


def test_a_cancelled_held_order_keeps_its_files_until_the_hold_ends(world: World):
    from maya_desktop.core.orders import records as orders

    order = orders.create_order(world.clinic.reception, world.a.id, "confidential_document").id
    request = approve_request(world.admin, record(world.admin, world, kinds=("documents",), hold=True).id)
    assert cancel_order(world.clinic.reception, order, "مشتری منصرف شد") is None
    assert orders.get_order(world.admin, order).status == Status.CANCELLED
    assert "legal.destruction_deferred" in _actions(world.admin, f"order:{order}")
    close_request(world.admin, request.id)
    assert orders.get_order(world.admin, order).status == Status.DESTROYED


@pytest.mark.parametrize("role", ["receptionist", "doctor"])
def test_only_a_manager_places_or_lifts_a_hold_and_refusals_are_audited(world: World, role: str):
    request = approve_request(world.admin, record(world.admin, world).id)
    session = world.clinic.by_role(role)
    calls = [
        lambda: place_hold(session, request.id),
        lambda: close_request(session, request.id),
        lambda: record(session, world, hold=True),
    ]
    assert_refused_and_audited(world, session, calls)
    assert order_hold(world.admin.conn, world.delivered) is None
    held = place_hold(world.admin, request.id)  # a manager may
    assert held.hold_active and held.hold_placed_by
    assert "legal.hold_placed" in _actions(world.admin, f"client:{world.a.id}")


def test_hold_sync_events_validate_and_carry_nothing_about_the_court_or_the_client(world: World):
    conn = world.admin.conn
    before = conn.execute("SELECT max(id) FROM sync_outbox").fetchone()[0] or 0
    request = record(world.admin, world, kinds=("photos", "reports", "documents"), hold=True)
    approve_request(world.admin, request.id)
    close_request(world.admin, request.id)
    payloads = [r[0] for r in conn.execute("SELECT payload FROM sync_outbox WHERE id > ? ORDER BY id", (before,))]
    events = [json.loads(p) for p in payloads]
    placed = [e for e in events if e["type"] == EVENT_TYPE_HOLD_PLACED]
    lifted = [e for e in events if e["type"] == EVENT_TYPE_HOLD_LIFTED]
    live_orders = {world.delivered, world.document}  # A's live orders (the third was destroyed before)
    refs = {records.get_order(world.admin, o).order_ref for o in live_orders}
    assert {e["order_ref"] for e in placed} == refs and {e["order_ref"] for e in lifted} == refs
    for event in events:
        assert validate_event(event) == event
    statuses = {e["order_ref"]: e["status"] for e in placed}
    assert statuses[records.get_order(world.admin, world.delivered).order_ref] == "delivered"
    client = world.a
    needles = [COURT, CASE, client.first_name, client.last_name, client.mobile, client.email or "", "دادگاه"]
    needles += [json.dumps(n)[1:-1] for n in needles]  # as JSON escapes would spell them
    for text in payloads:
        for needle in needles:
            assert needle and needle not in text


def test_the_access_report_shows_a_hold_once_lifted_or_at_once_if_the_clinic_chooses(world: World):
    from maya_desktop.core.access_log import HOLD_ACTIONS, client_access_report
    from maya_desktop.core.clinic_settings import update_settings
    from maya_desktop.reports.access_report import access_report_html

    request = approve_request(world.admin, record(world.admin, world, kinds=("photos",), hold=True).id)
    with pytest.raises(HeldByLegalRequest):
        destroy_order_now(world.clinic.reception, world.delivered)  # a deferral entry on the order
    while_held = client_access_report(world.admin, world.a.id)
    assert while_held.holds == [] and not [e for e in while_held.events if e.action in HOLD_ACTIONS]
    assert "نگهداری قانونی" not in access_report_html(while_held, "کلینیک")

    update_settings(world.admin, legal_hold_shown_while_active=True)
    at_once = client_access_report(world.admin, world.a.id)
    assert [(h.request_id, h.lifted_at) for h in at_once.holds] == [(request.id, None)]
    assert {"legal.hold_placed", "legal.destruction_deferred"} <= {e.action for e in at_once.events}
    assert "هنوز ادامه دارد" in access_report_html(at_once, "کلینیک")

    update_settings(world.admin, legal_hold_shown_while_active=False)
    closed = close_request(world.admin, request.id)
    lifted = client_access_report(world.admin, world.a.id)
    (hold,) = lifted.holds
    assert hold.court_reference == f"{COURT} — {CASE}"
    assert (hold.placed_at, hold.lifted_at) == (closed.hold_placed_at, closed.hold_lifted_at)
    assert {"legal.hold_placed", "legal.hold_lifted", "legal.destruction_deferred"} <= {e.action for e in lifted.events}
    receipt = next(e.receipt for e in lifted.receipts if e.receipt and e.receipt.get("legal_hold") == request.id)
    assert receipt["rule"] == "client_request"
    html = access_report_html(lifted, "کلینیک")
    assert COURT in html and "نگهداری قانونی" in html
