"""What the owners of the background loops share (the sync thread, gui/sync_status.py, and the notice sender,
gui/notice_sender.py): one QThread that runs a core loop (core.loop_connection.BackgroundLoop) on its own
connection, started on unlock and stopped on lock. A stopped thread is kept until it has ended (its round in
flight finishes), and `shutdown` waits for it: the QThread must not outlive its loop."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QThread

from maya_desktop.core.session import Session

SHUTDOWN_WAIT_MS = 25_000  # a round in flight (request timeouts of 20 s at the most) and a margin


class Loop(Protocol):
    stop: threading.Event  # ends the loop
    wake: threading.Event  # cuts the pause between rounds short

    def run(self) -> None: ...


class LoopThread(QThread):
    """Runs the loop `make_loop` builds on the session's vault: its database file and its shared key buffer
    (empty once locked or closed, and the loop ends; never a copy of the key)."""

    NAME = ""  # the QThread's object name

    def __init__(self, session: Session, interval: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loop: Loop = self.make_loop(session.vault.data_dir.db, session.vault.key_provider, interval)
        self.setObjectName(self.NAME)

    def make_loop(self, db_path: Path, key_source: Callable[[], bytes], interval: float) -> Loop:
        raise NotImplementedError

    def run(self) -> None:
        self.loop.run()


class LoopController(QObject):
    """Owns the loop thread of one signed-in session; subclasses build the thread and call `_launch`."""

    def __init__(self, session: Session, parent: QObject | None, interval: float) -> None:
        super().__init__(parent)
        self.session = session
        self.interval = interval
        self.thread: LoopThread | None = None
        self._stopping: list[LoopThread] = []

    def is_running(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    def _launch(self, thread: LoopThread) -> None:
        thread.finished.connect(self._finished)  # bound method: queued to the GUI thread
        self.thread = thread
        thread.start(QThread.Priority.LowPriority)

    def stop(self) -> None:
        """Ask the loop to end (it does within ~0.25 s, or after the round in flight). Does not block."""
        if self.thread is not None:
            self.thread.loop.stop.set()
            if self.thread.isRunning():
                self._stopping.append(self.thread)
            self.thread = None

    def wake(self) -> None:
        """Run a round now (e.g. right after an order change) instead of at the next one."""
        if self.thread is not None:
            self.thread.loop.wake.set()

    def shutdown(self, wait_ms: int = SHUTDOWN_WAIT_MS) -> None:
        """Stop and wait (window closing / logout)."""
        self.stop()
        for thread in list(self._stopping):
            thread.wait(wait_ms)
        self._stopping = [t for t in self._stopping if t.isRunning()]

    def _finished(self) -> None:
        self._stopping = [t for t in self._stopping if t.isRunning()]
        if self.thread is not None and self.thread.isFinished():  # ended by itself (vault locked or closed)
            self.thread = None
