"""Correcting the landmark points (laid out by ui/edit_tools.ui): undo, redo, back to the automatic points,
save the points; and the millimetre scale, from the iris or from a reference line of known length. Shown
only to a doctor who may edit the case."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from maya_desktop.gui.doctor.canvas import PhotoCanvas
from maya_desktop.gui.forms import FormSection


class EditTools(FormSection):
    """Undo and redo drive the canvas's undo stack; the viewer connects saving, resetting and the scale
    (`reset_button`, `save_points`, `iris_scale_action`, `reference_scale_action`)."""

    FORM = "edit_tools.ui"

    def __init__(self, canvas: PhotoCanvas, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_button: QToolButton = self.part(QToolButton, "undoButton")
        self.redo_button: QToolButton = self.part(QToolButton, "redoButton")
        self.reset_button: QToolButton = self.part(QToolButton, "resetButton")
        self.save_points: QToolButton = self.part(QToolButton, "savePointsButton")
        self.scale_button: QToolButton = self.part(QToolButton, "scaleButton")
        self.undo_button.clicked.connect(canvas.undo_stack.undo)
        self.redo_button.clicked.connect(canvas.undo_stack.redo)
        canvas.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        canvas.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        scale_menu = QMenu(self.scale_button)
        self.iris_scale_action = scale_menu.addAction(self.tr("از قطر عنبیه (۱۱٫۷ میلی‌متر)"))
        self.reference_scale_action = scale_menu.addAction(self.tr("رسم خط مرجع با طول معلوم…"))
        self.scale_button.setMenu(scale_menu)
        for b in (self.undo_button, self.redo_button, self.reset_button, self.save_points, self.scale_button):
            b.setVisible(editable)
        if not editable:
            self.hide()
