"""Photo import off the GUI thread, over `core.photos.import_photos`'s iterator.

The worker runs in the global QThreadPool. It reports each photo as a Qt signal (queued to the GUI
thread), stops before the next photo when `cancel()` is called, and never stores a half photo: each
photo is complete (core writes its ciphertext first, then its rows in one transaction under
its own connection). File names are shown to the person at the end and never logged or stored.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from maya_desktop.core.analysis_helper import shared_analyzer
from maya_desktop.core.photos import ImportedPhoto, import_photos
from maya_desktop.core.session import Session

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
    failed = Signal(object)  # an exception that stopped the whole import (permission, state, unexpected)


class ImportWorker(QRunnable):
    """One import run. Create, connect `signals`, then `start()`."""

    def __init__(
        self,
        session: Session,
        order_id: int,
        sources: Sequence[tuple[str, Path | bytes]],
        *,
        run_analysis: bool = True,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the GUI keeps a reference until `finished` / `failed`
        self.session = session
        self.order_id = order_id
        self.sources = list(sources)
        self.run_analysis = run_analysis
        self.cancel_flag = threading.Event()
        self.signals = _Signals()
        self.running = False

    def start(self) -> None:
        self.running = True
        QThreadPool.globalInstance().start(self)

    def cancel(self) -> None:
        self.cancel_flag.set()

    def run(self) -> None:
        summary = ImportSummary(total=len(self.sources))
        worker = None
        try:
            # Its own connection: the GUI thread keeps using the main one while photos are stored.
            worker = self.session.vault.worker_session(self.session.staff)
            # The engine runs in a helper process: loading its models holds the GIL for seconds.
            steps = import_photos(
                worker,
                self.order_id,
                self.sources,
                cancel=self.cancel_flag,
                run_analysis=self.run_analysis,
                analyzer=shared_analyzer().analyze if self.run_analysis else None,
            )
            done = 0
            for step in steps:
                done += 1
                if step.photo is not None:
                    summary.imported.append(step.photo)
                    self.signals.photo.emit(step.photo)
                elif step.error is not None:
                    summary.errors.append((step.label, step.error))
                self.signals.progress.emit(done, step.total, step.label)
            summary.cancelled = self.cancel_flag.is_set() and done < summary.total
        except BaseException as exc:  # shown in Persian by the GUI; only the type is logged
            log.warning("photo import stopped: %s", type(exc).__name__)
            self.running = False
            self.signals.failed.emit((exc, summary))
            return
        finally:
            if worker is not None:
                worker.vault.close()
        self.running = False
        self.signals.finished.emit(summary)
