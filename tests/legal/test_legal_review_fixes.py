"""Fixes from the security review of the legal-request workflow (P12): client ids never reused
(migration 5), history scoped to the request, four eyes that staff management cannot undo, an audited
and cleaned-up export, live role checks, one audit trail for the export, and court case numbers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from maya_desktop.core import audit, export_staging, migrations
from maya_desktop.core.access_log import client_access_report, client_order_ids
from maya_desktop.core.errors import MayaError, PermissionDenied, ValidationError
from maya_desktop.core.legal import export as export_mod
from maya_desktop.core.legal.export import COVER, MANIFEST, export_request
from maya_desktop.core.legal.requests import approve_request, get_request, may_approve
from tests.conftest import PASSWORD
from tests.legal.conftest import COURT, World, approved, record

X_COURT = "شعبهٔ ۹ دادگاه خانوادهٔ شیراز"
X_CASE = "۹۹۰۱-خ-۷۷"
Y_COURT = "شعبهٔ ۳ دادگاه حقوقی کرج"
Y_CASE = "۱۴۰۲-ح-۳۱۲"


def _old_clinic(data_dir: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A clinic on disk (real SQLCipher) at schema 4, as Maya Desktop wrote it before migration 5."""
    from maya_desktop.core import migrations
    from maya_desktop.core.demo import create_demo_clinic
    from maya_desktop.core.legal import holds

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:4])
    # The program of schema 4 had no legal hold (its columns and table come with a later migration).
    monkeypatch.setattr(holds, "refuse_if_client_held", lambda *_: None)
    monkeypatch.setattr(holds, "refuse_if_order_held", lambda *_: None)
    monkeypatch.setattr(holds, "deferral_for", lambda *_: None)
    # Nor an order version (migration 13): its orders are read without the column.
    from maya_desktop.core.orders import model, records

    before_version = model.COLUMNS.removesuffix(", version")
    monkeypatch.setattr(model, "COLUMNS", before_version)
    monkeypatch.setattr(records, "COLUMNS", before_version)
    session = create_demo_clinic(data_dir, PASSWORD, clients=3)
    assert session.conn.execute("PRAGMA user_version").fetchone()[0] == 4
    return session


def _erase_highest_then_create(session, court: bool = True):  # type: ignore[no-untyped-def]
    """Client X (the highest id) with an order and a court request, erased; then a new client Y."""
    from maya_desktop.core.clients import create_client, erase_client
    from maya_desktop.core.orders import records

    x = create_client(session, "کاوه", "آزادی", "09121110000", "kaveh@example.com")
    order = records.create_order(session, x.id, "rhinoplasty_analysis").id
    if court:  # recorded the schema-4 way (the table had no managers_at_record yet)
        cur = session.conn.execute(
            "INSERT INTO legal_requests(court, case_number, letter_date, client_id, scope, state, recorded_by,"
            ' recorded_at) VALUES (?, ?, \'2024-01-01\', ?, \'{"kinds": ["orders"], "orders": null}\','
            " 'recorded', ?, '2024-01-02T00:00:00+00:00')",
            (X_COURT, X_CASE, x.id, session.staff.id),
        )
        session.audit("legal.recorded", f"client:{x.id}", {"request": int(cur.lastrowid)})
    erase_client(session, x.id)
    y = create_client(session, "یاسمن", "روشن", "09122220000", "yasaman@example.com")
    return x, order, y


def _schema(conn, name: str) -> str:  # type: ignore[no-untyped-def]
    return conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]


# ---- 1. client ids ---------------------------------------------------------------------------------
def test_migration_5_rebuilds_clients_on_an_old_file_and_ids_are_never_reused(data_dir, monkeypatch, tmp_path):
    from maya_desktop.core.clients import create_client, erase_client, search_clients
    from maya_desktop.core.vault import Vault

    old = _old_clinic(data_dir, monkeypatch)
    x, order, y = _erase_highest_then_create(old, court=False)
    assert y.id == x.id  # the defect, on the old schema
    erase_client(old, y.id)  # the highest id ever used now lives only in the audit log
    live_before = old.conn.execute("SELECT id, first_name, search_text FROM clients ORDER BY id").fetchall()
    old.vault.close()
    monkeypatch.undo()

    session = Vault.open(data_dir, "admin", PASSWORD)  # migrates the real SQLCipher file
    try:
        conn = session.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations.MIGRATIONS)  # 5 and later
        assert "AUTOINCREMENT" in _schema(conn, "clients")
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT id, first_name, search_text FROM clients ORDER BY id").fetchall() == live_before
        assert conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'clients'").fetchone()[0] == x.id
        assert "managers_at_record" in _schema(conn, "legal_requests")
        # the FTS index and its triggers are exactly what migration 3 makes on a new clinic
        fresh = Vault.create(
            tmp_path / "fresh", clinic_name="x", username="boss", display_name="Boss", password=PASSWORD
        )
        try:
            for name in ("clients_fts", "clients_fts_insert", "clients_fts_delete", "clients_fts_update"):
                assert _schema(conn, name) == _schema(fresh.conn, name)
            assert _schema(conn, "clients") == _schema(fresh.conn, "clients")
        finally:
            fresh.vault.close()
        first = live_before[0][1]
        assert live_before[0][0] in [c.id for c in search_clients(session, first)]  # index rebuilt

        z = create_client(session, "زهره", "نیک", "09123330000")
        assert z.id == x.id + 1  # never an id the audit log has seen
        assert [c.id for c in search_clients(session, "زهره")] == [z.id]  # triggers work
        assert client_order_ids(conn, z.id) == []
        assert order not in [int(r[0]) for r in conn.execute("SELECT id FROM orders WHERE client_id = ?", (z.id,))]
        erase_client(session, z.id)
        assert create_client(session, "آرش", "کمالی", "09124440000").id == z.id + 1
        assert audit.verify(conn).ok
    finally:
        session.vault.close()


def test_a_client_who_got_an_erased_persons_id_sees_none_of_their_history(data_dir, monkeypatch, usb):
    """Defence in depth for databases that reused an id before migration 5."""
    from maya_desktop.core.vault import Vault

    old = _old_clinic(data_dir, monkeypatch)
    x, x_order, y = _erase_highest_then_create(old)
    assert y.id == x.id  # the defect, on the old schema
    old.vault.close()
    monkeypatch.undo()

    session = Vault.open(data_dir, "admin", PASSWORD)
    try:
        assert client_order_ids(session.conn, y.id) == []
        report = client_access_report(session, y.id)
        assert report.orders == [] and [e.action for e in report.events] == []
        from maya_desktop.core.legal.requests import Scope, record_request

        kinds = ("identity", "orders", "history")
        recorded = record_request(session, y.id, Y_COURT, Y_CASE, dt.date(2024, 8, 1), Scope(kinds))
        request = approve_request(session, recorded.id)
        result = export_request(session, request.id, usb)
        text = "\n".join(p.read_text("utf-8") for p in result.folder.rglob("*") if p.is_file())
        assert X_COURT not in text and X_CASE not in text and "کاوه" not in text
        manifest = json.loads((result.folder / MANIFEST).read_text("utf-8"))
        assert manifest["سفارش‌ها (orders)"] == [] and result.orders == () and x_order not in result.destroyed_orders
    finally:
        session.vault.close()


def test_a_live_order_is_exported_only_if_its_row_names_the_client(world: World, usb):
    # An audit entry claiming B's order is A's (a reused id, or any other confusion) is not enough.
    audit.append(world.admin.conn, "admin", "order.created", f"order:{world.other}", {"client": world.a.id})
    request = approved(world.admin, world, kinds=("orders", "photos", "history"))
    result = export_request(world.admin, request.id, usb)
    assert world.other not in result.orders and world.other not in result.destroyed_orders
    assert not (result.folder / f"order-{world.other}").exists()
    manifest = (result.folder / MANIFEST).read_text("utf-8")
    assert "یادداشت پذیرش دربارهٔ سفارش دوم" not in manifest


# ---- 2. history of this request only --------------------------------------------------------------
def test_history_export_shows_no_other_courts_request(world: World, usb):
    earlier = approved(world.admin, world, court=Y_COURT, case_number=Y_CASE)
    export_request(world.admin, earlier.id, usb)
    request = approved(world.admin, world, kinds=("history",))
    result = export_request(world.admin, request.id, usb)
    text = "\n".join(p.read_text("utf-8") for p in result.folder.rglob("*") if p.is_file())
    assert Y_COURT not in text and Y_CASE not in text
    events = json.loads((result.folder / MANIFEST).read_text("utf-8"))
    history = events["سابقهٔ رضایت و دسترسی (consent_and_access_history)"]["دسترسی‌ها (access_events)"]
    legal = [e["رویداد (event)"] for e in history if e["مبنای دسترسی (basis)"] == "legal"]
    assert legal and all(COURT in e["دلیل (reason)"] for e in history if e["مبنای دسترسی (basis)"] == "legal")
    assert any("تأیید درخواست" in e for e in legal)  # this request's own steps stay


# ---- 3. four eyes ------------------------------------------------------------------------------------
def test_a_manager_account_created_after_the_request_may_not_approve_it(world: World, login, usb):
    from maya_desktop.core.roles import Role
    from maya_desktop.core.staff import accept_agreement, create_staff

    request = record(world.admin, world)
    assert request.managers_at_record == 1
    create_staff(world.admin, "sock", "مدیر تازه", Role.MANAGER, PASSWORD)
    sock = login("sock")
    accept_agreement(sock)
    assert not may_approve(sock, request)
    with pytest.raises(PermissionDenied) as raised:
        approve_request(sock, request.id)
    assert "پس از ثبت این درخواست" in raised.value.message_fa and "four eyes" in raised.value.message_en
    denied = audit.entries(world.admin.conn, object_ref=f"legal:{request.id}", limit=1)[0]
    assert denied.action == "legal.approval_denied" and denied.details["reason"] == "account_newer_than_request"
    assert get_request(world.admin, request.id).state == "recorded"
    # two managers now: the recorder may not self-approve either
    with pytest.raises(PermissionDenied):
        approve_request(world.admin, request.id)
    # a request recorded now can be approved by the new manager (four eyes), and the cover sheet says so
    later = record(world.admin, world)
    assert later.managers_at_record == 2
    done = approve_request(sock, later.id)
    assert not done.self_approved
    cover = (export_request(sock, later.id, usb).folder / COVER).read_text("utf-8")
    assert "four eyes: approved by a manager other than the one who recorded it" in cover
    assert "active managers when recorded: 2" in cover


def test_the_cover_sheet_says_a_request_was_self_approved(world: World, usb):
    request = approved(world.admin, world)
    cover = (export_request(world.admin, request.id, usb).folder / COVER).read_text("utf-8")
    assert "self-approved: the clinic's only active manager" in cover and "active managers when recorded: 1" in cover


# ---- 4. the export leaves a trail and no plaintext ---------------------------------------------------
def test_the_export_is_audited_before_anything_is_decrypted(world: World, usb, monkeypatch):
    request = approved(world.admin, world)
    real_read = export_mod.blobstore.read_blob
    seen = []

    def reading(*args, **kwargs):  # type: ignore[no-untyped-def]
        if not seen:
            seen.append([e.action for e in audit.entries(world.admin.conn, limit=1)])
            assert not world.admin.conn.in_transaction  # committed, not merely written
        return real_read(*args, **kwargs)

    monkeypatch.setattr(export_mod.blobstore, "read_blob", reading)
    export_request(world.admin, request.id, usb)
    assert seen == [["legal.export_started"]]


def test_a_partial_folder_that_cannot_be_removed_is_reported_in_persian(world: World, usb, monkeypatch):
    request = approved(world.admin, world)

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise FileNotFoundError("gone")

    def stuck(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("device busy")

    monkeypatch.setattr(export_mod.blobstore, "read_blob", broken)
    monkeypatch.setattr(export_staging.shutil, "rmtree", stuck)
    with pytest.raises(MayaError) as raised:
        export_request(world.admin, request.id, usb)
    left = [p for p in usb.iterdir() if p.name.startswith(".maya-partial-")]
    assert len(left) == 1
    assert "پوشهٔ نیمه‌کارهٔ خروجی پاک نشد" in raised.value.message_fa and str(left[0]) in raised.value.message_fa
    assert str(left[0]) in raised.value.message_en
    failed = audit.entries(world.admin.conn, limit=1)[0]
    assert failed.action == "legal.export_failed" and failed.details["partial_removed"] is False
    assert failed.details["staging"] == left[0].name

    # the next export into the same folder removes what the failed one left, and says so in the log
    monkeypatch.undo()
    (left[0] / "photo-01-frontal.jpg").write_bytes(b"decrypted leftovers")
    crashed = usb / ".maya-partial-0123456789abcdef"  # a crash (power cut) left this one
    crashed.mkdir()
    (crashed / "x").write_bytes(b"plaintext")
    unrelated = usb / ".maya-partial-notours"
    unrelated.mkdir()
    result = export_request(world.admin, request.id, usb)
    assert not left[0].exists() and not crashed.exists() and unrelated.exists()
    removed = [e for e in audit.entries(world.admin.conn, limit=10) if e.action == "legal.partial_removed"]
    assert removed and sorted(removed[0].details["folders"]) == sorted([left[0].name, crashed.name])
    assert removed[0].details.keys() == {"request", "folders"}
    assert result.folder.is_dir()


# ---- 5. live role check ------------------------------------------------------------------------------
def test_a_deactivated_manager_can_neither_record_nor_export(world: World, manager2, usb):
    request = approve_request(world.admin, record(manager2, world).id)  # four eyes
    # Deactivated (or demoted) while manager2's session is open: its role snapshot still says "manager".
    world.admin.conn.execute("UPDATE staff SET active = 0 WHERE username = 'manager2'")
    for step in (lambda: record(manager2, world), lambda: export_request(manager2, request.id, usb)):
        with pytest.raises(PermissionDenied) as raised:
            step()
        assert raised.value.message_fa == "حساب شما دیگر مدیر فعال نیست."
    assert list(usb.iterdir()) == [] and get_request(world.admin, request.id).state == "approved"


# ---- 6. one audit trail for the export ---------------------------------------------------------------
def test_history_export_writes_no_separate_access_report_entry(world: World, usb):
    request = approved(world.admin, world, kinds=("history",))
    before = audit.verify(world.admin.conn).count
    export_request(world.admin, request.id, usb)
    new = [e.action for e in audit.entries(world.admin.conn, limit=audit.verify(world.admin.conn).count - before)]
    assert "client.access_report" not in new and "legal.exported" in new


# ---- 7. case numbers ---------------------------------------------------------------------------------
LUHN_CASES = ["1403689200001239", "140368920000123454", "13996892000012343"]


@pytest.mark.parametrize("case_number", [*LUHN_CASES, "۱۴۰۳۶۸۹۲۰۰۰۰۱۲۳۹"])
def test_court_case_numbers_that_pass_luhn_are_accepted(world: World, case_number: str):
    from maya_desktop.core.validation import find_card_number

    assert find_card_number(case_number)  # these would be refused as card numbers anywhere else
    assert record(world.admin, world, case_number=case_number).case_number == case_number


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"case_number": "6037997599400315"}, "case_number"),  # a card number starting with 6
        ({"case_number": "1403 6892 0000 1239"}, "case_number"),  # not digits only: still guarded
        ({"case_number": "پرونده 1403689200001239"}, "case_number"),
        ({"case_number": "1203689200001231"}, "case_number"),  # not a Jalali year 13xx / 14xx
        ({"case_number": "140368920000124"}, "case_number"),  # 15 digits
        ({"notes": "1403689200001239"}, "notes"),  # other fields keep the card guard
        ({"court": "دادگاه 1403689200001239"}, "court"),
    ],
)
def test_the_card_guard_still_applies_elsewhere(world: World, changes: dict, field: str):
    from maya_desktop.core.validation import find_card_number

    assert find_card_number(next(iter(changes.values())))
    with pytest.raises(ValidationError) as raised:
        record(world.admin, world, **changes)
    assert raised.value.field == field
