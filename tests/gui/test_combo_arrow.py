"""Every drop-down list draws the chevron at the reading end of its rounded field (left in Persian, right in
English) and no dark square button edge inside the field (the screenshot walk of 2026-12-07: Qt's native
drop-down button kept a dark box edge once the combo box had a style-sheet border)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QComboBox

ARROW_ZONE = 26  # px from the field's edge: the 8 px padding and the 18 px drop-down button


def dark_columns(image: QImage, xs: range) -> list[int]:
    """How many pixels of each column in `xs` are dark (the field's inner rows only: not its own border)."""
    rows = range(4, image.height() - 4)
    return [sum(QColor(image.pixel(x, y)).lightness() < 140 for y in rows) for x in xs]


def combo_image(qtbot, text: str) -> QImage:  # type: ignore[no-untyped-def]
    combo = QComboBox()
    combo.addItems([text, "—"])
    combo.resize(200, combo.sizeHint().height())
    qtbot.addWidget(combo)
    combo.show()
    qtbot.waitExposed(combo)
    return combo.grab().toImage()


def check_arrow_side(image: QImage, arrow_on_left: bool) -> None:
    width, inner = image.width(), image.height() - 8
    left, right = range(2, ARROW_ZONE), range(width - ARROW_ZONE, width - 2)
    arrow = left if arrow_on_left else right
    arrow_columns = dark_columns(image, arrow)
    assert sum(arrow_columns) >= 8, "no chevron drawn where the drop-down button is"
    assert max(arrow_columns) < inner // 2, "a dark edge runs down the drop-down button"


@pytest.mark.usefixtures("persian_theme")
def test_persian_combo_has_its_chevron_on_the_left_and_no_box_edge(qtbot) -> None:  # type: ignore[no-untyped-def]
    check_arrow_side(combo_image(qtbot, "همهٔ خدمت‌ها"), arrow_on_left=True)


def test_english_combo_has_its_chevron_on_the_right_and_no_box_edge(qtbot, english) -> None:  # type: ignore[no-untyped-def]
    check_arrow_side(combo_image(qtbot, "All services"), arrow_on_left=False)
