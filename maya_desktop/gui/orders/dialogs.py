"""Order dialogs: new order, quote (breakdown + override with reason), payment, consent, cancel,
destroy, break-glass. Each dialog runs one named operation on Save (core/operations/orders.py, through
PageOps, on the vault's database thread); a refusal is shown in place and nothing is stored. A change that
another desk made first (orders.conflict) closes the dialog: the order screen says so and reloads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jdatetime
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from maya_desktop.core.operations.orders import (
    CancelOrder,
    CreateOrder,
    IssueQuote,
    NoRequest,
    OrderChange,
    PreviewQuote,
    RecordConsent,
    RecordPayment,
    StartBreakGlass,
    is_conflict,
)
from maya_desktop.core.orders.breakglass import MAX_MINUTES, BreakGlass
from maya_desktop.core.orders.consent import METHODS
from maya_desktop.core.orders.model import Order
from maya_desktop.core.orders.quotes import Quote
from maya_desktop.core.orders.states import Service
from maya_desktop.core.persian import to_ascii_digits
from maya_desktop.core.session import Session
from maya_desktop.gui.client_picker import ClientPicker
from maya_desktop.gui.jalali_date import JalaliDateEdit
from maya_desktop.gui.labels import consent_method_label, service_label
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.orders.common import digits, grouped, lang, make_label, parse_toman
from maya_desktop.gui.orders.common import toman as show_toman
from maya_desktop.gui.page_ops import OpsDialog
from maya_desktop.gui.widgets import line_edit


class CoreDialog(OpsDialog):
    """Form + in-place error label + Save/Cancel. Subclasses build `self.form` and implement `apply()`."""

    save_text = QT_TRANSLATE_NOOP("CoreDialog", "ذخیره")

    def __init__(self, session: Session, title: str, parent: QWidget | None = None) -> None:
        super().__init__(session, title, parent)
        self.conflict: BaseException | None = None  # another desk changed the order first
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
        except Exception as exc:
            if is_conflict(exc):
                self.conflict = exc
                self.reject()
                return
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
        self.created = self.ops.call(
            "orders.create",
            CreateOrder(self.client.id, self.service.currentData(), self.notes.toPlainText() or None),
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
        # services and their prices (issue 15): the measurements behind them stay with the doctor
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("quoteLines")
        self.table.setHorizontalHeaderLabels([self.tr("خدمت"), self.tr("مبلغ")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
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
        self.override_total = line_edit("overrideTotal", self.tr("مبلغ به تومان"))
        self.override_days = QSpinBox()
        self.override_days.setRange(1, 365)
        self.override_days.setSuffix(self.tr(" روز"))
        self.override_days.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)  # typed; the arrows render badly RTL
        self.reason = line_edit("overrideReason", self.tr("دلیل تغییر قیمت (الزامی)"))
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
            quote = self.ops.call("orders.quote_preview", PreviewQuote(self.order.id, self.urgent.isChecked()))
        except MayaError as exc:
            self.show_error(exc)
            return
        self.computed = quote
        lines = quote.services()
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            label = line.label_fa if lang() == "fa" else line.label_en
            if line.code in ("per_extra_view", "per_word") and line.quantity > 1:
                label += f" ({digits(line.quantity)})"
            cells = (label, show_toman(line.amount_rial))
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
        self.issued = self.ops.call(
            "orders.issue_quote", IssueQuote(self.order.id, self.order.version, self.urgent.isChecked(), **kwargs)
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
        # the clinic's list (the manager keeps it on the prices page, issue 15); typed only while it is empty
        self.gateways: tuple[str, ...] = self.ops.call("payments.gateways", NoRequest()).names
        self.gateway = QComboBox()
        self.gateway.setObjectName("paymentGateway")
        self.gateway.addItems(list(self.gateways))
        self.gateway.setEditable(not self.gateways)
        if self.gateways:
            self.gateway.setPlaceholderText(self.tr("درگاه یا پایانه را انتخاب کنید"))
            self.gateway.setCurrentIndex(0 if len(self.gateways) == 1 else -1)
        else:
            self.gateway.lineEdit().setPlaceholderText(self.tr("مثلاً درگاه سامان یا کارت‌خوان ملت"))
        self.reference = line_edit("paymentReference", self.tr("شمارهٔ پیگیری یا مرجع تراکنش"))
        self.amount = QLineEdit(grouped(order.price_rial // 10) if order.price_rial else "")
        self.amount.setObjectName("paymentAmount")
        self.paid_on = JalaliDateEdit(dt.date.today())  # issue 15: Jalali calendar popup
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
        return self.ops.call(
            "orders.record_payment",
            RecordPayment(
                self.order.id, self.order.version, self.gateway.currentText(), self.reference.text(), amount, day
            ),
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
        for choice in self.ops.call("orders.doctors", NoRequest()):
            self.doctor.addItem(choice.display_name, choice.id)
        self.method = QComboBox()
        self.method.setObjectName("consentMethod")
        for method in METHODS:
            self.method.addItem(consent_method_label(method), method)
        self.method.setPlaceholderText(self.tr("روش رضایت را انتخاب کنید"))
        self.method.setCurrentIndex(-1)  # no default: reception chooses how the client consented (issue 15)
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
        self._allow_signed_form()
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
        self._allow_signed_form()

    def _allow_signed_form(self) -> None:
        """The signed-form method only with the scanned form attached (core refuses it otherwise too)."""
        item = self.method.model().item(self.method.findData("signed_form"))  # type: ignore[attr-defined]
        item.setEnabled(self.form_bytes is not None)
        if self.form_bytes is None and self.method.currentData() == "signed_form":
            self.method.setCurrentIndex(-1)

    def apply(self) -> Any:
        if self.doctor.currentData() is None:
            raise ValidationError("Choose an active doctor.", "یک پزشک فعال انتخاب کنید.", "doctor")
        method = self.method.currentData() if self.method.currentIndex() >= 0 else ""
        return self.ops.call(
            "orders.record_consent",
            RecordConsent(self.order.id, self.order.version, int(self.doctor.currentData()), method, self.form_bytes),
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
        self.reason = line_edit("cancelReason")
        self.form.addRow(self.tr("دلیل لغو"), self.reason)
        self.fields = {"cancel_reason": self.reason}
        self.save_button.setProperty("role", "danger")
        self.finish_layout()

    def apply(self) -> Any:
        return self.ops.call("orders.cancel", CancelOrder(self.order.id, self.order.version, self.reason.text()))


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
        return self.ops.call("orders.destroy", OrderChange(self.order.id, self.order.version))


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
        self.started = self.ops.call(
            "orders.break_glass_start", StartBreakGlass(self.order.id, self.reason.toPlainText(), self.minutes.value())
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
