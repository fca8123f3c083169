"""The printed quote and receipt of an order, as plain data (rendered to PDF by maya_desktop.reports.order_documents).

What the client reads: the clinic, the client's name, the services and their prices, the total and turnaround,
and (receipt) each payment's gateway, reference, amount and date. The quote's analysis lines (one per
out-of-range measurement) are the doctor's business: for the client they are one line, "detailed analysis of
N measurements", with their summed price. Both texts of every label travel (English and Persian) so the
renderer can print either language. Reception and managers only (the stored quote's permission). Reading the
data shows nothing the order screen does not; once the window has printed it or written the PDF where the person
chose, `orders.document_issued` records that in the audit log (kind, language, printer or file: nothing personal).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from maya_desktop.core.errors import NotFound, StateError, ValidationError
from maya_desktop.core.operations.catalogue import OrderRef
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.model import load_order
from maya_desktop.core.orders.payments import list_payments
from maya_desktop.core.orders.quotes import FINDING_PREFIX, Quote, QuoteLine, stored_quote
from maya_desktop.core.orders.states import Status
from maya_desktop.core.session import Session

SERVICE_NAMES: dict[str, tuple[str, str]] = {  # service -> (English, Persian)
    "rhinoplasty_analysis": ("Facial analysis for rhinoplasty", "تحلیل چهره برای جراحی بینی"),
    "confidential_document": ("Confidential document (translation / editing)", "سند محرمانه (ترجمه / ویرایش)"),
}
# The quote's line codes as the client reads them (core.orders.quotes.RULE_NAMES are the manager's words).
CLIENT_LINE_NAMES: dict[str, tuple[str, str]] = {
    "per_extra_view": ("Extra photo views", "نماهای اضافهٔ عکس"),
    "per_word": ("Words", "واژه‌ها"),
    "urgent_percent": ("Urgent service", "خدمت فوری"),
    "override": ("Price adjustment", "تعدیل قیمت"),
}
FINDINGS_LINE = ("Detailed analysis of {n} measurements", "بررسی تفصیلی {n} اندازه")
DONE_STATES = frozenset({Status.CANCELLED, Status.EXPIRED})


ISSUED_HOW = frozenset({"pdf", "printer"})


@dataclass(frozen=True)
class DocumentIssued:
    """The window printed the document, or wrote its PDF where the person chose."""

    order_id: int
    kind: str  # "quote" | "receipt"
    lang: str  # "fa" | "en"
    how: str  # "pdf" | "printer"


@dataclass(frozen=True)
class DocumentLine:
    code: str  # base | per_extra_view | findings | per_word | urgent_percent | override
    label_en: str
    label_fa: str
    quantity: int
    amount_rial: int


@dataclass(frozen=True)
class PaymentLine:
    receipt_no: int  # the payment's id
    gateway: str
    reference: str
    amount_rial: int
    paid_on: dt.date


@dataclass(frozen=True)
class OrderDocument:
    kind: str  # "quote" | "receipt"
    clinic_name: str
    client_name: str
    order_id: int
    service: str
    service_en: str
    service_fa: str
    issued_on: dt.date  # today, local calendar day
    quoted_on: dt.date | None
    lines: tuple[DocumentLine, ...]
    total_rial: int
    turnaround_days: int
    urgent: bool
    payments: tuple[PaymentLine, ...] = ()

    @property
    def paid_rial(self) -> int:
        return sum(p.amount_rial for p in self.payments)


def client_lines(quote: Quote) -> tuple[DocumentLine, ...]:
    """The quote's lines as services: the measurement lines folded into one."""
    lines: list[DocumentLine] = []
    findings: list[QuoteLine] = [line for line in quote.lines if line.code.startswith(FINDING_PREFIX)]
    for line in quote.lines:
        if line.code.startswith(FINDING_PREFIX):
            if line is findings[0]:
                n = len(findings)
                lines.append(
                    DocumentLine(
                        "findings",
                        FINDINGS_LINE[0].format(n=n),
                        FINDINGS_LINE[1].format(n=n),
                        n,
                        sum(f.amount_rial for f in findings),
                    )
                )
            continue
        if line.code == "base":
            continue  # the service itself, named by the caller
        en, fa = CLIENT_LINE_NAMES.get(line.code, (line.label_en, line.label_fa))
        lines.append(DocumentLine(line.code, en, fa, line.quantity, line.amount_rial))
    return tuple(lines)


def _build(session: Session, request: OrderRef, kind: str) -> OrderDocument:
    quote = stored_quote(session, request.order_id)  # orders.write: reception and managers
    order = load_order(session.conn, request.order_id)
    if order.status == Status.DESTROYED or order.client_id is None:
        raise NotFound.coded("orders.order_was_destroyed")
    if quote is None:
        raise StateError.coded("orders.no_quote_to_print")
    payments: tuple[PaymentLine, ...] = ()
    if kind == "receipt":
        payments = tuple(
            PaymentLine(p.id, p.gateway, p.reference or "", p.amount_rial, dt.date.fromisoformat(p.paid_on))
            for p in list_payments(session, order.id)
        )
        if not payments:
            raise StateError.coded("orders.no_payment_to_print")
    elif order.status in DONE_STATES:
        raise StateError.coded("orders.quote_no_longer_valid")
    first, last = session.conn.execute(
        "SELECT first_name, last_name FROM clients WHERE id = ?", (order.client_id,)
    ).fetchone()
    clinic = str(session.conn.execute("SELECT name FROM clinic").fetchone()[0])
    base = next((line for line in quote.lines if line.code == "base"), None)
    service_en, service_fa = SERVICE_NAMES.get(order.service.value, (order.service.value, order.service.value))
    lines = (
        DocumentLine("base", service_en, service_fa, 1, base.amount_rial if base else 0),
        *client_lines(quote),
    )
    return OrderDocument(
        kind=kind,
        clinic_name=clinic,
        client_name=f"{first} {last}",
        order_id=order.id,
        service=order.service.value,
        service_en=service_en,
        service_fa=service_fa,
        issued_on=clock.now().astimezone().date(),
        quoted_on=clock.parse(order.quoted_at).astimezone().date() if order.quoted_at else None,
        lines=lines,
        total_rial=quote.total_rial,
        turnaround_days=quote.turnaround_days,
        urgent=quote.urgent,
        payments=payments,
    )


@operation("orders.quote_document")
def quote_document(session: Session, request: OrderRef) -> OrderDocument:
    """The issued quote to hand to the client (refused before a quote, or once cancelled or expired)."""
    return _build(session, request, "quote")


@operation("orders.receipt_document")
def receipt_document(session: Session, request: OrderRef) -> OrderDocument:
    """The receipt of the order's payments (refused before a payment is recorded)."""
    return _build(session, request, "receipt")


@operation("orders.document_issued")
def document_issued(session: Session, request: DocumentIssued) -> None:
    """Audit a printed or saved quote/receipt (after the fact: the window calls it once the output is done)."""
    session.require("orders.write")
    if request.lang not in ("fa", "en") or request.kind not in ("quote", "receipt") or request.how not in ISSUED_HOW:
        raise ValidationError.coded("orders.print_language", "lang")
    load_order(session.conn, request.order_id)  # NotFound for an unknown order
    session.audit(
        "order.document_printed",
        f"order:{request.order_id}",
        {"kind": request.kind, "lang": request.lang, "how": request.how},
    )
