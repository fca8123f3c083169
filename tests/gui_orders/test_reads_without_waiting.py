"""Lists and screens read through the operations layer without the GUI thread waiting for the database thread
(issue 13): while the database thread is busy (an import's next photo, another desk's request), a refresh
returns at once, the previous rows stay on screen, and the new ones appear when the answer comes. An answer
older than the one shown is dropped."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import Qt

from maya_desktop.core.orders import records
from maya_desktop.core.session import Session
from maya_desktop.gui.operations import operations_for
from maya_desktop.gui.orders.orders_page import OrdersPage
from maya_desktop.gui.page_ops import PageOps

WAIT = 10_000
AT_ONCE = 0.2  # seconds: a waiting GUI thread would take the whole hold (10 s)


@contextmanager
def database_thread_busy(session: Session) -> Iterator[None]:
    """The session's database thread runs a slow operation until the block ends (or 10 s pass)."""
    release = threading.Event()
    started = threading.Event()

    def slow(_session: Any, _request: Any) -> None:
        started.set()
        release.wait(10)

    operations_for(session).run(slow)
    try:
        if not started.wait(10):
            raise RuntimeError("the database thread never started the slow operation")
        yield
    finally:
        release.set()


def timed(action: Callable[[], None]) -> float:
    start = time.monotonic()
    action()
    return time.monotonic() - start


def _orders_page(qtbot, session: Session) -> OrdersPage:  # type: ignore[no-untyped-def]
    page = OrdersPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.loading, timeout=WAIT)
    return page


def test_the_orders_list_refreshes_without_waiting_and_keeps_its_rows_meanwhile(qtbot, reception) -> None:  # type: ignore[no-untyped-def]
    records.create_order(reception, 1, "rhinoplasty_analysis")
    page = _orders_page(qtbot, reception)
    assert page.model.rowCount() == 1
    records.create_order(reception, 2, "rhinoplasty_analysis")
    shown: list[int] = []
    page.rows_shown.connect(lambda: shown.append(page.model.rowCount()))
    with database_thread_busy(reception):
        elapsed = timed(page.refresh)
        assert elapsed < AT_ONCE, elapsed
        assert page.loading and shown == []
        assert page.model.rowCount() == 1  # the previous rows stay until the answer comes
    qtbot.waitUntil(lambda: shown == [2], timeout=WAIT)
    assert not page.loading
    assert page.count_label.text() == "نمایش ۲ از ۲ سفارش"


def test_an_order_row_is_read_without_waiting(qtbot, reception) -> None:  # type: ignore[no-untyped-def]
    order = records.create_order(reception, 1, "rhinoplasty_analysis")
    page = _orders_page(qtbot, reception)
    with database_thread_busy(reception):
        elapsed = timed(lambda: page.refresh_order(order.id))
        assert elapsed < AT_ONCE, elapsed
        assert page.loading
    qtbot.waitUntil(lambda: not page.loading, timeout=WAIT)
    assert [row.order.id for row in page.model.rows] == [order.id]


def test_an_older_list_answer_arriving_late_never_replaces_a_newer_one(qtbot, reception, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The vault's own database thread answers in order; a host's answers over the network need not. Answers
    are held here and handed over newest first."""
    records.create_order(reception, 1, "rhinoplasty_analysis")  # a draft
    page = _orders_page(qtbot, reception)
    held: list[tuple[Callable[[Any], None], Any]] = []
    real_run = PageOps.run

    def run(self, op, request=None, on_done=None, on_error=None):  # type: ignore[no-untyped-def]
        if self is page.ops and on_done is not None:
            return real_run(self, op, request, lambda result: held.append((on_done, result)), on_error)
        return real_run(self, op, request, on_done, on_error)

    monkeypatch.setattr(PageOps, "run", run)
    page.status_filter.setCurrentIndex(page.status_filter.findData("draft"))  # asked first: one row
    page.status_filter.setCurrentIndex(page.status_filter.findData("paid"))  # asked second: none
    qtbot.waitUntil(lambda: len(held) == 2, timeout=WAIT)
    assert page.model.rowCount() == 1  # nothing shown yet: the rows before
    newer, older = held[1], held[0]
    newer[0](newer[1])
    assert page.model.rowCount() == 0
    older[0](older[1])
    assert page.model.rowCount() == 0  # the draft list came late: dropped
    assert not page.loading


def test_an_answer_asked_before_the_lock_is_never_shown(qtbot, reception) -> None:  # type: ignore[no-untyped-def]
    records.create_order(reception, 1, "rhinoplasty_analysis")
    page = _orders_page(qtbot, reception)
    page.model.clear()
    with qtbot.waitSignal(page.ops.busy, timeout=WAIT, check_params_cb=lambda busy: not busy):
        with database_thread_busy(reception):
            page.refresh()
            page.on_locked()  # (the main window's `locked`; the vault stays open here, so PageOps delivers)
    assert page.model.rowCount() == 0 and not page.loading


def test_the_price_rules_are_read_without_waiting_and_saved_under_the_service_shown(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    """Rules and gateways are read without waiting; until the other service's rules come, the table still shows
    the first service's, and saving stores them under that service, not under the one chosen meanwhile."""
    from maya_desktop.core.orders.quotes import price_rules
    from maya_desktop.core.orders.states import Service
    from maya_desktop.gui.orders.price_rules_page import RULE_ROLE, PriceRulesPage

    page = PriceRulesPage(demo)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.loading, timeout=WAIT)
    assert page.shown_service == Service.RHINOPLASTY_ANALYSIS
    shown: list[Service | None] = []
    page.rows_shown.connect(lambda: shown.append(page.shown_service))
    document = page.service.findData(Service.CONFIDENTIAL_DOCUMENT.value)
    with database_thread_busy(demo):
        elapsed = timed(lambda: page.service.setCurrentIndex(document))
        assert elapsed < AT_ONCE, elapsed
        assert page.loading and shown == []
        base = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).data(RULE_ROLE) == "base")
        page.table.item(base, 1).setText("۳٬۰۰۰٬۰۰۰")  # the rhinoplasty rows, still shown
    assert page.save() == 1  # a write waits for its answer (the answers read meanwhile are not shown before)
    assert price_rules(demo, "rhinoplasty_analysis")["base"] == 30_000_000
    assert price_rules(demo, "confidential_document")["base"] != 30_000_000
    qtbot.waitUntil(lambda: not page.loading and shown[-1:] == [Service.CONFIDENTIAL_DOCUMENT], timeout=WAIT)
    rules = [page.table.item(r, 0).data(RULE_ROLE) for r in range(page.table.rowCount())]
    assert "per_word" in rules and "per_finding" not in rules


def test_the_client_picker_searches_without_waiting(qtbot, reception) -> None:  # type: ignore[no-untyped-def]
    """The new-order dialog's client list (its first one too) comes when the database thread answers; the
    matches shown stay until then, and an older search's answer never replaces a newer one."""
    from maya_desktop.gui.client_picker import ClientPicker

    picker = ClientPicker(reception)
    qtbot.addWidget(picker)
    with database_thread_busy(reception):
        elapsed = timed(picker.start)
        assert elapsed < AT_ONCE, elapsed
        assert picker.loading and picker.results.count() == 0
    qtbot.waitUntil(lambda: not picker.loading, timeout=WAIT)
    everyone = picker.results.count()
    assert everyone > 1
    first = picker.results.item(0).data(Qt.ItemDataRole.UserRole)

    with database_thread_busy(reception):
        picker.search.setText(first.last_name)
        picker.debounce.stop()
        elapsed = timed(picker.refresh_results)
        assert elapsed < AT_ONCE, elapsed
        assert picker.results.count() == everyone  # the previous matches stay meanwhile
    qtbot.waitUntil(lambda: not picker.loading, timeout=WAIT)
    matches = [picker.results.item(n).data(Qt.ItemDataRole.UserRole) for n in range(picker.results.count())]
    assert matches and all(first.last_name in c.last_name for c in matches) and len(matches) < everyone
