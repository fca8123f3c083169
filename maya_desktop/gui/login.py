"""Login window: the sign-in operation (core.signin: growing delay, key unwrap, database check) off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout

from maya_desktop.core.errors import AuthError, TotpRequired
from maya_desktop.gui.forms import child, load_form
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.workers import run_in_background
from maya_desktop.resources_path import resource


def open_vault(data_dir: Path, username: str, password: str, totp: str | None):  # type: ignore[no-untyped-def]
    """Runs in a worker thread. The vault stack (SQLCipher, cryptography, phonenumbers) is imported here,
    after the login window is on screen, so the window appears as fast as a bare Qt window."""
    from maya_desktop.core.signin import SignInRequest, sign_in

    # The window opens after the schema check; the whole-file check runs behind it (core.integrity_gate),
    # then Vault.open's post-login housekeeping (leftovers, due destruction, anchor) on the checker's connection.
    return sign_in(SignInRequest(data_dir, username, password, totp, verify="background"))


def warm_up_imports() -> None:
    import maya_desktop.core.vault  # noqa: F401


class LoginDialog(QDialog):
    logged_in = Signal(object)

    def __init__(self, data_dir: Path, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.data_dir = data_dir
        self.session = None
        self.setWindowTitle(self.tr("ورود به مایا"))
        self.form = load_form("login.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.username: QLineEdit = child(self.form, QLineEdit, "username")
        self.password: QLineEdit = child(self.form, QLineEdit, "password")
        self.totp: QLineEdit = child(self.form, QLineEdit, "totp")
        self.totp_label: QLabel = child(self.form, QLabel, "totpLabel")
        self.error: QLabel = child(self.form, QLabel, "error")
        self.button: QPushButton = child(self.form, QPushButton, "loginButton")
        logo: QLabel = child(self.form, QLabel, "logo")
        logo.setPixmap(
            QPixmap(str(resource("icons", "logo.svg"))).scaled(
                72, 72, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        self.totp.hide()
        self.totp_label.hide()
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.totp.returnPressed.connect(self.submit)
        self.resize(420, 380)

    def submit(self) -> None:
        filled = credentials(self)
        if filled is None:
            return
        username, password = filled
        self.button.setEnabled(False)
        self.error.setText(self.tr("در حال بررسی…"))
        totp = self.totp.text().strip() or None
        run_in_background(
            open_vault,
            self.data_dir,
            username,
            password,
            totp,
            on_done=self._opened,
            on_error=self._failed,
        )

    def _opened(self, session) -> None:  # type: ignore[no-untyped-def]
        self.password.clear()
        self.session = session
        self.logged_in.emit(session)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        show_refusal(self, exc)


def credentials(form: Any) -> tuple[str, str] | None:
    """A sign-in form's user name (as stored: trimmed, lower case) and password; None, with the form asking
    for them, while one is empty (this login and the workstation's connection screen)."""
    username = form.username.text().strip().lower()
    password = form.password.text()
    if not username or not password:
        form.error.setText(QCoreApplication.translate("LoginDialog", "نام کاربری و گذرواژه را وارد کنید."))
        return None
    return username, password


def show_refusal(form: Any, exc: BaseException) -> bool:
    """A sign-in form's answer to a refusal (this login and the workstation's connection screen): the
    second-factor field when the account asks for it (True), else the reason, with the password cleared
    after a wrong one (the sign-in operation recorded it: the delay grows)."""
    form.button.setEnabled(True)
    form.error.setText(error_text(exc))
    if isinstance(exc, TotpRequired):
        form.totp.show()
        form.totp_label.show()
        form.totp.setFocus()
        return True
    if isinstance(exc, AuthError):
        form.password.clear()
        form.password.setFocus()
    return False
