"""The doctor's cases: only orders with live consent for this doctor (core filters in SQL).

Columns: order number, the client's name, service, state, the Jalali date the order was opened (mobile /
email only with the clinic setting `doctor_sees_contact`). Two cases of one client differ by number and
date; both come with the order the doctor may already read (the orders page shows them too). A manager
sees the same page as "emergency access": every live rhinoplasty case, opened only through the
break-glass dialog. The page forgets everything when the app locks (MainWindow.locked).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.errors import MayaError
from maya_desktop.core.operations.catalogue import NoRequest, OrderRef
from maya_desktop.core.orders.cases import CaseRow, OpenedCase
from maya_desktop.core.roles import Role
from maya_desktop.core.session import Session
from maya_desktop.core.validation import format_mobile_display
from maya_desktop.gui.dates import show_date
from maya_desktop.gui.doctor.numerals import digits
from maya_desktop.gui.doctor.preload import start_viewer_preload, wait_for_viewer_preload
from maya_desktop.gui.labels import number_text, service_label, status_label
from maya_desktop.gui.messages import show_error
from maya_desktop.gui.page_ops import NewestAnswer, NumberedReads, PageOps, follow_lock
from maya_desktop.gui.theme import current_lang


class CasesPage(QWidget, NumberedReads):
    """The list is read without waiting (numbered reads: an answer older than the list shown is dropped, the
    previous rows stay until the answer comes; `rows_shown` when shown, `loading` until every read answered).
    Opening a case waits for its answer: the viewer is built on it, and the doctor's tests expect the case open
    when `open_order` returns."""

    rows_shown = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ops = PageOps(self, session)
        self.reads = NewestAnswer()  # list reads
        self.manager_mode = session.role != Role.DOCTOR
        self.rows: list[CaseRow] = []
        self.contact = False
        self.viewer = None
        start_viewer_preload()  # the viewer's numpy imports happen while the list is read
        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.list_page = QWidget()
        layout = QVBoxLayout(self.list_page)
        title = QLabel(self.tr("دسترسی اضطراری به پرونده") if self.manager_mode else self.tr("پرونده‌های من"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        if self.manager_mode:
            note = QLabel(self.tr("پرونده‌ها فقط با ذکر دلیل و برای مدت محدود باز می‌شوند؛ همه چیز ثبت می‌شود."))
            note.setWordWrap(True)
            layout.addWidget(note)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("casesTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # number
        self.table.doubleClicked.connect(self.open_selected)
        layout.addWidget(self.table, 1)
        bar = QHBoxLayout()
        self.count = QLabel()
        bar.addWidget(self.count, 1)
        self.refresh_button = QPushButton(self.tr("تازه‌سازی"))
        self.refresh_button.clicked.connect(self.refresh)
        self.open_button = QPushButton(
            self.tr("باز کردن اضطراری…") if self.manager_mode else self.tr("باز کردن پرونده")
        )
        self.open_button.setObjectName("openCase")
        self.open_button.setProperty("role", "danger" if self.manager_mode else "primary")
        self.open_button.clicked.connect(self.open_selected)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.open_button)
        layout.addLayout(bar)
        self.stack.addWidget(self.list_page)
        follow_lock(parent, self.clear_sensitive, self.after_unlock)
        self.reopen_after_unlock: int | None = None  # the case open when the app locked
        app = QApplication.instance()
        if app is not None:  # quitting mid-load: cancel the background decoding, drop the pixels
            app.aboutToQuit.connect(self._drop_viewer)
        # a consent recorded at reception (on this PC, or pushed by the vault host from another) shows at once
        self.ops.refresh_on(("orders",), self.refresh_list)
        self.refresh()

    def _headers(self) -> list[str]:
        headers = [self.tr("شماره"), self.tr("مشتری"), self.tr("خدمت"), self.tr("وضعیت"), self.tr("تاریخ ثبت")]
        if self.contact:
            headers += [self.tr("شمارهٔ همراه"), self.tr("ایمیل")]
        return headers

    def after_unlock(self) -> None:
        """Back where the doctor was: the case open at the lock reopens (once the list is read, if it is still
        listed), with its draft restored."""
        order_id, self.reopen_after_unlock = self.reopen_after_unlock, None

        def reopen() -> None:
            if order_id is not None and self.viewer is None and any(r.order.id == order_id for r in self.rows):
                self.open_order(order_id)

        self._load(reopen)

    def refresh_list(self) -> None:
        if self.viewer is None:  # an open case stays as it is; the list is read again when it closes
            self.refresh()

    def refresh(self) -> None:
        self._load(None)

    def _load(self, then: Callable[[], None] | None) -> None:
        """Read the list without waiting; `then()` follows this read's answer (with the newest list shown)."""
        if self.session.locked:
            return

        def listed(rows: list[CaseRow]) -> None:
            self._show_rows(list(rows))
            self.rows_shown.emit()

        self.reads.read(self.ops, "cases.list", NoRequest(), listed, lambda exc: show_error(self, exc), then=then)

    def _show_rows(self, rows: list[CaseRow]) -> None:
        self.rows = rows
        self.contact = any(r.mobile for r in self.rows)
        headers = self._headers()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(self.rows))
        lang = "en" if current_lang() == "en" else "fa"
        for i, row in enumerate(self.rows):
            order = row.order
            values = [
                digits(order.id),
                row.client_name,
                service_label(order.service),  # the orders page's name for it
                status_label(order.status),
                show_date(order.created_at),
            ]
            if self.contact:
                values += [
                    format_mobile_display(row.mobile, lang, bidi_isolate=True) if row.mobile else "",
                    row.email or "",
                ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, order.id)
                if col in (0, 4):  # number and date, centred as on the orders page
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(i, col, item)
        self.count.setText(self.tr("{0} پرونده").format(number_text(len(self.rows))))  # «۲ پرونده» / "2 cases"

    def selected_order(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()].order.id if rows else None

    def open_selected(self) -> None:
        order_id = self.selected_order()
        if order_id is not None:
            self.open_order(order_id)

    def open_order(self, order_id: int) -> bool:
        """Open a case (doctor: consent; manager: break-glass dialog first). Returns True when shown."""
        wait_for_viewer_preload()
        from maya_desktop.gui.doctor.viewer import CaseViewer

        try:
            needs_reason = self.manager_mode and self.ops.call("cases.break_glass_active", OrderRef(order_id)) is None
        except MayaError as exc:
            show_error(self, exc)
            return False
        if needs_reason:
            from maya_desktop.gui.doctor.break_glass import BreakGlassDialog

            dialog = BreakGlassDialog(self.session, order_id, self)
            if dialog.exec() != BreakGlassDialog.DialogCode.Accepted:
                return False
        try:
            opened: OpenedCase = self.ops.call("cases.open", OrderRef(order_id))
            viewer = CaseViewer(self.session, opened, self)
        except MayaError as exc:
            show_error(self, exc)
            return False
        self.close_viewer()
        self.viewer = viewer
        viewer.closed.connect(self.close_viewer)
        self.stack.addWidget(viewer)
        self.stack.setCurrentWidget(viewer)
        return True

    def _drop_viewer(self) -> None:
        """Clear the open case's pixels and names, and go back to the list."""
        if self.viewer is not None:
            self.viewer.clear()
            self.stack.removeWidget(self.viewer)
            self.viewer.deleteLater()
            self.viewer = None
        self.stack.setCurrentWidget(self.list_page)

    def close_viewer(self) -> None:
        self._drop_viewer()
        self.refresh()

    def clear_sensitive(self) -> None:
        """The app locked: keep unsaved work as a draft (offered back after unlock), close the case and
        forget names and pixels."""
        if self.viewer is not None:
            self.reopen_after_unlock = self.viewer.order_id
            self.viewer.keep_draft()
        self._drop_viewer()
        self.rows = []
        self.table.setRowCount(0)
        self.count.clear()
        self.reads.forget()  # a list answer still on its way is never shown
