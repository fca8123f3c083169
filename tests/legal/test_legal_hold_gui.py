"""The legal hold on screen: the legal page shows which requests hold data and lifts a hold by closing the
request; the order screen says "held by a legal request" instead of a destruction date. Persian and
English; screenshots go to test-artifacts/legal_hold_*.png."""

from __future__ import annotations

from pathlib import Path

from maya_desktop.core.legal.requests import get_request
from maya_desktop.core.orders import records
from maya_desktop.core.orders.states import Status
from maya_desktop.core.settings import set_setting
from maya_desktop.gui.legal_page import LegalPage
from maya_desktop.gui.orders.order_detail import OrderDetail
from tests.legal.conftest import World, approved, record
from tests.legal.test_legal_gui import PERSIAN, _chrome, settled

HOLD_COLUMN = 8


def _page(qtbot, world: World) -> LegalPage:  # type: ignore[no-untyped-def]
    page = LegalPage(world.admin)
    qtbot.addWidget(page)
    page.resize(1250, 560)
    page.show()
    qtbot.waitExposed(page)
    return settled(qtbot, page)


def _detail(qtbot, session, order_id: int) -> OrderDetail:  # type: ignore[no-untyped-def]
    detail = OrderDetail(session)
    qtbot.addWidget(detail)
    detail.resize(1100, 700)
    detail.show()
    detail.open_order(order_id)
    qtbot.waitExposed(detail)
    return detail


def test_a_manager_holds_sees_and_lifts_a_hold_and_the_order_screen_says_held(
    qtbot, world: World, yes, artifacts: Path
):
    set_setting(world.admin.conn, "retention_days_after_delivery", 0)
    world.admin.conn.commit()
    request = approved(world.admin, world, kinds=("photos", "reports"), orders=[world.delivered])
    page = _page(qtbot, world)
    page.select_row(0)
    assert page.table.item(0, HOLD_COLUMN).text() == "—" and page.hold_button.isEnabled()
    page.hold_button.click()
    settled(qtbot, page)
    assert "نابود نمی‌شود" in yes[-1]
    assert get_request(world.admin, request.id).hold_active
    assert page.table.item(0, HOLD_COLUMN).text() == "فعال" and not page.hold_button.isEnabled()
    assert "نگهداری قانونی: از" in page.details.text() and "ادامه دارد" in page.details.text()
    qtbot.wait(50)
    page.grab().save(str(artifacts / "legal_hold_page.png"))

    detail = _detail(qtbot, world.clinic.reception, world.delivered)
    delivery = detail.info_values["delivery"].text()
    assert "درخواست قانونی" in delivery and "نابودی خودکار" not in delivery
    detail.grab().save(str(artifacts / "legal_hold_order.png"))

    page.select_row(0)
    assert page.close_button.isEnabled()  # approved, not exported: closable (the court withdrew)
    page.close_button.click()
    settled(qtbot, page)
    assert "نگهداری قانونی پایان" in yes[-1]
    closed = get_request(world.admin, request.id)
    assert closed.state == "closed" and not closed.hold_active
    assert page.table.item(0, HOLD_COLUMN).text() == "پایان یافت"
    assert records.get_order(world.admin, world.delivered).status == Status.DESTROYED  # ran at once
    detail.open_order(world.delivered)
    assert "نابود شد" in detail.info_values["delivery"].text()


def test_the_hold_screens_in_english(english, qtbot, world: World, artifacts: Path):
    request = record(world.admin, world, kinds=("photos",), orders=[world.delivered], hold=True)
    page = _page(qtbot, world)
    page.select_row(0)
    headers = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert headers[HOLD_COLUMN] == "Legal hold" and page.table.item(0, HOLD_COLUMN).text() == "Active"
    assert "Legal hold: since" in page.details.text()
    assert not [t for t in _chrome(page) if PERSIAN.search(t)], _chrome(page)
    qtbot.wait(50)  # the details label grows on the next layout pass
    page.grab().save(str(artifacts / "legal_hold_page_en.png"))
    detail = _detail(qtbot, world.admin, world.delivered)
    delivery = detail.info_values["delivery"].text()
    assert "held by a legal request" in delivery.lower() and not PERSIAN.search(delivery)
    detail.grab().save(str(artifacts / "legal_hold_order_en.png"))
    assert request.hold_active
