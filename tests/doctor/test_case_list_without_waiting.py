"""The doctor's case list is read without the GUI thread waiting for the database thread (issue 13)."""

from __future__ import annotations

from pathlib import Path

from maya_desktop.gui.doctor.cases_page import CasesPage
from tests.doctor.conftest import make_case
from tests.gui_orders.test_reads_without_waiting import AT_ONCE, WAIT, database_thread_busy, timed


def test_the_case_list_refreshes_without_waiting_and_keeps_its_rows_meanwhile(qtbot, clinic, faces: Path) -> None:  # type: ignore[no-untyped-def]
    first = make_case(clinic, faces, photos_views=(("obama.jpg", "frontal"),))
    shown: list[int] = []
    with database_thread_busy(clinic.doctor):
        page = CasesPage(clinic.doctor)  # the page asks for its list as it is made...
        qtbot.addWidget(page)
        page.rows_shown.connect(lambda: shown.append(page.table.rowCount()))
        assert page.loading and page.table.rowCount() == 0  # ...and is made before the answer
    qtbot.waitUntil(lambda: shown == [1], timeout=WAIT)
    assert [row.order.id for row in page.rows] == [first]

    second = make_case(clinic, faces, photos_views=(("biden.jpg", "frontal"),))
    with database_thread_busy(clinic.doctor):
        elapsed = timed(page.refresh)
        assert elapsed < AT_ONCE, elapsed
        assert page.loading and shown == [1]
        assert page.table.rowCount() == 1 and page.table.item(0, 0).text()  # the previous rows stay meanwhile
    qtbot.waitUntil(lambda: shown == [1, 2], timeout=WAIT)
    assert {row.order.id for row in page.rows} == {first, second} and not page.loading


def test_a_list_asked_before_the_lock_is_never_shown(qtbot, clinic, faces: Path) -> None:  # type: ignore[no-untyped-def]
    make_case(clinic, faces, photos_views=(("obama.jpg", "frontal"),))
    page = CasesPage(clinic.doctor)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading, timeout=WAIT)
    with qtbot.waitSignal(page.ops.busy, timeout=WAIT, check_params_cb=lambda busy: not busy):
        with database_thread_busy(clinic.doctor):
            page.refresh()
            page.clear_sensitive()  # (the main window's `locked`; the vault stays open here, so PageOps delivers)
    assert page.table.rowCount() == 0 and page.rows == [] and not page.loading
