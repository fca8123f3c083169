"""The legal-requests screen (manager only): record -> approve -> export -> close, offscreen with pytest-qt.

Dialogs are answered through the page's `exec_dialog` seam, QMessageBox.question and
QFileDialog.getExistingDirectory are monkeypatched: no modal event loop runs in the tests.
Screenshots go to test-artifacts/legal_*.png.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
)

from maya_desktop.core.legal.export import export_request
from maya_desktop.core.legal.requests import get_request, list_requests
from maya_desktop.gui.legal_page import LegalPage, LegalRequestDialog
from tests.conftest import PASSWORD
from tests.legal.conftest import CARD, CASE, COURT, World, approved, record

PERSIAN = re.compile("[\u0600-\u06ff]")


def settled(qtbot, page: LegalPage) -> LegalPage:  # type: ignore[no-untyped-def]
    """Wait until the page's operations answered (they run off the GUI thread)."""
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    return page


def answer(page: LegalPage, fill: Callable[[QDialog], None]) -> list[QDialog]:
    seen: list[QDialog] = []

    def fake_exec(dialog) -> bool:  # type: ignore[no-untyped-def]
        seen.append(dialog)
        fill(dialog)
        if dialog.result() != QDialog.DialogCode.Accepted:
            dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    page.exec_dialog = fake_exec  # type: ignore[method-assign]
    return seen


def test_the_section_is_for_managers_only(qtbot, world: World):
    from maya_desktop.gui.main_window import MainWindow

    for session, shown in ((world.admin, True), (world.clinic.reception, False), (world.clinic.doctor, False)):
        window = MainWindow(session)
        qtbot.addWidget(window)
        assert ("legal" in window.page_by_key) is shown
        labels = [window.nav.item(row).text() for row in range(window.nav.count())]
        assert ("درخواست‌های قانونی" in labels) is shown
        window.close()


def test_record_approve_export_close(qtbot, world: World, usb: Path, monkeypatch, yes, artifacts: Path):
    from maya_desktop.gui.main_window import MainWindow

    window = MainWindow(world.admin)
    qtbot.addWidget(window)
    window.resize(1200, 720)
    window.show()
    window.show_page("legal")
    page: LegalPage = settled(qtbot, window.page_by_key["legal"])  # type: ignore[arg-type]
    assert page.table.rowCount() == 0 and not page.approve_button.isEnabled() and not page.export_button.isEnabled()

    def fill(d: LegalRequestDialog) -> None:  # type: ignore[override]
        d.save()  # nothing typed: refused in place, in Persian
        assert d.result() != QDialog.DialogCode.Accepted and "دادگاه" in d.error.text()
        d.court.setText(COURT)
        d.case_number.setText(CASE)
        d.letter_date.setText("۱۴۰۳/۰۵/۳۲")
        d.save()
        assert "تاریخ نامه" in d.error.text()
        d.letter_date.setText("۱۴۰۳/۰۵/۱۱")
        d.save()
        assert "مشتری" in d.error.text()
        d.picker.search.setText("شایگان")
        d.picker.refresh_results()
        qtbot.waitUntil(lambda: d.picker.results.count() == 1 and d.picker.client is not None, timeout=10_000)
        assert d.picker.client.id == world.a.id
        # A's orders, the destroyed one included; nothing of B
        qtbot.waitUntil(lambda: d.order_list.count() == 3, timeout=10_000)
        d.save()
        assert "دست‌کم یک مورد" in d.error.text()
        d.kind_checks["photos"].setChecked(True)
        d.kind_checks["reports"].setChecked(True)
        d.some_orders.setChecked(True)
        d.save()
        assert "سفارش" in d.error.text()  # "only ticked orders" with none ticked
        for row in range(d.order_list.count()):
            item = d.order_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == world.delivered:
                item.setCheckState(Qt.CheckState.Checked)
        d.notes.setPlainText("شمارهٔ کارت مشتری " + CARD)
        d.save()
        assert "کارت" in d.error.text() and "0315" not in d.error.text()
        assert not list_requests(world.admin)  # none of the refusals stored anything
        d.notes.setPlainText("نامه در دبیرخانه با شمارهٔ ۱۲ ثبت شد")
        d.show()
        qtbot.waitExposed(d)
        d.grab().save(str(artifacts / "legal_dialog.png"))

    answer(page, fill)
    recorded = page.new_request()
    assert recorded is not None and recorded.scope.order_ids == (world.delivered,)
    settled(qtbot, page)
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "۱"
    assert page.table.item(0, 5).text() == "ثبت شد، در انتظار تأیید" and page.table.item(0, 4).text() == "ترانه شایگان"
    assert "مدیر دیگری" in page.status.text()

    page.select_row(0)
    assert page.approve_button.isEnabled() and page.refuse_button.isEnabled() and not page.export_button.isEnabled()
    page.approve_button.click()
    settled(qtbot, page)
    assert "خود-تأیید" in yes[-1]  # the only manager is told the approval is marked self-approved
    assert get_request(world.admin, recorded.id).state == "approved"
    assert "(خود-تأیید)" in page.table.item(0, 7).text() and page.export_button.isEnabled()

    chosen: list[str] = []

    def choose(parent, title, *args, **kwargs):  # type: ignore[no-untyped-def]
        chosen.append(title)
        return str(usb)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    page.export_button.click()
    assert page.exporting and page.progress.isVisibleTo(page)  # off the GUI thread, with a busy bar
    settled(qtbot, page)
    folder = usb / "maya-legal-request-0001"
    assert chosen and folder.is_dir()
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    order = f"order-{world.delivered}"
    assert names == sorted(
        [
            "SHA256SUMS.txt",
            "cover-sheet.txt",
            "manifest.json",
            f"{order}/photo-01-frontal.jpg",
            f"{order}/photo-02-profile_left.jpg",
            f"{order}/report-findings.json",
            f"{order}/report-signed.pdf",
        ]
    )
    assert "maya-legal-request-0001" in page.status.text() and "۷" in page.status.text()
    assert page.status.property("role") == "success"
    assert page.table.item(0, 5).text() == "تحویل داده شد" and page.close_button.isEnabled()
    assert (
        "SHA-256" in page.details.text() and get_request(world.admin, recorded.id).export_sha256 in page.details.text()
    )
    qtbot.wait(50)
    window.grab().save(str(artifacts / "legal_page.png"))

    page.close_button.click()
    settled(qtbot, page)
    assert get_request(world.admin, recorded.id).state == "closed" and not page.export_button.isEnabled()
    window.lock()  # nothing of the request stays on screen behind the lock
    assert page.table.rowCount() == 0 and not page.details.text() and not page.status.text()
    window.lock_screen.findChild(QLineEdit, "unlockPassword").setText(PASSWORD)
    window.lock_screen.findChild(QPushButton, "unlockButton").click()
    qtbot.waitUntil(lambda: not world.admin.locked, timeout=10_000)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
    window.close()


def test_refusal_and_errors_are_shown_in_place(qtbot, world: World, usb: Path, artifacts: Path):
    request = approved(world.admin, world)
    page = settled(qtbot, LegalPage(world.admin))
    qtbot.addWidget(page)
    page.select_row(0)

    def fill(d) -> None:  # type: ignore[no-untyped-def]
        d.save()
        assert "دلیل" in d.error.text()
        d.reason.setPlainText("نامه مهر دادگاه ندارد")
        d.show()
        qtbot.waitExposed(d)
        d.grab().save(str(artifacts / "legal_refuse_dialog.png"))

    answer(page, fill)
    page.refuse()
    settled(qtbot, page)
    assert get_request(world.admin, request.id).state == "refused" and page.table.item(0, 5).text() == "رد شد"
    assert "نامه مهر دادگاه ندارد" in page.details.text()
    assert not page.export_button.isEnabled() and not page.refuse_button.isEnabled()
    page.export(str(usb))  # a refused request cannot be exported, even if someone calls it
    settled(qtbot, page)
    assert page.status.property("role") == "error" and "رد شد" in page.status.text()
    assert list(usb.iterdir()) == []


def test_four_eyes_in_the_page(qtbot, world: World, manager2, yes):
    request = record(world.admin, world)
    mine = settled(qtbot, LegalPage(world.admin))
    qtbot.addWidget(mine)
    mine.select_row(0)
    assert not mine.approve_button.isEnabled() and "مدیر دیگری" in mine.approve_button.toolTip()
    mine.approve()  # even when called directly, core refuses and the page says why
    settled(qtbot, mine)
    assert mine.status.property("role") == "error" and "چهار چشم" in mine.status.text()
    theirs = settled(qtbot, LegalPage(manager2))
    qtbot.addWidget(theirs)
    theirs.select_row(0)
    assert theirs.approve_button.isEnabled()
    theirs.approve_button.click()
    settled(qtbot, theirs)
    done = get_request(world.admin, request.id)
    assert done.state == "approved" and not done.self_approved and done.approved_by == "مدیر دوم"
    assert "خود-تأیید" not in theirs.table.item(0, 7).text()


# ---- English ---------------------------------------------------------------------------------------


def _chrome(widget) -> list[str]:  # type: ignore[no-untyped-def]
    texts = [widget.windowTitle()]
    texts += [w.text() for w in widget.findChildren(QAbstractButton)]
    texts += [w.placeholderText() for w in widget.findChildren(QLineEdit)]
    texts += [w.title() for w in widget.findChildren(QGroupBox)]
    texts += [w.text() for w in widget.findChildren(QLabel) if w.objectName() not in ("legalDetails", "legalStatus")]
    return [t for t in texts if t]


def test_page_and_dialog_in_english(english, qtbot, world: World, usb: Path, artifacts: Path):
    request = approved(world.admin, world, kinds=("identity", "photos"))
    export_request(world.admin, request.id, usb)
    record(world.admin, world, kinds=("history",))
    page = settled(qtbot, LegalPage(world.admin))
    qtbot.addWidget(page)
    page.resize(1100, 520)
    page.show()
    qtbot.waitExposed(page)
    page.select_row(1)
    assert page.isLeftToRight()
    headers = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert headers[:8] == [
        "No.",
        "Letter date",
        "Court",
        "Case number",
        "Client",
        "Status",
        "Recorded by",
        "Approved by",
    ]
    assert [page.table.item(r, 5).text() for r in range(2)] == ["Recorded, awaiting approval", "Exported"]
    assert not [t for t in _chrome(page) if PERSIAN.search(t)], _chrome(page)
    assert page.details.text().startswith("Scope: Client identity (name, mobile, email), Photos — orders: all orders")
    page.grab().save(str(artifacts / "legal_page_en.png"))

    dialog = LegalRequestDialog(world.admin, page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not [t for t in _chrome(dialog) if PERSIAN.search(t)], _chrome(dialog)
    dialog.save()
    assert dialog.error.text() and not PERSIAN.search(dialog.error.text())
    dialog.grab().save(str(artifacts / "legal_dialog_en.png"))
