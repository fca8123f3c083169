"""Email through a real SMTP server on loopback (STARTTLS and implicit TLS, trustme certificates) and
SMS through a real HTTPS server speaking Kavenegar's API. TLS verification is always on."""

from __future__ import annotations

import re
import ssl
from email.utils import parseaddr

import pytest
import trustme

from maya_desktop.core import audit
from maya_desktop.core.clients import get_client
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.notices import config, outbox
from maya_desktop.core.notices.sender import send_once
from maya_desktop.core.orders.states import Status
from maya_desktop.core.persian import to_persian_digits
from tests.notices.conftest import API_KEY, email_settings, sms_settings
from tests.notices.servers import Mailbox, start_gateway, start_smtp


def _send(clinic):  # type: ignore[no-untyped-def]
    return send_once(clinic.root / "maya.db", clinic.admin.vault.db_key)


def _quote_notice_through(clinic, walk, controller, security: str, ca_file):  # type: ignore[no-untyped-def]
    """Email set to `controller` with `security`, an order quoted, one send; the server is stopped after."""
    try:
        config.configure_email(clinic.admin, email_settings(controller.port, security, ca_file))
        walk(Status.QUOTED)
        return _send(clinic)
    finally:
        controller.stop()


def _notice_audits(session) -> list[audit.AuditEntry]:  # type: ignore[no-untyped-def]
    return [e for e in audit.entries(session.conn, limit=1000) if e.action.startswith("notice.")]


def test_quote_notice_arrives_by_email_in_persian_over_each_tls_mode(clinic, walk, smtp, mailbox, ca_file):
    mode, port = smtp
    config.configure_email(clinic.admin, email_settings(port, mode, ca_file))
    order_id = walk(Status.QUOTED)
    report = _send(clinic)
    assert (report.sent, report.retrying, report.failed) == (1, 0, 0)
    (msg,) = mailbox.messages
    client = get_client(clinic.admin, 1)
    assert msg["To"] == client.email
    body = msg.get_body(("plain",)).get_content()
    assert f"سفارش {to_persian_digits(order_id)}" in body
    assert "تومان" in body and "درگاه بانکی" in body
    assert not any(ch.isascii() and ch.isdigit() for ch in body.split("@")[0]), "Persian digits only"
    assert msg["Message-ID"].startswith("<notice-") and msg["Message-ID"].endswith("@maya-clinic.example>")
    clinic_name = clinic.admin.conn.execute("SELECT name FROM clinic").fetchone()[0]
    # long Persian headers survive encoding: no space lost or added (see channels.build_email)
    assert msg["Subject"] == f"{clinic_name}: پیش‌فاکتور سفارش {to_persian_digits(order_id)} آماده است"
    assert parseaddr(msg["From"]) == (clinic_name, "notices@maya-clinic.example")
    html = msg.get_body(("html",)).get_content()
    assert 'dir="rtl"' in html
    # the send is audited: kind and channel, never the text or the address
    (entry,) = _notice_audits(clinic.admin)
    assert entry.action == "notice.sent" and entry.object_ref == f"order:{order_id}"
    assert entry.details["kind"] == "quote_ready" and entry.details["channel"] == "email"
    flat = str(entry.details)
    assert client.email not in flat and "تومان" not in flat


def test_a_certificate_from_another_ca_is_refused_and_nothing_is_sent(clinic, walk, smtp, mailbox, tmp_path):
    mode, port = smtp
    stranger = trustme.CA()
    wrong_ca = tmp_path / "other-ca.pem"
    stranger.cert_pem.write_to_path(str(wrong_ca))
    config.configure_email(clinic.admin, email_settings(port, mode, str(wrong_ca)))
    walk(Status.QUOTED)
    report = _send(clinic)
    assert report.sent == 0 and report.retrying == 1
    assert mailbox.messages == []
    assert "certificate could not be verified" in report.errors_en[0]
    state, error = clinic.admin.conn.execute("SELECT state, last_error FROM notices").fetchone()
    assert state == "pending" and "certificate" in error  # retried later with back-off


def test_a_certificate_for_another_host_name_is_refused(clinic, walk, ca, ca_file, mailbox):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("mail.other-clinic.example").configure_cert(ctx)  # right CA, wrong name
    report = _quote_notice_through(clinic, walk, start_smtp(ctx, "tls", mailbox), "tls", ca_file)
    assert report.sent == 0 and mailbox.messages == []


def test_a_server_without_starttls_gets_nothing(clinic, walk, ca_file):
    plain = Mailbox()
    server = start_smtp(None, "plain", plain)  # type: ignore[arg-type]
    report = _quote_notice_through(clinic, walk, server, "starttls", ca_file)  # the clinic asks for STARTTLS
    assert report.sent == 0 and plain.messages == []
    assert "STARTTLS" in report.errors_en[0]


def test_plaintext_email_and_http_gateway_cannot_be_configured(clinic, ca_file):
    with pytest.raises(ValidationError):
        config.configure_email(clinic.admin, config.EmailConfig("127.0.0.1", 25, "none", "a@b.example"))
    with pytest.raises(ValidationError):
        config.configure_sms(clinic.admin, config.SmsConfig("kavenegar", API_KEY, "10004346", "http://127.0.0.1/v1"))
    assert config.enabled_channels(clinic.admin.conn) == ()  # both off by default, and still off


def test_sms_goes_through_the_kavenegar_api_with_minimal_text(clinic, walk, gateway, ca_file):
    state, url = gateway
    config.configure_sms(clinic.admin, sms_settings(url, ca_file))
    order_id = walk(Status.DELIVERED)
    report = _send(clinic)
    assert report.sent == 3  # quote ready, consent recorded, delivered
    client = get_client(clinic.admin, 1)
    assert [s["receptor"] for s in state.sent] == ["0" + client.mobile.removeprefix("+98")] * 3
    assert all(s["sender"] == "10004346" and s["localid"].isdigit() for s in state.sent)
    texts = " ".join(s["message"] for s in state.sent)
    for word in ("ترجمه", "محرمانه", "Findings", "بینی", client.first_name, client.last_name):
        # no service, no report, no name: clinic, order, amount, dates only
        assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", texts), word
    rows = clinic.admin.conn.execute("SELECT provider_ref FROM notices WHERE order_id = ?", (order_id,)).fetchall()
    assert all(r[0].startswith("800000") for r in rows)  # the gateway's message ids are kept
    flat = str([e.details for e in _notice_audits(clinic.admin)])
    assert client.mobile not in flat and "تومان" not in flat


def test_the_sms_gateway_certificate_is_verified_and_errors_hold_no_key(clinic, walk, gateway, tmp_path):
    state, url = gateway
    wrong_ca = tmp_path / "other.pem"
    trustme.CA().cert_pem.write_to_path(str(wrong_ca))
    config.configure_sms(clinic.admin, sms_settings(url, str(wrong_ca)))
    walk(Status.QUOTED)
    report = _send(clinic)
    assert report.sent == 0 and state.requests == 0
    (error,) = clinic.admin.conn.execute("SELECT last_error FROM notices").fetchone()
    assert API_KEY not in error and API_KEY not in " ".join(report.errors_en)


def test_a_refused_receptor_fails_for_good_and_shows_on_the_order(clinic, walk, gateway, ca_file):
    state, url = gateway
    state.status = 411  # Kavenegar: the receptor is invalid
    config.configure_sms(clinic.admin, sms_settings(url, ca_file))
    order_id = walk(Status.QUOTED)
    report = _send(clinic)
    assert report.failed == 1
    (notice,) = outbox.order_notices(clinic.reception, order_id)
    assert notice.state == "failed" and "411" in (notice.last_error or "")
    assert [e.action for e in _notice_audits(clinic.admin)] == ["notice.failed"]
    state.status = 200
    assert outbox.retry_failed(clinic.reception, order_id) == 1
    assert _send(clinic).sent == 1


def test_offline_gateway_backs_off_then_delivers(clinic, walk, server_ctx, ca_file):
    from tests.notices.servers import Gateway

    config.configure_sms(clinic.admin, sms_settings("https://127.0.0.1:9/v1", ca_file))  # nothing listens
    walk(Status.QUOTED)
    report = _send(clinic)
    assert report.retrying == 1
    attempts, due = clinic.admin.conn.execute("SELECT attempts, next_attempt_at FROM notices").fetchone()
    assert attempts == 1 and due > outbox.utc_text()  # backing off
    state = Gateway(API_KEY)
    httpd, url = start_gateway(server_ctx, state)
    try:
        config.configure_sms(clinic.admin, sms_settings(url, ca_file))
        clinic.admin.conn.execute("UPDATE notices SET next_attempt_at = ?", (outbox.utc_text(),))  # time passes
        assert _send(clinic).sent == 1
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert len(state.sent) == 1
