"""The client-notice sender for the desktop app: `core.notices.sender.NoticeLoop` in a QThread on its
own SQLCipher connection (like the sync thread, gui/sync_status.py). It follows lock/unlock and the
window's life, and emits PII-free round reports (counts and fixed texts) to the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal

from maya_desktop.core.notices.sender import NoticeLoop
from maya_desktop.core.session import Session

SHUTDOWN_WAIT_MS = 25_000  # a send in flight (20 s timeout) and a margin


class NoticeThread(QThread):
    report = Signal(object)  # SendReport

    def __init__(self, session: Session, interval: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        vault = session.vault
        self.loop = NoticeLoop(
            vault.data_dir.db,
            vault.key_provider,  # the shared key buffer: empty once locked or closed, and the loop ends
            interval=interval,
            on_report=self.report.emit,
        )
        self.setObjectName("maya-notices")

    def run(self) -> None:
        self.loop.run()


class NoticeController(QObject):
    """Owns the notice thread for one signed-in session; start()/stop() follow unlock/lock."""

    report = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None, *, interval: float = 30.0) -> None:
        super().__init__(parent)
        self.session = session
        self.interval = interval
        self.thread: NoticeThread | None = None
        self._stopping: list[NoticeThread] = []

    def is_running(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    def start(self) -> None:
        if self.session.locked or not self.session.vault.db_key or self.is_running():
            return
        thread = NoticeThread(self.session, self.interval, self)
        thread.report.connect(self.report.emit)
        thread.finished.connect(self._finished)
        self.thread = thread
        thread.start(QThread.Priority.LowPriority)

    def stop(self) -> None:
        if self.thread is not None:
            self.thread.loop.stop.set()
            if self.thread.isRunning():
                self._stopping.append(self.thread)
            self.thread = None

    def wake(self) -> None:
        """Send now (e.g. right after an order change) instead of at the next round."""
        if self.thread is not None:
            self.thread.loop.wake.set()

    def shutdown(self, wait_ms: int = SHUTDOWN_WAIT_MS) -> None:
        self.stop()
        for thread in list(self._stopping):
            thread.wait(wait_ms)
        self._stopping = [t for t in self._stopping if t.isRunning()]

    def _finished(self) -> None:
        self._stopping = [t for t in self._stopping if t.isRunning()]
        if self.thread is not None and self.thread.isFinished():
            self.thread = None
