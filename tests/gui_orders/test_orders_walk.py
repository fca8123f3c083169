"""GUI walk of issue 4 (pytest-qt, offscreen, real SQLCipher clinic, real photos): new client ->
new order from the clients page -> photos dropped on the order -> views confirmed -> analysis done ->
quote with an override and its reason -> payment (a card number is refused) -> consent to the demo
doctor -> (doctor via core) review, report, delivery -> purge with retention 0 -> destroyed, files gone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout

from maya_desktop.core.operations import OperationExecutor
from maya_desktop.core.operations.prices import Gateways
from maya_desktop.core.orders import delivery
from maya_desktop.core.orders.model import load_order
from maya_desktop.core.orders.states import VIEWS, Status
from maya_desktop.core.settings import set_setting
from maya_desktop.core.staff import accept_agreement
from maya_desktop.gui.main_window import MainWindow
from tests.conftest import submit_client_form
from tests.gui_orders.conftest import answer_dialogs

CARD = "6037 9975 9940 0315"  # Luhn-valid test number (not a real account)
PHOTOS = ("obama.jpg", "profile_left_cameraman.jpg", "astronaut.png")
GATEWAYS = ["درگاه سامان", "کارت‌خوان ملت"]


def drop_files(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    widget.dropEvent(event)


def save_next_modal(fill) -> None:  # type: ignore[no-untyped-def]
    """For dialogs opened with exec() outside the order screens (the clients page's button)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        fill(dialog)
        dialog.save()

    QTimer.singleShot(0, run)


def test_full_walk_from_new_client_to_destroyed_order(qtbot, demo, login, reception, faces: Path, artifacts: Path):
    managing = OperationExecutor(demo)  # the manager keeps the gateways list (the prices page)
    managing.call("payments.set_gateways", Gateways(tuple(GATEWAYS)))
    managing.shutdown()
    window = MainWindow(reception)
    qtbot.addWidget(window)
    window.show()
    clients = window.page_by_key["clients"]
    orders = window.page_by_key["orders"]
    detail = orders.detail

    # a new client, then "سفارش جدید" on the clients page
    dialog = submit_client_form(qtbot, reception, "نسترن", "کیانی", "۰۹۱۲ ۷۷۷ ۸۸۹۹", parent=window)
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=10_000)  # saved on the database thread
    clients.search.setText("کیانی")
    qtbot.waitUntil(lambda: clients.model.rowCount() == 1, timeout=3000)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    clients.table.selectionModel().select(clients.model.index(0, 0), flags)
    assert clients.selected() is not None and clients.order_button.isVisible()
    save_next_modal(lambda d: None)  # client is preset; default service: facial analysis
    order_id = clients.new_order()
    assert order_id is not None
    assert window.pages.currentWidget() is orders and orders.stack.currentWidget() is detail
    assert detail.order is not None and detail.order.status == Status.DRAFT
    assert "کیانی" in detail.title.text() and detail.badge.text() == "پیش‌نویس"
    assert detail.buttons["import"].isEnabled() and not detail.buttons["quote"].isEnabled()

    # drag-and-drop 3 real photos: imported in the worker, actions disabled meanwhile
    with qtbot.waitSignal(detail.import_finished, timeout=120_000) as blocker:
        drop_files(detail, [faces / name for name in PHOTOS])
        assert detail.importing and not detail.buttons["import"].isEnabled()
        assert not detail.buttons["cancel"].isEnabled() and detail.progress_row.isVisible()
    summary = blocker.args[0]
    assert len(summary.imported) == 3 and not summary.errors and not summary.cancelled
    assert detail.order.status == Status.PHOTOS_IMPORTED and detail.order.files_count == 3
    assert len(detail.cards) == 3 and all(card.has_image() and card.isVisible() for card in detail.cards.values())
    assert "۳ عکس وارد شد" in detail.notice.text()
    assert "تحلیل خودکار: ۳ از ۳" in detail.analysis_label.text()
    window.resize(1200, 860)
    qtbot.wait(50)  # let the layouts settle (LayoutRequest events) before the screenshot
    window.grab().save(str(artifacts / "orders_detail_import.png"))

    # confirm views (frontal, left profile, frontal), then the analysis step is done
    assert not detail.buttons["complete"].isEnabled()  # views not confirmed yet
    for card, view in zip(detail.cards.values(), ("frontal", "profile_left", "frontal"), strict=True):
        card.view.setCurrentIndex(VIEWS.index(view))
    detail.buttons["confirm"].click()
    assert all(p.view_confirmed for p in detail.photos), detail.error.text()
    detail.buttons["complete"].click()
    assert detail.order.status == Status.ANALYZED, detail.error.text()
    # reception sees no pixels once the import step is over (core refuses; GUI shows a placeholder)
    assert detail.cards and not any(card.has_image() for card in detail.cards.values())
    assert all("دسترسی" in card.thumb.text() for card in detail.cards.values())
    assert not detail.thumbs
    # ... but the client's name stays: the receptionist quotes and takes the payment for this person
    assert "کیانی" in detail.title.text() and "کیانی" in detail.info_values["client"].text()

    # quote with an override: first without a reason (refused in place), then with one
    def quote(d) -> None:  # type: ignore[no-untyped-def]
        assert d.table.rowCount() >= 1 and "تومان" in d.total.text()
        d.override.setChecked(True)
        d.override_total.setText("۲٬۸۰۰٬۰۰۰")
        d.save()
        assert d.error.isVisibleTo(d) and "دلیل" in d.error.text()
        assert load_order(reception.conn, order_id).status == Status.ANALYZED  # nothing stored
        d.reason.setText("تخفیف همکاری")
        d.adjustSize()
        d.grab().save(str(artifacts / "orders_quote_dialog.png"))

    answer_dialogs(detail, quote)
    detail.buttons["quote"].click()
    order = detail.order
    assert order.status == Status.QUOTED and order.price_rial == 28_000_000 and order.quote_override
    assert "تغییر دستی" in [detail.quote_table.item(r, 0).text() for r in range(detail.quote_table.rowCount())]
    # services and their prices: two columns, no quantity, no line per measurement (issue 15)
    assert detail.quote_table.columnCount() == 2
    assert detail.findChild(QHBoxLayout, "quoteActions").indexOf(detail.buttons["quote"]) >= 0
    assert detail.findChild(QHBoxLayout, "paymentActions").indexOf(detail.buttons["pay"]) >= 0
    assert "۲٬۸۰۰٬۰۰۰ تومان" in detail.quote_total.text()

    # payment: a card number in the reference field is refused in Persian and nothing is stored
    def pay(d) -> None:  # type: ignore[no-untyped-def]
        # chosen from the clinic's list, not typed (issue 15)
        assert not d.gateway.isEditable() and [d.gateway.itemText(i) for i in range(d.gateway.count())] == GATEWAYS
        d.gateway.setCurrentIndex(d.gateway.findText("درگاه سامان"))
        d.reference.setText(CARD)
        d.save()
        assert d.error.isVisibleTo(d) and "کارت" in d.error.text()
        count = reception.conn.execute("SELECT count(*) FROM payments WHERE order_id = ?", (order_id,)).fetchone()
        assert count[0] == 0
        d.adjustSize()
        d.grab().save(str(artifacts / "orders_payment_refused.png"))
        d.reference.setText("۹۸۷۶۵۴۳۲۱")

    answer_dialogs(detail, pay)
    detail.buttons["pay"].click()
    assert detail.order.status == Status.PAID
    assert "کیانی" in detail.title.text() and "کیانی" in detail.info_values["client"].text()
    assert detail.payments_table.rowCount() == 1 and detail.payments_table.item(0, 1).text() == "987654321"
    stored = reception.conn.execute("SELECT reference, amount_rial FROM payments WHERE order_id = ?", (order_id,))
    assert [tuple(r) for r in stored] == [("987654321", 28_000_000)]

    # consent to the demo doctor
    doctor = login("doctor")
    accept_agreement(doctor)

    def consent(d) -> None:  # type: ignore[no-untyped-def]
        d.doctor.setCurrentIndex(d.doctor.findData(doctor.staff.id))
        assert d.method.currentIndex() == -1  # no default: how the client consented is chosen (issue 15)
        d.save()
        assert d.error.isVisibleTo(d) and "روش رضایت" in d.error.text()
        signed = d.method.model().item(d.method.findData("signed_form"))
        assert not signed.isEnabled()  # "signed form" only with the form attached
        d.set_form(b"%PDF-1.4 scanned form", "form.pdf")
        assert signed.isEnabled()
        d.set_form(None, "")
        d.method.setCurrentIndex(d.method.findData("verbal"))

    answer_dialogs(detail, consent)
    detail.buttons["consent"].click()
    assert detail.order.status == Status.CONSENTED and detail.order.doctor_id == doctor.staff.id
    assert detail.consents_table.rowCount() == 1 and detail.buttons["revoke"].isEnabled()
    qtbot.wait(50)  # let the layouts settle (LayoutRequest events) before the screenshot
    window.grab().save(str(artifacts / "orders_detail_consented.png"))
    detail.sections.parentWidget().grab().save(str(artifacts / "orders_detail_consented_sections.png"))

    # the doctor's part through core; retention 0 so the purge destroys at once
    set_setting(demo.conn, "retention_days_after_delivery", 0)
    delivery.start_review(doctor, order_id)
    delivery.write_report(doctor, order_id, "یافته‌ها: قوز بینی، قاعدهٔ پهن.")
    delivery.deliver(doctor, order_id)
    detail.reload()
    assert detail.order.status == Status.DELIVERED and "نابودی خودکار" in detail.info_values["delivery"].text()
    file_ids = [r[0] for r in reception.conn.execute("SELECT file_id FROM order_files WHERE order_id = ?", (order_id,))]
    blobs = reception.vault.data_dir.blobs
    assert len(file_ids) >= 7 and all((blobs / f).exists() for f in file_ids)  # 3 photos + 3 thumbs + report

    window.purge_in_background()  # what the 10-minute timer does
    assert window.purge_timer.isActive() and window.purge_timer.interval() == 10 * 60_000
    qtbot.waitUntil(lambda: window._purge_task is None, timeout=30_000)
    assert load_order(reception.conn, order_id).status == Status.DESTROYED
    assert not any((blobs / f).exists() for f in file_ids)
    assert detail.order.status == Status.DESTROYED and detail.badge.text() == "حذف شد"
    assert "پایان مهلت نگهداری" in detail.info_values["delivery"].text()
    assert not any(button.isEnabled() for button in detail.buttons.values())
    assert detail.consents_table.item(0, 4).text() == "پایان‌یافته"
    qtbot.wait(50)  # let the layouts settle (LayoutRequest events) before the screenshot
    window.grab().save(str(artifacts / "orders_detail_destroyed.png"))

    detail.back.click()
    assert orders.stack.currentWidget() is orders.list_page
    orders.status_filter.setCurrentIndex(orders.status_filter.findData("destroyed"))
    qtbot.waitUntil(lambda: not orders.loading, timeout=10_000)  # the list is read without waiting
    assert orders.model.rowCount() == 1 and orders.model.rows[0].order.id == order_id
