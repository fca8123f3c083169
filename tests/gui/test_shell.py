"""GUI walk with pytest-qt (offscreen): setup wizard -> login -> client -> search -> auto-lock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton, QWizard

from maya_desktop.core.clients import search_clients
from maya_desktop.core.errors import PermissionDenied
from maya_desktop.core.paths import DataDir
from maya_desktop.gui.login import LoginDialog
from maya_desktop.gui.main_window import MainWindow
from maya_desktop.gui.setup_wizard import SetupWizard
from tests.conftest import PASSWORD, submit_client_form


@pytest.fixture(autouse=True)
def _persian(persian_theme) -> None:
    """Every test here runs with the Persian theme (tests/conftest.py)."""


def _fill_wizard(wizard: SetupWizard) -> None:
    wizard.next()  # intro
    wizard.clinic_name.setText("کلینیک آزمایشی")
    wizard.next()
    page = wizard.account_page
    page.display_name.setText("مدیر آزمایشی")
    page.username.setText("boss")
    page.password.setText(PASSWORD)
    page.repeat.setText(PASSWORD)


def test_setup_wizard_creates_the_clinic_and_refuses_mismatched_passwords(qtbot, data_dir: Path):
    wizard = SetupWizard(data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_wizard(wizard)
    wizard.account_page.repeat.setText("something-else-1")
    assert not wizard.account_page.validatePage()
    assert "یکسان" in wizard.account_page.error.text()
    assert not DataDir.at(data_dir).is_initialized()
    wizard.account_page.repeat.setText(PASSWORD)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    # the clinic and the manager's key (Argon2id) are made off the GUI thread, with a busy bar meanwhile
    assert wizard.account_page.creating and wizard.account_page.progress.isVisibleTo(wizard)
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with qtbot.waitSignal(wizard.accepted, timeout=30_000):
        pass
    assert wizard.session is not None and wizard.session.actor == "boss"
    assert DataDir.at(data_dir).is_initialized()
    wizard.session.vault.close()


def test_login_wrong_password_shows_persian_message_then_succeeds(qtbot, demo, data_dir: Path):
    demo.vault.close()
    dialog = LoginDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("reception")
    dialog.password.setText("not-the-password")
    dialog.button.click()
    qtbot.waitUntil(lambda: dialog.button.isEnabled(), timeout=10_000)
    assert "گذرواژه" in dialog.error.text()
    # the growing delay is on (kept in the data folder, core.signin); the next attempt waits for it
    from maya_desktop.core.paths import DataDir
    from maya_desktop.core.signin import FolderThrottle

    throttle = FolderThrottle(DataDir.at(data_dir))
    assert throttle.delay_of("reception") > 0
    qtbot.waitUntil(lambda: throttle.delay_of("reception") == 0, timeout=5_000)
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000) as blocker:
        dialog.button.click()
    session = blocker.args[0]
    assert session.actor == "reception"
    assert any(
        e.action == "login.failed" for e in __import__("maya_desktop.core.audit", fromlist=["x"]).entries(session.conn)
    )
    session.vault.close()


def test_throttle_refuses_fast_retries(qtbot, demo, data_dir: Path):
    from maya_desktop.core.paths import DataDir
    from maya_desktop.core.signin import FolderThrottle

    demo.vault.close()
    FolderThrottle(DataDir.at(data_dir)).failed("admin")  # e.g. by a CLI command a moment ago
    dialog = LoginDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    dialog.password.setText(PASSWORD)
    dialog.button.click()
    qtbot.waitUntil(dialog.button.isEnabled, timeout=10_000)
    assert "ثانیه" in dialog.error.text() and dialog.session is None


def test_create_client_search_and_auto_lock(qtbot, demo, login, artifacts: Path):
    session = login("reception")
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    page = window.page_by_key["clients"]
    assert "staff" not in window.page_by_key and "audit" not in window.page_by_key  # receptionist

    dialog = submit_client_form(qtbot, session, "ترانه", "شایگان", "۰۹۳۶ ۴۴۴ ۵۵۶۶", "taraneh@example.com", window)
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=10_000)  # saved on the database thread
    assert dialog.saved.mobile == "+989364445566"

    bad = submit_client_form(qtbot, session, "X", "Y", "۰۲۱۸۸۷۷۶۶۵۵", parent=window)
    qtbot.waitUntil(lambda: bad.error.text() != "", timeout=10_000)
    assert bad.saved is None  # Persian message in place, nothing stored

    page.search.setText("۴۴۴۵۵")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.model.rows[0].last_name == "شایگان"
    window.grab().save(str(artifacts / "main_window_clients.png"))

    window.idle.set_minutes(0.001)  # 60 ms
    qtbot.waitUntil(lambda: window.outer.currentWidget() is window.lock_screen, timeout=3000)
    assert session.locked
    with pytest.raises(PermissionDenied):
        search_clients(session, "")  # core refuses while locked, not only the GUI
    window.grab().save(str(artifacts / "main_window_locked.png"))
    window.idle.set_minutes(5)
    window.lock_screen.password.setText("wrong-password-1")
    window.lock_screen.findChild(QPushButton, "unlockButton").click()
    qtbot.waitUntil(lambda: not window.lock_screen.unlocking, timeout=10_000)  # the key is derived off the GUI
    assert window.outer.currentWidget() is window.lock_screen
    from maya_desktop.core.paths import DataDir
    from maya_desktop.core.signin import FolderThrottle

    throttle = FolderThrottle(DataDir.at(session.vault.data_dir.root))  # unlocking is throttled like sign-in
    assert throttle.delay_of(session.actor) > 0
    qtbot.waitUntil(lambda: throttle.delay_of(session.actor) == 0, timeout=5_000)
    window.lock_screen.findChild(QLineEdit, "unlockPassword").setText(PASSWORD)
    window.lock_screen.findChild(QPushButton, "unlockButton").click()
    qtbot.waitUntil(lambda: window.outer.currentIndex() == 0, timeout=10_000)
    assert not session.locked


def test_manager_sees_staff_and_audit_and_renders(qtbot, demo, artifacts: Path):
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    assert {"clients", "staff", "audit"} <= set(window.page_by_key)
    window.show_page("staff")
    window.grab().save(str(artifacts / "main_window_staff.png"))
    window.show_page("audit")
    audit_page = window.page_by_key["audit"]
    audit_page.verify()  # an operation off the GUI thread: the answer comes back on it
    qtbot.waitUntil(lambda: "سالم" in audit_page.status.text(), timeout=10_000)
    window.grab().save(str(artifacts / "main_window_audit.png"))


def test_every_side_menu_item_has_its_own_icon(qtbot, demo):
    """Prices, settings, backups and client notices once all showed the same gear: each section of the side
    menu now draws its own picture (compared as rendered pixels, so two files with one drawing count as one)."""
    from PySide6.QtCore import Qt

    from maya_desktop.resources_path import resource

    window = MainWindow(demo)
    qtbot.addWidget(window)
    names = [section[2] for section in window._sections()]
    assert len(set(names)) == len(names), names
    assert all(resource("icons", f"{name}.svg").exists() for name in names)
    items = [window.nav.item(row) for row in range(window.nav.count())]
    assert {"prices", "settings", "backups", "notices"} <= {item.data(Qt.ItemDataRole.UserRole) for item in items}
    drawn = {}
    for item in items:
        image = item.icon().pixmap(24, 24).toImage()
        assert not image.isNull(), item.text()
        drawn[item.data(Qt.ItemDataRole.UserRole)] = image
    keys = list(drawn)
    same = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1 :] if drawn[a] == drawn[b]]
    assert not same, same
