"""The printed quote and receipt (issue 15): operations as plain data, PDFs in Persian and English read back
with pdftotext (the client's name, services, amounts, payment reference, Jalali date; nothing of another
client), refusals with their catalogue codes, the audit entry, and page images for a person to look at."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess

import pytest

from maya_desktop.core.errors import PermissionDenied, StateError, ValidationError
from maya_desktop.core.operations import OperationExecutor, get
from maya_desktop.core.operations.catalogue import OrderRef
from maya_desktop.core.operations.documents import DocumentIssued, OrderDocument, client_lines
from maya_desktop.core.orders.quotes import Quote, QuoteLine
from maya_desktop.core.persian import format_jalali_date, format_toman
from maya_desktop.reports.order_documents import render_order_document
from tests.reception.conftest import pdf_text, plain


def _doc(session, name: str, order_id: int) -> OrderDocument:
    executor = OperationExecutor(session)
    try:
        return executor.call(name, OrderRef(order_id))
    finally:
        executor.shutdown()


def _plain_data(value: object) -> None:
    """What an operation returns may hold only str/int/float/bool/None, dates, tuples and nested dataclasses."""
    if dataclasses.is_dataclass(value):
        assert type(value).__dataclass_params__.frozen  # type: ignore[attr-defined]
        for field in dataclasses.fields(value):
            _plain_data(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            _plain_data(item)
    else:
        assert value is None or isinstance(value, str | int | float | bool | dt.date), type(value)


def test_the_operations_read_only_and_answer_plain_data(clinic, two) -> None:
    assert get("orders.quote_document").changes == frozenset()
    assert get("orders.receipt_document").changes == frozenset()
    doc = _doc(clinic.reception, "orders.receipt_document", two.a_paid)
    _plain_data(doc)
    assert doc.kind == "receipt" and doc.client_name == "مهسا کاظمی‌نژاد"
    assert doc.lines[0].code == "base" and doc.lines[0].label_fa.startswith("سند محرمانه")
    assert doc.total_rial == sum(line.amount_rial for line in doc.lines)
    assert [p.reference for p in doc.payments] == ["REF-A-11223344"]
    assert doc.paid_rial == doc.total_rial


def test_a_printed_or_saved_document_is_audited_without_personal_data(clinic, two) -> None:
    executor = OperationExecutor(clinic.reception)
    try:
        executor.call("orders.document_issued", DocumentIssued(two.a_paid, "receipt", "en", "pdf"))
        with pytest.raises(ValidationError):
            executor.call("orders.document_issued", DocumentIssued(two.a_paid, "receipt", "de", "pdf"))
    finally:
        executor.shutdown()
    entry = clinic.admin.conn.execute(
        "SELECT actor, object_ref, details FROM audit_log WHERE action = 'order.document_printed' ORDER BY id DESC"
    ).fetchone()
    assert entry[1:] == (f"order:{two.a_paid}", '{"how":"pdf","kind":"receipt","lang":"en"}')  # no name, no amount


def test_no_quote_no_payment_and_the_doctor_are_refused_clearly(clinic, two) -> None:
    with pytest.raises(StateError) as caught:
        _doc(clinic.reception, "orders.quote_document", two.a_draft)
    assert caught.value.code == "orders.no_quote_to_print"
    assert "قیمت" in caught.value.message_fa
    with pytest.raises(StateError) as caught:
        _doc(clinic.reception, "orders.receipt_document", two.a_quoted)
    assert caught.value.code == "orders.no_payment_to_print"
    with pytest.raises(PermissionDenied):
        _doc(clinic.doctor, "orders.quote_document", two.a_paid)


def test_measurement_lines_reach_the_client_as_one_service_line() -> None:
    quote = Quote(
        (
            QuoteLine("base", "Base price", "قیمت پایه", 1, 25_000_000),
            QuoteLine("finding:nasolabial_angle", "Nasolabial angle", "زاویهٔ بینی-لب", 1, 1_000_000),
            QuoteLine("finding:chin_ricketts", "Chin to Ricketts' line", "فاصلهٔ چانه تا خط ریکتز", 1, 1_000_000),
            QuoteLine("urgent_percent", "Urgency surcharge (%)", "افزایش قیمت فوری (درصد)", 1, 13_500_000),
        ),
        40_500_000,
        1,
        urgent=True,
    )
    lines = client_lines(quote)
    assert [(line.code, line.quantity, line.amount_rial) for line in lines] == [
        ("findings", 2, 2_000_000),
        ("urgent_percent", 1, 13_500_000),
    ]
    assert "ریکتز" not in str(lines) and "Ricketts" not in str(lines)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_quote_and_receipt_pdfs_read_back_in_either_language(clinic, two, lang, artifacts) -> None:
    receipt = _doc(clinic.reception, "orders.receipt_document", two.a_paid)
    quote = _doc(clinic.reception, "orders.quote_document", two.a_quoted)
    clinic_name = clinic.admin.conn.execute("SELECT name FROM clinic").fetchone()[0]
    today = format_jalali_date(dt.date.today(), lang)
    for doc, words in (
        (receipt, {"fa": ["رسید پرداخت", "درگاه سامان", "شمارهٔ پیگیری"], "en": ["Payment receipt", "Tracking no."]}),
        (quote, {"fa": ["پیش‌فاکتور", "جمع کل", "زمان تحویل"], "en": ["Quote", "Total", "Turnaround"]}),
    ):
        pdf = render_order_document(doc, lang)
        assert pdf.startswith(b"%PDF-")
        path = artifacts / f"reception_{doc.kind}_{lang}.pdf"  # synthetic clients only
        path.write_bytes(pdf)
        text = plain(pdf_text(pdf))
        expected = [clinic_name, "مهسا", "کاظمی‌نژاد", today, format_toman(doc.total_rial, lang), *words[lang]]
        expected.append("سند محرمانه" if lang == "fa" else "Confidential document")
        if doc.kind == "receipt":
            expected += ["REF-A-11223344", format_toman(doc.paid_rial, lang)]
        for item in expected:
            assert plain(item) in text, (doc.kind, lang, item)
        if lang == "en":
            assert plain(dt.date.today().strftime("%b %Y")) in text  # the Gregorian date beside the Jalali one
        else:
            assert not any("0" <= ch <= "9" for ch in text.replace("REF-A-11223344", "")), "Latin digits in Persian"
        for other in ("زهره", "بهرامی‌فر", "REF-B-99887766", format_toman(7_777_770, lang), "mahsa@example.com"):
            assert plain(other) not in text, (doc.kind, lang, other)
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(path), str(path.with_suffix(""))], check=True
        )
