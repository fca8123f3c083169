"""The dashboard in real headless chromium (Debian's /usr/bin/chromium driven by Playwright) against a real
``maya-hq serve`` process over TLS: sign in, see the charts and the privacy record of seeded clinics in
Persian and English, export CSV. Screenshots go to test-artifacts/ (look at them)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from hq_helpers import seed_clinics, start_hq

from maya_hq import admin, schema
from maya_hq.db import make_engine
from tests.hq.conftest import STAFF_PASSWORD

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
]


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install -y chromium); the browser test is skipped")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        yield browser
        browser.close()


def test_sign_in_see_the_privacy_record_and_export_csv(browser, tmp_path, pki, artifacts) -> None:
    url = f"sqlite:///{tmp_path / 'hq.db'}"
    engine = make_engine(url)
    schema.upgrade(engine)
    seeded = seed_clinics(engine)
    admin.add_staff(engine, "ops", STAFF_PASSWORD)
    engine.dispose()
    hq = start_hq(url, pki)
    try:
        context = browser.new_context(
            ignore_https_errors=True, accept_downloads=True, viewport={"width": 1400, "height": 1000}, locale="fa-IR"
        )
        outside: list[str] = []
        context.on("request", lambda r: None if r.url.startswith(hq.url) else outside.append(r.url))
        page = context.new_page()
        page.goto(hq.url + "/")
        assert page.url.endswith("/login")
        page.fill("#username", "ops")
        page.fill("#password", "not-the-password")
        page.click("#sign-in")
        assert page.locator("p.error").is_visible()
        page.fill("#username", "ops")
        page.fill("#password", STAFF_PASSWORD)
        page.click("#sign-in")
        page.wait_for_selector("#privacy")
        assert page.evaluate("document.documentElement.dir") == "rtl"
        page.evaluate("document.fonts.ready")
        assert page.evaluate("document.fonts.check('16px Vazirmatn')")
        assert page.locator("svg.chart").count() >= 6  # share, conversion, turnaround, three weekly charts
        alpha = page.locator("#clinic-cl_alpha")
        assert "⚠" in alpha.inner_text()  # audit rollback suspected
        assert page.locator("#clinic-cl_beta .anchor .alarm").count() == 0
        overdue_text = page.locator("table.overdue-list").inner_text()
        assert all(ref in overdue_text for ref in seeded.overdue_refs) and seeded.held_ref not in overdue_text
        page.screenshot(path=str(artifacts / "hq-dashboard-fa.png"), full_page=True)

        page.click("#switch-lang")
        page.wait_for_selector("text=Privacy record")
        assert page.evaluate("document.documentElement.dir") == "ltr"
        assert "audit rollback suspected" in page.locator("#clinic-cl_alpha").inner_text()
        page.screenshot(path=str(artifacts / "hq-dashboard-en.png"), full_page=True)

        with page.expect_download() as info:
            page.click("#export-privacy")
        rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
        alpha_row = next(r for r in rows if r["clinic_id"] == "cl_alpha")
        assert seeded.overdue_refs <= set(alpha_row["overdue_order_refs"].split())
        assert alpha_row["audit_rollback_suspected"] == "yes"
        assert outside == []  # the page fetched nothing from anywhere else
        context.close()
    finally:
        hq.stop()
