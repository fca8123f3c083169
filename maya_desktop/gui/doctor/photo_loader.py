"""Decrypt and decode a case's photos off the GUI thread, one photo at a time.

Minimum necessary viewing: a loader decodes either thumbnails (`kind="thumb"`: `open_thumbnail`, shown
at most THUMB_SIDE px, the strip of a case being opened) or full photos (`kind="photo"`: `open_photo` +
`get_analysis`, for a photo the doctor is about to see). The viewer opens a case with a thumbnail loader
and starts a one-photo loader only when a photo is shown, so only displayed photos are decrypted at full
size and logged as viewed. Every call goes through core (access checked and audited on every call) on
the worker's own connection (`vault.worker_session`, never the GUI's) and is decoded to a QImage in
memory (QImage, unlike QPixmap, may be made outside the GUI thread). Nothing is written to disk.

A photo is decoded at screen size (`max_side`, JPEG reduce-on-decode: Pillow's `draft()` makes libjpeg
decode at 1/2, 1/4 or 1/8 directly), not at its full 12 MP: the full-resolution pixels are decoded only
for the region the doctor zooms into (`decode_region`, a "zoom tile", from the decrypted JPEG bytes the
viewer keeps in memory for the photos it holds). Nothing of it reaches the disk.

The viewer receives each finished photo as a queued Qt signal (the first photo first, then in strip
order; `prefer()` moves a photo the doctor clicked to the front). `cancel()` (closing the case, the
app locking, a break-glass running out) stops the decoders before their next core call: their
sessions are marked locked, so core itself refuses any further decryption; a photo decoded meanwhile
is dropped, not sent. A refusal from core (consent revoked, break-glass over) stops every decoder.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import itertools
import logging
import math
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PIL import Image
from PySide6.QtCore import (
    QObject,
    QRect,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage

from maya_desktop.core.colour import EXIF_TRANSPOSE, dest_box
from maya_desktop.core.errors import MayaError, PermissionDenied
from maya_desktop.core.operations.review import PhotoBytes, PhotoRef
from maya_desktop.core.photos import get_analysis, open_photo_stored, open_thumbnail
from maya_desktop.core.session import Session
from maya_desktop.gui.image_bytes import image_reader
from maya_desktop.gui.operations import operations_for
from maya_desktop.gui.workstation_session import is_workstation

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
BIG_BUFFER = 1024 * 1024


def return_big_buffers_to_the_system() -> bool:
    """glibc only: buffers of 1 MB and more (decoded photos, JPEG bytes, decoder scratch) are mapped on
    their own and given back when freed. By default glibc raises that threshold to the size of the
    largest buffer freed so far (up to 32 MB), after which a 12 MB decode buffer is carved from the heap
    of the thread that decoded it and stays in the process's memory after the photo is dropped: with
    photos decoded on pool threads that left ~50 MB resident per case for nothing (issue 17)."""
    if sys.platform != "linux":
        return False  # Windows' and macOS's allocators give big blocks back by themselves
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(M_MMAP_THRESHOLD, BIG_BUFFER))
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False


return_big_buffers_to_the_system()

# Photos decoded at once. JPEG decoding is the cost (~0.16 s per 12 MP photo) and QImageReader lets
# other threads run meanwhile, so after the first photo (decoded alone, the doctor is waiting for it)
# two decoders open the rest in about half the time on two cores (the tests set 1 for a fixed order).
PARALLEL = 2
THUMB_SIDE = 256  # thumbnails are decoded to at most this many pixels on their longer side
DRAFT_SLACK = 0.9  # a JPEG decoded at a DCT scale down to 90 % of the screen size is shown as it is


class PhotoUnreadable(MayaError):
    def __init__(self) -> None:
        super().__init__("This photo could not be decoded.", "این عکس باز نشد (فایل تصویر خوانا نیست).")


@dataclass
class LoadedPhoto:
    photo_id: int
    image: QImage  # at most the loader's max_side (screen size)
    thumb: QImage | None
    analysis: dict[str, Any] | None
    full_size: QSize | None = None  # the photo's own size (`image` may be smaller)
    jpeg: bytes | None = None  # the decrypted JPEG, memory only: the zoom tiles are decoded from it
    orientation: int = 1  # the EXIF orientation `jpeg` is stored with (1: upright); `image` is upright


def decode_image(data: bytes, max_side: int | None = None) -> QImage:
    """JPEG bytes -> QImage in memory. QImageReader.read() lets other Python threads run while it
    decodes (QImage.fromData holds the GIL for the whole ~0.2 s of a 12 MP photo, freezing the GUI).
    `max_side`: decode scaled down so that neither side exceeds it."""
    with image_reader(data) as reader:
        size = reader.size()
        if max_side is not None and size.isValid() and max(size.width(), size.height()) > max_side:
            reader.setScaledSize(size.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio))
        return reader.read()


def decode_display(data: bytes, max_side: int | None, orientation: int = 1) -> tuple[QImage, QSize]:
    """JPEG bytes -> (QImage with neither side over `max_side`, the photo's full size), in memory, turned
    upright by the EXIF `orientation` it is stored with (core.photos.open_photo_stored; turned once small).

    Pillow's `draft()` has libjpeg decode at a DCT scale (1/2, 1/4, 1/8) directly: the smallest one still
    at least DRAFT_SLACK of the wanted size, so a 12 MP photo for a 1,024 px screen is decoded straight
    at 750 x 1,000 (1/16 of the pixels, several times faster) and not resized at all; only a decode over
    `max_side` is resized down. Pillow lets other threads run while it decodes."""
    method = EXIF_TRANSPOSE.get(orientation)
    with Image.open(io.BytesIO(data)) as img:
        full = QSize(img.height, img.width) if _swaps(method) else QSize(img.width, img.height)
        target = (img.width, img.height)
        if max_side is not None and max(img.size) > max_side:
            scale = max_side / max(img.size)
            target = (max(1, math.floor(img.width * scale)), max(1, math.floor(img.height * scale)))
            img.draft("RGB", (max(1, int(target[0] * DRAFT_SLACK)), max(1, int(target[1] * DRAFT_SLACK))))
        pixels = img.convert("RGB") if img.mode != "RGB" else img
        pixels.load()
        if max(pixels.size) > max(target):
            pixels = pixels.resize(target, Image.Resampling.BILINEAR, reducing_gap=2.0)
        if method is not None:
            pixels = pixels.transpose(method)
        size = pixels.size
        raw = pixels.tobytes()
    # RGB32, the screen's own format, converted here in the pool thread: making the pixmap on the GUI
    # thread is then a copy, not a conversion. The QImage owns its pixels.
    image = QImage(raw, size[0], size[1], 3 * size[0], QImage.Format.Format_RGB888).convertToFormat(
        QImage.Format.Format_RGB32
    )
    del raw
    return image, full


def _swaps(method: Image.Transpose | None) -> bool:
    return method in (
        Image.Transpose.ROTATE_90,
        Image.Transpose.ROTATE_270,
        Image.Transpose.TRANSPOSE,
        Image.Transpose.TRANSVERSE,
    )


_INVERSE = {  # the other transposes undo themselves
    Image.Transpose.ROTATE_90: Image.Transpose.ROTATE_270,
    Image.Transpose.ROTATE_270: Image.Transpose.ROTATE_90,
}


def decode_region(data: bytes, region: QRect, scale: float = 1.0, orientation: int = 1) -> QImage:
    """The pixels of `region` (full-resolution coordinates of the upright photo) only, at `scale` (<= 1),
    from JPEG bytes in memory stored with the EXIF `orientation`: Qt's JPEG reader decodes the clip
    rectangle (of the stored picture) line by line, never the whole photo; the tile is turned upright."""
    method = EXIF_TRANSPOSE.get(orientation)
    wanted = QSize(max(1, round(region.width() * scale)), max(1, round(region.height() * scale)))
    clip, clip_size = QRect(region), QSize(wanted)
    with image_reader(data) as reader:
        if method is not None:  # where the upright region lies in the stored picture
            stored = reader.size()
            upright = (stored.height(), stored.width()) if _swaps(method) else (stored.width(), stored.height())
            box = (region.left(), region.top(), region.right() + 1, region.bottom() + 1)
            x, y = dest_box(_INVERSE.get(method, method), upright, box)
            if _swaps(method):
                clip, clip_size = QRect(x, y, region.height(), region.width()), wanted.transposed()
            else:
                clip = QRect(x, y, region.width(), region.height())
        reader.setClipRect(clip)
        if scale < 1.0:
            reader.setScaledSize(clip_size)
        image = reader.read()
    return image if method is None or image.isNull() else _transposed(image, method)


def _transposed(image: QImage, method: Image.Transpose) -> QImage:
    """A (tile-sized) QImage transposed exactly as Pillow does it (the same table as the import)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    raw = bytes(rgb.constBits())[: rgb.bytesPerLine() * rgb.height()]
    pixels = Image.frombuffer("RGB", (rgb.width(), rgb.height()), raw, "raw", "RGB", rgb.bytesPerLine(), 1)
    turned = pixels.transpose(method)
    width, height = turned.size
    return QImage(turned.tobytes(), width, height, 3 * width, QImage.Format.Format_RGB888).convertToFormat(
        QImage.Format.Format_RGB32
    )


def decode_thumbnail(
    session: Session, photo_id: int, cancelled: Callable[[], bool] = lambda: False
) -> LoadedPhoto | None:
    """The photo's thumbnail only (one checked, audited core call), at most THUMB_SIDE px, in memory."""
    return decode_thumbnail_bytes(photo_id, open_thumbnail(session, photo_id), cancelled)


def decode_thumbnail_bytes(
    photo_id: int, data: bytes, cancelled: Callable[[], bool] = lambda: False
) -> LoadedPhoto | None:
    thumb = decode_image(data, THUMB_SIDE)
    del data
    if cancelled():
        return None
    if thumb.isNull():
        raise PhotoUnreadable()
    return LoadedPhoto(photo_id, thumb, thumb, None)


def decode_photo(
    session: Session, photo_id: int, cancelled: Callable[[], bool] = lambda: False, max_side: int | None = None
) -> LoadedPhoto | None:
    """The photo (at most `max_side` px) and its analysis (two checked, audited core calls), in memory:
    call it only for a photo that is about to be shown (the audit log then says it was viewed).

    Returns None when `cancelled()` turns true between the steps (what was decoded is dropped)."""
    stored = open_photo_stored(session, photo_id)
    if cancelled():
        return None

    def analysis_of() -> dict[str, Any] | None:
        return get_analysis(session, photo_id)

    return decode_photo_bytes(photo_id, stored.jpeg, analysis_of, cancelled, max_side, stored.orientation)


def decode_photo_bytes(
    photo_id: int,
    data: bytes,
    analysis_of: Callable[[], dict[str, Any] | None],
    cancelled: Callable[[], bool] = lambda: False,
    max_side: int | None = None,
    orientation: int = 1,
) -> LoadedPhoto | None:
    """Decrypted JPEG bytes (from core here, or from the vault host on a workstation) stored with the EXIF
    `orientation` -> a LoadedPhoto, upright."""
    try:
        image, full = decode_display(data, max_side, orientation)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise PhotoUnreadable() from exc
    if image.isNull():
        raise PhotoUnreadable()
    if cancelled():
        return None
    return LoadedPhoto(photo_id, image, None, analysis_of(), full, data, orientation)


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
        # Deleted by the pool once `run` returns (with autoDelete off, PySide kept every decoder's Python object,
        # and through it its loader and session, for the whole process); the loader's list keeps only its Python side
        self.setAutoDelete(True)
        self.loader = loader
        self.index = index

    def run(self) -> None:
        self.loader._work(self.index)


class CasePhotoLoader:
    """One case's photos, decoded by up to `parallel` pool threads (each with its own DB connection):
    their thumbnails (`kind="thumb"`) or the full photos (`kind="photo"`).

    Create in the GUI thread, connect `signals`, then `start()`."""

    def __init__(
        self,
        session: Session,
        photo_ids: Iterable[int],
        parallel: int | None = None,
        *,
        kind: str = "photo",
        max_side: int | None = None,
    ) -> None:
        if kind not in ("photo", "thumb"):
            raise ValueError(f"unknown kind {kind!r}")
        self.session = session
        # a network workstation (gui.workstation_session): no vault here, the photos come from the vault host
        # through the named operations review.photo / review.thumbnail, on the remote executor
        self.remote: Any = operations_for(session).executor if is_workstation(session) else None
        self.kind = kind
        self.max_side = max_side  # photos: decoded at most this size (None: full size)
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
            if self.remote is None:
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
                    if worker is None:
                        loaded = self._from_host(photo_id)
                    elif self.kind == "photo":
                        loaded = decode_photo(worker, photo_id, self._stopping, self.max_side)
                    else:
                        loaded = decode_thumbnail(worker, photo_id, self._stopping)
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

    def _from_host(self, photo_id: int) -> LoadedPhoto | None:
        """A workstation: the bytes from the vault host (checked and audited there), decoded here in memory."""
        if self.kind == "photo":
            sent: PhotoBytes = self.remote.submit("review.photo", PhotoRef(photo_id)).result()
            if self._stopping():
                return None
            analysis = sent.analysis
            return decode_photo_bytes(
                photo_id, sent.jpeg, lambda: analysis, self._stopping, self.max_side, sent.orientation
            )
        data: bytes = self.remote.submit("review.thumbnail", PhotoRef(photo_id)).result()
        if self._stopping():
            return None
        return decode_thumbnail_bytes(photo_id, data, self._stopping)

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


# ---- zoom tiles ------------------------------------------------------------------------------------
class _TileSignals(QObject):
    done = Signal(int, object, object, float)  # job id, region (QRect), decoded QImage, scale


_tile_signals: _TileSignals | None = None
_tile_jobs = itertools.count(1)


def tile_signals() -> _TileSignals:
    """The one object every zoom tile is reported through (made in the GUI thread, lives as long as the
    process: a canvas closed meanwhile is simply no longer connected)."""
    global _tile_signals
    if _tile_signals is None:
        _tile_signals = _TileSignals()
    return _tile_signals


class _TileJob(QRunnable):
    def __init__(
        self, job: int, data: bytes, region: QRect, scale: float, signals: _TileSignals, orientation: int = 1
    ) -> None:
        super().__init__()
        self.job, self.data, self.region, self.scale, self.signals = job, data, QRect(region), scale, signals
        self.orientation = orientation

    def run(self) -> None:
        try:
            image = decode_region(self.data, self.region, self.scale, self.orientation)
        except Exception as exc:  # a tile that fails leaves the screen-size photo shown; only the type is logged
            log.warning("zoom tile not decoded: %s", type(exc).__name__)
            image = QImage()
        self.data = b""
        self.signals.done.emit(self.job, self.region, image, self.scale)


def start_tile(data: bytes, region: QRect, scale: float, orientation: int = 1) -> int:
    """Decode `region` (upright coordinates) of the photo (JPEG bytes in memory, stored with the EXIF
    `orientation`) in a pool thread; returns the job id that `tile_signals().done` reports with. Call from
    the GUI thread."""
    job = next(_tile_jobs)
    QThreadPool.globalInstance().start(_TileJob(job, data, region, scale, tile_signals(), orientation))
    return job
