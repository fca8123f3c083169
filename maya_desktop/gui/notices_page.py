"""Manager settings for client notices (issue 19): channels, the bank payment page, the templates
(edited and reviewed here, with a live Persian preview), and news of events/discounts for clients who
opted in. Every action is a named operation (core.operations.notices) run off the GUI thread through
`PageOps`; nothing here decides who may receive what. The preview is filled in here from the shipped
field list and sample facts (no database)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.notices import config, templates
from maya_desktop.core.notices.templates import TemplateReview
from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.operations.notices import (
    ConfigureEmail,
    ConfigureSms,
    NoticeSettings,
    OptOut,
    SaveTemplates,
    SendMarketing,
    SetPaymentUrl,
    TemplateRef,
    TemplateTexts,
)
from maya_desktop.core.persian import format_count
from maya_desktop.core.session import Session
from maya_desktop.gui.dates import show_datetime
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.orders.common import make_label
from maya_desktop.gui.page_ops import OpsPage
from maya_desktop.gui.theme import current_lang
from maya_desktop.gui.widgets import line_edit, role_button

KIND_LABELS = {
    "quote_ready": QT_TRANSLATE_NOOP("Notices", "پیش‌فاکتور آماده است"),
    "delivered": QT_TRANSLATE_NOOP("Notices", "آنالیز تحویل شد"),
    "destruction_receipt": QT_TRANSLATE_NOOP("Notices", "رسید نابودی فایل‌ها"),
    "consent_recorded": QT_TRANSLATE_NOOP("Notices", "رضایت ثبت شد"),
    "marketing": QT_TRANSLATE_NOOP("Notices", "رویدادها و تخفیف‌ها (فقط با اجازهٔ مشتری)"),
}
STATE_LABELS = {
    "pending": QT_TRANSLATE_NOOP("Notices", "در صف ارسال"),
    "sending": QT_TRANSLATE_NOOP("Notices", "در حال ارسال"),
    "sent": QT_TRANSLATE_NOOP("Notices", "فرستاده شد"),
    "failed": QT_TRANSLATE_NOOP("Notices", "ناموفق"),
    "cancelled": QT_TRANSLATE_NOOP("Notices", "لغو شد"),
}
CHANNEL_LABELS = {"email": QT_TRANSLATE_NOOP("Notices", "ایمیل"), "sms": QT_TRANSLATE_NOOP("Notices", "پیامک")}


def notice_label(table: dict[str, str], code: str) -> str:
    return QCoreApplication.translate("Notices", table[code]) if code in table else code


def ui_lang() -> Literal["fa", "en"]:
    return "en" if current_lang() == "en" else "fa"


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def _box_foot(layout: QVBoxLayout, save_text: str, save: Callable[[], None], name: str = "") -> QLabel:
    """A settings box's foot: its error line (returned) and its save button."""
    error = make_label("", "error", wrap=True)
    layout.addWidget(error)
    button = QPushButton(save_text)
    if name:
        button.setObjectName(name)
    button.clicked.connect(save)
    layout.addLayout(_row(button))
    return error


class NoticesPage(OpsPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.clinic = ""  # the clinic's name, for the preview (from the settings operation)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.addWidget(make_label(self.tr("اعلان‌های مشتری"), "title"))
        layout.addWidget(
            make_label(
                self.tr(
                    "اعلان‌های خدمت (پیش‌فاکتور، تحویل، رسید نابودی فایل‌ها، ثبت رضایت) بخشی از خدمت‌اند و برای همه "
                    "فرستاده می‌شوند. خبر رویدادها و تخفیف‌ها فقط برای مشتریانی فرستاده می‌شود که اجازه داده‌اند، "
                    "و هر پیام راه لغو دارد. تا ایمیل یا پیامک روشن نشود، هیچ پیامی فرستاده نمی‌شود."
                ),
                "hint",
                wrap=True,
            )
        )
        layout.addWidget(self._templates_box())
        layout.addWidget(self._email_box())
        layout.addWidget(self._sms_box())
        layout.addWidget(self._payment_box())
        layout.addWidget(self._marketing_box())
        layout.addStretch(1)
        self.ops.refresh_on(("clients", "notices"), self.refresh_counts)
        self.load()

    # ---- templates ---------------------------------------------------------------------------
    def _templates_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("قالب پیام‌ها"))
        box.setObjectName("templatesBox")
        layout = QVBoxLayout(box)
        self.kind = QComboBox()
        self.kind.setObjectName("templateKind")
        for kind in templates.KINDS:
            self.kind.addItem(notice_label(KIND_LABELS, kind), kind)
        self.lang = QComboBox()
        self.lang.setObjectName("templateLang")
        self.lang.addItem(self.tr("فارسی"), "fa")
        self.lang.addItem(self.tr("انگلیسی (برای مشتریانی که انگلیسی را انتخاب کرده‌اند)"), "en")
        self.lang.setCurrentIndex(self.lang.findData(ui_lang()))  # first the templates in the interface's language
        layout.addLayout(_row(self.kind, self.lang))
        form = QFormLayout()
        self.subject = line_edit("templateSubject")
        self.email_text = QPlainTextEdit()
        self.email_text.setObjectName("templateEmail")
        self.email_text.setFixedHeight(150)
        self.sms_text = QPlainTextEdit()
        self.sms_text.setObjectName("templateSms")
        self.sms_text.setFixedHeight(60)
        form.addRow(self.tr("موضوع ایمیل"), self.subject)
        form.addRow(self.tr("متن ایمیل"), self.email_text)
        form.addRow(self.tr("متن پیامک"), self.sms_text)
        layout.addLayout(form)
        self.fields = make_label("", "hint", wrap=True)
        layout.addWidget(self.fields)
        self.preview = make_label("", None, wrap=True)
        self.preview.setObjectName("templatePreview")
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        layout.addWidget(self.preview)
        self.reviewed = make_label("", "hint", wrap=True)
        self.reviewed.setObjectName("templatesReviewed")
        layout.addWidget(self.reviewed)
        self.template_error = make_label("", "error", wrap=True)
        layout.addWidget(self.template_error)
        save = role_button(self.tr("ذخیره و تأیید قالب"), "saveTemplate")
        save.clicked.connect(self.save_template)
        layout.addLayout(_row(save))
        self.kind.currentIndexChanged.connect(self.show_template)
        self.lang.currentIndexChanged.connect(self.show_template)
        for edit in (self.email_text, self.sms_text):
            edit.textChanged.connect(self.update_preview)
        self.subject.textChanged.connect(self.update_preview)
        return box

    def _current(self) -> tuple[str, str]:
        return str(self.kind.currentData()), str(self.lang.currentData())

    def show_template(self) -> None:
        """Ask for the chosen kind's texts in the chosen language (an answer for an earlier choice is dropped)."""
        kind, lang = self._current()
        names = "  ".join("{" + name + "}" for name in templates.FIELDS[kind])
        self.fields.setText(self.tr("فیلدهای مجاز: {0}").format(names))
        self.template_error.setText("")
        self.ops.run(
            "notices.template",
            TemplateRef(kind, lang),
            lambda texts: self._show_texts(kind, lang, texts),
            lambda exc: self.template_error.setText(error_text(exc)),
        )

    def _show_texts(self, kind: str, lang: str, texts: TemplateTexts) -> None:
        if self._current() != (kind, lang):
            return
        self.subject.setText(texts.subject)
        self.email_text.setPlainText(texts.email)
        self.sms_text.setPlainText(texts.sms)
        self.update_preview()

    def update_preview(self) -> None:
        kind, lang = self._current()
        values = templates.field_values(kind, templates.sample_facts(kind), lang, self.clinic)  # type: ignore[arg-type]
        subject = templates.substitute(self.subject.text(), values)
        text = templates.substitute(self.email_text.toPlainText(), values)
        sms = templates.substitute(self.sms_text.toPlainText(), values)
        self.preview.setText(
            self.tr("پیش‌نمایش (با داده‌های نمونه)") + f"\n\n{subject}\n\n{text}\n\n" + self.tr("پیامک:") + f" {sms}"
        )

    def save_template(self) -> None:
        kind, lang = self._current()
        texts = TemplateTexts(self.subject.text(), self.email_text.toPlainText(), self.sms_text.toPlainText())
        request = SaveTemplates(TemplateRef(kind, lang), texts)

        def saved(review: TemplateReview) -> None:
            self.template_error.setText("")
            self._show_review(review)

        self.ops.run("notices.save_templates", request, saved, lambda exc: self.template_error.setText(error_text(exc)))

    def _show_review(self, review: TemplateReview) -> None:
        if review.reviewed_by:
            self.reviewed.setText(
                self.tr("آخرین بازبینی: {0}، {1}").format(review.reviewed_by, show_datetime(review.reviewed_at))
            )
        else:
            self.reviewed.setText(self.tr("قالب‌های پیش‌فرض هنوز بازبینی نشده‌اند."))

    # ---- channels ----------------------------------------------------------------------------
    def _ca_row(self, name: str) -> tuple[QLineEdit, QHBoxLayout]:
        edit = line_edit(name, self.tr("اختیاری: گواهی مرجع (CA) ساخت کلینیک"))
        browse = QPushButton(self.tr("انتخاب…"))
        browse.clicked.connect(lambda: self._choose_file(edit))
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(browse)
        return edit, row

    def _choose_file(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("گواهی مرجع"), "", "PEM (*.pem *.crt)")
        if path:
            edit.setText(path)

    def _email_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("ایمیل از سرور ایمیل کلینیک"))
        layout = QVBoxLayout(box)
        self.email_on = QCheckBox(self.tr("فرستادن اعلان‌ها با ایمیل"))
        self.email_on.setObjectName("emailOn")
        layout.addWidget(self.email_on)
        form = QFormLayout()
        self.smtp_host = line_edit("smtpHost")
        self.smtp_port = QSpinBox()
        self.smtp_port.setRange(1, 65535)
        self.smtp_port.setValue(587)
        self.smtp_port.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.smtp_security = QComboBox()
        # a Persian line that starts with a Latin word: a right-to-left mark first, or Qt lays it out left to right
        rtl = "\u200f" if ui_lang() == "fa" else ""
        self.smtp_security.addItem(rtl + self.tr("STARTTLS (معمولاً درگاه ۵۸۷)"), "starttls")
        self.smtp_security.addItem(rtl + self.tr("TLS از ابتدا (معمولاً درگاه ۴۶۵)"), "tls")
        self.smtp_from = line_edit("smtpFrom")
        self.smtp_user = QLineEdit()
        self.smtp_password = QLineEdit()
        self.smtp_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.smtp_ca, ca_row = self._ca_row("smtpCa")
        form.addRow(self.tr("سرور"), self.smtp_host)
        form.addRow(self.tr("درگاه (پورت)"), self.smtp_port)
        form.addRow(self.tr("رمزگذاری"), self.smtp_security)
        form.addRow(self.tr("نشانی فرستنده"), self.smtp_from)
        form.addRow(self.tr("نام کاربری"), self.smtp_user)
        form.addRow(self.tr("گذرواژه"), self.smtp_password)
        form.addRow(self.tr("گواهی مرجع"), ca_row)
        layout.addLayout(form)
        layout.addWidget(
            make_label(self.tr("گواهی سرور همیشه بررسی می‌شود؛ ایمیل هرگز بدون رمزگذاری فرستاده نمی‌شود."), "hint", True)
        )
        self.email_error = _box_foot(layout, self.tr("ذخیرهٔ تنظیمات ایمیل"), self.save_email, "saveEmail")
        return box

    def _sms_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("پیامک از درگاه پیامک"))
        layout = QVBoxLayout(box)
        disclosure = make_label(
            self.tr(
                "درگاه پیامک شمارهٔ همراه مشتری و متن پیام را دریافت می‌کند. متن پیام‌ها کوتاه است: نام کلینیک، "
                "شمارهٔ سفارش، مبلغ و تاریخ؛ نه نام خدمت، نه اندازه‌ها، نه عکس."
            ),
            "error",
            wrap=True,
        )
        disclosure.setObjectName("gatewayDisclosure")
        layout.addWidget(disclosure)
        self.sms_on = QCheckBox(self.tr("فرستادن اعلان‌ها با پیامک (کاوه‌نگار)"))
        self.sms_on.setObjectName("smsOn")
        layout.addWidget(self.sms_on)
        form = QFormLayout()
        self.sms_key = QLineEdit()
        self.sms_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.sms_sender = QLineEdit()
        self.sms_url = QLineEdit(config.KAVENEGAR_BASE_URL)
        self.sms_ca, ca_row = self._ca_row("smsCa")
        form.addRow(self.tr("کلید API"), self.sms_key)
        form.addRow(self.tr("شمارهٔ خط فرستنده"), self.sms_sender)
        form.addRow(self.tr("نشانی درگاه"), self.sms_url)
        form.addRow(self.tr("گواهی مرجع"), ca_row)
        layout.addLayout(form)
        self.sms_error = _box_foot(layout, self.tr("ذخیرهٔ تنظیمات پیامک"), self.save_sms, "saveSms")
        return box

    def _payment_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("صفحهٔ پرداخت بانکی"))
        layout = QVBoxLayout(box)
        self.payment_url = line_edit("paymentUrl", self.tr("خالی: پرداخت در پذیرش از درگاه بانکی"))
        layout.addWidget(self.payment_url)
        layout.addWidget(
            make_label(self.tr("پیام‌ها هرگز شمارهٔ کارت نمی‌خواهند؛ فقط نشانی درگاه بانکی در آن‌ها می‌آید."), "hint", True)
        )
        self.payment_error = _box_foot(layout, self.tr("ذخیرهٔ نشانی پرداخت"), self.save_payment)
        return box

    def _marketing_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("خبر رویدادها و تخفیف‌ها"))
        layout = QVBoxLayout(box)
        self.opted_in = make_label("", "hint", wrap=True)
        layout.addWidget(self.opted_in)
        self.news = QPlainTextEdit()
        self.news.setObjectName("marketingText")
        self.news.setFixedHeight(60)
        layout.addWidget(self.news)
        send = QPushButton(self.tr("فرستادن برای مشتریانی که اجازه داده‌اند"))
        send.setObjectName("sendMarketing")
        send.clicked.connect(self.send_news)
        layout.addLayout(_row(send))
        self.opt_out_code = line_edit("optOutCode", self.tr("کد لغو اشتراکی که مشتری داده است"))
        opt_out = QPushButton(self.tr("لغو اشتراک"))
        opt_out.setObjectName("optOut")
        opt_out.clicked.connect(self.apply_opt_out)
        row = QHBoxLayout()
        row.addWidget(self.opt_out_code, 1)
        row.addWidget(opt_out)
        layout.addLayout(row)
        self.marketing_note = make_label("", None, wrap=True)
        layout.addWidget(self.marketing_note)
        return box

    # ---- loading and saving --------------------------------------------------------------------
    def load(self) -> None:
        """Ask for everything the page shows (read off the GUI thread), and the chosen template."""
        self.ops.run("notices.settings", NoRequest(), self._show_settings, self._load_failed)
        self.show_template()

    def refresh_counts(self) -> None:
        """After a change elsewhere: the review line and the opt-in count (the forms keep what is typed)."""
        self.ops.run("notices.settings", NoRequest(), self._show_counts, self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        self.marketing_note.setText(error_text(exc))

    def _show_counts(self, settings: NoticeSettings) -> None:
        self.clinic = settings.clinic
        self._show_review(settings.review)
        self.opted_in.setText(
            self.tr("{0} مشتری اجازهٔ دریافت خبرها را داده‌اند.").format(format_count(settings.opted_in, ui_lang()))
        )

    def _show_settings(self, settings: NoticeSettings) -> None:
        self._show_counts(settings)
        self.update_preview()
        email = settings.email
        self.email_on.setChecked(email is not None)
        if email is not None:
            self.smtp_host.setText(email.host)
            self.smtp_port.setValue(email.port)
            self.smtp_security.setCurrentIndex(max(0, self.smtp_security.findData(email.security)))
            self.smtp_from.setText(email.from_address)
            self.smtp_user.setText(email.username)
            self.smtp_password.setText(email.password)
            self.smtp_ca.setText(email.ca_file)
        sms = settings.sms
        self.sms_on.setChecked(sms is not None)
        if sms is not None:
            self.sms_key.setText(sms.api_key)
            self.sms_sender.setText(sms.sender)
            self.sms_url.setText(sms.base_url)
            self.sms_ca.setText(sms.ca_file)
        self.payment_url.setText(settings.payment_url)

    def _save(self, op: str, request: object, error: QLabel, then: Callable[[Any], None] | None = None) -> None:
        """Run one change; core's refusal is shown in `error`, else `error` is cleared and `then(result)` runs."""

        def done(result: Any) -> None:
            error.setText("")
            if then is not None:
                then(result)

        self.ops.run(op, request, done, lambda exc: error.setText(error_text(exc)))

    def save_email(self) -> None:
        cfg = None
        if self.email_on.isChecked():
            cfg = config.EmailConfig(
                self.smtp_host.text(),
                self.smtp_port.value(),
                str(self.smtp_security.currentData()),
                self.smtp_from.text(),
                self.smtp_user.text(),
                self.smtp_password.text(),
                self.smtp_ca.text(),
            )
        self._save("notices.configure_email", ConfigureEmail(cfg), self.email_error)

    def save_sms(self) -> None:
        cfg = None
        if self.sms_on.isChecked():
            cfg = config.SmsConfig(
                "kavenegar", self.sms_key.text(), self.sms_sender.text(), self.sms_url.text(), self.sms_ca.text()
            )
        self._save("notices.configure_sms", ConfigureSms(cfg), self.sms_error)

    def save_payment(self) -> None:
        self._save("notices.set_payment_url", SetPaymentUrl(self.payment_url.text()), self.payment_error)

    def send_news(self) -> None:
        def queued(count: int) -> None:
            self.news.clear()
            self.marketing_note.setText(self.tr("{0} پیام در صف ارسال است.").format(format_count(count, ui_lang())))

        self._save("notices.send_marketing", SendMarketing(self.news.toPlainText()), self.marketing_note, queued)

    def apply_opt_out(self) -> None:
        def done(_client_id: int) -> None:
            self.opt_out_code.clear()
            self.marketing_note.setText(self.tr("اشتراک خبرهای این مشتری لغو و ثبت شد."))

        self._save("notices.opt_out", OptOut(self.opt_out_code.text()), self.marketing_note, done)
