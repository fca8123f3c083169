"""Legal requests (P12, manager only; core/legal enforces it): record a court's request, approve it (a
second manager when there is one), refuse it, export exactly the approved scope, close it. A legal hold
(placed when recording, or later with "hold data") keeps the request's data from destruction until the
request is closed or refused; the table shows which requests hold data.

Thin: every button is one named operation (core.operations.legal) run off the GUI thread through
`PageOps`; the list refreshes when an operation changed "legal". Refusals and errors are shown in place,
in the interface language; nothing is stored half-way. The export (decrypting photos into a folder) shows a
busy bar while the page stays usable. An answer that arrives after the screen locked is not shown.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.legal.requests import LegalRequest, ScopeOrder
from maya_desktop.core.legal.schema import SCOPE_KINDS, Scope
from maya_desktop.core.operations.catalogue import ClientRef, NoRequest
from maya_desktop.core.operations.legal import (
    ExportLegalRequest,
    LegalExported,
    LegalList,
    LegalRef,
    RecordLegalRequest,
    RefuseLegalRequest,
)
from maya_desktop.core.persian import format_jalali_date
from maya_desktop.core.session import Session
from maya_desktop.gui.client_picker import ClientPicker
from maya_desktop.gui.dates import show_date, show_datetime
from maya_desktop.gui.jalali_date import JalaliDateEdit
from maya_desktop.gui.labels import legal_scope_label, legal_state_label, service_label, status_label
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.orders.common import digits, lang, make_label, repolish
from maya_desktop.gui.orders.dialogs import CoreDialog, parse_jalali
from maya_desktop.gui.page_ops import NewestAnswer, PageOps, follow_lock
from maya_desktop.gui.theme import icon
from maya_desktop.gui.widgets import line_edit, role_button


def _scope_text(scope: Scope) -> str:
    return ("، " if lang() == "fa" else ", ").join(legal_scope_label(k) for k in scope.kinds)


class LegalRequestDialog(CoreDialog):
    """Record what the court asked for: court, case/letter number, letter date, client, scope, notes."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("ثبت درخواست مرجع قضایی"), parent)
        self.ops = PageOps(self, session)
        self.setMinimumWidth(1040)
        self.save_button.setText(self.tr("ثبت درخواست"))
        self.recorded: LegalRequest | None = None
        self.court = line_edit("legalCourt")
        self.court.setMinimumWidth(260)
        self.court.setPlaceholderText(self.tr("مثلاً شعبهٔ ۱۰۲ دادگاه کیفری دو تهران"))
        self.case_number = line_edit("legalCaseNumber", self.tr("همان‌طور که در نامهٔ دادگاه آمده است"))
        self.letter_date = JalaliDateEdit(dt.date.today())  # issue 15: Jalali calendar popup
        self.letter_date.setObjectName("legalLetterDate")
        self.letter_date.setPlaceholderText(self.tr("۱۴۰۵/۰۹/۰۴"))
        self.picker = ClientPicker(session)
        self.picker.search.setObjectName("legalClientSearch")
        self.picker.results.setObjectName("legalClientResults")
        self.picker.results.setMinimumHeight(150)
        self.picker.results.setMaximumHeight(220)
        self.picker.failed.connect(self.show_error)
        self.picker.chosen_changed.connect(self.load_orders)

        self.scope_box = QGroupBox(self.tr("دامنهٔ اطلاعات خواسته‌شده"))
        grid = QGridLayout(self.scope_box)
        self.kind_checks: dict[str, QCheckBox] = {}
        for index, kind in enumerate(SCOPE_KINDS):
            check = QCheckBox(legal_scope_label(kind))
            check.setObjectName(f"scope_{kind}")
            self.kind_checks[kind] = check
            grid.addWidget(check, index // 2, index % 2)

        self.orders_box = QGroupBox(self.tr("سفارش‌ها"))
        orders_layout = QVBoxLayout(self.orders_box)
        self.all_orders = QRadioButton(self.tr("همهٔ سفارش‌های مشتری (نابودشده‌ها فقط با رسید نابودی)"))
        self.all_orders.setObjectName("legalAllOrders")
        self.some_orders = QRadioButton(self.tr("فقط سفارش‌های علامت‌خورده"))
        self.some_orders.setObjectName("legalSomeOrders")
        group = QButtonGroup(self)
        group.addButton(self.all_orders)
        group.addButton(self.some_orders)
        self.all_orders.setChecked(True)
        self.order_list = QListWidget()
        self.order_list.setObjectName("legalOrderList")
        self.order_list.setMinimumHeight(104)
        self.order_list.setMaximumHeight(130)
        self.order_list.setEnabled(False)
        self.some_orders.toggled.connect(self.order_list.setEnabled)
        for widget in (self.all_orders, self.some_orders, self.order_list):
            orders_layout.addWidget(widget)

        self.notes = QPlainTextEdit()
        self.notes.setObjectName("legalNotes")
        self.notes.setPlaceholderText(self.tr("اختیاری: خلاصهٔ دستور، شمارهٔ ثبت نامه در کلینیک… (شمارهٔ کارت ننویسید)"))
        self.notes.setMaximumHeight(90)  # the style sheet sets the minimum; it takes the spare height
        self.hold = QCheckBox(self.tr("نگهداری قانونی: تا بسته شدن درخواست، اطلاعات مشمول آن نابود نشود"))
        self.hold.setObjectName("legalHoldOnRecord")
        self.hold.setToolTip(
            self.tr("نابودی خودکار، درخواست نابودی و حذف مشتری تا پایان درخواست انجام نمی‌شود و دلیلش ثبت می‌شود.")
        )

        # Two columns (the first on the right in Persian): the letter and the client | what is asked for.
        # One column would be taller than a laptop screen.
        self.form.addRow(self.tr("مرجع قضایی"), self.court)
        self.form.addRow(self.tr("شمارهٔ پرونده یا نامه"), self.case_number)
        self.form.addRow(self.tr("تاریخ نامه"), self.letter_date)
        self.form.addRow(self.tr("مشتری"), self.picker)
        self.outer.removeItem(self.form)
        self.form.setParent(None)  # type: ignore[call-overload]
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.scope_box)
        right.addWidget(self.orders_box)
        notes_label = make_label(self.tr("دلیل و توضیحات"), None)
        notes_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        right.addWidget(notes_label)
        right.addWidget(self.notes, 1)
        right.addWidget(self.hold)
        right.addStretch(0)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.outer.insertLayout(0, columns)
        hint = make_label(
            self.tr(
                "فقط همین دامنه پس از تأیید مدیر دیگری قابل خروجی است. همهٔ مراحل در گزارش رویدادها"
                " و گزارش دسترسی مشتری ثبت می‌شود."
            ),
            "hint",
            wrap=True,
        )
        self.outer.addWidget(hint)
        self.fields = {
            "court": self.court,
            "case_number": self.case_number,
            "letter_date": self.letter_date,
            "client": self.picker.search,
            "notes": self.notes,
        }
        self.finish_layout()
        self.resize(self.sizeHint().expandedTo(self.minimumSize()))  # not squeezed to the minimum height
        self.picker.start()

    def load_orders(self, client: object) -> None:
        """The chosen client's orders (read off the GUI thread); an answer for an earlier choice is dropped."""
        self.order_list.clear()
        if client is None:
            return
        client_id = int(client.id)  # type: ignore[attr-defined]
        self.ops.run(
            "legal.client_orders",
            ClientRef(client_id),
            lambda orders: self._show_orders(client_id, orders),
            self.show_error,
        )

    def _show_orders(self, client_id: int, orders: tuple[ScopeOrder, ...]) -> None:
        chosen = self.picker.client
        if chosen is None or chosen.id != client_id:
            return
        self.order_list.clear()
        for order in orders:
            text = self.tr("سفارش {0} — {1} — {2} — {3}").format(
                digits(order.id), service_label(order.service), status_label(order.status), show_date(order.created_at)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, order.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.order_list.addItem(item)

    def scope(self) -> Scope:
        kinds = tuple(k for k, check in self.kind_checks.items() if check.isChecked())
        if self.all_orders.isChecked():
            return Scope(kinds, None)
        chosen = tuple(
            int(self.order_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.order_list.count())
            if self.order_list.item(row).checkState() == Qt.CheckState.Checked
        )
        return Scope(kinds, chosen)

    def apply(self) -> LegalRequest:
        """One core call; its refusals come in the order of the form (court, number, date, client, scope…)."""
        client = self.picker.client
        try:
            letter: dt.date | None = parse_jalali(self.letter_date.text(), "letter_date", "Letter date", "تاریخ نامه")
            bad_date = None
        except ValidationError as exc:
            letter, bad_date = None, exc
        scope = self.scope()
        request = RecordLegalRequest(
            client.id if client is not None else 0,  # no client: core says "choose the client"
            self.court.text(),
            self.case_number.text(),
            letter,
            scope.kinds,
            scope.order_ids,
            self.notes.toPlainText(),
            self.hold.isChecked(),
        )
        try:  # the dialog cannot close without core's answer: it waits for it (on the database thread)
            self.recorded = self.ops.call("legal.record", request)
        except ValidationError as exc:
            if exc.field == "letter_date" and bad_date is not None:
                raise bad_date from None  # "write it as ۱۴۰۵/۰۹/۰۴" says more than "enter the date"
            raise
        return self.recorded


class RefuseDialog(CoreDialog):
    """Refuse a request (recorded or approved): a reason is required."""

    def __init__(self, session: Session, request: LegalRequest, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("رد درخواست مرجع قضایی"), parent)
        self.ops = PageOps(self, session)
        self.save_button.setText(self.tr("رد درخواست"))
        self.save_button.setProperty("role", "danger")
        self.request = request
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("legalRefuseReason")
        self.reason.setPlaceholderText(self.tr("مثلاً نامه امضا یا مهر ندارد؛ شمارهٔ کارت ننویسید."))
        self.reason.setMaximumHeight(90)
        self.form.addRow(self.tr("دلیل رد"), self.reason)
        self.fields = {"reason": self.reason}
        self.finish_layout()

    def apply(self) -> LegalRequest:
        return self.ops.call("legal.refuse", RefuseLegalRequest(self.request.id, self.reason.toPlainText()))


class LegalPage(QWidget):
    COLUMNS = 9

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ops = PageOps(self, session)
        self.requests: tuple[LegalRequest, ...] = ()
        self.approvable: frozenset[int] = frozenset()  # what the signed-in manager may approve (core's word)
        self.last_export: LegalExported | None = None
        self.busy = False  # operations of this page are running (tests wait on it)
        self.exporting = False
        self.reads = NewestAnswer()  # lists: only the answer to the newest one asked is shown
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("درخواست‌های قانونی"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(
            make_label(
                self.tr(
                    "اطلاعات مشتری با هیچ‌کس به اشتراک گذاشته نمی‌شود، مگر با دستور کتبی مرجع قضایی. هر درخواست"
                    " را مدیر دیگری تأیید می‌کند و فقط دامنهٔ تأییدشده خارج می‌شود."
                ),
                "hint",
                wrap=True,
            )
        )
        bar = QHBoxLayout()
        self.new_button = role_button(self.tr("ثبت درخواست جدید"), "legalNew", "primary", icon=icon("add"))
        self.approve_button = QPushButton(self.tr("تأیید"))
        self.approve_button.setObjectName("legalApprove")
        self.export_button = QPushButton(self.tr("خروجی برای مرجع قضایی…"))
        self.export_button.setObjectName("legalExport")
        self.close_button = QPushButton(self.tr("بستن درخواست"))
        self.close_button.setObjectName("legalClose")
        self.close_button.setToolTip(self.tr("بستن درخواست نگهداری قانونی آن را هم پایان می‌دهد."))
        self.hold_button = QPushButton(self.tr("نگهداری قانونی"))
        self.hold_button.setObjectName("legalHold")
        self.hold_button.setToolTip(self.tr("اطلاعات مشمول این درخواست تا بسته شدن آن نابود نشود."))
        self.refuse_button = role_button(self.tr("رد درخواست"), "legalRefuse", "danger")
        buttons = (
            self.new_button,
            self.approve_button,
            self.export_button,
            self.hold_button,
            self.close_button,
            self.refuse_button,
        )
        for button in buttons:
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("legalTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("شماره"),
                self.tr("تاریخ نامه"),
                self.tr("مرجع قضایی"),
                self.tr("شمارهٔ پرونده"),
                self.tr("مشتری"),
                self.tr("وضعیت"),
                self.tr("ثبت‌کننده"),
                self.tr("تأییدکننده"),
                self.tr("نگهداری قانونی"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        layout.addWidget(self.table, 1)
        self.progress = QProgressBar()
        self.progress.setObjectName("legalBusy")
        self.progress.setRange(0, 0)  # busy: the export decrypts and writes every file in scope
        self.progress.setMaximumHeight(6)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.details = make_label("", None, wrap=True)
        self.details.setObjectName("legalDetails")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.status = make_label("", None, wrap=True)
        self.status.setObjectName("legalStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)

        self.new_button.clicked.connect(self.new_request)
        self.approve_button.clicked.connect(self.approve)
        self.refuse_button.clicked.connect(self.refuse)
        self.export_button.clicked.connect(lambda: self.export())
        self.close_button.clicked.connect(self.close_selected)
        self.hold_button.clicked.connect(self.hold_selected)
        self.table.itemSelectionChanged.connect(self.update_selection)
        follow_lock(parent, self.on_locked, self.refresh)  # the main window: nothing stays on screen
        self.ops.busy.connect(self._busy)
        self.ops.refresh_on(("legal",), self.refresh)
        self.refresh()

    def _busy(self, busy: bool) -> None:
        self.busy = busy

    def on_locked(self) -> None:
        """Client names, courts and case numbers leave the screen while the workstation is locked."""
        self.requests, self.approvable = (), frozenset()
        self.table.setRowCount(0)
        self.details.clear()
        self.status.clear()
        self.update_selection()

    # ---- list ------------------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        """Ask for the requests (off the GUI thread); `select_id` (else the current one) is selected again."""
        current = self.selected()
        select_id = select_id if select_id is not None else (current.id if current else None)
        self.reads.run(
            self.ops,
            "legal.list",
            NoRequest(),
            lambda asked, found: self._show(found, select_id) if self.reads.is_newest(asked) else None,
            lambda _asked, exc: self.show_message(error_text(exc), error=True),
        )

    def _show(self, found: LegalList, select_id: int | None) -> None:
        self.requests, self.approvable = found.requests, frozenset(found.approvable)
        self.table.setRowCount(len(self.requests))
        for row, request in enumerate(self.requests):
            values = (
                digits(request.id),
                format_jalali_date(request.letter_date, lang()),  # type: ignore[arg-type]
                request.court,
                request.case_number,
                request.client_name or self.tr("(مشتری حذف شده)"),
                legal_state_label(request.state),
                request.recorded_by,
                request.approved_by + (self.tr(" (خود-تأیید)") if request.self_approved else ""),
                self.hold_text(request),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, request.id)
                self.table.setItem(row, column, item)
            if request.id == select_id:
                self.select_row(row)
        self.update_selection()

    def select_row(self, row: int) -> None:
        # setCurrentCell, not selectRow: in a right-to-left table selectRow looks for the column at the
        # viewport's right edge, finds none and selects nothing.
        self.table.setCurrentCell(row, 0)

    def selected(self) -> LegalRequest | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        request_id = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((r for r in self.requests if r.id == request_id), None)

    def update_selection(self) -> None:
        request = self.selected()
        state = request.state if request else ""
        self.approve_button.setEnabled(request is not None and request.id in self.approvable)
        self.approve_button.setToolTip(
            self.tr("درخواستی را که خودتان ثبت کرده‌اید باید مدیر دیگری تأیید کند.")
            if request is not None and state == "recorded" and not self.approve_button.isEnabled()
            else ""
        )
        self.refuse_button.setEnabled(state in ("recorded", "approved"))
        self.export_button.setEnabled(state == "approved" and not self.exporting)
        self.close_button.setEnabled(state in ("approved", "exported"))
        self.hold_button.setEnabled(
            request is not None and state in ("recorded", "approved", "exported") and request.hold_placed_at is None
        )
        self.details.setText(self.describe(request) if request else "")

    def describe(self, request: LegalRequest) -> str:
        orders = (
            self.tr("همهٔ سفارش‌ها")
            if request.scope.order_ids is None
            else ("، " if lang() == "fa" else ", ").join(digits(i) for i in request.scope.order_ids)
        )
        lines = [
            self.tr("دامنه: {0} — سفارش‌ها: {1}").format(_scope_text(request.scope), orders),
            self.tr("ثبت: {0}، {1}").format(request.recorded_by, show_datetime(request.recorded_at)),
        ]
        if request.approved_at:
            approved = self.tr("تأیید: {0}، {1}").format(request.approved_by, show_datetime(request.approved_at))
            if request.self_approved:
                approved += self.tr(" — خود-تأیید (تنها مدیر فعال)")
            lines.append(approved)
        if request.exported_at:
            lines.append(
                self.tr("خروجی: {0}، {1} — {2} فایل — SHA-256: {3}").format(
                    request.exported_by,
                    show_datetime(request.exported_at),
                    digits(request.export_files or 0),
                    request.export_sha256 or "",
                )
            )
        if request.refused_at:
            lines.append(
                self.tr("رد: {0}، {1} — {2}").format(
                    request.refused_by, show_datetime(request.refused_at), request.refusal_reason
                )
            )
        if request.hold_placed_at:
            hold = self.tr("نگهداری قانونی: از {0} ({1})").format(
                show_datetime(request.hold_placed_at), request.hold_placed_by
            )
            if request.hold_lifted_at:
                hold += self.tr(" تا {0} ({1})").format(show_datetime(request.hold_lifted_at), request.hold_lifted_by)
            else:
                hold += self.tr(" — ادامه دارد تا بسته شدن درخواست")
            lines.append(hold)
        if request.notes:
            lines.append(self.tr("توضیحات: {0}").format(request.notes))
        return "\n".join(lines)

    def hold_text(self, request: LegalRequest) -> str:
        if request.hold_active:
            return self.tr("فعال")
        if request.hold_lifted_at:
            return self.tr("پایان یافت")
        return "—"

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("role", "error" if error else "success")
        repolish(self.status)

    def exec_dialog(self, dialog: CoreDialog) -> bool:
        """Seam for tests (no modal event loop there): run the dialog, True when saved."""
        return bool(dialog.exec())

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    # ---- steps -----------------------------------------------------------------------------------
    def new_request(self) -> LegalRequest | None:
        dialog = LegalRequestDialog(self.session, self)
        recorded = dialog.recorded if self.exec_dialog(dialog) else None
        dialog.deleteLater()
        if recorded is not None:
            self.refresh(recorded.id)
            self.show_message(
                self.tr("درخواست شمارهٔ {0} ثبت شد؛ اکنون مدیر دیگری باید آن را تأیید کند.").format(digits(recorded.id))
            )
        return recorded

    def approve(self) -> None:
        request = self.selected()
        if request is None:
            return
        text = self.tr("با تأیید، این اطلاعات برای «{0}» (پرونده {1}) قابل خروجی می‌شود:\n{2}\n\nادامه می‌دهید؟").format(
            request.court, request.case_number, _scope_text(request.scope)
        )
        if request.recorded_by_id == self.session.staff.id:
            text += "\n\n" + self.tr("شما تنها مدیر فعال هستید؛ این تأیید «خود-تأیید» ثبت می‌شود.")
        if self._confirm(self.tr("تأیید درخواست مرجع قضایی"), text):
            self._step("legal.approve", request, self.tr("درخواست شمارهٔ {0} تأیید شد."))

    def refuse(self) -> None:
        request = self.selected()
        if request is None:
            return
        dialog = RefuseDialog(self.session, request, self)
        done = self.exec_dialog(dialog)
        dialog.deleteLater()
        if done:
            self.refresh(request.id)
            self.show_message(self.tr("درخواست شمارهٔ {0} رد شد.").format(digits(request.id)))

    def export(self, folder: str | None = None) -> None:
        request = self.selected()
        if request is None:
            return
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("پوشهٔ خروجی برای مرجع قضایی را انتخاب کنید"))
        if not folder:
            return
        self.exporting = True
        self.export_button.setEnabled(False)
        self.progress.show()
        self.show_message(self.tr("در حال ساختن خروجی… کار با برنامه را می‌توانید ادامه دهید."))
        self.ops.run(
            "legal.export",
            ExportLegalRequest(request.id, folder),
            lambda result: self._exported(request.id, result),
            lambda exc: self._export_failed(request.id, exc),
        )

    def _export_ended(self) -> None:
        self.exporting = False
        self.progress.hide()
        self.update_selection()

    def _exported(self, request_id: int, result: LegalExported) -> None:
        self._export_ended()
        self.last_export = result
        self.refresh(request_id)
        self.show_message(
            self.tr(
                "خروجی در پوشهٔ «{0}» ساخته شد ({1} فایل). این پوشه اطلاعات رمزگشایی‌شدهٔ مشتری را دارد؛"
                " پس از تحویل به مرجع قضایی آن را از این رایانه پاک کنید."
            ).format(result.name, digits(result.files))
        )

    def _export_failed(self, request_id: int, exc: BaseException) -> None:
        self._export_ended()
        self.show_message(error_text(exc), error=True)
        self.refresh(request_id)

    def close_selected(self) -> None:
        request = self.selected()
        if request is None:
            return
        text = self.tr("پس از بستن، برای این درخواست خروجی دیگری ممکن نیست. ادامه می‌دهید؟")
        if request.hold_active:
            text = (
                self.tr(
                    "با بستن درخواست، نگهداری قانونی پایان می‌یابد و نابودی‌هایی که به سبب آن عقب افتاده بود"
                    " همین حالا انجام می‌شود."
                )
                + "\n\n"
                + text
            )
        if self._confirm(self.tr("بستن درخواست"), text):
            self._step("legal.close", request, self.tr("درخواست شمارهٔ {0} بسته شد."))

    def hold_selected(self) -> None:
        """Place a legal hold on the selected open request (a manager; core checks and audits)."""
        request = self.selected()
        if request is None:
            return
        text = self.tr(
            "تا بسته شدن این درخواست، اطلاعات مشمول آن ({0}) نابود نمی‌شود، حتی اگر مهلت نگهداری بگذرد یا مشتری"
            " درخواست حذف کند. ادامه می‌دهید؟"
        ).format(_scope_text(request.scope))
        if self._confirm(self.tr("نگهداری قانونی"), text):
            self._step("legal.hold", request, self.tr("اطلاعات درخواست شمارهٔ {0} نگهداری قانونی می‌شود."))

    def _step(self, op: str, request: LegalRequest, done: str) -> None:
        """One core step on the request (a named operation); its refusal or `done` (with the request number)
        shown in place when the answer comes."""

        def stepped(_result: LegalRequest) -> None:
            self.refresh(request.id)
            self.show_message(done.format(digits(request.id)))

        def refused(exc: BaseException) -> None:
            self.show_message(error_text(exc), error=True)
            self.refresh(request.id)

        self.ops.run(op, LegalRef(request.id), stepped, refused)
