"""Order screens beyond the walk: import cancel, no pixels for reception after the import step,
lock clears thumbnails, break-glass for the manager, list filters and rendering, price rules."""

from __future__ import annotations

from pathlib import Path

from maya_desktop.core import photos
from maya_desktop.core.orders import records
from maya_desktop.core.orders.demo import create_demo_orders
from maya_desktop.core.orders.quotes import price_rules
from maya_desktop.core.orders.states import Status
from maya_desktop.gui.main_window import MainWindow
from maya_desktop.gui.orders.order_detail import OrderDetail
from maya_desktop.gui.orders.orders_page import OrdersPage
from maya_desktop.gui.orders.price_rules_page import RULE_ROLE
from maya_desktop.gui.orders_page import OrdersPage as ReExported
from tests.gui_orders.conftest import answer_dialogs


def _import_now(detail: OrderDetail, qtbot, paths: list[Path], **kw):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(detail.import_finished, timeout=120_000) as blocker:
        assert detail.import_paths(paths, **kw)
    return blocker.args[0]


def test_import_cancel_keeps_only_complete_photos_and_reports_errors(qtbot, reception, faces: Path, tmp_path: Path):
    order = records.create_order(reception, 1, "rhinoplasty_analysis")
    detail = OrderDetail(reception)
    qtbot.addWidget(detail)
    detail.show()
    detail.open_order(order.id)
    bad = tmp_path / "not_a_photo.jpg"
    bad.write_bytes(b"this is text, not a JPEG")
    paths = [bad] + [faces / "obama.jpg", faces / "biden.jpg", faces / "grace_hopper.jpg"] * 3
    seen: list[int] = []

    def stop_after_first_photo(done: int, _total: int) -> None:
        seen.append(done)
        if done == 2:  # the bad file, then one photo: press "توقف"
            detail.cancel_import_button.click()

    # connected before the import starts (connecting to the worker once it ran could miss its first photos)
    detail.import_progress.connect(stop_after_first_photo)
    with qtbot.waitSignal(detail.import_finished, timeout=120_000) as blocker:
        assert detail.import_paths(paths, run_analysis=False)
        assert not detail.buttons["import"].isEnabled() and not detail.back.isEnabled()
    summary = blocker.args[0]
    assert seen[:2] == [1, 2] and summary.cancelled and 1 <= len(summary.imported) < 9
    assert [label for label, _ in summary.errors] == ["not_a_photo.jpg"]
    assert "not_a_photo.jpg" in detail.import_report.text() and "پشتیبانی" in detail.import_report.text()
    assert "متوقف" in detail.notice.text()
    # nothing half-registered: rows, counters and ciphertext files agree
    conn = reception.conn
    n_photos = conn.execute("SELECT count(*) FROM photos WHERE order_id = ?", (order.id,)).fetchone()[0]
    files = [r[0] for r in conn.execute("SELECT file_id FROM order_files WHERE order_id = ?", (order.id,))]
    assert n_photos == len(summary.imported) == records.get_order(reception, order.id).files_count
    assert len(files) == 2 * n_photos and all((reception.vault.data_dir.blobs / f).exists() for f in files)
    assert len(detail.cards) == n_photos and detail.buttons["import"].isEnabled()


def test_reception_sees_no_thumbnails_after_the_import_step_and_lock_clears_them(
    qtbot, reception, faces: Path, artifacts: Path
):
    window = MainWindow(reception)
    qtbot.addWidget(window)
    window.show()
    page = window.page_by_key["orders"]
    order = records.create_order(reception, 2, "rhinoplasty_analysis")
    window.show_order(order.id)
    detail = page.detail
    _import_now(detail, qtbot, [faces / "obama.jpg", faces / "group_collage.jpg"])
    assert detail.order.status == Status.PHOTOS_IMPORTED
    assert all(card.has_image() for card in detail.cards.values())
    refused = [c for c in detail.cards.values() if c.verdict.property("role") == "error"]
    assert len(refused) == 1 and "رد شد" in refused[0].verdict.text()  # several faces: Persian reason
    assert "۱ عکس رد شد" in detail.analysis_label.text()

    window.lock()  # no pixel stays on screen while locked
    assert not detail.thumbs and not any(card.has_image() for card in detail.cards.values())
    assert not any(b.isEnabled() for b in detail.buttons.values())
    window.lock_screen.password.setText("Correct-Horse-42!")
    window.lock_screen.try_unlock()  # the key is derived off the GUI thread
    qtbot.waitUntil(lambda: all(card.has_image() for card in detail.cards.values()), timeout=10_000)  # shown again

    photos.remove_photo(reception, [p.id for p in detail.photos][1])
    detail.reload()
    detail.cards[detail.photos[0].id].view.setCurrentIndex(0)
    detail.buttons["confirm"].click()
    detail.buttons["complete"].click()
    assert detail.order.status == Status.ANALYZED
    assert detail.cards and not any(card.has_image() for card in detail.cards.values())
    assert "نمایش داده نمی‌شود" in detail.photos_hint.text()
    # the screen asks core.orders.access first, so looking at the order does not flood the log with denials
    denied = reception.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'order.file_access_denied'")
    assert denied.fetchone()[0] == 0


def test_manager_break_glass_shows_thumbnails_for_a_limited_time(qtbot, demo, faces: Path):
    order = records.create_order(demo, 3, "rhinoplasty_analysis")
    photos.import_photo(demo, order.id, (faces / "obama.jpg").read_bytes(), run_analysis=False)
    info = photos.list_photos(demo, order.id)[0]
    photos.confirm_views(demo, order.id, {info.id: "frontal"})
    photos.complete_analysis(demo, order.id)
    detail = OrderDetail(demo)
    qtbot.addWidget(detail)
    detail.open_order(order.id)
    assert not detail.cards[info.id].has_image() and detail.buttons["breakglass"].isEnabled()

    def too_short(d) -> None:  # type: ignore[no-untyped-def]
        assert d.minutes.maximum() == 60
        d.reason.setPlainText("فوری")
        d.save()
        assert d.error.isVisibleTo(d) and "دلیل" in d.error.text()
        d.reason.setPlainText("درخواست کتبی پزشک برای بررسی دوبارهٔ کیفیت عکس")
        d.minutes.setValue(10)

    answer_dialogs(detail, too_short)
    detail.buttons["breakglass"].click()
    assert detail.break_glass_id is not None and detail.banner.isVisibleTo(detail)
    assert detail.cards[info.id].has_image()
    detail.end_glass.click()
    assert detail.break_glass_id is None and not detail.cards[info.id].has_image()


def test_order_list_filters_and_renders(qtbot, demo, faces: Path, artifacts: Path):
    assert ReExported is OrdersPage
    create_demo_orders(demo, [(faces / "obama.jpg").read_bytes(), (faces / "biden.jpg").read_bytes()], count=6)
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    window.show_page("orders")
    page = window.page_by_key["orders"]
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)  # the list is read without waiting
    assert page.model.rowCount() == 6
    assert {row.order.status for row in page.model.rows} >= {Status.DRAFT, Status.QUOTED, Status.CONSENTED}
    quoted_row = next(r for r in range(6) if page.model.rows[r].order.status == Status.QUOTED)
    assert page.model.index(quoted_row, 3).data() == "قیمت اعلام شد"
    assert "تومان" in page.model.index(quoted_row, 5).data() and "۲" in page.model.index(quoted_row, 5).data()
    assert "/" in page.model.index(0, 4).data() and page.model.index(0, 4).data().startswith("۱۴")
    qtbot.wait(50)
    window.grab().save(str(artifacts / "orders_list.png"))

    page.status_filter.setCurrentIndex(page.status_filter.findData("paid"))
    assert page.model.rowCount() == 6  # the previous rows stay until the new list comes
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    assert page.model.rowCount() == 1 and page.model.rows[0].order.status == Status.PAID
    page.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    name = page.model.rows[0].client_name.split()[-1]
    page.search.setText(name)
    qtbot.waitUntil(lambda: page.proxy.rowCount() < 6, timeout=3000)
    shown = [
        page.model.rows[page.proxy.mapToSource(page.proxy.index(r, 0)).row()] for r in range(page.proxy.rowCount())
    ]
    assert shown and all(name in row.client_name for row in shown)

    def new(d) -> None:  # type: ignore[no-untyped-def]
        d.search.setText("")
        d.save()
        assert "مشتری" in d.error.text()  # no client chosen: refused in place
        qtbot.waitUntil(lambda: not d.picker.loading and d.results.count() > 0, timeout=10_000)  # read without waiting
        d.results.setCurrentRow(0)

    answer_dialogs(page, new)
    created = page.new_order()
    assert created is not None and page.detail.order.id == created and page.detail.order.status == Status.DRAFT


def test_price_rules_page_edits_in_toman(qtbot, demo, artifacts: Path):
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    window.show_page("prices")
    page = window.page_by_key["prices"]
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)  # the rules are read without waiting
    by_rule = {page.table.item(r, 0).data(RULE_ROLE): r for r in range(page.table.rowCount())}
    assert page.table.item(by_rule["base"], 1).text() == "۲٬۵۰۰٬۰۰۰"
    page.table.item(by_rule["base"], 1).setText("۳٬۰۰۰٬۰۰۰")
    assert page.save() == 1
    assert price_rules(demo, "rhinoplasty_analysis")["base"] == 30_000_000
    page.table.item(by_rule["per_finding"], 1).setText("abc")
    assert page.save() == 0 and page.status.property("role") == "error"
    assert price_rules(demo, "rhinoplasty_analysis")["per_finding"] == 1_000_000
    page.add_rule("finding:nasolabial_angle", 2_000_000)
    assert price_rules(demo, "rhinoplasty_analysis")["finding:nasolabial_angle"] == 2_000_000
    qtbot.wait(50)
    window.grab().save(str(artifacts / "orders_price_rules.png"))


def test_a_change_made_at_another_desk_first_is_refused_shown_and_reloaded(qtbot, reception, login, faces: Path):
    """Issue 14: two reception desks open the same quoted order; the second one's payment is refused with a
    clear message, the screen reloads (showing the first desk's payment) and nothing is overwritten."""
    from maya_desktop.core.orders.states import Status as S
    from maya_desktop.core.staff import accept_agreement
    from tests.factories import walk_order

    doctor = login("doctor")
    accept_agreement(doctor)
    order_id = walk_order(reception, doctor, 4, S.QUOTED, [(faces / "obama.jpg").read_bytes()])
    other = login("reception")
    accept_agreement(other)
    here, there = OrderDetail(reception), OrderDetail(other)
    for detail in (here, there):
        qtbot.addWidget(detail)
        detail.show()
        detail.open_order(order_id)

    def pay(reference: str):  # type: ignore[no-untyped-def]
        def fill(d) -> None:  # type: ignore[no-untyped-def]
            d.gateway.setCurrentText("درگاه سامان")
            d.reference.setText(reference)

        return fill

    answer_dialogs(there, pay("111"))
    there.buttons["pay"].click()
    assert there.order.status == S.PAID
    answer_dialogs(here, pay("222"))
    stale = here.order.version
    here.buttons["pay"].click()
    assert here.error.isVisible() and "هم‌زمان" in here.error.text()  # said plainly...
    assert here.order.version > stale and here.order.status == S.PAID  # ...and reloaded
    assert [here.payments_table.item(r, 1).text() for r in range(here.payments_table.rowCount())] == ["111"]


def test_the_manager_keeps_the_payment_gateways_on_the_prices_page(qtbot, demo):
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    window.show_page("prices")
    page = window.page_by_key["prices"]
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)  # read without waiting
    assert page.gateways() == []
    assert page.set_gateways(["درگاه سامان", "کارت‌خوان ملت"])
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    assert page.gateways() == ["درگاه سامان", "کارت‌خوان ملت"]
    assert not page.set_gateways(["درگاه سامان", "درگاه سامان"]) and page.status.property("role") == "error"
    page.gateway_list.setCurrentRow(0)
    page.remove_selected_gateway()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    assert page.gateways() == ["کارت‌خوان ملت"]
