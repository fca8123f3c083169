"""The printed quote and receipt (core.operations.documents.OrderDocument) as PDF bytes, Persian or English.

Same engine as the doctor's report (reports.pdf: Vazirmatn embedded as real text, A4, running footer): Persian
is laid out right to left with Persian digits and the Jalali date; English left to right, with the Jalali date
followed by the Gregorian one. Nothing is written to disk here: the window writes the bytes where the person
chose, or paints the same document onto a printer (`paint_order_document`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QPagedPaintDevice

from maya_desktop.core.operations.documents import OrderDocument
from maya_desktop.core.persian import format_jalali_date, format_toman, to_persian_digits
from maya_desktop.reports.clinical_report import CSS
from maya_desktop.reports.pdf import Pages, esc, paint_pages, render_pdf

RLM = "\u200f"  # starts a cell that begins with a digit as right-to-left

TEXTS: dict[str, dict[str, str]] = {
    "fa": {
        "quote": "پیش‌فاکتور",
        "receipt": "رسید پرداخت",
        "client": "مشتری",
        "order": "شمارهٔ سفارش",
        "date": "تاریخ",
        "quoted_on": "تاریخ اعلام قیمت",
        "services": "خدمات",
        "service": "شرح خدمت",
        "quantity": "تعداد",
        "amount": "مبلغ",
        "total": "جمع کل",
        "turnaround": "زمان تحویل",
        "days": "{0} روز کاری",
        "urgent": "فوری",
        "payments": "پرداخت‌ها",
        "receipt_no": "شمارهٔ رسید",
        "gateway": "درگاه یا پایانه",
        "reference": "شمارهٔ پیگیری",
        "paid_on": "تاریخ پرداخت",
        "paid_total": "جمع پرداخت‌شده",
        "balance": "مانده",
        "quote_note": "این پیش‌فاکتور بر پایهٔ فایل‌های دریافت‌شده است و زمان تحویل از روز پرداخت شمرده می‌شود.",
        "receipt_note": "این رسید پرداخت‌های ثبت‌شده برای این سفارش را نشان می‌دهد. شمارهٔ کارت بانکی در آن نیست.",
        "page": "صفحهٔ {0} از {1}",
    },
    "en": {
        "quote": "Quote",
        "receipt": "Payment receipt",
        "client": "Client",
        "order": "Order number",
        "date": "Date",
        "quoted_on": "Quoted on",
        "services": "Services",
        "service": "Service",
        "quantity": "Qty",
        "amount": "Amount",
        "total": "Total",
        "turnaround": "Turnaround",
        "days": "{0} working days",
        "urgent": "urgent",
        "payments": "Payments",
        "receipt_no": "Receipt no.",
        "gateway": "Gateway or terminal",
        "reference": "Tracking no.",
        "paid_on": "Paid on",
        "paid_total": "Total paid",
        "balance": "Balance due",
        "quote_note": "This quote is based on the files received; the turnaround counts from the day of payment.",
        "receipt_note": "This receipt lists the payments recorded for this order. It holds no card number.",
        "page": "Page {0} of {1}",
    },
}


def _num(value: int, lang: str) -> str:
    return to_persian_digits(value) if lang == "fa" else str(value)


def show_day(day: dt.date, lang: str) -> str:
    """Jalali in Persian ('۱۴۰۵/۰۹/۱۵'); in English the Jalali and the Gregorian date ('1405/09/15 (6 Dec 2026)')."""
    if lang == "fa":
        return format_jalali_date(day, "fa")
    return f"{format_jalali_date(day, 'en')} ({day.day} {day.strftime('%b %Y')})"


def _money(rial: int, lang: str) -> str:
    text = format_toman(rial, "fa" if lang == "fa" else "en")
    return f"{RLM}{text}" if lang == "fa" else text


def _row(cells: list[str], rtl: bool, tag: str = "td", aligns: list[str] | None = None) -> str:
    """One table row; Qt lays columns out left to right, so a right-to-left row is written in reverse."""
    aligns = aligns or ["right" if rtl else "left"] * len(cells)
    pairs = list(zip(cells, aligns, strict=True))
    if rtl:
        pairs.reverse()
    return "<tr>" + "".join(f"<{tag} align='{a}'>{c}</{tag}>" for c, a in pairs) + "</tr>"


def document_html(doc: OrderDocument, lang: str) -> str:
    t = TEXTS[lang]
    rtl = lang == "fa"
    start, end = ("right", "left") if rtl else ("left", "right")
    title = t[doc.kind]
    head = [
        f"{t['client']}: <b>{esc(doc.client_name)}</b>",
        f"{t['order']}: {_num(doc.order_id, lang)}",
        f"{t['date']}: {show_day(doc.issued_on, lang)}",
    ]
    if doc.quoted_on is not None:
        head.append(f"{t['quoted_on']}: {show_day(doc.quoted_on, lang)}")
    lines = "".join(
        _row(
            [
                esc(line.label_fa if rtl else line.label_en),
                _num(line.quantity, lang),
                _money(line.amount_rial, lang),
            ],
            rtl,
            aligns=[start, "center", end],
        )
        for line in doc.lines
    )
    days = t["days"].format(_num(doc.turnaround_days, lang))
    if doc.urgent:
        days += f" ({t['urgent']})"
    services = (
        f"<h2>{t['services']}</h2>"
        "<table class='grid' width='100%' cellspacing='0'>"
        + _row([t["service"], t["quantity"], t["amount"]], rtl, "th", [start, "center", end])
        + lines
        + _row(
            [f"<b>{t['total']}</b>", "", f"<b>{_money(doc.total_rial, lang)}</b>"], rtl, aligns=[start, "center", end]
        )
        + "</table>"
        + f"<p>{t['turnaround']}: {days}</p>"
    )
    payments = ""
    if doc.kind == "receipt":
        rows = "".join(
            _row(
                [
                    _num(p.receipt_no, lang),
                    esc(p.gateway),
                    f"<span dir='ltr'>{esc(p.reference)}</span>",
                    show_day(p.paid_on, lang),
                    _money(p.amount_rial, lang),
                ],
                rtl,
                aligns=[start, start, start, start, end],
            )
            for p in doc.payments
        )
        balance = doc.total_rial - doc.paid_rial
        payments = (
            f"<h2>{t['payments']}</h2><table class='grid' width='100%' cellspacing='0'>"
            + _row(
                [t["receipt_no"], t["gateway"], t["reference"], t["paid_on"], t["amount"]],
                rtl,
                "th",
                [start, start, start, start, end],
            )
            + rows
            + _row(
                [f"<b>{t['paid_total']}</b>", "", "", "", f"<b>{_money(doc.paid_rial, lang)}</b>"],
                rtl,
                aligns=[start, start, start, start, end],
            )
            + "</table>"
        )
        if balance > 0:
            payments += f"<p><b>{t['balance']}: {_money(balance, lang)}</b></p>"
    note = t["receipt_note"] if doc.kind == "receipt" else t["quote_note"]
    direction = "rtl" if rtl else "ltr"
    return (
        f"<html><head><style>{CSS}</style></head><body dir='{direction}'>"
        f"<div style='font-size: 12pt; color:#0f4c5c; font-weight:bold;' align='{start}'>{esc(doc.clinic_name)}</div>"
        f"<h1 align='{start}'>{title}</h1>"
        + "<table width='100%' cellspacing='0' cellpadding='2'>"
        + "".join(_row(head[i : i + 2] + [""] * (2 - len(head[i : i + 2])), rtl) for i in range(0, len(head), 2))
        + "</table>"
        + services
        + payments
        + f"<p class='small muted' align='{start}'>{note}</p></body></html>"
    )


def _footer(doc: OrderDocument, lang: str) -> str:
    return f"{doc.clinic_name} — {TEXTS[lang][doc.kind]}"


def _pages(doc: OrderDocument, lang: str) -> Pages:
    return Pages(document_html(doc, lang), _footer(doc, lang), rtl=lang == "fa", page_label=TEXTS[lang]["page"])


def render_order_document(doc: OrderDocument, lang: str) -> bytes:
    """The document as PDF bytes (A4) in `lang` ("fa" or "en")."""
    if lang not in TEXTS:
        raise ValueError(f"lang must be 'fa' or 'en', not {lang!r}")
    return render_pdf(_pages(doc, lang), title=TEXTS[lang][doc.kind])


def paint_order_document(device: QPagedPaintDevice, doc: OrderDocument, lang: str) -> int:
    """Paint the same document onto a printer (QPrinter from QPrintDialog). Returns the number of pages."""
    return paint_pages(device, _pages(doc, lang))
