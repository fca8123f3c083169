"""The money sections of the order screen: the quote (services and their prices), the payments, the consents.

Each is a section widget whose layout is a Qt Designer form (ui/order_quote.ui, order_payments.ui,
order_consents.ui); `show(...)` fills it from the order's snapshot (core.operations.orders.OrderSnapshot).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from maya_desktop.core.operations.orders import OrderSnapshot
from maya_desktop.core.orders.model import Order
from maya_desktop.core.orders.states import LIVE_STATES
from maya_desktop.gui.dates import show_date
from maya_desktop.gui.forms import child, embed_form
from maya_desktop.gui.labels import consent_method_label
from maya_desktop.gui.orders.common import digits, lang, toman


def service_line_label(line: Any) -> str:
    """A quote line as a service: '(n)' after views or words charged by the unit; findings stay one line."""
    label = line.label_fa if lang() == "fa" else line.label_en
    if line.code in ("per_extra_view", "per_word") and line.quantity > 1:
        label += f" ({digits(line.quantity)})"
    return str(label)


def read_only_table(table: QTableWidget) -> QTableWidget:
    """A section's table: read only, no selection, first column stretched, as tall as its rows."""
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


def fill_table(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
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


class TableSection(QWidget):
    """A titled box (its Designer form) around one read-only table."""

    def __init__(self, form: str, table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box: QGroupBox = embed_form(form, self)  # type: ignore[assignment]
        self.table = read_only_table(child(self.box, QTableWidget, table))

    def action_row(self, layout: str, button: str) -> tuple[QHBoxLayout, QPushButton]:
        """The row under the table where the section's buttons go (a print button joins it), and its button."""
        row: QHBoxLayout = self.box.findChild(QHBoxLayout, layout)  # type: ignore[assignment]
        return row, child(self.box, QPushButton, button)


class QuoteSection(TableSection):
    """Services and their prices (issue 15): no per-measurement lines, no always-1 quantity column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("order_quote.ui", "quoteTable", parent)
        self.total: QLabel = child(self.box, QLabel, "quoteSummary")
        self.actions, self.quote_button = self.action_row("quoteActions", "action_quote")

    def show_quote(self, order: Order, snapshot: OrderSnapshot) -> None:
        quote = snapshot.quote
        if quote is None:
            fill_table(self.table, [])
            self.table.hide()
            total = self.tr("جمع: {0}").format(toman(order.price_rial)) if order.price_rial is not None else ""
            self.total.setText(total or self.tr("هنوز قیمتی اعلام نشده است."))
            return
        self.table.show()
        fill_table(self.table, [(service_line_label(line), toman(line.amount_rial)) for line in quote.services()])
        text = self.tr("جمع: {0} — زمان تحویل: {1} روز").format(toman(quote.total_rial), digits(quote.turnaround_days))
        if quote.urgent:
            text += self.tr(" — فوری")
        if quote.overridden:
            text += self.tr(" — قیمت به‌صورت دستی تغییر کرد")
        self.total.setText(text)


class PaymentsSection(TableSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("order_payments.ui", "paymentsTable", parent)
        self.hint: QLabel = child(self.box, QLabel, "paymentsHint")
        self.actions, self.pay_button = self.action_row("paymentActions", "action_pay")

    def show_payments(self, snapshot: OrderSnapshot) -> None:
        payments = snapshot.payments
        self.table.setVisible(bool(payments))
        self.hint.setVisible(not payments)
        fill_table(
            self.table, [(p.gateway, p.reference or "—", toman(p.amount_rial), show_date(p.paid_on)) for p in payments]
        )


class ConsentsSection(TableSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("order_consents.ui", "consentsTable", parent)

    def show_consents(self, order: Order, snapshot: OrderSnapshot) -> bool:
        """Fill the table; False when there is nothing to show."""
        rows = []
        for row in snapshot.consents:
            c = row.consent
            if not c.live:
                state = self.tr("لغو شد {0}").format(show_date(c.revoked_at))
            elif order.status not in LIVE_STATES:
                state = self.tr("پایان‌یافته")  # the order's files are gone; nothing left to share
            else:
                state = self.tr("فعال")
            rows.append(
                (
                    row.doctor_name or self.tr("پزشک #{0}").format(digits(c.doctor_id)),
                    consent_method_label(c.method),
                    self.tr("دارد") if c.has_form else self.tr("ندارد"),
                    show_date(c.recorded_at),
                    state,
                )
            )
        fill_table(self.table, rows)
        return bool(rows)
