"""Overlay: landmarks, measurement lines and angle arcs drawn on the photo (Pillow only, no Qt).

Labels are short ASCII codes (e.g. "NL 104"); the GUI or report adds Persian text itself.

The overlay is a PREVIEW: it is drawn on a copy of the photo reduced by an integer factor to at most
OVERLAY_MAX_PIXELS (2 MP; a 12 MP 3000x4000 photo gives 1000x1333, photos up to 2 MP keep their
size), so drawing never touches full-resolution pixels. Landmark coordinates in the result stay in
original pixels; a caller that needs full-resolution drawing scales them itself.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from maya_desktop.core.analysis.imageio import WORK_MAX_PIXELS, DecodedImage, decode, reduction_factor
from maya_desktop.core.analysis.landmarks import Landmark
from maya_desktop.core.analysis.result import AnalysisResult

SOURCE_COLOURS = {
    "mesh": (0, 200, 255),
    "silhouette": (255, 170, 0),
    "estimate": (200, 120, 255),
    "corrected": (0, 255, 120),
}
STATUS_COLOURS = {"within": (60, 220, 60), "below": (255, 200, 0), "above": (255, 80, 60)}
SHORT = {
    "nasofrontal_angle": "NF",
    "nasolabial_angle": "NL",
    "nasomental_angle": "NM",
    "nasofacial_angle": "NFc",
    "tip_rotation_angle": "TR",
}
FRONTAL_LINES = (
    ("endocanthion_r", "endocanthion_l"),
    ("exocanthion_r", "endocanthion_r"),
    ("exocanthion_l", "endocanthion_l"),
    ("alar_crest_r", "alar_crest_l"),
    ("cheilion_r", "cheilion_l"),
    ("iris_r", "iris_l"),
)
OVERLAY_MAX_PIXELS = WORK_MAX_PIXELS
PROFILE_LINES = (
    ("nasion", "pronasale"),
    ("pronasale", "pogonion"),
    ("glabella", "pogonion"),
    ("labrale_superius", "labrale_inferius"),
)


def render_overlay(image: bytes | Image.Image | np.ndarray, result: AnalysisResult) -> Image.Image:
    """A preview copy of `image` (RGB, at most OVERLAY_MAX_PIXELS) with the analysis drawn on it."""
    return render_overlay_decoded(decode(image, max_pixels=OVERLAY_MAX_PIXELS), result)


def render_overlay_decoded(dec: DecodedImage, result: AnalysisResult) -> Image.Image:
    """As `render_overlay`, drawn on an already decoded working copy (e.g. the one the analysis used),
    so the photo is not decoded a second time. `dec.rgb` is copied, never modified.

    A working copy above OVERLAY_MAX_PIXELS is reduced by an integer factor first (today the two
    limits are equal, so the analysis' copy is used as is); a smaller one is drawn on at its size.
    """
    k = reduction_factor(dec.rgb.shape[1], dec.rgb.shape[0], OVERLAY_MAX_PIXELS)
    out = Image.fromarray(dec.rgb)  # a copy: Pillow stores RGB as 4 bytes per pixel
    if k > 1:
        out = out.reduce(k)
    if result.image_width and result.image_height:
        fx, fy = out.width / result.image_width, out.height / result.image_height
    else:
        fx = fy = 1.0 / (dec.scale * k)
    draw = ImageDraw.Draw(out)
    size = max(out.size)
    lw = max(1, round(size / 400))
    r = max(2, round(size / 250))
    font = _font(max(10, round(size / 45)))
    lms = {k: Landmark(v.x * fx, v.y * fy, v.confidence, v.source) for k, v in result.landmarks.items()}

    def xy(name: str) -> tuple[float, float] | None:
        lm = lms.get(name)
        return None if lm is None or lm.confidence < 0.5 else (lm.x, lm.y)

    family = (result.view or "").split("_")[-1]
    if family == "frontal":
        _midline(draw, lms, size, lw)
        for a, b in FRONTAL_LINES:
            pa, pb = xy(a), xy(b)
            if pa and pb:
                draw.line([pa, pb], fill=(255, 255, 255), width=lw)
        for name in ("trichion", "glabella", "subnasale", "menton"):  # thirds
            p = xy(name)
            if p:
                draw.line([(p[0] - size / 12, p[1]), (p[0] + size / 12, p[1])], fill=(255, 0, 200), width=lw)
    elif family == "profile":
        for a, b in PROFILE_LINES:
            pa, pb = xy(a), xy(b)
            if pa and pb:
                draw.line([pa, pb], fill=(255, 255, 255), width=lw)
        for m in result.measurements:
            if m.kind == "angle" and m.value is not None and len(m.points) >= 3:
                found = [xy(n) for n in m.points[:3]]
                pts = [p for p in found if p is not None]
                if len(pts) == 3:
                    _arc(
                        draw,
                        pts,
                        m.value,
                        STATUS_COLOURS.get(m.status, (255, 255, 255)),
                        f"{SHORT.get(m.key, m.key[:3].upper())} {m.value:.0f}",
                        lw,
                        size / 14,
                        font,
                    )
    for lm in lms.values():
        if lm.confidence < 0.5:
            continue  # not located: never drawn as a point (the measurements say "not measurable")
        colour = SOURCE_COLOURS.get(lm.source, (255, 255, 255))
        draw.ellipse((lm.x - r, lm.y - r, lm.x + r, lm.y + r), fill=colour, outline=(0, 0, 0))
    if result.view:
        draw.text(
            (r * 2, r * 2),
            result.view.replace("_", " "),
            fill=(255, 255, 0),
            font=font,
            stroke_width=1,
            stroke_fill=(0, 0, 0),
        )
    return out


def _font(px: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=px)
    except TypeError:  # Pillow < 10.1
        return ImageFont.load_default()


def _midline(draw: ImageDraw.ImageDraw, lms: dict[str, Landmark], size: int, lw: int) -> None:
    if not all(k in lms for k in ("iris_r", "iris_l", "nasion")):
        return
    ux, uy = lms["iris_l"].x - lms["iris_r"].x, lms["iris_l"].y - lms["iris_r"].y
    n = math.hypot(ux, uy) or 1.0
    vx, vy = -uy / n, ux / n
    length = size * 0.4
    na = lms["nasion"]
    draw.line(
        [(na.x - vx * length * 0.5, na.y - vy * length * 0.5), (na.x + vx * length, na.y + vy * length)],
        fill=(255, 255, 0),
        width=lw,
    )


def _arc(
    draw: ImageDraw.ImageDraw,
    pts: list[tuple[float, float]],
    value: float,
    colour: tuple[int, int, int],
    label: str,
    lw: int,
    radius: float,
    font: ImageFont.ImageFont | ImageFont.FreeTypeFont,
) -> None:
    a, v, b = pts
    draw.line([a, v, b], fill=colour, width=lw)
    a1 = math.degrees(math.atan2(a[1] - v[1], a[0] - v[0]))
    a2 = math.degrees(math.atan2(b[1] - v[1], b[0] - v[0]))
    start, end = (a1, a2) if (a2 - a1) % 360 <= 180 else (a2, a1)
    box = (v[0] - radius, v[1] - radius, v[0] + radius, v[1] + radius)
    draw.arc(box, start, end if end > start else end + 360, fill=colour, width=lw)
    mid = math.radians(start + ((end - start) % 360) / 2)
    tx, ty = v[0] + math.cos(mid) * radius * 1.3, v[1] + math.sin(mid) * radius * 1.3
    draw.text((tx, ty), label, fill=colour, font=font, anchor="mm", stroke_width=1, stroke_fill=(0, 0, 0))
