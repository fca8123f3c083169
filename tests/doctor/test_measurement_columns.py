"""The measurement table at 1366 × 768 shows every name, value and range whole: the value and range columns
(Persian's «میلی‌متر» made them wide) wrap instead of squeezing the names' column until a single word («یک‌سوم»)
was cut, and a row grows when its name needs another line after the columns moved («Upper facial …»)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QRect, Qt

from maya_desktop.gui.doctor.measurement_table import TEXT_INSET_X, TEXT_INSET_Y
from tests.doctor.test_viewer_ux import _window

BREAKS = re.compile(r"\s+|(?<=[-/])")  # where a line may break


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_every_name_value_and_range_is_shown_whole_at_1366(request, lang, qtbot, clinic, faces):
    if lang == "en":
        request.getfixturevalue("english")
    _order, window, _page, viewer = _window(qtbot, clinic, faces)
    table = viewer.table
    qtbot.waitUntil(lambda: table.rowCount() > 10, timeout=60_000)
    qtbot.wait(50)
    metrics, header = table.fontMetrics(), table.horizontalHeader()
    cut = []
    for row in range(table.rowCount()):
        for col in (0, 1, 2):
            text = table.item(row, col).text()
            width = header.sectionSize(col) - TEXT_INSET_X
            words = [w for w in BREAKS.split(text) if w]
            wrapped = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text).height()
            too_wide = any(metrics.horizontalAdvance(w) > width for w in words)
            if too_wide or wrapped > table.rowHeight(row) - TEXT_INSET_Y:
                cut.append((row, col, text, width, table.rowHeight(row)))
    assert not cut, cut
    window.close()
