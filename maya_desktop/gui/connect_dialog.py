"""A network workstation's first screen (issue 14): which vault host, is it there, and who signs in.

Shows the host's address, the fingerprint of its certificate (pinned at pairing: compare it with the one the
host's console shows), and the host's state, said plainly: connecting, unreachable (tried again every few
seconds, nothing is held here meanwhile), sealed (a manager must sign in first), ready. Sign-in goes to the
host (network.client.HostClient.sign_in: the password travels over the pinned channel and is checked against
the person's key slot there). Every network call runs off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.errors import MayaError
from maya_desktop.core.paths import DataDir
from maya_desktop.core.session import Session
from maya_desktop.gui.login import credentials, show_refusal
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.widgets import line_edit, role_button, wrapped_label
from maya_desktop.gui.workers import run_in_background

RETRY_MS = 3000


class ConnectDialog(QDialog):
    """`session` is set (a gui.workstation_session Session) when someone signed in through the host."""

    def __init__(self, network_dir: Path, data_dir: DataDir, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from maya_desktop.network.client import HostClient
        from maya_desktop.network.pki import spaced

        self.data_dir = data_dir
        self.client = HostClient(network_dir)
        self.session: Session | None = None
        self.state = "connecting"  # connecting | unreachable | sealed | ready | refused
        self._busy = False
        self.setWindowTitle(self.tr("ورود به مایا — ایستگاه کاری"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("اتصال به رایانهٔ میزبان کلینیک"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        info = QFormLayout()
        self.address = QLabel(self.client.paired.address)
        self.address.setObjectName("hostAddress")
        self.fingerprint = QLabel(spaced(self.client.paired.host_fingerprint))
        self.fingerprint.setObjectName("hostFingerprint")
        self.fingerprint.setWordWrap(True)
        self.station = QLabel(self.client.paired.name)
        info.addRow(self.tr("میزبان"), self.address)
        info.addRow(self.tr("اثر انگشت گواهی میزبان"), self.fingerprint)
        info.addRow(self.tr("این رایانه"), self.station)
        layout.addLayout(info)
        self.status = wrapped_label("hostStatus")
        layout.addWidget(self.status)
        form = QFormLayout()
        self.username = line_edit("username")
        self.password = line_edit("password", secret=True)
        self.totp = line_edit("totp")
        self.totp_label = QLabel(self.tr("کد شش‌رقمی"))
        form.addRow(self.tr("نام کاربری"), self.username)
        form.addRow(self.tr("گذرواژه"), self.password)
        form.addRow(self.totp_label, self.totp)
        self.totp.hide()
        self.totp_label.hide()
        layout.addLayout(form)
        self.error = wrapped_label("error", "error")
        layout.addWidget(self.error)
        self.button = role_button(self.tr("ورود"), "loginButton")
        layout.addWidget(self.button)
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.totp.returnPressed.connect(self.submit)
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(RETRY_MS)
        self.retry.timeout.connect(self.check)
        self._show_state("connecting")
        self.resize(480, 420)
        QTimer.singleShot(0, self.check)

    # ---- the host's state ------------------------------------------------------------------------------------
    def _show_state(self, state: str, detail: str = "") -> None:
        self.state = state
        texts = {
            "connecting": self.tr("در حال اتصال به رایانهٔ میزبان…"),
            "unreachable": self.tr(
                "رایانهٔ میزبان در دسترس نیست. روشن بودن آن و اتصال شبکه را بررسی کنید؛ دوباره تلاش می‌شود."
            ),
            "sealed": self.tr("رایانهٔ میزبان قفل است: ابتدا یک مدیر باید وارد شود."),
            "ready": self.tr("به رایانهٔ میزبان وصل است."),
            "refused": detail,
        }
        self.status.setText(texts[state])
        self.status.setProperty("role", "error" if state in ("unreachable", "refused") else "hint")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def check(self) -> None:
        if self._busy:
            self.retry.start()
            return
        self._busy = True
        run_in_background(self.client.hello, on_done=self._hello, on_error=self._unreachable)

    def _hello(self, answer: dict[str, Any]) -> None:
        self._busy = False
        self._show_state("sealed" if answer.get("sealed") else "ready")
        if answer.get("sealed"):
            self.retry.start()  # a manager may be signing in elsewhere meanwhile

    def _unreachable(self, exc: BaseException) -> None:
        self._busy = False
        if isinstance(exc, MayaError) and exc.code in ("network.revoked", "network.not_paired", "network.host_changed"):
            self._show_state("refused", error_text(exc))  # nothing to retry: a manager must act
            return
        self._show_state("unreachable")
        self.retry.start()

    # ---- sign-in -----------------------------------------------------------------------------------------------
    def submit(self) -> None:
        filled = credentials(self)
        if filled is None:
            return
        username, password = filled
        if self._busy:
            return
        self._busy = True
        self.retry.stop()
        self.button.setEnabled(False)
        self.error.setText(self.tr("در حال بررسی…"))
        totp = self.totp.text().strip() or None
        run_in_background(self.client.sign_in, username, password, totp, on_done=self._signed_in, on_error=self._failed)

    def _signed_in(self, _staff: Any) -> None:
        from maya_desktop.gui.workstation_session import workstation_session

        self._busy = False
        self.password.clear()
        self.session = workstation_session(self.client, self.data_dir)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if show_refusal(self, exc):
            return  # the second factor is asked for
        code = getattr(exc, "code", None)
        if code == "network.sealed":
            self._show_state("sealed")
        elif code == "network.unreachable":
            self._show_state("unreachable")
        self.retry.start()

    def reject(self) -> None:
        self.retry.stop()
        super().reject()
