"""A person's own account: change password, turn on two-step login (TOTP).

Both run as operations on the database thread (staff.change_own_password derives a key: Argon2id is slow);
the dialog says it is working meanwhile.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.operations.staff import ChangeOwnPassword, TotpEnabled
from maya_desktop.core.session import Session
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.page_ops import OpsDialog
from maya_desktop.gui.widgets import line_edit, role_button, wrapped_label


class AccountDialog(OpsDialog):
    def __init__(self, session: Session, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(session, self.tr("حساب من"), parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.old = line_edit("oldPassword", secret=True)
        self.new = line_edit("newPassword", secret=True)
        self.repeat = line_edit("repeatPassword", secret=True)
        form.addRow(self.tr("گذرواژهٔ فعلی"), self.old)
        form.addRow(self.tr("گذرواژهٔ تازه"), self.new)
        form.addRow(self.tr("تکرار گذرواژهٔ تازه"), self.repeat)
        layout.addLayout(form)
        self.change = role_button(self.tr("تغییر گذرواژه"), "changePassword")
        self.change.clicked.connect(self.change_password)
        layout.addWidget(self.change)
        self.totp_button = QPushButton(self.tr("فعال‌سازی ورود دومرحله‌ای"))
        self.totp_button.setObjectName("enableTotp")
        self.totp_button.setEnabled(not session.staff.totp_enabled)
        self.totp_button.clicked.connect(self.turn_on_totp)
        layout.addWidget(self.totp_button)
        self.progress = QProgressBar()
        self.progress.setObjectName("accountProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.ops.busy.connect(self.progress.setVisible)
        self.message = wrapped_label("accountMessage")
        self.message.setTextInteractionFlags(self.message.textInteractionFlags())
        layout.addWidget(self.message)

    def change_password(self) -> None:
        old, new = self.old.text(), self.new.text()
        same = new == self.repeat.text()
        for edit in (self.old, self.new, self.repeat):
            edit.clear()
        if not same:
            self.message.setText(self.tr("دو گذرواژهٔ تازه یکسان نیستند."))
            return
        self.change.setEnabled(False)
        self.message.setText(self.tr("در حال تغییر گذرواژه…"))
        self.ops.run("staff.change_own_password", ChangeOwnPassword(old, new), self._changed, self._refused)

    def _changed(self, _result: None) -> None:
        self.change.setEnabled(True)
        self.message.setText(self.tr("گذرواژه عوض شد."))

    def _refused(self, exc: BaseException) -> None:
        self.change.setEnabled(True)
        self.totp_button.setEnabled(not self.session.staff.totp_enabled)
        self.message.setText(error_text(exc))

    def turn_on_totp(self) -> None:
        self.totp_button.setEnabled(False)
        self.ops.run("staff.enable_totp", NoRequest(), self._totp_on, self._refused)

    def _totp_on(self, result: TotpEnabled) -> None:
        self.session.staff = result.member
        # Shown once, to this person only; never stored outside the encrypted database.
        self.message.setText(
            self.tr("این نشانی را در برنامهٔ احراز هویت (مثلاً Google Authenticator) وارد کنید:") + "\n" + result.uri
        )
