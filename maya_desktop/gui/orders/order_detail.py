"""One order: client, state, photos (thumbnails only where core allows), views, analysis summary,
quote, payments, consents, delivery; actions enabled by state and role; photo import (file dialog
or drag-and-drop) in a worker with progress and Cancel.

Pixels live only in memory (QPixmap.loadFromData); `clear_sensitive()` drops them (app lock, order
change, access lost). While an import runs, every order action is disabled and the GUI makes no core
call for this order. Everything the screen reads or changes is a named operation (core/operations/orders.py)
run on the vault's database thread through PageOps; each change carries the order's version, and a change
another desk made first is refused (orders.conflict): the screen says so and reloads.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.errors import MayaError, ValidationError
from maya_desktop.core.operations.orders import (
    AnalysisSummary,
    ConfirmViews,
    EndBreakGlass,
    ImportDocument,
    OpenOrder,
    OrderChange,
    OrderSnapshot,
    PhotoView,
    RemovePhoto,
    is_conflict,
)
from maya_desktop.core.orders.model import Order
from maya_desktop.core.orders.states import LIVE_STATES, Action, Service, Status
from maya_desktop.core.photos import IMAGE_SUFFIXES, PhotoInfo, collect_image_files
from maya_desktop.core.roles import Role, allowed
from maya_desktop.core.session import Session
from maya_desktop.gui.dates import show_datetime
from maya_desktop.gui.labels import status_label
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.order_print import add_print_buttons
from maya_desktop.gui.orders import dialogs
from maya_desktop.gui.orders.common import can, digits
from maya_desktop.gui.orders.import_worker import ImportSummary, ImportWorker
from maya_desktop.gui.orders.notices_box import OrderNoticesBox
from maya_desktop.gui.orders.order_actions import ACTIONS, OrderActions, all_views_confirmed, enabled_actions
from maya_desktop.gui.orders.order_header import OrderHeader
from maya_desktop.gui.orders.order_info import OrderInfoSection
from maya_desktop.gui.orders.order_money import ConsentsSection, PaymentsSection, QuoteSection
from maya_desktop.gui.orders.order_photos import OrderPhotosSection
from maya_desktop.gui.orders.photo_card import PhotoCard
from maya_desktop.gui.page_ops import PageOps

log = logging.getLogger(__name__)


class OrderDetail(QWidget):
    """The order screen: its sections (each a widget with a Designer form in ui/) and what the buttons do."""

    back_requested = Signal()
    order_changed = Signal(int)  # the order's state or data changed: the list refreshes
    import_finished = Signal(object)  # ImportSummary (tests and the list wait on it)
    import_progress = Signal(int, int)  # done, total: on the GUI thread, after the screen showed it

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ops = PageOps(self, session)
        self.order: Order | None = None
        self.snapshot: OrderSnapshot | None = None
        self.worker: ImportWorker | None = None
        self.break_glass_id: int | None = None
        self._notice_status: Status | None = None  # the notice belongs to this state of the order
        self._loads = 0  # loads asked for, numbered in the order the database thread answers them
        self._shown = 0  # the newest load shown: an older answer still on its way is not shown over it
        self._ending: Callable[[], None] | None = None  # ends the import once the screen shows its result
        self._rest_shown: tuple[object, ...] | None = None  # what the screen shows but the files (see `_apply`)
        self.setAcceptDrops(True)
        self._build()
        self.expiry = QTimer(self)  # break-glass ends by itself: re-check access twice a minute
        self.expiry.setInterval(30_000)
        self.expiry.timeout.connect(self._check_break_glass)
        self.ops.refresh_on(("orders",), self._changed_elsewhere)  # another desk moved an order on

    # ---- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.header = OrderHeader()
        self.header.back.clicked.connect(self.back_requested.emit)
        self.header.end_glass.clicked.connect(self.end_break_glass)
        self.header.cancel_import_button.clicked.connect(self.cancel_import)
        outer.addWidget(self.header)

        body = QHBoxLayout()
        outer.addLayout(body, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.sections = QVBoxLayout(self.content)
        self.sections.setContentsMargins(0, 0, 6, 0)
        scroll.setWidget(self.content)
        body.addWidget(scroll, 1)

        self.info_section = OrderInfoSection()
        self.photos_section = OrderPhotosSection()
        self.photos_section.remove_requested.connect(self.remove_photo)
        self.quote_section = QuoteSection()
        self.payments_section = PaymentsSection()
        self.consents_section = ConsentsSection()
        self.notices_box = OrderNoticesBox(self.session)  # what the client was told (core/notices)
        self.notices_box.retried.connect(self.reload)
        sections: tuple[QWidget, ...] = (
            self.info_section,
            self.photos_section,
            self.quote_section,
            self.payments_section,
            self.consents_section,
            self.notices_box,
        )
        for section in sections:
            # Fixed: the scroll area must scroll, never squeeze a section below its size hint
            section.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            self.sections.addWidget(section)
        self.sections.addStretch(1)

        self.actions = OrderActions()
        body.addWidget(self.actions)
        side = {**self.actions.buttons, "quote": self.quote_section.quote_button}
        side["pay"] = self.payments_section.pay_button
        self.buttons: dict[str, QPushButton] = {key: side[key] for key in ACTIONS}
        slots = {
            "import": self.choose_files,
            "confirm": self.confirm_views,
            "complete": self.complete_analysis,
            "quote": self.open_quote,
            "pay": self.open_payment,
            "consent": self.open_consent,
            "revoke": self.revoke_consent,
            "breakglass": self.open_break_glass,
            "cancel": self.open_cancel,
            "destroy": self.open_destroy,
        }
        for key, button in self.buttons.items():
            button.clicked.connect(slots[key])
        self._name_parts()
        add_print_buttons(self)  # issue 15: printed quote and receipt (gui/order_print.py)

    def _name_parts(self) -> None:
        """The sections' widgets under the names the rest of the app (print buttons, tests) reaches them by."""
        head = self.header
        self.title, self.badge, self.back = head.title, head.badge, head.back
        self.error, self.notice = head.error, head.notice
        self.banner, self.banner_text, self.end_glass = head.banner, head.banner_text, head.end_glass
        self.progress_row, self.progress_label = head.progress_row, head.progress_label
        self.progress: QProgressBar = head.progress
        self.cancel_import_button = head.cancel_import_button
        self.info: QGroupBox = self.info_section.box
        self.info_values: dict[str, QLabel] = self.info_section.values
        photos = self.photos_section
        self.photos_box, self.photos_hint, self.grid_host = photos.box, photos.hint, photos.grid_host
        self.grid, self.analysis_label, self.import_report = photos.grid, photos.analysis_label, photos.import_report
        self.quote_box: QGroupBox = self.quote_section.box
        self.quote_table: QTableWidget = self.quote_section.table
        self.quote_total, self.quote_actions = self.quote_section.total, self.quote_section.actions
        self.payments_box: QGroupBox = self.payments_section.box
        self.payments_table: QTableWidget = self.payments_section.table
        self.payments_hint, self.payment_actions = self.payments_section.hint, self.payments_section.actions
        self.consents_box: QGroupBox = self.consents_section.box
        self.consents_table: QTableWidget = self.consents_section.table

    # the open order's photos, their cards and what the screen holds of them (memory only): the photos section's
    @property
    def photos(self) -> list[PhotoInfo]:
        return self.photos_section.photos

    @property
    def cards(self) -> dict[int, PhotoCard]:
        return self.photos_section.cards

    @property
    def thumbs(self) -> dict[int, bytes]:
        return self.photos_section.thumbs

    @property
    def analyses(self) -> dict[int, AnalysisSummary]:
        return self.photos_section.analyses

    # ---- loading ---------------------------------------------------------------------------------
    @property
    def importing(self) -> bool:
        return self.worker is not None

    def open_order(self, order_id: int) -> None:
        if self.order is None or self.order.id != order_id:
            self.photos_section.drop_cards()  # photo ids are unique, but another order's cards are never reused
            self.clear_sensitive()
            self.import_report.hide()
            self.notice.hide()
        self.order = None
        self._load(order_id)

    def reload(self) -> None:
        if self.order is not None and not self.importing:
            self._load(self.order.id)

    def _load(self, order_id: int) -> None:
        self._loads += 1
        self._shown = self._loads  # an answer still on its way from an earlier background load is now stale
        self.error.hide()
        try:
            # one snapshot, read on the vault's database thread; thumbnails the screen holds are not read again
            snapshot = self.ops.call("orders.open", self._open_request(order_id))
        except MayaError as exc:
            self.show_error(exc)
        else:
            self._apply(snapshot)
        self._after_load()

    def _load_in_background(self, order_id: int, then: Callable[[], None] | None = None) -> None:
        """The same, without waiting: while an import runs, the database thread is busy with the next photo
        (its analysis included) and a waiting screen froze for as long (0.8-1.2 s a photo). The snapshot is
        shown when it comes, if the screen still shows that order and nothing newer is shown; `then()` follows its
        answer (shown, stale or refused), unless the vault locked or the screen closed meanwhile (PageOps drops
        the answer).

        An answer is shown even when a newer load was asked for meanwhile: during an import each photo's load
        waits on the database thread behind the next photo's import, so showing only the newest answer left every
        card to the last load (six cards built at once: a 35 ms stall of CPU alone, 60-80 ms on a busy machine);
        one card at a time is a few ms each."""

        self._loads += 1
        mine = self._loads

        def loaded(snapshot: OrderSnapshot) -> None:
            if mine > self._shown and self.order is not None and self.order.id == order_id:
                self._shown = mine
                self._apply(snapshot)
                self._after_load()
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self.show_error(exc)
            if then is not None:
                then()

        self.ops.run("orders.open", self._open_request(order_id), loaded, failed)

    def _open_request(self, order_id: int) -> OpenOrder:
        return OpenOrder(order_id, tuple(self.thumbs), tuple(self.analyses))

    def _after_load(self) -> None:
        self.update_actions()
        # The scroll area would squeeze the sections to their (height-for-width) minimum; ask for
        # the full height so it scrolls instead of overlapping tables and labels.
        self.sections.invalidate()
        self.content.setMinimumHeight(self.sections.totalSizeHint().height())

    def _apply(self, snapshot: OrderSnapshot) -> None:
        """Show the snapshot. What did not change since the snapshot shown is not set again: during an import each
        photo's reload brings the same order but one photo more, and re-setting every label and table of the
        screen for it made Qt lay out and repaint the whole screen (a photo's longest stall, 20-27 ms of the GUI
        thread's own CPU on a busy machine). The photos section refreshes only what changed itself."""
        self.snapshot = snapshot
        order = snapshot.order
        self.order = order
        if order.status != self._notice_status:
            self.notice.hide()
        self.photos_section.keep_from(snapshot)
        rest = self._rest_of(snapshot)
        same = rest == self._rest_shown
        self._rest_shown = rest
        client_name = snapshot.client_name
        if not same:
            title = self.tr("سفارش {0}").format(digits(order.id)) + (f" — {client_name}" if client_name else "")
            self.title.setText(title)
            self.badge.setText(status_label(order.status))
            self.info_section.show_order(order, client_name, snapshot.held)
        self._load_files(order, snapshot)  # may drop the pixels (a destroyed order: the client's name too)
        if not same:
            self._load_money(order, snapshot)
            self._load_break_glass(order)
            self.notices_box.load(order, snapshot.notices)

    def _rest_of(self, snapshot: OrderSnapshot) -> tuple[object, ...]:
        """Everything the screen shows of a snapshot but its photos and documents: an import changes only the
        order's version, its last change and its count of files (none of them shown) besides the photos."""
        order = dataclasses.replace(snapshot.order, version=0, updated_at="", files_count=0)
        s = snapshot
        kept = (s.client_name, s.held, s.file_access, s.quote, s.payments, s.consents, s.break_glass, s.notices)
        return (order, *kept, self.session.role, self.session.locked)

    def _load_files(self, order: Order, snapshot: OrderSnapshot) -> None:
        photos = self.photos_section
        if order.service != Service.RHINOPLASTY_ANALYSIS:
            self.buttons["import"].setText(self.tr("وارد کردن سند…"))
            photos.show_documents(snapshot.documents)
            return
        self.buttons["import"].setText(self.tr("وارد کردن عکس…"))
        if order.status == Status.DESTROYED:
            photos.show_destroyed()
            self.clear_sensitive()
        elif not photos.show_photos(self.session, order, snapshot):
            self._drop_pixels()  # no pixels for this person now; the name stays (the orders list shows it too)

    def _load_money(self, order: Order, snapshot: OrderSnapshot) -> None:
        can_write = allowed(self.session.role, "orders.write")
        self.quote_section.setVisible(can_write)
        self.quote_section.show_quote(order, snapshot)
        self.payments_section.setVisible(can_write)
        self.payments_section.show_payments(snapshot)
        shown = self.consents_section.show_consents(order, snapshot)
        self.consents_section.setVisible(allowed(self.session.role, "consent.record") and shown)

    def _load_break_glass(self, order: Order) -> None:
        self.break_glass_id = None
        bg = self.snapshot.break_glass if self.snapshot is not None else None
        if self.session.role == Role.MANAGER and order.status in LIVE_STATES and bg is not None:
            self.break_glass_id = bg.id
            self.banner_text.setText(
                self.tr("دسترسی اضطراری فعال است تا {0}. همهٔ دسترسی‌ها ثبت می‌شود.").format(show_datetime(bg.expires_at))
            )
        self.banner.setVisible(self.break_glass_id is not None)
        if self.break_glass_id is not None:
            self.expiry.start()
        else:
            self.expiry.stop()

    # ---- actions state ---------------------------------------------------------------------------
    def update_actions(self) -> None:
        s, order = self.session, self.order
        busy = self.importing
        enabled = enabled_actions(s, order, self.photos, self.break_glass_id)
        for key, button in self.buttons.items():
            button.setEnabled(bool(enabled[key]) and not busy and not s.locked)
            button.setVisible(key != "breakglass" or allowed(s.role, "breakglass"))
        self.back.setEnabled(not busy)
        photos = order is not None and order.service == Service.RHINOPLASTY_ANALYSIS
        confirmed = all_views_confirmed(self.photos)
        tip = "" if confirmed or not photos else self.tr("ابتدا نمای همهٔ عکس‌ها را تأیید کنید.")
        self.buttons["complete"].setToolTip(tip)

    def show_error(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc))
        self.error.show()

    def show_notice(self, text: str) -> None:
        """A success line; it goes away once the order moves on (e.g. destroyed by the purge timer)."""
        self.notice.setText(text)
        self.notice.show()
        self._notice_status = self.order.status if self.order is not None else None

    def _run(self, name: str, request: Any, notice: str = "") -> bool:
        """One operation for an action button; a refusal is shown in place (a conflict also reloads the
        order: another desk changed it), then the detail reloads."""
        if self.order is None or self.importing:
            return False
        self.error.hide()
        try:
            self.ops.call(name, request)
        except Exception as exc:
            self._refused(exc)
            return False
        self._changed()
        if notice:
            self.show_notice(notice)
        return True

    def _refused(self, exc: BaseException) -> None:
        if is_conflict(exc) and self.order is not None:
            self._load(self.order.id)  # what the other desk did, now on screen
        self.show_error(exc)

    def _version(self) -> int:
        return self.order.version if self.order is not None else 0

    def _changed(self) -> None:
        if self.order is not None:
            order_id = self.order.id
            self._load(order_id)
            self.order_changed.emit(order_id)

    def _changed_elsewhere(self) -> None:
        if self.order is not None and not self.importing and not self.session.locked:
            self._load(self.order.id)

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a modal dialog (a seam for tests); True when it saved."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _dialog(self, cls: type[dialogs.CoreDialog], notice: str = "") -> bool:
        if self.order is None or self.importing:
            return False
        self.error.hide()
        try:
            dialog = cls(self.session, self.order, self)  # type: ignore[call-arg]
        except MayaError as exc:
            self.show_error(exc)
            return False
        saved = self.exec_dialog(dialog)
        dialog.deleteLater()
        conflict = getattr(dialog, "conflict", None)
        if conflict is not None:  # another desk changed the order meanwhile: reload and say so
            self._refused(conflict)
            return False
        if saved:
            self._changed()
            if notice:
                self.show_notice(notice)
        return saved

    # ---- action slots ----------------------------------------------------------------------------
    def confirm_views(self) -> None:
        if self.order is None:
            return
        views = self.photos_section.chosen_views()
        if any(v is None for v in views.values()):
            self.show_error(ValidationError("Choose a view for every photo.", "برای همهٔ عکس‌ها نما را انتخاب کنید."))
            return
        request = ConfirmViews(self.order.id, self._version(), tuple(PhotoView(p, v) for p, v in views.items()))
        self._run("orders.confirm_views", request, notice=self.tr("نماها تأیید شد."))

    def _order_step(self, name: str, notice: str) -> None:
        """An operation that takes only the order and the version the screen shows (core.operations.orders)."""
        if self.order is not None:
            self._run(name, OrderChange(self.order.id, self._version()), notice=notice)

    def complete_analysis(self) -> None:
        self._order_step("orders.complete_analysis", self.tr("تحلیل کامل شد؛ اکنون قیمت را اعلام کنید."))

    def remove_photo(self, photo_id: int) -> None:
        self.photos_section.forget_photo(photo_id)
        if self.order is not None:
            self._run("orders.remove_photo", RemovePhoto(self.order.id, self._version(), photo_id))

    def open_quote(self) -> None:
        self._dialog(dialogs.QuoteDialog, self.tr("قیمت اعلام شد."))

    def open_payment(self) -> None:
        self._dialog(dialogs.PaymentDialog, self.tr("پرداخت ثبت شد."))

    def open_consent(self) -> None:
        self._dialog(dialogs.ConsentDialog, self.tr("رضایت ثبت شد؛ سفارش برای پزشک فرستاده شد."))

    def revoke_consent(self) -> None:
        self._order_step("orders.revoke_consent", self.tr("رضایت لغو شد؛ پزشک دیگر دسترسی ندارد."))

    def open_cancel(self) -> None:
        if self._dialog(dialogs.CancelDialog, self.tr("سفارش لغو و فایل‌های آن نابود شد.")):
            self.clear_sensitive()

    def open_destroy(self) -> None:
        if self._dialog(dialogs.DestroyDialog, self.tr("فایل‌های سفارش نابود شد.")):
            self.clear_sensitive()

    def open_break_glass(self) -> None:
        self._dialog(dialogs.BreakGlassDialog)

    def end_break_glass(self) -> None:
        if self.break_glass_id is not None and self.order is not None:
            self._run("orders.break_glass_end", EndBreakGlass(self.order.id, self.break_glass_id))
            self.clear_sensitive()
            self.reload()

    def _check_break_glass(self) -> None:
        if self.break_glass_id is not None and not self.importing and not self.session.locked:
            self.reload()  # an expired window drops the pixels (basis is None again)

    # ---- import ----------------------------------------------------------------------------------
    def choose_files(self) -> None:
        if self.order is None:
            return
        if self.order.service == Service.CONFIDENTIAL_DOCUMENT:
            paths, _ = QFileDialog.getOpenFileNames(
                self, self.tr("انتخاب سند"), "", self.tr("سند (*.pdf *.docx *.txt)")
            )
            for path in paths:
                self.import_document_file(Path(path))
            return
        patterns = " ".join(f"*{suffix}" for suffix in sorted(IMAGE_SUFFIXES))
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("انتخاب عکس‌ها"), "", self.tr("عکس") + f" ({patterns})")
        if paths:
            self.import_paths(paths)

    def import_document_file(self, path: Path) -> None:
        if self.order is None:
            return
        try:
            data = path.read_bytes()
        except OSError:
            self.show_error(ValidationError("The file could not be read.", "فایل خوانده نشد."))
            return
        words = None
        if data.startswith(b"%PDF-"):
            words, ok = QInputDialog.getInt(self, self.tr("تعداد واژه"), self.tr("تعداد واژه‌های این PDF:"), 1, 1)
            if not ok:
                return
        request = ImportDocument(self.order.id, self._version(), data, words)
        self._run("orders.import_document", request, notice=self.tr("سند وارد شد."))

    def import_paths(self, paths: list[str] | list[Path], *, run_analysis: bool = True) -> bool:
        """Start importing these files/folders in the background. False when nothing was started."""
        order = self.order
        if order is None or self.importing or not can(self.session, order, Action.IMPORT_FILES):
            return False
        if order.service != Service.RHINOPLASTY_ANALYSIS:
            for path in paths:
                self.import_document_file(Path(path))
            return False
        sources = collect_image_files(paths)
        self.import_report.hide()
        self.notice.hide()
        if not sources:
            self.show_error(ValidationError("No photo files found.", "هیچ فایل عکسی (JPEG، PNG، HEIC، WebP) پیدا نشد."))
            return False
        worker = ImportWorker(self.ops.call, order.id, order.version, sources, run_analysis=run_analysis)
        worker.signals.progress.connect(self._import_progress)
        worker.signals.photo.connect(self._import_photo)
        worker.signals.finished.connect(self._import_finished)
        worker.signals.failed.connect(self._import_failed)
        self.worker = worker
        self.progress.setRange(0, len(sources))
        self.progress.setValue(0)
        self.progress_label.setText(self.tr("در حال وارد کردن و تحلیل {0} عکس…").format(digits(len(sources))))
        self.cancel_import_button.setEnabled(True)
        self.progress_row.show()
        self.update_actions()
        worker.start()
        return True

    def cancel_import(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_import_button.setEnabled(False)
            self.progress_label.setText(self.tr("در حال توقف پس از عکس جاری…"))

    def _import_progress(self, done: int, total: int, _label: str) -> None:
        self.progress.setValue(done)
        if self.worker is not None and not self.worker.cancel_flag.is_set():
            self.progress_label.setText(self.tr("{0} از {1} عکس").format(digits(done), digits(total)))
        self.import_progress.emit(done, total)

    def _import_photo(self, photo: Any) -> None:
        if not self.session.locked:
            self.thumbs[photo.photo_id] = photo.thumbnail_jpeg  # the importer may look at what it imported
            if self.order is not None:
                # Its card, one at a time (the cards already shown stay): building all of them at the end of the
                # import was one long stall of the GUI thread. The card is built ahead, hidden, from what the
                # import reported; the reload below (its answer comes about a photo later) places and shows it,
                # with the photo's row as the database holds it.
                order_id = self.order.id
                row = PhotoInfo(
                    id=photo.photo_id,
                    order_id=order_id,
                    width=photo.width,
                    height=photo.height,
                    suggested_view=photo.suggested_view,
                    view=photo.suggested_view,
                    view_confirmed=False,
                    has_analysis=False,
                    created_at="",
                )
                self.photos_section.prepare_card(row, photo.thumbnail_jpeg)
                self._load_in_background(order_id)

    def _import_finished(self, summary: ImportSummary) -> None:
        self._end_import(summary)

    def _import_failed(self, payload: tuple[BaseException, ImportSummary]) -> None:
        exc, summary = payload
        self._end_import(summary, exc)

    def _end_import(self, summary: ImportSummary, error: BaseException | None = None) -> None:
        """Reload the order without waiting, then report the import and say it ended (`import_finished`). A
        screen that waited for this load froze while the database thread read and audited the last photo's
        analysis (the audit anchor is written to disk: 60-210 ms on a busy disk, an import's longest stall).
        The import counts as running until then: the order's actions stay disabled until the screen shows the
        order as it is now."""
        order_id = self.order.id if self.order is not None else None

        def end() -> None:
            if self._ending is not end:
                return  # ended already (the vault locked meanwhile)
            self._ending = None
            self.worker = None
            self.progress_row.hide()
            self.update_actions()
            self._report(summary)
            if error is not None:
                self.show_error(error)
            if order_id is not None:
                self.order_changed.emit(order_id)
            self.import_finished.emit(summary)

        self._ending = end
        if order_id is None or self.session.locked:
            end()
            return
        self.error.hide()
        self._load_in_background(order_id, then=end)

    def _report(self, summary: ImportSummary) -> None:
        parts = [self.tr("{0} عکس وارد شد.").format(digits(len(summary.imported)))]
        if summary.cancelled:
            parts.append(self.tr("ورود عکس‌ها متوقف شد؛ عکس‌های واردشده کامل ذخیره شده‌اند و بقیه وارد نشد."))
        self.show_notice(" ".join(parts))
        if summary.errors:
            lines = [self.tr("این فایل‌ها وارد نشد:")]
            # a file name is left to right: isolated, so a Persian line around it keeps its order
            lines += [f"• \u2068{label}\u2069: {error_text(exc)}" for label, exc in summary.errors]
            self.import_report.setText("\n".join(lines))
            self.import_report.show()

    # ---- drag and drop ---------------------------------------------------------------------------
    def _drop_paths(self, event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._drop_paths(event) and not self.importing and can(self.session, self.order, Action.IMPORT_FILES):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._drop_paths(event)
        if paths and self.import_paths(paths):
            event.acceptProposedAction()
        else:
            event.ignore()

    # ---- lock ------------------------------------------------------------------------------------
    def clear_sensitive(self) -> None:
        """Drop every decrypted pixel, analysis summary and the client's name and notes this screen holds (app
        lock, order change): the order's snapshot keeps only what names no one (reloaded after unlock)."""
        self._rest_shown = None  # the next snapshot is shown in full
        self._drop_pixels()
        if self.order is not None:
            self.order = dataclasses.replace(self.order, notes=None)
            self.title.setText(self.tr("سفارش {0}").format(digits(self.order.id)))
            self.info_section.forget_client()
        if self.snapshot is not None:
            self.snapshot = dataclasses.replace(self.snapshot, order=self.order or self.snapshot.order, client_name="")

    def _drop_pixels(self) -> None:
        """Drop the decrypted thumbnails and analysis summaries when this person may no longer see the photos
        (a receptionist once the import phase is over, an expired break-glass): the client's name and the order
        stay on screen, since the person may still read them (quote, payment)."""
        self.photos_section.clear_pixels()
        if self.snapshot is not None:
            self.snapshot = dataclasses.replace(self.snapshot, thumbnails=(), analyses=())

    def on_locked(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
        if self._ending is not None:  # the import's last load will not be answered now (PageOps drops it)
            self._ending()
        self.clear_sensitive()
        self.update_actions()

    def on_unlocked(self) -> None:
        self.reload()
