"""Create or edit a client (ui/client_form.ui). Errors are shown in place; nothing half-saved."""

from __future__ import annotations

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

from maya_desktop.core.clients import Client, create_client, update_client
from maya_desktop.core.errors import MayaError, ValidationError
from maya_desktop.core.notices.outbox import client_language, set_client_language
from maya_desktop.core.session import Session
from maya_desktop.core.validation import format_mobile_display
from maya_desktop.gui.forms import child, load_form
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.theme import current_lang


class ClientDialog(QDialog):
    def __init__(self, session: Session, client: Client | None = None, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.session = session
        self.client = client
        self.saved: Client | None = None
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
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("ذخیره"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        if client is not None:
            self.first.setText(client.first_name)
            self.last.setText(client.last_name)
            self.mobile.setText(format_mobile_display(client.mobile, "en" if current_lang() == "en" else "fa"))
            self.email.setText(client.email or "")
            self.marketing.setChecked(client.marketing_consent)
            self.notice_lang.setCurrentIndex(
                max(0, self.notice_lang.findData(client_language(session.conn, client.id)))
            )
        self.resize(480, 320)

    def save(self) -> None:
        values = (self.first.text(), self.last.text(), self.mobile.text(), self.email.text() or None)
        try:
            if self.client is None:
                self.saved = create_client(self.session, *values, marketing_consent=self.marketing.isChecked())
            else:
                self.saved = update_client(self.session, self.client.id, *values, self.marketing.isChecked())
            chosen = str(self.notice_lang.currentData())
            if chosen != client_language(self.session.conn, self.saved.id):
                set_client_language(self.session, self.saved.id, chosen)
        except MayaError as exc:
            self.error.setText(error_text(exc))
            field = getattr(exc, "field", None) if isinstance(exc, ValidationError) else None
            target = {"first_name": self.first, "last_name": self.last, "mobile": self.mobile, "email": self.email}
            if field in target:
                target[field].setFocus()
                target[field].selectAll()
            return
        self.accept()
