"""The main window and the sync settings dialog read without the GUI thread waiting for the database thread
(as tests/gui_orders/test_reads_without_waiting.py does for the lists): while the database thread is held busy,
the window is made, and the values read come after it is let go.

"Without waiting" is shown without a clock: the database thread's operation is still held when the window is
made (a window that waited for its read would only be made once the hold ended, after 10 s)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from maya_desktop.core.clinic_settings import update_settings
from maya_desktop.core.session import Session
from maya_desktop.gui.operations import operations_for

WAIT = 10_000


@contextmanager
def held_database_thread(session: Session) -> Iterator[threading.Event]:
    """The session's database thread runs one operation until the block ends (or 10 s pass); yields the event
    set when that operation ended."""
    release, started, ended = threading.Event(), threading.Event(), threading.Event()

    def hold(_session: Any, _request: Any) -> None:
        started.set()
        release.wait(10)
        ended.set()

    operations_for(session).run(hold)
    try:
        if not started.wait(10):
            raise RuntimeError("the database thread never started the held operation")
        yield ended
    finally:
        release.set()


def test_the_main_window_reads_the_clinic_name_and_lock_minutes_without_waiting(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    from maya_desktop.core.operations.catalogue import NoRequest, clinic_info
    from maya_desktop.gui.main_window import MainWindow

    update_settings(demo, auto_lock_minutes=7)
    name = clinic_info(demo, NoRequest()).name
    with held_database_thread(demo) as ended:
        window = MainWindow(demo)
        qtbot.addWidget(window)
        assert not ended.is_set()  # made while the database thread was still held
        assert window.loading and window.clinic is None
        assert name not in window.windowTitle() and window.clinic_label.text() == ""
    qtbot.waitUntil(lambda: not window.loading, timeout=WAIT)
    assert window.clinic == name and name in window.windowTitle() and window.clinic_label.text() == name
    assert window.idle.timer.interval() == 7 * 60_000


def test_the_sync_settings_dialog_reads_without_waiting_and_keeps_its_form_off_meanwhile(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from maya_desktop.core.sync import settings as sync_settings
    from maya_desktop.gui.sync_settings import SyncSettingsDialog

    sync_settings.set_endpoint(demo.conn, "https://hq.example.org")
    sync_settings.set_token(demo.conn, "t" * 32)
    with held_database_thread(demo) as ended:
        dialog = SyncSettingsDialog(demo)
        qtbot.addWidget(dialog)
        assert not ended.is_set()  # made while the database thread was still held
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert dialog.loading and dialog.endpoint.text() == ""
        assert not dialog.endpoint.isEnabled() and not save.isEnabled()  # nothing typed is overwritten later
    qtbot.waitUntil(lambda: not dialog.loading, timeout=WAIT)
    assert dialog.endpoint.text() == "https://hq.example.org" and dialog.endpoint.isEnabled() and save.isEnabled()
    assert dialog.token.text() == "" and dialog.token.placeholderText() != ""  # saved, never shown
