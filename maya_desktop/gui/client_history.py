"""A client's order history (issue 15): every order still linked to the client, newest first, with its service,
state, dates and amounts, and the totals; "Open order" (or a double click) opens it on the orders page.

Data from the operation `clients.history` (run through PageOps, refreshed when orders or clients change).
Reception and managers: the clients page shows the button to them only (`add_history_button`), and core refuses
anyone else.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.operations.catalogue import ClientRef
from maya_desktop.core.operations.client_history import ClientHistory
from maya_desktop.core.persian import format_toman, to_persian_digits
from maya_desktop.core.roles import allowed
from maya_desktop.core.session import Session
from maya_desktop.gui.dates import show_date
from maya_desktop.gui.labels import service_label, status_label
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.page_ops import PageOps
from maya_desktop.gui.tables import read_only_table
from maya_desktop.gui.theme import current_lang
from maya_desktop.gui.widgets import role_button, wrapped_label

ORDER_ID = Qt.ItemDataRole.UserRole


def _lang() -> str:
    return "en" if current_lang() == "en" else "fa"


def _digits(value: int) -> str:
    return str(value) if _lang() == "en" else to_persian_digits(value)


def _money(rial: int | None) -> str:
    return "—" if rial is None else format_toman(rial, _lang())  # type: ignore[arg-type]


class ClientHistoryDialog(QDialog):
    """The client's orders. `open_order(order_id)` when the person asks to open one (the dialog then closes)."""

    open_order = Signal(int)

    def __init__(self, session: Session, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientHistoryDialog")
        self.session, self.client_id = session, client_id
        self.history: ClientHistory | None = None
        self.ops = PageOps(self, session)
        self.setWindowTitle(self.tr("سوابق سفارش‌های مشتری"))
        self.resize(1040, 480)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("historyTitle")
        self.title.setProperty("role", "title")
        layout.addWidget(self.title)
        self.table = read_only_table(
            [
                self.tr("شماره"),
                self.tr("خدمت"),
                self.tr("وضعیت"),
                self.tr("تاریخ ثبت"),
                self.tr("اعلام قیمت"),
                self.tr("پرداخت"),
                self.tr("تحویل یا پایان"),
                self.tr("قیمت"),
                self.tr("پرداخت‌شده"),
            ],
            1,
            "historyTable",
        )
        self.table.itemSelectionChanged.connect(self._selection)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_selected())
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("historySummary")
        self.summary.setProperty("role", "subtitle")
        layout.addWidget(self.summary)
        self.message = wrapped_label("historyMessage", "error", hidden=True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.open_button = role_button(self.tr("باز کردن سفارش"), "historyOpenOrder")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)
        close = QPushButton(self.tr("بستن"))
        close.clicked.connect(self.reject)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.ops.refresh_on(("orders", "clients"), self.reload)
        self.reload()

    def reload(self) -> None:
        self.ops.run("clients.history", ClientRef(self.client_id), self._loaded, self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))
        self.message.show()

    def _loaded(self, history: ClientHistory) -> None:
        self.history = history
        self.message.hide()
        self.title.setText(self.tr("سفارش‌های {0}").format(history.client_name))
        self.table.setRowCount(len(history.orders))
        for row, order in enumerate(history.orders):
            ended = order.delivered_at or order.closed_at
            cells = (
                _digits(order.order_id),
                service_label(order.service),
                status_label(order.status),
                show_date(order.created_at),
                show_date(order.quoted_at),
                show_date(order.paid_at),
                show_date(ended),
                _money(order.price_rial),
                _money(order.paid_rial) if order.paid_rial else "—",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ORDER_ID, order.order_id)
                if column >= 7:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
                self.table.setItem(row, column, item)
        if history.orders:
            self.summary.setText(
                self.tr("{0} سفارش — جمع قیمت‌های اعلام‌شده: {1} — جمع پرداخت‌ها: {2}").format(
                    _digits(len(history.orders)), _money(history.quoted_rial), _money(history.paid_rial)
                )
            )
        else:
            self.summary.setText(self.tr("این مشتری هنوز سفارشی ندارد."))
        self._selection()

    def selected_order(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(ORDER_ID)) if items else None

    def _selection(self) -> None:
        self.open_button.setEnabled(self.selected_order() is not None)

    def open_selected(self) -> None:
        order_id = self.selected_order()
        if order_id is None:
            return
        self.open_order.emit(order_id)
        self.accept()


# ---- the clients page's hook --------------------------------------------------------------------
def open_history(page: QWidget) -> ClientHistoryDialog | None:
    """The history of the client selected on the clients page; opening an order shows it on the orders page."""
    client = page.selected()  # type: ignore[attr-defined]
    if client is None:
        return None
    dialog = ClientHistoryDialog(page.session, client.id, page)  # type: ignore[attr-defined]
    window = page.window()
    if hasattr(window, "show_order"):
        dialog.open_order.connect(window.show_order)
    page.history_dialog = dialog  # type: ignore[attr-defined]  # tests reach the open dialog here
    dialog.open()  # window-modal, returns at once
    return dialog


def add_history_button(page: QWidget) -> QPushButton:
    """ "Order history…" for the selected client: enabled only with a client selected, shown to those who may
    see orders and prices (reception, managers)."""
    button = QPushButton(QCoreApplication.translate("ClientHistory", "سوابق سفارش‌ها…"))
    button.setObjectName("clientHistory")
    button.setVisible(allowed(page.session.role, "orders.write"))  # type: ignore[attr-defined]
    button.setEnabled(False)
    button.clicked.connect(lambda: open_history(page))

    def update() -> None:
        button.setEnabled(page.selected() is not None)  # type: ignore[attr-defined]

    table = page.table  # type: ignore[attr-defined]
    table.selectionModel().selectionChanged.connect(lambda *_: update())
    table.model().modelReset.connect(update)
    return button
