"""Run slow core calls (key derivation, integrity checks, imports, analysis, sync) off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Task(QRunnable):
    """Calls fn(*args, progress=callback?) in the thread pool; results come back as Qt signals."""

    def __init__(self, fn: Callable[..., Any], *args: Any, with_progress: bool = False) -> None:
        super().__init__()
        self.fn = fn
        self.args = args
        self.with_progress = with_progress
        self.signals = _Signals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(*self.args, progress=self.signals.progress.emit)
            else:
                result = self.fn(*self.args)
        except BaseException as exc:  # reported to the GUI thread, which shows a Persian message
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def run_in_background(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> Task:
    task = Task(fn, *args, with_progress=on_progress is not None)
    task.signals.done.connect(on_done)
    task.signals.failed.connect(on_error)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(task)
    return task
