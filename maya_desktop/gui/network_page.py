"""The clinic network's page (issue 14), for managers: the workstations paired with the vault host (name, last
seen, certificate fingerprint, revoked or not), a one-time pairing code for a new one, revoking one.

Only named operations (maya_desktop/network/operations.py): on a workstation they run on the vault host, in the
single-PC app on the host's own PC; core checks the role and audits. A revoked workstation is refused at its
very next request (the host re-reads its registry). The pairing code is shown once, with the host
certificate's fingerprint the new workstation must show too, and leaves the screen on lock.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.session import Session
from maya_desktop.gui.dates import show_datetime
from maya_desktop.gui.page_ops import PageOps, follow_lock
from maya_desktop.gui.theme import current_lang
from maya_desktop.gui.widgets import role_button, wrapped_label
from maya_desktop.network import operations as network_operations  # registers network.* (run where the vault is)
from maya_desktop.network.operations import NetworkState, NewPairingCode, PairingCode, WorkstationRef, WorkstationRow
from maya_desktop.network.pki import spaced

COLUMNS = 4  # name, state, last seen, fingerprint


def _digits(text: str) -> str:
    return text if current_lang() == "en" else text.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


class NetworkPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ops = PageOps(self, session)
        self.busy = False  # operations of this page are running (tests wait on it)
        self.ops.busy.connect(lambda busy: setattr(self, "busy", busy))
        self.rows: tuple[WorkstationRow, ...] = ()
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("شبکهٔ کلینیک"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        self.host = wrapped_label("networkHost")
        self.host.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.host)
        bar = QHBoxLayout()
        self.code_button = role_button(self.tr("کد اتصال رایانهٔ تازه…"), "networkNewCode")
        self.revoke_button = role_button(self.tr("لغو دسترسی این رایانه"), "networkRevoke", "danger")
        for button in (self.code_button, self.revoke_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.code = QLabel()  # the one-time code, shown once (cleared on lock and when the page is hidden)
        self.code.setObjectName("networkCode")
        self.code.setWordWrap(True)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.hide()
        layout.addWidget(self.code)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("networkTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("نام رایانه"), self.tr("وضعیت"), self.tr("آخرین ارتباط"), self.tr("اثر انگشت گواهی")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        layout.addWidget(self.table, 1)
        self.status = wrapped_label("networkStatus")
        layout.addWidget(self.status)
        self.code_button.clicked.connect(self.new_code)
        self.revoke_button.clicked.connect(self.revoke)
        self.table.itemSelectionChanged.connect(self._selection)
        self.ops.refresh_on(("network",), self.refresh)
        follow_lock(parent, self.clear, self.refresh)
        self._selection()
        self.refresh()

    # ---- the list ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ops.run("network.workstations", NoRequest(), self._listed)

    def _listed(self, state: NetworkState) -> None:
        keep = self.selected()
        self.rows = state.workstations
        if state.host_fingerprint:
            self.host.setText(self.tr("اثر انگشت گواهی میزبان: {0}").format(spaced(state.host_fingerprint)))
        else:
            self.host.setText(self.tr("این رایانه هنوز میزبان شبکه نشده است؛ نخستین کد اتصال آن را آماده می‌کند."))
        self.table.clearSelection()
        self.table.setRowCount(len(self.rows))
        for row, station in enumerate(self.rows):
            revoked = station.revoked_at is not None
            values = (
                station.name,
                self.tr("لغو شده {0}").format(show_datetime(station.revoked_at)) if revoked else self.tr("فعال"),
                show_datetime(station.last_seen) if station.last_seen else self.tr("هنوز نه"),
                spaced(station.fingerprint),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, station.id)
                if column == COLUMNS - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            if station.id == keep:
                self.table.selectionModel().select(
                    self.table.model().index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._selection()

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return str(value) if value else None

    def select(self, station_id: str) -> None:
        for row, station in enumerate(self.rows):
            if station.id == station_id:
                self.table.selectRow(row)

    def _selection(self) -> None:
        chosen = self.selected()
        station = next((s for s in self.rows if s.id == chosen), None)
        self.revoke_button.setEnabled(station is not None and station.revoked_at is None)

    # ---- a pairing code ------------------------------------------------------------------------------------
    def ask_name(self) -> str | None:
        """The new workstation's name (a seam for tests: no modal dialog there)."""
        name, ok = QInputDialog.getText(self, self.tr("کد اتصال"), self.tr("نام رایانهٔ تازه (مثلاً «پذیرش ۱»):"))
        return name.strip() if ok and name.strip() else None

    def new_code(self) -> None:
        name = self.ask_name()
        if name is None:
            return
        self.code_button.setEnabled(False)
        self.ops.run("network.pairing_code", NewPairingCode(name), self._code_made, self._refused)

    def _code_made(self, made: PairingCode) -> None:
        self.code_button.setEnabled(True)
        self.code.setText(
            self.tr(
                "کد یک‌بارمصرف برای «{0}»: {1}\nتا {2} دقیقه معتبر است. روی آن رایانه، نشانی میزبان و این کد را وارد"
                " کنید و اثر انگشتی را که نشان می‌دهد با این مقایسه کنید:\n{3}"
            ).format(made.name, made.code, _digits(str(made.minutes)), spaced(made.host_fingerprint))
        )
        self.code.show()

    # ---- revoking ----------------------------------------------------------------------------------------------
    def confirm_revoke(self, name: str) -> bool:
        """Asked before revoking (a seam for tests)."""
        answer = QMessageBox.question(
            self,
            self.tr("لغو دسترسی"),
            self.tr(
                "«{0}» دیگر به میزبان وصل نمی‌شود و هر کس روی آن وارد شده است همین حالا بیرون می‌رود. برای"
                " اتصال دوباره، کد اتصال تازه لازم است. ادامه می‌دهید؟"
            ).format(name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def revoke(self) -> None:
        chosen = self.selected()
        station = next((s for s in self.rows if s.id == chosen), None)
        if station is None or station.revoked_at is not None or not self.confirm_revoke(station.name):
            return
        self.revoke_button.setEnabled(False)
        self.ops.run("network.revoke", WorkstationRef(station.id), self._revoked, self._refused)

    def _revoked(self, station: WorkstationRow) -> None:
        self.status.setProperty("role", "success")
        self.status.setText(self.tr("دسترسی «{0}» لغو شد.").format(station.name))
        self.refresh()

    def _refused(self, exc: BaseException) -> None:
        from maya_desktop.gui.messages import error_text

        self.code_button.setEnabled(True)
        self._selection()
        self.status.setProperty("role", "error")
        self.status.setText(error_text(exc))

    # ---- lock ----------------------------------------------------------------------------------------------------
    def clear(self) -> None:
        """On lock: the pairing code (a secret for 15 minutes) and the list leave the screen."""
        self.code.clear()
        self.code.hide()
        self.rows = ()
        self.table.setRowCount(0)
        self.status.clear()

    def hideEvent(self, event: Any) -> None:
        self.code.clear()  # the code is shown once, to whoever made it
        self.code.hide()
        super().hideEvent(event)


__all__ = ["NetworkPage", "network_operations"]
