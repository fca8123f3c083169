"""The confidentiality agreement every staff member accepts before first access (P11)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QPlainTextEdit, QVBoxLayout

from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.session import Session, StaffMember
from maya_desktop.core.staff import agreement_text
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.page_ops import OpsDialog
from maya_desktop.gui.theme import current_lang
from maya_desktop.gui.widgets import wrapped_label


class AgreementDialog(OpsDialog):
    def __init__(self, session: Session, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(session, self.tr("تعهدنامهٔ رازداری"), parent)
        layout = QVBoxLayout(self)
        text = QPlainTextEdit(agreement_text(current_lang()))  # a text shipped with the program, not the vault
        text.setReadOnly(True)
        layout.addWidget(text)
        self.check = QCheckBox(self.tr("این تعهدنامه را خواندم و می‌پذیرم."))
        self.check.setObjectName("acceptCheck")
        layout.addWidget(self.check)
        self.error = wrapped_label("", "error", hidden=True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("می‌پذیرم"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("خروج"))
        self.ok.setEnabled(False)
        self.check.toggled.connect(self.ok.setEnabled)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, 460)

    def _accept(self) -> None:
        """Recorded and audited on the database thread (after the first sign-in's database check)."""
        self.ok.setEnabled(False)
        self.ops.run("staff.accept_agreement", NoRequest(), self._accepted, self._refused)

    def _accepted(self, member: StaffMember) -> None:
        self.session.staff = member  # the next operations run as the person now is (agreement accepted)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc))
        self.error.show()
        self.ok.setEnabled(self.check.isChecked())
