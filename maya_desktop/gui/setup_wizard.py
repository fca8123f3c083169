"""First run: create the clinic, its data folder and the first manager account."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from maya_desktop.core.errors import MayaError
from maya_desktop.core.session import Session
from maya_desktop.core.vault import Vault
from maya_desktop.gui.messages import error_text


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setProperty("role", "error")
    return label


class SetupWizard(QWizard):
    def __init__(self, data_dir: Path, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.data_dir = data_dir
        self.session: Session | None = None
        self.setWindowTitle(self.tr("راه‌اندازی مایا"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("بعدی"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("قبلی"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("ساختن کلینیک"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("انصراف"))

        intro = QWizardPage()
        intro.setTitle(self.tr("به مایا خوش آمدید"))
        text = QLabel(
            self.tr(
                "همهٔ اطلاعات مشتریان روی همین رایانه و به‌صورت رمزنگاری‌شده نگهداری می‌شود. "
                "تصاویر پس از تحویل تحلیل نابود می‌شوند و فقط آمار بی‌نام به دفتر مرکزی فرستاده می‌شود.\n\n"
                "در این مرحله نام کلینیک و حساب مدیر را می‌سازید. گذرواژهٔ مدیر را فراموش نکنید: "
                "بدون آن هیچ‌کس، حتی پشتیبانی، نمی‌تواند اطلاعات را باز کند."
            )
        )
        text.setWordWrap(True)
        QVBoxLayout(intro).addWidget(text)
        self.addPage(intro)

        clinic = QWizardPage()
        clinic.setTitle(self.tr("کلینیک"))
        form = QFormLayout(clinic)
        self.clinic_name = QLineEdit(self.tr("مجموعهٔ زیبایی مایا"))
        self.clinic_name.setObjectName("clinicName")
        folder = QLabel(str(data_dir))
        folder.setWordWrap(True)
        form.addRow(self.tr("نام کلینیک"), self.clinic_name)
        form.addRow(self.tr("پوشهٔ داده‌ها"), folder)
        self.addPage(clinic)

        self.account_page = _AccountPage(self)
        self.addPage(self.account_page)


class _AccountPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("حساب مدیر"))
        form = QFormLayout(self)
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.username = QLineEdit("admin")
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label()
        form.addRow(self.tr("نام و نام خانوادگی"), self.display_name)
        form.addRow(self.tr("نام کاربری (لاتین)"), self.username)
        form.addRow(self.tr("گذرواژه (دست‌کم ۱۰ نویسه)"), self.password)
        form.addRow(self.tr("تکرار گذرواژه"), self.repeat)
        form.addRow(self.error)

    def validatePage(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("دو گذرواژه یکسان نیستند."))
            return False
        try:
            self.wizard_.session = Vault.create(
                self.wizard_.data_dir,
                clinic_name=self.wizard_.clinic_name.text(),
                username=self.username.text(),
                display_name=self.display_name.text(),
                password=self.password.text(),
            )
        except MayaError as exc:
            self.error.setText(error_text(exc))
            return False
        self.password.clear()
        self.repeat.clear()
        return True
