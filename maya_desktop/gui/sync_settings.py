"""Manager dialog: HQ sync address, clinic token, optional certificate pin / private CA, test connection.

Only https:// is accepted (plain http:// is refused with a Persian message by core validation). The saved
token is never shown again: the field stays empty and an empty field keeps the saved one. The saved settings
are read without the GUI thread waiting: the form stays disabled until they come (`loading` meanwhile), and a
refusal (anyone but a manager) is shown in place. "Test
connection" runs off the GUI thread and sends an empty batch only (``core.sync.runner.check_connection``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.errors import MayaError, ValidationError
from maya_desktop.core.operations.catalogue import NoRequest, SaveSyncSettings, SyncSettingsView
from maya_desktop.core.session import Session
from maya_desktop.core.sync import settings as sync_settings  # validation only (pure)
from maya_desktop.core.sync.runner import ConnectionCheck, check_connection
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.operations import operations_for
from maya_desktop.gui.page_ops import NewestAnswer, NumberedReads, is_locked_error
from maya_desktop.gui.theme import current_lang
from maya_desktop.gui.widgets import line_edit, wrapped_label
from maya_desktop.gui.workers import run_in_background


class SyncSettingsDialog(QDialog, NumberedReads):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("syncSettings")
        self.setWindowTitle(self.tr("تنظیمات همگام‌سازی"))
        self.setMinimumWidth(520)
        self._saved_token = ""  # nosec B105: no token yet (empty until the settings are read), not a password

        intro = QLabel(
            self.tr("فقط داده‌های بی‌نام (وضعیت سفارش، خدمت، مبلغ و روز) با اتصال امن https به دفتر مرکزی فرستاده می‌شود.")
        )
        intro.setWordWrap(True)
        self.endpoint = QLineEdit()
        self.endpoint.setObjectName("syncEndpoint")
        self.endpoint.setPlaceholderText("https://hq.example.org")
        self.token = line_edit("syncToken", secret=True)
        self.pin = QLineEdit()
        self.pin.setObjectName("syncPin")
        self.pin.setPlaceholderText(self.tr("اختیاری: SHA-256 کلید عمومی سرور"))
        self.clinic_id = QLineEdit()
        self.clinic_id.setObjectName("syncClinicId")
        self.clinic_id.setPlaceholderText(self.tr("اختیاری: شناسهٔ درمانگاه از دفتر مرکزی (cl_...)"))
        self.ca_file = QLineEdit()
        self.ca_file.setObjectName("syncCaFile")
        self.ca_file.setPlaceholderText(self.tr("اختیاری: گواهی مرجع خصوصی (PEM)"))
        self.browse = browse = QPushButton(self.tr("انتخاب…"))
        browse.clicked.connect(self.choose_ca_file)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)

        for field in (self.endpoint, self.token, self.pin, self.clinic_id, self.ca_file):
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # URLs, hashes and paths read left to right
        form = QFormLayout()
        form.addRow(self.tr("نشانی سرور"), self.endpoint)
        form.addRow(self.tr("توکن درمانگاه"), self.token)
        form.addRow(self.tr("پین گواهی"), self.pin)
        form.addRow(self.tr("شناسهٔ درمانگاه"), self.clinic_id)
        form.addRow(self.tr("مرجع گواهی"), ca_row)

        self.test_button = QPushButton(self.tr("آزمایش اتصال"))
        self.test_button.setObjectName("syncTest")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = wrapped_label("syncTestResult")
        self.error = wrapped_label("syncSettingsError", "error", hidden=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("ذخیره"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._task = None
        self._set_form_enabled(False)  # until the saved settings come: nothing typed is overwritten by them
        self.reads = NewestAnswer(self)
        # the menu is hidden for others; the operation refuses (and audits) anyone else
        self.reads.run(operations_for(session), "sync.read_settings", NoRequest(), self._read, self._read_failed)

    def _set_form_enabled(self, enabled: bool) -> None:
        fields = (self.endpoint, self.token, self.pin, self.clinic_id, self.ca_file, self.browse, self.test_button)
        for widget in (*fields, self.buttons.button(QDialogButtonBox.StandardButton.Save)):
            widget.setEnabled(enabled)

    def _read(self, _ticket: int, saved: SyncSettingsView) -> None:
        self._saved_token = saved.token
        self.endpoint.setText(saved.endpoint)
        self.token.setPlaceholderText(
            self.tr("ذخیره شده است؛ برای تغییر، توکن تازه را وارد کنید") if self._saved_token else ""
        )
        self.pin.setText(saved.pin)
        self.clinic_id.setText(saved.clinic)
        self.ca_file.setText(saved.ca_file)
        self._set_form_enabled(True)

    def _read_failed(self, _ticket: int, exc: BaseException) -> None:
        if not is_locked_error(exc):
            self._show_error(error_text(exc))  # the form stays disabled: nothing to save over

    # -- helpers ----------------------------------------------------------------------------
    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _token_value(self) -> str:
        return self.token.text().strip() or self._saved_token

    def _ca_value(self) -> str | None:
        path = self.ca_file.text().strip()
        if path and not Path(path).is_file():
            raise ValidationError(
                "The CA certificate file does not exist.", "فایل گواهی مرجع پیدا نشد.", sync_settings.KEY_CA_FILE
            )
        return path or None

    def _checked(self) -> tuple[str, str, str | None, str | None]:
        endpoint = sync_settings.validate_endpoint(self.endpoint.text())  # refuses http:// (Persian message)
        token = self._token_value()
        if not token:
            raise ValidationError("Enter the clinic token.", "توکن درمانگاه را وارد کنید.", sync_settings.KEY_TOKEN)
        token = sync_settings.validate_token(token)
        pin = self.pin.text().strip()
        pin = sync_settings.normalize_pin(pin) if pin else None
        return endpoint, token, pin, self._ca_value()

    def _checked_or_say(self) -> tuple[str, str, str | None, str | None] | None:
        """The fields, checked; None when one is refused (its reason is shown, the last one cleared)."""
        self._show_error("")
        try:
            return self._checked()
        except MayaError as exc:
            self._show_error(error_text(exc))
            return None

    def choose_ca_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("گواهی مرجع"), "", "PEM (*.pem *.crt *.cer)")
        if path:
            self.ca_file.setText(path)

    # -- actions ----------------------------------------------------------------------------
    def save(self) -> None:
        """Validation here is only for the message; the operation checks, saves and audits in core."""
        checked = self._checked_or_say()
        if checked is None:
            return
        endpoint, token, pin, ca_file = checked
        request = SaveSyncSettings(
            endpoint=endpoint,
            token=token if self.token.text().strip() else None,
            pin=pin,
            ca_file=ca_file,
            clinic=self.clinic_id.text(),
        )
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            save_button.setEnabled(True)
            self._show_error(error_text(exc))

        operations_for(self.session).run(
            "sync.save_settings", request, on_done=lambda _r: self.accept(), on_error=failed
        )

    def test_connection(self) -> None:
        checked = self._checked_or_say()
        if checked is None:
            return
        endpoint, token, pin, ca_file = checked
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("در حال آزمایش…"))
        self._task = run_in_background(
            check_connection, endpoint, token, pin, ca_file, on_done=self._tested, on_error=self._test_failed
        )

    def _tested(self, check: ConnectionCheck) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setProperty("role", "" if check.ok else "error")
        self.test_result.setText(check.message_en if current_lang() == "en" else check.message_fa)
        self.test_result.style().unpolish(self.test_result)
        self.test_result.style().polish(self.test_result)

    def _test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText("")
        self._show_error(error_text(exc))
