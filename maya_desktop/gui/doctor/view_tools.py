"""The photo's view controls above the canvas (laid out by ui/view_tools.ui): fit, zoom out, the zoom
percentage, zoom in, actual size; quarter turns, a free tilt angle, levelling the head, mirror. Only how
the photo is seen changes, never the measurements."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QToolButton, QWidget

from maya_desktop.gui.doctor.canvas import PhotoCanvas
from maya_desktop.gui.doctor.numerals import digits
from maya_desktop.gui.forms import FormSection
from maya_desktop.gui.theme import current_lang


class ViewTools(FormSection):
    """Drives `canvas` directly; levelling the head needs the viewer (it may ask for two clicks):
    the viewer connects `level_button`."""

    FORM = "view_tools.ui"

    def __init__(self, canvas: PhotoCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.zoom_label: QLabel = self.part(QLabel, "zoomPercent")
        self.tilt: QDoubleSpinBox = self.part(QDoubleSpinBox, "tiltAngle")
        self.level_button: QToolButton = self.part(QToolButton, "levelButton")
        self.mirror: QToolButton = self.part(QToolButton, "mirrorButton")
        self.part(QToolButton, "fitButton").clicked.connect(canvas.fit)
        self.part(QToolButton, "zoomOutButton").clicked.connect(lambda: canvas.zoom_by(1 / 1.25))
        self.part(QToolButton, "zoomInButton").clicked.connect(lambda: canvas.zoom_by(1.25))
        actual: QToolButton = self.part(QToolButton, "actualSizeButton")
        actual.clicked.connect(canvas.actual_size)
        if current_lang() != "en":
            actual.setText(digits("1:1"))
        self.part(QToolButton, "rotateLeftButton").clicked.connect(lambda: canvas.rotate_by(-90))
        self.part(QToolButton, "rotateRightButton").clicked.connect(lambda: canvas.rotate_by(90))
        self.tilt.valueChanged.connect(lambda v: canvas.set_tilt(float(v)))
        self.mirror.clicked.connect(lambda: canvas.set_mirrored(self.mirror.isChecked()))
        canvas.zoom_changed.connect(self.show_zoom)

    def show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(
            f"{digits(round(zoom * 100))}%" if current_lang() == "en" else f"{digits(round(zoom * 100))}٪"
        )

    def show_tilt(self, tilt: float) -> None:
        """The angle the head was levelled by (the canvas is already turned: not turned again)."""
        self.tilt.blockSignals(True)
        self.tilt.setValue(tilt)
        self.tilt.blockSignals(False)
