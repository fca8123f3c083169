"""Issue 17: after an import the order screen keeps the cards that did not change and the order list
updates the one row, instead of rebuilding both (a 34-43 ms GUI stall)."""

from __future__ import annotations

from pathlib import Path

from maya_desktop.core.orders import records
from maya_desktop.core.orders.states import Status
from maya_desktop.gui.orders.orders_page import OrdersPage


def _import(detail, qtbot, paths: list[Path]):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(detail.import_finished, timeout=120_000) as blocker:
        assert detail.import_paths(paths, run_analysis=False)
    return blocker.args[0]


def test_second_import_keeps_the_first_cards_and_updates_one_list_row(qtbot, reception, faces: Path) -> None:
    order = records.create_order(reception, 1, "rhinoplasty_analysis")
    page = OrdersPage(reception)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    detail = page.detail
    detail.open_order(order.id)
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))

    _import(detail, qtbot, [faces / "obama.jpg", faces / "biden.jpg"])
    first_cards = dict(detail.cards)
    assert len(first_cards) == 2 and all(card.has_image() for card in first_cards.values())
    row = next(r for r in page.model.rows if r.order.id == order.id)
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
