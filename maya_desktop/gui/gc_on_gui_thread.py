"""Python's cycle collector runs on the GUI thread only.

Most windows are in reference cycles (a page holds its `PageOps`, which holds the page; a slot's closure
holds the dialog that connected it), so they are freed by the cycle collector, not by reference counting.
Left automatic, that collector runs in whichever thread happens to allocate when a threshold is crossed:
often a database, analysis or sync thread. Freeing a widget's Python wrapper there deletes the C++ widget
on that thread while the GUI thread may be painting it or delivering it an event: a segmentation fault
inside Qt's event loop, at random (seen in the screenshot walk, one run in two). Qt objects may only be
deleted on the thread they live in, so automatic collection is switched off and a timer on the GUI thread
collects whenever Python's own thresholds say a collection is due (the scheme Anki and pyqtgraph use).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_EVERY_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_if_due)
        self.timer.start(interval_ms)

    def collect_if_due(self) -> None:
        """Collect the generations whose counts have passed their thresholds, like automatic collection."""
        counts = gc.get_count()
        if counts[0] > self.thresholds[0]:
            generation = 0
            if counts[1] > self.thresholds[1]:
                generation = 2 if counts[2] > self.thresholds[2] else 1
            gc.collect(generation)


_installed: dict[int, GuiThreadCollector] = {}


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector on `app` (the QApplication) once; returns the one installed."""
    collector = _installed.get(id(app))
    if collector is None:
        collector = GuiThreadCollector(app)
        _installed[id(app)] = collector
    return collector


def installed() -> list[GuiThreadCollector]:
    return list(_installed.values())
