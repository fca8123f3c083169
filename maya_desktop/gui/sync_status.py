"""Background sync for the desktop app + its status-bar widget (DESIGN §6).

The push loop (``core.sync.runner.SyncLoop`` = ``push_once`` in a loop) runs in a QThread on its
OWN SQLCipher connection, opened with the vault's current DB key and re-opened when the key
rotates (staff removal). The GUI thread only ever touches its own connection: it polls the pending
count every few seconds (a small indexed COUNT) and wakes the loop when new events were queued, so
an order change goes out within seconds. ``wake()`` is public for screens that want it sooner.

The counts and the first status are read without the GUI thread waiting (numbered: an older count never
replaces a newer one; the loop's own status is newer than the first one read).
The loop stops when the workstation locks, when the vault closes and when the window closes.
Nothing shown here carries personal data: counts, times and fixed Persian/English texts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.persian import format_jalali_datetime, to_persian_digits
from maya_desktop.core.session import Session
from maya_desktop.core.sync.runner import SyncLoop, SyncStatus
from maya_desktop.gui.loop_thread import LoopController, LoopThread
from maya_desktop.gui.operations import operations_for
from maya_desktop.gui.page_ops import NewestAnswer, NumberedReads
from maya_desktop.gui.theme import current_lang

POLL_MS = 3000
GUI_TIMEOUT = (5.0, 15.0)  # connect and read (loop_thread.SHUTDOWN_WAIT_MS waits for a request in flight)


class SyncThread(LoopThread):
    """Runs one SyncLoop; emits a SyncStatus after every round (queued to the GUI thread)."""

    status = Signal(object)
    NAME = "maya-sync"

    def __init__(self, session: Session, interval: float, parent: QObject | None = None) -> None:
        super().__init__(session, interval, parent)
        self.integrity = session.vault.integrity

    def make_loop(self, db_path: Path, key_source: Callable[[], bytes], interval: float) -> SyncLoop:
        # the key is read on every round: empty (locked or closed vault) ends the loop; a new key reconnects
        return SyncLoop(db_path, key_source, interval=interval, timeout=GUI_TIMEOUT, on_status=self.status.emit)

    def run(self) -> None:
        # The loop writes to the outbox: never before the database check after login has passed.
        gate = self.integrity
        while gate is not None and not gate.wait(0.25):
            if self.loop.stop.is_set():
                return
        if gate is None or gate.passed:
            self.loop.run()


class SyncController(LoopController, NumberedReads):
    """Owns the sync thread for one signed-in session. start()/stop() follow unlock/lock."""

    status_changed = Signal(object)  # SyncStatus
    pending_changed = Signal(int)

    def __init__(self, session: Session, parent: QObject | None = None, *, interval: float = 60.0) -> None:
        super().__init__(session, parent, interval)
        self.last_status: SyncStatus | None = None
        self.pending: int | None = None  # until the first count comes
        self.reads = NewestAnswer(self)  # counts and the first status; "shown": the newest count shown
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.check_outbox)
        self.check_outbox()

    # -- thread -----------------------------------------------------------------------------
    def start(self) -> None:
        if self.session.locked or not self.session.vault.db_key or self.is_running():
            return
        thread = SyncThread(self.session, self.interval, self)
        thread.status.connect(self._on_status)
        self._launch(thread)
        self.poll.start()

    def stop(self) -> None:
        self.poll.stop()
        super().stop()

    def restart(self) -> None:
        """After the settings changed: a fresh loop picks them up at once."""
        self.stop()
        if self._stopping:  # start again as soon as the old loop has ended
            self._stopping[-1].finished.connect(self.start)
        else:
            self.start()

    # -- status -----------------------------------------------------------------------------
    def _on_status(self, status: SyncStatus) -> None:
        self.last_status = status
        if status.pending >= 0:
            self.pending = status.pending
        self.status_changed.emit(status)
        if self.pending is not None:
            self.pending_changed.emit(self.pending)

    def _ask(self, op: str, on_done: Callable[[int, object], None]) -> None:
        """A read that failed (locked or closed meanwhile) is dropped: the next poll tries again."""
        self.reads.run(operations_for(self.session), op, NoRequest(), on_done)

    def check_outbox(self) -> None:
        """Poll: show the current pending count; wake the loop when new events were queued (off the GUI thread)."""
        if self.session.locked:
            return
        self._ask("sync.pending_count", self._counted)

    def _counted(self, mine: int, count: object) -> None:
        if not self.reads.take(mine):
            return  # a newer count is shown already
        counted = int(count)  # type: ignore[call-overload]
        grew = self.pending is not None and counted > self.pending
        self.pending = counted
        self.pending_changed.emit(counted)
        if grew:
            self.wake()

    def request_status(self, on_status: Callable[[SyncStatus], None]) -> None:
        """Read the status once (the status bar before the loop's first round); `on_status` gets it unless
        the loop told a status meanwhile (newer). Nothing while locked."""
        if self.session.locked:
            return

        def answered(mine: int, status: object) -> None:
            if self.last_status is not None or not isinstance(status, SyncStatus):
                return
            if not self.reads.take(mine):
                status = dataclasses.replace(status, pending=-1)  # a newer count is shown: keep it
            on_status(status)

        self._ask("sync.status", answered)


def _digits(text: str) -> str:
    return text if current_lang() == "en" else to_persian_digits(text)


def format_sync_time(utc_text: str | None) -> str:
    """Outbox UTC text -> local Jalali date and time in the interface's digits."""
    if not utc_text:
        return ""
    moment = dt.datetime.strptime(utc_text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
    return format_jalali_datetime(moment, "en" if current_lang() == "en" else "fa")


class SyncStatusWidget(QWidget):
    """Status bar: last successful sync (Jalali), pending count, last error (Persian)."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.controller = controller
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        self.last_label = QLabel()
        self.last_label.setObjectName("syncLast")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("syncPending")
        self.error_label = QLabel()
        self.error_label.setObjectName("syncError")
        self.error_label.setProperty("role", "error")
        for label in (self.last_label, self.pending_label, self.error_label):
            row.addWidget(label)
        self.pending: int | None = None
        self.last_success_at: str | None = None
        self.configured: bool | None = None  # until the first status comes
        controller.status_changed.connect(self.show_status)
        controller.pending_changed.connect(self.show_pending)
        self.show_pending(controller.pending)
        controller.request_status(self._first_status)

    def _first_status(self, status: SyncStatus) -> None:
        if shiboken6.isValid(self):  # (not closed meanwhile)
            self.show_status(status)

    @property
    def loading(self) -> bool:
        return self.controller.loading

    def show_pending(self, count: int | None) -> None:
        self.pending = count
        shown = "—" if count is None else _digits(str(count))
        self.pending_label.setText(self.tr("در صف: {0}").format(shown))
        if self.configured is False:
            self._show_not_set_up()

    def _show_not_set_up(self) -> None:
        """One message instead of "Sync is not set up" beside "Queued: 29", which staff read as stuck: the
        queued updates are kept until sync is set up, then sent."""
        self.pending_label.hide()
        if self.pending:
            text = self.tr("همگام‌سازی تنظیم نشده است؛ {0} مورد در صف می‌ماند تا پس از تنظیم آن ارسال شود")
            self.last_label.setText(text.format(_digits(str(self.pending))))
        else:
            self.last_label.setText(self.tr("همگام‌سازی تنظیم نشده است"))

    def show_status(self, status: SyncStatus) -> None:
        self.configured = status.configured
        if status.last_success_at:
            self.last_success_at = status.last_success_at
        when = format_sync_time(self.last_success_at) or self.tr("هنوز انجام نشده")
        self.last_label.setText(self.tr("آخرین همگام‌سازی: {0}").format(when))
        if status.pending >= 0:
            self.show_pending(status.pending)
        self.pending_label.setVisible(status.configured)
        if not status.configured:  # not an error: the clinic has not set up HQ sync (yet)
            self._show_not_set_up()
            error = ""
        elif current_lang() == "en":
            error = status.error_en or ""
        else:
            error = status.error_fa or ("خطا در همگام‌سازی" if status.error_en else "")
        self.error_label.setText(error)
        self.error_label.setToolTip(error)
        self.error_label.setVisible(bool(error))
