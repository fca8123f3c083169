"""The standard layout: every photo of the case side by side in view order, each with its overlay; zoom with
the wheel (or pinch), drag to pan, fitted again when resized. The cells hold cell-size copies of the photos
(the viewer keeps them only while the layout is on)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView, QWidget

from maya_desktop.core.orders.corrections import analysis_view, landmarks_of, live_measurements
from maya_desktop.gui.doctor.photo_strip import view_label
from maya_desktop.gui.theme import current_lang

LAYOUT_CELL = QSize(720, 900)  # the standard layout's cell (its photos are kept at this size)


@dataclass
class LayoutCell:
    """One photo of the layout: its view, its cell-size copy (None until it is decoded), whether it failed
    to open, and what its overlay is drawn from."""

    view: str
    image: QImage | None
    failed: bool
    analysis: dict[str, Any] | None
    full_size: QSize
    sex: str | None


class LayoutView(QGraphicsView):
    """The standard layout: zoom with the wheel (or pinch), drag to pan, fitted again when resized."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setBackgroundBrush(Qt.GlobalColor.black)
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing)

    def wheelEvent(self, event: Any) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.scale(1.15**steps, 1.15**steps)
        event.accept()

    def zoom(self) -> float:
        return math.hypot(self.transform().m11(), self.transform().m12())

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.scene() is not None and not self.scene().itemsBoundingRect().isEmpty():
            self.fitInView(self.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def show_cells(self, cells: list[LayoutCell], direction: Qt.LayoutDirection, base_font: QFont) -> int:
        """Every photo side by side in the given order (two frontals: both), with its overlay; only the cells
        that have a photo (no empty slots), names readable at any zoom. Returns how many cells."""
        from maya_desktop.reports.annotate import paint_overlay, primitives

        scene = QGraphicsScene(self)
        n = len(cells)
        cols = 1 if n <= 1 else 2 if n in (2, 4) else 3
        cell_h, cell_w, gap = 900.0, 720.0, 24.0
        font = QFont(base_font)
        font.setPointSizeF(max(10.0, font.pointSizeF() * 1.1))
        font.setBold(True)
        for i, cell in enumerate(cells):
            row, col = divmod(i, cols)
            if direction == Qt.LayoutDirection.RightToLeft:
                col = cols - 1 - col  # the first photo at the reading start
            x, y = col * (cell_w + gap), row * (cell_h + gap + 50)
            label = QGraphicsSimpleTextItem(view_label(cell.view))
            label.setBrush(Qt.GlobalColor.white)
            label.setFont(font)
            label.setFlag(QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations)
            label.setPos(x + cell_w / 2 - label.boundingRect().width() / 2, y + cell_h + 8)
            scene.addItem(label)
            if cell.image is None:
                scene.addRect(QRectF(x, y, cell_w, cell_h), QPen(Qt.GlobalColor.darkGray))
                note = QGraphicsSimpleTextItem(self.tr("باز نشد") if cell.failed else self.tr("در حال باز شدن…"))
                note.setBrush(Qt.GlobalColor.lightGray)
                note.setFont(font)
                note.setFlag(QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations)
                note.setPos(x + cell_w / 2 - 60, y + cell_h / 2 - 20)
                scene.addItem(note)
                continue
            image = cell.image.scaled(
                int(cell_w), int(cell_h), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            lms = landmarks_of(cell.analysis)
            if lms:
                k = image.width() / max(1, cell.full_size.width())
                aview = analysis_view(cell.view, cell.analysis)
                ms = live_measurements(cell.analysis or {}, lms, aview, cell.sex)
                scaled = {name: type(lm)(lm.x * k, lm.y * k, lm.confidence, lm.source) for name, lm in lms.items()}
                image = paint_overlay(
                    image, primitives(scaled, ms, aview, lang=current_lang()), groups=("lines", "angles", "landmarks")
                )
            item = scene.addPixmap(QPixmap.fromImage(image))
            item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            item.setPos(x + (cell_w - image.width()) / 2, y + (cell_h - image.height()) / 2)
        self.replace_scene(scene)
        self.fitInView(scene.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
        return n

    def clear_scene(self) -> None:
        """An empty scene: no earlier layout's pixmaps outlive closed photos."""
        self.replace_scene(QGraphicsScene(self))

    def replace_scene(self, scene: QGraphicsScene) -> None:
        """setScene does not free the scene it replaces (a child of the view): clear and delete it,
        so no earlier layout's pixmaps outlive closed photos."""
        old = self.scene()
        self.setScene(scene)
        if old is not None and old is not scene:
            old.clear()
            old.deleteLater()
