"""A person's own account: change password, turn on two-step login (TOTP)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from maya_desktop.core.errors import MayaError
from maya_desktop.core.session import Session
from maya_desktop.core.staff import change_own_password, enable_totp
from maya_desktop.gui.messages import error_text


class AccountDialog(QDialog):
    def __init__(self, session: Session, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("حساب من"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for name, edit in (("oldPassword", self.old), ("newPassword", self.new), ("repeatPassword", self.repeat)):
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("گذرواژهٔ فعلی"), self.old)
        form.addRow(self.tr("گذرواژهٔ تازه"), self.new)
        form.addRow(self.tr("تکرار گذرواژهٔ تازه"), self.repeat)
        layout.addLayout(form)
        change = QPushButton(self.tr("تغییر گذرواژه"))
        change.setProperty("role", "primary")
        change.clicked.connect(self.change_password)
        layout.addWidget(change)
        self.totp_button = QPushButton(self.tr("فعال‌سازی ورود دومرحله‌ای"))
        self.totp_button.setEnabled(not session.staff.totp_enabled)
        self.totp_button.clicked.connect(self.turn_on_totp)
        layout.addWidget(self.totp_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(self.message.textInteractionFlags())
        layout.addWidget(self.message)

    def change_password(self) -> None:
        if self.new.text() != self.repeat.text():
            self.message.setText(self.tr("دو گذرواژهٔ تازه یکسان نیستند."))
            return
        try:
            change_own_password(self.session, self.old.text(), self.new.text())
        except MayaError as exc:
            self.message.setText(error_text(exc))
            return
        finally:
            for edit in (self.old, self.new, self.repeat):
                edit.clear()
        self.message.setText(self.tr("گذرواژه عوض شد."))

    def turn_on_totp(self) -> None:
        uri = enable_totp(self.session)
        self.totp_button.setEnabled(False)
        # Shown once, to this person only; never stored outside the encrypted database.
        self.message.setText(
            self.tr("این نشانی را در برنامهٔ احراز هویت (مثلاً Google Authenticator) وارد کنید:") + "\n" + uri
        )
