"""News of events and discounts reaches only clients who opted in; the opt-out works and is audited."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maya_desktop.core import audit
from maya_desktop.core.clients import create_client, get_client, update_client
from maya_desktop.core.db import IntegrityError
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.notices import config, outbox, templates
from maya_desktop.core.notices.sender import send_once
from maya_desktop.core.persian import to_ascii_digits
from tests.notices.conftest import email_settings, sms_settings

_serial = itertools.count(1_000_000)
NEWS = "جشنوارهٔ پاییزی: ده درصد تخفیف آنالیز تا پایان آذر"


def _new_client(session, opted_in: bool):  # type: ignore[no-untyped-def]
    n = next(_serial)
    return create_client(session, "سارا", "کاظمی", f"0912{n:07d}", f"client{n}@example.org", opted_in)


def _raw_insert(conn, client_id: int) -> None:  # type: ignore[no-untyped-def]
    conn.execute(
        "INSERT INTO notices(uid, event_key, kind, channel, client_id, facts, next_attempt_at, created_at)"
        " VALUES (?, ?, 'marketing', 'email', ?, '{}', 'x', 'x')",
        (f"raw-{client_id}", f"raw:{client_id}", client_id),
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    people=st.lists(st.tuples(st.booleans(), st.booleans()), min_size=1, max_size=5),
    via_sms=st.booleans(),
)
def test_no_marketing_message_reaches_a_client_without_the_opt_in(
    clinic, starttls_smtp, mailbox, gateway, ca_file, people, via_sms
):
    """people: (opted in at the campaign, withdraws the opt-in before the sender runs)."""
    state, url = gateway
    config.configure_email(clinic.admin, email_settings(starttls_smtp, "starttls", ca_file))
    if via_sms:
        config.configure_sms(clinic.admin, sms_settings(url, ca_file))
    else:
        config.configure_sms(clinic.admin, None)
    mailbox.messages.clear()
    state.sent.clear()
    created = [(_new_client(clinic.reception, opted), withdraws) for opted, withdraws in people]
    outbox.send_marketing(clinic.admin, NEWS)
    for client, withdraws in created:
        if not client.marketing_consent:
            with pytest.raises(outbox.MarketingRefused):
                outbox.enqueue(clinic.admin.conn, kind="marketing", client_id=client.id, event_key="x", facts={})
            with pytest.raises(IntegrityError):  # the database refuses it even when core is bypassed
                _raw_insert(clinic.admin.conn, client.id)
        elif withdraws:
            c = get_client(clinic.reception, client.id)
            update_client(clinic.reception, c.id, c.first_name, c.last_name, c.mobile, c.email, False)
    send_once(clinic.root / "maya.db", clinic.admin.vault.db_key)
    allowed = {r[0] for r in clinic.admin.conn.execute("SELECT email FROM clients WHERE marketing_consent = 1")}
    allowed_mobiles = {
        "0" + r[0].removeprefix("+98")
        for r in clinic.admin.conn.execute("SELECT mobile FROM clients WHERE marketing_consent = 1")
    }
    for msg in mailbox.messages:
        assert msg["To"] in allowed
        assert msg["List-Unsubscribe"] and "لغو" in msg.get_body(("plain",)).get_content()
    for sms in state.sent:
        assert sms["receptor"] in allowed_mobiles and "لغو" in sms["message"]
    expected = {c.email for c, withdraws in created if c.marketing_consent and not withdraws}
    assert expected <= {m["To"] for m in mailbox.messages}


def test_opt_out_with_the_code_from_the_message_is_honoured_and_audited(clinic, starttls_smtp, mailbox, ca_file):
    config.configure_email(clinic.admin, email_settings(starttls_smtp, "starttls", ca_file))
    client = _new_client(clinic.reception, True)
    assert get_client(clinic.reception, client.id).marketing_consent_at  # the opt-in's date is recorded
    outbox.send_marketing(clinic.admin, NEWS)
    send_once(clinic.root / "maya.db", clinic.admin.vault.db_key)
    (msg,) = [m for m in mailbox.messages if m["To"] == client.email]
    code = re.search(r"کد (\S+)", msg.get_body(("plain",)).get_content()).group(1)
    assert to_ascii_digits(code) in msg["List-Unsubscribe"]
    assert outbox.opt_out(clinic.reception, code) == client.id  # typed as printed: Persian digits
    after = get_client(clinic.reception, client.id)
    assert not after.marketing_consent and after.marketing_consent_at is None
    (opted_out_at,) = clinic.admin.conn.execute(
        "SELECT marketing_opt_out_at FROM clients WHERE id = ?", (client.id,)
    ).fetchone()
    assert opted_out_at
    entry = audit.entries(clinic.admin.conn, object_ref=f"client:{client.id}")[0]
    assert entry.action == "client.marketing_opt_out" and entry.details["via"] == "code"
    mailbox.messages.clear()
    outbox.send_marketing(clinic.admin, NEWS + " (دوم)")
    send_once(clinic.root / "maya.db", clinic.admin.vault.db_key)
    assert client.email not in {m["To"] for m in mailbox.messages}


def test_opting_out_cancels_news_still_waiting(clinic, starttls_smtp, ca_file):
    config.configure_email(clinic.admin, email_settings(starttls_smtp, "starttls", ca_file))
    client = _new_client(clinic.reception, True)
    outbox.send_marketing(clinic.admin, NEWS)
    outbox.opt_out_client(clinic.reception, client.id)
    states = {r[0] for r in clinic.admin.conn.execute("SELECT state FROM notices WHERE client_id = ?", (client.id,))}
    assert states == {"cancelled"}


def test_a_marketing_template_without_the_opt_out_is_refused(clinic):
    with pytest.raises(ValidationError):
        templates.save_templates(clinic.admin, "marketing", "fa", {"email": "{message}\n{clinic}"})
    with pytest.raises(ValidationError):
        templates.save_templates(clinic.admin, "quote_ready", "fa", {"sms": "{clinic} {order} {client_name}"})
    with pytest.raises(ValidationError):  # no card number in a template either
        templates.save_templates(clinic.admin, "quote_ready", "fa", {"sms": "{clinic} کارت 6037997599400315"})


def test_unticking_the_opt_in_in_the_client_form_also_records_the_date_and_cancels_waiting_news(
    clinic, starttls_smtp, ca_file
):
    config.configure_email(clinic.admin, email_settings(starttls_smtp, "starttls", ca_file))
    client = _new_client(clinic.reception, True)
    outbox.send_marketing(clinic.admin, NEWS)
    update_client(clinic.reception, client.id, client.first_name, client.last_name, client.mobile, client.email, False)
    row = clinic.admin.conn.execute("SELECT marketing_opt_out_at FROM clients WHERE id = ?", (client.id,)).fetchone()
    assert row[0]
    states = {r[0] for r in clinic.admin.conn.execute("SELECT state FROM notices WHERE client_id = ?", (client.id,))}
    assert states == {"cancelled"}
    entry = audit.entries(clinic.admin.conn, object_ref=f"client:{client.id}")[0]
    assert entry.action == "client.updated" and "marketing_consent" in entry.details["fields"]
