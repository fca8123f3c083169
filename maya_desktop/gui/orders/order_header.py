"""The top of the order screen (ui/order_header.ui): title and state, "back to the list", the error and
success lines, the break-glass banner and the photo import's progress row."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QPushButton, QWidget

from maya_desktop.gui.forms import child, embed_form
from maya_desktop.gui.orders.common import start_alignment


class OrderHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = embed_form("order_header.ui", self)
        labels = ("orderTitle", "orderState", "orderError", "orderNotice", "bannerText", "importLabel")
        self.title, self.badge, self.error, self.notice, self.banner_text, self.progress_label = (
            child(form, QLabel, name) for name in labels
        )
        self.back, self.end_glass, self.cancel_import_button = (
            child(form, QPushButton, name) for name in ("backToOrders", "endBreakGlass", "cancelImport")
        )
        self.banner, self.progress_row = (child(form, QFrame, name) for name in ("breakGlassBanner", "importRow"))
        self.progress: QProgressBar = child(form, QProgressBar, "importProgress")
        for label in (self.error, self.notice, self.banner_text):
            label.setAlignment(start_alignment())  # wrapped lines start where the reader starts
        self.progress_row.layout().setStretchFactor(self.progress, 1)
        self.banner.layout().setStretchFactor(self.banner_text, 1)
        for hidden in (self.error, self.notice, self.banner, self.progress_row):
            hidden.hide()
