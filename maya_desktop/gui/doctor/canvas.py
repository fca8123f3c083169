"""The photo canvas: QGraphicsView with zoom (wheel, pinch), pan, fit, 1:1, rotate, mirror,
brightness/contrast for viewing only, a compare slider, and the analysis overlay as QGraphicsItems
(Persian labels shaped by Qt). Landmarks are draggable handles; each move recomputes the
measurements live (`core.orders.corrections.live_measurements`) and a finished drag is one step on
the QUndoStack.

Keyboard: a landmark is selected by clicking it or with Tab / Shift+Tab (Ctrl+Tab leaves the canvas,
Escape clears the selection); the arrow keys move it by one image pixel (Shift: 10), with the same live
update and undo as a drag; one held-down key (its auto-repeat burst) is one undo step. The arrows move
the point the way they point on screen: without rotation or mirroring that is the image's own left and
right, whatever the layout direction of the interface (the canvas itself is always left-to-right).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTransform,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QGestureEvent,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsItemGroup,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QPinchGesture,
    QStyleOptionGraphicsItem,
    QWidget,
)

from maya_desktop.core.analysis import Landmark
from maya_desktop.reports.annotate import GROUPS, LANDMARK_LABELS_FA, MINOR, arc_angles, primitives

HANDLE_RADIUS = 6.0
SELECTED_COLOUR = "#ffd43b"
NUDGE_SMALL, NUDGE_LARGE = 1.0, 10.0
ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


def adjust_image(image: QImage, brightness: int, contrast: int) -> QImage:
    """Brightness (-100..100) and contrast (-100..100) for viewing only: a new QImage in memory."""
    if brightness == 0 and contrast == 0:
        return image
    src = image.convertToFormat(QImage.Format.Format_RGB32)
    factor = (100 + contrast) / 100.0
    lut = np.clip((np.arange(256, dtype=np.float32) - 128) * factor + 128 + brightness * 1.28, 0, 255).astype(np.uint8)
    lut[:] = lut  # keep a contiguous table
    ptr = src.constBits()
    arr = np.frombuffer(ptr, dtype=np.uint8).reshape(src.height(), src.bytesPerLine())
    out = QImage(src.width(), src.height(), QImage.Format.Format_RGB32)
    dst = np.frombuffer(out.bits(), dtype=np.uint8).reshape(out.height(), out.bytesPerLine())
    width = src.width() * 4
    dst[:, :width] = lut[arr[:, :width]]
    dst[:, 3:width:4] = 255
    return out


class LandmarkHandle(QGraphicsEllipseItem):
    """A draggable named point. Constant size on screen; reports moves to the canvas."""

    def __init__(self, canvas: PhotoCanvas, name: str, x: float, y: float, colour: str, minor: bool) -> None:
        r = HANDLE_RADIUS * (0.6 if minor else 1.0)
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.canvas = canvas
        self.name = name
        self._quiet = True
        QGraphicsEllipseItem.setPos(self, x, y)
        self.setBrush(QBrush(QColor(colour)))
        self.setPen(QPen(QColor("#000000"), 1.2))
        self.setZValue(10)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setToolTip(name)
        self._press: QPointF | None = None
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
        )
        self._quiet = False

    def set_position(self, x: float, y: float) -> None:
        """Move without recording an undo step (used by undo/redo themselves)."""
        self._quiet = True
        self.setPos(x, y)
        self._quiet = False

    def setPos(self, *args: Any) -> None:  # type: ignore[override]
        """Every move goes through here (mouse drag, programmatic drag, undo), so the canvas hears it.

        No itemChange override: in PySide6 6.12 it over-releases None after a few thousand calls."""
        super().setPos(*args)
        self.canvas.landmark_moved(self.name, self.pos())

    def mouseMoveEvent(self, event: Any) -> None:
        before = QPointF(self.pos())
        super().mouseMoveEvent(event)  # QGraphicsItem moves the item with C++ setPos
        if self.pos() != before:
            self.canvas.landmark_moved(self.name, self.pos())

    def mousePressEvent(self, event: Any) -> None:
        self._press = QPointF(self.pos())
        self.canvas.select_landmark(self.name)
        self.canvas.remember_before_drag(self.name)
        super().mousePressEvent(event)

    def set_selected_look(self, selected: bool) -> None:
        self.setPen(QPen(QColor(SELECTED_COLOUR), 3.0) if selected else QPen(QColor("#000000"), 1.2))
        self.setScale(1.6 if selected else 1.0)
        self.setZValue(11 if selected else 10)

    def mouseReleaseEvent(self, event: Any) -> None:
        super().mouseReleaseEvent(event)
        if self._press is not None and self._press != self.pos():
            self.canvas.record_move(self.name, self._press, QPointF(self.pos()))
        self._press = None

    def drag_to(self, x: float, y: float, steps: int = 5) -> None:
        """Programmatic drag (tests, keyboard nudges): intermediate moves, then one undo step."""
        start = QPointF(self.pos())
        self.canvas.remember_before_drag(self.name)
        for i in range(1, steps + 1):
            t = i / steps
            self.setPos(start.x() + (x - start.x()) * t, start.y() + (y - start.y()) * t)
        if start != self.pos():
            self.canvas.record_move(self.name, start, QPointF(self.pos()))


class LabelItem(QGraphicsItem):
    """Text with a dark halo, a few screen pixels beside its anchor, same size at any zoom.

    Drawn as a QPainterPath of shaped text, so Persian joins and runs right to left."""

    def __init__(self, text: str, font: QFont, colour: QColor) -> None:
        super().__init__()
        self.text = text
        self.colour = colour
        self.path = QPainterPath()
        self.path.addText(QPointF(8, 5), font, text)
        self.rect = self.path.boundingRect().adjusted(-3, -3, 3, 3)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(0, 0, 0, 200), 3.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawPath(self.path)


class MoveLandmark(QUndoCommand):
    def __init__(self, canvas: PhotoCanvas, name: str, old: QPointF, new: QPointF) -> None:
        super().__init__(f"move {name}")
        self.canvas, self.name, self.old, self.new = canvas, name, QPointF(old), QPointF(new)
        self.was_corrected = canvas.landmarks[name].source == "corrected"
        self.old_conf = canvas.landmarks[name].confidence
        self.old_source = canvas.landmarks[name].source

    def redo(self) -> None:
        self.canvas.apply_point(self.name, self.new, "corrected", 1.0)

    def undo(self) -> None:
        self.canvas.apply_point(self.name, self.old, self.old_source, self.old_conf)


class NudgeLandmark(MoveLandmark):
    """An arrow-key move. Moves of the same point within one key burst merge into one undo step."""

    ID = 0x6E75

    def __init__(self, canvas: PhotoCanvas, name: str, old: QPointF, new: QPointF, burst: int) -> None:
        super().__init__(canvas, name, old, new)
        self.setText(f"nudge {name}")
        self.burst = burst

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, NudgeLandmark) or other.name != self.name or other.burst != self.burst:
            return False
        self.new = QPointF(other.new)
        return True


class MessageItem(QGraphicsItem):
    """A short centred note on an empty canvas ("opening the photo…"); same size at any zoom."""

    def __init__(self, text: str, font: QFont) -> None:
        super().__init__()
        self.text = text
        self._font = QFont(font)
        self._font.setPointSizeF(max(11.0, font.pointSizeF() * 1.3))
        self.rect = QRectF(-260, -40, 520, 80)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setFont(self._font)
        painter.setPen(QColor("#dfe6ea"))
        painter.drawText(self.rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.text)


class ClippedPixmap(QGraphicsPixmapItem):
    """The second photo of a comparison, shown only right of the slider position (0..1)."""

    def __init__(self) -> None:
        super().__init__()
        self.fraction = 0.5

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect = self.boundingRect()
        painter.save()
        painter.setClipRect(QRectF(rect.left() + rect.width() * self.fraction, rect.top(), rect.width(), rect.height()))
        super().paint(painter, option, widget)
        painter.restore()
        x = rect.left() + rect.width() * self.fraction
        painter.setPen(QPen(QColor("#ffd43b"), 0))
        painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))


class PhotoCanvas(QGraphicsView):
    """Shows one photo with its overlay. Emits `measurements_changed(list)` after every point move."""

    measurements_changed = Signal(object)
    zoom_changed = Signal(float)
    selection_changed = Signal(str)  # the selected landmark's name, "" for none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoCanvas")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor("#1b1f24"))
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # the photo is never mirrored by RTL
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.undo_stack = QUndoStack(self)
        self.image: QImage | None = None
        self.pixmap_item: QGraphicsPixmapItem | None = None
        self.compare_item: ClippedPixmap | None = None
        self.analysis: dict[str, Any] | None = None
        self.view_name = "frontal"
        self.sex: str | None = None
        self.landmarks: dict[str, Landmark] = {}
        self.handles: dict[str, LandmarkHandle] = {}
        self.decor: QGraphicsItemGroup | None = None
        self.labels: QGraphicsItemGroup | None = None
        self.groups = set(GROUPS) - {"labels"}  # names on demand (toggle) and as tooltips
        self.measurements: list[Any] = []
        self.editable = True
        self.rotation_deg = 0
        self.mirrored = False
        self.brightness = 0
        self.contrast = 0
        self.measure: Callable[..., list[Any]] | None = None
        self.label_font = QFont()
        self.label_font.setPointSizeF(9)
        self.tagged: dict[str, list[QGraphicsItem]] = {g: [] for g in GROUPS}
        self._pre_drag_source: dict[str, str] = {}
        self._pre_drag_conf: dict[str, float] = {}
        self.selected: str | None = None
        self.tab_order: list[str] = []
        self.message: str = ""
        self._burst = 0

    # ---- content ---------------------------------------------------------------------------------
    def clear_all(self) -> None:
        self.undo_stack.clear()
        self.scene().clear()
        self.image = None
        self.pixmap_item = self.compare_item = None
        self.analysis = None
        self.landmarks = {}
        self.handles = {}
        self.tab_order = []
        self.decor = self.labels = None
        self.measurements = []
        self.message = ""
        if self.selected is not None:
            self.selected = None
            self.selection_changed.emit("")

    def show_message(self, text: str) -> None:
        """No photo, only a note (a photo still being decoded, or closed): drops the current photo."""
        self.clear_all()
        self.message = text
        item = MessageItem(text, self.label_font)
        self.scene().addItem(item)
        self.scene().setSceneRect(QRectF(-300, -200, 600, 400))
        self.centerOn(0, 0)

    def set_photo(
        self,
        image: QImage,
        analysis: dict[str, Any] | None,
        view_name: str,
        measure: Callable[..., list[Any]],
        *,
        editable: bool = True,
        sex: str | None = None,
    ) -> None:
        from maya_desktop.core.orders.corrections import landmarks_of

        self.clear_all()
        self.image = image
        self.analysis = analysis
        self.view_name = view_name
        self.measure = measure
        self.editable = editable
        self.sex = sex
        self.pixmap_item = self.scene().addPixmap(
            QPixmap.fromImage(adjust_image(image, self.brightness, self.contrast))
        )
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.pixmap_item.setZValue(0)
        self.scene().setSceneRect(QRectF(0, 0, image.width(), image.height()))
        self.landmarks = landmarks_of(analysis)
        for name, lm in self.landmarks.items():
            handle = LandmarkHandle(self, name, lm.x, lm.y, "#ffffff", name in MINOR)
            handle.setToolTip(LANDMARK_LABELS_FA.get(name, name))
            handle.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, editable)
            self.scene().addItem(handle)
            self.handles[name] = handle
        # Tab order fixed per photo (top to bottom, then left to right), so nudging never reorders it.
        self.tab_order = sorted(self.handles, key=lambda n: (round(self.landmarks[n].y), self.landmarks[n].x))
        self.recompute()
        self.fit()

    def recompute(self) -> None:
        if self.measure is not None and self.analysis and self.landmarks:
            self.measurements = self.measure(self.analysis, self.landmarks, self.view_name, self.sex)
        else:
            self.measurements = []
        self._rebuild_decor()
        self.measurements_changed.emit(self.measurements)

    def _rebuild_decor(self) -> None:
        scene = self.scene()
        for group in (self.decor, self.labels):
            if group is not None:
                scene.removeItem(group)
        self.decor = QGraphicsItemGroup()
        self.labels = QGraphicsItemGroup()
        self.tagged = {g: [] for g in GROUPS}
        self.decor.setZValue(5)
        self.labels.setZValue(12)
        prims = primitives(self.landmarks, self.measurements, self.view_name)
        shadow = QColor(0, 0, 0, 150)
        for s in prims.segments:
            for colour, width in ((shadow, 4.0), (QColor(s.colour), 1.8)):
                pen = QPen(colour, width)
                pen.setCosmetic(True)
                if s.dashed:
                    pen.setStyle(Qt.PenStyle.DashLine)
                line = QGraphicsLineItem(s.a[0], s.a[1], s.b[0], s.b[1])
                line.setPen(pen)
                self._tag(line, "lines")
                self.decor.addToGroup(line)
        size = max(self.image.width(), self.image.height()) if self.image else 1000
        radius = size / 12
        for arc in prims.arcs:
            path = QPainterPath()
            path.moveTo(*arc.a)
            path.lineTo(*arc.vertex)
            path.lineTo(*arc.b)
            start, span = arc_angles(arc.a, arc.vertex, arc.b)
            rect = QRectF(arc.vertex[0] - radius, arc.vertex[1] - radius, 2 * radius, 2 * radius)
            path.arcMoveTo(rect, start)
            path.arcTo(rect, start, span)
            item = QGraphicsPathItem(path)
            pen = QPen(QColor(arc.colour), 2.2)
            pen.setCosmetic(True)
            item.setPen(pen)
            self._tag(item, "angles")
            self.decor.addToGroup(item)
            mid = math.radians(start + span / 2)
            text = self._text(arc.label, QColor(arc.colour), bold=True)
            text.setPos(arc.vertex[0] + math.cos(mid) * radius * 1.4, arc.vertex[1] - math.sin(mid) * radius * 1.4)
            self._tag(text, "angles")
            self.labels.addToGroup(text)
        for p in prims.points:
            handle = self.handles.get(p.name)
            if handle is not None:
                handle.setBrush(QBrush(QColor(p.colour)))
                handle.setVisible("landmarks" in self.groups)
            lm = self.landmarks.get(p.name)
            if p.label and not p.minor and lm is not None and (lm.confidence >= 0.5 or lm.source == "corrected"):
                text = self._text(p.label, QColor("#ffffff"))
                text.setPos(p.x, p.y)
                self._tag(text, "labels")
                self.labels.addToGroup(text)
        scene.addItem(self.decor)
        scene.addItem(self.labels)
        self._apply_groups()

    def _text(self, text: str, colour: QColor, bold: bool = False) -> LabelItem:
        font = QFont(self.label_font)
        font.setBold(bold)
        return LabelItem(text, font, colour)

    def _tag(self, item: QGraphicsItem, group: str) -> None:
        # A Python-side list, not QGraphicsItem.setData: PySide6 6.12's data() over-releases None.
        self.tagged[group].append(item)

    def _apply_groups(self) -> None:
        for group, items in self.tagged.items():
            for item in items:
                item.setVisible(group in self.groups)
        for handle in self.handles.values():
            handle.setVisible("landmarks" in self.groups)

    def set_group_visible(self, group: str, visible: bool) -> None:
        (self.groups.add if visible else self.groups.discard)(group)
        self._apply_groups()

    # ---- landmark editing ------------------------------------------------------------------------
    def landmark_moved(self, name: str, pos: QPointF) -> None:
        lm = self.landmarks.get(name)
        if lm is None:
            return
        handle = self.handles[name]
        if not handle._quiet:
            lm.source, lm.confidence = "corrected", 1.0
        lm.x, lm.y = pos.x(), pos.y()
        self.recompute()

    def record_move(self, name: str, old: QPointF, new: QPointF) -> None:
        command = MoveLandmark(self, name, old, new)
        command.old_source = self._pre_drag_source.get(name, command.old_source)
        command.old_conf = self._pre_drag_conf.get(name, command.old_conf)
        self.undo_stack.push(command)
        self._pre_drag_source.pop(name, None)
        self._pre_drag_conf.pop(name, None)

    def remember_before_drag(self, name: str) -> None:
        lm = self.landmarks[name]
        self._pre_drag_source[name] = lm.source
        self._pre_drag_conf[name] = lm.confidence

    def apply_point(self, name: str, pos: QPointF, source: str, confidence: float) -> None:
        lm = self.landmarks[name]
        lm.source, lm.confidence = source, confidence
        self.handles[name].set_position(pos.x(), pos.y())
        lm.x, lm.y = pos.x(), pos.y()
        self.recompute()

    # ---- selection and keyboard nudges ------------------------------------------------------------
    def select_landmark(self, name: str | None) -> None:
        if name is not None and name not in self.handles:
            name = None
        if name == self.selected:
            return
        if self.selected in self.handles:
            self.handles[self.selected].set_selected_look(False)
        self.selected = name
        if name is not None:
            handle = self.handles[name]
            handle.set_selected_look(True)
            self.ensureVisible(handle.pos().x(), handle.pos().y(), 1, 1, 60, 60)
        self.selection_changed.emit(name or "")

    def _cyclable(self) -> bool:
        return bool(self.tab_order) and "landmarks" in self.groups

    def cycle_selection(self, forward: bool = True) -> None:
        """Tab / Shift+Tab: the next / previous landmark (wraps around)."""
        if not self._cyclable():
            return
        order = self.tab_order
        if self.selected not in order:
            self.select_landmark(order[0] if forward else order[-1])
            return
        i = order.index(self.selected)
        self.select_landmark(order[(i + (1 if forward else -1)) % len(order)])

    def image_step(self, screen_dx: int, screen_dy: int) -> tuple[float, float]:
        """One image pixel in the direction an arrow points on screen (through rotation / mirroring)."""
        inverse, ok = self.transform().inverted()
        if not ok:
            return float(screen_dx), float(screen_dy)
        v = inverse.map(QPointF(screen_dx, screen_dy)) - inverse.map(QPointF(0, 0))
        if abs(v.x()) >= abs(v.y()):
            return math.copysign(1.0, v.x()), 0.0
        return 0.0, math.copysign(1.0, v.y())

    def nudge(self, screen_dx: int, screen_dy: int, step: float = NUDGE_SMALL, *, repeat: bool = False) -> bool:
        """Move the selected landmark by `step` image pixels. `repeat`: part of the same key burst."""
        name = self.selected
        if not self.editable or name is None or name not in self.handles:
            return False
        if not repeat:
            self._burst += 1
        ux, uy = self.image_step(screen_dx, screen_dy)
        handle = self.handles[name]
        old = QPointF(handle.pos())
        x, y = old.x() + ux * step, old.y() + uy * step
        if self.image is not None:
            x = min(max(x, 0.0), float(self.image.width()))
            y = min(max(y, 0.0), float(self.image.height()))
        new = QPointF(x, y)
        if new == old:
            return False
        self.undo_stack.push(NudgeLandmark(self, name, old, new, self._burst))
        self.ensureVisible(x, y, 1, 1, 60, 60)
        return True

    def keyPressEvent(self, event: Any) -> None:
        key, mods = event.key(), event.modifiers()
        if key in ARROWS and self.selected is not None and self.editable:
            step = NUDGE_LARGE if mods & Qt.KeyboardModifier.ShiftModifier else NUDGE_SMALL
            self.nudge(*ARROWS[key], step, repeat=event.isAutoRepeat())
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self.selected is not None:
            self.select_landmark(None)
            event.accept()
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and mods & Qt.KeyboardModifier.ControlModifier:
            # Ctrl+Tab leaves the canvas (Tab itself walks the landmarks), like Qt's text editors.
            back = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            super().focusNextPrevChild(not back)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        if self._cyclable():
            self.cycle_selection(next)
            return True
        return super().focusNextPrevChild(next)

    def corrected_points(self) -> dict[str, tuple[float, float]]:
        return {k: (v.x, v.y) for k, v in self.landmarks.items() if v.source == "corrected"}

    def value(self, key: str) -> float | None:
        return next((m.value for m in self.measurements if m.key == key), None)

    # ---- viewing ---------------------------------------------------------------------------------
    def fit(self) -> None:
        if self.pixmap_item is not None:
            self.fitInView(self.pixmap_item, Qt.AspectRatioMode.KeepAspectRatio)
            self.zoom_changed.emit(self.zoom())

    def actual_size(self) -> None:
        self._set_transform(1.0)

    def zoom(self) -> float:
        t = self.transform()
        return math.hypot(t.m11(), t.m12())

    def zoom_by(self, factor: float) -> None:
        new = self.zoom() * factor
        if 0.02 <= new <= 40:
            self.scale(factor, factor)
            self.zoom_changed.emit(self.zoom())

    def _set_transform(self, zoom: float) -> None:
        t = QTransform()
        t.rotate(self.rotation_deg)
        t.scale(-zoom if self.mirrored else zoom, zoom)
        self.setTransform(t)
        self.zoom_changed.emit(zoom)

    def rotate_by(self, degrees: int) -> None:
        self.rotation_deg = (self.rotation_deg + degrees) % 360
        self._set_transform(self.zoom())

    def set_mirrored(self, mirrored: bool) -> None:
        self.mirrored = mirrored
        self._set_transform(self.zoom())

    def set_adjustments(self, brightness: int, contrast: int) -> None:
        self.brightness, self.contrast = brightness, contrast
        if self.image is not None and self.pixmap_item is not None:
            self.pixmap_item.setPixmap(QPixmap.fromImage(adjust_image(self.image, brightness, contrast)))

    def set_compare(self, image: QImage | None) -> None:
        if self.compare_item is not None:
            self.scene().removeItem(self.compare_item)
            self.compare_item = None
        if image is None or self.image is None:
            return
        scaled = image.scaledToHeight(self.image.height(), Qt.TransformationMode.SmoothTransformation)
        item = ClippedPixmap()
        item.setPixmap(QPixmap.fromImage(scaled))
        item.setPos((self.image.width() - scaled.width()) / 2, 0)
        item.setZValue(3)
        self.scene().addItem(item)
        self.compare_item = item

    def set_compare_fraction(self, fraction: float) -> None:
        if self.compare_item is not None:
            self.compare_item.fraction = max(0.0, min(1.0, fraction))
            self.compare_item.update()

    # ---- input -----------------------------------------------------------------------------------
    def wheelEvent(self, event: Any) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.15**steps)
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture) if isinstance(event, QGestureEvent) else None
            if isinstance(pinch, QPinchGesture):
                factor = pinch.scaleFactor()
                if factor > 0:
                    self.zoom_by(factor)
                return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: Any) -> None:
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, LandmarkHandle) and self.editable:
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: Any) -> None:
        super().mouseReleaseEvent(event)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
