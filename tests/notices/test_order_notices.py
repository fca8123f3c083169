"""Order changes queue the client's notice in their own transaction; the destruction receipt is the
audit log's receipt; erased clients leave no notices behind; English clients read English."""

from __future__ import annotations

import pytest

from maya_desktop.core import audit
from maya_desktop.core.clients import erase_client
from maya_desktop.core.db import transaction
from maya_desktop.core.notices import config, outbox
from maya_desktop.core.notices.sender import send_once
from maya_desktop.core.orders import destruction, records
from maya_desktop.core.orders.lifecycle import advance
from maya_desktop.core.orders.states import Action, Status
from tests.notices.conftest import email_settings


def _kinds(session, order_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.kind for n in outbox.order_notices(session, order_id)]


def test_nothing_is_queued_while_every_channel_is_off(clinic, walk):
    order_id = walk(Status.DELIVERED)
    assert outbox.order_notices(clinic.reception, order_id) == []


def test_each_service_event_queues_exactly_one_notice_per_channel(clinic, walk, starttls_smtp, ca_file):
    config.configure_email(clinic.admin, email_settings(starttls_smtp, "starttls", ca_file))
    order_id = walk(Status.DELIVERED)
    assert _kinds(clinic.reception, order_id) == ["quote_ready", "consent_recorded", "delivered"]
    for notice in outbox.order_notices(clinic.reception, order_id):
        assert notice.client_id == 1 and notice.state == "pending"


def test_a_rolled_back_order_change_leaves_no_notice(clinic, walk, starttls_smtp, ca_file):
    config.configure_email(clinic.admin, email_settings(starttls_smtp, "starttls", ca_file))
    order_id = walk(Status.IN_REVIEW)
    before = _kinds(clinic.reception, order_id)
    from maya_desktop.core.orders import delivery

    delivery.write_report(clinic.doctor, order_id, "Findings.")
    with pytest.raises(RuntimeError), transaction(clinic.doctor.conn):
        advance(clinic.doctor, order_id, Action.DELIVER, fields={"delivered_at": "2026-01-01T00:00:00+00:00"})
        raise RuntimeError("power cut before commit")
    assert _kinds(clinic.reception, order_id) == before
    assert records.get_order(clinic.reception, order_id).status == Status.IN_REVIEW


def test_destruction_receipt_notice_is_the_audit_logs_receipt(clinic, walk, starttls_smtp, mailbox, ca_file):
    config.configure_email(clinic.admin, email_settings(starttls_smtp, "starttls", ca_file))
    order_id = walk(Status.DELIVERED)
    receipt = destruction.destroy_order_now(clinic.reception, order_id)
    (entry,) = [
        e for e in audit.entries(clinic.admin.conn, object_ref=f"order:{order_id}") if e.action == "order.destroy"
    ]
    notice = outbox.order_notices(clinic.reception, order_id)[-1]
    assert notice.kind == "destruction_receipt" and notice.client_id == 1  # the order itself no longer names them
    assert notice.facts["receipt_no"] == f"{entry.id}-{entry.hash[:8]}"
    assert notice.facts["destroyed_at"] == entry.details["receipt"]["destroyed_at"] == receipt.destroyed_at
    assert [f["file_id"] for f in notice.facts["files"]] == [f["file_id"] for f in entry.details["receipt"]["files"]]
    assert [f["file_id"] for f in notice.facts["files"]] == [f.file_id for f in receipt.files]
    report = send_once(clinic.root / "maya.db", clinic.admin.vault.db_key)
    assert report.sent == 4
    body = mailbox.messages[-1].get_body(("plain",)).get_content()
    assert f"\u200e{entry.id}-{entry.hash[:8]}\u200e" in body  # as the audit log has it, kept left-to-right
    for f in receipt.files:
        assert f.file_id[:8] in body
    assert audit.verify(clinic.admin.conn).ok


def test_an_erased_client_gets_no_receipt_and_their_notices_are_gone(clinic, walk, starttls_smtp, ca_file):
    config.configure_email(clinic.admin, email_settings(starttls_smtp, "starttls", ca_file))
    walk(Status.QUOTED, client_id=2)
    assert clinic.admin.conn.execute("SELECT count(*) FROM notices WHERE client_id = 2").fetchone()[0] == 1
    erase_client(clinic.admin, 2)  # erasing is a manager's action (issue 15)
    assert clinic.admin.conn.execute("SELECT count(*) FROM notices WHERE client_id = 2").fetchone()[0] == 0


def test_a_client_who_chose_english_reads_english(clinic, walk, starttls_smtp, mailbox, ca_file):
    config.configure_email(clinic.admin, email_settings(starttls_smtp, "starttls", ca_file))
    outbox.set_client_language(clinic.reception, 1, "en")
    walk(Status.QUOTED)
    send_once(clinic.root / "maya.db", clinic.admin.vault.db_key)
    (msg,) = mailbox.messages
    assert "the quote for order" in msg["Subject"] and "toman" in msg.get_body(("plain",)).get_content()
    assert msg["Content-Language"] == "en"


def test_a_sent_notice_is_not_sent_again(clinic, walk, starttls_smtp, mailbox, ca_file):
    config.configure_email(clinic.admin, email_settings(starttls_smtp, "starttls", ca_file))
    walk(Status.QUOTED)
    db, key = clinic.root / "maya.db", clinic.admin.vault.db_key
    assert send_once(db, key).sent == 1
    assert send_once(db, key).sent == 0
    assert len(mailbox.messages) == 1


def test_a_transition_without_the_facts_of_a_notice_changes_the_order_and_queues_nothing(
    clinic, starttls_smtp, ca_file
):
    """`advance` called bare (no price, no doctor, no destruction date): the order still moves."""
    config.configure_email(clinic.admin, email_settings(starttls_smtp, "starttls", ca_file))
    order = records.create_order(clinic.reception, 1, "confidential_document")
    for status, action in (
        (Status.ANALYZED, Action.QUOTE),
        (Status.PAID, Action.CONSENT),
        (Status.IN_REVIEW, Action.DELIVER),
    ):
        clinic.admin.conn.execute("UPDATE orders SET status = ? WHERE id = ?", (status.value, order.id))
        session = clinic.doctor if action == Action.DELIVER else clinic.admin
        if action == Action.DELIVER:
            clinic.admin.conn.execute(
                "INSERT INTO consents(order_id, doctor_id, method, recorded_by, recorded_at)"
                " VALUES (?, ?, 'verbal', 't', 't')",
                (order.id, clinic.doctor.staff.id),
            )
        advance(session, order.id, action)
    assert outbox.order_notices(clinic.reception, order.id) == []


def test_a_latin_clinic_or_doctor_name_keeps_its_direction_inside_persian_text():
    """In a Persian notice, "Maya Beauty Collection" or a doctor's Latin name sits in a direction isolate,
    so the phone or mail reader cannot reorder it with the Persian words around it; English stays plain."""
    from maya_desktop.core.notices.templates import field_values

    facts = {"order": 12, "doctor": "Dr Daniel Demo", "recorded_at": "2026-12-06T10:00:00+00:00"}
    fa = field_values("consent_recorded", facts, "fa", "Maya Beauty Collection")
    assert fa["clinic"] == "\u2068Maya Beauty Collection\u2069"
    assert fa["doctor"] == "\u2068Dr Daniel Demo\u2069"
    assert field_values("consent_recorded", facts, "fa", "کلینیک مایا")["clinic"] == "کلینیک مایا"
    en = field_values("consent_recorded", facts, "en", "Maya Beauty Collection")
    assert en["clinic"] == "Maya Beauty Collection" and en["doctor"] == "Dr Daniel Demo"
