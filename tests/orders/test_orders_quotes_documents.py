"""Quotes (P2) from price rules, overrides, and the confidential-document service end to end."""

from __future__ import annotations

import io
import zipfile

import pytest

from maya_desktop.core import audit, photos
from maya_desktop.core.errors import PermissionDenied, StateError, ValidationError
from maya_desktop.core.orders import consent, delivery, documents, housekeeping, payments, quotes, records
from maya_desktop.core.orders.states import Status


def test_quote_from_rules_views_and_urgency(clinic, walk) -> None:
    r = clinic.reception
    order_id = walk(Status.ANALYZED)
    quotes.set_price_rule(clinic.admin, "rhinoplasty_analysis", "base", 30_000_000)
    quotes.set_price_rule(clinic.admin, "rhinoplasty_analysis", "included_views", 1)
    quotes.set_price_rule(clinic.admin, "rhinoplasty_analysis", "per_extra_view", 4_000_000)
    normal = quotes.compute_quote(r, order_id)
    assert normal.total_rial == 30_000_000 + 4_000_000 and normal.turnaround_days == 3
    urgent = quotes.compute_quote(r, order_id, urgent=True)
    assert urgent.total_rial == normal.total_rial * 3 // 2 and urgent.turnaround_days == 1
    issued = quotes.issue_quote(r, order_id, urgent=True)
    order = records.get_order(r, order_id)
    assert (order.status, order.price_rial, order.turnaround_days, order.urgent) == (
        Status.QUOTED,
        urgent.total_rial,
        1,
        True,
    )
    assert quotes.stored_quote(r, order_id) == issued
    with pytest.raises(PermissionDenied):
        quotes.stored_quote(clinic.doctor, order_id)


def test_findings_raise_the_price_with_a_cap(clinic, walk) -> None:
    order_id = walk(Status.ANALYZED, analysis=True)  # real analysis of real photos
    rules = quotes.price_rules(clinic.reception, "rhinoplasty_analysis")
    quote = quotes.compute_quote(clinic.reception, order_id)
    # one service line for the findings, not one line per measurement (issue 15)
    assert not [line for line in quote.lines if line.code.startswith("finding:")]
    (findings,) = [line for line in quote.lines if line.code == "findings"]
    assert 0 < findings.quantity <= rules["max_charged_findings"]
    assert findings.amount_rial == findings.quantity * rules["per_finding"]
    assert findings.label_fa == "بررسی تخصصی یافته‌های تحلیل"
    quotes.set_price_rule(clinic.admin, "rhinoplasty_analysis", "per_finding", 0)
    assert not [x for x in quotes.compute_quote(clinic.reception, order_id).lines if x.code == "findings"]


def test_an_old_quote_with_a_line_per_measurement_reads_as_services() -> None:
    old = quotes.Quote(
        (
            quotes.QuoteLine("base", "Base price", "قیمت پایه", 1, 25_000_000),
            quotes.QuoteLine("finding:chin_to_e_line", "Chin to E-line", "فاصلهٔ چانه", 1, 1_000_000),
            quotes.QuoteLine("finding:nasolabial_angle", "Nasolabial angle", "زاویهٔ بینی-لبی", 1, 1_000_000),
            quotes.QuoteLine("urgent_percent", "Urgency", "فوری", 1, 500_000),
        ),
        27_500_000,
        3,
    )
    services = old.services()
    assert [line.code for line in services] == ["base", "findings", "urgent_percent"]
    assert services[1].amount_rial == 2_000_000 and sum(line.amount_rial for line in services) == old.total_rial


def test_only_the_manager_changes_prices(clinic) -> None:
    with pytest.raises(PermissionDenied):
        quotes.set_price_rule(clinic.reception, "rhinoplasty_analysis", "base", 1)
    with pytest.raises(ValidationError):
        quotes.set_price_rule(clinic.admin, "rhinoplasty_analysis", "free_lunch", 1)
    with pytest.raises(ValidationError):
        quotes.set_price_rule(clinic.admin, "rhinoplasty_analysis", "base", -5)
    quotes.set_price_rule(clinic.admin, "rhinoplasty_analysis", "finding:nasofrontal_angle", 3_000_000)
    assert quotes.price_rules(clinic.reception, "rhinoplasty_analysis")["finding:nasofrontal_angle"] == 3_000_000


def test_override_needs_a_reason_and_is_audited_without_it(clinic, walk) -> None:
    order_id = walk(Status.ANALYZED)
    with pytest.raises(ValidationError):
        quotes.issue_quote(clinic.reception, order_id, override_total_rial=20_000_000)
    q = quotes.issue_quote(clinic.reception, order_id, override_total_rial=20_000_000, reason="loyal client discount")
    assert q.total_rial == 20_000_000 and q.overridden and q.lines[-1].code == "override"
    entry = audit.entries(clinic.admin.conn, object_ref=f"order:{order_id}", limit=1)[0]
    assert entry.details["total_rial"] == 20_000_000 and "override_from_rial" in entry.details
    assert "loyal" not in str(entry.details)
    # re-quoting is allowed while unpaid
    assert quotes.issue_quote(clinic.reception, order_id).overridden is False


def test_payment_validation(clinic, walk) -> None:
    order_id = walk(Status.QUOTED)
    r = clinic.reception
    for bad in (
        dict(gateway="", reference="1"),
        dict(gateway="Saman", reference=""),
        dict(gateway="Saman", reference="1", amount_rial=0),
        dict(gateway="Saman", reference="1", paid_on="2999-01-01"),
    ):
        args = {"amount_rial": 1_000, **bad}
        with pytest.raises(ValidationError):
            payments.record_payment(r, order_id, **args)
    pay = payments.record_payment(r, order_id, "پایانهٔ ملت", "۱۲۳۴۵۶۷۸", 25_000_000, "2026-01-02")
    assert pay.reference == "12345678" and pay.paid_on == "2026-01-02"
    with pytest.raises(StateError):
        payments.record_payment(r, order_id, "Saman", "2", 1_000)


def _docx(text: str) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{para}</w:t></w:r></w:p>" for para in text.split("\n"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f'<w:document xmlns:w="x"><w:body>{body}</w:body></w:document>')
    return out.getvalue()


def test_confidential_document_end_to_end(clinic) -> None:
    r, d = clinic.reception, clinic.doctor
    order = records.create_order(r, 1, "confidential_document")
    with pytest.raises(StateError):
        photos.import_photo(r, order.id, b"x")
    txt = documents.import_document(r, order.id, "سلام دنیا این یک متن است".encode())
    docx = documents.import_document(r, order.id, _docx("one two three\nfour five"))
    assert (txt.doc_type, txt.word_count, docx.doc_type, docx.word_count) == ("txt", 6, "docx", 5)
    with pytest.raises(ValidationError):
        documents.import_document(r, order.id, b"%PDF-1.7 ...")  # PDF needs the count typed in
    pdf = documents.import_document(r, order.id, b"%PDF-1.7 ...", word_count=100)
    with pytest.raises(ValidationError):
        documents.import_document(r, order.id, b"\x00\x01binary")
    assert documents.open_document(r, pdf.id) == b"%PDF-1.7 ..."  # import phase
    photos.complete_analysis(r, order.id)
    rules = quotes.price_rules(r, "confidential_document")
    quote = quotes.issue_quote(r, order.id)
    assert quote.total_rial == rules["base"] + 111 * rules["per_word"]
    payments.record_payment(r, order.id, "Saman", "55555", quote.total_rial)
    with pytest.raises(PermissionDenied):
        documents.open_document(d, txt.id)
    consent.record_consent(r, order.id, d.staff.id, "verbal")
    assert documents.open_document(d, txt.id).decode() == "سلام دنیا این یک متن است"
    delivery.start_review(d, order.id)
    delivery.write_report(d, order.id, "Translation done; see attached.")
    delivery.deliver(d, order.id)
    with pytest.raises(PermissionDenied):
        documents.open_document(r, txt.id)
    import datetime as dt

    from maya_desktop.core.orders import clock

    report = housekeeping.purge_due(r, clock.now() + dt.timedelta(days=30))
    assert [x.order_id for x in report.destroyed] == [order.id]
    assert {f.kind for f in report.destroyed[0].files} == {"document", "report"}
    assert list(clinic.admin.vault.data_dir.blobs.iterdir()) == []
