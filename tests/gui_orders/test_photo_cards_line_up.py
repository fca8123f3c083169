"""Reception's photo cards (English, where their texts take different numbers of lines): every card of a row
starts on one top line (a shorter card used to sit lower, centred in its row), and a refused photo's reason is
shown whole («…; the photo must show one person.» was cut to «one perso…»)."""

from __future__ import annotations

from pathlib import Path

from maya_desktop.core.orders import records
from maya_desktop.gui.orders.order_detail import OrderDetail


def test_cards_share_a_top_line_and_a_refusal_reads_whole(english, qtbot, reception, faces: Path):
    order = records.create_order(reception, 1, "rhinoplasty_analysis")
    detail = OrderDetail(reception)
    qtbot.addWidget(detail)
    detail.resize(1180, 700)
    detail.show()
    detail.open_order(order.id)
    with qtbot.waitSignal(detail.import_finished, timeout=120_000):
        assert detail.import_paths([faces / "obama.jpg", faces / "biden.jpg", faces / "group_collage.jpg"])
    shown = lambda: len(detail.cards) == 3 and all(c.has_image() for c in detail.cards.values())  # noqa: E731
    qtbot.waitUntil(shown, timeout=60_000)
    qtbot.wait(50)
    cards = list(detail.cards.values())
    assert len({card.height() for card in cards}) > 1, "the cards' texts should differ in length here"
    assert len({card.y() for card in cards}) == 1, [(card.y(), card.height()) for card in cards]
    refused = [card.verdict.text() for card in cards if "Rejected" in card.verdict.text()]
    assert refused and refused[0].endswith("the photo must show one person."), refused
