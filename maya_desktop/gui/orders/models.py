"""Item models of the order screens (no core calls here: the pages load rows and hand them over)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt

from maya_desktop.core.operations.orders import OrderRow
from maya_desktop.core.orders.states import Status
from maya_desktop.core.persian import persian_search_key
from maya_desktop.gui.dates import show_date
from maya_desktop.gui.labels import service_label, status_label
from maya_desktop.gui.orders.common import digits, toman
from maya_desktop.gui.tables import RowsModel

ORDER_ROLE = Qt.ItemDataRole.UserRole + 1


__all__ = ["ORDER_ROLE", "OrderFilterModel", "OrderRow", "OrderTableModel"]


class OrderTableModel(RowsModel):
    COLUMNS = 6
    rows: list[OrderRow]

    def __init__(self) -> None:
        super().__init__(
            [
                self.tr("شماره"),
                self.tr("مشتری"),
                self.tr("خدمت"),
                self.tr("وضعیت"),
                self.tr("تاریخ ثبت"),
                self.tr("مبلغ"),
            ]
        )

    def update_rows(self, rows: list[OrderRow]) -> None:
        """The same orders in the same order: only the changed rows are redrawn (no reset)."""
        if [r.order.id for r in rows] != [r.order.id for r in self.rows]:
            self.set_rows(rows)
            return
        for n, row in enumerate(rows):
            if row != self.rows[n]:
                self.rows[n] = row
                self.dataChanged.emit(self.index(n, 0), self.index(n, self.COLUMNS - 1))

    def replace_row(self, row: OrderRow) -> bool:
        """Update the one row of this order in place (no model reset); False when it is not listed."""
        for n, current in enumerate(self.rows):
            if current.order.id == row.order.id:
                self.rows[n] = row
                self.dataChanged.emit(self.index(n, 0), self.index(n, self.COLUMNS - 1))
                return True
        return False

    def clear(self) -> None:
        self.set_rows([])

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        order = row.order
        if role == ORDER_ROLE:
            return order.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 4, 5):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5 and order.quote_override:
            return self.tr("قیمت به‌صورت دستی تغییر کرده است")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 1 and not row.client_name:
            client = (
                "—" if order.status == Status.DESTROYED else self.tr("مشتری #{0}").format(digits(order.client_id or 0))
            )
        else:
            client = row.client_name
        return (
            digits(order.id),
            client,
            service_label(order.service),
            status_label(order.status),
            show_date(order.created_at),
            toman(order.price_rial),
        )[index.column()]


class OrderFilterModel(QSortFilterProxyModel):
    """Client-name / order-number text filter over the loaded rows (state and service filter in SQL/load)."""

    def __init__(self) -> None:
        super().__init__()
        self.needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = persian_search_key(text) if text.strip() else ""
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self.needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, OrderTableModel)  # type narrowing for the checker  # nosec B101
        row = model.rows[source_row]
        hay = persian_search_key(f"{row.client_name} {row.order.id}")
        return self.needle in hay
