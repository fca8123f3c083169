"""Issue 17: after an import the order screen keeps the cards that did not change and the order list
updates the one row, instead of rebuilding both (a 34-43 ms GUI stall)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from maya_desktop.core.orders import records
from maya_desktop.core.orders.states import Status
from maya_desktop.gui.orders.orders_page import OrdersPage


def _import(detail, qtbot, paths: list[Path]):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(detail.import_finished, timeout=120_000) as blocker:
        assert detail.import_paths(paths, run_analysis=False)
    return blocker.args[0]


def _order_screen(qtbot, reception):  # type: ignore[no-untyped-def]
    """The orders page with a new photo order open: (page, its order screen)."""
    order = records.create_order(reception, 1, "rhinoplasty_analysis")
    page = OrdersPage(reception)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)  # the list is read without waiting
    page.detail.open_order(order.id)
    return page, page.detail


def test_second_import_keeps_the_first_cards_and_updates_one_list_row(qtbot, reception, faces: Path) -> None:
    page, detail = _order_screen(qtbot, reception)
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))

    _import(detail, qtbot, [faces / "obama.jpg", faces / "biden.jpg"])
    first_cards = dict(detail.cards)
    assert len(first_cards) == 2 and all(card.has_image() for card in first_cards.values())
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)  # the row is read without waiting
    row = next(r for r in page.model.rows if r.order.id == detail.order.id)
    assert row.order.status == Status.PHOTOS_IMPORTED  # the list row followed the order...
    assert resets == []  # ...without reloading the whole list

    _import(detail, qtbot, [faces / "grace_hopper.jpg"])
    assert len(detail.cards) == 3
    for photo_id, card in first_cards.items():
        assert detail.cards[photo_id] is card  # the same widget: not rebuilt
    new_id = (set(detail.cards) - set(first_cards)).pop()
    assert detail.cards[new_id].has_image()
    positions = [detail.grid.getItemPosition(detail.grid.indexOf(detail.cards[p.id]))[:2] for p in detail.photos]
    assert positions == [(0, 0), (0, 1), (0, 2)]

    other = records.create_order(reception, 2, "rhinoplasty_analysis")
    detail.open_order(other.id)
    assert detail.cards == {}  # another order's cards are never reused


def test_the_screen_never_waits_for_the_database_thread_while_an_import_runs(
    qtbot, reception, faces: Path, monkeypatch
) -> None:
    """The import's photos (and their analysis) run one after another on the vault's one database thread.
    A screen that asked it and waited (to show each new card) froze for a whole photo: 0.8-1.2 s on a 12 MP
    photo with analysis. While importing, the order screen only asks without waiting; each card still shows.
    The reload once the last photo is in does not wait either: the database thread audits the last photo's
    analysis for it (an audit anchor written to disk), the longest stall of an import (60-210 ms)."""
    import threading

    from maya_desktop.gui.page_ops import PageOps

    _page, detail = _order_screen(qtbot, reception)
    waited: list[str] = []
    real_call = PageOps.call
    running = [True]
    detail.import_finished.connect(lambda _summary: running.clear())

    def call(self, op, request=None):  # type: ignore[no-untyped-def]
        if running and self is detail.ops and threading.current_thread() is threading.main_thread():
            waited.append(op)  # the GUI thread waiting (the import worker's own calls are on its thread)
        return real_call(self, op, request)

    monkeypatch.setattr(PageOps, "call", call)
    _import(detail, qtbot, [faces / "obama.jpg", faces / "biden.jpg", faces / "grace_hopper.jpg"])
    assert waited == []  # never a waiting call from the screen from the click until the import is reported
    assert len(detail.cards) == 3 and all(card.has_image() for card in detail.cards.values())
    assert detail.order is not None and detail.order.status == Status.PHOTOS_IMPORTED


def test_a_card_follows_its_photo_in_place_when_the_views_are_confirmed(qtbot, reception, faces: Path) -> None:
    """Confirming the views changes every photo's row; each card is updated, not rebuilt (and re-decoded)."""
    _page, detail = _order_screen(qtbot, reception)
    _import(detail, qtbot, [faces / "obama.jpg", faces / "biden.jpg"])
    cards = dict(detail.cards)
    for card in cards.values():
        card.view.setCurrentIndex(card.view.findData("frontal"))
    detail.confirm_views()
    assert all(p.view_confirmed for p in detail.photos)
    assert detail.cards == cards  # the same widgets...
    for card in cards.values():
        assert card.photo.view_confirmed and card.has_image()  # ...showing the new row, thumbnail kept
        assert card.state.text() == card.tr("✓ نما تأیید شده")


def test_each_background_load_is_shown_in_turn_unless_a_newer_one_is_shown(qtbot, reception, faces: Path) -> None:
    """During an import each photo's load waits on the database thread behind the next photo's import: showing
    only the newest answer left all the cards to the last one (six cards built at once, a 35-80 ms stall). Every
    answer is shown in turn, one card at a time; an answer older than what a waiting load showed is not."""
    _page, detail = _order_screen(qtbot, reception)
    _import(detail, qtbot, [faces / "obama.jpg"])
    order_id = detail.order.id
    shown: list[int] = []
    real_apply = detail._apply
    detail._apply = lambda snapshot: (shown.append(len(snapshot.photos)), real_apply(snapshot))  # type: ignore[method-assign]

    detail._load_in_background(order_id)
    detail._load_in_background(order_id)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10_000)  # the older answer too, then the newer one

    shown.clear()
    detail._load_in_background(order_id)  # its answer comes after the waiting load below: older, not shown
    detail._load(order_id)
    qtbot.wait(300)
    assert shown == [1]


def test_a_new_photo_changes_only_the_photos_section(qtbot, reception, faces: Path) -> None:
    """During an import each photo's reload brings the same order with one photo more. The screen adds that
    photo's card after the others (the same widgets, left in their grid cells) and sets nothing else again:
    re-setting every label and table of the screen, and taking every card out of the grid and back, made Qt lay
    out and repaint the whole screen for each photo (the import's longest GUI stalls). What it ends showing is
    still exactly what a screen opened afresh on the order shows."""
    from maya_desktop.gui.orders.order_detail import OrderDetail

    _page, detail = _order_screen(qtbot, reception)
    _import(detail, qtbot, [faces / "obama.jpg"])
    first = dict(detail.cards)
    assert len(first) == 1

    calls: list[str] = []

    def spy(owner, name: str) -> None:  # type: ignore[no-untyped-def]
        real = getattr(owner, name)
        setattr(owner, name, lambda *args: (calls.append(name), real(*args))[1])

    spy(detail.info_section, "show_order")
    spy(detail.quote_section, "show_quote")
    spy(detail.payments_section, "show_payments")
    spy(detail.consents_section, "show_consents")
    spy(detail.notices_box, "load")
    spy(detail.title, "setText")
    spy(detail.badge, "setText")
    spy(detail.grid, "removeWidget")
    _import(detail, qtbot, [faces / "biden.jpg", faces / "grace_hopper.jpg"])

    assert len(detail.cards) == 3
    for photo_id, card in first.items():
        assert detail.cards[photo_id] is card  # the same widget...
    assert calls == []  # ...never taken out of the grid, and no other part of the screen set again
    positions = [detail.grid.getItemPosition(detail.grid.indexOf(detail.cards[p.id]))[:2] for p in detail.photos]
    assert positions == [(0, 0), (0, 1), (0, 2)]
    assert all(card.has_image() for card in detail.cards.values())
    assert detail.photos_section.ready == {}  # the cards built ahead were all placed

    fresh = OrderDetail(reception)
    qtbot.addWidget(fresh)
    fresh.open_order(detail.order.id)
    assert [p.id for p in detail.photos] == [p.id for p in fresh.photos]
    assert [card.photo for card in detail.cards.values()] == [card.photo for card in fresh.cards.values()]
    assert (detail.title.text(), detail.badge.text()) == (fresh.title.text(), fresh.badge.text())
    assert {k: v.text() for k, v in detail.info_values.items()} == {k: v.text() for k, v in fresh.info_values.items()}
    assert detail.analysis_label.text() == fresh.analysis_label.text()
    assert detail.photos_hint.text() == fresh.photos_hint.text()

    section = detail.photos_section
    ahead = dataclasses.replace(detail.photos[0], id=10**6)  # a card built ahead whose reload has not come yet
    section.thumbs[ahead.id] = section.thumbs[detail.photos[0].id]
    section.prepare_card(ahead, section.thumbs[ahead.id])
    qtbot.waitUntil(lambda: ahead.id in section.ready, timeout=10_000)
    assert section.ready[ahead.id].has_image() and not section.ready[ahead.id].isVisible()
    detail.on_locked()  # the lock drops the pixels, a card built ahead too; the next load sets everything again
    assert section.ready == {} and not any(card.has_image() for card in detail.cards.values())
    detail.on_unlocked()
    assert calls.count("show_order") == 1 and all(card.has_image() for card in detail.cards.values())
