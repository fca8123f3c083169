"""The reception windows of issue 15, on real data through the operations layer (PageOps, off the GUI thread):
the print dialog (preview in the client's language, a PDF written only where asked, the output audited, a clear
refusal with no quote or payment), its buttons on the order screen, and the client's order history (reached from
the clients page, opening an order). Screenshots of each go to test-artifacts/ to be looked at."""

from __future__ import annotations

import datetime as dt

from PySide6.QtPrintSupport import QPrinter

from maya_desktop.core.messages import texts
from maya_desktop.core.notices.outbox import set_client_language
from maya_desktop.core.persian import format_jalali_date, format_toman
from maya_desktop.gui.client_history import ClientHistoryDialog
from maya_desktop.gui.clients_page import ClientsPage
from maya_desktop.gui.order_print import OrderPrintDialog
from maya_desktop.gui.orders.order_detail import OrderDetail
from tests.reception.conftest import pdf_text, plain

WAIT = 20_000


def _audited(session, order_id: int) -> list[str]:
    return [
        row[0]
        for row in session.conn.execute(
            "SELECT details FROM audit_log WHERE action = 'order.document_printed' AND object_ref = ? ORDER BY id",
            (f"order:{order_id}",),
        )
    ]


def test_receipt_preview_saves_a_pdf_only_where_asked_and_is_audited(qtbot, clinic, two, tmp_path, systmp, artifacts):
    dialog = OrderPrintDialog(clinic.reception, two.a_paid, "receipt", client_id=two.a)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.document is not None, timeout=WAIT)
    assert dialog.lang == "fa" and dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    shown = plain(dialog.preview.toPlainText())
    for text in ("رسید پرداخت", "مهسا کاظمی‌نژاد", "REF-A-11223344", format_jalali_date(dt.date.today(), "fa")):
        assert plain(text) in shown, text
    assert "REF-B" not in shown and plain("زهره") not in shown
    dialog.grab().save(str(artifacts / "reception_print_dialog_fa.png"))
    assert _audited(clinic.admin, two.a_paid) == []  # looking is not printing
    assert "مهسا" not in dialog.suggested_name() and dialog.suggested_name().endswith(".pdf")
    target = tmp_path / "chosen" / "receipt.pdf"
    target.parent.mkdir()
    assert dialog.save_pdf(target)
    assert [p.name for p in target.parent.iterdir()] == ["receipt.pdf"]
    assert not [p for p in systmp.rglob("*") if p.is_file()]  # no copy in the temp folder
    assert plain("REF-A-11223344") in plain(pdf_text(target.read_bytes()))
    qtbot.waitUntil(lambda: _audited(clinic.admin, two.a_paid) != [], timeout=WAIT)
    assert _audited(clinic.admin, two.a_paid) == ['{"how":"pdf","kind":"receipt","lang":"fa"}']
    assert not dialog.save_pdf(tmp_path / "no-such-folder" / "x.pdf")  # refused in place, nothing audited
    assert dialog.message.isVisible()


def test_the_clients_language_is_the_default_and_a_printer_gets_the_same_pages(qtbot, clinic, two, tmp_path, artifacts):
    set_client_language(clinic.reception, two.a, "en")
    dialog = OrderPrintDialog(clinic.reception, two.a_quoted, "quote", client_id=two.a)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.document is not None and dialog.lang == "en", timeout=WAIT)
    shown = dialog.preview.toPlainText()
    assert "Quote" in shown and "Turnaround" in shown and format_toman(dialog.document.total_rial, "en") in shown
    dialog.grab().save(str(artifacts / "reception_print_dialog_quote_en_preview.png"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))  # stands in for the printer the person chose
    assert dialog.print_to(printer) == 1
    assert "Quote" in pdf_text((tmp_path / "printer.pdf").read_bytes())
    qtbot.waitUntil(lambda: _audited(clinic.admin, two.a_quoted) != [], timeout=WAIT)
    assert _audited(clinic.admin, two.a_quoted) == ['{"how":"printer","kind":"quote","lang":"en"}']


def test_no_payment_yet_is_said_plainly_and_nothing_can_be_printed(qtbot, clinic, two, artifacts):
    dialog = OrderPrintDialog(clinic.reception, two.a_quoted, "receipt")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.refusal is not None, timeout=WAIT)
    assert dialog.message.text() == texts("orders.no_payment_to_print").fa
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    dialog.grab().save(str(artifacts / "reception_print_dialog_no_payment_fa.png"))
    draft = OrderPrintDialog(clinic.reception, two.a_draft, "quote")
    qtbot.addWidget(draft)
    qtbot.waitUntil(lambda: draft.refusal is not None, timeout=WAIT)
    assert draft.message.text() == texts("orders.no_quote_to_print").fa


def test_the_order_screen_has_a_print_button_by_the_quote_and_by_the_payments(qtbot, clinic, two, artifacts):
    detail = OrderDetail(clinic.reception)
    qtbot.addWidget(detail)
    detail.resize(1366, 768)
    detail.show()
    detail.open_order(two.a_paid)
    buttons = detail.print_buttons
    assert buttons["quote"].isVisible() and buttons["receipt"].isVisible()
    assert detail.quote_box.isAncestorOf(buttons["quote"]) and detail.payments_box.isAncestorOf(buttons["receipt"])
    opened = []
    detail.exec_dialog = lambda dialog: opened.append(dialog) or True
    buttons["receipt"].click()
    assert isinstance(opened[0], OrderPrintDialog) and opened[0].kind == "receipt" and opened[0].order_id == two.a_paid
    qtbot.waitUntil(lambda: opened[0].document is not None, timeout=WAIT)
    detail.grab().save(str(artifacts / "reception_order_detail_print_buttons_fa.png"))


def test_history_lists_the_clients_orders_and_opens_one(qtbot, clinic, two, artifacts):
    dialog = ClientHistoryDialog(clinic.reception, two.a)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.history is not None, timeout=WAIT)
    table = dialog.table
    assert table.rowCount() == 3
    ids = [table.item(r, 0).data(0x0100) for r in range(3)]
    assert ids == [two.a_draft, two.a_paid, two.a_quoted]
    paid_row = ids.index(two.a_paid)
    assert table.item(paid_row, 2).text() == "پرداخت شد"
    price = dialog.history.orders[paid_row].price_rial
    assert table.item(paid_row, 8).text() == format_toman(price, "fa")
    assert plain("مهسا کاظمی‌نژاد") in plain(dialog.title.text())
    assert not dialog.open_button.isEnabled()
    dialog.grab().save(str(artifacts / "reception_client_history_fa.png"))
    table.setCurrentCell(paid_row, 0)
    with qtbot.waitSignal(dialog.open_order) as opened:
        dialog.open_button.click()
    assert opened.args == [two.a_paid] and not dialog.isVisible()


def test_history_in_english(qtbot, clinic, two, english, artifacts):
    dialog = ClientHistoryDialog(clinic.reception, two.b)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.history is not None, timeout=WAIT)
    texts_shown = [dialog.windowTitle(), dialog.summary.text(), dialog.open_button.text()]
    texts_shown += [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
    texts_shown += [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert not any("\u0600" <= ch <= "\u06ff" for text in texts_shown for ch in text), texts_shown
    assert "777,777 toman" in texts_shown
    dialog.grab().save(str(artifacts / "reception_client_history_en.png"))


def test_the_clients_page_opens_the_history_of_the_selected_client_only(qtbot, clinic, two):
    page = ClientsPage(clinic.reception)
    qtbot.addWidget(page)
    page.show()
    assert page.history_button.isVisible() and not page.history_button.isEnabled()
    page.search.setText("09121110001")
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert page.history_button.isEnabled()
    page.history_button.click()
    dialog = page.history_dialog
    qtbot.waitUntil(lambda: dialog.history is not None, timeout=WAIT)
    assert dialog.history.client_id == two.a
    dialog.close()
    doctor_page = ClientsPage(clinic.admin)
    qtbot.addWidget(doctor_page)
    assert not doctor_page.history_button.isHidden()  # managers too; core refuses doctors (test_client_history)
