"""Clients: type-ahead search over name, mobile (any digits) and email; add, edit, erase."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.clients import Client, count_clients, erase_client, search_clients
from maya_desktop.core.errors import MayaError
from maya_desktop.core.persian import to_persian_digits
from maya_desktop.core.roles import allowed
from maya_desktop.core.session import Session
from maya_desktop.core.validation import format_mobile_display
from maya_desktop.gui.client_dialog import ClientDialog
from maya_desktop.gui.dates import show_date
from maya_desktop.gui.messages import show_error
from maya_desktop.gui.theme import current_lang, icon


class ClientTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Client] = []
        self.headers = [
            self.tr("نام"),
            self.tr("نام خانوادگی"),
            self.tr("شمارهٔ همراه"),
            self.tr("ایمیل"),
            self.tr("تاریخ ثبت"),
        ]

    def set_rows(self, rows: list[Client]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        client = self.rows[index.row()]
        lang = "en" if current_lang() == "en" else "fa"
        return (
            client.first_name,
            client.last_name,
            format_mobile_display(client.mobile, lang, bidi_isolate=True),
            client.email or "",
            show_date(client.created_at),
        )[index.column()]


class ClientsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("مشتریان"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("clientSearch")
        self.search.setPlaceholderText(self.tr("جست‌وجو با نام، شمارهٔ همراه یا ایمیل…"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        bar.addWidget(self.search, 1)
        self.add_button = QPushButton(icon("add"), self.tr("مشتری جدید"))
        self.add_button.setObjectName("addClient")
        self.add_button.setProperty("role", "primary")
        self.edit_button = QPushButton(self.tr("ویرایش"))
        self.erase_button = QPushButton(self.tr("حذف کامل"))
        self.erase_button.setProperty("role", "danger")
        self.order_button = QPushButton(icon("orders"), self.tr("سفارش جدید"))
        self.order_button.setObjectName("newOrderForClient")
        self.order_button.setVisible(allowed(session.role, "orders.write"))
        for button in (self.add_button, self.edit_button, self.order_button, self.erase_button):
            bar.addWidget(button)
        self.access_report_button = QPushButton(self.tr("گزارش دسترسی…"))  # issue 5: manager only
        self.access_report_button.setObjectName("clientAccessReport")
        self.access_report_button.setVisible(allowed(session.role, "audit.read"))
        self.access_report_button.clicked.connect(self.access_report)
        bar.addWidget(self.access_report_button)
        layout.addLayout(bar)
        self.model = ClientTableModel()
        self.table = QTableView()
        self.table.setObjectName("clientTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(150)
        self.debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self.debounce.start)
        self.add_button.clicked.connect(self.add_client)
        self.edit_button.clicked.connect(self.edit_client)
        self.table.doubleClicked.connect(self.edit_client)
        self.erase_button.clicked.connect(self.erase_selected)
        self.order_button.clicked.connect(self.new_order)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = search_clients(self.session, self.search.text(), limit=200)
            total = count_clients(self.session)
        except MayaError as exc:
            show_error(self, exc)
            return
        self.model.set_rows(rows)
        shown, total_text = len(rows), total
        if current_lang() != "en":
            shown, total_text = to_persian_digits(shown), to_persian_digits(total)  # type: ignore[assignment]
        self.count_label.setText(self.tr("نمایش {0} از {1} مشتری").format(shown, total_text))

    def selected(self) -> Client | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def add_client(self) -> None:
        dialog = ClientDialog(self.session, parent=self)
        if dialog.exec() and dialog.saved:
            self.search.setText("")
            self.refresh()

    def edit_client(self) -> None:
        client = self.selected()
        if client is None:
            return
        dialog = ClientDialog(self.session, client, parent=self)
        if dialog.exec():
            self.refresh()

    def new_order(self) -> int | None:
        """A new order for the selected client; the orders page then opens it. Returns its id."""
        client = self.selected()
        if client is None:
            return None
        from maya_desktop.gui.orders.dialogs import NewOrderDialog  # lazy: the orders screens load on demand

        dialog = NewOrderDialog(self.session, client.id, parent=self)
        created = dialog.created if dialog.exec() else None
        dialog.deleteLater()
        window = self.window()
        if created is not None and hasattr(window, "show_order"):
            window.show_order(created.id)
        return created.id if created is not None else None

    def erase_selected(self) -> None:
        client = self.selected()
        if client is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("حذف کامل مشتری"),
            self.tr("همهٔ اطلاعات این مشتری و همهٔ سفارش‌ها و تصاویرش برای همیشه نابود می‌شود. ادامه می‌دهید؟"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            erase_client(self.session, client.id)
        except MayaError as exc:
            show_error(self, exc)
        self.refresh()

    def access_report(self) -> None:
        """Every access to the selected client's files as a PDF, saved where the manager chooses."""
        from PySide6.QtWidgets import QFileDialog

        from maya_desktop.reports.access_report import build_access_report

        client = self.selected()
        if client is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("ذخیرهٔ گزارش دسترسی"), "access-report.pdf", "PDF (*.pdf)")
        if not path:
            return
        try:
            data = build_access_report(self.session, client.id)
            with open(path, "wb") as handle:  # the path the manager chose (for the client)
                handle.write(data)
        except (MayaError, OSError) as exc:
            show_error(self, exc)
