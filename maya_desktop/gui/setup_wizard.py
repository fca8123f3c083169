"""First run: create the clinic, its data folder and the first manager account."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from maya_desktop.core.session import Session
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.widgets import line_edit, wrapped_label
from maya_desktop.gui.workers import run_in_background


def create_clinic(data_dir: Path, clinic_name: str, username: str, display_name: str, password: str) -> Session:
    """Runs in a worker thread: the data folder, the database and the first manager's key slot (Argon2id,
    deliberately slow). First-run setup, before any session exists: not an operation."""
    from maya_desktop.core.vault import Vault  # the vault stack loads here, off the GUI thread

    return Vault.create(
        data_dir, clinic_name=clinic_name, username=username, display_name=display_name, password=password
    )


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
        self.display_name = line_edit("displayName")
        self.username = QLineEdit("admin")
        self.username.setObjectName("username")
        self.password = line_edit("password", secret=True)
        self.repeat = line_edit("repeat", secret=True)
        self.error = wrapped_label("", "error")
        self.progress = QProgressBar()  # busy while the clinic and the manager's key are made
        self.progress.setObjectName("setupProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.creating = False
        form.addRow(self.tr("نام و نام خانوادگی"), self.display_name)
        form.addRow(self.tr("نام کاربری (لاتین)"), self.username)
        form.addRow(self.tr("گذرواژه (دست‌کم ۱۰ نویسه)"), self.password)
        form.addRow(self.tr("تکرار گذرواژه"), self.repeat)
        form.addRow(self.progress)
        form.addRow(self.error)

    def validatePage(self) -> bool:
        """Finishing starts the clinic's creation off the GUI thread and says so; the wizard closes when it
        is done (`_created` presses Finish again), or stays with the reason."""
        if self.wizard_.session is not None:
            return True
        if self.creating:
            return False
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("دو گذرواژه یکسان نیستند."))
            return False
        self._busy(True)
        self.error.setText(self.tr("در حال ساختن کلینیک و کلید رمزنگاری…"))
        run_in_background(
            create_clinic,
            self.wizard_.data_dir,
            self.wizard_.clinic_name.text(),
            self.username.text(),
            self.display_name.text(),
            self.password.text(),
            on_done=self._created,
            on_error=self._failed,
        )
        return False

    def _busy(self, busy: bool) -> None:
        self.creating = busy
        self.progress.setVisible(busy)
        for widget in (self.display_name, self.username, self.password, self.repeat):
            widget.setEnabled(not busy)
        for button in (
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.wizard_.button(button).setEnabled(not busy)

    def _created(self, session: Session) -> None:
        self._busy(False)
        if not self.wizard_.isVisible():  # closed meanwhile: the clinic exists, nobody is signed in
            session.vault.close()
            return
        self.password.clear()
        self.repeat.clear()
        self.error.clear()
        self.wizard_.session = session
        self.wizard_.button(QWizard.WizardButton.FinishButton).click()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.error.setText(error_text(exc))
