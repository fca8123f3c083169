"""One case on the doctor's screen: photo strip, canvas with overlay, measurement table, findings,
signing, the report PDF (store encrypted, export to a chosen path, print) and delivery.

Minimum necessary viewing: a case opens with its thumbnails (decrypted and decoded in memory, at most
256 px, off the GUI thread by `photo_loader.CasePhotoLoader`); a full photo is decrypted, and logged as
viewed, only when it is shown (the first photo on opening, then each one the doctor chooses, compares
with, or sees in the standard layout). Under break-glass not even thumbnails open by themselves: each
photo opens when the manager chooses it, each with its own audit entry. Nothing of a case stays once the
viewer is cleared (on closing the case or when the app locks); loading is cancelled then too.

A manager's break-glass case shows a banner with the minutes left (updated every 15 s, from
`core.orders.clock`); when the grant runs out the photos are closed and the reason is shown.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QImage, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.errors import MayaError, PermissionDenied
from maya_desktop.core.operations.catalogue import DiscardDraft, KeepDraft, ListDrafts
from maya_desktop.core.orders import clock, delivery
from maya_desktop.core.orders import findings as findings_core
from maya_desktop.core.orders.cases import OpenedCase
from maya_desktop.core.orders.corrections import analysis_view, live_measurements, reset_corrections, save_corrections
from maya_desktop.core.orders.findings import PROCEDURES, REGIONS, Findings, RegionFinding
from maya_desktop.core.orders.model import load_order
from maya_desktop.core.orders.states import Status
from maya_desktop.core.persian import to_persian_digits
from maya_desktop.core.photos import PhotoInfo, list_photos
from maya_desktop.core.session import Session
from maya_desktop.gui.doctor.canvas import MoveLandmark, PhotoCanvas
from maya_desktop.gui.doctor.measurement_table import MeasurementTable
from maya_desktop.gui.doctor.photo_loader import THUMB_SIDE, CasePhotoLoader, LoadedPhoto
from maya_desktop.gui.doctor.photo_strip import PhotoStrip, view_label, view_rank
from maya_desktop.gui.labels import overlay_group_label, status_label
from maya_desktop.gui.messages import error_text, show_error
from maya_desktop.gui.operations import operations_for
from maya_desktop.gui.theme import current_lang
from maya_desktop.reports.annotate import GROUPS, LANDMARK_LABELS_FA

LAYOUT_ORDER = (
    ("frontal", 0, 0),
    ("profile_right", 0, 1),
    ("profile_left", 0, 2),
    ("oblique_right", 1, 0),
    ("oblique_left", 1, 1),
    ("base", 1, 2),
)

BANNER_TICK_MS = 15_000
BANNER_STYLE = {
    "running": "background-color: #fdecea; border: 1px solid #e6a9a3; border-radius: 8px;",
    "soon": "background-color: #f9d6d2; border: 2px solid #b3261e; border-radius: 8px;",
    "expired": "background-color: #b3261e; border: 1px solid #8c1d18; border-radius: 8px;",
}
BANNER_TEXT = {"running": "#8c1d18", "soon": "#8c1d18", "expired": "#ffffff"}


def digits(value: int | str) -> str:
    """Persian digits in the Persian interface, ASCII digits in the English one."""
    return str(value) if current_lang() == "en" else to_persian_digits(value)


def minutes_left(expires_at: dt.datetime, now: dt.datetime) -> int:
    """Whole minutes left, rounded up (0 once expired): 14 min 10 s left shows as 15."""
    return max(0, math.ceil((expires_at - now).total_seconds() / 60))


class BreakGlassBanner(QFrame):
    """The emergency-access banner: what it means, and the minutes left in large type (every 15 s from
    `now()`); once the grant runs out it turns solid red and says why the photos were closed.

    `now` is injectable (tests pass a fake clock); by default it is `core.orders.clock.now`."""

    expired = Signal()

    def __init__(
        self,
        expires_at: dt.datetime,
        now: Callable[[], dt.datetime],
        parent: QWidget | None = None,
        recheck: Callable[[], dt.datetime | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("breakGlassBanner")
        self.expires_at = expires_at
        self.now = now
        # Asked on every tick: the grant's current end, or None once a manager has ended it early.
        self.recheck = recheck
        self.state = ""
        self.is_expired = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(10)
        bold = self.font()
        bold.setBold(True)
        big = QFont(bold)
        big.setPointSizeF(bold.pointSizeF() * 1.35)
        self.icon = QLabel("⚠")
        self.icon.setFont(big)
        self.label = QLabel()
        self.label.setObjectName("breakGlassText")
        self.label.setWordWrap(True)
        self.label.setFont(bold)
        self.countdown = QLabel()
        self.countdown.setObjectName("breakGlassCountdown")
        self.countdown.setFont(big)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.countdown)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh)
        self.refresh()

    def text(self) -> str:
        return f"{self.label.text()} {self.countdown.text()}".strip()

    def _style(self, state: str) -> None:
        if state != self.state:
            self.state = state
            colour = BANNER_TEXT[state]
            self.setStyleSheet(
                f"QFrame#breakGlassBanner {{ {BANNER_STYLE[state]} }}"
                f" QFrame#breakGlassBanner QLabel {{ color: {colour}; background: transparent; border: none; }}"
            )

    def refresh(self) -> None:
        if self.is_expired:
            return
        if self.recheck is not None and self.state:  # not on the first paint: the viewer just asked
            latest = self.recheck()
            if latest is None:
                self.expire()
                return
            self.expires_at = latest
        remaining = (self.expires_at - self.now()).total_seconds()
        if remaining <= 0:
            self.expire()
            return
        minutes = minutes_left(self.expires_at, self.now())
        self._style("soon" if minutes <= 5 else "running")
        self.label.setText(self.tr("دسترسی اضطراری — همهٔ کارها ثبت می‌شود و با پایان زمان، عکس‌ها بسته می‌شوند."))
        if minutes <= 1:
            self.countdown.setText(self.tr("کمتر از یک دقیقه مانده"))
        else:
            self.countdown.setText(self.tr("{0} دقیقه مانده").format(digits(minutes)))
        # Next update in 15 s, or exactly when the grant runs out if that comes first.
        self.timer.start(max(50, min(BANNER_TICK_MS, int(remaining * 1000) + 50)))

    def expire(self) -> None:
        if self.is_expired:
            return
        self.is_expired = True
        self.timer.stop()
        self._style("expired")
        self.countdown.clear()
        self.countdown.hide()
        self.label.setText(
            self.tr(
                "زمان دسترسی اضطراری تمام شد و عکس‌ها بسته شدند. برای دیدن دوبارهٔ پرونده، "
                "به فهرست برگردید و دسترسی اضطراری تازه‌ای با ذکر دلیل بگیرید."
            )
        )
        self.expired.emit()


class FindingsPanel(QScrollArea):
    """Structured findings per region + free text + recommended procedure."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.boxes: dict[str, dict[str, QCheckBox]] = {}
        self.notes: dict[str, QLineEdit] = {}
        for region, (title_fa, _en, options) in REGIONS.items():
            group = QGroupBox(title_fa)
            grid = QGridLayout(group)
            self.boxes[region] = {}
            for i, (code, (fa, en)) in enumerate(options.items()):
                box = QCheckBox(fa)
                box.setToolTip(en)
                grid.addWidget(box, i // 2, i % 2)
                self.boxes[region][code] = box
            note = QLineEdit()
            note.setPlaceholderText(self.tr("توضیح کوتاه…"))
            grid.addWidget(note, (len(options) + 1) // 2, 0, 1, 2)
            self.notes[region] = note
            layout.addWidget(group)
        layout.addWidget(QLabel(self.tr("شرح پزشک")))
        self.free_text = QPlainTextEdit()
        self.free_text.setObjectName("findingsText")
        self.free_text.setMinimumHeight(90)
        layout.addWidget(self.free_text)
        procs = QGroupBox(self.tr("روش پیشنهادی"))
        grid = QGridLayout(procs)
        self.procedures: dict[str, QCheckBox] = {}
        for i, (code, (fa, en)) in enumerate(PROCEDURES.items()):
            box = QCheckBox(fa)
            box.setToolTip(en)
            grid.addWidget(box, i // 2, i % 2)
            self.procedures[code] = box
        self.procedure_note = QLineEdit()
        self.procedure_note.setPlaceholderText(self.tr("توضیح روش…"))
        grid.addWidget(self.procedure_note, (len(PROCEDURES) + 1) // 2, 0, 1, 2)
        layout.addWidget(procs)
        form = QFormLayout()
        self.norm_sex = QComboBox()
        for value, label in (
            (None, self.tr("هر دو (بازهٔ مشترک)")),
            ("female", self.tr("بانوان")),
            ("male", self.tr("آقایان")),
        ):
            self.norm_sex.addItem(label, value)
        form.addRow(self.tr("محدودهٔ طبیعی برای"), self.norm_sex)
        layout.addLayout(form)
        self.signature = QLabel()
        self.signature.setWordWrap(True)
        layout.addWidget(self.signature)
        layout.addStretch(1)
        self.setWidget(body)

    def set_findings(self, f: Findings) -> None:
        for region, boxes in self.boxes.items():
            value = f.regions.get(region, RegionFinding())
            for code, box in boxes.items():
                box.setChecked(code in value.codes)
            self.notes[region].setText(value.note)
        self.free_text.setPlainText(f.free_text)
        for code, box in self.procedures.items():
            box.setChecked(code in f.procedures)
        self.procedure_note.setText(f.procedure_note)
        self.norm_sex.setCurrentIndex(max(0, self.norm_sex.findData(f.norm_sex)))
        if f.signature:
            self.signature.setText(
                self.tr("امضا شده: {0} — نظام پزشکی {1}").format(
                    f.signature.display_name, f.signature.medical_council_no
                )
            )
        else:
            self.signature.setText(self.tr("هنوز امضا نشده است."))

    def findings(self) -> Findings:
        f = Findings()
        for region, boxes in self.boxes.items():
            f.regions[region] = RegionFinding([c for c, b in boxes.items() if b.isChecked()], self.notes[region].text())
        f.free_text = self.free_text.toPlainText()
        f.procedures = [c for c, b in self.procedures.items() if b.isChecked()]
        f.procedure_note = self.procedure_note.text()
        f.norm_sex = self.norm_sex.currentData()
        return f

    def set_read_only(self, read_only: bool) -> None:
        self.widget().setEnabled(not read_only)


class CaseViewer(QWidget):
    closed = Signal()
    photo_ready = Signal(int)  # a full photo finished decoding (in the background), about to be shown
    thumbnail_ready = Signal(int)  # a thumbnail is in the strip
    photo_shown = Signal(int)  # a photo is on the canvas
    loading_finished = Signal()  # every photo decoded (or failed); not after a cancel
    photos_closed = Signal(str)  # pixels dropped while the case stays open (break-glass ran out), why

    def __init__(
        self,
        session: Session,
        opened: OpenedCase,
        parent: QWidget | None = None,
        *,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.opened = opened
        self.order_id = opened.row.order.id
        self.editable = opened.basis == "consent"
        self.now = now or (lambda: clock.now())  # looked up at each call: tests may replace clock.now
        self.photos: dict[int, PhotoInfo] = {}
        self.images: dict[int, QImage] = {}
        self.analyses: dict[int, dict[str, Any] | None] = {}
        self.failed: set[int] = set()
        self.current: int | None = None
        self.wanted: int | None = None  # the photo the doctor chose; shown as soon as it is decoded
        self.loader: CasePhotoLoader | None = None  # the thumbnails (none under break-glass)
        self.photo_loaders: dict[int, CasePhotoLoader] = {}  # full photos being opened to be shown
        self.thumbs: dict[int, QImage] = {}
        self.thumbs_failed: set[int] = set()
        self.one_by_one = opened.basis == "breakglass"  # no thumbnails: each photo opens when chosen
        self.photos_open = True
        self.findings = Findings()
        self.pending_points: tuple[int, dict[str, list[float]]] | None = None  # landmark moves from a draft
        self.banner: BreakGlassBanner | None = None
        self.expires_at = self._break_glass_expiry() if opened.basis == "breakglass" else None
        # The photos start decoding first, in the background, while the rest of the screen is built.
        infos = list_photos(self.session, self.order_id)
        self.photos = {p.id: p for p in infos}
        grant_over = opened.basis == "breakglass" and (self.expires_at is None or self.expires_at <= self.now())
        self.grant_over = grant_over
        if infos and not grant_over and not self.one_by_one:
            self._start_loading([p.id for p in sorted(infos, key=lambda p: (view_rank(p.view), p.id))])
        try:
            self._build()
            self.load()
        except BaseException:
            self._cancel_loaders()
            raise
        if self.banner is not None and self.banner.is_expired:  # ran out while opening: nothing was decoded
            self._break_glass_expired()

    # ---- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back = QPushButton(self.tr("بازگشت به فهرست"))
        self.back.clicked.connect(self.closed.emit)
        row = self.opened.row
        self.title = QLabel(f"{row.client_name} — {status_label(row.order.status)}")
        self.title.setProperty("role", "title")
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        outer.addLayout(top)
        if self.opened.basis == "breakglass":
            self.banner = BreakGlassBanner(
                self.expires_at or self.now(), self.now, self, recheck=self._break_glass_expiry
            )
            self.banner.expired.connect(self._break_glass_expired)
            outer.addWidget(self.banner)

        tools = QHBoxLayout()
        self.canvas = PhotoCanvas()
        self.table = MeasurementTable()
        self.canvas.measurements_changed.connect(self.table.set_measurements)
        self.canvas.selection_changed.connect(self._selection_changed)
        self.canvas.setToolTip(
            self.tr("نقطه را با کلیک یا Tab انتخاب کنید؛ کلیدهای جهت یک پیکسل جابه‌جا می‌کنند (با Shift ده پیکسل).")
        )

        def button(text: str, slot, tip: str = "", shortcut: str | None = None) -> QToolButton:  # type: ignore[no-untyped-def]
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip or text)
            b.clicked.connect(slot)
            if shortcut:
                b.setShortcut(QKeySequence(shortcut))
            tools.addWidget(b)
            return b

        button(self.tr("جا شدن"), self.canvas.fit, shortcut="Ctrl+0")
        button("۱:۱", self.canvas.actual_size, self.tr("اندازهٔ واقعی"), "Ctrl+1")
        button("⟲", lambda: self.canvas.rotate_by(-90), self.tr("چرخش"))
        button("⟳", lambda: self.canvas.rotate_by(90), self.tr("چرخش"))
        self.mirror = button(self.tr("آینه"), lambda: self.canvas.set_mirrored(self.mirror.isChecked()))
        self.mirror.setCheckable(True)
        self.undo_button = button(self.tr("واگرد"), self.canvas.undo_stack.undo, shortcut="Ctrl+Z")
        self.redo_button = button(self.tr("ازنو"), self.canvas.undo_stack.redo, shortcut="Ctrl+Shift+Z")
        self.canvas.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.canvas.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.reset_button = button(self.tr("بازگشت به خودکار"), self.reset_points)
        self.save_points = button(self.tr("ذخیرهٔ نقاط"), self.save_corrections, shortcut="Ctrl+S")
        for b in (self.undo_button, self.redo_button, self.reset_button, self.save_points):
            b.setVisible(self.editable)
        tools.addSpacing(12)
        self.group_boxes: dict[str, QCheckBox] = {}
        for group in GROUPS:
            box = QCheckBox(overlay_group_label(group))
            box.setChecked(group in self.canvas.groups)
            box.toggled.connect(lambda on, g=group: self.canvas.set_group_visible(g, on))
            tools.addWidget(box)
            self.group_boxes[group] = box
        tools.addSpacing(12)
        tools.addWidget(QLabel(self.tr("روشنایی")))
        self.brightness = self._slider(-100, 100)
        tools.addWidget(self.brightness)
        tools.addWidget(QLabel(self.tr("کنتراست")))
        self.contrast = self._slider(-100, 100)
        tools.addWidget(self.contrast)
        tools.addSpacing(12)
        self.compare = QComboBox()
        self.compare.addItem(self.tr("مقایسه با…"), None)
        self.compare.currentIndexChanged.connect(self._compare_changed)
        tools.addWidget(self.compare)
        self.compare_slider = self._slider(0, 100, 50)
        self.compare_slider.valueChanged.connect(lambda v: self.canvas.set_compare_fraction(v / 100))
        self.compare_slider.setEnabled(False)
        tools.addWidget(self.compare_slider)
        self.layout_toggle = QToolButton()
        self.layout_toggle.setText(self.tr("چیدمان استاندارد"))
        self.layout_toggle.setCheckable(True)
        self.layout_toggle.toggled.connect(self._toggle_layout)
        tools.addWidget(self.layout_toggle)
        tools.addStretch(1)
        outer.addLayout(tools)

        self.strip = PhotoStrip()
        self.strip.chosen.connect(self.show_photo)
        strip_box = QWidget()
        strip_box.setFixedWidth(self.strip.width())
        strip_layout = QVBoxLayout(strip_box)
        strip_layout.setContentsMargins(0, 0, 0, 0)
        strip_layout.setSpacing(4)
        self.progress = QLabel()
        self.progress.setObjectName("photoProgress")
        self.progress.setProperty("role", "hint")
        self.progress.setWordWrap(True)
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress.hide()
        strip_layout.addWidget(self.progress)
        strip_layout.addWidget(self.strip, 1)
        self.center = QStackedWidget()
        self.center.addWidget(self.canvas)
        self.layout_view = QGraphicsView()
        self.layout_view.setBackgroundBrush(Qt.GlobalColor.black)
        self.layout_view.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform)
        self.center.addWidget(self.layout_view)

        side = QTabWidget()
        side.addTab(self.table, self.tr("اندازه‌ها"))
        self.panel = FindingsPanel()
        self.panel.set_read_only(not self.editable)
        self.panel.norm_sex.currentIndexChanged.connect(self._sex_changed)
        report = QWidget()
        report_layout = QVBoxLayout(report)
        report_layout.setContentsMargins(0, 0, 0, 0)
        report_layout.addWidget(self.panel, 1)
        actions = QHBoxLayout()
        self.save_findings_button = QPushButton(self.tr("ذخیرهٔ یافته‌ها"))
        self.sign_button = QPushButton(self.tr("امضا و ساخت گزارش"))
        self.sign_button.setProperty("role", "primary")
        self.export_button = QPushButton(self.tr("ذخیرهٔ PDF برای مشتری…"))
        self.print_button = QPushButton(self.tr("چاپ…"))
        self.copy_button = QPushButton(self.tr("عکس‌ها و گزارش برای مشتری…"))
        self.copy_button.setObjectName("clientCopyButton")
        self.deliver_button = QPushButton(self.tr("ثبت تحویل"))
        self.action_buttons = (
            self.save_findings_button,
            self.sign_button,
            self.export_button,
            self.print_button,
            self.copy_button,
            self.deliver_button,
        )
        for b in self.action_buttons:
            actions.addWidget(b)
            b.setVisible(self.editable)
        self.save_findings_button.clicked.connect(self.save_findings)
        self.sign_button.clicked.connect(self.sign_and_build)
        self.export_button.clicked.connect(self.export_pdf)
        self.print_button.clicked.connect(self.print_report)
        self.copy_button.clicked.connect(self.export_client_copy)
        self.deliver_button.clicked.connect(self.deliver)
        report_layout.addLayout(actions)
        side.addTab(report, self.tr("یافته‌ها و گزارش"))

        split = QSplitter()
        split.addWidget(strip_box)
        split.addWidget(self.center)
        split.addWidget(side)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        # Fixed starting proportions: the table is still empty while the photos open, so its size hint
        # would otherwise leave it too narrow for the measurement names.
        split.setSizes([strip_box.width(), 700, 560])
        outer.addWidget(split, 1)
        self.status = QLabel()
        outer.addWidget(self.status)

    def _slider(self, lo: int, hi: int, value: int = 0) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(lo, hi)
        slider.setValue(value)
        slider.setFixedWidth(90)
        if lo < 0:
            slider.sliderReleased.connect(self._adjust)
            slider.valueChanged.connect(lambda _v, s=slider: None if s.isSliderDown() else self._adjust())
        return slider

    # ---- data ------------------------------------------------------------------------------------
    def _start_loading(self, order: list[int]) -> None:
        """The thumbnails of the strip (never the full photos: see `_open_full`)."""
        # One decoder: a thumbnail decodes in a few ms, and the second pool thread stays free for the
        # full photo the doctor is waiting for (two cores: two thumbnail decoders would hold it up).
        self.loader = CasePhotoLoader(self.session, order, parallel=1, kind="thumb")
        self.loader.signals.photo.connect(self._thumbnail_loaded)
        self.loader.signals.photo_failed.connect(self._thumbnail_failed)
        self.loader.signals.stopped.connect(self._loading_stopped)
        self.loader.signals.finished.connect(self._loading_done)
        self.loader.start()

    def _open_full(self, photo_id: int) -> None:
        """Decrypt one full photo because it is about to be shown (audited by core as viewed)."""
        if (
            not self._live()
            or photo_id in self.images
            or photo_id in self.failed
            or photo_id in self.photo_loaders
            or photo_id not in self.photos
        ):
            return
        loader = CasePhotoLoader(self.session, [photo_id], parallel=1, kind="photo")
        loader.signals.photo.connect(self._photo_loaded)
        loader.signals.photo_failed.connect(self._photo_failed)
        loader.signals.stopped.connect(self._loading_stopped)
        loader.signals.finished.connect(lambda _cancelled, pid=photo_id: self.photo_loaders.pop(pid, None))
        self.photo_loaders[photo_id] = loader
        loader.start()

    def _cancel_loaders(self) -> None:
        """Stop every decoder before its next core call; anything decoded meanwhile is dropped."""
        for loader in (self.loader, *self.photo_loaders.values()):
            if loader is not None:
                loader.cancel()
        self.photo_loaders.clear()

    def load(self) -> None:
        """Findings and the strip's placeholders; thumbnails arrive from the loader (`_thumbnail_loaded`),
        the first photo opens because it is shown (`show_photo`), except under break-glass."""
        infos = list(self.photos.values())
        self.strip.set_photos([(p.id, p.view, None) for p in infos], sealed=self.one_by_one)
        for pid in self.strip.photo_ids():
            self.compare.addItem(view_label(self.photos[pid].view), pid)
        try:
            self.findings = findings_core.load_findings(self.session, self.order_id)
        except MayaError:
            self.findings = Findings()
        self.panel.set_findings(self.findings)
        self._restore_draft()
        self._refresh_buttons()
        if not infos:
            self.canvas.show_message(self.tr("این پرونده عکسی ندارد."))
            return
        if self.grant_over:
            return  # opened just as the grant ran out: nothing is decoded
        if self.one_by_one:
            self.canvas.show_message(
                self.tr("دسترسی اضطراری: هر عکس را جداگانه انتخاب کنید تا باز شود؛ باز شدن هر عکس جداگانه ثبت می‌شود.")
            )
            return
        self.strip.select_photo(self.strip.photo_ids()[0])  # -> show_photo: "opening…" until it is decoded
        self._show_progress()

    def is_loading(self) -> bool:
        loaders = [self.loader, *self.photo_loaders.values()]
        return any(loader is not None and not loader.done.is_set() for loader in loaders)

    def _live(self) -> bool:
        """False once the case was closed, the app locked or the photos were closed: late results are dropped."""
        return self.photos_open and not self.session.locked

    def _show_progress(self) -> None:
        total, ready = len(self.photos), len(self.thumbs) + len(self.thumbs_failed)
        if self.loader is None or ready >= total or not self.photos_open:
            self.progress.hide()
            return
        self.progress.setText(self.tr("در حال باز کردن عکس‌ها: {0} از {1}").format(digits(ready), digits(total)))
        self.progress.show()

    def _thumbnail_loaded(self, loaded: LoadedPhoto) -> None:
        if not self._live() or loaded.photo_id not in self.photos:
            return  # closed or locked meanwhile: the pixels are not kept
        self.thumbs[loaded.photo_id] = loaded.image
        self.strip.set_thumbnail(loaded.photo_id, loaded.image)
        self._show_progress()
        self.thumbnail_ready.emit(loaded.photo_id)

    def _thumbnail_failed(self, photo_id: int, _exc: BaseException) -> None:
        if not self._live():
            return
        self.thumbs_failed.add(photo_id)  # the full photo may still open when chosen
        self._show_progress()

    def _photo_loaded(self, loaded: LoadedPhoto) -> None:
        if not self._live() or loaded.photo_id not in self.photos:
            return  # closed or locked meanwhile: the pixels are not kept
        pid = loaded.photo_id
        self.images[pid] = loaded.image
        self.analyses[pid] = loaded.analysis
        if pid not in self.thumbs:  # break-glass: the strip tile comes from the photo now shown
            self.thumbs[pid] = loaded.image.scaled(
                THUMB_SIDE, THUMB_SIDE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            self.strip.set_thumbnail(pid, self.thumbs[pid])
        self.photo_ready.emit(pid)
        if self.wanted == pid and self.current != pid:
            self.show_photo(pid)
        if self.compare.currentData() == pid:
            self._compare_changed()
        if self.center.currentWidget() is self.layout_view:
            self._build_layout_scene()

    def _photo_failed(self, photo_id: int, exc: BaseException) -> None:
        if not self._live():
            return
        self.failed.add(photo_id)
        self.strip.set_failed(photo_id)
        self._show_progress()
        if self.wanted == photo_id:
            self.canvas.show_message(error_text(exc))

    def _loading_stopped(self, exc: BaseException) -> None:
        """Access refused mid-way (consent revoked, break-glass over) or an unexpected error."""
        if not self._live():
            return
        if isinstance(exc, PermissionDenied):
            self.close_photos(error_text(exc))
            return
        for pid in self.photos:
            if pid not in self.images and pid not in self.thumbs and pid not in self.failed:
                self.failed.add(pid)
                self.strip.set_failed(pid)
        self._show_progress()
        self.status.setText(error_text(exc))
        if self.wanted is not None and self.wanted not in self.images:
            self.canvas.show_message(error_text(exc))

    def _loading_done(self, cancelled: bool) -> None:
        if not cancelled and self._live():
            self._show_progress()
            self.loading_finished.emit()

    def image(self, photo_id: int) -> QImage | None:
        """The decoded photo, or None while it is still being decoded (never decoded here)."""
        return self.images.get(photo_id)

    def analysis(self, photo_id: int) -> dict[str, Any] | None:
        return self.analyses.get(photo_id)

    def show_photo(self, photo_id: int) -> None:
        if self.session.locked or photo_id not in self.photos or not self.photos_open:
            return
        if (
            self.current is not None
            and self.current != photo_id
            and self.canvas.undo_stack.count()
            and not self.canvas.undo_stack.isClean()
        ):
            self.save_corrections(quiet=True)
        self.wanted = photo_id
        if photo_id not in self.images:
            self.current = None
            self.table.clear_all()
            if photo_id in self.failed:
                self.canvas.show_message(self.tr("این عکس باز نشد."))
            else:
                self.canvas.show_message(self.tr("در حال باز کردن عکس…"))
                self._open_full(photo_id)
            self.status.setText("")
            return
        image, analysis = self.images[photo_id], self.analyses.get(photo_id)
        self.current = photo_id
        view = analysis_view(self.photos[photo_id].view, analysis)
        self.canvas.set_photo(
            image, analysis, view, live_measurements, editable=self.editable, sex=self.panel.norm_sex.currentData()
        )
        self.canvas.set_adjustments(self.brightness.value(), self.contrast.value())
        self.canvas.undo_stack.setClean()
        corrected = (analysis or {}).get("doctor_corrected")
        self.status.setText(self.tr("نقاط این عکس به دست پزشک اصلاح شده است.") if corrected else "")
        if self.pending_points is not None and self.pending_points[0] == photo_id:
            self._apply_pending_points()
        if self.compare.currentData() is not None:
            self._compare_changed()
        self.photo_shown.emit(photo_id)

    def _selection_changed(self, name: str) -> None:
        if not name:
            return
        label = name if current_lang() == "en" else LANDMARK_LABELS_FA.get(name, name)
        if self.editable:
            self.status.setText(
                self.tr("نقطهٔ «{0}» انتخاب شد: با کلیدهای جهت جابه‌جا کنید (Shift: ده پیکسل)، Tab: نقطهٔ بعدی.").format(
                    label
                )
            )
        else:
            self.status.setText(self.tr("نقطهٔ «{0}»").format(label))

    def _sex_changed(self) -> None:
        self.canvas.sex = self.panel.norm_sex.currentData()
        self.canvas.recompute()

    def _adjust(self) -> None:
        self.canvas.set_adjustments(self.brightness.value(), self.contrast.value())

    def _compare_changed(self) -> None:
        other = self.compare.currentData()
        self.compare_slider.setEnabled(other is not None)
        image = None if other is None else self.images.get(other)
        if other is not None and image is None:
            self._open_full(other)  # shown as soon as it is decoded (_photo_loaded)
        self.canvas.set_compare(image)
        self.canvas.set_compare_fraction(self.compare_slider.value() / 100)

    def _toggle_layout(self, on: bool) -> None:
        if on:
            for pid in self.strip.photo_ids():  # the layout shows every photo: each opens (and is logged)
                self._open_full(pid)
            self._build_layout_scene()
            self.center.setCurrentWidget(self.layout_view)
            self.layout_view.fitInView(self.layout_view.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        else:
            self.center.setCurrentWidget(self.canvas)

    def _build_layout_scene(self) -> None:
        """The standard rhinoplasty set side by side: frontal, right and left profile; obliques, base."""
        scene = QGraphicsScene(self.layout_view)
        cell_h, cell_w, gap = 900.0, 720.0, 24.0
        by_view = {p.view: pid for pid, p in self.photos.items()}
        for view, row, col in LAYOUT_ORDER:
            x, y = col * (cell_w + gap), row * (cell_h + gap + 60)
            label = QGraphicsSimpleTextItem(view_label(view))
            label.setBrush(Qt.GlobalColor.white)
            font = label.font()
            font.setPixelSize(34)
            label.setFont(font)
            label.setPos(x + cell_w / 2 - label.boundingRect().width() / 2, y + cell_h + 8)
            scene.addItem(label)
            decoded = self.images.get(by_view[view]) if view in by_view else None
            if decoded is None:
                scene.addRect(QRectF(x, y, cell_w, cell_h), QPen(Qt.GlobalColor.darkGray))
                if view in by_view:
                    note = QGraphicsSimpleTextItem(
                        self.tr("باز نشد") if by_view[view] in self.failed else self.tr("در حال باز شدن…")
                    )
                    note.setBrush(Qt.GlobalColor.lightGray)
                    note.setFont(font)
                    note.setPos(x + cell_w / 2 - note.boundingRect().width() / 2, y + cell_h / 2 - 20)
                    scene.addItem(note)
                continue
            image = decoded.scaled(
                int(cell_w), int(cell_h), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            item = scene.addPixmap(QPixmap.fromImage(image))
            item.setPos(x + (cell_w - image.width()) / 2, y + (cell_h - image.height()) / 2)
        self._replace_layout_scene(scene)

    def _replace_layout_scene(self, scene: QGraphicsScene) -> None:
        """setScene does not free the scene it replaces (a child of the view): clear and delete it,
        so no earlier layout's pixmaps outlive closed photos."""
        old = self.layout_view.scene()
        self.layout_view.setScene(scene)
        if old is not None and old is not scene:
            old.clear()
            old.deleteLater()

    # ---- drafts: nothing is lost to a lock (core.drafts) ------------------------------------------
    def _unsaved_findings(self) -> Findings | None:
        typed = self.panel.findings()
        same = (typed.regions, typed.free_text, typed.procedures, typed.procedure_note, typed.norm_sex) == (
            self.findings.regions,
            self.findings.free_text,
            self.findings.procedures,
            self.findings.procedure_note,
            self.findings.norm_sex,
        )
        return None if same else typed

    def keep_draft(self) -> None:
        """The app is locking: keep the findings and landmark moves not saved yet, sealed to this doctor."""
        if not self.editable or self.findings.signature is not None:
            return
        typed = self._unsaved_findings()
        moved = self.current is not None and not self.canvas.undo_stack.isClean()
        if typed is None and not moved:
            return
        payload = {
            "findings": (typed or self.panel.findings()).to_json(),
            "photo_id": self.current if moved else None,
            "points": {k: [x, y] for k, (x, y) in self.canvas.corrected_points().items()} if moved else {},
        }
        try:
            operations_for(self.session).call("drafts.keep", KeepDraft("case", str(self.order_id), payload))
        except MayaError as exc:
            show_error(self, exc)

    def _restore_draft(self) -> None:
        if not self.editable or self.findings.signature is not None:
            return
        ops = operations_for(self.session)
        try:
            drafts = ops.call("drafts.list", ListDrafts("case"))
        except MayaError:
            return
        draft = next((d for d in drafts if d.ref == str(self.order_id)), None)
        if draft is None:
            return
        restored = Findings.from_text(draft.payload["findings"])
        restored.signature, restored.pdf_file_id = self.findings.signature, self.findings.pdf_file_id
        self.panel.set_findings(restored)
        if draft.payload.get("photo_id") is not None and draft.payload.get("points"):
            self.pending_points = (int(draft.payload["photo_id"]), draft.payload["points"])
        self.status.setText(self.tr("کار ذخیره‌نشدهٔ پیش از قفل برگردانده شد؛ برای نگه داشتن، آن را ذخیره کنید."))
        ops.run("drafts.discard", DiscardDraft("case", str(self.order_id)))  # kept again if locked again

    def _apply_pending_points(self) -> None:
        if self.pending_points is None:
            return
        _photo, points = self.pending_points
        self.pending_points = None
        for name, (x, y) in points.items():
            landmark = self.canvas.landmarks.get(name)
            if landmark is not None:
                self.canvas.undo_stack.push(
                    MoveLandmark(self.canvas, name, QPointF(landmark.x, landmark.y), QPointF(x, y))
                )

    # ---- corrections -----------------------------------------------------------------------------
    def _ensure_review(self) -> bool:
        order = load_order(self.session.conn, self.order_id)
        if order.status == Status.CONSENTED:
            delivery.start_review(self.session, self.order_id)
        return True

    def save_corrections(self, quiet: bool = False) -> None:
        if self.current is None or not self.editable:
            return
        try:
            self._ensure_review()
            new = save_corrections(
                self.session, self.current, self.canvas.corrected_points(), self.panel.norm_sex.currentData()
            )
        except MayaError as exc:
            show_error(self, exc)
            return
        self.analyses[self.current] = new
        self.canvas.analysis = new
        self.canvas.undo_stack.setClean()
        if not quiet:
            self.status.setText(self.tr("نقاط اصلاح‌شده ذخیره شد."))

    def reset_points(self) -> None:
        if self.current is None:
            return
        try:
            new = reset_corrections(self.session, self.current, self.panel.norm_sex.currentData())
        except MayaError as exc:
            show_error(self, exc)
            return
        self.analyses[self.current] = new
        self.canvas.undo_stack.clear()  # the unsaved moves are discarded, not saved over the reset
        self.show_photo(self.current)

    # ---- findings, report, delivery --------------------------------------------------------------
    def _refresh_buttons(self) -> None:
        status = load_order(self.session.conn, self.order_id).status
        signed = self.findings.signature is not None
        has_pdf = bool(self.findings.pdf_file_id)
        reviewing = status in (Status.CONSENTED, Status.IN_REVIEW)
        self.save_findings_button.setEnabled(reviewing)
        self.sign_button.setEnabled(reviewing)
        self.export_button.setEnabled(has_pdf)
        self.print_button.setEnabled(signed)
        self.copy_button.setEnabled(status in (Status.CONSENTED, Status.IN_REVIEW, Status.DELIVERED))
        self.deliver_button.setEnabled(status == Status.IN_REVIEW and has_pdf)

    def save_findings(self) -> bool:
        try:
            self._ensure_review()
            self.findings = findings_core.save_findings(self.session, self.order_id, self.panel.findings())
        except MayaError as exc:
            show_error(self, exc)
            return False
        self.panel.set_findings(self.findings)
        self._refresh_buttons()
        self.status.setText(self.tr("یافته‌ها ذخیره شد."))
        return True

    def sign_and_build(self) -> bool:
        from maya_desktop.reports.operations import SignReport

        if not self.canvas.undo_stack.isClean():
            self.save_corrections(quiet=True)
        try:  # one operation: sign, render and store the report, all or nothing (reports.operations)
            self.findings = operations_for(self.session).call(
                "reports.sign_and_store", SignReport(self.order_id, self.panel.findings())
            )
        except MayaError as exc:
            show_error(self, exc)
            return False
        self.panel.set_findings(self.findings)
        self._refresh_buttons()
        self.status.setText(self.tr("گزارش امضا و به‌صورت رمزشده در پرونده ذخیره شد."))
        return True

    def export_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("ذخیرهٔ گزارش برای مشتری"), "report.pdf", "PDF (*.pdf)")
        if not path:
            return
        try:
            data = findings_core.read_report_pdf(self.session, self.order_id)
            with open(path, "wb") as handle:  # the path the person chose for the client
                handle.write(data)
            findings_core.record_export(self.session, self.order_id, "file")
        except (MayaError, OSError) as exc:
            show_error(self, exc)
            return
        self.status.setText(self.tr("گزارش ذخیره شد."))

    def export_client_copy(self, folder: str | None = None) -> None:
        """P7: the client's photos (and the signed report) to a folder chosen here, e.g. their USB stick."""
        from maya_desktop.core.orders.client_copy import export_client_copy

        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("پوشهٔ مقصد برای مشتری"))
        if not folder:
            return
        try:
            written = export_client_copy(self.session, self.order_id, folder)
        except MayaError as exc:
            show_error(self, exc)
            return
        self.status.setText(self.tr("{0} فایل برای مشتری ذخیره شد.").format(to_persian_digits(len(written))))

    def print_report(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from maya_desktop.reports.clinical_report import collect_report, print_clinical_report

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            print_clinical_report(collect_report(self.session, self.order_id), printer)
            findings_core.record_export(self.session, self.order_id, "print")
        except MayaError as exc:
            show_error(self, exc)

    def deliver(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("ثبت تحویل"),
            self.tr(
                "پس از ثبت تحویل، پرونده دیگر قابل ویرایش نیست و فایل‌ها طبق سیاست نگهداری نابود می‌شوند. ادامه می‌دهید؟"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            order = delivery.deliver(self.session, self.order_id)
        except MayaError as exc:
            show_error(self, exc)
            return
        self.title.setText(f"{self.opened.row.client_name} — {status_label(order.status)}")
        self._refresh_buttons()
        self.status.setText(self.tr("تحویل ثبت شد؛ زمان نابودی فایل‌ها آغاز شد."))

    # ---- break-glass ---------------------------------------------------------------------------
    def _break_glass_expiry(self) -> dt.datetime | None:
        from maya_desktop.core.orders.breakglass import active_break_glasses

        try:
            grants = [g for g in active_break_glasses(self.session) if g.order_id == self.order_id]
        except MayaError:
            return None
        return max((clock.parse(g.expires_at) for g in grants), default=None)

    def _break_glass_expired(self) -> None:
        """The grant ran out: drop the pixels, keep the banner saying why (core refuses access anyway)."""
        reason = self.banner.label.text() if self.banner is not None else ""
        self.close_photos(reason, in_status=False)  # the banner already says it

    def close_photos(self, reason: str, *, in_status: bool = True) -> None:
        """Drop every decoded pixel and stop loading, but keep the case on screen with `reason`."""
        if not self.photos_open:
            return
        self.photos_open = False
        self._drop_pixels()
        self.canvas.show_message(reason)
        self.status.setText(reason if in_status else "")
        self.panel.set_read_only(True)
        for widget in (
            *self.action_buttons,
            self.undo_button,
            self.redo_button,
            self.reset_button,
            self.save_points,
            self.layout_toggle,
            self.compare,
        ):
            widget.setEnabled(False)
        self.photos_closed.emit(reason)

    def _drop_pixels(self) -> None:
        self._cancel_loaders()
        self.canvas.clear_all()
        self.center.setCurrentWidget(self.canvas)
        self._replace_layout_scene(QGraphicsScene(self.layout_view))
        self.strip.blockSignals(True)
        self.compare.blockSignals(True)
        self.strip.clear()
        self.compare.clear()
        self.table.clear_all()
        self.images.clear()
        self.thumbs.clear()
        self.thumbs_failed.clear()
        self.analyses.clear()
        self.failed.clear()
        self.current = self.wanted = None
        self.progress.hide()

    def clear(self) -> None:
        """Forget every decoded image, analysis and finding (lock, close); cancel loading."""
        if self.banner is not None:
            self.banner.timer.stop()
        self.photos_open = False
        self._drop_pixels()
        self.photos.clear()
        self.findings = Findings()
        self.panel.set_findings(self.findings)
        self.title.clear()
