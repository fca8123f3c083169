"""Choosing one client by type-ahead (core.clients.search_clients): a search box, the matches, the choice.

Used by the new-order dialog and the legal-request dialog. Core calls run on the session's database thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from maya_desktop.core.clients import Client, get_client, search_clients
from maya_desktop.core.errors import MayaError
from maya_desktop.core.session import Session
from maya_desktop.core.validation import format_mobile_display
from maya_desktop.gui.operations import call_core
from maya_desktop.gui.orders.common import lang, make_label


class ClientPicker(QWidget):
    chosen_changed = Signal(object)  # the Client (or None)
    failed = Signal(object)  # a MayaError from the search, for the dialog to show in place

    def __init__(self, session: Session, parent: QWidget | None = None, *, limit: int = 20) -> None:
        super().__init__(parent)
        self.session = session
        self.limit = limit
        self.client: Client | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setObjectName("clientPickerSearch")
        self.search.setPlaceholderText(self.tr("نام، شمارهٔ همراه یا ایمیل مشتری…"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("clientPickerResults")
        self.results.setMaximumHeight(150)
        self.chosen = make_label("", "hint")
        for widget in (self.search, self.results, self.chosen):
            layout.addWidget(widget)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(150)
        self.debounce.timeout.connect(self.refresh_results)
        self.search.textChanged.connect(self.debounce.start)
        self.results.currentItemChanged.connect(self._picked)

    def start(self, client_id: int | None = None) -> None:
        """Show the newest clients, or fix the choice to `client_id` (coming from the clients page)."""
        if client_id is None:
            self.refresh_results()
            return
        self.set_client(call_core(self.session, get_client, self.session, client_id))
        self.search.setText(self.client.full_name if self.client else "")
        self.search.setEnabled(False)
        self.results.hide()
        self.debounce.stop()

    def refresh_results(self) -> None:
        try:
            found = call_core(self.session, search_clients, self.session, self.search.text(), self.limit)
        except MayaError as exc:
            self.failed.emit(exc)
            return
        self.results.clear()
        for client in found:
            mobile = format_mobile_display(client.mobile, lang(), bidi_isolate=True)  # type: ignore[arg-type]
            item = QListWidgetItem(f"{client.full_name} — {mobile}")
            item.setData(Qt.ItemDataRole.UserRole, client)
            self.results.addItem(item)
        if self.results.count() == 1:
            self.results.setCurrentRow(0)

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.set_client(item.data(Qt.ItemDataRole.UserRole))

    def set_client(self, client: Client | None) -> None:
        self.client = client
        self.chosen.setText(self.tr("مشتری انتخاب‌شده: {0}").format(client.full_name) if client else "")
        self.chosen_changed.emit(client)
