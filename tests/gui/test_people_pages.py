"""Issue 13 / 15: the people screens (clients, client form, staff, account, agreement, lock screen) driven as a
person would, offscreen, against a real SQLCipher clinic. They reach the core only through operations (the
answers come back from the database thread, so the tests wait for them), and nothing typed is lost to a lock.
"""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from maya_desktop.core import audit, drafts
from maya_desktop.core.audit import AuditQuery
from maya_desktop.core.clients import create_client, get_client, search_clients
from maya_desktop.core.errors import PermissionDenied
from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.signin import SignInRequest, sign_in
from maya_desktop.core.staff import get_staff
from maya_desktop.gui.operations import operations_for
from tests.conftest import PASSWORD

WAIT = 10_000


@pytest.fixture(autouse=True)
def _persian(persian_theme) -> None:
    """Every test here runs with the Persian theme (tests/conftest.py)."""


def _window(qtbot, session):  # type: ignore[no-untyped-def]
    from maya_desktop.gui.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    page = window.page_by_key["clients"]
    window.show_page("clients")
    qtbot.waitUntil(lambda: page.loaded and not page.busy, timeout=WAIT)
    return window, page


def _unlock(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Through the lock screen, as a person would (the key is derived off the GUI thread)."""
    window.lock_screen.password.setText(PASSWORD)
    window.lock_screen.button.click()
    qtbot.waitUntil(lambda: window.outer.currentIndex() == 0, timeout=WAIT)


# ---- the clients page --------------------------------------------------------------------------
def test_a_new_client_is_selected_after_saving_and_buttons_need_a_selection(qtbot, clinic) -> None:
    window, page = _window(qtbot, clinic.reception)
    daily = (page.edit_button, page.order_button, page.history_button)
    assert page.selected() is None and not any(b.isEnabled() for b in daily)
    # the manager's tools are not among a receptionist's buttons
    assert page.erase_button.isHidden() and page.access_report_button.isHidden()
    page.search.setText("something typed before")
    page.debounce.stop()

    form = page.add_client()
    assert form is page.form and form.isVisible()
    form.first.setText("ترانه")
    form.last.setText("شایگان")
    form.mobile.setText("۰۹۳۶ ۴۴۴ ۵۵۶۶")
    form.save()
    qtbot.waitUntil(lambda: page.form is None, timeout=WAIT)
    qtbot.waitUntil(lambda: page.selected() is not None, timeout=WAIT)
    chosen = page.selected()
    assert chosen is not None and chosen.last_name == "شایگان" and chosen.id == form.saved.id
    assert page.search.text() == ""  # the search was cleared so the new client shows
    assert all(b.isEnabled() for b in daily)
    page.table.clearSelection()
    assert not any(b.isEnabled() for b in daily)
    window.close()


def test_shortcuts_new_client_search_and_new_order(qtbot, clinic, monkeypatch) -> None:
    window, page = _window(qtbot, clinic.reception)
    orders_asked: list[int] = []
    monkeypatch.setattr(
        "maya_desktop.gui.orders.dialogs.NewOrderDialog.exec",
        lambda dialog: orders_asked.append(dialog.client.id) or 0,
    )
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.search.hasFocus, timeout=WAIT)

    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert orders_asked == []  # nothing selected: no order
    page.select_client(page.model.rows[0].id)  # (QTableView.selectRow picks no column right-to-left)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert orders_asked == [page.selected().id]

    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.form is not None and page.form.isVisible(), timeout=WAIT)
    assert page.form.client is None  # a new client's form
    page.form.reject()
    qtbot.waitUntil(lambda: page.form is None, timeout=WAIT)

    window.show_page("orders")  # another page: the clients page's shortcuts are not active there
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(100)
    assert page.form is None
    window.close()


def test_erasing_is_a_managers_action_refused_and_audited_for_reception(qtbot, clinic) -> None:
    from maya_desktop.core.clients import erase_client

    client = create_client(clinic.reception, "کاوه", "پاکزاد", "09121239876", None)
    with pytest.raises(PermissionDenied):
        erase_client(clinic.reception, client.id)  # core refuses, not only the hidden button
    denied = audit.search(clinic.admin.conn, AuditQuery(actions=("permission.denied",)), limit=10)
    assert any(e.actor == "reception" and (e.details or {}).get("permission") == "clients.erase" for e in denied)
    assert get_client(clinic.admin, client.id).id == client.id

    window, page = _window(qtbot, clinic.admin)
    assert not page.erase_button.isHidden() and not page.erase_button.isEnabled()
    # away from the daily buttons: in the row below the list, not in the search bar's row
    assert page.manager_bar.indexOf(page.erase_button) >= 0
    assert page.erase_button.parentWidget() is page and page.erase_button.y() > page.table.y()
    page.search.setText("پاکزاد")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    page.select_client(page.model.rows[0].id)
    asked: list[bool] = []
    page.confirm_erase = lambda: asked.append(True) or True
    page.erase_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=WAIT)  # refreshed from the "clients" change
    assert asked == [True] and search_clients(clinic.admin, "پاکزاد") == []
    window.close()


# ---- nothing typed is lost to a lock ------------------------------------------------------------
def test_locking_mid_edit_keeps_the_client_form_as_a_draft_and_offers_it_after_unlock(qtbot, clinic, data_dir):
    window, page = _window(qtbot, clinic.reception)
    form = page.add_client()
    form.first.setText("نیلوفر")
    form.last.setText("آسمانی‌پور")
    form.mobile.setText("09127654321")
    form.email.setText("niloofar@example.com")
    form.notice_lang.setCurrentIndex(form.notice_lang.findData("en"))

    window.lock()  # as after idle minutes
    assert page.form is None and not form.isVisible() and page.model.rowCount() == 0
    assert window.wait_locked()

    # sealed to the receptionist: another person signing in meanwhile sees nothing of it
    other = sign_in(SignInRequest(data_dir, "admin", PASSWORD))
    try:
        assert drafts.drafts_of(other) == []
        sealed = other.conn.execute("SELECT sealed FROM drafts WHERE kind = 'client_form'").fetchone()[0]
        assert "آسمانی".encode() not in bytes(sealed) and b"niloofar" not in bytes(sealed)
        assert search_clients(other, "آسمانی") == []  # nothing was saved behind the person's back
    finally:
        other.vault.close()

    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: page.form is not None and page.form.isVisible(), timeout=WAIT)
    back = page.form
    assert back is not form and back.client is None
    assert (back.first.text(), back.last.text(), back.mobile.text(), back.email.text()) == (
        "نیلوفر",
        "آسمانی‌پور",
        "09127654321",
        "niloofar@example.com",
    )
    assert back.notice_lang.currentData() == "en" and "ذخیره" in back.error.text()  # said, not saved
    qtbot.waitUntil(lambda: drafts.drafts_of(clinic.reception, "client_form") == [], timeout=WAIT)  # offered once
    back.save()
    qtbot.waitUntil(lambda: page.form is None, timeout=WAIT)
    qtbot.waitUntil(lambda: page.selected() is not None, timeout=WAIT)
    assert page.selected().last_name == "آسمانی‌پور"
    window.close()


def test_an_edit_form_locked_mid_edit_comes_back_for_the_same_client(qtbot, clinic) -> None:
    client = create_client(clinic.reception, "بهار", "نوروزی", "09125550011", None)
    window, page = _window(qtbot, clinic.reception)
    page.search.setText("نوروزی")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    page.select_client(client.id)
    form = page.edit_client()
    qtbot.waitUntil(lambda: form.notice_lang.isEnabled(), timeout=WAIT)
    form.last.setText("نوروزی‌فر")
    window.lock()
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: page.form is not None and page.form.isVisible(), timeout=WAIT)
    back = page.form
    assert back.client is not None and back.client.id == client.id and back.last.text() == "نوروزی‌فر"
    assert get_client(clinic.admin, client.id).last_name == "نوروزی"  # not saved until the person saves
    back.reject()
    window.close()


def test_an_untouched_form_leaves_no_draft(qtbot, clinic) -> None:
    window, page = _window(qtbot, clinic.reception)
    page.add_client()
    window.lock()
    assert window.wait_locked()
    _unlock(qtbot, window)
    qtbot.wait(200)
    assert page.form is None and drafts.drafts_of(clinic.reception) == []
    window.close()


# ---- off the GUI thread ---------------------------------------------------------------------------
def test_the_lock_writes_its_audit_entry_off_the_gui_thread_and_the_unlock_derives_off_it(qtbot, clinic) -> None:
    session = clinic.reception
    window, _page = _window(qtbot, session)
    threads: list[str] = []
    original_audit = session.audit

    def slow_audit(action, object_ref="", details=None):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        time.sleep(0.3)  # a busy database (another process writing)
        return original_audit(action, object_ref, details)

    session.audit = slow_audit  # type: ignore[method-assign]
    started = time.monotonic()
    window.lock()
    assert time.monotonic() - started < 0.25  # the window did not wait for the write
    assert window.outer.currentWidget() is window.lock_screen
    assert session.vault.key_provider() == b""  # the keys are zeroed at once all the same
    assert window.wait_locked()
    del session.audit
    assert threads and threading.main_thread().name not in threads
    assert audit.search(clinic.admin.conn, AuditQuery(actions=("lock",)), limit=5)

    # unlocking: the GUI keeps running its event loop while the key is derived
    vault = session.vault
    original_unlock = vault.unlock_vault

    def slow_unlock(username, password):  # type: ignore[no-untyped-def]
        time.sleep(0.5)  # Argon2id at production cost
        return original_unlock(username, password)

    vault.unlock_vault = slow_unlock  # type: ignore[method-assign]
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    window.lock_screen.password.setText(PASSWORD)
    window.lock_screen.button.click()
    assert window.lock_screen.unlocking and window.lock_screen.progress.isVisibleTo(window.lock_screen)
    qtbot.waitUntil(lambda: window.outer.currentIndex() == 0, timeout=WAIT)
    timer.stop()
    del vault.unlock_vault
    assert len(ticks) >= 5 and not session.locked
    window.close()


# ---- staff, account, agreement ------------------------------------------------------------------
def test_staff_page_adds_resets_and_deactivates_through_operations(qtbot, clinic, monkeypatch, data_dir) -> None:
    from maya_desktop.gui.staff_page import StaffDialog

    window, _clients = _window(qtbot, clinic.admin)
    window.show_page("staff")
    page = window.page_by_key["staff"]
    qtbot.waitUntil(lambda: page.table.rowCount() == 3 and not page.busy, timeout=WAIT)
    assert not page.reset_button.isEnabled() and not page.remove_button.isEnabled()

    dialog = StaffDialog(clinic.admin, page)
    qtbot.addWidget(dialog)
    dialog.display_name.setText("سارا پذیرش")
    dialog.username.setText("sara")
    dialog.role.setCurrentIndex(dialog.role.findData("receptionist"))
    dialog.password.setText("weak")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error.text() != "" and dialog.save_button.isEnabled(), timeout=WAIT)
    assert dialog.result() == 0 and "گذرواژه" in dialog.error.text()  # refused in place
    dialog.password.setText("Another-Strong-Pass-9")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: page.table.rowCount() == 4, timeout=WAIT)  # the "staff" change refreshed it
    assert get_staff(clinic.admin, "sara").role == "receptionist"

    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 1).text() == "sara")
    page.table.setCurrentCell(row, 0)
    assert page.reset_button.isEnabled() and page.remove_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Fresh-Pass-Seven-71", True))
    page.reset()
    qtbot.waitUntil(lambda: page.status.text() != "", timeout=WAIT)
    clinic.admin.vault.check_password("sara", "Fresh-Pass-Seven-71")

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert page._selected_username() == "sara"  # still selected after the list refreshed
    page.remove()
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT)
    # read through the database thread: the test thread must not use the connection while the key rotates
    members = {m.username: m for m in operations_for(clinic.admin).call("staff.list", NoRequest()).members}
    assert not members["sara"].active
    window.close()
    with pytest.raises(Exception):  # noqa: B017  (AuthError: the deactivated person's password opens nothing)
        sign_in(SignInRequest(data_dir, "sara", "Fresh-Pass-Seven-71"))


def test_account_dialog_turns_on_two_step_login_and_the_session_knows(qtbot, clinic) -> None:
    from maya_desktop.gui.account_dialog import AccountDialog

    dialog = AccountDialog(clinic.reception)
    qtbot.addWidget(dialog)
    assert dialog.totp_button.isEnabled() and not clinic.reception.staff.totp_enabled
    dialog.totp_button.click()
    qtbot.waitUntil(lambda: "otpauth://" in dialog.message.text(), timeout=WAIT)
    assert clinic.reception.staff.totp_enabled and not dialog.totp_button.isEnabled()
    dialog.old.setText("not-my-password")
    dialog.new.setText("Brand-New-Pass-77")
    dialog.repeat.setText("Brand-New-Pass-77")
    dialog.change_password()
    qtbot.waitUntil(lambda: dialog.change.isEnabled(), timeout=WAIT)
    assert "گذرواژه" in dialog.message.text() and "عوض شد" not in dialog.message.text()


def test_agreement_is_accepted_through_its_operation(qtbot, demo, login) -> None:
    from maya_desktop.core.staff import needs_agreement
    from maya_desktop.gui.agreement import AgreementDialog

    session = login("doctor")
    assert needs_agreement(session)
    dialog = AgreementDialog(session)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.check.setChecked(True)
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=WAIT)
    assert not needs_agreement(session)  # the session carries the accepted agreement
    assert get_staff(demo, "doctor").agreement_accepted_at
    assert audit.search(demo.conn, AuditQuery(actions=("agreement.accepted",)), limit=5)


def test_no_modal_left_behind() -> None:
    assert QApplication.activeModalWidget() is None


def test_the_access_report_is_read_through_its_operation_and_saved_where_chosen(qtbot, clinic, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    client = create_client(clinic.reception, "رها", "دانشور", "09127770011", None)
    window, page = _window(qtbot, clinic.admin)
    page.search.setText("دانشور")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    page.table.clearSelection()
    assert not page.access_report_button.isEnabled()  # nothing selected
    page.select_client(client.id)
    assert page.access_report_button.isEnabled()
    target = tmp_path / "access.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    page.access_report_button.click()
    qtbot.waitUntil(target.exists, timeout=WAIT)
    qtbot.waitUntil(lambda: target.stat().st_size > 1000, timeout=WAIT)
    assert target.read_bytes().startswith(b"%PDF")
    logged = audit.search(clinic.admin.conn, AuditQuery(actions=("client.access_report",)), limit=5)
    assert [e.object_ref for e in logged] == [f"client:{client.id}"]
    window.close()
