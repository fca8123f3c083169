"""The confidentiality agreement every staff member accepts before first access (P11)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout

from maya_desktop.core.session import Session
from maya_desktop.core.staff import accept_agreement, agreement_text
from maya_desktop.gui.theme import current_lang


class AgreementDialog(QDialog):
    def __init__(self, session: Session, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("تعهدنامهٔ رازداری"))
        layout = QVBoxLayout(self)
        text = QPlainTextEdit(agreement_text(current_lang()))
        text.setReadOnly(True)
        layout.addWidget(text)
        self.check = QCheckBox(self.tr("این تعهدنامه را خواندم و می‌پذیرم."))
        self.check.setObjectName("acceptCheck")
        layout.addWidget(self.check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("می‌پذیرم"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("خروج"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.check.toggled.connect(self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, 460)

    def _accept(self) -> None:
        accept_agreement(self.session)
        self.accept()
