"""Orders: the list (state / service filter, client-name search) and, on the same page, one order's
detail. New orders from here (type-ahead client choice) or from the clients page."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.operations.catalogue import OrderRef
from maya_desktop.core.operations.orders import ListOrders, OrderList, OrderRow
from maya_desktop.core.orders.states import Service, Status
from maya_desktop.core.roles import Role, allowed
from maya_desktop.core.session import Session
from maya_desktop.gui.labels import service_label, status_label
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.orders.common import digits, make_label
from maya_desktop.gui.orders.dialogs import NewOrderDialog
from maya_desktop.gui.orders.models import ORDER_ROLE, OrderFilterModel, OrderTableModel
from maya_desktop.gui.orders.order_detail import OrderDetail
from maya_desktop.gui.page_ops import NewestAnswer, NumberedReads, PageOps, follow_lock
from maya_desktop.gui.search_box import on_typing_pause, search_field
from maya_desktop.gui.theme import icon
from maya_desktop.gui.widgets import role_button

ALL = "__all__"


class OrdersPage(QWidget, NumberedReads):
    """The list reads without waiting (the database thread may be busy, e.g. with an import's next photo):
    each read is numbered; an answer is shown only when no newer list is shown already, and the previous rows
    stay until it comes. `rows_shown` is emitted when a list answer is shown; `loading` is True until every
    read asked has answered."""

    rows_shown = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ops = PageOps(self, session)
        self.reads = NewestAnswer()  # lists and single rows share the numbering; only lists are "shown"
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)

        self.list_page = QWidget()
        layout = QVBoxLayout(self.list_page)
        title = make_label(self.tr("سفارش‌ها"), "title")
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.search = search_field("orderSearch", self.tr("جست‌وجو با نام مشتری یا شمارهٔ سفارش…"), with_icon=True)
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
        self.new_button = role_button(self.tr("سفارش جدید"), "newOrder", "primary", icon=icon("add"))
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

        self.debounce = on_typing_pause(self, self.search, self._filter_text)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.service_filter.currentIndexChanged.connect(self.refresh)
        self.new_button.clicked.connect(self.new_order)
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        follow_lock(parent, self.on_locked, self.on_unlocked)  # no pixels stay on screen while locked
        self.ops.refresh_on(("orders", "clients"), self._changed_elsewhere)  # e.g. another desk, the clients page
        self.refresh()

    # ---- list ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.session.locked:
            return
        status = self.status_filter.currentData()
        service = self.service_filter.currentData()
        request = ListOrders(None if status == ALL else status, None if service == ALL else service)

        def listed(answer: OrderList) -> None:
            self.error.hide()
            self.model.update_rows(list(answer.rows))  # the same orders: only changed rows are redrawn
            self.proxy.invalidate()
            self._update_count()
            self.rows_shown.emit()

        def failed(exc: BaseException) -> None:
            self.error.setText(error_text(exc))
            self.error.show()

        self.reads.read(self.ops, "orders.list", request, listed, failed)

    def _changed_elsewhere(self) -> None:
        if self.stack.currentWidget() is self.list_page:
            self.refresh()

    def refresh_order(self, order_id: int) -> None:
        """One order changed (from its detail screen): update its row only, unless it leaves or joins the
        current filter, which needs the whole list. The row is not applied when a list asked after it is
        shown already (that list is newer)."""
        if self.session.locked:
            return
        if self.session.role == Role.DOCTOR:  # their list also depends on consent and assignment
            self.refresh()
            return

        def answered(mine: int, row: OrderRow) -> None:
            if not self.reads.is_newer(mine):
                return
            status = self.status_filter.currentData()
            order = row.order
            # as list_orders filters: every state but destroyed under "all", otherwise exactly the chosen state
            still_listed = order.status != Status.DESTROYED if status == ALL else order.status.value == status
            if not still_listed or not self.model.replace_row(row):
                self.refresh()
                return
            self.proxy.invalidate()  # the filter/sort may depend on the changed cells
            self._update_count()

        self.reads.run(self.ops, "orders.row", OrderRef(order_id), answered, lambda _mine, _exc: self.refresh())

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
        self.reads.forget()  # an answer still on its way is never shown

    def on_unlocked(self) -> None:
        self.refresh()
        if self.stack.currentWidget() is self.detail:
            self.detail.on_unlocked()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self.stack.currentWidget() is self.list_page:
            self.refresh()


__all__ = ["OrdersPage"]
