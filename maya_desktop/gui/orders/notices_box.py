"""The order screen's notices section: what the client was told, through which channel, and whether it
failed (with a button to try again once the address or the settings are fixed). It shows the notices of the
order's snapshot (core/operations/orders.py) and retries through the `orders.retry_notices` operation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from maya_desktop.core.errors import MayaError
from maya_desktop.core.operations.catalogue import OrderRef
from maya_desktop.core.operations.orders import OrderNotice
from maya_desktop.core.orders.model import Order
from maya_desktop.core.roles import allowed
from maya_desktop.core.session import Session
from maya_desktop.gui.dates import show_datetime
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.notices_page import CHANNEL_LABELS, KIND_LABELS, STATE_LABELS, notice_label
from maya_desktop.gui.orders.common import make_label
from maya_desktop.gui.page_ops import PageOps


class OrderNoticesBox(QGroupBox):
    retried = Signal()  # the order screen reloads (its snapshot brings the notices back)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ops = PageOps(self, session)
        self.order_id: int | None = None
        self.setTitle(self.tr("اعلان‌های مشتری"))
        self.setObjectName("orderNotices")
        layout = QVBoxLayout(self)
        self.failed = make_label("", "error", wrap=True)
        self.failed.setObjectName("noticesFailed")
        layout.addWidget(self.failed)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("noticesTable")
        self.table.setHorizontalHeaderLabels([self.tr("اعلان"), self.tr("راه"), self.tr("وضعیت"), self.tr("زمان")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.retry = QPushButton(self.tr("ارسال دوباره"))
        self.retry.setObjectName("retryNotices")
        self.retry.clicked.connect(self.retry_failed)
        row = QHBoxLayout()
        row.addWidget(self.retry)
        row.addStretch(1)
        layout.addLayout(row)

    def load(self, order: Order, notices: tuple[OrderNotice, ...]) -> None:
        self.order_id = order.id
        if not allowed(self.session.role, "orders.write"):
            self.hide()
            return
        self.setVisible(bool(notices))
        self.table.setRowCount(len(notices))
        for row, n in enumerate(notices):
            cells = (
                notice_label(KIND_LABELS, n.kind),
                notice_label(CHANNEL_LABELS, n.channel),
                notice_label(STATE_LABELS, n.state),
                show_datetime(n.at),
            )
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + self.table.verticalHeader().length() + 2 * self.table.frameWidth() + 2)
        failed = sum(n.state == "failed" for n in notices)
        self.failed.setVisible(bool(failed))
        self.failed.setText(
            self.tr("ارسال برخی اعلان‌ها ناموفق ماند؛ نشانی مشتری یا تنظیمات ایمیل و پیامک را بررسی کنید.")
        )
        self.retry.setVisible(bool(failed))

    def retry_failed(self) -> None:
        """The order screen reloads on `retried` and hands the new notices back to `load`."""
        if self.order_id is None:
            return
        try:
            self.ops.call("orders.retry_notices", OrderRef(self.order_id))
        except MayaError as exc:
            self.failed.setText(error_text(exc))
            return
        self.retried.emit()
