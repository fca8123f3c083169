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

The photo is shown from a screen-size decode (`image`, see photo_loader); the scene keeps the photo's
full-resolution coordinates (`full_size`: the landmarks, measurements and zoom are in real pixels), the
screen-size pixmap is scaled up to cover them. When the zoom asks for more pixels than that decode has,
the visible region (plus a margin) is decoded from the photo's JPEG bytes in memory at the resolution the
zoom needs, up to full resolution, in a pool thread (a "zoom tile", drawn over the photo): only what is
looked at is ever decoded at full size, and a new tile replaces the old one.

A compared photo (`set_compare`) is a screen-size decode too, of its own scale: its item's transform takes
its pixels to its full-resolution coordinates (1 / its display factor), then by the face alignment onto
this photo's full-resolution coordinates, the scene's.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
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
from maya_desktop.core.analysis.align import Similarity
from maya_desktop.gui.doctor.photo_loader import start_tile, tile_signals
from maya_desktop.gui.theme import current_lang
from maya_desktop.reports.annotate import GROUPS, MINOR, arc_angles, landmark_label, primitives

HANDLE_RADIUS = 6.0
TILE_DELAY_MS = 60  # a zoom tile is asked for once the wheel / the scrolling pauses this long
TILE_MARGIN = 0.25  # of the visible size on each side: small pans stay sharp without a new tile
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
        self.selected_look = False
        self.setScale(canvas.handle_factor)
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
        self.selected_look = selected
        self.setPen(QPen(QColor(SELECTED_COLOUR), 3.0) if selected else QPen(QColor("#000000"), 1.2))
        self.setScale(self.canvas.handle_scale(selected))
        self.setZValue(11 if selected else 10)

    def screen_radius(self) -> float:
        """Radius in screen pixels (the handle ignores the view's zoom; its scale follows it)."""
        return self.rect().width() / 2 * self.scale()

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
    """Text with a dark halo, placed a few screen pixels beside its anchor, same size at any zoom.

    Drawn as a QPainterPath of shaped text, so Persian joins and runs right to left. `place()` moves the
    text (in screen pixels) around the anchor; the canvas picks the place where it covers no handle
    and no other label (`PhotoCanvas.place_labels`)."""

    def __init__(self, text: str, font: QFont, colour: QColor, *, centred: bool = False) -> None:
        super().__init__()
        self.text = text
        self.colour = colour
        self.centred = centred  # an angle's value: centred on its anchor (no handle there)
        self.path = QPainterPath()
        self.path.addText(QPointF(0, 0), font, text)
        box = self.path.boundingRect()
        self.path.translate(-box.left(), -box.top())  # the text's box starts at (0, 0)
        self.size = self.path.boundingRect().size()
        self.shift = QPointF(8, -self.size.height() / 2)
        self.placed = True
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)

    def text_rect(self) -> QRectF:
        """The text's box in screen pixels relative to the anchor."""
        return QRectF(self.shift, self.size)

    def place(self, dx: float, dy: float) -> None:
        self.prepareGeometryChange()
        self.shift = QPointF(dx, dy)

    def boundingRect(self) -> QRectF:
        return self.text_rect().adjusted(-3, -3, 3, 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(self.shift)
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


def _factor(image: QImage, full_size: QSize | None) -> float:
    """Image pixels per photo pixel (<= 1) of a decode of a photo of `full_size` (None: the image itself)."""
    if full_size is None or not full_size.isValid() or full_size.width() <= 0:
        return 1.0
    return min(1.0, image.width() / full_size.width())


class ClippedPixmap(QGraphicsPixmapItem):
    """The second photo of a comparison, laid on the first (its own transform: aligned on the face) and
    shown only right of the slider position (0..1 of the first photo's width, in scene coordinates).

    It sits above the first photo's overlay, so none of the first photo's points is drawn over the second
    photo; its shape is only the visible part, so the handles left of the slider stay clickable."""

    def __init__(self, base: QRectF) -> None:
        super().__init__()
        self.fraction = 0.5
        self.base = QRectF(base)  # the first photo, in scene coordinates

    def _scene_x(self) -> float:
        return self.base.left() + self.base.width() * self.fraction

    def _clip(self) -> QPainterPath:
        """The visible part (right of the slider), in item coordinates."""
        extent = self.base.united(self.mapRectToScene(super().boundingRect())).adjusted(-1, -1, 1, 1)
        x = self._scene_x()
        right = QRectF(x, extent.top(), max(0.0, extent.right() - x), extent.height())
        path = QPainterPath()
        path.addPolygon(self.mapFromScene(right))
        path.closeSubpath()
        return path

    def boundingRect(self) -> QRectF:
        # the divider line spans the first photo, which may lie outside the (scaled, rotated) second one
        return super().boundingRect().united(self.mapRectFromScene(self.base))

    def shape(self) -> QPainterPath:
        own = QPainterPath()
        own.addRect(super().boundingRect())
        return own.intersected(self._clip())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.save()
        painter.setClipPath(self._clip())
        super().paint(painter, option, widget)
        painter.restore()
        x = self._scene_x()
        top, bottom = self.mapFromScene(QPointF(x, self.base.top())), self.mapFromScene(QPointF(x, self.base.bottom()))
        pen = QPen(QColor("#ffd43b"), 0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawLine(top, bottom)


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
        self.image: QImage | None = None  # the screen-size decode shown
        self.full_size = QSize()  # the photo's own size: the scene's coordinates
        self.display_factor = 1.0  # image pixels per photo pixel (<= 1)
        self.source: bytes | None = None  # the decrypted JPEG (memory only), for zoom tiles
        self.source_orientation = 1  # the EXIF orientation `source` is stored with (1: upright)
        self.pixmap_item: QGraphicsPixmapItem | None = None
        self.tile_item: QGraphicsPixmapItem | None = None
        self.tile_image: QImage | None = None
        self.tile_region = QRect()  # photo pixels the tile covers
        self.tile_scale = 0.0  # tile pixels per photo pixel
        self._tile_job = 0  # the job whose result is awaited (0: none)
        self._tile_timer = QTimer(self)
        self._tile_timer.setSingleShot(True)
        self._tile_timer.setInterval(TILE_DELAY_MS)
        self._tile_timer.timeout.connect(self._request_tile)
        tile_signals().done.connect(self._tile_done)
        self.horizontalScrollBar().valueChanged.connect(self._schedule_tile)
        self.verticalScrollBar().valueChanged.connect(self._schedule_tile)
        self.compare_item: ClippedPixmap | None = None
        self.compare_alignment: Similarity | None = None  # how the compared photo is laid on this one
        self.compare_factor = 1.0  # the compared image's pixels per its photo's pixel (<= 1)
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
        self.handle_factor = 1.0  # handles' scale: smaller when the face is small on screen
        self.tilt_deg = 0.0  # free rotation (head-tilt correction), added to the quarter turns
        self.highlighted: str | None = None  # the measurement chosen in the table, drawn on the photo
        self.highlight: QGraphicsItemGroup | None = None
        self.picking: Callable[[QPointF, QPointF], None] | None = None  # two clicks on the photo
        self.picked: list[QPointF] = []
        self.pick_items: list[QGraphicsItem] = []
        self.reference: QGraphicsItemGroup | None = None
        self.zoom_changed.connect(self._zoomed)
        self.zoom_changed.connect(self._schedule_tile)

    # ---- content ---------------------------------------------------------------------------------
    def clear_all(self) -> None:
        self.undo_stack.clear()
        self.scene().clear()
        self.image = None
        self.full_size = QSize()
        self.display_factor = 1.0
        self.source = None
        self.pixmap_item = self.compare_item = self.tile_item = None
        self.compare_alignment = None
        self.compare_factor = 1.0
        self._drop_tile_pixels()
        self.analysis = None
        self.landmarks = {}
        self.handles = {}
        self.tab_order = []
        self.decor = self.labels = None
        self.highlight = self.reference = None
        self.highlighted = None
        self.picking, self.picked, self.pick_items = None, [], []
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
        full_size: QSize | None = None,
        source: bytes | None = None,
        orientation: int = 1,
    ) -> None:
        """`image` may be a screen-size decode of a photo of `full_size` (its JPEG `source` in memory, stored
        with the EXIF `orientation`, gives the zoom tiles); the analysis' coordinates are the full photo's."""
        from maya_desktop.core.orders.corrections import landmarks_of

        self.clear_all()
        self.image = image
        self.full_size = QSize(full_size) if full_size is not None and full_size.isValid() else image.size()
        self.display_factor = min(1.0, image.width() / max(1, self.full_size.width()))
        self.source = source if self.display_factor < 1.0 else None
        self.source_orientation = orientation
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
        self.pixmap_item.setScale(1 / self.display_factor)
        self.scene().setSceneRect(QRectF(0, 0, self.full_size.width(), self.full_size.height()))
        self.landmarks = landmarks_of(analysis)
        for name, lm in self.landmarks.items():
            handle = LandmarkHandle(self, name, lm.x, lm.y, "#ffffff", name in MINOR)
            handle.setToolTip(landmark_label(name, current_lang()) or name)
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
        prims = primitives(self.landmarks, self.measurements, self.view_name, lang=current_lang())
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
        size = max(self.full_size.width(), self.full_size.height()) if self.image else 1000
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
            text = self._text(arc.label, QColor(arc.colour), bold=True, centred=True)
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
                text.landmark = p.name  # type: ignore[attr-defined]
                text.setPos(p.x, p.y)
                self._tag(text, "labels")
                self.labels.addToGroup(text)
        scene.addItem(self.decor)
        scene.addItem(self.labels)
        self._apply_groups()
        self._draw_highlight()

    def _text(self, text: str, colour: QColor, bold: bool = False, centred: bool = False) -> LabelItem:
        font = QFont(self.label_font)
        font.setBold(bold)
        return LabelItem(text, font, colour, centred=centred)

    # ---- handles and labels that stay readable at any zoom ------------------------------------------
    def _zoomed(self, _zoom: float) -> None:
        self.size_handles()
        self.place_labels()

    def size_handles(self) -> None:
        """Handles scale with the face on screen: small at "fit" on a full-body photo (they would cover
        the face), full size once zoomed in. The size is set from the spread of the points."""
        pts = [(lm.x, lm.y) for n, lm in self.landmarks.items() if n not in MINOR]
        if len(pts) < 2:
            factor = 1.0
        else:
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            spread = math.hypot(max(xs) - min(xs), max(ys) - min(ys)) * self.zoom()  # screen pixels
            factor = min(1.0, max(0.35, spread / (HANDLE_RADIUS * 100)))
        self.handle_factor = factor
        for handle in self.handles.values():
            handle.setScale(self.handle_scale(handle.selected_look))

    def handle_scale(self, selected: bool) -> float:
        """The selected point is always drawn larger than full size, whatever the zoom."""
        return max(1.25, self.handle_factor * 1.6) if selected else self.handle_factor

    def label_items(self) -> list[LabelItem]:
        return [i for i in (self.labels.childItems() if self.labels is not None else []) if isinstance(i, LabelItem)]

    def handle_screen_rect(self, handle: LandmarkHandle) -> QRectF:
        c = QPointF(self.mapFromScene(handle.pos()))
        r = handle.screen_radius() + 1.5
        return QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)

    def label_screen_rect(self, label: LabelItem) -> QRectF:
        return label.text_rect().translated(QPointF(self.mapFromScene(label.pos())))

    def place_labels(self) -> None:
        """Put every shown label where it covers no handle and no other label (angle values first, then
        point names); a name that finds no free place is hidden (it stays the handle's tooltip)."""
        labels = [lb for lb in self.label_items() if self._group_of(lb) in self.groups]
        if not labels:
            return
        obstacles = [self.handle_screen_rect(h) for h in self.handles.values() if h.isVisible()]
        placed: list[QRectF] = []
        for label in sorted(labels, key=lambda lb: not lb.centred):
            anchor = QPointF(self.mapFromScene(label.pos()))
            w, h = label.size.width(), label.size.height()
            handle = self.handles.get(getattr(label, "landmark", ""))
            r = (handle.screen_radius() if handle is not None else 0.0) + 4
            candidates = [(-w / 2, -h / 2)] if label.centred else []
            for k in (1.0, 2.2, 3.6):
                rr = r * k
                candidates += [
                    (rr, -h / 2),
                    (-w - rr, -h / 2),
                    (-w / 2, -h - rr),
                    (-w / 2, rr),
                    (rr, -h - rr * 0.6),
                    (rr, rr * 0.6),
                    (-w - rr, -h - rr * 0.6),
                    (-w - rr, rr * 0.6),
                ]
            for dx, dy in candidates:
                rect = QRectF(anchor.x() + dx, anchor.y() + dy, w, h)
                if not any(rect.intersects(o) for o in obstacles) and not any(rect.intersects(p) for p in placed):
                    label.place(dx, dy)
                    label.placed = True
                    label.setVisible(True)
                    placed.append(rect.adjusted(-1, -1, 1, 1))
                    break
            else:
                label.placed = False
                label.setVisible(False)

    def _group_of(self, item: QGraphicsItem) -> str:
        return next((g for g, items in self.tagged.items() if any(i is item for i in items)), "")

    # ---- the measurement chosen in the table, drawn on the photo ------------------------------------
    def highlight_measurement(self, key: str | None) -> None:
        self.highlighted = key or None
        self._draw_highlight()
        if self.highlight is not None:
            self.ensureVisible(self.highlight.childrenBoundingRect(), 40, 40)

    def _draw_highlight(self) -> None:
        if self.highlight is not None:
            self.scene().removeItem(self.highlight)
            self.highlight = None
        m = next((m for m in self.measurements if m.key == self.highlighted), None)
        if m is None:
            return
        pts = [(self.landmarks[n].x, self.landmarks[n].y) for n in m.points if n in self.landmarks]
        if not pts:
            return
        group = QGraphicsItemGroup()
        group.setZValue(9)
        pairs = (
            list(itertools.pairwise(pts))
            if m.kind == "angle" or len(pts) == 3
            else [(pts[i], pts[i + 1]) for i in range(0, len(pts) - 1, 2)]
        )
        for colour, width in ((QColor(0, 0, 0, 170), 7.0), (QColor(SELECTED_COLOUR), 3.5)):
            pen = QPen(colour, width)
            pen.setCosmetic(True)
            for a, b in pairs:
                line = QGraphicsLineItem(a[0], a[1], b[0], b[1])
                line.setPen(pen)
                group.addToGroup(line)
        for x, y in pts:
            ring = QGraphicsEllipseItem(-9, -9, 18, 18)
            ring.setPen(QPen(QColor(SELECTED_COLOUR), 2.5))
            ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            ring.setPos(x, y)
            group.addToGroup(ring)
        self.scene().addItem(group)
        self.highlight = group

    # ---- two clicks on the photo (reference line, Frankfort horizontal) -----------------------------
    def pick_two_points(self, done: Callable[[QPointF, QPointF], None]) -> None:
        """The next two clicks on the photo (image pixels) go to `done`; Escape cancels."""
        self.cancel_pick()
        self.picking = done
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def cancel_pick(self) -> None:
        for item in self.pick_items:
            self.scene().removeItem(item)
        self.picking, self.picked, self.pick_items = None, [], []
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().unsetCursor()

    def pick_at(self, scene_pos: QPointF) -> None:
        """One click of a two-point pick (also called by tests with image coordinates)."""
        if self.picking is None:
            return
        self.picked.append(QPointF(scene_pos))
        mark = QGraphicsEllipseItem(-5, -5, 10, 10)
        mark.setPen(QPen(QColor(SELECTED_COLOUR), 2.0))
        mark.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        mark.setPos(scene_pos)
        mark.setZValue(20)
        self.scene().addItem(mark)
        self.pick_items.append(mark)
        if len(self.picked) == 2:
            done, (a, b) = self.picking, self.picked
            self.cancel_pick()
            done(a, b)

    def set_reference(self, a: tuple[float, float] | None, b: tuple[float, float] | None, text: str = "") -> None:
        """The doctor's reference line of known length, with its length in mm."""
        if self.reference is not None:
            self.scene().removeItem(self.reference)
            self.reference = None
        if a is None or b is None:
            return
        group = QGraphicsItemGroup()
        group.setZValue(8)
        for colour, width in ((QColor(0, 0, 0, 170), 5.0), (QColor("#7df9ff"), 2.0)):
            pen = QPen(colour, width)
            pen.setCosmetic(True)
            line = QGraphicsLineItem(a[0], a[1], b[0], b[1])
            line.setPen(pen)
            group.addToGroup(line)
        label = self._text(text, QColor("#7df9ff"), bold=True, centred=True)
        label.setPos((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        label.place(-label.size.width() / 2, 6)
        group.addToGroup(label)
        self.scene().addItem(group)
        self.reference = group

    def _tag(self, item: QGraphicsItem, group: str) -> None:
        # A Python-side list, not QGraphicsItem.setData: PySide6 6.12's data() over-releases None.
        self.tagged[group].append(item)

    def _apply_groups(self) -> None:
        for group, items in self.tagged.items():
            for item in items:
                item.setVisible(group in self.groups)
        for handle in self.handles.values():
            handle.setVisible("landmarks" in self.groups)
        self.place_labels()

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
            x = min(max(x, 0.0), float(self.full_size.width()))
            y = min(max(y, 0.0), float(self.full_size.height()))
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
        if key == Qt.Key.Key_Escape and self.picking is not None:
            self.cancel_pick()
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
            self.fitted = True  # stays fitted when the window (or the side panel) changes size
            self.zoom_changed.emit(self.zoom())

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if getattr(self, "fitted", False):
            self.fit()
        self._schedule_tile()

    def actual_size(self) -> None:
        self.fitted = False
        self._set_transform(1.0)

    def zoom(self) -> float:
        t = self.transform()
        return math.hypot(t.m11(), t.m12())

    def zoom_by(self, factor: float) -> None:
        self.fitted = False
        new = self.zoom() * factor
        if 0.02 <= new <= 40:
            self.scale(factor, factor)
            self.zoom_changed.emit(self.zoom())

    def _set_transform(self, zoom: float) -> None:
        t = QTransform()
        t.rotate(self.rotation_deg + self.tilt_deg)
        t.scale(-zoom if self.mirrored else zoom, zoom)
        self.setTransform(t)
        self.zoom_changed.emit(zoom)

    def rotate_by(self, degrees: int) -> None:
        self.rotation_deg = (self.rotation_deg + degrees) % 360
        self._set_transform(self.zoom())

    def set_tilt(self, degrees: float) -> None:
        """Free rotation for viewing (head-tilt correction); the points and measurements do not change."""
        self.tilt_deg = float(degrees)
        self._set_transform(self.zoom())

    def level_to(self, a: QPointF, b: QPointF) -> float:
        """The tilt that makes the line a-b (image pixels) horizontal on screen, applied; returns it."""
        angle = math.degrees(math.atan2(b.y() - a.y(), b.x() - a.x()))
        if angle > 90:
            angle -= 180
        elif angle < -90:
            angle += 180
        self.rotation_deg = 0
        self.set_tilt(max(-45.0, min(45.0, -angle)))
        return self.tilt_deg

    def set_mirrored(self, mirrored: bool) -> None:
        self.mirrored = mirrored
        self._set_transform(self.zoom())

    def set_adjustments(self, brightness: int, contrast: int) -> None:
        if (brightness, contrast) == (self.brightness, self.contrast):
            return  # the pixmap already shows these (set_photo made it with them)
        self.brightness, self.contrast = brightness, contrast
        if self.image is not None and self.pixmap_item is not None:
            self.pixmap_item.setPixmap(QPixmap.fromImage(adjust_image(self.image, brightness, contrast)))
        if self.tile_image is not None and self.tile_item is not None:
            self.tile_item.setPixmap(QPixmap.fromImage(adjust_image(self.tile_image, brightness, contrast)))

    def set_compare(
        self, image: QImage | None, alignment: Similarity | None = None, full_size: QSize | None = None
    ) -> None:
        """Show `image` right of the slider over the current photo: laid on the face by `alignment` (the
        similarity taking the compared photo's full-resolution coordinates, those of its landmarks, onto
        the current photo's: the scene's), else scaled to the same height and centred.

        `image` may be a screen-size decode of a photo of `full_size` (its own display factor): its
        pixels are first scaled up to that photo's full-resolution coordinates, then aligned."""
        if self.compare_item is not None:
            self.scene().removeItem(self.compare_item)
            self.compare_item = None
        self.compare_alignment = None
        self.compare_factor = 1.0
        if image is None or self.image is None:
            return
        self.compare_factor = _factor(image, full_size)
        item = ClippedPixmap(QRectF(0, 0, self.full_size.width(), self.full_size.height()))
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        item.setPixmap(QPixmap.fromImage(image))
        if alignment is not None:
            item.setTransform(self._compare_transform(alignment))
            self.compare_alignment = alignment
        else:  # the same height as the current photo in scene (full-resolution) coordinates, centred
            k = self.full_size.height() / max(1, image.height())
            item.setTransform(QTransform.fromScale(k, k))
            item.setPos((self.full_size.width() - image.width() * k) / 2, 0)
        item.setZValue(15)  # above the first photo's points, lines and labels (5-12), below picking marks
        self.scene().addItem(item)
        self.compare_item = item

    def realign_compare(self, alignment: Similarity | None) -> None:
        """Lay the compared photo again (the first photo's points moved); its pixels stay as they are."""
        if self.compare_item is None or alignment is None or self.compare_alignment is None:
            return
        self.compare_item.prepareGeometryChange()
        self.compare_item.setTransform(self._compare_transform(alignment))
        self.compare_alignment = alignment

    def _compare_transform(self, alignment: Similarity) -> QTransform:
        """Compared image pixels -> its full-resolution coordinates (1 / its display factor) -> the
        alignment onto the current photo's full-resolution coordinates (the scene)."""
        a, b, c, d = alignment.matrix()
        up = 1 / self.compare_factor
        return QTransform.fromScale(up, up) * QTransform(a, b, c, d, alignment.tx, alignment.ty)

    def set_compare_fraction(self, fraction: float) -> None:
        if self.compare_item is not None:
            self.compare_item.fraction = max(0.0, min(1.0, fraction))
            self.compare_item.update()

    # ---- zoom tiles: full-resolution pixels only where the doctor looks --------------------------------
    def _schedule_tile(self, *_args: Any) -> None:
        if self.source is not None:
            self._tile_timer.start()

    def tile_pending(self) -> bool:
        """A zoom tile is about to be asked for or is being decoded."""
        return self._tile_timer.isActive() or self._tile_job != 0

    def wanted_tile(self) -> tuple[QRect, float] | None:
        """(photo region, scale) the current zoom needs beyond the screen-size decode, or None."""
        if self.source is None or self.image is None or self.message:
            return None
        scale = min(1.0, self.zoom() * self.devicePixelRatioF())
        if scale <= self.display_factor * 1.05:
            return None  # the screen-size decode has enough pixels
        seen = self.mapToScene(self.viewport().rect()).boundingRect()
        mx, my = seen.width() * TILE_MARGIN, seen.height() * TILE_MARGIN
        region = seen.adjusted(-mx, -my, mx, my).toAlignedRect() & QRect(QPoint(0, 0), self.full_size)
        if region.isEmpty():
            return None
        # Whole 1/8 steps: the same zoom gives the same scale, however it was reached.
        return region, min(1.0, math.ceil(scale * 8) / 8)

    def _request_tile(self) -> None:
        wanted = self.wanted_tile()
        if wanted is None:
            self._drop_tile()
            return
        region, scale = wanted
        seen = self.mapToScene(self.viewport().rect()).boundingRect().toAlignedRect() & region
        if self.tile_item is not None and self.tile_scale == scale and self.tile_region.contains(seen):
            return  # the tile shown still covers what is seen, at this resolution
        if self.source is None:
            return  # nothing decoded yet: no tile to ask for
        self._tile_job = start_tile(self.source, region, scale, self.source_orientation)

    def _tile_done(self, job: int, region: QRect, image: QImage, scale: float) -> None:
        if job != self._tile_job:
            return  # an older request, or another canvas's: dropped
        self._tile_job = 0
        if image.isNull() or self.source is None:
            return
        self._drop_tile()
        self.tile_image = image
        self.tile_region, self.tile_scale = QRect(region), scale
        item = QGraphicsPixmapItem(QPixmap.fromImage(adjust_image(image, self.brightness, self.contrast)))
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        item.setScale(1 / scale)
        item.setPos(region.x(), region.y())
        item.setZValue(1)  # over the screen-size photo, under the compared photo and the overlay
        self.scene().addItem(item)
        self.tile_item = item

    def _drop_tile(self) -> None:
        if self.tile_item is not None:
            self.scene().removeItem(self.tile_item)
            self.tile_item = None
        self._drop_tile_pixels()

    def _drop_tile_pixels(self) -> None:
        self.tile_image = None
        self.tile_region, self.tile_scale = QRect(), 0.0
        self._tile_job = 0
        self._tile_timer.stop()

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
        if self.picking is not None and event.button() == Qt.MouseButton.LeftButton:
            self.pick_at(self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, LandmarkHandle) and self.editable:
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: Any) -> None:
        super().mouseReleaseEvent(event)
        if self.picking is None:
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
