"""The notices page's operations on a real vault: settings, templates, channels, payment page, news, opt-out."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from maya_desktop.core import audit
from maya_desktop.core.audit import AuditQuery
from maya_desktop.core.clients import create_client, get_client
from maya_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from maya_desktop.core.notices import config, templates
from maya_desktop.core.operations import OperationExecutor, get
from maya_desktop.core.operations import notices as ops_
from maya_desktop.core.operations.catalogue import NoRequest

_serial = itertools.count(2_000_000)


@pytest.fixture
def ops(clinic) -> Iterator[OperationExecutor]:
    executor = OperationExecutor(clinic.admin)
    yield executor
    executor.shutdown()


def _client(session, opted_in: bool):  # type: ignore[no-untyped-def]
    n = next(_serial)
    return create_client(session, "سارا", "کاظمی", f"0912{n:07d}", f"client{n}@example.org", opted_in)


def test_what_the_notice_operations_change() -> None:
    assert get("notices.settings").changes == frozenset() and get("notices.template").changes == frozenset()
    assert get("notices.opt_out").changes == frozenset({"notices", "clients", "audit"})
    for name in ("save_templates", "configure_email", "configure_sms", "set_payment_url", "send_marketing"):
        assert get(f"notices.{name}").changes == frozenset({"notices", "audit"}), name


def test_settings_channels_and_payment_page(clinic, ops: OperationExecutor) -> None:
    shown = ops.call("notices.settings", NoRequest())
    assert shown.email is None and shown.sms is None and shown.payment_url == "" and shown.review.reviewed_by == ""
    assert shown.clinic and shown.opted_in == 5  # the demo's clients who agreed
    email = config.EmailConfig("smtp.example.org", 587, "starttls", "clinic@example.org", "clinic", "secret")
    ops.call("notices.configure_email", ops_.ConfigureEmail(email))
    sms = config.SmsConfig("kavenegar", "TESTKEY-0123456789", "10004346")
    ops.call("notices.configure_sms", ops_.ConfigureSms(sms))
    with pytest.raises(ValidationError):  # http is refused in core
        ops.call("notices.set_payment_url", ops_.SetPaymentUrl("http://pay.example.org"))
    ops.call("notices.set_payment_url", ops_.SetPaymentUrl("https://pay.example.org/maya"))
    shown = ops.call("notices.settings", NoRequest())
    assert shown.email == email and shown.sms is not None and shown.sms.api_key == "TESTKEY-0123456789"
    assert shown.payment_url == "https://pay.example.org/maya"
    ops.call("notices.configure_email", ops_.ConfigureEmail(None))
    assert ops.call("notices.settings", NoRequest()).email is None
    configured = audit.search(clinic.admin.conn, AuditQuery(actions=("notices.channel_configured",)), limit=10)
    assert len(configured) == 3 and "secret" not in str([e.details for e in configured])


def test_templates_are_read_checked_saved_and_reviewed(clinic, ops: OperationExecutor) -> None:
    shipped = ops.call("notices.template", ops_.TemplateRef("destruction_receipt", "fa"))
    assert shipped.sms == templates.template(clinic.admin.conn, "destruction_receipt", "fa", "sms")
    receipt = ops_.TemplateRef("destruction_receipt", "fa")
    unknown = ops_.SaveTemplates(receipt, ops_.TemplateTexts(shipped.subject, shipped.email, "{clinic} {client_name}"))
    with pytest.raises(ValidationError):
        ops.call("notices.save_templates", unknown)
    assert ops.call("notices.settings", NoRequest()).review.reviewed_by == ""
    text = "{clinic}: فایل‌های سفارش {order} نابود شد. رسید {receipt}"
    review = ops.call(
        "notices.save_templates", ops_.SaveTemplates(receipt, ops_.TemplateTexts(shipped.subject, shipped.email, text))
    )
    assert review.reviewed_by == "admin" and review.reviewed_at
    assert ops.call("notices.template", ops_.TemplateRef("destruction_receipt", "fa")).sms == text


def test_news_reach_only_the_opted_in_and_the_code_opts_out(clinic, ops: OperationExecutor) -> None:
    config.configure_email(clinic.admin, config.EmailConfig("smtp.example.org", 587, "starttls", "c@example.org"))
    before = ops.call("notices.settings", NoRequest()).opted_in
    yes, no = _client(clinic.reception, True), _client(clinic.reception, False)
    assert ops.call("notices.settings", NoRequest()).opted_in == before + 1
    with pytest.raises(ValidationError):
        ops.call("notices.send_marketing", ops_.SendMarketing("ok"))  # too short
    queued = ops.call("notices.send_marketing", ops_.SendMarketing("جشنوارهٔ پاییزی: ده درصد تخفیف"))
    waiting = dict(clinic.admin.conn.execute("SELECT kind, count(*) FROM notices GROUP BY kind").fetchall())
    assert queued == waiting["marketing"] >= 1
    assert not clinic.admin.conn.execute("SELECT 1 FROM notices WHERE client_id = ?", (no.id,)).fetchall()
    (code,) = clinic.admin.conn.execute("SELECT opt_out_code FROM notices WHERE client_id = ?", (yes.id,)).fetchone()
    with pytest.raises(NotFound):
        ops.call("notices.opt_out", ops_.OptOut("not-a-code"))
    assert ops.call("notices.opt_out", ops_.OptOut(code)) == yes.id
    assert not get_client(clinic.admin, yes.id).marketing_consent
    assert ops.call("notices.settings", NoRequest()).opted_in == before


def test_a_receptionist_cannot_read_or_change_the_notice_settings(clinic) -> None:
    executor = OperationExecutor(clinic.reception)
    try:
        for name, request in (
            ("notices.settings", NoRequest()),
            ("notices.template", ops_.TemplateRef("delivered", "fa")),
            ("notices.set_payment_url", ops_.SetPaymentUrl("https://pay.example.org")),
            ("notices.send_marketing", ops_.SendMarketing("جشنوارهٔ پاییزی")),
        ):
            with pytest.raises(PermissionDenied):
                executor.call(name, request)
    finally:
        executor.shutdown()
