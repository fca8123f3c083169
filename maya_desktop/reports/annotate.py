"""What the overlay shows, shared by the doctor's viewer (QGraphicsItems) and the report (QPainter).

`primitives()` turns named landmarks + measurements into plain shapes (segments, angle arcs,
labelled points) in image pixels, each in a group the doctor can toggle: "lines", "angles",
"landmarks", "labels". `paint_overlay()` draws them with QPainter onto a QImage in memory, so
Persian text is shaped by Qt with the Vazirmatn font (Pillow cannot shape Persian).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen

from maya_desktop.core.analysis.overlay import FRONTAL_LINES, PROFILE_LINES
from maya_desktop.core.analysis.point_names import landmark_label
from maya_desktop.core.persian import to_persian_digits

GROUPS = ("lines", "angles", "landmarks", "labels")
GROUP_LABELS_FA = {"lines": "خطوط", "angles": "زاویه‌ها", "landmarks": "نقاط", "labels": "نام نقاط"}

# Points the doctor works with (drag handles); iris edges and lip inner edges are shown smaller.
MINOR = frozenset(
    {
        "iris_r_medial",
        "iris_r_lateral",
        "iris_r_top",
        "iris_r_bottom",
        "iris_l_medial",
        "iris_l_lateral",
        "iris_l_top",
        "iris_l_bottom",
        "stomion_upper",
        "stomion_lower",
        "forehead_top",
    }
)

SHORT_FA = {
    "nasofrontal_angle": "بینی-پیشانی",
    "nasolabial_angle": "بینی-لب",
    "nasomental_angle": "بینی-چانه",
}
SHORT_EN = {
    "nasofrontal_angle": "Nasofrontal",
    "nasolabial_angle": "Nasolabial",
    "nasomental_angle": "Nasomental",
}
# A number with its unit kept together as one left-to-right piece (LRI ... PDI): in Persian text the
# degree sign stays right of its digits, in a value («۱۳۳°») and in a range («۱۱۵° تا ۱۳۵°») alike.
LRI, PDI = "\u2066", "\u2069"


def degrees_text(value: float, lang: str = "fa") -> str:
    """An angle for the overlay and the report: "133°" / «۱۳۳°» (isolated, so the sign never moves)."""
    number = str(round(value))
    return f"{number}°" if lang == "en" else f"{LRI}{to_persian_digits(number)}°{PDI}"


STATUS_COLOURS = {"within": "#2e9d57", "below": "#e09a1a", "above": "#d8452f", "not_measurable": "#8a8f98"}
SOURCE_COLOURS = {"mesh": "#22c3ee", "silhouette": "#f5a524", "estimate": "#b07cff", "corrected": "#39e27d"}
LINE_COLOUR = "#ffffff"
MIDLINE_COLOUR = "#ffd43b"
THIRDS_COLOUR = "#ff5fd2"
MIN_CONFIDENCE = 0.5


@dataclass
class Segment:
    group: str
    a: tuple[float, float]
    b: tuple[float, float]
    colour: str
    dashed: bool = False


@dataclass
class Arc:
    group: str
    a: tuple[float, float]
    vertex: tuple[float, float]
    b: tuple[float, float]
    colour: str
    label: str
    value: float


@dataclass
class Point:
    name: str
    x: float
    y: float
    colour: str
    label: str
    minor: bool
    corrected: bool


@dataclass
class Primitives:
    segments: list[Segment] = field(default_factory=list)
    arcs: list[Arc] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)


def _xy(lms: Mapping[str, Any], name: str) -> tuple[float, float] | None:
    lm = lms.get(name)
    if lm is None or lm.confidence < MIN_CONFIDENCE:
        return None
    return (lm.x, lm.y)


def family(view: str | None) -> str:
    v = view or ""
    if v == "frontal":
        return "frontal"
    if "profile" in v:
        return "profile"
    return "other"


def primitives(
    landmarks: Mapping[str, Any], measurements: Iterable[Any], view: str | None, lang: str = "fa"
) -> Primitives:
    """Shapes in image pixels. `landmarks`: name -> object with x, y, confidence, source; labels in `lang`."""
    out = Primitives()
    fam = family(view)
    if fam == "frontal":
        _frontal(out, landmarks)
    elif fam == "profile":
        for a, b in PROFILE_LINES:
            pa, pb = _xy(landmarks, a), _xy(landmarks, b)
            if pa and pb:
                out.segments.append(Segment("lines", pa, pb, LINE_COLOUR, dashed=(a, b) != ("nasion", "pronasale")))
    for m in measurements:
        if getattr(m, "kind", "") != "angle" or m.value is None or len(m.points) < 3:
            continue
        first, vertex, last = (_xy(landmarks, n) for n in m.points[:3])
        if first and vertex and last:
            if lang == "en":
                label = f"{SHORT_EN.get(m.key, m.label_en)} {degrees_text(m.value, 'en')}"
            else:
                label = f"{SHORT_FA.get(m.key, m.label_fa)} {degrees_text(m.value)}"
            out.arcs.append(Arc("angles", first, vertex, last, STATUS_COLOURS.get(m.status, "#ffffff"), label, m.value))
    for name, lm in landmarks.items():
        if lm.confidence < MIN_CONFIDENCE and lm.source != "corrected":
            colour = "#9aa0a6"
        else:
            colour = SOURCE_COLOURS.get(lm.source, "#ffffff")
        out.points.append(
            Point(name, lm.x, lm.y, colour, landmark_label(name, lang), name in MINOR, lm.source == "corrected")
        )
    return out


def _frontal(out: Primitives, lms: Mapping[str, Any]) -> None:
    for a, b in FRONTAL_LINES:
        pa, pb = _xy(lms, a), _xy(lms, b)
        if pa and pb:
            out.segments.append(Segment("lines", pa, pb, LINE_COLOUR))
    ir, il, na = _xy(lms, "iris_r"), _xy(lms, "iris_l"), _xy(lms, "nasion")
    if not (ir and il and na):
        return
    ux, uy = il[0] - ir[0], il[1] - ir[1]
    n = math.hypot(ux, uy) or 1.0
    ux, uy = ux / n, uy / n
    vx, vy = -uy, ux  # down the midline
    if vy < 0:
        vx, vy = -vx, -vy
    top = _xy(lms, "trichion") or _xy(lms, "glabella") or na
    bottom = _xy(lms, "menton") or na
    t0 = (top[0] - na[0]) * vx + (top[1] - na[1]) * vy - n * 0.2
    t1 = (bottom[0] - na[0]) * vx + (bottom[1] - na[1]) * vy + n * 0.2
    out.segments.append(
        Segment("lines", (na[0] + vx * t0, na[1] + vy * t0), (na[0] + vx * t1, na[1] + vy * t1), MIDLINE_COLOUR, True)
    )
    half = n * 0.9
    for name in ("trichion", "glabella", "subnasale", "menton"):  # facial thirds
        p = _xy(lms, name)
        if p:
            out.segments.append(
                Segment(
                    "lines",
                    (p[0] - ux * half, p[1] - uy * half),
                    (p[0] + ux * half, p[1] + uy * half),
                    THIRDS_COLOUR,
                    True,
                )
            )


# ---- QPainter rendering (report) -----------------------------------------------------------------
def arc_angles(a: tuple[float, float], v: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """(start, span) in Qt degrees (counter-clockwise, y up) for the inner angle a-v-b."""
    a1 = -math.degrees(math.atan2(a[1] - v[1], a[0] - v[0]))
    a2 = -math.degrees(math.atan2(b[1] - v[1], b[0] - v[0]))
    span = (a2 - a1 + 540) % 360 - 180
    return a1, span


def paint_overlay(
    image: QImage, prims: Primitives, groups: Iterable[str] = GROUPS, font_family: str = "Vazirmatn"
) -> QImage:
    """A copy of `image` with the overlay drawn (line widths and text scale with the image)."""
    out = image.convertToFormat(QImage.Format.Format_RGB32)
    shown = set(groups)
    size = max(out.width(), out.height())
    lw = max(1.5, size / 450)
    radius = max(3.0, size / 170)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = QFont(font_family)
    font.setPixelSize(max(10, round(size / 42)))
    painter.setFont(font)
    if "lines" in shown:
        for s in prims.segments:
            pen = QPen(QColor(s.colour), lw)
            if s.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            _shadowed_line(painter, pen, s.a, s.b)
    if "angles" in shown:
        arc_r = size / 12
        for arc in prims.arcs:
            pen = QPen(QColor(arc.colour), lw * 1.3)
            _shadowed_line(painter, pen, arc.a, arc.vertex)
            _shadowed_line(painter, pen, arc.vertex, arc.b)
            start, span = arc_angles(arc.a, arc.vertex, arc.b)
            rect = QRectF(arc.vertex[0] - arc_r, arc.vertex[1] - arc_r, 2 * arc_r, 2 * arc_r)
            painter.setPen(pen)
            painter.drawArc(rect, round(start * 16), round(span * 16))
            mid = math.radians(start + span / 2)
            pos = QPointF(arc.vertex[0] + math.cos(mid) * arc_r * 1.9, arc.vertex[1] - math.sin(mid) * arc_r * 1.9)
            _label(painter, arc.label, pos, QColor(arc.colour), centre=True)
    if "landmarks" in shown or "labels" in shown:
        for p in prims.points:
            r = radius * (0.6 if p.minor else 1.0)
            if "landmarks" in shown:
                painter.setPen(QPen(QColor("#000000"), max(1.0, lw / 2)))
                painter.setBrush(QColor(p.colour))
                painter.drawEllipse(QPointF(p.x, p.y), r, r)
            if "labels" in shown and p.label and not p.minor:
                _label(painter, p.label, QPointF(p.x + r * 1.6, p.y), QColor("#ffffff"), small=True)
    painter.end()
    return out


def _shadowed_line(painter: QPainter, pen: QPen, a: tuple[float, float], b: tuple[float, float]) -> None:
    shadow = QPen(pen)
    shadow.setColor(QColor(0, 0, 0, 140))
    shadow.setWidthF(pen.widthF() * 2.2)
    painter.setPen(shadow)
    painter.drawLine(QPointF(*a), QPointF(*b))
    painter.setPen(pen)
    painter.drawLine(QPointF(*a), QPointF(*b))


def _label(
    painter: QPainter, text: str, pos: QPointF, colour: QColor, *, centre: bool = False, small: bool = False
) -> None:
    font = QFont(painter.font())
    if small:
        font.setPixelSize(max(9, round(font.pixelSize() * 0.62)))
    path = QPainterPath()
    metrics_w = painter.fontMetrics().horizontalAdvance(text) if not small else None
    painter.save()
    painter.setFont(font)
    width = painter.fontMetrics().horizontalAdvance(text) if metrics_w is None else metrics_w
    x = pos.x() - width / 2 if centre else pos.x()
    path.addText(QPointF(x, pos.y() + font.pixelSize() * 0.35), font, text)
    painter.setPen(QPen(QColor(0, 0, 0, 200), max(2.0, font.pixelSize() / 5)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPath(path)
    painter.restore()
