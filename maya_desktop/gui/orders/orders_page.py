"""Orders: the list (state / service filter, client-name search) and, on the same page, one order's
detail. New orders from here (type-ahead client choice) or from the clients page."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.clients import get_client
from maya_desktop.core.errors import MayaError
from maya_desktop.core.orders.records import get_order, list_orders
from maya_desktop.core.orders.states import Service, Status
from maya_desktop.core.roles import Role, allowed
from maya_desktop.core.session import Session
from maya_desktop.gui.labels import service_label, status_label
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.operations import call_core
from maya_desktop.gui.orders.common import digits, make_label
from maya_desktop.gui.orders.dialogs import NewOrderDialog
from maya_desktop.gui.orders.models import ORDER_ROLE, OrderFilterModel, OrderRow, OrderTableModel
from maya_desktop.gui.orders.order_detail import OrderDetail
from maya_desktop.gui.theme import icon

ALL = "__all__"


class OrdersPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)

        self.list_page = QWidget()
        layout = QVBoxLayout(self.list_page)
        title = make_label(self.tr("سفارش‌ها"), "title")
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("orderSearch")
        self.search.setPlaceholderText(self.tr("جست‌وجو با نام مشتری یا شمارهٔ سفارش…"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("همهٔ وضعیت‌ها"), ALL)
        for status in Status:
            self.status_filter.addItem(status_label(status), status.value)
        self.service_filter = QComboBox()
        self.service_filter.setObjectName("serviceFilter")
        self.service_filter.addItem(self.tr("همهٔ خدمت‌ها"), ALL)
        for service in Service:
            self.service_filter.addItem(service_label(service), service.value)
        self.new_button = QPushButton(icon("add"), self.tr("سفارش جدید"))
        self.new_button.setObjectName("newOrder")
        self.new_button.setProperty("role", "primary")
        self.new_button.setVisible(allowed(session.role, "orders.write"))
        self.open_button = QPushButton(self.tr("باز کردن"))
        self.open_button.setObjectName("openOrder")
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.service_filter)
        bar.addWidget(self.open_button)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self.error = make_label("", "error", wrap=True)
        self.error.hide()
        layout.addWidget(self.error)

        self.model = OrderTableModel()
        self.proxy = OrderFilterModel()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("orderTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(70)
        layout.addWidget(self.table, 1)
        self.count_label = make_label("", "hint")
        layout.addWidget(self.count_label)
        self.stack.addWidget(self.list_page)

        self.detail = OrderDetail(session, self)
        self.detail.setObjectName("orderDetail")
        self.detail.back_requested.connect(self.show_list)
        self.detail.order_changed.connect(self.refresh_order)
        self.stack.addWidget(self.detail)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(150)
        self.debounce.timeout.connect(self._filter_text)
        self.search.textChanged.connect(self.debounce.start)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.service_filter.currentIndexChanged.connect(self.refresh)
        self.new_button.clicked.connect(self.new_order)
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self._connect_lock(parent)
        self.refresh()

    def _connect_lock(self, parent: QWidget | None) -> None:
        """The main window emits `locked` / `unlocked`: no pixels stay on screen while locked."""
        locked = getattr(parent, "locked", None)
        unlocked = getattr(parent, "unlocked", None)
        if locked is not None and hasattr(locked, "connect"):
            locked.connect(self.on_locked)
        if unlocked is not None and hasattr(unlocked, "connect"):
            unlocked.connect(self.on_unlocked)

    # ---- list ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.session.locked:
            return
        status = self.status_filter.currentData()
        service = self.service_filter.currentData()
        try:
            orders = call_core(
                self.session,
                list_orders,
                self.session,
                status=None if status == ALL else status,
                include_destroyed=status == Status.DESTROYED.value,
            )
            names = call_core(
                self.session, self._client_names, {o.client_id for o in orders if o.client_id is not None}
            )
        except MayaError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.error.hide()
        if service != ALL:
            orders = [o for o in orders if o.service == service]
        self.model.set_rows([OrderRow(o, names.get(o.client_id or 0, "")) for o in orders])
        self._update_count()

    def refresh_order(self, order_id: int) -> None:
        """One order changed (from its detail screen): update its row only, unless it leaves or joins the
        current filter, which needs the whole list."""
        if self.session.locked:
            return
        if self.session.role == Role.DOCTOR:  # their list also depends on consent and assignment
            self.refresh()
            return
        status = self.status_filter.currentData()
        try:
            order = call_core(self.session, get_order, self.session, order_id)
            names = call_core(
                self.session, self._client_names, {order.client_id} if order.client_id is not None else set()
            )
        except MayaError:
            self.refresh()
            return
        # as list_orders filters: every state but destroyed under "all", otherwise exactly the chosen state
        still_listed = order.status != Status.DESTROYED if status == ALL else order.status.value == status
        row = OrderRow(order, names.get(order.client_id or 0, ""))
        if not still_listed or not self.model.replace_row(row):
            self.refresh()
            return
        self.proxy.invalidate()  # the filter/sort may depend on the changed cells
        self._update_count()

    def _client_names(self, ids: set[int]) -> dict[int, str]:
        if not allowed(self.session.role, "clients.read"):
            return {}
        names = {}
        for client_id in ids:
            try:
                names[client_id] = get_client(self.session, client_id).full_name
            except MayaError:
                continue
        return names

    def _filter_text(self) -> None:
        self.proxy.set_needle(self.search.text())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("نمایش {0} از {1} سفارش").format(digits(shown), digits(total)))

    def selected_order_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(ORDER_ROLE)) if rows else None

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_order(int(index.data(ORDER_ROLE)))

    def open_selected(self) -> None:
        order_id = self.selected_order_id()
        if order_id is not None:
            self.open_order(order_id)

    # ---- detail ----------------------------------------------------------------------------------
    def open_order(self, order_id: int) -> None:
        self.detail.open_order(order_id)
        self.stack.setCurrentWidget(self.detail)

    def show_list(self) -> None:
        self.detail.clear_sensitive()
        self.stack.setCurrentWidget(self.list_page)
        self.refresh()

    def new_order(self, client_id: int | None = None) -> int | None:
        """Open the new-order dialog (optionally for a given client); opens the created order."""
        dialog = NewOrderDialog(self.session, client_id if isinstance(client_id, int) else None, self)
        saved = self.exec_dialog(dialog)
        created = dialog.created if saved else None
        dialog.deleteLater()
        if created is None:
            return None
        self.refresh()
        self.open_order(created.id)
        return created.id

    def exec_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    # ---- lock ------------------------------------------------------------------------------------
    def on_locked(self) -> None:
        self.detail.on_locked()
        self.model.clear()  # client names leave the screen too

    def on_unlocked(self) -> None:
        self.refresh()
        if self.stack.currentWidget() is self.detail:
            self.detail.on_unlocked()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self.stack.currentWidget() is self.list_page:
            self.refresh()


__all__ = ["OrdersPage"]
