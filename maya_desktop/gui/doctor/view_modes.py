"""What the centre of the viewer shows besides the photo (laid out by ui/view_modes.ui): the nose
simulation and the standard layout of every photo. The viewer connects both toggles."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton, QWidget

from maya_desktop.gui.forms import FormSection


class ViewModes(FormSection):
    FORM = "view_modes.ui"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.simulate_button: QToolButton = self.part(QToolButton, "simulateButton")
        self.layout_toggle: QToolButton = self.part(QToolButton, "layoutToggle")
