"""Pairing this PC with the clinic's vault host from the app (issue 14): what `maya-desktop pair` does.

The person types the host's address and the one-time code a manager made at the host. The pairing
(network.client.pair: this PC's own key, a proof of the code bound to the host certificate it saw) runs off
the GUI thread into a staging folder; the dialog then shows the host certificate's fingerprint to compare
with the one the host showed when the code was made. Only when the person confirms does the pairing become
this workstation's; otherwise it is deleted (the code is used up either way: a manager makes a new one).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from maya_desktop.gui.messages import error_text
from maya_desktop.gui.widgets import line_edit, role_button, wrapped_label
from maya_desktop.gui.workers import run_in_background


class PairDialog(QDialog):
    """Accepted when this PC was paired and the person confirmed the host's fingerprint (in `folder`)."""

    def __init__(self, folder: Path, address: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.staging = folder.with_name(folder.name + ".pairing")
        self.fingerprint = ""
        self.setWindowTitle(self.tr("اتصال این رایانه به میزبان کلینیک"))
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr("نشانی رایانهٔ میزبان و کد یک‌بارمصرفی را که مدیر روی آن ساخته وارد کنید (مثلاً 192.168.1.10:8443).")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.address = QLineEdit(address)
        self.address.setObjectName("pairAddress")
        self.address.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.code = line_edit("pairCode", ltr=True)
        form.addRow(self.tr("نشانی میزبان"), self.address)
        form.addRow(self.tr("کد یک‌بارمصرف"), self.code)
        layout.addLayout(form)
        self.status = wrapped_label("pairStatus")
        layout.addWidget(self.status)
        self.shown = wrapped_label("pairFingerprint", hidden=True)
        layout.addWidget(self.shown)
        self.pair_button = role_button(self.tr("اتصال"), "pairButton")
        self.confirm_button = role_button(self.tr("اثر انگشت یکسان است؛ تأیید"), "pairConfirm")
        self.confirm_button.hide()
        self.refuse_button = QPushButton(self.tr("یکسان نیست؛ لغو"))
        self.refuse_button.setObjectName("pairRefuse")
        self.refuse_button.hide()
        for button in (self.pair_button, self.confirm_button, self.refuse_button):
            layout.addWidget(button)
        self.pair_button.clicked.connect(self.start)
        self.code.returnPressed.connect(self.start)
        self.confirm_button.clicked.connect(self.confirm)
        self.refuse_button.clicked.connect(self.refuse)
        self.resize(480, 300)

    def start(self) -> None:
        from maya_desktop.network.client import pair

        address, code = self.address.text().strip(), self.code.text().strip().upper()
        if ":" not in address or not code:
            self.status.setText(self.tr("نشانی (با شمارهٔ درگاه) و کد را وارد کنید."))
            return
        self.pair_button.setEnabled(False)
        self.status.setText(self.tr("در حال اتصال…"))
        shutil.rmtree(self.staging, ignore_errors=True)
        run_in_background(pair, address, code, self.staging, on_done=self._paired, on_error=self._failed)

    def _paired(self, paired) -> None:  # type: ignore[no-untyped-def]
        from maya_desktop.network.pki import spaced

        self.fingerprint = paired.host_fingerprint
        self.status.setText(self.tr("اثر انگشت گواهی میزبان را با آنچه میزبان هنگام ساختن کد نشان داد مقایسه کنید:"))
        self.shown.setText(spaced(paired.host_fingerprint))
        self.shown.show()
        self.pair_button.hide()
        self.confirm_button.show()
        self.refuse_button.show()

    def _failed(self, exc: BaseException) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        self.pair_button.setEnabled(True)
        self.status.setText(error_text(exc))

    def confirm(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)  # an earlier pairing of this PC is replaced
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        self.staging.rename(self.folder)
        self.accept()

    def refuse(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        self.reject()

    def reject(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        super().reject()
