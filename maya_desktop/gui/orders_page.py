"""Orders: placeholder until the orders screens land (issue 4)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from maya_desktop.core.session import Session


class OrdersPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("سفارش‌ها"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("فهرست سفارش‌ها به‌زودی در این بخش نمایش داده می‌شود.")))
        layout.addStretch(1)
