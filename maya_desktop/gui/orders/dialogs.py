"""Order dialogs: new order, quote (breakdown + override with reason), payment, consent, cancel,
destroy, break-glass. Each dialog makes one core call on Save; a refusal is shown in place (Persian)
and nothing is stored. Core calls run on the session's database thread (gui.operations.call_core)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jdatetime
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.clients import Client
from maya_desktop.core.errors import MayaError, ValidationError
from maya_desktop.core.orders.breakglass import MAX_MINUTES, BreakGlass, start_break_glass
from maya_desktop.core.orders.consent import METHODS, available_doctors, record_consent
from maya_desktop.core.orders.destruction import cancel_order, destroy_order_now
from maya_desktop.core.orders.model import Order
from maya_desktop.core.orders.payments import record_payment
from maya_desktop.core.orders.quotes import Quote, compute_quote, issue_quote
from maya_desktop.core.orders.records import create_order
from maya_desktop.core.orders.states import Service
from maya_desktop.core.persian import format_jalali_date, to_ascii_digits
from maya_desktop.core.session import Session
from maya_desktop.gui.client_picker import ClientPicker
from maya_desktop.gui.labels import consent_method_label, service_label
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.operations import call_core
from maya_desktop.gui.orders.common import digits, grouped, lang, make_label, parse_toman
from maya_desktop.gui.orders.common import toman as show_toman


class CoreDialog(QDialog):
    """Form + in-place error label + Save/Cancel. Subclasses build `self.form` and implement `apply()`."""

    save_text = QT_TRANSLATE_NOOP("CoreDialog", "ذخیره")

    def __init__(self, session: Session, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.outer.addLayout(self.form)
        self.error = make_label("", "error", wrap=True)
        self.error.setObjectName("dialogError")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(QCoreApplication.translate("CoreDialog", self.save_text))
        self.save_button.setProperty("role", "primary")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.fields: dict[str, QWidget] = {}

    def finish_layout(self) -> None:
        self.outer.addWidget(self.error)
        self.outer.addWidget(self.buttons)

    def apply(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def show_error(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc))
        self.error.show()
        field = getattr(exc, "field", None) if isinstance(exc, ValidationError) else None
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def save(self) -> None:
        try:
            self.result_value = self.apply()
        except MayaError as exc:
            self.show_error(exc)
            return
        except Exception as exc:
            self.show_error(exc)
            return
        self.error.hide()
        self.accept()


# ---- new order -----------------------------------------------------------------------------------
class NewOrderDialog(CoreDialog):
    """Choose a client by type-ahead (or come with one from the clients page), a service and notes."""

    save_text = QT_TRANSLATE_NOOP("CoreDialog", "ثبت سفارش")

    def __init__(self, session: Session, client_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("سفارش جدید"), parent)
        self.created: Order | None = None
        self.picker = ClientPicker(session)
        self.picker.failed.connect(self.show_error)
        self.search = self.picker.search
        self.search.setObjectName("orderClientSearch")
        self.results = self.picker.results
        self.results.setObjectName("orderClientResults")
        self.chosen = self.picker.chosen
        self.service = QComboBox()
        for service in Service:
            self.service.addItem(service_label(service), service.value)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("اختیاری؛ شمارهٔ کارت یا اطلاعات بانکی ننویسید."))
        self.notes.setMaximumHeight(80)
        self.form.addRow(self.tr("مشتری"), self.picker)
        self.form.addRow(self.tr("خدمت"), self.service)
        self.form.addRow(self.tr("یادداشت"), self.notes)
        self.fields = {"client": self.search, "notes": self.notes}
        self.finish_layout()
        self.picker.start(client_id)

    @property
    def client(self) -> Client | None:
        return self.picker.client

    def apply(self) -> Order:
        if self.client is None:
            raise ValidationError("Choose a client.", "یک مشتری انتخاب کنید.", "client")
        self.created = call_core(
            self.session,
            create_order,
            self.session,
            self.client.id,
            self.service.currentData(),
            self.notes.toPlainText() or None,
        )
        return self.created


# ---- quote ---------------------------------------------------------------------------------------
class QuoteDialog(CoreDialog):
    """The computed breakdown (from the analysis and the price rules), urgency, and a manual override."""

    save_text = QT_TRANSLATE_NOOP("CoreDialog", "صدور قیمت")

    def __init__(self, session: Session, order: Order, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("اعلام قیمت"), parent)
        self.order = order
        self.issued: Quote | None = None
        self.computed: Quote | None = None
        self.setMinimumWidth(560)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("quoteLines")
        self.table.setHorizontalHeaderLabels([self.tr("شرح"), self.tr("تعداد"), self.tr("مبلغ")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(240)
        self.total = make_label("", "subtitle")
        self.total.setObjectName("quoteTotal")
        self.urgent = QCheckBox(self.tr("فوری"))
        self.urgent.setChecked(order.urgent)
        self.outer.insertWidget(0, self.table)
        self.outer.insertWidget(1, self.total)
        self.form.addRow("", self.urgent)

        self.override = QGroupBox(self.tr("تغییر دستی قیمت"))
        self.override.setObjectName("quoteOverride")
        self.override.setCheckable(True)
        self.override.setChecked(False)
        box = QFormLayout(self.override)
        self.override_total = QLineEdit()
        self.override_total.setObjectName("overrideTotal")
        self.override_total.setPlaceholderText(self.tr("مبلغ به تومان"))
        self.override_days = QSpinBox()
        self.override_days.setRange(1, 365)
        self.override_days.setSuffix(self.tr(" روز"))
        self.override_days.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)  # typed; the arrows render badly RTL
        self.reason = QLineEdit()
        self.reason.setObjectName("overrideReason")
        self.reason.setPlaceholderText(self.tr("دلیل تغییر قیمت (الزامی)"))
        box.addRow(self.tr("مبلغ نهایی (تومان)"), self.override_total)
        box.addRow(self.tr("زمان تحویل"), self.override_days)
        box.addRow(self.tr("دلیل"), self.reason)
        self.outer.addWidget(self.override)
        self.fields = {
            "total": self.override_total,
            "turnaround_days": self.override_days,
            "override_reason": self.reason,
        }
        self.finish_layout()
        self.urgent.toggled.connect(self.recompute)
        self.recompute()

    def recompute(self) -> None:
        try:
            quote = call_core(self.session, compute_quote, self.session, self.order.id, self.urgent.isChecked())
        except MayaError as exc:
            self.show_error(exc)
            return
        self.computed = quote
        self.table.setRowCount(len(quote.lines))
        for row, line in enumerate(quote.lines):
            label = line.label_fa if lang() == "fa" else line.label_en
            cells = (label, digits(line.quantity), show_toman(line.amount_rial))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.total.setText(
            self.tr("جمع: {0} — زمان تحویل: {1} روز").format(
                show_toman(quote.total_rial), digits(quote.turnaround_days)
            )
        )
        if not self.override.isChecked():
            self.override_total.setText(grouped(quote.total_rial // 10))
            self.override_days.setValue(quote.turnaround_days)

    def apply(self) -> Quote:
        kwargs: dict[str, Any] = {}
        if self.override.isChecked():
            kwargs = {
                "override_total_rial": parse_toman(self.override_total.text(), "total"),
                "override_turnaround_days": self.override_days.value(),
                "reason": self.reason.text(),
            }
        self.issued = call_core(
            self.session, issue_quote, self.session, self.order.id, self.urgent.isChecked(), **kwargs
        )
        return self.issued


# ---- payment -------------------------------------------------------------------------------------
def parse_jalali(
    text: str, field: str = "paid_on", label_en: str = "Payment date", label_fa: str = "تاریخ پرداخت"
) -> dt.date:
    """A Jalali date typed as YYYY/MM/DD (any digits) -> the Gregorian date."""
    raw = to_ascii_digits((text or "").strip()).replace("-", "/")
    try:
        year, month, day = (int(p) for p in raw.split("/"))
        return jdatetime.date(year, month, day).togregorian()
    except (ValueError, TypeError) as exc:
        raise ValidationError(
            f"{label_en}: YYYY/MM/DD (Jalali).", f"{label_fa} را به شکل ۱۴۰۵/۰۹/۰۴ بنویسید.", field
        ) from exc


class PaymentDialog(CoreDialog):
    """Gateway/terminal name + tracking number + amount + date. There is no card field (P4)."""

    save_text = QT_TRANSLATE_NOOP("CoreDialog", "ثبت پرداخت")

    def __init__(self, session: Session, order: Order, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("ثبت پرداخت"), parent)
        self.order = order
        self.gateway = QLineEdit()
        self.gateway.setObjectName("paymentGateway")
        self.gateway.setPlaceholderText(self.tr("مثلاً درگاه سامان یا کارت‌خوان ملت"))
        self.reference = QLineEdit()
        self.reference.setObjectName("paymentReference")
        self.reference.setPlaceholderText(self.tr("شمارهٔ پیگیری یا مرجع تراکنش"))
        self.amount = QLineEdit(grouped(order.price_rial // 10) if order.price_rial else "")
        self.amount.setObjectName("paymentAmount")
        self.paid_on = QLineEdit(format_jalali_date(dt.date.today(), lang()))  # type: ignore[arg-type]
        self.paid_on.setObjectName("paymentDate")
        self.form.addRow(self.tr("درگاه یا پایانه"), self.gateway)
        self.form.addRow(self.tr("شمارهٔ پیگیری"), self.reference)
        self.form.addRow(self.tr("مبلغ (تومان)"), self.amount)
        self.form.addRow(self.tr("تاریخ پرداخت"), self.paid_on)
        note = make_label(self.tr("شمارهٔ کارت بانکی را هرگز وارد نکنید؛ فقط شمارهٔ پیگیری درگاه."), "hint", wrap=True)
        self.outer.addWidget(note)
        self.fields = {
            "gateway": self.gateway,
            "reference": self.reference,
            "amount": self.amount,
            "paid_on": self.paid_on,
        }
        self.finish_layout()

    def apply(self) -> Any:
        amount = parse_toman(self.amount.text())
        day = parse_jalali(self.paid_on.text())
        return call_core(
            self.session,
            record_payment,
            self.session,
            self.order.id,
            self.gateway.text(),
            self.reference.text(),
            amount,
            day,
        )


# ---- consent -------------------------------------------------------------------------------------
class ConsentDialog(CoreDialog):
    """Which doctor the client allows, how the consent was given, and an optional scanned form."""

    save_text = QT_TRANSLATE_NOOP("CoreDialog", "ثبت رضایت")

    def __init__(self, session: Session, order: Order, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("ثبت رضایت مشتری"), parent)
        self.order = order
        self.form_bytes: bytes | None = None
        self.doctor = QComboBox()
        self.doctor.setObjectName("consentDoctor")
        for choice in call_core(session, available_doctors, session):
            self.doctor.addItem(choice.display_name, choice.id)
        self.method = QComboBox()
        self.method.setObjectName("consentMethod")
        for method in METHODS:
            self.method.addItem(consent_method_label(method), method)
        form_row = QHBoxLayout()
        self.form_button = QPushButton(self.tr("انتخاب فرم اسکن‌شده…"))
        self.form_button.setObjectName("consentFormButton")
        self.form_label = make_label(self.tr("بدون فرم"), "hint")
        self.form_clear = QPushButton(self.tr("حذف"))
        self.form_clear.setProperty("role", "flat")
        self.form_clear.setEnabled(False)
        form_row.addWidget(self.form_button)
        form_row.addWidget(self.form_label, 1)
        form_row.addWidget(self.form_clear)
        self.form.addRow(self.tr("پزشک"), self.doctor)
        self.form.addRow(self.tr("روش رضایت"), self.method)
        self.form.addRow(self.tr("فرم (اختیاری)"), form_row)
        explain = make_label(
            self.tr("پس از ثبت، فقط همین پزشک به فایل‌های این سفارش دسترسی دارد. تا پیش از شروع بررسی قابل لغو است."),
            "hint",
            wrap=True,
        )
        self.outer.addWidget(explain)
        self.fields = {"doctor": self.doctor, "method": self.method, "form": self.form_button}
        self.finish_layout()
        self.form_button.clicked.connect(self.choose_form)
        self.form_clear.clicked.connect(lambda: self.set_form(None, ""))

    def choose_form(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("فرم رضایت اسکن‌شده"), "", self.tr("PDF یا عکس (*.pdf *.jpg *.jpeg *.png *.heic *.webp)")
        )
        if path:
            self.load_form_file(Path(path))

    def load_form_file(self, path: Path) -> None:
        try:
            data = path.read_bytes()  # kept in memory only; core encrypts it
        except OSError:
            self.show_error(ValidationError("The file could not be read.", "فایل خوانده نشد.", "form"))
            return
        self.set_form(data, path.name)

    def set_form(self, data: bytes | None, name: str) -> None:
        self.form_bytes = data
        self.form_label.setText(name if data is not None else self.tr("بدون فرم"))
        self.form_clear.setEnabled(data is not None)

    def apply(self) -> Any:
        if self.doctor.currentData() is None:
            raise ValidationError("Choose an active doctor.", "یک پزشک فعال انتخاب کنید.", "doctor")
        return call_core(
            self.session,
            record_consent,
            self.session,
            self.order.id,
            int(self.doctor.currentData()),
            self.method.currentData(),
            self.form_bytes,
        )


# ---- cancel / destroy ----------------------------------------------------------------------------
class CancelDialog(CoreDialog):
    save_text = QT_TRANSLATE_NOOP("CoreDialog", "لغو سفارش و نابودی فایل‌ها")

    def __init__(self, session: Session, order: Order, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("لغو سفارش"), parent)
        self.order = order
        warning = make_label(
            self.tr("با لغو سفارش، همهٔ عکس‌ها و فایل‌های آن همین حالا برای همیشه نابود می‌شوند."), "error", wrap=True
        )
        self.outer.insertWidget(0, warning)
        self.reason = QLineEdit()
        self.reason.setObjectName("cancelReason")
        self.form.addRow(self.tr("دلیل لغو"), self.reason)
        self.fields = {"cancel_reason": self.reason}
        self.save_button.setProperty("role", "danger")
        self.finish_layout()

    def apply(self) -> Any:
        return call_core(self.session, cancel_order, self.session, self.order.id, self.reason.text())


class DestroyDialog(CoreDialog):
    """The client asked: destroy the files now. A checkbox must be ticked to enable the button."""

    save_text = QT_TRANSLATE_NOOP("CoreDialog", "نابودی همیشگی")

    def __init__(self, session: Session, order: Order, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("نابودی فایل‌های سفارش"), parent)
        self.order = order
        warning = make_label(
            self.tr(
                "همهٔ عکس‌ها، تحلیل‌ها، گزارش و فرم‌های این سفارش برای همیشه نابود می‌شوند و بازگرداندنی نیستند. "
                "فقط مبلغ و تاریخ‌ها برای حسابداری می‌ماند."
            ),
            "error",
            wrap=True,
        )
        self.outer.insertWidget(0, warning)
        self.confirm = QCheckBox(self.tr("مشتری درخواست نابودی کرده است و از نتیجه آگاهم."))
        self.confirm.setObjectName("destroyConfirm")
        self.form.addRow(self.confirm)
        self.save_button.setProperty("role", "danger")
        self.save_button.setEnabled(False)
        self.confirm.toggled.connect(self.save_button.setEnabled)
        self.finish_layout()

    def apply(self) -> Any:
        return call_core(self.session, destroy_order_now, self.session, self.order.id)


# ---- break-glass ---------------------------------------------------------------------------------
class BreakGlassDialog(CoreDialog):
    """Manager's emergency access to one order's files: reason required, at most 60 minutes, logged."""

    save_text = QT_TRANSLATE_NOOP("CoreDialog", "شروع دسترسی اضطراری")

    def __init__(self, session: Session, order: Order, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("دسترسی اضطراری"), parent)
        self.order = order
        self.started: BreakGlass | None = None
        explain = make_label(
            self.tr("این دسترسی در گزارش رویدادها ثبت می‌شود. فقط در صورت ضرورت و برای کمترین زمان لازم."),
            "hint",
            wrap=True,
        )
        self.outer.insertWidget(0, explain)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("breakGlassReason")
        self.reason.setMaximumHeight(90)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("breakGlassMinutes")
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setValue(15)
        self.minutes.setSuffix(self.tr(" دقیقه"))
        self.minutes.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.form.addRow(self.tr("دلیل (الزامی)"), self.reason)
        self.form.addRow(self.tr("مدت"), self.minutes)
        self.fields = {"reason": self.reason, "minutes": self.minutes}
        self.save_button.setProperty("role", "danger")
        self.finish_layout()

    def apply(self) -> BreakGlass:
        self.started = call_core(
            self.session,
            start_break_glass,
            self.session,
            self.order.id,
            self.reason.toPlainText(),
            self.minutes.value(),
        )
        return self.started


__all__ = [
    "BreakGlassDialog",
    "CancelDialog",
    "ConsentDialog",
    "CoreDialog",
    "DestroyDialog",
    "NewOrderDialog",
    "PaymentDialog",
    "QuoteDialog",
    "parse_jalali",
]
