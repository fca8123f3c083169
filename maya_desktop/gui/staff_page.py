"""Staff accounts (manager only; core enforces it too): add, reset password, deactivate."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.errors import MayaError
from maya_desktop.core.roles import Role
from maya_desktop.core.session import Session
from maya_desktop.core.staff import create_staff, deactivate_staff, list_staff, reset_password
from maya_desktop.gui.dates import show_date
from maya_desktop.gui.forms import child, load_form
from maya_desktop.gui.labels import role_label
from maya_desktop.gui.messages import error_text, show_error
from maya_desktop.gui.theme import icon


class StaffDialog(QDialog):
    def __init__(self, session: Session, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("حساب کاربری جدید"))
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
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("ساختن حساب"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def save(self) -> None:
        try:
            create_staff(
                self.session,
                self.username.text(),
                self.display_name.text(),
                self.role.currentData(),
                self.password.text(),
                self.council.text() or None,
            )
        except MayaError as exc:
            self.error.setText(error_text(exc))
            return
        self.password.clear()
        self.accept()


class StaffPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
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
        for button in (add, reset, remove):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
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
        add.clicked.connect(self.add)
        reset.clicked.connect(self.reset)
        remove.clicked.connect(self.remove)
        self.refresh()

    def refresh(self) -> None:
        try:
            members = list_staff(self.session)
        except MayaError as exc:
            show_error(self, exc)
            return
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

    def _selected_username(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 1).text() if rows else None

    def add(self) -> None:
        if StaffDialog(self.session, self).exec():
            self.refresh()

    def reset(self) -> None:
        username = self._selected_username()
        if not username:
            return
        password, ok = QInputDialog.getText(
            self, self.tr("گذرواژهٔ تازه"), self.tr("گذرواژهٔ تازه:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return
        try:
            reset_password(self.session, username, password)
        except MayaError as exc:
            show_error(self, exc)

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
        try:
            deactivate_staff(self.session, username)
        except MayaError as exc:
            show_error(self, exc)
        self.refresh()
