"""The manager's template editor, a received email and the order screen's notices, rendered offscreen
in Persian into test-artifacts/ (looked at by a person; the assertions check what the screens say)."""

from __future__ import annotations

from email.utils import parseaddr
from pathlib import Path

from PySide6.QtWidgets import QTextBrowser

from maya_desktop.core.notices import config, outbox, templates
from maya_desktop.core.notices.sender import send_once
from maya_desktop.core.orders import destruction
from maya_desktop.core.orders.states import Status
from maya_desktop.gui.main_window import MainWindow
from maya_desktop.gui.orders.order_detail import OrderDetail
from tests.notices.conftest import email_settings, sms_settings


def test_template_editor_previews_in_persian_and_records_the_review(qtbot, persian_theme, clinic, artifacts: Path):
    window = MainWindow(clinic.admin)
    qtbot.addWidget(window)
    window.resize(1100, 1000)
    window.show()
    window.show_page("notices")
    page = window.page_by_key["notices"]

    def settled() -> None:  # the page's operations run off the GUI thread
        qtbot.waitUntil(lambda: not page.busy, timeout=10_000)

    page.kind.setCurrentIndex(page.kind.findData("destruction_receipt"))
    settled()
    assert "\u200e5678-3fa94c1e\u200e" in page.preview.text() and "۱۲۳۴" in page.preview.text()
    assert "نشده‌اند" in page.reviewed.text()
    page.sms_text.setPlainText("{clinic} {order} {client_name}")
    page.save_template()
    settled()
    assert "client_name" in page.template_error.text()  # an unknown field is refused, nothing saved
    assert templates.review(clinic.admin.conn).reviewed_by == ""
    page.sms_text.setPlainText("{clinic}: فایل‌های سفارش {order} نابود شد. رسید {receipt}")
    page.save_template()
    settled()
    assert page.template_error.text() == ""
    assert templates.template(clinic.admin.conn, "destruction_receipt", "fa", "sms").endswith("رسید {receipt}")
    assert "admin" in page.reviewed.text()
    assert "شمارهٔ همراه مشتری و متن پیام" in window.findChild(type(page.reviewed), "gatewayDisclosure").text()
    qtbot.wait(50)
    window.grab().save(str(artifacts / "notices_template_editor.png"))


def test_a_received_destruction_receipt_renders_right_to_left(
    qtbot, persian_theme, clinic, walk, starttls_smtp, mailbox, ca_file, artifacts: Path
):
    config.configure_email(clinic.admin, email_settings(starttls_smtp, "starttls", ca_file))
    order_id = walk(Status.DELIVERED)
    destruction.destroy_order_now(clinic.reception, order_id)
    send_once(clinic.root / "maya.db", clinic.admin.vault.db_key)
    msg = mailbox.messages[-1]
    assert "رسید نابودی" in msg["Subject"]
    view = QTextBrowser()
    qtbot.addWidget(view)
    view.setHtml(
        f"<p><b>{msg['Subject']}</b><br>{parseaddr(msg['From'])[0]}</p><hr>" + msg.get_body(("html",)).get_content()
    )
    view.resize(720, 460)
    view.show()
    qtbot.wait(50)
    assert "شمارهٔ رسید" in view.toPlainText()
    view.grab().save(str(artifacts / "notices_received_email.png"))


def test_the_order_screen_shows_a_failed_notice_and_retries(
    qtbot, persian_theme, clinic, walk, gateway, ca_file, artifacts: Path
):
    state, url = gateway
    state.status = 411
    config.configure_sms(clinic.admin, sms_settings(url, ca_file))
    order_id = walk(Status.QUOTED)
    send_once(clinic.root / "maya.db", clinic.admin.vault.db_key)
    detail = OrderDetail(clinic.reception)
    qtbot.addWidget(detail)
    detail.resize(1000, 900)
    detail.open_order(order_id)
    detail.show()
    qtbot.wait(50)
    box = detail.notices_box
    assert box.isVisible() and box.failed.isVisible() and box.retry.isVisible()
    assert box.table.item(0, 2).text() == "ناموفق"
    detail.grab().save(str(artifacts / "notices_order_failed.png"))
    state.status = 200
    box.retry.click()
    assert [n.state for n in outbox.order_notices(clinic.reception, order_id)] == ["pending"]
    assert not box.failed.isVisible()


def test_the_notices_page_speaks_english(english, qtbot, clinic):
    from PySide6.QtWidgets import QGroupBox

    from maya_desktop.gui.notices_page import NoticesPage

    page = NoticesPage(clinic.admin)
    qtbot.addWidget(page)
    titles = [box.title() for box in page.findChildren(QGroupBox)]
    assert "Message templates" in titles and "Email through the clinic's mail server" in titles
    assert page.kind.itemText(0) == "Quote ready"
    disclosure = page.findChild(type(page.reviewed), "gatewayDisclosure").text()
    assert disclosure.startswith("The SMS gateway receives the client's mobile number and the message text")
