"""One case on the doctor's screen: photo strip, canvas with overlay, measurement table, findings,
signing, the report PDF (store encrypted, export to a chosen path, print) and delivery.

Minimum necessary viewing: a case opens with its thumbnails (decrypted and decoded in memory, at most
256 px, off the GUI thread by `photo_loader.CasePhotoLoader`); a full photo is decrypted, and logged as
viewed, only when it is shown (the first photo on opening, then each one the doctor chooses, compares
with, or sees in the standard layout). Under break-glass not even thumbnails open by themselves: each
photo opens when the manager chooses it, each with its own audit entry. Nothing of a case stays once the
viewer is cleared (on closing the case or when the app locks); loading is cancelled then too.

Memory (issue 17): a photo is decoded at screen size (`display_side`), its full-resolution pixels only for
the region zoomed into (the canvas's zoom tile), and at most MAX_DECODED photos are held decoded: the one
shown and the one compared with, which may be a photo of the client's earlier order, also decoded at screen
size and dropped as soon as it is no longer compared (the least recently used other one is dropped; showing
it again opens it again, audited again). The standard layout keeps its own cell-size copies.

A manager's break-glass case shows a banner with the minutes left (updated every 15 s, from
`core.orders.clock`); when the grant runs out the photos are closed and the reason is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.analysis.simulation import Simulation
from maya_desktop.core.errors import MayaError, PermissionDenied
from maya_desktop.core.operations.catalogue import NoRequest, OrderRef
from maya_desktop.core.operations.review import (
    ClientCopy,
    RecordExport,
    ResetCorrections,
    SaveCorrections,
    SaveFindings,
)
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.cases import ComparablePhoto, OpenedCase
from maya_desktop.core.orders.corrections import analysis_view, live_measurements
from maya_desktop.core.orders.findings import Findings
from maya_desktop.core.orders.states import Status
from maya_desktop.core.photos import PhotoInfo
from maya_desktop.core.session import Session
from maya_desktop.gui.doctor.break_glass_banner import BreakGlassBanner
from maya_desktop.gui.doctor.canvas import PhotoCanvas
from maya_desktop.gui.doctor.compare_tools import CompareTools
from maya_desktop.gui.doctor.edit_tools import EditTools
from maya_desktop.gui.doctor.findings_panel import FindingsPanel
from maya_desktop.gui.doctor.layout_view import LayoutView
from maya_desktop.gui.doctor.measurement_table import MeasurementTable
from maya_desktop.gui.doctor.numerals import digits
from maya_desktop.gui.doctor.overlay_legend import OverlayLegend
from maya_desktop.gui.doctor.overlay_tools import OverlayTools
from maya_desktop.gui.doctor.photo_loader import THUMB_SIDE, CasePhotoLoader, LoadedPhoto
from maya_desktop.gui.doctor.photo_strip import PhotoStrip, view_label, view_rank
from maya_desktop.gui.doctor.report_tab import ReportTab
from maya_desktop.gui.doctor.simulation_view import SimulationPanel
from maya_desktop.gui.doctor.view_modes import ViewModes
from maya_desktop.gui.doctor.view_tools import ViewTools
from maya_desktop.gui.doctor.viewer_compare import Compare
from maya_desktop.gui.doctor.viewer_drafts import Drafts
from maya_desktop.gui.doctor.viewer_layout import StandardLayout
from maya_desktop.gui.doctor.viewer_scale import HeadAndScale
from maya_desktop.gui.doctor.viewer_simulation import NoseSimulation
from maya_desktop.gui.labels import embedded, status_label
from maya_desktop.gui.messages import error_text, inform, show_error
from maya_desktop.gui.operations import operations_for
from maya_desktop.gui.page_ops import NewestAnswer
from maya_desktop.gui.theme import current_lang
from maya_desktop.gui.widgets import wrapped_label
from maya_desktop.gui.workstation_session import is_workstation
from maya_desktop.reports.annotate import landmark_label

MAX_DECODED = 2  # photos held decoded: the one shown and the one compared with


def display_side(widget: QWidget | None = None) -> int:
    """The longer side photos are decoded at: the screen's longer side in device pixels (1,024..2,560)."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    if screen is None:
        return 2048
    size = screen.size()
    return max(1024, min(2560, round(max(size.width(), size.height()) * screen.devicePixelRatio())))


class CaseViewer(QWidget, HeadAndScale, Compare, NoseSimulation, StandardLayout, Drafts):
    """One case. Its parts: the tool sections (view_tools, edit_tools, view_modes, overlay_tools,
    compare_tools, report_tab); head levelling and scale (viewer_scale), compare (viewer_compare), the
    simulation (viewer_simulation), the standard layout (viewer_layout) and drafts (viewer_drafts).
    Here: the steps that build the screen, loading and showing the photos, the report and break-glass."""

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
        self.images: dict[int, QImage] = {}  # at most MAX_DECODED, least recently shown first
        self.sources: dict[int, bytes] = {}  # the decrypted JPEG of each of `images` (zoom tiles)
        self.full_sizes: dict[int, QSize] = {}  # each decoded photo's own size (`images` may be smaller)
        self.orientations: dict[int, int] = {}  # the EXIF orientation each of `sources` is stored with
        self.layout_images: dict[int, QImage] = {}  # cell-size copies, while the standard layout is on
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
        self.reads = NewestAnswer(self)  # the earlier orders' photos and a kept draft, read without waiting
        self.findings = Findings()
        self.pending_points: tuple[int, dict[str, list[float]]] | None = None  # landmark moves from a draft
        self.simulation: Simulation | None = None  # memory only; dropped with the case
        self._compare_points: tuple[dict[str, Any], str] | None = None  # the compared photo's landmarks, view
        self.earlier: dict[int, ComparablePhoto] = {}  # the client's earlier photos this person may open
        # the earlier photo compared now: (id, screen-size decode, analysis, its full size); counts as one
        # of the MAX_DECODED photos and is dropped when the compare ends or the case is closed or locked
        self.earlier_shown: tuple[int, QImage, dict[str, Any] | None, QSize] | None = None
        self._sim_source: tuple[int, Any] | None = None  # (photo id, its pixels as an array), memory only
        self.banner: BreakGlassBanner | None = None
        self.expires_at = self._break_glass_expiry() if opened.basis == "breakglass" else None
        # The photos start decoding first, in the background, while the rest of the screen is built.
        infos = list(self._call("review.photos", OrderRef(self.order_id)))
        self.photos = {p.id: p for p in infos}
        grant_over = opened.basis == "breakglass" and (self.expires_at is None or self.expires_at <= self.now())
        self.grant_over = grant_over
        if infos and not grant_over and not self.one_by_one:
            order = [p.id for p in sorted(infos, key=lambda p: (view_rank(p.view), p.id))]
            self._start_loading(order)
            self.wanted = order[0]  # the strip's first photo: shown first (`_load_photos` selects it)
            self._open_full(order[0])
        self._in_step = False
        self._steps: Iterator[None] | None = self._build_steps()
        self._build_next()  # the first step now (strip, canvas, the first photo asked for); the rest queued
        if self.banner is not None and self.banner.is_expired:  # ran out while opening: nothing was decoded
            self._break_glass_expired()

    # ---- layout ----------------------------------------------------------------------------------
    def _build_steps(self) -> Iterator[None]:
        """The screen in steps, the event loop running between them (issue 17: opening a case froze the
        window for ~0.1-0.2 s while ~150 widgets were made in one go). The first step is the title bar
        (the first photo and the thumbnails are already decoding: __init__); then the canvas, strip and
        table, their layout, the two tool rows, the findings and report tab, the simulation panel and the
        findings themselves. A photo decoded meanwhile is shown once the screen is complete. Anything
        reaching for a part not built yet builds the rest at once (`__getattr__`), so no caller ever sees
        half a viewer."""
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back = QPushButton(self.tr("بازگشت به فهرست"))
        self.back.clicked.connect(self.closed.emit)
        row = self.opened.row
        # the name isolated: a Latin-letter name must not turn the Persian title left to right
        self.title = QLabel(f"{embedded(row.client_name)} — {status_label(row.order.status)}")
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

        yield  # open_order returns here: the first photo and the thumbnails are already being decoded

        # Two short rows of tools (not one long one): the viewer fits a 1366 px screen in both languages.
        tools = QHBoxLayout()
        tools.setSpacing(2)
        tools2 = QHBoxLayout()
        tools2.setSpacing(4)
        self.canvas = PhotoCanvas()
        self.table = MeasurementTable()
        self.canvas.measurements_changed.connect(self.table.set_measurements)
        self.canvas.measurements_changed.connect(self._realign)  # a moved eye point moves the compared photo
        self.canvas.selection_changed.connect(self._selection_changed)
        self.table.measurement_chosen.connect(self.canvas.highlight_measurement)
        self.canvas.setToolTip(
            self.tr("نقطه را با کلیک یا Tab انتخاب کنید؛ کلیدهای جهت یک پیکسل جابه‌جا می‌کنند (با Shift ده پیکسل).")
        )

        tools_at = outer.count()  # the two tool rows go here (built in the next steps)
        self.legend = OverlayLegend()
        self.scale_note = QLabel()
        self.scale_note.setObjectName("scaleNote")
        self.scale_note.setProperty("role", "hint")
        self.strip = PhotoStrip()
        self.strip.chosen.connect(self.show_photo)
        strip_box = QWidget()
        strip_box.setFixedWidth(self.strip.width())
        self.strip.width_fitted.connect(strip_box.setFixedWidth)  # as wide as the strip, always
        strip_layout = QVBoxLayout(strip_box)
        strip_layout.setContentsMargins(0, 0, 0, 0)
        strip_layout.setSpacing(4)
        self.progress = wrapped_label("photoProgress", "hint")
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress.hide()
        strip_layout.addWidget(self.progress)
        strip_layout.addWidget(self.strip, 1)
        self.center = QStackedWidget()
        self.center.addWidget(self.canvas)

        self.status = wrapped_label()
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        yield

        side = QTabWidget()
        side.addTab(self.table, self.tr("اندازه‌ها"))
        self.side = side
        split = QSplitter()
        split.setObjectName("viewerSplitter")
        split.setChildrenCollapsible(True)
        split.addWidget(strip_box)
        split.addWidget(self.center)
        split.addWidget(side)
        split.setCollapsible(1, False)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 1)
        side.setMinimumWidth(280)
        self.center.setMinimumWidth(360)
        # The photo gets most of the space; the table starts wide enough for its names (it is still
        # empty while the photos open, so its size hint would leave it too narrow).
        split.setSizes([strip_box.width(), 640, 360])  # the rest shared 64:36 (a 1366 px screen: ~360 px table)
        self.splitter = split
        outer.addWidget(split, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.scale_note)
        bottom.addSpacing(12)
        bottom.addWidget(self.legend)
        outer.addLayout(bottom)
        yield  # the splitter's first layout and paint in one event, the strip's thumbnails in the next

        self._load_photos()
        yield

        # first row: zoom and turning, the point corrections and the scale, the simulation and the layout
        self.view_tools = ViewTools(self.canvas)
        self.zoom_label, self.tilt = self.view_tools.zoom_label, self.view_tools.tilt
        self.level_button, self.mirror = self.view_tools.level_button, self.view_tools.mirror
        self.level_button.clicked.connect(self.level_head)
        self.edit_tools = EditTools(self.canvas, self.editable)
        edit = self.edit_tools
        self.undo_button, self.redo_button = edit.undo_button, edit.redo_button
        self.reset_button, self.save_points, self.scale_button = edit.reset_button, edit.save_points, edit.scale_button
        self.iris_scale_action, self.reference_scale_action = edit.iris_scale_action, edit.reference_scale_action
        self.reset_button.clicked.connect(self.reset_points)
        self.save_points.clicked.connect(self.save_corrections)
        self.iris_scale_action.triggered.connect(self.use_iris_scale)
        self.reference_scale_action.triggered.connect(self.draw_reference)
        self.view_modes = ViewModes()
        self.simulate_button, self.layout_toggle = self.view_modes.simulate_button, self.view_modes.layout_toggle
        self.simulate_button.clicked.connect(lambda: self.toggle_simulation(self.simulate_button.isChecked()))
        self.layout_toggle.toggled.connect(self._toggle_layout)
        tools.addWidget(self.view_tools)
        tools.addSpacing(8)
        tools.addWidget(self.edit_tools)
        tools.addWidget(self.view_modes)
        tools.addStretch(1)
        outer.insertLayout(tools_at, tools)

        yield

        # second row: what the overlay shows, image adjustment, compare, the side panel
        self.overlay_tools = OverlayTools(self.canvas)
        self.group_boxes = self.overlay_tools.group_boxes
        self.adjust_button = self.overlay_tools.adjust_button
        self.brightness, self.contrast = self.overlay_tools.brightness, self.overlay_tools.contrast
        self.compare_tools = CompareTools(self.canvas)
        self.compare, self.compare_slider = self.compare_tools.compare, self.compare_tools.compare_slider
        self.compare.currentIndexChanged.connect(self._compare_changed)
        self.side_toggle = QToolButton()
        self.side_toggle.setObjectName("sidePanelToggle")
        self.side_toggle.setText(self.tr("جدول و یافته‌ها"))
        self.side_toggle.setToolTip(self.tr("نمایش یا پنهان کردن جدول اندازه‌ها و یافته‌ها"))
        self.side_toggle.setCheckable(True)
        self.side_toggle.setChecked(True)
        self.side_toggle.toggled.connect(self._toggle_side)
        tools2.addWidget(self.overlay_tools)
        tools2.addWidget(self.compare_tools)
        tools2.addStretch(1)
        tools2.addWidget(self.side_toggle)
        for pid in self.strip.photo_ids():
            self.compare.addItem(view_label(self.photos[pid].view), pid)
        self._add_earlier_photos()  # the client's earlier orders' photos, after this case's
        outer.insertLayout(tools_at + 1, tools2)

        yield

        self.panel = FindingsPanel()
        yield

        self.panel.set_read_only(not self.editable)
        self.panel.norm_sex.currentIndexChanged.connect(self._sex_changed)
        # On a network workstation the client's copy (photos and report into a folder, P7: whole or not at all,
        # audited start to end) is made at the vault host's PC only: the host would write it to a folder of its
        # own disk (it refuses review.client_copy from the wire). The button stays and says so plainly instead of
        # failing. The report is printed here (laid out on the host, painted from memory) and its PDF saved here.
        report = ReportTab(self.panel, self.editable)
        self.action_buttons = report.buttons
        self.save_findings_button, self.sign_button, self.export_button = report.buttons[:3]
        self.print_button, self.copy_button, self.deliver_button = report.buttons[3:]
        self.copy_at_host = is_workstation(self.session)
        if self.copy_at_host:
            self.copy_button.setToolTip(self.tr("نسخهٔ مشتری (عکس‌ها و گزارش) روی رایانهٔ میزبان کلینیک ساخته می‌شود."))
        self.save_findings_button.clicked.connect(self.save_findings)
        self.sign_button.clicked.connect(self.sign_and_build)
        self.export_button.clicked.connect(self.export_pdf)
        self.print_button.clicked.connect(self.print_report)
        self.copy_button.clicked.connect(self.export_client_copy)
        self.deliver_button.clicked.connect(self.deliver)
        side.addTab(report, self.tr("یافته‌ها و گزارش"))
        yield

        self.simulation_panel = SimulationPanel()
        self.simulation_panel.change_requested.connect(self._simulate)
        self.simulation_panel.in_report.toggled.connect(lambda _on: self._keep_simulation())
        self.center.addWidget(self.simulation_panel)
        self.layout_view = LayoutView()
        self.center.addWidget(self.layout_view)
        yield

        self._load_findings()

    def _toggle_side(self, shown: bool) -> None:
        """The table and findings fold away so the photo gets the whole width (and come back)."""
        sizes = self.splitter.sizes()
        if shown:
            width = max(320, self._side_width if hasattr(self, "_side_width") else 380)
            self.side.show()
            self.splitter.setSizes([sizes[0], max(360, sizes[1] - width), width])
        else:
            self._side_width = sizes[2] or 380
            self.side.hide()

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
            or self._decoding(photo_id)
            or photo_id not in self.photos
        ):
            return
        pending = self.photo_loaders.get(photo_id)
        if pending is not None:  # decoded, its pixels still queued for this thread: asked again once they are
            pending.signals.finished.connect(lambda _cancelled: self._open_full(photo_id))  # (dropped meanwhile?)
            return
        loader = self._photo_loader(photo_id)
        loader.signals.photo.connect(self._photo_loaded)
        loader.signals.photo_failed.connect(self._photo_failed)
        loader.signals.stopped.connect(self._loading_stopped)
        loader.start()

    def _photo_loader(self, photo_id: int) -> CasePhotoLoader:
        """A decoder for one photo at screen size (`display_side`), held until it finishes; not started."""
        loader = CasePhotoLoader(self.session, [photo_id], parallel=1, kind="photo", max_side=display_side(self))
        self._track(photo_id, loader)
        return loader

    def _decoding(self, photo_id: int) -> bool:
        """A loader for this photo is still at work (one that is done, its `finished` not delivered yet,
        does not count: `_open_full` asks again once it is delivered, and opens the photo again if it was
        dropped meanwhile)."""
        loader = self.photo_loaders.get(photo_id)
        return loader is not None and not loader.done.is_set()

    def _track(self, photo_id: int, loader: CasePhotoLoader) -> None:
        """Hold a one-photo loader until it finishes (only that loader: a newer one for the same photo stays)."""
        self.photo_loaders[photo_id] = loader

        def finished(_cancelled: bool) -> None:
            if self.photo_loaders.get(photo_id) is loader:
                del self.photo_loaders[photo_id]

        loader.signals.finished.connect(finished)

    def _cancel_loaders(self) -> None:
        """Stop every decoder before its next core call; anything decoded meanwhile is dropped."""
        for loader in (self.loader, *self.photo_loaders.values()):
            if loader is not None:
                loader.cancel()
        self.photo_loaders.clear()

    def _load_photos(self) -> None:
        """The strip's placeholders; thumbnails arrive from the loader (`_thumbnail_loaded`), the first
        photo opens because it is shown (`show_photo`), except under break-glass."""
        infos = list(self.photos.values())
        self.strip.set_photos([(p.id, p.view, self.thumbs.get(p.id)) for p in infos], sealed=self.one_by_one)
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

    def _load_findings(self) -> None:
        """The findings (and a draft kept at the last lock) into the panel; the report buttons' state."""
        if self.session.locked or self.__dict__.get("_cleared"):
            return  # closed or locked before the last step ran: nothing more is read
        try:
            self.findings = self._call("review.findings", OrderRef(self.order_id))
        except MayaError:
            self.findings = Findings()
        self.panel.set_findings(self.findings)
        self._restore_draft()  # (comes back later: read without waiting)
        self._refresh_buttons()

    # ---- building in steps ------------------------------------------------------------------------
    def _build_next(self) -> None:
        """Run the next building step (a zero-time timer between steps lets the event loop run)."""
        if self.__dict__.get("_steps") is None or self._in_step:
            return
        if self._step_once():
            self._show_wanted()
        else:
            QTimer.singleShot(0, self, self._build_next)  # not after the viewer is gone

    def finish_building(self) -> None:
        """Build whatever is left now (a caller needs all of the viewer)."""
        while self.__dict__.get("_steps") is not None and not self._in_step:
            if self._step_once():
                self._show_wanted()

    def _step_once(self) -> bool:
        """One building step; True when that was the last one. A failing step ends the building (and the
        photo loading it started) and is raised."""
        steps = self._steps
        if steps is None:
            return True
        self._in_step = True
        try:
            next(steps)
        except StopIteration:
            self._steps = None
            return True
        except BaseException:
            self._steps = None
            self._cancel_loaders()
            raise
        finally:
            self._in_step = False
        return False

    def _show_wanted(self) -> None:
        """The screen is complete: the photo chosen meanwhile, if it was decoded meanwhile."""
        pid = self.wanted
        if pid is not None and pid != self.current and pid in self.images and self._live():
            QTimer.singleShot(0, self, lambda: self.show_photo(pid) if self.wanted == pid else None)

    def is_built(self) -> bool:
        return self.__dict__.get("_steps") is None

    def __getattr__(self, name: str) -> Any:
        """Only for attributes not found: a part of the screen not built yet is built now (all of it)."""
        if name.startswith("__") or self.__dict__.get("_steps") is None or self.__dict__.get("_in_step", True):
            raise AttributeError(name)
        self.finish_building()
        return object.__getattribute__(self, name)

    def is_loading(self) -> bool:
        """Photos being decoded, or a read (earlier orders' photos, a draft) not answered yet."""
        loaders = [self.loader, *self.photo_loaders.values()]
        return self.reads.loading or any(loader is not None and not loader.done.is_set() for loader in loaders)

    def _live(self) -> bool:
        """False once the case was closed, the app locked or the photos were closed: late results are dropped."""
        return self.photos_open and not self.session.locked

    def _show_progress(self) -> None:
        if "progress" not in self.__dict__:
            return  # not built yet (the strip shows it once it is)
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
        if "strip" in self.__dict__:  # otherwise the strip is made with it (_load_photos)
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
        self.images.pop(pid, None)
        self.images[pid] = loaded.image
        self.sources[pid] = loaded.jpeg or b""
        self.orientations[pid] = loaded.orientation
        self.full_sizes[pid] = loaded.full_size or loaded.image.size()
        self.analyses[pid] = loaded.analysis
        if not self.is_built():  # no layout, no comparison yet: shown when the screen is complete
            self.photo_ready.emit(pid)
            return
        if self.layout_toggle.isChecked():
            self._keep_for_layout(pid)
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
        self._forget_unused()

    def _forget_unused(self) -> None:
        """Keep at most MAX_DECODED photos decoded: drop the least recently shown one that is neither on
        the canvas nor compared with nor awaited (its pixels and JPEG bytes are freed). An earlier order's
        photo being compared counts as one of them."""
        keep = {self.current, self.wanted, self.compare.currentData()}
        budget = MAX_DECODED - (1 if self.earlier_shown is not None else 0)
        for pid in list(self.images):
            if len(self.images) <= budget:
                break
            if pid not in keep:
                del self.images[pid]
                self.sources.pop(pid, None)
                self.orientations.pop(pid, None)

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
        if not self.is_built():
            return  # decoded before the screen is complete: shown at the end of the build (_build_next)
        image, analysis = self.images.pop(photo_id), self.analyses.get(photo_id)
        self.images[photo_id] = image  # the most recently shown last
        full, jpeg = self.full_sizes.get(photo_id, image.size()), self.sources.get(photo_id, b"")
        self.current = photo_id
        view = analysis_view(self.photos[photo_id].view, analysis)
        self.canvas.set_photo(
            image,
            analysis,
            view,
            live_measurements,
            editable=self.editable,
            sex=self.panel.norm_sex.currentData(),
            full_size=full,
            source=jpeg or None,
            orientation=self.orientations.get(photo_id, 1),
        )
        self.canvas.set_adjustments(self.brightness.value(), self.contrast.value())
        self.canvas.undo_stack.setClean()
        corrected = (analysis or {}).get("doctor_corrected")
        self.status.setText(self.tr("نقاط این عکس به دست پزشک اصلاح شده است.") if corrected else "")
        if self.pending_points is not None and self.pending_points[0] == photo_id:
            self._apply_pending_points()
        if self.compare.currentData() is not None:
            self._compare_changed()
        self._show_scale()
        if self.simulate_button.isChecked():
            self.toggle_simulation(True)
        self._forget_unused()
        self.photo_shown.emit(photo_id)

    def _selection_changed(self, name: str) -> None:
        if not name:
            return
        label = landmark_label(name, current_lang()) or name
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

    # ---- corrections -----------------------------------------------------------------------------
    def _call(self, name: str, request: Any) -> Any:
        """One operation on the database thread (core/operations/review.py); the viewer shows its answer at once.
        A consented order moves into review with the first change (in the operation)."""
        return operations_for(self.session).call(name, request)

    def save_corrections(self, quiet: bool = False) -> None:
        if self.current is None or not self.editable:
            return
        try:
            new = self._call(
                "review.save_corrections",
                SaveCorrections(
                    self.order_id,
                    self.current,
                    dict(self.canvas.corrected_points()),
                    self.panel.norm_sex.currentData(),
                ),
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
            new = self._call(
                "review.reset_corrections",
                ResetCorrections(self.order_id, self.current, self.panel.norm_sex.currentData()),
            )
        except MayaError as exc:
            show_error(self, exc)
            return
        self.analyses[self.current] = new
        self.canvas.undo_stack.clear()  # the unsaved moves are discarded, not saved over the reset
        self.show_photo(self.current)

    # ---- findings, report, delivery --------------------------------------------------------------
    def _refresh_buttons(self) -> None:
        status = self._call("review.status", OrderRef(self.order_id))
        signed = self.findings.signature is not None
        has_pdf = bool(self.findings.pdf_file_id)
        reviewing = status in (Status.CONSENTED, Status.IN_REVIEW)
        self.save_findings_button.setEnabled(reviewing)
        self.sign_button.setEnabled(reviewing)
        self.export_button.setEnabled(has_pdf)
        self.print_button.setEnabled(signed)
        self.copy_button.setEnabled(status in (Status.CONSENTED, Status.IN_REVIEW, Status.DELIVERED))
        self.deliver_button.setEnabled(status == Status.IN_REVIEW and has_pdf)

    def _store_findings(self, store: Callable[[], Findings], done: str) -> bool:
        """Run the operation that stores the findings (and perhaps the report); show its answer or refusal."""
        try:
            self.findings = store()
        except MayaError as exc:
            show_error(self, exc)
            return False
        self.panel.set_findings(self.findings)
        self._refresh_buttons()
        self.status.setText(done)
        return True

    def save_findings(self) -> bool:
        return self._store_findings(
            lambda: self._call("review.save_findings", SaveFindings(self.order_id, self.panel.findings())),
            self.tr("یافته‌ها ذخیره شد."),
        )

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a modal dialog (a seam for tests: no modal event loop there); True when accepted."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def preview_report(self) -> Any:
        """The report as signing would store it now (memory only), or None when refused (shown)."""
        from maya_desktop.reports.operations import PreviewReport

        try:
            return operations_for(self.session).call(
                "reports.preview", PreviewReport(self.order_id, self.panel.findings(), current_lang())
            )
        except MayaError as exc:
            show_error(self, exc)
            return None

    def sign_and_build(self) -> bool:
        """Show the report that will be signed; sign and store it only when the doctor confirms it."""
        from maya_desktop.gui.doctor.report_preview import ReportPreviewDialog
        from maya_desktop.reports.operations import SignReport

        if not self.canvas.undo_stack.isClean():
            self.save_corrections(quiet=True)
        preview = self.preview_report()
        if preview is None:
            return False
        dialog = ReportPreviewDialog(preview, self)
        del preview
        confirmed = self.exec_dialog(dialog)
        dialog.deleteLater()
        if not confirmed:
            self.status.setText(self.tr("گزارش امضا نشد؛ می‌توانید یافته‌ها را ویرایش کنید."))
            return False
        return self._store_findings(  # one operation: sign, render and store the report, all or nothing
            lambda: operations_for(self.session).call(
                "reports.sign_and_store", SignReport(self.order_id, self.panel.findings(), current_lang())
            ),
            self.tr("گزارش امضا و به‌صورت رمزشده در پرونده ذخیره شد."),
        )

    def export_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("ذخیرهٔ گزارش برای مشتری"), "report.pdf", "PDF (*.pdf)")
        if not path:
            return
        try:
            data = self._call("review.report_pdf", OrderRef(self.order_id))
            with open(path, "wb") as handle:  # the path the person chose for the client
                handle.write(data)
            self._call("review.record_export", RecordExport(self.order_id, "file"))
        except (MayaError, OSError) as exc:
            show_error(self, exc)
            return
        self.status.setText(self.tr("گزارش ذخیره شد."))

    def export_client_copy(self, folder: str | None = None) -> None:
        """P7: the client's photos (and the signed report) to a folder chosen here, e.g. their USB stick. On a
        network workstation it is made at the vault host's PC: the viewer says so (nothing is asked of the host)."""
        if self.copy_at_host:
            self.show_message(
                self.tr("عکس‌ها و گزارش برای مشتری"),
                self.tr(
                    "این رایانه ایستگاه کاری شبکه است. نسخهٔ مشتری (عکس‌ها و گزارش امضاشده) فقط روی رایانهٔ میزبان"
                    " کلینیک، همان رایانه‌ای که پرونده‌ها روی آن نگهداری می‌شود، ساخته می‌شود: پرونده را آنجا باز کنید"
                    " و همین دکمه را بزنید. گزارش PDF را می‌توانید همین‌جا ذخیره یا چاپ کنید."
                ),
            )
            return
        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("پوشهٔ مقصد برای مشتری"))
        if not folder:
            return
        try:
            written = self._call("review.client_copy", ClientCopy(self.order_id, folder))
        except MayaError as exc:
            show_error(self, exc)
            return
        self.status.setText(self.tr("{0} فایل برای مشتری ذخیره شد.").format(digits(len(written))))

    def show_message(self, _title: str, text: str) -> None:
        """A plain notice (a seam for tests: no modal event loop there)."""
        inform(self, text)

    def print_report(self) -> None:
        """The signed report in a print preview, printed from there (the printer dialog). It is laid out where
        the vault is (`reports.printable`: on the vault host from a workstation) and painted here from the bytes
        in memory, dropped with the dialog: nothing of it is written to this PC's disk."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from maya_desktop.reports.clinical_report import paint_printable
        from maya_desktop.reports.operations import PrintReport

        try:
            printable = self._call("reports.printable", PrintReport(self.order_id, current_lang()))
        except MayaError as exc:
            show_error(self, exc)
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(printable.title)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("reportPrintPreview")
        dialog.setWindowTitle(self.tr("پیش‌نمایش و چاپ گزارش"))
        held = [printable]  # the dialog's slot reaches the report only through this, emptied below
        del printable
        dialog.paintRequested.connect(lambda device: paint_printable(held[0], device))
        try:
            printed = self.exec_dialog(dialog)  # accepted = printed from the preview's print button
        finally:
            # the report's pictures go now, with the dialog: not left to the collector (or to a closure)
            held.clear()
            shiboken6.delete(dialog)
        if not printed:
            return
        try:
            self._call("review.record_export", RecordExport(self.order_id, "print"))
        except MayaError as exc:
            show_error(self, exc)
            return
        self.status.setText(self.tr("گزارش برای چاپ فرستاده شد."))

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
            order = self._call("review.deliver", OrderRef(self.order_id))
        except MayaError as exc:
            show_error(self, exc)
            return
        self.title.setText(f"{embedded(self.opened.row.client_name)} — {status_label(order.status)}")
        self._refresh_buttons()
        self.status.setText(self.tr("تحویل ثبت شد؛ زمان نابودی فایل‌ها آغاز شد."))

    # ---- break-glass ---------------------------------------------------------------------------
    def _break_glass_expiry(self) -> dt.datetime | None:
        try:
            grants = [g for g in self._call("review.break_glass_grants", NoRequest()) if g.order_id == self.order_id]
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
        self.simulation = None
        self._sim_source = None
        self.simulation_panel.clear()
        self.simulate_button.setChecked(False)
        self.canvas.clear_all()
        self.center.setCurrentWidget(self.canvas)
        self.layout_view.clear_scene()
        self.strip.blockSignals(True)
        self.compare.blockSignals(True)
        self.strip.clear()
        self.compare.clear()
        self.table.clear_all()
        self.images.clear()
        self.sources.clear()
        self.orientations.clear()
        self.full_sizes.clear()
        self.layout_images.clear()
        self.thumbs.clear()
        self.thumbs_failed.clear()
        self.analyses.clear()
        self.failed.clear()
        self.earlier_shown = None
        self.earlier.clear()
        self._compare_points = None
        self.current = self.wanted = None
        self.progress.hide()

    def clear(self) -> None:
        """Forget every decoded image, analysis and finding (lock, close); cancel loading."""
        if self.banner is not None:
            self.banner.timer.stop()
        self._cleared = True
        self.photos_open = False
        self._drop_pixels()
        self.photos.clear()
        self.findings = Findings()
        self.panel.set_findings(self.findings)
        self.title.clear()
