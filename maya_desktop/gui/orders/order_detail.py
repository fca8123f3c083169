"""One order: client, state, photos (thumbnails only where core allows), views, analysis summary,
quote, payments, consents, delivery; actions enabled by state and role; photo import (file dialog
or drag-and-drop) in a worker with progress and Cancel.

Pixels live only in memory (QPixmap.loadFromData); `clear_sensitive()` drops them (app lock, order
change, access lost). While an import runs, every order action is disabled and the GUI makes no core
call for this order; other GUI core calls run on the session's database thread (gui.operations.call_core).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.clients import get_client
from maya_desktop.core.errors import MayaError, PermissionDenied, ValidationError
from maya_desktop.core.legal.holds import is_order_held
from maya_desktop.core.orders.access import file_access_basis
from maya_desktop.core.orders.breakglass import active_break_glasses, end_break_glass
from maya_desktop.core.orders.consent import available_doctors, list_consents, revoke_consent
from maya_desktop.core.orders.documents import import_document, list_documents
from maya_desktop.core.orders.model import Order
from maya_desktop.core.orders.payments import list_payments
from maya_desktop.core.orders.quotes import stored_quote
from maya_desktop.core.orders.records import get_order
from maya_desktop.core.orders.states import (
    IMPORT_PHASE_STATES,
    LIVE_STATES,
    VIEWS,
    Action,
    Service,
    Status,
)
from maya_desktop.core.photos import (
    IMAGE_SUFFIXES,
    PhotoInfo,
    collect_image_files,
    complete_analysis,
    confirm_views,
    get_analysis,
    list_photos,
    open_thumbnail,
    remove_photo,
)
from maya_desktop.core.roles import Role, allowed
from maya_desktop.core.session import Session
from maya_desktop.gui.dates import show_date, show_datetime
from maya_desktop.gui.labels import consent_method_label, destroy_rule_label, service_label, status_label
from maya_desktop.gui.labels import view_label as _view_label
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.operations import call_core
from maya_desktop.gui.orders import dialogs
from maya_desktop.gui.orders.common import (
    can,
    digits,
    lang,
    make_label,
    repolish,
    toman,
)
from maya_desktop.gui.orders.import_worker import ImportSummary, ImportWorker
from maya_desktop.gui.orders.notices_box import OrderNoticesBox

log = logging.getLogger(__name__)

THUMB = 168


def elide(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def view_label(view: str | None) -> str:
    return _view_label(view)


class AnalysisSummary:
    """What the import screen shows of one photo's analysis (no measurements' values, no landmarks)."""

    def __init__(self, analysis: dict[str, Any] | None) -> None:
        analysis = analysis or {}
        self.available = bool(analysis)
        self.refused = bool(analysis.get("refused"))
        findings = [f for f in analysis.get("findings", []) if isinstance(f, dict)]
        self.reasons = [
            str(f.get("message_fa") or f.get("code") or "") for f in findings if f.get("severity") == "error"
        ]
        self.warnings = [
            str(f.get("message_fa") or f.get("code") or "") for f in findings if f.get("severity") == "warning"
        ]
        self.out_of_range = sum(
            1 for m in analysis.get("measurements", []) if isinstance(m, dict) and m.get("status") in ("below", "above")
        )


class PhotoCard(QFrame):
    """Thumbnail (or a 'no access' placeholder), the view to confirm, and the analysis verdict."""

    remove_requested = Signal(int)

    def __init__(self, photo: PhotoInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo = photo
        self.setProperty("role", "card")
        self.setObjectName(f"photoCard{photo.id}")
        self.setFixedWidth(THUMB + 28)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(6)
        self.thumb = QLabel()
        self.thumb.setObjectName("photoThumb")
        self.thumb.setFixedSize(THUMB, THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setWordWrap(True)
        self.thumb.setStyleSheet("background-color: #eef3f3; border-radius: 6px; color: #5b6b72;")
        layout.addWidget(self.thumb)
        self.view = QComboBox()
        self.view.setObjectName("photoView")
        for view in VIEWS:
            self.view.addItem(view_label(view), view)
        self.view.setPlaceholderText(self.tr("نما را انتخاب کنید"))
        self.view.setCurrentIndex(VIEWS.index(photo.view) if photo.view in VIEWS else -1)
        layout.addWidget(self.view)
        self.state = make_label("", "hint", wrap=True)
        layout.addWidget(self.state)
        self.verdict = make_label("", None, wrap=True)
        self.verdict.setObjectName("photoVerdict")
        self.verdict.hide()
        layout.addWidget(self.verdict)
        self.remove = QPushButton(self.tr("حذف عکس"))
        self.remove.setProperty("role", "flat")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self.photo.id))
        layout.addWidget(self.remove)
        self._update_state()
        self.show_placeholder(self.tr("بدون دسترسی به تصویر"))

    def _update_state(self) -> None:
        if self.photo.view_confirmed:
            text = self.tr("✓ نما تأیید شده")
        elif self.photo.suggested_view:
            text = self.tr("پیشنهاد تحلیل: {0}").format(view_label(self.photo.suggested_view))
        else:
            text = self.tr("نما را تعیین و تأیید کنید")
        self.state.setText(text)

    def show_pixmap(self, data: bytes) -> bool:
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):  # in memory only; nothing reaches the disk
            self.show_placeholder(self.tr("تصویر خوانده نشد"))
            return False
        self.thumb.setPixmap(
            pixmap.scaled(
                QSize(THUMB, THUMB), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        return True

    def show_placeholder(self, text: str) -> None:
        self.thumb.clear()
        self.thumb.setText(text)

    def has_image(self) -> bool:
        pixmap = self.thumb.pixmap()
        return pixmap is not None and not pixmap.isNull()

    def show_analysis(self, summary: AnalysisSummary | None) -> None:
        """One or two short lines on the card; the full Persian reasons are in the tooltip."""
        if summary is None or not summary.available:
            self.verdict.hide()
            self.verdict.setToolTip("")
            return
        if summary.refused:
            first = summary.reasons[0] if summary.reasons else self.tr("کیفیت عکس برای تحلیل کافی نیست")
            self.verdict.setText(self.tr("رد شد: {0}").format(elide(first, 70)))
            self.verdict.setToolTip("\n".join(summary.reasons))
            self.verdict.setProperty("role", "error")
        else:
            text = self.tr("تحلیل شد؛ {0} اندازهٔ خارج از محدوده").format(digits(summary.out_of_range))
            if summary.warnings:
                text += self.tr("؛ {0} هشدار").format(digits(len(summary.warnings)))
            self.verdict.setText(text)
            self.verdict.setToolTip("\n".join(summary.warnings))
            self.verdict.setProperty("role", "hint")
        repolish(self.verdict)
        self.verdict.show()

    def set_editable(self, editable: bool) -> None:
        self.view.setEnabled(editable)
        self.remove.setVisible(editable)


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(r, c, item)
    table.resizeRowsToContents()
    header = table.horizontalHeader().sizeHint().height()
    body = sum(table.rowHeight(i) for i in range(len(rows)))
    table.setFixedHeight(header + body + 2 * table.frameWidth() + 2)


class OrderDetail(QWidget):
    back_requested = Signal()
    order_changed = Signal(int)  # the order's state or data changed: the list refreshes
    import_finished = Signal(object)  # ImportSummary (tests and the list wait on it)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.order: Order | None = None
        self.photos: list[PhotoInfo] = []
        self.cards: dict[int, PhotoCard] = {}
        self.thumbs: dict[int, bytes] = {}  # decrypted thumbnails of the open order, memory only
        self.analyses: dict[int, AnalysisSummary] = {}
        self.worker: ImportWorker | None = None
        self.break_glass_id: int | None = None
        self._notice_status: Status | None = None  # the notice belongs to this state of the order
        self.setAcceptDrops(True)
        self._build()
        self.expiry = QTimer(self)  # break-glass ends by itself: re-check access twice a minute
        self.expiry.setInterval(30_000)
        self.expiry.timeout.connect(self._check_break_glass)

    # ---- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.back = QPushButton(self.tr("بازگشت به فهرست"))
        self.back.setObjectName("backToOrders")
        self.back.setProperty("role", "flat")
        self.back.clicked.connect(self.back_requested.emit)
        self.title = make_label("", "title")
        self.title.setObjectName("orderTitle")
        self.badge = make_label("", "badge")
        self.badge.setObjectName("orderState")
        head.addWidget(self.title)
        head.addWidget(self.badge)
        head.addStretch(1)
        head.addWidget(self.back)
        outer.addLayout(head)

        self.error = make_label("", "error", wrap=True)
        self.error.setObjectName("orderError")
        self.error.hide()
        outer.addWidget(self.error)
        self.notice = make_label("", "success", wrap=True)
        self.notice.setObjectName("orderNotice")
        self.notice.hide()
        outer.addWidget(self.notice)

        self.banner = QFrame()
        self.banner.setProperty("role", "banner")
        banner_row = QHBoxLayout(self.banner)
        self.banner_text = make_label("", None, wrap=True)
        self.end_glass = QPushButton(self.tr("پایان دسترسی اضطراری"))
        self.end_glass.setObjectName("endBreakGlass")
        self.end_glass.clicked.connect(self.end_break_glass)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.end_glass)
        self.banner.hide()
        outer.addWidget(self.banner)

        self.progress_row = QFrame()
        self.progress_row.setProperty("role", "card")
        row = QHBoxLayout(self.progress_row)
        self.progress_label = make_label("")
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.cancel_import_button = QPushButton(self.tr("توقف"))
        self.cancel_import_button.setObjectName("cancelImport")
        self.cancel_import_button.clicked.connect(self.cancel_import)
        row.addWidget(self.progress_label)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_import_button)
        self.progress_row.hide()
        outer.addWidget(self.progress_row)

        body = QHBoxLayout()
        outer.addLayout(body, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        self.content = content
        self.sections = QVBoxLayout(content)
        self.sections.setContentsMargins(0, 0, 6, 0)
        scroll.setWidget(content)
        body.addWidget(scroll, 1)

        self.info = QGroupBox(self.tr("مشخصات"))
        self.info_grid = QGridLayout(self.info)
        self.info_grid.setColumnStretch(1, 1)
        self.info_grid.setColumnStretch(3, 1)
        self.info_values: dict[str, QLabel] = {}
        fields = [
            ("client", self.tr("مشتری")),
            ("service", self.tr("خدمت")),
            ("created", self.tr("تاریخ ثبت")),
            ("price", self.tr("مبلغ")),
            ("turnaround", self.tr("زمان تحویل")),
            ("delivery", self.tr("تحویل و نابودی")),
        ]
        for n, (key, label) in enumerate(fields):
            value = make_label("", None, wrap=True)
            value.setObjectName(f"info_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.info_values[key] = value
            name = make_label(label, "hint")
            self.info_grid.addWidget(name, n // 2, (n % 2) * 2)
            self.info_grid.addWidget(value, n // 2, (n % 2) * 2 + 1)
        self.sections.addWidget(self.info)

        self.photos_box = QGroupBox(self.tr("عکس‌ها"))
        photos_layout = QVBoxLayout(self.photos_box)
        self.photos_hint = make_label("", "hint", wrap=True)
        photos_layout.addWidget(self.photos_hint)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        photos_layout.addWidget(self.grid_host)
        self.analysis_label = make_label("", None, wrap=True)
        self.analysis_label.setObjectName("analysisSummary")
        photos_layout.addWidget(self.analysis_label)
        self.import_report = make_label("", "error", wrap=True)
        self.import_report.setObjectName("importReport")
        self.import_report.hide()
        photos_layout.addWidget(self.import_report)
        self.sections.addWidget(self.photos_box)

        self.quote_box = QGroupBox(self.tr("قیمت"))
        quote_layout = QVBoxLayout(self.quote_box)
        self.quote_table = _table([self.tr("شرح"), self.tr("تعداد"), self.tr("مبلغ")], "quoteTable")
        self.quote_total = make_label("", "subtitle", wrap=True)
        self.quote_total.setObjectName("quoteSummary")
        quote_layout.addWidget(self.quote_table)
        quote_layout.addWidget(self.quote_total)
        self.sections.addWidget(self.quote_box)

        self.payments_box = QGroupBox(self.tr("پرداخت‌ها"))
        pay_layout = QVBoxLayout(self.payments_box)
        self.payments_table = _table(
            [self.tr("درگاه یا پایانه"), self.tr("شمارهٔ پیگیری"), self.tr("مبلغ"), self.tr("تاریخ")], "paymentsTable"
        )
        pay_layout.addWidget(self.payments_table)
        self.sections.addWidget(self.payments_box)

        self.consents_box = QGroupBox(self.tr("رضایت مشتری"))
        consent_layout = QVBoxLayout(self.consents_box)
        self.consents_table = _table(
            [self.tr("پزشک"), self.tr("روش"), self.tr("فرم"), self.tr("ثبت"), self.tr("وضعیت")], "consentsTable"
        )
        consent_layout.addWidget(self.consents_table)
        self.sections.addWidget(self.consents_box)
        self.notices_box = OrderNoticesBox(self.session)  # what the client was told (core/notices)
        self.sections.addWidget(self.notices_box)
        for box in (self.info, self.photos_box, self.quote_box, self.payments_box, self.consents_box, self.notices_box):
            # Fixed: the scroll area must scroll, never squeeze a section below its size hint
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.sections.addStretch(1)

        side = QVBoxLayout()
        side.setSpacing(8)
        self.buttons: dict[str, QPushButton] = {}
        actions = [
            ("import", self.tr("وارد کردن عکس…"), "primary", self.choose_files),
            ("confirm", self.tr("تأیید نماها"), None, self.confirm_views),
            ("complete", self.tr("پایان تحلیل"), None, self.complete_analysis),
            ("quote", self.tr("اعلام قیمت…"), "primary", self.open_quote),
            ("pay", self.tr("ثبت پرداخت…"), "primary", self.open_payment),
            ("consent", self.tr("ثبت رضایت…"), "primary", self.open_consent),
            ("revoke", self.tr("لغو رضایت"), None, self.revoke_consent),
            ("breakglass", self.tr("دسترسی اضطراری…"), None, self.open_break_glass),
            ("cancel", self.tr("لغو سفارش…"), "danger", self.open_cancel),
            ("destroy", self.tr("نابودی فایل‌ها…"), "danger", self.open_destroy),
        ]
        for key, text, role, slot in actions:
            button = QPushButton(text)
            button.setObjectName(f"action_{key}")
            if role:
                button.setProperty("role", role)
            button.clicked.connect(slot)
            side.addWidget(button)
            self.buttons[key] = button
            if key == "breakglass":
                side.addStretch(1)
        side_host = QWidget()
        side_host.setLayout(side)
        side_host.setFixedWidth(190)
        body.addWidget(side_host)

    # ---- loading ---------------------------------------------------------------------------------
    @property
    def importing(self) -> bool:
        return self.worker is not None

    def open_order(self, order_id: int) -> None:
        if self.order is None or self.order.id != order_id:
            self._drop_cards()  # photo ids are unique, but another order's cards must never be reused
            self.clear_sensitive()
            self.import_report.hide()
            self.notice.hide()
        self.order = None
        self._load(order_id)

    def reload(self) -> None:
        if self.order is not None and not self.importing:
            self._load(self.order.id)

    def _load(self, order_id: int) -> None:
        self.error.hide()
        try:
            self._load_locked(order_id)  # builds widgets: GUI thread (its core reads use the window's connection)
        except MayaError as exc:
            self.show_error(exc)
        self.update_actions()
        # The scroll area would squeeze the sections to their (height-for-width) minimum; ask for
        # the full height so it scrolls instead of overlapping tables and labels.
        self.sections.invalidate()
        self.content.setMinimumHeight(self.sections.totalSizeHint().height())

    def _load_locked(self, order_id: int) -> None:
        s = self.session
        order = get_order(s, order_id)
        self.order = order
        if order.status != self._notice_status:
            self.notice.hide()
        client_name = ""
        if order.client_id is not None and allowed(s.role, "clients.read"):
            client_name = get_client(s, order.client_id).full_name
        self.title.setText(self.tr("سفارش {0}").format(digits(order.id)) + (f" — {client_name}" if client_name else ""))
        self.badge.setText(status_label(order.status))
        self._fill_info(order, client_name)
        self._load_files(order)
        self._load_money(order)
        self._load_break_glass(order)
        self.notices_box.load(order)

    def _fill_info(self, order: Order, client_name: str) -> None:
        v = self.info_values
        v["client"].setText(client_name or "—")
        v["service"].setText(service_label(order.service))
        v["created"].setText(show_date(order.created_at))
        price = toman(order.price_rial) if order.price_rial is not None else self.tr("هنوز اعلام نشده")
        if order.quote_override:
            price += " " + self.tr("(تغییر دستی)")
        v["price"].setText(price)
        days = order.turnaround_days
        urgent = self.tr(" — فوری") if order.urgent else ""
        v["turnaround"].setText(self.tr("{0} روز").format(digits(days)) + urgent if days else "—")
        held = order.status != Status.DESTROYED and is_order_held(self.session, order.id)
        if order.status == Status.DESTROYED:
            rule = destroy_rule_label(order.destroyed_rule)
            text = self.tr("فایل‌ها نابود شد: {0} ({1})").format(show_datetime(order.destroyed_at), rule)
        elif held:  # no destruction date: a legal request holds the files until it is closed
            text = self.tr("نگه‌داشته به دستور یک درخواست قانونی: فایل‌ها تا بسته شدن درخواست نابود نمی‌شود")
            if order.delivered_at:
                text = self.tr("تحویل: {0}").format(show_datetime(order.delivered_at)) + " — " + text
        elif order.delivered_at:
            text = self.tr("تحویل: {0} — نابودی خودکار فایل‌ها: {1}").format(
                show_datetime(order.delivered_at), show_datetime(order.destroy_after)
            )
        elif order.review_started_at:
            text = self.tr("در بررسی پزشک از {0}").format(show_datetime(order.review_started_at))
        else:
            text = self.tr("هنوز تحویل نشده")
        v["delivery"].setText(text)

    def _drop_cards(self, keep: frozenset[int] | set[int] = frozenset()) -> None:
        """Take every card out of the grid; delete those whose photo is not in `keep`."""
        for photo_id, card in list(self.cards.items()):
            self.grid.removeWidget(card)  # now, not at deleteLater: new cards take the same cells
            if photo_id not in keep:
                card.hide()
                card.deleteLater()
                del self.cards[photo_id]

    def _load_files(self, order: Order) -> None:
        s = self.session
        self.photos = []
        if order.service != Service.RHINOPLASTY_ANALYSIS:
            self._drop_cards()
            self.photos_box.setTitle(self.tr("اسناد"))
            docs = list_documents(s, order.id) if order.status != Status.DESTROYED else []
            self.buttons["import"].setText(self.tr("وارد کردن سند…"))
            words = sum(d.word_count for d in docs)
            self.photos_hint.setText(
                self.tr("{0} سند، {1} واژه").format(digits(len(docs)), digits(words))
                if docs
                else self.tr("سندی وارد نشده است.")
            )
            self.analysis_label.hide()
            return
        self.photos_box.setTitle(self.tr("عکس‌ها"))
        self.buttons["import"].setText(self.tr("وارد کردن عکس…"))
        self.analysis_label.show()
        if order.status == Status.DESTROYED:
            self._drop_cards()
            self.photos_hint.setText(self.tr("عکس‌های این سفارش نابود شده‌اند."))
            self.analysis_label.setText("")
            self.clear_sensitive()
            return
        self.photos = list_photos(s, order.id)
        basis = None if s.locked else file_access_basis(s, order)
        if basis is None:
            self.clear_sensitive()  # access ended (state moved on, break-glass expired): drop the pixels
        editable = order.status in IMPORT_PHASE_STATES and allowed(s.role, "photos.import")
        # Refresh only what changed: a card whose photo row is the same and that already shows its
        # thumbnail stays (rebuilding six cards and rescaling their thumbnails stalled the GUI 34-43 ms).
        unchanged = {
            p.id
            for p in self.photos
            if p.id in self.cards and self.cards[p.id].photo == p and (basis is None or self.cards[p.id].has_image())
        }
        self._drop_cards(keep=unchanged)
        for n, photo in enumerate(self.photos):
            if photo.id in unchanged:
                card = self.cards[photo.id]
                card.set_editable(editable)
                self.grid.addWidget(card, n // 4, n % 4)
                continue
            card = PhotoCard(photo, self.grid_host)
            card.remove_requested.connect(self.remove_photo)
            card.set_editable(editable)
            self.grid.addWidget(card, n // 4, n % 4)
            card.show()  # a child added to a visible parent stays hidden unless shown
            self.cards[photo.id] = card
            if basis is not None:
                self._show_thumbnail(card, photo)
                self._analysis_of(card, photo)
            else:
                card.show_placeholder(self.tr("بدون دسترسی به تصویر"))
        if not self.photos:
            hint = self.tr("هنوز عکسی وارد نشده است.")
            if can(s, order, Action.IMPORT_FILES):
                hint += " " + self.tr("عکس‌ها یا پوشهٔ آن‌ها را اینجا رها کنید یا «وارد کردن عکس» را بزنید.")
        elif basis is None:
            hint = self.tr("تصاویر این سفارش در این مرحله برای نقش شما نمایش داده نمی‌شود.")
        elif editable:
            hint = self.tr("نمای هر عکس را بررسی و «تأیید نماها» را بزنید. برای افزودن عکس، فایل‌ها را اینجا رها کنید.")
        else:
            hint = ""
        self.photos_hint.setText(hint)
        self.photos_hint.setVisible(bool(hint))
        self._summarise_analysis(basis is not None)

    def _show_thumbnail(self, card: PhotoCard, photo: PhotoInfo) -> None:
        data = self.thumbs.get(photo.id)
        if data is None:
            try:
                data = open_thumbnail(self.session, photo.id)  # checked and audited by core
            except PermissionDenied:
                card.show_placeholder(self.tr("بدون دسترسی به تصویر"))
                return
            except MayaError:  # the file was altered or is damaged: say so instead of an empty card
                card.show_placeholder(self.tr("فایل این تصویر آسیب دیده یا دستکاری شده است"))
                return
            self.thumbs[photo.id] = data
        card.show_pixmap(data)

    def _analysis_of(self, card: PhotoCard, photo: PhotoInfo) -> None:
        if not photo.has_analysis:
            return
        summary = self.analyses.get(photo.id)
        if summary is None:
            try:
                summary = AnalysisSummary(get_analysis(self.session, photo.id))
            except PermissionDenied:
                return
            self.analyses[photo.id] = summary
        card.show_analysis(summary)

    def _summarise_analysis(self, with_details: bool) -> None:
        analysed = sum(1 for p in self.photos if p.has_analysis)
        if not self.photos:
            self.analysis_label.setText("")
            return
        text = self.tr("تحلیل خودکار: {0} از {1} عکس").format(digits(analysed), digits(len(self.photos)))
        if with_details and self.analyses:
            refused = [s for s in self.analyses.values() if s.refused]
            findings = sum(s.out_of_range for s in self.analyses.values())
            text += self.tr("؛ {0} اندازهٔ خارج از محدودهٔ طبیعی؛ {1} عکس رد شد").format(
                digits(findings), digits(len(refused))
            )
        self.analysis_label.setText(text)

    def _load_money(self, order: Order) -> None:
        s = self.session
        can_write = allowed(s.role, "orders.write")
        quote = stored_quote(s, order.id) if can_write and order.status != Status.DESTROYED else None
        self.quote_box.setVisible(can_write)
        if quote is None:
            _fill(self.quote_table, [])
            self.quote_table.hide()
            total = self.tr("جمع: {0}").format(toman(order.price_rial)) if order.price_rial is not None else ""
            self.quote_total.setText(total or self.tr("هنوز قیمتی اعلام نشده است."))
        else:
            self.quote_table.show()
            _fill(
                self.quote_table,
                [
                    (line.label_fa if lang() == "fa" else line.label_en, digits(line.quantity), toman(line.amount_rial))
                    for line in quote.lines
                ],
            )
            text = self.tr("جمع: {0} — زمان تحویل: {1} روز").format(
                toman(quote.total_rial), digits(quote.turnaround_days)
            )
            if quote.urgent:
                text += self.tr(" — فوری")
            if quote.overridden:
                text += self.tr(" — قیمت به‌صورت دستی تغییر کرد")
            self.quote_total.setText(text)
        payments = list_payments(s, order.id) if can_write else []
        self.payments_box.setVisible(can_write and bool(payments))
        _fill(
            self.payments_table,
            [(p.gateway, p.reference or "—", toman(p.amount_rial), show_date(p.paid_on)) for p in payments],
        )
        can_consent = allowed(s.role, "consent.record")
        consents = list_consents(s, order.id) if can_consent else []
        self.consents_box.setVisible(can_consent and bool(consents))
        names = {d.id: d.display_name for d in available_doctors(s)} if consents else {}
        rows = []
        for c in consents:
            if not c.live:
                state = self.tr("لغو شد {0}").format(show_date(c.revoked_at))
            elif order.status not in LIVE_STATES:
                state = self.tr("پایان‌یافته")  # the order's files are gone; nothing left to share
            else:
                state = self.tr("فعال")
            rows.append(
                (
                    names.get(c.doctor_id, self.tr("پزشک #{0}").format(digits(c.doctor_id))),
                    consent_method_label(c.method),
                    self.tr("دارد") if c.has_form else self.tr("ندارد"),
                    show_date(c.recorded_at),
                    state,
                )
            )
        _fill(self.consents_table, rows)

    def _load_break_glass(self, order: Order) -> None:
        self.break_glass_id = None
        if self.session.role == Role.MANAGER and order.status in LIVE_STATES:
            for bg in active_break_glasses(self.session):
                if bg.order_id == order.id:
                    self.break_glass_id = bg.id
                    self.banner_text.setText(
                        self.tr("دسترسی اضطراری فعال است تا {0}. همهٔ دسترسی‌ها ثبت می‌شود.").format(
                            show_datetime(bg.expires_at)
                        )
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
        photos = order is not None and order.service == Service.RHINOPLASTY_ANALYSIS
        import_phase = order is not None and order.status in IMPORT_PHASE_STATES
        all_confirmed = bool(self.photos) and all(p.view_confirmed for p in self.photos)
        enabled = {
            "import": can(s, order, Action.IMPORT_FILES),
            "confirm": photos and import_phase and bool(self.photos) and allowed(s.role, "photos.import"),
            "complete": can(s, order, Action.COMPLETE_ANALYSIS) and (all_confirmed or not photos),
            "quote": can(s, order, Action.QUOTE),
            "pay": can(s, order, Action.PAY),
            "consent": can(s, order, Action.CONSENT),
            "revoke": can(s, order, Action.REVOKE_CONSENT),
            "breakglass": order is not None
            and allowed(s.role, "breakglass")
            and order.status in LIVE_STATES - IMPORT_PHASE_STATES
            and self.break_glass_id is None,
            "cancel": can(s, order, Action.CANCEL),
            "destroy": can(s, order, Action.DESTROY),
        }
        for key, button in self.buttons.items():
            button.setEnabled(bool(enabled[key]) and not busy and not s.locked)
            button.setVisible(key != "breakglass" or allowed(s.role, "breakglass"))
        self.back.setEnabled(not busy)
        tip = "" if all_confirmed or not photos else self.tr("ابتدا نمای همهٔ عکس‌ها را تأیید کنید.")
        self.buttons["complete"].setToolTip(tip)

    def show_error(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc))
        self.error.show()

    def show_notice(self, text: str) -> None:
        """A success line; it goes away once the order moves on (e.g. destroyed by the purge timer)."""
        self.notice.setText(text)
        self.notice.show()
        self._notice_status = self.order.status if self.order is not None else None

    def _run(self, fn: Any, *args: Any, notice: str = "") -> bool:
        """One core call for an action button; refusal shown in place, then the detail reloads."""
        if self.order is None or self.importing:
            return False
        self.error.hide()
        try:
            call_core(self.session, fn, self.session, *args)
        except MayaError as exc:
            self.show_error(exc)
            return False
        except Exception as exc:
            self.show_error(exc)
            return False
        self._changed()
        if notice:
            self.show_notice(notice)
        return True

    def _changed(self) -> None:
        if self.order is not None:
            order_id = self.order.id
            self._load(order_id)
            self.order_changed.emit(order_id)

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
        if saved:
            self._changed()
            if notice:
                self.show_notice(notice)
        return saved

    # ---- action slots ----------------------------------------------------------------------------
    def confirm_views(self) -> None:
        if self.order is None:
            return
        views = {pid: card.view.currentData() for pid, card in self.cards.items()}
        if any(v is None for v in views.values()):
            self.show_error(ValidationError("Choose a view for every photo.", "برای همهٔ عکس‌ها نما را انتخاب کنید."))
            return
        self._run(confirm_views, self.order.id, views, notice=self.tr("نماها تأیید شد."))

    def complete_analysis(self) -> None:
        if self.order is not None:
            self._run(complete_analysis, self.order.id, notice=self.tr("تحلیل کامل شد؛ اکنون قیمت را اعلام کنید."))

    def remove_photo(self, photo_id: int) -> None:
        self.thumbs.pop(photo_id, None)
        self.analyses.pop(photo_id, None)
        self._run(remove_photo, photo_id)

    def open_quote(self) -> None:
        self._dialog(dialogs.QuoteDialog, self.tr("قیمت اعلام شد."))

    def open_payment(self) -> None:
        self._dialog(dialogs.PaymentDialog, self.tr("پرداخت ثبت شد."))

    def open_consent(self) -> None:
        self._dialog(dialogs.ConsentDialog, self.tr("رضایت ثبت شد؛ سفارش برای پزشک فرستاده شد."))

    def revoke_consent(self) -> None:
        if self.order is not None:
            self._run(revoke_consent, self.order.id, notice=self.tr("رضایت لغو شد؛ پزشک دیگر دسترسی ندارد."))

    def open_cancel(self) -> None:
        if self._dialog(dialogs.CancelDialog, self.tr("سفارش لغو و فایل‌های آن نابود شد.")):
            self.clear_sensitive()

    def open_destroy(self) -> None:
        if self._dialog(dialogs.DestroyDialog, self.tr("فایل‌های سفارش نابود شد.")):
            self.clear_sensitive()

    def open_break_glass(self) -> None:
        self._dialog(dialogs.BreakGlassDialog)

    def end_break_glass(self) -> None:
        if self.break_glass_id is not None:
            self._run(end_break_glass, self.break_glass_id)
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
        self._run(import_document, self.order.id, data, words, notice=self.tr("سند وارد شد."))

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
        worker = ImportWorker(self.session, order.id, sources, run_analysis=run_analysis)
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

    def _import_photo(self, photo: Any) -> None:
        if not self.session.locked:
            self.thumbs[photo.photo_id] = photo.thumbnail_jpeg  # the importer may look at what it imported
            if self.order is not None:
                # Its card now, one at a time (the cards already shown stay): building all of them at the
                # end of the import was one long stall of the GUI thread.
                self._load(self.order.id)

    def _import_finished(self, summary: ImportSummary) -> None:
        self._end_import()
        self._report(summary)
        self.import_finished.emit(summary)

    def _import_failed(self, payload: tuple[BaseException, ImportSummary]) -> None:
        exc, summary = payload
        self._end_import()
        self._report(summary)
        self.show_error(exc)
        self.import_finished.emit(summary)

    def _end_import(self) -> None:
        self.worker = None
        self.progress_row.hide()
        if self.order is not None:
            self._changed()

    def _report(self, summary: ImportSummary) -> None:
        parts = [self.tr("{0} عکس وارد شد.").format(digits(len(summary.imported)))]
        if summary.cancelled:
            parts.append(self.tr("ورود عکس‌ها متوقف شد؛ عکس‌های واردشده کامل ذخیره شده‌اند و بقیه وارد نشد."))
        self.show_notice(" ".join(parts))
        if summary.errors:
            lines = [self.tr("این فایل‌ها وارد نشد:")]
            lines += [f"• {label}: {error_text(exc)}" for label, exc in summary.errors]
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
        """Drop every decrypted pixel and analysis summary of this screen (app lock, order change)."""
        self.thumbs.clear()
        self.analyses.clear()
        for card in self.cards.values():
            card.show_placeholder(self.tr("بدون دسترسی به تصویر"))
            card.show_analysis(None)

    def on_locked(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
        self.clear_sensitive()
        self.update_actions()

    def on_unlocked(self) -> None:
        self.reload()
