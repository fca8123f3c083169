"""The Jalali date field where issue 15 put it: the payment dialog (a day picked in the calendar is the day the
core records), the court letter's date and the audit filters. Screenshots (Persian and English) go to
test-artifacts/ to be looked at."""

from __future__ import annotations

import datetime as dt

from maya_desktop.core.orders.payments import list_payments
from maya_desktop.core.orders.records import get_order
from maya_desktop.gui.audit_page import AuditPage
from maya_desktop.gui.jalali_date import JalaliDateEdit
from maya_desktop.gui.legal_page import LegalRequestDialog
from maya_desktop.gui.orders.dialogs import PaymentDialog


def test_a_day_picked_in_the_payment_dialogs_calendar_is_the_day_recorded(qtbot, clinic, two, artifacts) -> None:
    dialog = PaymentDialog(clinic.reception, get_order(clinic.reception, two.a_quoted))
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.paid_on
    assert isinstance(field, JalaliDateEdit) and field.date() == dt.date.today()
    dialog.gateway.setCurrentText("کارت‌خوان ملت")
    dialog.reference.setText("556677")
    field.open_calendar()
    assert field.calendar is not None
    dialog.grab().save(str(artifacts / "reception_payment_dialog_fa.png"))
    field.calendar.grab().save(str(artifacts / "reception_payment_calendar_fa.png"))
    two_days_ago = dt.date.today() - dt.timedelta(days=2)
    field.calendar.show_day(two_days_ago)
    field.calendar.picked.emit(field.calendar.selected)
    assert field.date() == two_days_ago and not field.popup.isVisible()
    dialog.save()
    assert not dialog.error.isVisible(), dialog.error.text()
    assert [p.paid_on for p in list_payments(clinic.reception, two.a_quoted)] == [two_days_ago.isoformat()]


def test_an_unfinished_payment_date_is_refused_in_place(qtbot, clinic, two) -> None:
    dialog = PaymentDialog(clinic.reception, get_order(clinic.reception, two.a_quoted))
    qtbot.addWidget(dialog)
    dialog.gateway.setCurrentText("کارت‌خوان ملت")
    dialog.reference.setText("556677")
    dialog.paid_on.setText("۱۴۰۵/۰۹")
    dialog.save()
    assert not dialog.error.isHidden() and list_payments(clinic.reception, two.a_quoted) == []


def test_english_payment_dialog_shows_the_gregorian_date(qtbot, clinic, two, english, artifacts) -> None:
    dialog = PaymentDialog(clinic.reception, get_order(clinic.reception, two.a_quoted))
    qtbot.addWidget(dialog)
    dialog.show()
    today = dt.date.today()
    assert dialog.paid_on.text().isascii() and dialog.paid_on.gregorian_hint().endswith(today.strftime("%b %Y"))
    dialog.grab().save(str(artifacts / "reception_payment_dialog_en.png"))


def test_court_letter_and_audit_filters_use_the_date_field(qtbot, clinic, artifacts) -> None:
    legal = LegalRequestDialog(clinic.admin)
    qtbot.addWidget(legal)
    assert isinstance(legal.letter_date, JalaliDateEdit) and legal.letter_date.date() == dt.date.today()
    page = AuditPage(clinic.admin)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    assert isinstance(page.since, JalaliDateEdit) and isinstance(page.until, JalaliDateEdit)
    page.since.setDate(dt.date.today() - dt.timedelta(days=7))
    page.grab().save(str(artifacts / "reception_audit_filters_fa.png"))
