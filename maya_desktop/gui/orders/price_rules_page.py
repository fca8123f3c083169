"""Price rules (manager, permission "prices.manage"): the numbers quotes are computed from.

Money is typed and shown in Toman (stored in Rial); counts, days and percents as plain numbers.
Per-measurement rules ("finding:<key>") override the price of one out-of-range measurement (the quote still
shows them as one service line). Below, the clinic's payment gateways / card terminals that reception chooses
from (issue 15). Everything goes through the prices.* / payments.* operations (PageOps).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.errors import MayaError, ValidationError
from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.operations.prices import Gateways, PriceRuleRef, ServiceRef, SetPriceRule
from maya_desktop.core.orders.quotes import FINDING_PREFIX, RULE_NAMES
from maya_desktop.core.orders.states import Service
from maya_desktop.core.session import Session
from maya_desktop.gui.labels import service_label
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.orders.common import (
    digits,
    grouped,
    lang,
    make_label,
    parse_int,
    parse_toman,
)
from maya_desktop.gui.page_ops import NewestAnswer, NumberedReads, PageOps
from maya_desktop.gui.widgets import role_button

MONEY_RULES = frozenset({"base", "per_extra_view", "per_finding", "per_word"})
DAY_RULES = frozenset({"turnaround_days", "urgent_turnaround_days"})
PERCENT_RULES = frozenset({"urgent_percent"})
RULES_BY_SERVICE: dict[Service, tuple[str, ...]] = {
    Service.RHINOPLASTY_ANALYSIS: (
        "base",
        "included_views",
        "per_extra_view",
        "per_finding",
        "max_charged_findings",
        "turnaround_days",
        "urgent_percent",
        "urgent_turnaround_days",
    ),
    Service.CONFIDENTIAL_DOCUMENT: (
        "base",
        "per_word",
        "words_per_day",
        "turnaround_days",
        "urgent_percent",
        "urgent_turnaround_days",
    ),
}
RULE_ROLE = Qt.ItemDataRole.UserRole + 2


def is_money(rule: str) -> bool:
    return rule in MONEY_RULES or rule.startswith(FINDING_PREFIX)


class PriceRulesPage(QWidget, NumberedReads):
    """The rules and gateways are read without waiting: both reads of one refresh are numbered together and
    shown together when both answered, unless a newer refresh is shown already; the previous values stay
    meanwhile. `rows_shown` when shown, `loading` until every read answered. Saving stores the rows shown
    under the service they were read for (`shown_service`), even if another service was chosen meanwhile."""

    rows_shown = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ops = PageOps(self, session)
        self.loaded: dict[str, int] = {}
        self.shown_service: Service | None = None  # the service whose rules the table shows
        self.reads = NewestAnswer()  # refreshes (a refresh answered: both reads answered, or one refused)
        layout = QVBoxLayout(self)
        layout.addWidget(make_label(self.tr("قیمت‌ها و زمان تحویل"), "title"))
        layout.addWidget(
            make_label(
                self.tr("قیمت هر سفارش از این قاعده‌ها و نتیجهٔ تحلیل محاسبه می‌شود. مبلغ‌ها به تومان است."),
                "hint",
                wrap=True,
            )
        )
        bar = QHBoxLayout()
        self.service = QComboBox()
        self.service.setObjectName("priceService")
        for service in Service:
            self.service.addItem(service_label(service), service.value)
        self.add_button = QPushButton(self.tr("قیمت ویژهٔ یک اندازه…"))
        self.add_button.setObjectName("addFindingRule")
        self.delete_button = QPushButton(self.tr("حذف قیمت ویژه"))
        self.delete_button.setObjectName("deleteFindingRule")
        self.save_button = role_button(self.tr("ذخیرهٔ تغییرها"), "savePrices")
        bar.addWidget(self.service)
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.save_button)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("priceTable")
        self.table.setHorizontalHeaderLabels([self.tr("قاعده"), self.tr("مقدار"), self.tr("واحد")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(110)
        layout.addWidget(self.table, 1)
        self.status = make_label("", "success", wrap=True)
        self.status.setObjectName("priceStatus")
        self.status.hide()
        layout.addWidget(self.status)

        self.gateways_box = QGroupBox(self.tr("درگاه‌ها و کارت‌خوان‌های پرداخت"))
        self.gateways_box.setObjectName("paymentGateways")
        box = QVBoxLayout(self.gateways_box)
        box.addWidget(make_label(self.tr("پذیرش هنگام ثبت پرداخت یکی از این‌ها را انتخاب می‌کند."), "hint", wrap=True))
        self.gateway_list = QListWidget()
        self.gateway_list.setObjectName("gatewayList")
        self.gateway_list.setMaximumHeight(100)  # three rows; 140 left the rules' last row cut at 1366 × 768
        box.addWidget(self.gateway_list)
        row = QHBoxLayout()
        self.add_gateway_button = QPushButton(self.tr("افزودن درگاه…"))
        self.add_gateway_button.setObjectName("addGateway")
        self.remove_gateway_button = QPushButton(self.tr("حذف درگاه"))
        self.remove_gateway_button.setObjectName("removeGateway")
        row.addWidget(self.add_gateway_button)
        row.addWidget(self.remove_gateway_button)
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(self.gateways_box)
        self.add_gateway_button.clicked.connect(self.ask_gateway)
        self.remove_gateway_button.clicked.connect(self.remove_selected_gateway)
        self.ops.refresh_on(("prices", "payment_gateways"), self.refresh)

        self.service.currentIndexChanged.connect(self.refresh)
        self.save_button.clicked.connect(self.save)
        self.add_button.clicked.connect(self.add_finding_rule)
        self.delete_button.clicked.connect(self.delete_selected)
        self.refresh()

    @property
    def current_service(self) -> Service:
        return Service(self.service.currentData())

    def _label(self, rule: str) -> str:
        if rule.startswith(FINDING_PREFIX):
            return self.tr("اندازهٔ «{0}» خارج از محدوده").format(rule.removeprefix(FINDING_PREFIX))
        en, fa = RULE_NAMES.get(rule, (rule, rule))
        return fa if lang() == "fa" else en

    def _unit(self, rule: str) -> str:
        if is_money(rule):
            return self.tr("تومان")
        if rule in DAY_RULES:
            return self.tr("روز")
        if rule in PERCENT_RULES:
            return self.tr("درصد")
        return self.tr("عدد")

    def refresh(self) -> None:
        if self.session.locked:
            return
        mine = self.reads.ask()
        service = self.current_service
        answers: dict[str, Any] = {}
        refused: list[BaseException] = []

        def answered(key: str) -> Any:
            def store(result: Any) -> None:
                answers[key] = result
                if len(answers) == 2:
                    self.reads.answered(mine)
                    if self.reads.take(mine):
                        self._show(service, answers["rules"].rules, answers["gateways"].names)

            return store

        def failed(exc: BaseException) -> None:
            refused.append(exc)
            if len(refused) > 1:
                return  # one refresh says it once
            self.reads.answered(mine)
            if self.reads.is_newer(mine):
                self._say(error_text(exc), ok=False)

        self.ops.run("prices.rules", ServiceRef(service.value), answered("rules"), failed)
        self.ops.run("payments.gateways", NoRequest(), answered("gateways"), failed)

    def _show(self, service: Service, rules: dict[str, int], gateways: tuple[str, ...]) -> None:
        self.loaded = rules
        self.shown_service = service
        self.gateway_list.clear()
        self.gateway_list.addItems(list(gateways))
        names = list(RULES_BY_SERVICE[service])
        names += sorted(r for r in rules if r not in names)
        self.table.setRowCount(len(names))
        for row, rule in enumerate(names):
            label = QTableWidgetItem(self._label(rule))
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            label.setData(RULE_ROLE, rule)
            value = rules.get(rule)
            shown = "" if value is None else (grouped(value // 10) if is_money(rule) else digits(value))
            amount = QTableWidgetItem(shown)
            amount.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            unit = QTableWidgetItem(self._unit(rule))
            unit.setFlags(unit.flags() & ~Qt.ItemFlag.ItemIsEditable)
            unit.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, 0, label)
            self.table.setItem(row, 1, amount)
            self.table.setItem(row, 2, unit)
        self.rows_shown.emit()

    def _value(self, rule: str, text: str) -> int:
        if is_money(rule):
            return parse_toman(text)
        return parse_int(text, "amount", self._label(rule))

    def save(self) -> int:
        """Store every changed row; returns how many were stored. Stops at the first refusal."""
        service = self.shown_service
        if service is None:
            return 0  # nothing read yet
        changed = 0
        for row in range(self.table.rowCount()):
            rule = self.table.item(row, 0).data(RULE_ROLE)
            text = self.table.item(row, 1).text().strip()
            if not text:
                continue
            try:
                value = self._value(rule, text)
                old = self.loaded.get(rule)
                if old is not None and (old // 10 * 10 if is_money(rule) else old) == value:
                    continue  # unchanged (Toman display drops odd Rials; do not round a stored value)
                self.ops.call("prices.set_rule", SetPriceRule(service.value, rule, value))
                self.loaded = {**self.loaded, rule: value}  # stored (the table is read again without waiting)
            except MayaError as exc:
                self.table.setCurrentCell(row, 1)
                self._say(f"{self._label(rule)}: {error_text(exc)}", ok=False)
                return changed
            changed += 1
        self.refresh()
        self._say(self.tr("{0} قاعده ذخیره شد.").format(digits(changed)), ok=True)
        return changed

    def add_finding_rule(self) -> None:
        key, ok = QInputDialog.getText(
            self, self.tr("قیمت ویژهٔ یک اندازه"), self.tr("کلید اندازه (مثلاً nasolabial_angle):")
        )
        if ok and key.strip():
            self.add_rule(FINDING_PREFIX + key.strip(), 0)

    def add_rule(self, rule: str, amount_rial: int) -> None:
        try:
            self.ops.call("prices.set_rule", SetPriceRule(self.current_service.value, rule, amount_rial))
        except MayaError as exc:
            self._say(error_text(exc), ok=False)
            return
        self.refresh()

    def delete_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        rule = self.table.item(rows[0].row(), 0).data(RULE_ROLE)
        service = self.shown_service
        if service is None or not str(rule).startswith(FINDING_PREFIX):
            self._say(
                error_text(ValidationError("Only special prices can be deleted.", "فقط قیمت‌های ویژه حذف می‌شوند.")),
                ok=False,
            )
            return
        try:
            self.ops.call("prices.delete_rule", PriceRuleRef(service.value, rule))
        except MayaError as exc:
            self._say(error_text(exc), ok=False)
            return
        self.refresh()

    # ---- payment gateways ---------------------------------------------------------------------------
    def gateways(self) -> list[str]:
        return [self.gateway_list.item(n).text() for n in range(self.gateway_list.count())]

    def ask_gateway(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("درگاه یا کارت‌خوان"), self.tr("نام درگاه یا کارت‌خوان (مثلاً کارت‌خوان ملت):")
        )
        if ok and name.strip():
            self.set_gateways([*self.gateways(), name])

    def remove_selected_gateway(self) -> None:
        row = self.gateway_list.currentRow()
        if row >= 0:
            names = self.gateways()
            del names[row]
            self.set_gateways(names)

    def set_gateways(self, names: list[str]) -> bool:
        try:
            self.ops.call("payments.set_gateways", Gateways(tuple(names)))
        except MayaError as exc:
            self._say(error_text(exc), ok=False)
            return False
        self.refresh()
        self._say(self.tr("فهرست درگاه‌ها ذخیره شد."), ok=True)
        return True

    def _say(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        self.status.setProperty("role", "success" if ok else "error")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.show()
