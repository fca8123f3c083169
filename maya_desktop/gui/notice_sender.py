"""The client-notice sender for the desktop app: `core.notices.sender.NoticeLoop` in a QThread on its
own SQLCipher connection (like the sync thread, gui/sync_status.py). It follows lock/unlock and the
window's life, and emits PII-free round reports (counts and fixed texts) to the GUI thread.

The loop is not a window action: it is the background sender (like `maya-desktop notices send`), with its
own connection opened from the vault's key provider (never a copy of the key); the window only starts and
stops it, and never touches the database itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from maya_desktop.core.notices.sender import NoticeLoop
from maya_desktop.core.session import Session
from maya_desktop.gui.loop_thread import LoopController, LoopThread


class NoticeThread(LoopThread):
    report = Signal(object)  # SendReport
    NAME = "maya-notices"

    def make_loop(self, db_path: Path, key_source: Callable[[], bytes], interval: float) -> NoticeLoop:
        return NoticeLoop(db_path, key_source, interval=interval, on_report=self.report.emit)


class NoticeController(LoopController):
    """Owns the notice thread for one signed-in session; start()/stop() follow unlock/lock."""

    report = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None, *, interval: float = 30.0) -> None:
        super().__init__(session, parent, interval)

    def start(self) -> None:
        if self.session.vault_locked or self.is_running():  # (no copy of the key is made to find out)
            return
        thread = NoticeThread(self.session, self.interval, self)
        thread.report.connect(self.report.emit)
        self._launch(thread)
