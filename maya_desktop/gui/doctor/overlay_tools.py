"""What is drawn over the photo and how bright it is (laid out by ui/overlay_tools.ui and, for the
brightness and contrast popup, ui/image_adjust.ui): one checkbox per overlay group, brightness and
contrast. Both drive the canvas directly."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QMenu, QSlider, QToolButton, QWidget, QWidgetAction

from maya_desktop.gui.doctor.canvas import PhotoCanvas
from maya_desktop.gui.forms import FormSection
from maya_desktop.gui.labels import overlay_group_label
from maya_desktop.reports.annotate import GROUPS


class ImageAdjust(FormSection):
    """The brightness and contrast sliders (the popup of the adjust button)."""

    FORM = "image_adjust.ui"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.brightness: QSlider = self.part(QSlider, "brightness")
        self.contrast: QSlider = self.part(QSlider, "contrast")


class OverlayTools(FormSection):
    FORM = "overlay_tools.ui"

    def __init__(self, canvas: PhotoCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        groups: QHBoxLayout = self.part(QHBoxLayout, "groups")
        self.group_boxes: dict[str, QCheckBox] = {}
        for group in GROUPS:
            box = QCheckBox(overlay_group_label(group))
            box.setChecked(group in canvas.groups)
            box.toggled.connect(lambda on, g=group: canvas.set_group_visible(g, on))
            groups.addWidget(box)
            self.group_boxes[group] = box
        self.adjust_button: QToolButton = self.part(QToolButton, "adjustButton")
        adjust_menu = QMenu(self.adjust_button)
        adjust = ImageAdjust()
        self.brightness, self.contrast = adjust.brightness, adjust.contrast
        for slider in (self.brightness, self.contrast):  # applied when let go (or on a keyboard step)
            slider.sliderReleased.connect(self._adjust)
            slider.valueChanged.connect(lambda _v, s=slider: None if s.isSliderDown() else self._adjust())
        adjust_action = QWidgetAction(adjust_menu)
        adjust_action.setDefaultWidget(adjust)
        adjust_menu.addAction(adjust_action)
        self.adjust_button.setMenu(adjust_menu)

    def _adjust(self) -> None:
        self.canvas.set_adjustments(self.brightness.value(), self.contrast.value())
