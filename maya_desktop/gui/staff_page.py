"""Staff accounts (manager only; core enforces it too): add, reset password, deactivate.

Everything runs as operations (core/operations/staff.py) on the database thread: a new account or password
derives a key (Argon2id) and deactivating rotates the database key, so the page shows a busy bar meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.operations.staff import CreateStaff, ResetPassword, StaffList, StaffRef
from maya_desktop.core.roles import Role
from maya_desktop.core.session import Session, StaffMember
from maya_desktop.gui.dates import show_date
from maya_desktop.gui.forms import child, load_form
from maya_desktop.gui.labels import role_label
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.page_ops import OpsDialog, OpsPage
from maya_desktop.gui.theme import icon


class StaffDialog(OpsDialog):
    def __init__(self, session: Session, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(session, self.tr("حساب کاربری جدید"), parent)
        self.form = load_form("staff_form.ui", self)
        QVBoxLayout(self).addWidget(self.form)
        self.display_name: QLineEdit = child(self.form, QLineEdit, "displayName")
        self.username: QLineEdit = child(self.form, QLineEdit, "username")
        self.role: QComboBox = child(self.form, QComboBox, "role")
        self.council: QLineEdit = child(self.form, QLineEdit, "council")
        self.password: QLineEdit = child(self.form, QLineEdit, "password")
        self.error: QLabel = child(self.form, QLabel, "error")
        for role in (Role.RECEPTIONIST, Role.DOCTOR, Role.MANAGER):
            self.role.addItem(role_label(role), role.value)
        buttons: QDialogButtonBox = child(self.form, QDialogButtonBox, "buttons")
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("ساختن حساب"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def save(self) -> None:
        request = CreateStaff(
            self.username.text(),
            self.display_name.text(),
            str(self.role.currentData()),
            self.password.text(),
            self.council.text() or None,
        )
        self.save_button.setEnabled(False)
        self.error.setText(self.tr("در حال ساختن حساب…"))
        self.ops.run("staff.create", request, self._created, self._refused)

    def _created(self, _member: object) -> None:
        self.password.clear()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(error_text(exc))


class StaffPage(OpsPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.members: tuple[StaffMember, ...] = ()
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("کارکنان"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        bar = QHBoxLayout()
        add = QPushButton(icon("add"), self.tr("حساب جدید"))
        add.setProperty("role", "primary")
        reset = QPushButton(self.tr("تعیین گذرواژهٔ تازه"))
        remove = QPushButton(self.tr("غیرفعال کردن"))
        remove.setProperty("role", "danger")
        add.setObjectName("addStaff")
        reset.setObjectName("resetStaffPassword")
        remove.setObjectName("deactivateStaff")
        self.reset_button, self.remove_button = reset, remove
        for button in (add, reset, remove):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.progress = QProgressBar()  # a new key or a key rotation takes a moment
        self.progress.setObjectName("staffProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()
        self.ops.busy.connect(self.progress.setVisible)
        layout.addWidget(self.progress)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("staffTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("نام"), self.tr("نام کاربری"), self.tr("نقش"), self.tr("وضعیت"), self.tr("پذیرش تعهدنامه")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setObjectName("staffStatus")
        self.status.setProperty("role", "success")
        layout.addWidget(self.status)
        add.clicked.connect(self.add)
        reset.clicked.connect(self.reset)
        remove.clicked.connect(self.remove)
        self.table.itemSelectionChanged.connect(self._selection)
        self.ops.refresh_on(("staff",), self.refresh)
        self._selection()
        self.refresh()

    def refresh(self) -> None:
        self.ops.run("staff.list", NoRequest(), self._listed)

    def _listed(self, listing: StaffList) -> None:
        keep = self._selected_username()  # the same person stays selected across a refresh
        members = listing.members
        self.members = members
        self.table.clearSelection()
        self.table.setRowCount(len(members))
        for row, member in enumerate(members):
            values = (
                member.display_name,
                member.username,
                role_label(member.role),
                self.tr("فعال") if member.active else self.tr("غیرفعال"),
                show_date(member.agreement_accepted_at),
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
            if member.username == keep:
                self.table.selectionModel().select(
                    self.table.model().index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._selection()

    def _selection(self) -> None:
        chosen = self._selected_username() is not None
        self.reset_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _selected_username(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 1).text() if rows else None

    def add(self) -> None:
        StaffDialog(self.session, self).exec()  # the list refreshes from the operation's "staff" change

    def reset(self) -> None:
        username = self._selected_username()
        if not username:
            return
        password, ok = QInputDialog.getText(
            self, self.tr("گذرواژهٔ تازه"), self.tr("گذرواژهٔ تازه:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return
        self.ops.run("staff.reset_password", ResetPassword(username, password), self._password_reset)

    def _password_reset(self, _result: None) -> None:
        self.status.setText(self.tr("گذرواژهٔ تازه ثبت شد."))

    def remove(self) -> None:
        username = self._selected_username()
        if not username:
            return
        answer = QMessageBox.question(
            self,
            self.tr("غیرفعال کردن"),
            self.tr("این فرد دیگر نمی‌تواند وارد شود و کلید پایگاه داده عوض می‌شود. ادامه می‌دهید؟"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ops.run("staff.deactivate", StaffRef(username))  # refreshed from the "staff" change
