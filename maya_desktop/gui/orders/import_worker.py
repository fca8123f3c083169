"""Photo import off the GUI thread: one `orders.import_photo` operation per photo.

The worker runs in the global QThreadPool. It reads each file (in memory only), asks the vault's database
thread to import it (`call`, PageOps.call), reports each photo as a Qt signal (queued to the GUI thread) and
stops before the next photo when `cancel()` is called. Each photo is complete (core writes its ciphertext
first, then its rows in one transaction). Each request carries the order's version the previous photo left,
so a change another desk made meanwhile stops the import (orders.conflict). File names are shown to the
person at the end and never logged or stored.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.operations.orders import ImportPhoto
from maya_desktop.core.photos import ImportedPhoto
from maya_desktop.gui.workers import delete_after

log = logging.getLogger(__name__)


@dataclass
class ImportSummary:
    total: int
    imported: list[ImportedPhoto] = field(default_factory=list)
    errors: list[tuple[str, BaseException]] = field(default_factory=list)  # (file label, error)
    cancelled: bool = False


class _Signals(QObject):
    progress = Signal(int, int, str)  # done, total, label of the file just handled
    photo = Signal(object)  # ImportedPhoto (thumbnail bytes stay in memory)
    finished = Signal(object)  # ImportSummary
    failed = Signal(object)  # an exception that stopped the whole import (permission, state, conflict, lock)


class ImportWorker(QRunnable):
    """One import run. Create, connect `signals`, then `start()`."""

    def __init__(
        self,
        call: Callable[[str, Any], Any],
        order_id: int,
        version: int,
        sources: Sequence[tuple[str, Path | bytes]],
        *,
        run_analysis: bool = True,
    ) -> None:
        super().__init__()
        # Deleted by the pool once `run` returns: PySide keeps the Python object of a runnable it hands to the pool
        # until Qt deletes it, so with autoDelete off every import's worker lived for the whole process, and with
        # it (its `call`) the order screen's page operations, the page and the thumbnails it held (found by the
        # memory scan). The GUI's own reference (`OrderDetail.worker`) only reaches its Python side afterwards.
        self.setAutoDelete(True)
        self.call = call
        self.order_id = order_id
        self.version = version
        self.sources = list(sources)
        self.run_analysis = run_analysis
        self.cancel_flag = threading.Event()
        # Owned by the application object (GUI thread), not by this worker: the pool deletes the worker after `run`
        # and its Python object may go last in a pool thread, which must not delete a GUI thread's QObject. The
        # signals' object is deleted on the GUI thread once the import ended, after the page's own slots (see start).
        self.signals = _Signals(QCoreApplication.instance())
        self.running = False

    def start(self) -> None:
        delete_after(self.signals, self.signals.finished, self.signals.failed)  # after the page's slots
        self.running = True
        QThreadPool.globalInstance().start(self)

    def cancel(self) -> None:
        self.cancel_flag.set()

    def run(self) -> None:
        summary = ImportSummary(total=len(self.sources))
        total = len(self.sources)
        try:
            done = 0
            for label, payload in self.sources:
                if self.cancel_flag.is_set():
                    break
                done += 1
                try:
                    data = payload.read_bytes() if isinstance(payload, Path) else payload
                    result = self.call(
                        "orders.import_photo", ImportPhoto(self.order_id, self.version, data, self.run_analysis)
                    )
                except OSError:
                    summary.errors.append((label, ValidationError("The file could not be read.", "فایل خوانده نشد.")))
                except ValidationError as exc:  # a bad file: the next one is tried (a conflict stops: StateError)
                    summary.errors.append((label, exc))
                else:
                    self.version = result.version
                    summary.imported.append(result.photo)
                    self.signals.photo.emit(result.photo)
                self.signals.progress.emit(done, total, label)
            summary.cancelled = self.cancel_flag.is_set() and done < summary.total
        except BaseException as exc:  # shown in Persian by the GUI; only the type is logged
            log.warning("photo import stopped: %s", type(exc).__name__)
            self.running = False
            self.signals.failed.emit((exc, summary))
            return
        self.running = False
        self.signals.finished.emit(summary)
