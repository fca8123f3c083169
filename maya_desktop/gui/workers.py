"""Run slow core calls (key derivation, integrity checks, imports, analysis, sync) off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, SignalInstance


def delete_after(signals: QObject, *ends: SignalInstance) -> None:
    """Delete a worker's signal object (owned by the application, on the GUI thread) once any of `ends` was
    delivered. Call it AFTER the caller connected its own slots: a signal emitted on a worker thread posts one
    event per connection, in connection order, and the GUI thread may handle the first before the next is
    posted. Connected first, the deletion could run before the caller's event was posted, and that event was
    lost (an import that never ended on the screen: CI, 2026-12-06)."""
    for end in ends:
        end.connect(signals.deleteLater)


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
        # Owned by the application object, on the GUI thread. Owned by this task (no parent), it was freed with
        # the task's Python object, on the pool thread, as soon as `run` returned: a GUI thread's QObject
        # deleted on another thread, while its `done` was still queued (a lambda connected to it crashed the
        # process; see run_in_background for when it is deleted instead).
        self.signals = _Signals(QCoreApplication.instance())
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
    delete_after(task.signals, task.signals.done, task.signals.failed)
    QThreadPool.globalInstance().start(task)
    return task
