"""Comparing the shown photo with another (laid out by ui/compare_tools.ui): which photo (this case's or an
earlier order's, filled in by the viewer) and how much of it shows through. The viewer connects the choice."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSlider, QWidget

from maya_desktop.gui.doctor.canvas import PhotoCanvas
from maya_desktop.gui.forms import FormSection


class CompareTools(FormSection):
    FORM = "compare_tools.ui"

    def __init__(self, canvas: PhotoCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # an earlier order's entry is long ("earlier order, date — view"): the form never widens the row for it
        self.compare: QComboBox = self.part(QComboBox, "compareWith")
        self.compare.addItem(self.tr("مقایسه با…"), None)
        self.compare_slider: QSlider = self.part(QSlider, "compareFraction")
        self.compare_slider.valueChanged.connect(lambda v: canvas.set_compare_fraction(v / 100))
