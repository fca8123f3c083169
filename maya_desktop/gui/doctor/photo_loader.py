"""Decrypt and decode a case's photos off the GUI thread, one photo at a time.

Minimum necessary viewing: a loader decodes either thumbnails (`kind="thumb"`: `open_thumbnail`, shown
at most THUMB_SIDE px, the strip of a case being opened) or full photos (`kind="photo"`: `open_photo` +
`get_analysis`, for a photo the doctor is about to see). The viewer opens a case with a thumbnail loader
and starts a one-photo loader only when a photo is shown, so only displayed photos are decrypted at full
size and logged as viewed. Every call goes through core (access checked and audited on every call) on
the worker's own connection (`vault.worker_session`, never the GUI's) and is decoded to a QImage in
memory (QImage, unlike QPixmap, may be made outside the GUI thread). Nothing is written to disk.

The viewer receives each finished photo as a queued Qt signal (the first photo first, then in strip
order; `prefer()` moves a photo the doctor clicked to the front). `cancel()` (closing the case, the
app locking, a break-glass running out) stops the decoders before their next core call: their
sessions are marked locked, so core itself refuses any further decryption; a photo decoded meanwhile
is dropped, not sent. A refusal from core (consent revoked, break-glass over) stops every decoder.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QImageReader

from maya_desktop.core.errors import MayaError, PermissionDenied
from maya_desktop.core.photos import get_analysis, open_photo, open_thumbnail
from maya_desktop.core.session import Session

log = logging.getLogger(__name__)

# Photos decoded at once. JPEG decoding is the cost (~0.16 s per 12 MP photo) and QImageReader lets
# other threads run meanwhile, so after the first photo (decoded alone, the doctor is waiting for it)
# two decoders open the rest in about half the time on two cores (the tests set 1 for a fixed order).
PARALLEL = 2
THUMB_SIDE = 256  # thumbnails are decoded to at most this many pixels on their longer side


class PhotoUnreadable(MayaError):
    def __init__(self) -> None:
        super().__init__("This photo could not be decoded.", "این عکس باز نشد (فایل تصویر خوانا نیست).")


@dataclass
class LoadedPhoto:
    photo_id: int
    image: QImage
    thumb: QImage | None
    analysis: dict[str, Any] | None


def decode_image(data: bytes, max_side: int | None = None) -> QImage:
    """JPEG bytes -> QImage in memory. QImageReader.read() lets other Python threads run while it
    decodes (QImage.fromData holds the GIL for the whole ~0.2 s of a 12 MP photo, freezing the GUI).
    `max_side`: decode scaled down so that neither side exceeds it."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if max_side is not None and size.isValid() and max(size.width(), size.height()) > max_side:
        reader.setScaledSize(size.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    buffer.setData(QByteArray())
    return image


def decode_thumbnail(
    session: Session, photo_id: int, cancelled: Callable[[], bool] = lambda: False
) -> LoadedPhoto | None:
    """The photo's thumbnail only (one checked, audited core call), at most THUMB_SIDE px, in memory."""
    thumb = decode_image(open_thumbnail(session, photo_id), THUMB_SIDE)
    if cancelled():
        return None
    if thumb.isNull():
        raise PhotoUnreadable()
    return LoadedPhoto(photo_id, thumb, thumb, None)


def decode_photo(session: Session, photo_id: int, cancelled: Callable[[], bool] = lambda: False) -> LoadedPhoto | None:
    """The full photo and its analysis (two checked, audited core calls), in memory: call it only for a
    photo that is about to be shown (the audit log then says it was viewed).

    Returns None when `cancelled()` turns true between the steps (what was decoded is dropped)."""
    data = open_photo(session, photo_id)
    if cancelled():
        return None
    image = decode_image(data)
    del data
    if image.isNull():
        raise PhotoUnreadable()
    if cancelled():
        return None
    analysis = get_analysis(session, photo_id)
    return LoadedPhoto(photo_id, image, None, analysis)


class _Signals(QObject):
    photo = Signal(object)  # LoadedPhoto
    photo_failed = Signal(int, object)  # photo id, MayaError (that photo only; the others go on)
    stopped = Signal(object)  # the exception that stopped the whole load (access refused, unexpected)
    finished = Signal(bool)  # True when cancelled
    ended = Signal(object)  # the loader itself, for the keeper


class _Keeper(QObject):
    """Holds running loaders until they finish, so closing a case never frees a loader mid-run.

    Lives in the GUI thread and owns each loader's signal object (deleted there, later), so the loader
    itself may be freed by whichever thread drops it last."""

    def __init__(self) -> None:
        super().__init__()
        self.running: set[CasePhotoLoader] = set()

    @Slot(object)
    def release(self, loader: CasePhotoLoader) -> None:
        self.running.discard(loader)
        loader.signals.deleteLater()


_keeper: _Keeper | None = None


def _the_keeper() -> _Keeper:
    global _keeper
    if _keeper is None:
        _keeper = _Keeper()
    return _keeper


def running_loaders() -> int:
    return len(_keeper.running) if _keeper is not None else 0


class _Decoder(QRunnable):
    """One pool thread working through the loader's shared queue."""

    def __init__(self, loader: CasePhotoLoader, index: int) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the loader (held by the keeper until `ended`) keeps it
        self.loader = loader
        self.index = index

    def run(self) -> None:
        self.loader._work(self.index)


class CasePhotoLoader:
    """One case's photos, decoded by up to `parallel` pool threads (each with its own DB connection):
    their thumbnails (`kind="thumb"`) or the full photos (`kind="photo"`).

    Create in the GUI thread, connect `signals`, then `start()`."""

    def __init__(
        self, session: Session, photo_ids: Iterable[int], parallel: int | None = None, *, kind: str = "photo"
    ) -> None:
        if kind not in ("photo", "thumb"):
            raise ValueError(f"unknown kind {kind!r}")
        self.session = session
        self.kind = kind
        self.queue = list(photo_ids)
        self.total = len(self.queue)
        keeper = _the_keeper()
        self.signals = _Signals(keeper)  # owned by the keeper (GUI thread), not by this object
        self.signals.ended.connect(keeper.release)
        self._mutex = threading.Lock()
        self._cancel = threading.Event()  # closed, locked, expired: stop quietly
        self._halt = threading.Event()  # one decoder hit a refusal / an error: the others stop too
        self._workers: list[Session] = []  # (Session is a dataclass: not hashable)
        wanted = PARALLEL if parallel is None else parallel
        pool_size = max(1, QThreadPool.globalInstance().maxThreadCount())
        self._decoders = [_Decoder(self, i) for i in range(max(1, min(wanted, self.total, pool_size)))]
        self._first = threading.Event()  # the first photo is through: the other decoders may start
        self._active = len(self._decoders)
        self.done = threading.Event()

    # ---- GUI thread ------------------------------------------------------------------------------
    def start(self) -> None:
        _the_keeper().running.add(self)
        for decoder in self._decoders:
            QThreadPool.globalInstance().start(decoder)

    def prefer(self, photo_id: int) -> None:
        """Decode this photo next (the doctor clicked it)."""
        with self._mutex:
            if photo_id in self.queue:
                self.queue.remove(photo_id)
                self.queue.insert(0, photo_id)

    def cancel(self) -> None:
        """Stop before the next core call. Safe from any thread; idempotent."""
        self._cancel.set()
        self._first.set()  # wakes decoders still waiting, which then see the cancel
        with self._mutex:
            for worker in self._workers:
                worker.locked = True  # core refuses every further file access on these sessions

    def cancelled(self) -> bool:
        return self._cancel.is_set() or self.session.locked

    def _stopping(self) -> bool:
        return self.cancelled() or self._halt.is_set()

    # ---- pool threads ----------------------------------------------------------------------------
    def _next(self) -> int | None:
        with self._mutex:
            return self.queue.pop(0) if self.queue else None

    def _work(self, index: int) -> None:
        worker: Session | None = None
        try:
            if index > 0:
                # The first photo alone gets the CPU (it is the one the doctor is waiting for).
                self._first.wait()
            if self._stopping():
                return
            worker = self.session.vault.worker_session(self.session.staff)
            with self._mutex:
                self._workers.append(worker)
            if self._stopping():  # cancel() may have run just before the add
                worker.locked = True
                return
            while (photo_id := self._next()) is not None:
                if self._stopping():
                    return
                try:
                    decode = decode_photo if self.kind == "photo" else decode_thumbnail
                    loaded = decode(worker, photo_id, self._stopping)
                except PermissionDenied as exc:
                    self._halt.set()
                    if not self.cancelled():
                        self.signals.stopped.emit(exc)
                    return
                except MayaError as exc:
                    self.signals.photo_failed.emit(photo_id, exc)
                    self._first.set()
                    continue
                if loaded is None or self.cancelled():
                    return  # decoded pixels are dropped here, never sent
                self.signals.photo.emit(loaded)
                del loaded
                self._first.set()
        except BaseException as exc:  # shown in Persian by the viewer; only the type is logged
            log.warning("case photo loading stopped: %s", type(exc).__name__)
            self._halt.set()
            if not self.cancelled():
                self.signals.stopped.emit(exc)
        finally:
            self._first.set()  # never leave another decoder waiting
            try:
                if worker is not None:
                    worker.locked = True
                    with self._mutex:
                        self._workers = [w for w in self._workers if w is not worker]
                    worker.vault.close()
            finally:
                self._finish()

    def _finish(self) -> None:
        """The last decoder out reports the end (always, even after an error)."""
        with self._mutex:
            self._active -= 1
            last = self._active == 0
        if last:
            cancelled = self.cancelled()
            self.done.set()
            self.signals.finished.emit(cancelled)
            self.signals.ended.emit(self)
