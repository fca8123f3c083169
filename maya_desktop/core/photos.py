"""Photo import for orders: validate, strip metadata, encrypt, thumbnail, suggest the view.

Everything happens in memory; only ciphertext reaches the disk (core.blobstore).

Validation order (nothing is stored before all of it passed):
1. byte size limit; 2. format from the header (JPEG, PNG, HEIC/HEIF, WebP only);
3. dimensions from the header, *before decoding* (decompression-bomb guard; Image.MAX_IMAGE_PIXELS
   is set too); 4. a real, full decode; 5./6. colours converted to sRGB and the EXIF orientation
   applied, in one pass (core.colour), and the image re-encoded as a fresh JPEG (a big RGB photo in
   bands on two threads, core.jpeg_parallel): EXIF (incl. GPS), XMP, ICC, comments are all gone.
   A JPEG already in sRGB (or untagged) is not re-encoded: its coded picture is kept byte for byte and
   every other segment dropped (core.jpeg_strip) — the same promise, no generation loss. When it is
   turned (EXIF orientation 2-8) the import keeps the orientation as a value (photos.orientation, in the
   encrypted database) instead of transposing 12 MP: `open_photo` returns it turned upright (report,
   client copy), `open_photo_stored` gives the viewer the stored bytes and the orientation its decoders
   apply (gui/doctor/photo_loader); the thumbnail and the analysis get upright pixels at import.

The import API is built for a worker thread: `import_photos` is a generator yielding one
`ImportProgress` per photo and checking a cancel flag between photos. Each photo is stored
atomically: its encrypted files are written first, then the rows in one transaction; a crash in
between leaves only orphan ciphertext, which `blobstore.sweep_orphans` removes at the next open.
"""

from __future__ import annotations

import functools
import io
import json
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pillow_heif
from PIL import Image, UnidentifiedImageError
from PIL.ImageCms import ImageCmsTransform

from maya_desktop.core import blobstore
from maya_desktop.core.colour import EXIF_TRANSPOSE, STRIPS_FROM_PIXELS, convert_and_orient, transform_of
from maya_desktop.core.db import transaction
from maya_desktop.core.errors import MayaError, NotFound, StateError, ValidationError
from maya_desktop.core.jpeg_parallel import encode_oriented, oriented_size
from maya_desktop.core.jpeg_strip import strip_jpeg
from maya_desktop.core.orders import clock, sealing
from maya_desktop.core.orders.access import require_file_access
from maya_desktop.core.orders.keys import order_key
from maya_desktop.core.orders.lifecycle import advance, check, file_imported, load_for_import, state_error
from maya_desktop.core.orders.model import Order, load_order
from maya_desktop.core.orders.records import get_order
from maya_desktop.core.orders.states import (
    ANALYSIS_TO_ORDER_VIEW,
    IMPORT_PHASE_STATES,
    ORDER_TO_ANALYSIS_VIEW,
    VIEWS,
    Action,
    Service,
)
from maya_desktop.core.session import Session

pillow_heif.register_heif_opener()

MAX_INPUT_BYTES = 60 * 1024 * 1024
MAX_PIXELS = 64_000_000  # 48 MP phone sensors fit; a 1 KB "bomb" declaring 100k x 100k does not
MAX_SIDE = 16_384
MIN_SIDE = 64
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
ALLOWED_FORMATS = ("JPEG", "PNG", "HEIF", "WEBP")  # multi-picture JPEGs (MPO) open as JPEG
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".png", ".heic", ".heif", ".webp"})
JPEG_QUALITY = 92
THUMB_SIDE = 320
THUMB_QUALITY = 85
_THUMBNAILS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="maya-thumbnail")


@dataclass(frozen=True)
class CleanPhoto:
    """A validated photo, re-encoded (or losslessly stripped) without any metadata (in memory only)."""

    jpeg: bytes
    thumb_jpeg: bytes
    width: int
    height: int
    source: Image.Image = field(repr=False)  # the decoded pixels, before `transform` and `orientation`
    transform: ImageCmsTransform | None = field(default=None, repr=False)  # to sRGB (None: sRGB already)
    orientation: Image.Transpose | None = None  # what turns `source` upright (None: it is)
    # The EXIF orientation (1-8) `jpeg` still needs, kept as a value (photos.orientation) and applied where
    # the photo is decoded; 1: `jpeg` is upright. Only clean_photo(..., upright_pixels=False) leaves one.
    stored_orientation: int = 1

    @functools.cached_property
    def image(self) -> Image.Image:
        """The upright sRGB pixels of `jpeg` before its encoding, for the analysis (made on first use: an
        import without analysis never needs a full-size oriented copy)."""
        if self.transform is None and self.orientation is None:
            return self.source
        return convert_and_orient(self.source.copy(), self.transform, self.orientation)


@dataclass(frozen=True)
class ImportedPhoto:
    photo_id: int
    width: int
    height: int
    suggested_view: str | None
    thumbnail_jpeg: bytes = field(repr=False)  # for the import screen only; never written to disk
    refused: bool = False  # the analysis refused it (no face, several faces, blurred...): let reception decide
    findings: tuple[dict[str, str], ...] = ()  # code / severity / message_en / message_fa


@dataclass(frozen=True)
class ImportProgress:
    index: int  # 0-based position of this source
    total: int
    label: str  # the caller's label (e.g. a file name) — shown, never stored
    photo: ImportedPhoto | None = None
    error: MayaError | None = None


@dataclass(frozen=True)
class PhotoInfo:
    id: int
    order_id: int
    width: int
    height: int
    suggested_view: str | None
    view: str | None
    view_confirmed: bool
    has_analysis: bool
    created_at: str


def _refuse(en: str, fa: str) -> ValidationError:
    return ValidationError(en, fa, field="photo")


# ---- validation and cleaning (pure, no session) -------------------------------------------------
def _open_checked(data: bytes) -> Image.Image:
    if len(data) > MAX_INPUT_BYTES:
        raise _refuse("The file is too large (over 60 MB).", "حجم فایل بیش از ۶۰ مگابایت است.")
    try:
        with warnings.catch_warnings():  # Pillow only warns between 1x and 2x the limit: refuse those too
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _refuse("The photo's dimensions are too large.", "ابعاد عکس بیش از حد بزرگ است.") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise _refuse(
            "Not a supported photo (JPEG, PNG, HEIC or WebP).", "این فایل عکس پشتیبانی‌شده نیست (JPEG، PNG، HEIC، WebP)."
        ) from exc
    width, height = img.size
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        raise _refuse(f"The photo's dimensions are too large ({width}x{height}).", "ابعاد عکس بیش از حد بزرگ است.")
    if min(width, height) < MIN_SIDE:
        raise _refuse("The photo is too small.", "عکس بیش از حد کوچک است.")
    return img


def _orientation(img: Image.Image) -> int:
    """The EXIF orientation, 1-8 (1: upright, also for none or a bad value). Read only: the EXIF is dropped
    anyway, so it is not rewritten without the tag as ImageOps.exif_transpose does."""
    value = img.getexif().get(0x0112, 1)
    return value if isinstance(value, int) and value in EXIF_TRANSPOSE else 1


def _to_srgb_rgb(
    img: Image.Image, orientation: Image.Transpose | None = None, transform: ImageCmsTransform | None = None
) -> Image.Image:
    # One pass: the colours to sRGB (transform built once per profile, given by the caller; sRGB-tagged
    # photos are left as they are) and the orientation; a big photo in strips on two threads (core.colour).
    img = convert_and_orient(img, transform, orientation)
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return img if img.mode == "RGB" else img.convert("RGB")


def make_thumbnail(img: Image.Image, side: int = THUMB_SIDE) -> bytes:
    scale = side / max(img.size)
    size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
    # Always a new image: clean_photo encodes `img` on another thread meanwhile (save() sets attributes on it).
    thumb = img.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0) if scale < 1 else img.copy()
    out = io.BytesIO()
    thumb.save(out, "JPEG", quality=THUMB_QUALITY)
    return out.getvalue()


def clean_photo(data: bytes, *, upright_pixels: bool = True) -> CleanPhoto:
    """Validate and re-encode one photo; raise ValidationError (fa/en) when it is not acceptable.

    `upright_pixels=False` (the photo import): a turned JPEG that needs no colour conversion keeps its coded
    picture too and its orientation is left as a value (`CleanPhoto.stored_orientation`) for the decoders."""
    # No warnings.catch_warnings() here: it is process-global and not thread-safe. Our own header
    # check refuses everything above MAX_PIXELS (= Image.MAX_IMAGE_PIXELS) before decoding.
    img = _open_checked(data)
    try:
        img.load()
        exif_orientation = _orientation(img)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise _refuse("The photo is damaged or incomplete.", "فایل عکس ناقص یا آسیب‌دیده است.") from exc
    orientation = EXIF_TRANSPOSE.get(exif_orientation)
    transform = transform_of(img)
    # A JPEG whose colours are sRGB already needs no new pixels: its coded picture is kept and every
    # metadata segment dropped (core.jpeg_strip), instead of a re-encode as long as its decode; a turned
    # one keeps its orientation as a value (when the caller stores it) instead of a full-size transpose.
    lossless = img.format in ("JPEG", "MPO") and transform is None and img.mode in ("RGB", "L")
    if lossless and (orientation is None or not upright_pixels):
        stripped = strip_jpeg(data)
        if stripped is not None:
            img = _to_srgb_rgb(img)  # grey -> RGB for the analysis and the thumbnail; RGB as it is
            img.info.clear()
            width, height = oriented_size(img.size, orientation)
            small = _oriented_thumbnail(img, None, orientation)
            return CleanPhoto(stripped, small, width, height, img, None, orientation, exif_orientation)
    # A big RGB photo: converted, oriented and encoded in bands on two threads (core.jpeg_parallel), the
    # thumbnail meanwhile from the source (converted and oriented once small).
    if img.mode == "RGB" and img.width * img.height >= STRIPS_FROM_PIXELS:
        img.info.clear()  # comment / xmp / icc would otherwise be copied by the JPEG encoder
        thumb = _THUMBNAILS.submit(_oriented_thumbnail, img, transform, orientation)
        jpeg = encode_oriented(img, transform, orientation, JPEG_QUALITY)
        if jpeg is not None:
            width, height = oriented_size(img.size, orientation)
            return CleanPhoto(jpeg, thumb.result(), width, height, img, transform, orientation)
        thumb.cancel()
    img = _to_srgb_rgb(img, orientation, transform)
    img.info.clear()  # comment / xmp / icc would otherwise be copied by the JPEG encoder
    # Pillow releases the GIL while it resizes and encodes: the thumbnail is made while the photo is encoded.
    thumbnail = _THUMBNAILS.submit(make_thumbnail, img)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=JPEG_QUALITY)
    return CleanPhoto(out.getvalue(), thumbnail.result(), img.width, img.height, img)


def _oriented_thumbnail(
    img: Image.Image, transform: ImageCmsTransform | None, orientation: Image.Transpose | None
) -> bytes:
    """The thumbnail of `img` once converted and oriented, made small first (the same picture, cheaper)."""
    scale = THUMB_SIDE / max(img.size)
    size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
    small = img.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0) if scale < 1 else img.copy()
    small.info.clear()
    return make_thumbnail(convert_and_orient(small, transform, orientation))


# ---- analysis (optional: the engine lives in core.analysis) -------------------------------------
def _analyzer() -> Callable[..., Any] | None:
    try:
        from maya_desktop.core.analysis.engine import analyze_image
    except ImportError:
        return None
    return analyze_image


# The stored analysis keeps the engine's own view names (AnalysisResult.from_json reads it back);
# only the declared view going in and the suggestion coming out are translated (orders.states).


def analyze(img: Image.Image, declared_view: str | None = None) -> dict[str, Any] | None:
    """The analysis as a JSON-able dict, or None when the engine is not available.

    `declared_view` uses the orders' view names."""
    engine = _analyzer()
    if engine is None:
        return None
    result = engine(img, declared_view=ORDER_TO_ANALYSIS_VIEW.get(declared_view) if declared_view else None)
    return result.to_dict() if hasattr(result, "to_dict") else dict(result)


# ---- import -------------------------------------------------------------------------------------
PhotoSource = bytes | Path | tuple[str, bytes | Path]


def collect_image_files(paths: Iterable[str | Path]) -> list[tuple[str, Path]]:
    """Expand files and folders (not recursive) into (label, path) pairs of image files, sorted."""
    found: list[tuple[str, Path]] = []
    for raw in paths:
        path = Path(raw)
        entries = sorted(path.iterdir()) if path.is_dir() else [path]
        found += [(p.name, p) for p in entries if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES]
    return found


def _source(item: PhotoSource, index: int) -> tuple[str, bytes | Path]:
    if isinstance(item, tuple):
        return item
    return (item.name if isinstance(item, Path) else f"#{index + 1}", item)


def _cancelled(cancel: threading.Event | Callable[[], bool] | None) -> bool:
    if cancel is None:
        return False
    return cancel.is_set() if isinstance(cancel, threading.Event) else bool(cancel())


def _check_import(session: Session, order_id: int) -> Order:
    order = load_order(session.conn, order_id)
    check(session, order, Action.IMPORT_FILES)
    if order.service != Service.RHINOPLASTY_ANALYSIS:
        raise StateError("This order takes documents, not photos.", "این سفارش سند می‌پذیرد، نه عکس.")
    return order


Analyzer = Callable[[Image.Image, str | None], dict[str, Any] | None]


@dataclass(frozen=True)
class PreparedPhoto:
    """What the import stores of one photo, made before any database work (in memory only): the cleaned JPEG,
    its thumbnail, its size and stored orientation (see CleanPhoto), and the analysis (None: not run)."""

    jpeg: bytes = field(repr=False)
    thumb_jpeg: bytes = field(repr=False)
    width: int
    height: int
    stored_orientation: int = 1
    analysis: dict[str, Any] | None = field(default=None, repr=False)


def prepare_photo(
    data: bytes, declared_view: str | None = None, *, run_analysis: bool = True, analyzer: Analyzer | None = None
) -> PreparedPhoto:
    """Clean one photo (a turned JPEG keeps its orientation as a value) and analyse it; raises ValidationError
    for a bad file. Pure: no session (core.analysis_helper runs it in its child process)."""
    clean = clean_photo(data, upright_pixels=False)
    analysis = (analyzer or analyze)(clean.image, declared_view) if run_analysis else None
    return PreparedPhoto(clean.jpeg, clean.thumb_jpeg, clean.width, clean.height, clean.stored_orientation, analysis)


# (data, declared_view, run_analysis) -> PreparedPhoto: prepare_photo, or the same done elsewhere
Preparer = Callable[[bytes, str | None, bool], PreparedPhoto]


def import_photo(
    session: Session,
    order_id: int,
    data: bytes,
    declared_view: str | None = None,
    *,
    run_analysis: bool = True,
    analyzer: Analyzer | None = None,
    preparer: Preparer | None = None,
) -> ImportedPhoto:
    """Import one photo (see the module docstring). Raises ValidationError for a bad file.

    `analyzer` replaces the in-process `analyze`; `preparer` replaces `prepare_photo` as a whole (the app passes
    core.analysis_helper's: the decode, thumbnail and analysis run in a child process)."""
    _check_import(session, order_id)
    if declared_view is not None and declared_view not in VIEWS:
        raise ValueError(f"unknown view {declared_view!r}")
    if preparer is not None:
        clean = preparer(data, declared_view, run_analysis)
    else:
        clean = prepare_photo(data, declared_view, run_analysis=run_analysis, analyzer=analyzer)
    analysis = clean.analysis
    key = order_key(session.conn, order_id)
    folder = session.vault.data_dir.blobs
    photo_blob = blobstore.write_blob(folder, key, order_id, "photo", clean.jpeg)
    thumb_blob = blobstore.write_blob(folder, key, order_id, "thumb", clean.thumb_jpeg)
    suggested = ANALYSIS_TO_ORDER_VIEW.get(str(analysis.get("view"))) if analysis else None
    sealed = None
    if analysis is not None:
        sealed = blobstore.seal_value(key, order_id, "analysis", json.dumps(analysis, ensure_ascii=False).encode())
    ts = clock.text()
    with session.vault.lock, transaction(session.conn):
        order = load_for_import(session, order_id)
        blobstore.register_blob(session.conn, order_id, photo_blob, ts)
        blobstore.register_blob(session.conn, order_id, thumb_blob, ts)
        cur = session.conn.execute(
            "INSERT INTO photos(order_id, file_id, thumb_file_id, width, height, suggested_view, view,"
            " analysis_sealed, created_at, orientation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                order_id,
                photo_blob.file_id,
                thumb_blob.file_id,
                clean.width,
                clean.height,
                suggested,
                declared_view or suggested,
                sealed,
                ts,
                clean.stored_orientation,
            ),
        )
        photo_id = int(cur.lastrowid)
        session.audit(
            "photo.imported",
            f"order:{order_id}",
            {"photo": photo_id, "files": [photo_blob.file_id, thumb_blob.file_id], "suggested_view": suggested},
        )
        file_imported(session, order)
    findings = tuple(
        {k: str(f.get(k, "")) for k in ("code", "severity", "message_en", "message_fa")}
        for f in (analysis or {}).get("findings", [])
    )
    return ImportedPhoto(
        photo_id,
        clean.width,
        clean.height,
        suggested,
        clean.thumb_jpeg,
        bool(analysis and analysis.get("refused")),
        findings,
    )


def import_photos(
    session: Session,
    order_id: int,
    sources: Sequence[PhotoSource],
    *,
    cancel: threading.Event | Callable[[], bool] | None = None,
    run_analysis: bool = True,
    analyzer: Analyzer | None = None,
) -> Iterator[ImportProgress]:
    """Import several photos, yielding progress after each one (for a QRunnable / worker thread).

    A bad file yields an ImportProgress with `error` and the import carries on with the next one.
    Setting `cancel` stops before the next photo; photos already imported stay (each is complete).
    Permission and state problems raise at once (before anything is stored).
    """
    _check_import(session, order_id)  # at call time, not at the first next()
    return _import_each(session, order_id, sources, cancel, run_analysis, analyzer)


def _import_each(
    session: Session,
    order_id: int,
    sources: Sequence[PhotoSource],
    cancel: threading.Event | Callable[[], bool] | None,
    run_analysis: bool,
    analyzer: Analyzer | None,
) -> Iterator[ImportProgress]:
    total = len(sources)
    for index, item in enumerate(sources):
        if _cancelled(cancel):
            return
        label, payload = _source(item, index)
        try:
            data = payload.read_bytes() if isinstance(payload, Path) else payload
            photo = import_photo(session, order_id, data, run_analysis=run_analysis, analyzer=analyzer)
        except (ValidationError, OSError) as exc:
            error = exc if isinstance(exc, MayaError) else _refuse("The file could not be read.", "فایل خوانده نشد.")
            yield ImportProgress(index, total, label, error=error)
            continue
        yield ImportProgress(index, total, label, photo=photo)


# ---- after import ------------------------------------------------------------------------------
_PHOTO_COLS = (
    "id, order_id, width, height, suggested_view, view, view_confirmed, analysis_sealed IS NOT NULL, created_at"
)


def list_photos(session: Session, order_id: int) -> list[PhotoInfo]:
    """Photo metadata of an order (no pixels). Doctors only for orders they can see."""
    get_order(session, order_id)
    rows = session.conn.execute(f"SELECT {_PHOTO_COLS} FROM photos WHERE order_id = ? ORDER BY id", (order_id,))
    return [PhotoInfo(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), bool(r[7]), r[8]) for r in rows]


def _photo_row(session: Session, photo_id: int) -> tuple[int, str, str, bytes | None]:
    row = session.conn.execute(
        "SELECT order_id, file_id, thumb_file_id, analysis_sealed FROM photos WHERE id = ?", (photo_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"Photo #{photo_id} does not exist.", "این عکس وجود ندارد.")
    return int(row[0]), row[1], row[2], row[3]


@dataclass(frozen=True)
class StoredPhoto:
    """A photo as stored: the cleaned JPEG (decrypted, memory only) and the EXIF orientation (1-8) its
    decoder must apply (1: upright). See open_photo_stored."""

    jpeg: bytes = field(repr=False)
    orientation: int = 1


def _open(session: Session, photo_id: int, kind: str) -> bytes:
    order_id, file_id, thumb_id, _ = _photo_row(session, photo_id)
    order = load_order(session.conn, order_id)
    basis = require_file_access(session, order, kind)
    target = file_id if kind == "photo" else thumb_id
    data = blobstore.read_blob(session.vault.data_dir.blobs, order_key(session.conn, order_id), order_id, target, kind)
    session.audit("photo.opened", f"order:{order_id}", {"photo": photo_id, "kind": kind, "basis": basis})
    return data


def _stored_orientation(session: Session, photo_id: int) -> int:
    row = session.conn.execute("SELECT orientation FROM photos WHERE id = ?", (photo_id,)).fetchone()
    return int(row[0]) if row is not None and int(row[0]) in EXIF_TRANSPOSE else 1


def open_photo(session: Session, photo_id: int) -> bytes:
    """The cleaned JPEG (decrypted in memory), upright. Checked and audited on every call; see
    core.orders.access. A photo stored with an orientation is turned and re-encoded here (the report, the
    client copy...); the viewer decodes the stored bytes with their orientation instead (open_photo_stored)."""
    data = _open(session, photo_id, "photo")
    return upright_jpeg(data, _stored_orientation(session, photo_id))


def open_photo_stored(session: Session, photo_id: int) -> StoredPhoto:
    """The cleaned JPEG as stored and the orientation its decoder must apply (photo_loader.decode_display),
    checked and audited as open_photo: no re-encode for the viewer."""
    data = _open(session, photo_id, "photo")
    return StoredPhoto(data, _stored_orientation(session, photo_id))


def upright_jpeg(jpeg: bytes, orientation: int) -> bytes:
    """A stored JPEG turned upright by its EXIF orientation value (1: returned as it is), re-encoded."""
    method = EXIF_TRANSPOSE.get(orientation)
    if method is None:
        return jpeg
    with Image.open(io.BytesIO(jpeg)) as img:
        img.load()
        pixels = img if img.mode == "RGB" else img.convert("RGB")
        pixels.info.clear()
        turned = encode_oriented(pixels, None, method, JPEG_QUALITY)
        if turned is not None:
            return turned
        out = io.BytesIO()
        pixels.transpose(method).save(out, "JPEG", quality=JPEG_QUALITY)
        return out.getvalue()


def open_thumbnail(session: Session, photo_id: int) -> bytes:
    return _open(session, photo_id, "thumb")


def get_analysis(session: Session, photo_id: int) -> dict[str, Any] | None:
    """The stored analysis (face-derived: same access rule as the photo; audited)."""
    order_id, _, _, sealed = _photo_row(session, photo_id)
    order = load_order(session.conn, order_id)
    basis = require_file_access(session, order, "analysis")
    session.audit("photo.analysis_opened", f"order:{order_id}", {"photo": photo_id, "basis": basis})
    if sealed is None:
        return None
    opened: dict[str, Any] = json.loads(
        blobstore.open_value(order_key(session.conn, order_id), order_id, "analysis", sealed)
    )
    return opened


def save_analysis(session: Session, photo_id: int, analysis: Mapping[str, Any]) -> None:
    """Store a corrected analysis (the doctor's review, or a re-run). Same access rule as the photo."""
    order_id, _, _, _ = _photo_row(session, photo_id)
    order = load_order(session.conn, order_id)
    basis = require_file_access(session, order, "analysis")
    text = json.dumps(dict(analysis), ensure_ascii=False).encode()
    sealed = blobstore.seal_value(order_key(session.conn, order_id), order_id, "analysis", text)
    with transaction(session.conn):
        session.conn.execute("UPDATE photos SET analysis_sealed = ? WHERE id = ?", (sealed, photo_id))
        session.audit("photo.analysis_saved", f"order:{order_id}", {"photo": photo_id, "basis": basis})


def confirm_views(session: Session, order_id: int, views: Mapping[int, str]) -> None:
    """Reception confirms (or corrects) the suggested view of each photo during the import step."""
    session.require("photos.import")
    order = load_order(session.conn, order_id)
    if order.status not in IMPORT_PHASE_STATES:
        raise state_error(Action.IMPORT_FILES, order.status)
    bad = [v for v in views.values() if v not in VIEWS]
    if bad:
        raise ValidationError("Unknown view.", "نمای ناشناخته.", "view")
    with transaction(session.conn):
        for photo_id, view in views.items():
            cur = session.conn.execute(
                "UPDATE photos SET view = ?, view_confirmed = 1 WHERE id = ? AND order_id = ?",
                (view, photo_id, order_id),
            )
            if cur.rowcount != 1:
                raise NotFound(f"Photo #{photo_id} is not in this order.", "این عکس در این سفارش نیست.")
        session.audit("photo.views_confirmed", f"order:{order_id}", {"photos": sorted(views)})


def remove_photo(session: Session, photo_id: int) -> None:
    """Drop a photo during the import step (wrong person, blurred...). Its files are deleted."""
    session.require("photos.import")
    order_id, file_id, thumb_id, _ = _photo_row(session, photo_id)
    order = load_order(session.conn, order_id)
    if order.status not in IMPORT_PHASE_STATES:
        raise state_error(Action.IMPORT_FILES, order.status)
    from maya_desktop.core.legal.holds import HeldByLegalRequest, order_hold  # lazy: legal imports orders

    request_id = order_hold(session.conn, order_id)
    if request_id is not None:  # a court's hold keeps every file of the order, removal included (P12)
        raise HeldByLegalRequest(request_id)
    with transaction(session.conn):
        session.conn.execute("DELETE FROM photos WHERE id = ?", (photo_id,))
        session.conn.execute("DELETE FROM order_files WHERE file_id IN (?, ?)", (file_id, thumb_id))
        session.conn.execute("UPDATE orders SET files_count = files_count - 1 WHERE id = ?", (order_id,))
        session.audit("photo.removed", f"order:{order_id}", {"photo": photo_id, "files": [file_id, thumb_id]})
    blobstore.remove_files(session.vault.data_dir.blobs, [file_id, thumb_id])


def complete_analysis(session: Session, order_id: int) -> Order:
    """photos_imported -> analyzed, once every photo's view is confirmed (documents: once counted)."""
    order = load_order(session.conn, order_id)
    check(session, order, Action.COMPLETE_ANALYSIS)
    if order.service == Service.RHINOPLASTY_ANALYSIS:
        total, confirmed = session.conn.execute(
            "SELECT count(*), coalesce(sum(view_confirmed), 0) FROM photos WHERE order_id = ?", (order_id,)
        ).fetchone()
        if total == 0 or confirmed < total:
            raise StateError("Confirm the view of every photo first.", "ابتدا نمای همهٔ عکس‌ها را تأیید کنید.")
    elif order.files_count == 0:
        raise StateError("Import the document first.", "ابتدا سند را وارد کنید.")
    with transaction(session.conn):  # leaving import/analysis: the key is sealed to the managers
        done = advance(session, order_id, Action.COMPLETE_ANALYSIS)
        sealing.seal_leaving_analysis(session, order_id)
    if not session.conn.in_transaction:
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the unsealed key's old pages leave the disk
    return done
