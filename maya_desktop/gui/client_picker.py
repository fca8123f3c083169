"""Choosing one client by type-ahead (core.clients.search_clients): a search box, the matches, the choice.

Used by the new-order dialog and the legal-request dialog. The operations `clients.get` / `clients.search`
run on the session's database thread: a fixed client is waited for (the dialog cannot go on without it); the
searches (the first list too) come back when they are done, numbered: an answer older than the list shown is
dropped, and the previous matches stay until the answer comes. `loading` is True until every search asked
has answered; `rows_shown` when a list is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from maya_desktop.core.clients import Client
from maya_desktop.core.operations.catalogue import ClientRef
from maya_desktop.core.operations.clients import ClientList, SearchClients
from maya_desktop.core.session import Session
from maya_desktop.core.validation import format_mobile_display
from maya_desktop.gui.orders.common import lang, make_label
from maya_desktop.gui.page_ops import NewestAnswer, NumberedReads, PageOps
from maya_desktop.gui.search_box import on_typing_pause, search_field


class ClientPicker(QWidget, NumberedReads):
    chosen_changed = Signal(object)  # the Client (or None)
    failed = Signal(object)  # a MayaError from the search, for the dialog to show in place
    rows_shown = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None, *, limit: int = 20) -> None:
        super().__init__(parent)
        self.session = session
        self.limit = limit
        self.client: Client | None = None
        self.ops = PageOps(self, session)
        self.reads = NewestAnswer()  # searches
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = search_field("clientPickerSearch", self.tr("نام، شمارهٔ همراه یا ایمیل مشتری…"))
        self.results = QListWidget()
        self.results.setObjectName("clientPickerResults")
        self.results.setMaximumHeight(150)
        self.chosen = make_label("", "hint")
        for widget in (self.search, self.results, self.chosen):
            layout.addWidget(widget)
        self.debounce = on_typing_pause(self, self.search, self.refresh_results)
        self.results.currentItemChanged.connect(self._picked)

    def start(self, client_id: int | None = None) -> None:
        """Show the newest clients, or fix the choice to `client_id` (coming from the clients page)."""
        if client_id is None:
            self.refresh_results()
            return
        self.set_client(self.ops.call("clients.get", ClientRef(client_id)))
        self.search.setText(self.client.full_name if self.client else "")
        self.search.setEnabled(False)
        self.results.hide()
        self.debounce.stop()

    def refresh_results(self) -> None:

        def found(answer: ClientList) -> None:
            self._show(answer)
            self.rows_shown.emit()

        request = SearchClients(self.search.text(), self.limit)
        self.reads.read(self.ops, "clients.search", request, found, self.failed.emit)

    def _show(self, found: ClientList) -> None:
        self.results.clear()
        for client in found.rows:
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
