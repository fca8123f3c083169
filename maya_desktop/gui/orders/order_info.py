"""The order's particulars (ui/order_info.ui): client, service, dates, price, turnaround, delivery and
destruction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from maya_desktop.core.orders.model import Order
from maya_desktop.core.orders.states import Status
from maya_desktop.gui.dates import show_date, show_datetime
from maya_desktop.gui.forms import child, embed_form
from maya_desktop.gui.labels import destroy_rule_label, service_label
from maya_desktop.gui.orders.common import digits, start_alignment, toman

FIELDS = ("client", "service", "created", "price", "turnaround", "delivery")


class OrderInfoSection(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box: QGroupBox = embed_form("order_info.ui", self)  # type: ignore[assignment]
        grid: QGridLayout = self.box.layout()  # type: ignore[assignment]
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.values: dict[str, QLabel] = {}
        for key in FIELDS:
            value: QLabel = child(self.box, QLabel, f"info_{key}")
            value.setAlignment(start_alignment())
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value

    def show_order(self, order: Order, client_name: str, held: bool) -> None:
        """`held`: a legal request holds the order's files (no destruction date until it is closed)."""
        v = self.values
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
        v["delivery"].setText(self._delivery(order, held))

    def _delivery(self, order: Order, held: bool) -> str:
        if order.status == Status.DESTROYED:
            rule = destroy_rule_label(order.destroyed_rule)
            return self.tr("فایل‌ها نابود شد: {0} ({1})").format(show_datetime(order.destroyed_at), rule)
        if held:
            text = self.tr("نگه‌داشته به دستور یک درخواست قانونی: فایل‌ها تا بسته شدن درخواست نابود نمی‌شود")
            if order.delivered_at:
                text = self.tr("تحویل: {0}").format(show_datetime(order.delivered_at)) + " — " + text
            return text
        if order.delivered_at:
            return self.tr("تحویل: {0} — نابودی خودکار فایل‌ها: {1}").format(
                show_datetime(order.delivered_at), show_datetime(order.destroy_after)
            )
        if order.review_started_at:
            return self.tr("در بررسی پزشک از {0}").format(show_datetime(order.review_started_at))
        return self.tr("هنوز تحویل نشده")

    def forget_client(self) -> None:
        self.values["client"].setText("—")
