"""The viewer's thumbnail strip sizes itself: no horizontal scroll bar when the thumbnails fit, in either
language, with or without the vertical scroll bar (many photos in a short strip)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from maya_desktop.core.orders.states import VIEWS
from maya_desktop.gui.doctor.photo_strip import PhotoStrip
from tests.doctor.conftest import open_in_main_window, wait_for_photos


def _strip_in_splitter(qtbot, photos: int, height: int) -> tuple[PhotoStrip, QSplitter]:  # type: ignore[no-untyped-def]
    """The strip in a box beside a canvas stand-in, as the viewer holds it."""
    split = QSplitter()
    strip = PhotoStrip()
    box = QWidget()
    box.setFixedWidth(strip.width())
    strip.width_fitted.connect(box.setFixedWidth)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(strip, 1)
    split.addWidget(box)
    split.addWidget(QLabel("canvas"))
    qtbot.addWidget(split)
    portrait = QImage(84, 112, QImage.Format.Format_RGB32)
    portrait.fill(QColor("#556677"))
    # one decoded (portrait) thumbnail, the rest still "opening…" placeholders (full-size tiles)
    strip.set_photos([(i + 1, VIEWS[i % len(VIEWS)], portrait if i == 0 else None) for i in range(photos)])
    split.resize(900, height)
    split.show()
    qtbot.waitExposed(split)
    return strip, split


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_no_horizontal_scroll_bar_when_the_thumbnails_fit(qtbot, request, lang: str) -> None:  # type: ignore[no-untyped-def]
    if lang == "en":
        request.getfixturevalue("english")
    strip, split = _strip_in_splitter(qtbot, photos=2, height=700)
    qtbot.waitUntil(lambda: strip.viewport().width() >= strip.contentsSize().width(), timeout=2_000)
    assert not strip.horizontalScrollBar().isVisible() and strip.horizontalScrollBar().maximum() == 0
    assert not strip.verticalScrollBar().isVisible()

    many, split = _strip_in_splitter(qtbot, photos=6, height=400)  # taller than the strip: it scrolls down...
    qtbot.waitUntil(lambda: many.verticalScrollBar().isVisible(), timeout=2_000)
    assert not many.horizontalScrollBar().isVisible() and many.horizontalScrollBar().maximum() == 0  # ...not across
    split.resize(900, 1400)  # now they fit: the strip narrows again, still without a horizontal bar
    qtbot.waitUntil(lambda: not many.verticalScrollBar().isVisible(), timeout=2_000)
    assert not many.horizontalScrollBar().isVisible() and many.width() < 150


def test_the_viewer_strip_shows_no_horizontal_scroll_bar_at_1366_by_768(qtbot, clinic, case) -> None:  # type: ignore[no-untyped-def]
    window, _page, viewer = open_in_main_window(qtbot, clinic.doctor, case)
    window.resize(1366, 768)
    window.show()
    wait_for_photos(qtbot, viewer)
    strip = viewer.strip
    qtbot.waitUntil(lambda: strip.isVisible() and strip.parentWidget().width() == strip.width(), timeout=5_000)
    assert not strip.horizontalScrollBar().isVisible() and strip.horizontalScrollBar().maximum() == 0
    assert strip.width() < 170  # the strip box follows the strip: the photo and the table keep the room
