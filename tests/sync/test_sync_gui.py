"""GUI wiring of sync (pytest-qt, offscreen): the background thread on its own connection, the
status-bar widget, wake after order changes, lock/close/key rotation, and the manager's dialog."""

from __future__ import annotations

import hashlib
import re

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sync_helpers import HQ_TOKEN, configure_sync, free_port

from maya_desktop.core.orders import records
from maya_desktop.core.persian import to_ascii_digits, to_persian_digits
from maya_desktop.core.settings import get_setting
from maya_desktop.core.staff import deactivate_staff, lock, verify_unlock
from maya_desktop.core.sync import outbox
from maya_desktop.core.sync import settings as sync_settings
from maya_desktop.gui.sync_settings import SyncSettingsDialog
from maya_desktop.gui.sync_status import SyncController, SyncStatusWidget
from tests.conftest import PASSWORD


@pytest.fixture(autouse=True)
def _persian(persian_theme) -> None:
    """Every test here runs with the Persian theme (tests/conftest.py)."""


@pytest.fixture
def controller(demo, qtbot):
    made = []

    def _make(interval: float = 60.0) -> tuple[SyncController, SyncStatusWidget]:
        ctl = SyncController(demo, interval=interval)
        widget = SyncStatusWidget(ctl)
        qtbot.addWidget(widget)
        made.append(ctl)
        return ctl, widget

    yield _make
    for ctl in made:
        ctl.shutdown()


def queue_orders(session, n: int) -> None:
    for client_id in range(1, n + 1):
        records.create_order(session, client_id, "confidential_document")


def shown_pending(widget: SyncStatusWidget) -> str:
    return to_ascii_digits(widget.pending_label.text())


def test_status_widget_shows_pending_then_zero_after_a_push(demo, hq, hq_pki, controller, qtbot, artifacts) -> None:
    receiver, _rec = hq()
    configure_sync(demo.conn, receiver.url, hq_pki)
    queue_orders(demo, 3)
    pending = outbox.stats(demo.conn).pending
    ctl, widget = controller()
    qtbot.waitUntil(lambda: not widget.loading, timeout=10_000)  # read without waiting
    assert "۳" in widget.pending_label.text() or str(pending) in shown_pending(widget)
    assert shown_pending(widget).endswith(str(pending)) and "هنوز" in widget.last_label.text()
    ctl.start()
    qtbot.waitUntil(lambda: shown_pending(widget).endswith(" 0"), timeout=15_000)
    assert "۰" in widget.pending_label.text()  # Persian digits
    assert "۱۴" in widget.last_label.text() and "هنوز" not in widget.last_label.text()  # Jalali year 14xx
    assert not widget.error_label.isVisible() and widget.error_label.text() == ""
    assert len(receiver.store.event_ids()) == pending
    widget.show()
    widget.grab().save(str(artifacts / "sync_status_widget.png"))
    # The loop used its own connection: the GUI's connection never left this thread.
    assert ctl.thread is not None and ctl.thread.loop._conn is not demo.conn


def test_order_change_wakes_the_loop_early(demo, hq, hq_pki, controller, qtbot) -> None:
    receiver, _rec = hq()
    configure_sync(demo.conn, receiver.url, hq_pki)
    ctl, widget = controller(interval=600.0)  # without a wake the next round would be 10 minutes away
    ctl.start()
    qtbot.waitUntil(lambda: ctl.last_status is not None, timeout=10_000)
    before = len(receiver.store.event_ids())
    queue_orders(demo, 1)
    ctl.check_outbox()  # what the 3-second poll does: it sees the new event and wakes the loop
    qtbot.waitUntil(lambda: len(receiver.store.event_ids()) == before + 1, timeout=5_000)
    qtbot.waitUntil(lambda: shown_pending(widget).endswith(" 0"), timeout=5_000)
    queue_orders(demo, 1)
    ctl.wake()  # the public hook works too
    qtbot.waitUntil(lambda: len(receiver.store.event_ids()) == before + 2, timeout=5_000)


def test_unreachable_server_shows_persian_error_and_keeps_pending(demo, hq_pki, controller, qtbot) -> None:
    configure_sync(demo.conn, f"https://127.0.0.1:{free_port()}", hq_pki)
    queue_orders(demo, 2)
    ctl, widget = controller()
    ctl.start()
    qtbot.waitUntil(lambda: widget.error_label.text() != "", timeout=10_000)
    assert "در دسترس نیست" in widget.error_label.text()
    assert shown_pending(widget).endswith(" 2") and "هنوز" in widget.last_label.text()
    assert HQ_TOKEN not in widget.error_label.text() + widget.error_label.toolTip()


def test_key_rotation_reconnects_the_sync_thread(demo, hq, hq_pki, controller, qtbot) -> None:
    receiver, _rec = hq()
    configure_sync(demo.conn, receiver.url, hq_pki)
    ctl, _widget = controller(interval=600.0)
    ctl.start()
    qtbot.waitUntil(lambda: ctl.last_status is not None, timeout=10_000)
    old_key = demo.vault.db_key
    deactivate_staff(demo, "reception")  # removing a person rotates the DB key
    assert demo.vault.db_key != old_key
    before = len(receiver.store.event_ids())
    queue_orders(demo, 1)
    ctl.wake()
    qtbot.waitUntil(lambda: len(receiver.store.event_ids()) == before + 1, timeout=10_000)
    assert ctl.thread.loop.reconnects >= 1  # keeps a fingerprint of the new key, never the key itself
    assert ctl.thread.loop._link._fingerprint == hashlib.sha256(demo.vault.db_key).digest()
    assert ctl.last_status.error_en is None


def test_lock_stops_the_thread_and_unlock_restarts_it(demo, hq, hq_pki, controller, qtbot) -> None:
    receiver, _rec = hq()
    configure_sync(demo.conn, receiver.url, hq_pki)
    ctl, _widget = controller()
    ctl.start()
    thread = ctl.thread
    qtbot.waitUntil(lambda: ctl.last_status is not None, timeout=10_000)
    lock(demo)
    ctl.stop()
    qtbot.waitUntil(lambda: thread.isFinished(), timeout=5_000)
    ctl.start()
    assert not ctl.is_running()  # refuses while locked
    verify_unlock(demo, PASSWORD)
    ctl.start()
    assert ctl.is_running() and ctl.thread is not thread
    # A loop also ends by itself when the vault closes (the key is wiped).
    lone = ctl.thread
    ctl.thread.loop.key_source = lambda: b""
    ctl.wake()
    qtbot.waitUntil(lambda: lone.isFinished(), timeout=5_000)


def test_main_window_has_the_widget_and_a_manager_only_action(demo, login, hq, hq_pki, qtbot) -> None:
    from maya_desktop.gui.main_window import MainWindow

    receiver, _rec = hq()
    configure_sync(demo.conn, receiver.url, hq_pki)
    window = MainWindow(demo)
    qtbot.addWidget(window)
    assert window.sync_status.parent() is not None and window.sync.is_running()
    names = [a.objectName() for a in window.menuBar().actions()[0].menu().actions()]
    assert "syncSettingsAction" in names
    window.lock()
    assert not window.sync.is_running()
    window.close()
    assert not window.sync.is_running() and not window.sync._stopping

    reception = login("reception")
    other = MainWindow(reception)
    qtbot.addWidget(other)
    names = [a.objectName() for a in other.menuBar().actions()[0].menu().actions()]
    assert "syncSettingsAction" not in names
    refused = SyncSettingsDialog(reception)  # read without waiting: the refusal is shown in place
    qtbot.addWidget(refused)
    qtbot.waitUntil(lambda: not refused.loading, timeout=10_000)
    assert refused.error.text() != "" and refused.endpoint.text() == ""
    assert not refused.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    other.close()


def test_settings_dialog_refuses_plain_http(demo, qtbot) -> None:
    dialog = SyncSettingsDialog(demo)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)  # the saved settings are read without waiting
    dialog.endpoint.setText("http://hq.example.org")
    dialog.token.setText("t" * 32)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "https://" in dialog.error.text() and "رمزنگاری" in dialog.error.text()  # Persian message
    assert dialog.result() == 0
    assert get_setting(demo.conn, sync_settings.KEY_ENDPOINT) is None
    dialog.test_button.click()  # "test connection" refuses it the same way, without any network
    assert "https://" in dialog.error.text() and dialog.test_button.isEnabled()


def test_settings_dialog_saves_tests_and_never_shows_the_token(demo, hq, hq_pki, qtbot, artifacts) -> None:
    receiver, _rec = hq()
    dialog = SyncSettingsDialog(demo)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    dialog.endpoint.setText(receiver.url)
    dialog.token.setText(HQ_TOKEN)
    dialog.ca_file.setText(hq_pki.ca_file)
    dialog.pin.setText(sync_settings.spki_sha256_of_pem(hq_pki.cert_pem))
    dialog.test_button.click()
    assert not dialog.test_button.isEnabled()  # runs off the GUI thread
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=10_000)
    assert "اتصال برقرار است" in dialog.test_result.text()
    dialog.show()
    dialog.grab().save(str(artifacts / "sync_settings_dialog.png"))
    dialog.token.setText("wrong-token-" + "w" * 20)
    dialog.test_button.click()
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=10_000)
    assert "توکن را نپذیرفت" in dialog.test_result.text()
    assert receiver.store.event_ids() == []  # testing sends no events
    dialog.token.setText(HQ_TOKEN)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=10_000)  # saved by an operation, off the GUI thread
    assert dialog.error.text() == ""
    config = sync_settings.load_config(demo.conn)
    assert config.endpoint == receiver.url and config.token == HQ_TOKEN and config.pin_sha256
    entry = demo.conn.execute("SELECT details FROM audit_log WHERE action = 'sync.settings_changed'").fetchone()
    assert entry is not None and HQ_TOKEN not in str(entry[0]) and receiver.url not in str(entry[0])

    again = SyncSettingsDialog(demo)  # the saved token is never shown again; empty keeps it
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: not again.loading, timeout=10_000)
    assert again.endpoint.text() == receiver.url
    assert again.token.text() == "" and HQ_TOKEN not in again.token.placeholderText()
    again.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: again.result() == 1, timeout=10_000)
    assert sync_settings.load_config(demo.conn).token == HQ_TOKEN


def test_the_status_bar_reads_without_waiting(demo, controller, qtbot) -> None:
    """The pending count and the first status are read on the database thread without the GUI thread waiting
    (the status bar is made with the main window: a busy database thread held the whole window back)."""
    from tests.gui_orders.test_reads_without_waiting import AT_ONCE, database_thread_busy, timed

    queue_orders(demo, 2)
    made: list[tuple[SyncController, SyncStatusWidget]] = []
    with database_thread_busy(demo):
        elapsed = timed(lambda: made.append(controller()))
        assert elapsed < AT_ONCE, elapsed
        ctl, widget = made[0]
        assert widget.loading and ctl.pending is None and shown_pending(widget).endswith("—")
        queue_orders_later = outbox.stats(demo.conn).pending
        elapsed = timed(ctl.check_outbox)
        assert elapsed < AT_ONCE, elapsed
    qtbot.waitUntil(lambda: not widget.loading, timeout=10_000)
    assert ctl.pending == queue_orders_later and shown_pending(widget).endswith(f" {queue_orders_later}")
    assert "تنظیم نشده" in widget.last_label.text()  # the first status came too (sync not set up here)


def test_sync_not_set_up_is_one_message_with_what_is_kept(demo, controller, qtbot, english) -> None:
    """Not "Sync is not set up" beside "Queued: 2" (staff read it as stuck): one message saying the queued
    updates are kept for sending once sync is set up; in Persian too, with Persian digits."""
    from maya_desktop.gui.theme import apply_theme

    queue_orders(demo, 2)
    pending = outbox.stats(demo.conn).pending
    ctl, widget = controller()
    widget.show()
    qtbot.waitUntil(lambda: not widget.loading and widget.configured is False, timeout=10_000)
    assert not widget.pending_label.isVisible()
    text = widget.last_label.text()
    assert text.startswith("Sync is not set up") and f"{pending} " in text and "once" in text, text

    queue_orders(demo, 1)
    ctl.check_outbox()  # the 3-second poll: the message follows the count
    qtbot.waitUntil(lambda: f"{pending + 1} " in widget.last_label.text(), timeout=10_000)
    assert not widget.pending_label.isVisible()

    apply_theme(QApplication.instance(), "fa")  # (the `english` fixture puts Persian back afterwards)
    _persian_ctl, persian = controller()
    persian.show()
    qtbot.waitUntil(lambda: not persian.loading and persian.configured is False, timeout=10_000)
    text = persian.last_label.text()
    assert text.startswith("همگام‌سازی تنظیم نشده است؛") and to_persian_digits(str(pending + 1)) in text, text
    assert not persian.pending_label.isVisible() and not re.search("[0-9]", text)
