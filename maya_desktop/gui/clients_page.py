"""Clients: type-ahead search over name, mobile (any digits) and email; add, edit, new order, history.

Everything goes through operations (core/operations/clients.py) on the database thread via PageOps; the list
refreshes when clients change. Daily buttons (new, edit, new order, history) sit by the search box and act on
the selected client (disabled with none selected); a new client is selected once saved. Erasing a client and
the access report are a manager's tools, in their own row below the list (core refuses anyone else).
Shortcuts: Ctrl+N new client, Ctrl+F search, Ctrl+Shift+N new order for the selected client.

An open client form survives a lock: what was typed is kept as an encrypted draft (core.drafts, sealed to
the person) and the form opens again with it after unlock. Locking also forgets every name the page shows
(the list, the search text). On a network workstation the same operations run on the vault host, and a client
added at another desk appears here from the pushed change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.clients import Client
from maya_desktop.core.errors import MayaError
from maya_desktop.core.operations.catalogue import ClientRef, DiscardDraft, KeepDraft, ListDrafts
from maya_desktop.core.operations.clients import ClientAccess, ClientList, SearchClients
from maya_desktop.core.persian import to_persian_digits
from maya_desktop.core.roles import allowed
from maya_desktop.core.session import Session
from maya_desktop.core.validation import format_mobile_display
from maya_desktop.gui.client_dialog import DRAFT_KIND, ClientDialog
from maya_desktop.gui.client_history import add_history_button
from maya_desktop.gui.dates import show_date
from maya_desktop.gui.messages import show_error
from maya_desktop.gui.page_ops import OpsPage, follow_lock
from maya_desktop.gui.search_box import on_typing_pause, search_field
from maya_desktop.gui.tables import RowsModel
from maya_desktop.gui.theme import current_lang, icon
from maya_desktop.gui.widgets import role_button
from maya_desktop.gui.workstation_session import is_workstation

SEARCH_LIMIT = 200


class ClientTableModel(RowsModel):
    rows: list[Client]

    def __init__(self) -> None:
        super().__init__(
            [self.tr("نام"), self.tr("نام خانوادگی"), self.tr("شمارهٔ همراه"), self.tr("ایمیل"), self.tr("تاریخ ثبت")]
        )

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        client = self.rows[index.row()]
        lang = "en" if current_lang() == "en" else "fa"
        return (
            client.first_name,
            client.last_name,
            format_mobile_display(client.mobile, lang, bidi_isolate=True),
            client.email or "",
            show_date(client.created_at),
        )[index.column()]


class ClientsPage(OpsPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.form: ClientDialog | None = None  # the client form open now (one at a time)
        self.select_after: int | None = None  # the client to select once the list has them (a new one)
        self.loaded = False  # the list answered at least once
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("مشتریان"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.search = search_field("clientSearch", self.tr("جست‌وجو با نام، شمارهٔ همراه یا ایمیل…"), with_icon=True)
        bar.addWidget(self.search, 1)
        self.add_button = role_button(self.tr("مشتری جدید"), "addClient", "primary", icon=icon("add"))
        self.add_button.setToolTip("Ctrl+N")
        self.edit_button = QPushButton(self.tr("ویرایش"))
        self.edit_button.setObjectName("editClient")
        self.order_button = QPushButton(icon("orders"), self.tr("سفارش جدید"))
        self.order_button.setObjectName("newOrderForClient")
        self.order_button.setToolTip("Ctrl+Shift+N")
        self.order_button.setVisible(allowed(session.role, "orders.write"))
        for button in (self.add_button, self.edit_button, self.order_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.model = ClientTableModel()
        self.table = QTableView()
        self.table.setObjectName("clientTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        layout.addWidget(self.table, 1)
        self.history_button = add_history_button(self)  # issue 15: the client's order history
        bar.addWidget(self.history_button)
        # a manager's tools, away from the daily buttons (issue 15)
        self.manager_bar = QHBoxLayout()
        self.count_label = QLabel()
        self.manager_bar.addWidget(self.count_label, 1)
        self.access_report_button = QPushButton(self.tr("گزارش دسترسی…"))  # issue 5: manager only
        self.access_report_button.setObjectName("clientAccessReport")
        # a PDF of a client's accesses is saved to this PC's disk: on a network workstation nothing of a client
        # is written to disk, so the report is made at the vault host's PC
        self.access_report_button.setVisible(allowed(session.role, "audit.read") and not is_workstation(session))
        self.access_report_button.clicked.connect(self.access_report)
        self.erase_button = role_button(self.tr("حذف کامل مشتری…"), "eraseClient", "danger")
        self.erase_button.setVisible(allowed(session.role, "clients.erase"))
        self.manager_bar.addWidget(self.access_report_button)
        self.manager_bar.addWidget(self.erase_button)
        layout.addLayout(self.manager_bar)

        self.debounce = on_typing_pause(self, self.search, self.refresh)
        self.add_button.clicked.connect(self.add_client)
        self.edit_button.clicked.connect(self.edit_client)
        self.table.doubleClicked.connect(self.edit_client)
        self.erase_button.clicked.connect(self.erase_selected)
        self.order_button.clicked.connect(self.new_order)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        self.model.modelReset.connect(self._selection)
        self._shortcuts()
        follow_lock(parent, self.on_locked, self.on_unlocked)  # an open form kept as a draft, the list cleared
        self.ops.refresh_on(("clients",), self.refresh)
        self._selection()
        self.refresh()

    def _shortcuts(self) -> None:
        """Active while this page is the one shown (hidden pages' shortcuts do not fire)."""
        self.shortcuts: dict[str, QShortcut] = {}
        for keys, slot in (
            ("Ctrl+N", self.add_client),
            ("Ctrl+F", self.focus_search),
            ("Ctrl+Shift+N", self.new_order),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[keys] = shortcut

    # ---- the list ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ops.run("clients.search", SearchClients(self.search.text(), SEARCH_LIMIT), self._listed)

    def _listed(self, found: ClientList) -> None:
        self.loaded = True
        current = self.selected()
        keep = self.select_after if self.select_after is not None else (current.id if current else None)
        self.model.set_rows(list(found.rows))
        shown, total = len(found.rows), found.total
        shown_text, total_text = (
            (str(shown), str(total)) if current_lang() == "en" else (to_persian_digits(shown), to_persian_digits(total))
        )
        self.count_label.setText(self.tr("نمایش {0} از {1} مشتری").format(shown_text, total_text))
        if keep is not None:
            self.select_client(keep)  # a new client, or the one selected before this refresh

    def select_client(self, client_id: int) -> bool:
        """Select (and show) the client with this id when the list holds them."""
        for row, client in enumerate(self.model.rows):
            if client.id == client_id:
                self.select_after = None
                index = self.model.index(row, 0)
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                self.table.selectionModel().setCurrentIndex(index, flags)
                self.table.scrollTo(index)
                return True
        return False

    def selected(self) -> Client | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _selection(self) -> None:
        chosen = self.selected() is not None
        for button in (self.edit_button, self.order_button, self.erase_button, self.access_report_button):
            button.setEnabled(chosen)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ---- the client form ---------------------------------------------------------------------------
    def add_client(self) -> ClientDialog | None:
        return self.open_form(None)

    def edit_client(self) -> ClientDialog | None:
        client = self.selected()
        return None if client is None else self.open_form(client)

    def open_form(self, client: Client | None) -> ClientDialog | None:
        """The client form, window-modal (returns at once); the list follows when it saved."""
        if self.form is not None:
            self.form.raise_()
            return self.form
        dialog = ClientDialog(self.session, client, parent=self)
        self.form = dialog
        dialog.finished.connect(lambda _result, d=dialog: self._form_closed(d))
        dialog.open()
        return dialog

    def _form_closed(self, dialog: ClientDialog) -> None:
        if self.form is dialog:
            self.form = None
        dialog.deleteLater()
        if dialog.saved is None:
            return
        self.select_after = dialog.saved.id
        if dialog.client is None and self.search.text():
            self.search.setText("")  # a new client: show them among the newest (and select them)
        self.debounce.stop()
        self.refresh()

    # ---- lock: nothing typed is lost -------------------------------------------------------------
    def on_locked(self) -> None:
        """Before the vault closes: keep an open form's unsaved text as a draft, close the form, clear the list."""
        form, self.form = self.form, None
        if form is not None:
            if form.unsaved():
                try:
                    self.ops.call("drafts.keep", KeepDraft(DRAFT_KIND, form.draft_ref, form.draft_payload()))
                except MayaError as exc:
                    show_error(self, exc)
            form.blockSignals(True)  # closing for the lock is not "cancel"
            form.reject()
            form.deleteLater()
        self.select_after = None
        self.clear_sensitive()

    def on_unlocked(self) -> None:
        self.refresh()
        self.ops.run("drafts.list", ListDrafts(DRAFT_KIND), self._offer_drafts)

    def _offer_drafts(self, drafts: list[Any]) -> None:
        """Open the form again with the newest draft's text (it stays unsaved until saved); the draft is gone
        once offered (kept again if the screen locks again)."""
        if not drafts or self.form is not None:
            return
        draft = drafts[-1]
        for each in drafts:
            self.ops.run("drafts.discard", DiscardDraft(DRAFT_KIND, each.ref))
        client_id = draft.payload.get("client_id")
        if client_id is None:
            self._reopen(None, draft.payload)
        else:
            self.ops.run("clients.get", ClientRef(int(client_id)), lambda client: self._reopen(client, draft.payload))

    def _reopen(self, client: Client | None, payload: dict[str, Any]) -> None:
        dialog = self.open_form(client)
        if dialog is not None:
            dialog.restore_draft(payload)

    # ---- orders, erasing, the access report ------------------------------------------------------
    def new_order(self) -> int | None:
        """A new order for the selected client; the orders page then opens it. Returns its id."""
        client = self.selected()
        if client is None or not allowed(self.session.role, "orders.write"):
            return None
        from maya_desktop.gui.orders.dialogs import NewOrderDialog  # lazy: the orders screens load on demand

        dialog = NewOrderDialog(self.session, client.id, parent=self)
        created = dialog.created if dialog.exec() else None
        dialog.deleteLater()
        window = self.window()
        if created is not None and hasattr(window, "show_order"):
            window.show_order(created.id)
        return created.id if created is not None else None

    def confirm_erase(self) -> bool:
        """Asked before erasing (replaced in tests by a recorded answer)."""
        answer = QMessageBox.question(
            self,
            self.tr("حذف کامل مشتری"),
            self.tr("همهٔ اطلاعات این مشتری و همهٔ سفارش‌ها و تصاویرش برای همیشه نابود می‌شود. ادامه می‌دهید؟"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def erase_selected(self) -> None:
        """A manager's action (core refuses anyone else and audits the attempt)."""
        client = self.selected()
        if client is None or not self.confirm_erase():
            return
        self.ops.run("clients.erase", ClientRef(client.id))  # the list refreshes from the "clients" change

    def clear_sensitive(self) -> None:
        """Forget every name, number and address this page holds (the search text too): the app locked."""
        self.model.set_rows([])
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.debounce.stop()
        self.count_label.clear()

    def access_report(self) -> None:
        """Every access to the selected client's files as a PDF, saved where the manager chooses."""
        from PySide6.QtWidgets import QFileDialog

        client = self.selected()
        if client is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("ذخیرهٔ گزارش دسترسی"), "access-report.pdf", "PDF (*.pdf)")
        if not path:
            return
        self.ops.run("clients.access_report", ClientRef(client.id), lambda access: self._save_report(access, path))

    def _save_report(self, access: ClientAccess, path: str) -> None:
        from maya_desktop.reports.access_report import render_access_report

        try:
            data = render_access_report(access.report, access.clinic_name)  # Qt's painter: on the GUI thread
            with open(path, "wb") as handle:  # the path the manager chose (for the client)
                handle.write(data)
        except OSError as exc:
            show_error(self, exc)
