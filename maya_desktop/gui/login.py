"""Login window: the sign-in operation (core.signin: growing delay, key unwrap, database check) off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
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
        username = self.username.text().strip().lower()
        password = self.password.text()
        if not username or not password:
            self.error.setText(self.tr("نام کاربری و گذرواژه را وارد کنید."))
            return
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
        self.button.setEnabled(True)
        if isinstance(exc, TotpRequired):
            self.totp.show()
            self.totp_label.show()
            self.totp.setFocus()
            self.error.setText(error_text(exc))
            return
        if isinstance(exc, AuthError):  # the sign-in operation recorded it (the delay grows, per data folder)
            self.password.clear()
            self.password.setFocus()
        self.error.setText(error_text(exc))
