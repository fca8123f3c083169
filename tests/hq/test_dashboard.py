"""The dashboard's numbers for seeded clinics (SQLite and PostgreSQL), staff sign-in, sessions, CSRF, CSV."""

from __future__ import annotations

import csv
import io
import re

import pytest
from hq_helpers import seed_clinics

from maya_hq import admin
from maya_hq.app import LOGIN_CSRF_COOKIE, SESSION_COOKIE
from maya_hq.stats import privacy_record, week_start
from tests.hq.conftest import STAFF_PASSWORD, TODAY


def sign_in(client, hq, username: str = "ops", password: str = STAFF_PASSWORD):
    if username == "ops" and not getattr(hq, "_ops", False):
        admin.add_staff(hq.engine, "ops", STAFF_PASSWORD)
        hq._ops = True
    page = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    return client.post(
        "/login", data={"csrf": csrf, "username": username, "password": password}, follow_redirects=False
    )


def test_privacy_record_counts_held_orders_apart_and_flags_anchor_rollback(hq_app) -> None:
    _client, hq = hq_app
    seeded = seed_clinics(hq.engine)
    alpha, beta, gamma = privacy_record(hq.engine, TODAY)
    assert (alpha.delivered, alpha.destroyed_in_time, alpha.destroyed_late, alpha.held, alpha.within_retention) == (
        6,
        1,
        1,
        1,
        1,
    )
    assert {o.order_ref for o in alpha.overdue} == seeded.overdue_refs  # the lifted hold is overdue again
    assert seeded.held_ref not in {o.order_ref for o in alpha.overdue}
    assert alpha.destroyed_share == pytest.approx(1 / 4)
    assert (alpha.quoted, alpha.paid) == (7, 6)
    assert sorted(alpha.turnarounds) == [4, 8, 9, 11, 11, 11]
    assert (alpha.anchor_seq, alpha.anchor_rollback) == (15, True)
    assert (beta.destroyed_share, beta.overdue, beta.anchor_seq, beta.anchor_rollback) == (1.0, [], 6, False)
    assert gamma.last_sync is None and gamma.destroyed_share is None and gamma.anchor_seq is None
    assert (alpha.workstations, beta.workstations, gamma.workstations) == (1, 1, 0)
    assert alpha.quietest_workstation == alpha.last_sync
    assert alpha.orders_by_week[week_start(TODAY.replace(day=1))]["confidential_document"] == 1


def test_dashboard_needs_a_session_and_shows_the_record(hq_app) -> None:
    client, hq = hq_app
    seeded = seed_clinics(hq.engine)
    assert client.get("/", follow_redirects=False).headers["location"] == "/login"
    assert client.get("/export/privacy.csv").status_code == 401
    assert sign_in(client, hq, password="wrong-password-123").status_code == 401
    assert sign_in(client, hq, username="nobody").status_code == 401
    answer = sign_in(client, hq)
    assert answer.status_code == 303
    cookie = answer.headers["set-cookie"]
    assert SESSION_COOKIE in cookie and "HttpOnly" in cookie and "Secure" in cookie and "SameSite=strict" in cookie
    page = client.get("/?lang=en")
    assert page.status_code == 200 and 'dir="ltr"' in page.text
    assert "audit rollback suspected" in page.text and "<svg" in page.text
    for ref in seeded.overdue_refs:
        assert ref in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    persian = client.get("/?lang=fa")
    assert 'dir="rtl"' in persian.text and "کارنامهٔ حریم خصوصی" in persian.text


def test_login_and_logout_refuse_a_missing_or_foreign_csrf_token(hq_app) -> None:
    client, hq = hq_app
    admin.add_staff(hq.engine, "ops", STAFF_PASSWORD)
    client.get("/login")
    forged = client.post(
        "/login", data={"csrf": "forged", "username": "ops", "password": STAFF_PASSWORD}, follow_redirects=False
    )
    assert forged.status_code == 403 and SESSION_COOKIE not in forged.headers.get("set-cookie", "")
    client.cookies.delete(LOGIN_CSRF_COOKIE)
    hq._ops = True
    assert sign_in(client, hq).status_code == 303
    assert client.post("/logout", data={"csrf": "forged"}).status_code == 403
    assert client.get("/", follow_redirects=False).status_code == 200  # still signed in
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)
    assert client.post("/logout", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 303  # the session row is gone


def test_csv_exports(hq_app) -> None:
    client, hq = hq_app
    seeded = seed_clinics(hq.engine)
    admin.add_clinic(hq.engine, "=HYPERLINK(1)", clinic_id="cl_formula")
    sign_in(client, hq)
    privacy = list(csv.DictReader(io.StringIO(client.get("/export/privacy.csv").text)))
    by_id = {row["clinic_id"]: row for row in privacy}
    assert set(by_id["cl_alpha"]["overdue_order_refs"].split()) == seeded.overdue_refs
    assert by_id["cl_alpha"]["audit_rollback_suspected"] == "yes" and by_id["cl_alpha"]["held"] == "1"
    assert by_id["cl_formula"]["clinic_name"] == "'=HYPERLINK(1)"  # no formula reaches a spreadsheet
    orders = list(csv.DictReader(io.StringIO(client.get("/export/orders.csv").text)))
    assert sum(int(r["orders"]) for r in orders if r["clinic_id"] == "cl_alpha") == 7


def test_password_guessing_is_throttled_per_user_name(hq_app) -> None:
    client, hq = hq_app
    admin.add_staff(hq.engine, "ops", STAFF_PASSWORD)
    hq._ops = True
    hq.login_limiter.rate = 0.0  # no refill during the test (Argon2id checks take real time on a busy machine)
    answers = [sign_in(client, hq, password=f"guess-number-{i}").status_code for i in range(12)]
    assert answers[:10] == [401] * 10 and answers[10:] == [429, 429]
    assert sign_in(client, hq).status_code == 429  # even the right password waits: no oracle while throttled


def test_clinic_names_are_escaped_in_tables_and_charts(hq_app) -> None:
    client, hq = hq_app
    admin.add_clinic(hq.engine, '<script>alert(1)</script>"><svg onload=x>', clinic_id="cl_xss")
    sign_in(client, hq)
    page = client.get("/?lang=en").text
    assert "<script>alert" not in page and "<svg onload" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
