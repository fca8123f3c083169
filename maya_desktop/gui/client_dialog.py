"""Create or edit a client (ui/client_form.ui). Errors are shown in place; nothing half-saved.

Saving is the operation `clients.save` (core/operations/clients.py) on the database thread. When the screen
locks while the form is open, the clients page keeps what was typed as an encrypted draft (core.drafts) and
offers it back after unlock (`draft_payload` / `restore_draft`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from maya_desktop.core.clients import Client
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.operations.catalogue import ClientRef
from maya_desktop.core.operations.clients import SaveClient
from maya_desktop.core.session import Session
from maya_desktop.core.validation import format_mobile_display
from maya_desktop.gui.forms import child, load_form
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.page_ops import PageOps
from maya_desktop.gui.theme import current_lang

DRAFT_KIND = "client_form"  # core.drafts: one draft per person and client ("new" for a new client)


class ClientDialog(QDialog):
    def __init__(self, session: Session, client: Client | None = None, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.session = session
        self.client = client
        self.saved: Client | None = None
        self.saving = False
        self.ops = PageOps(self, session)
        self.setObjectName("clientDialog")
        self.setWindowTitle(self.tr("مشتری جدید") if client is None else self.tr("ویرایش مشتری"))
        self.form = load_form("client_form.ui", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        # the language of the client's notices (core/notices): Persian unless they chose English
        self.notice_lang = QComboBox()
        self.notice_lang.setObjectName("noticeLanguage")
        self.notice_lang.addItem(self.tr("فارسی"), "fa")
        self.notice_lang.addItem(self.tr("انگلیسی"), "en")
        lang_row = QFormLayout()
        lang_row.addRow(self.tr("زبان پیام‌ها به مشتری"), self.notice_lang)
        layout.insertLayout(0, lang_row)
        self.first: QLineEdit = child(self.form, QLineEdit, "firstName")
        self.last: QLineEdit = child(self.form, QLineEdit, "lastName")
        self.mobile: QLineEdit = child(self.form, QLineEdit, "mobile")
        self.email: QLineEdit = child(self.form, QLineEdit, "email")
        self.marketing: QCheckBox = child(self.form, QCheckBox, "marketing")
        self.error: QLabel = child(self.form, QLabel, "error")
        buttons: QDialogButtonBox = child(self.form, QDialogButtonBox, "buttons")
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("ذخیره"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.original: dict[str, Any] = {}
        self.language_from_draft = False
        if client is not None:
            self.first.setText(client.first_name)
            self.last.setText(client.last_name)
            self.mobile.setText(format_mobile_display(client.mobile, "en" if current_lang() == "en" else "fa"))
            self.email.setText(client.email or "")
            self.marketing.setChecked(client.marketing_consent)
            self.notice_lang.setEnabled(False)  # until the client's choice is read
            self.ops.run("clients.notice_language", ClientRef(client.id), self._language_read)
        self.original = self.draft_payload()
        self.resize(480, 320)

    def _language_read(self, language: str) -> None:
        if not self.language_from_draft:  # a restored draft's choice stays
            self.notice_lang.setCurrentIndex(max(0, self.notice_lang.findData(language)))
            self.original = self.draft_payload()
        self.notice_lang.setEnabled(True)

    # ---- drafts (core.drafts via the clients page) ---------------------------------------------
    @property
    def draft_ref(self) -> str:
        return "new" if self.client is None else str(self.client.id)

    def draft_payload(self) -> dict[str, Any]:
        """What the form holds now (no more than it shows)."""
        return {
            "client_id": None if self.client is None else self.client.id,
            "first_name": self.first.text(),
            "last_name": self.last.text(),
            "mobile": self.mobile.text(),
            "email": self.email.text(),
            "marketing": self.marketing.isChecked(),
            "language": str(self.notice_lang.currentData()),
        }

    def unsaved(self) -> bool:
        return not self.saving and self.saved is None and self.draft_payload() != self.original

    def restore_draft(self, payload: dict[str, Any]) -> None:
        """Put a draft's text back; saving it is still the person's decision."""
        self.first.setText(str(payload.get("first_name", "")))
        self.last.setText(str(payload.get("last_name", "")))
        self.mobile.setText(str(payload.get("mobile", "")))
        self.email.setText(str(payload.get("email", "")))
        self.marketing.setChecked(bool(payload.get("marketing", False)))
        self.notice_lang.setCurrentIndex(max(0, self.notice_lang.findData(payload.get("language", "fa"))))
        self.language_from_draft = True
        self.original = {}  # unsaved until saved, even when the draft matches what is stored
        self.error.setProperty("role", "hint")
        self.error.setText(self.tr("آنچه پیش از قفل شدن نوشته بودید برگردانده شد؛ برای نگه داشتن، ذخیره کنید."))

    # ---- saving ----------------------------------------------------------------------------------
    def save(self) -> None:
        if self.saving:
            return
        request = SaveClient(
            client_id=None if self.client is None else self.client.id,
            first_name=self.first.text(),
            last_name=self.last.text(),
            mobile=self.mobile.text(),
            email=self.email.text() or None,
            marketing_consent=self.marketing.isChecked(),
            notice_language=str(self.notice_lang.currentData()),
        )
        self.saving = True
        self.save_button.setEnabled(False)
        self.ops.run("clients.save", request, self._saved, self._refused)

    def _saved(self, client: Client) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.saved = client
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.error.setProperty("role", "error")
        self.error.setText(error_text(exc))
        field = getattr(exc, "field", None) if isinstance(exc, ValidationError) else None
        target = {"first_name": self.first, "last_name": self.last, "mobile": self.mobile, "email": self.email}
        if field in target:
            target[field].setFocus()
            target[field].selectAll()
