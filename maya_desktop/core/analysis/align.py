"""Align one photo of a face on another (the doctor's compare view): a similarity transform (scale,
rotation, translation; never a reflection) from the two photos' landmarks.

Frontal and oblique photos are aligned on the two eye centres (iris centres, else the middle of each
eye's corners): two points fix a similarity exactly, so both photos' eyes fall on the same pixels.
Profile photos show one eye; they are aligned on the stable midline points of the profile (nasion,
nasal tip, subnasale, chin) by least squares. Pure numpy: no Qt, no pixels.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

EYE_CORNERS = {"r": ("endocanthion_r", "exocanthion_r"), "l": ("endocanthion_l", "exocanthion_l")}
PROFILE_POINTS = ("nasion", "glabella", "pronasale", "subnasale", "pogonion", "menton")
MIN_CONFIDENCE = 0.3


@dataclass(frozen=True)
class Similarity:
    """(x, y) -> scale * R(angle) * (x, y) + (tx, ty), angle in degrees (counter-clockwise in the
    maths sense; in image coordinates, y down, it turns clockwise on screen)."""

    scale: float
    angle_deg: float
    tx: float
    ty: float
    basis: str = "eyes"  # eyes | profile | points

    def matrix(self) -> tuple[float, float, float, float]:
        """(a, b, c, d) of x' = a x + c y + tx, y' = b x + d y + ty."""
        rad = math.radians(self.angle_deg)
        a, b = self.scale * math.cos(rad), self.scale * math.sin(rad)
        return a, b, -b, a

    def apply(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d = self.matrix()
        return a * x + c * y + self.tx, b * x + d * y + self.ty


def _xy(landmarks: Mapping[str, Any], name: str) -> tuple[float, float] | None:
    point = landmarks.get(name)
    if point is None:
        return None
    if isinstance(point, Mapping):
        x, y, conf = point.get("x"), point.get("y"), point.get("confidence", 1.0)
    else:
        x, y, conf = getattr(point, "x", None), getattr(point, "y", None), getattr(point, "confidence", 1.0)
    if x is None or y is None or float(conf if conf is not None else 1.0) < MIN_CONFIDENCE:
        return None
    return float(x), float(y)


def eye_centre(landmarks: Mapping[str, Any], side: str) -> tuple[float, float] | None:
    """The centre of one eye: the iris centre, else the middle of its two corners."""
    iris = _xy(landmarks, f"iris_{side}")
    if iris is not None:
        return iris
    inner, outer = (_xy(landmarks, name) for name in EYE_CORNERS[side])
    if inner is None or outer is None:
        return None
    return (inner[0] + outer[0]) / 2, (inner[1] + outer[1]) / 2


def fit_similarity(src: Sequence[tuple[float, float]], dst: Sequence[tuple[float, float]]) -> Similarity:
    """Least-squares similarity taking `src` onto `dst` (Umeyama, reflection excluded); exact for two points."""
    if len(src) != len(dst) or len(src) < 2:
        raise ValueError("at least two point pairs are needed")
    p, q = np.asarray(src, dtype=float), np.asarray(dst, dtype=float)
    mp, mq = p.mean(axis=0), q.mean(axis=0)
    pc, qc = p - mp, q - mq
    var = float((pc**2).sum())
    if var <= 1e-9:
        raise ValueError("the points coincide")
    # complex-number form of the 2-D similarity: z' = w z + t, w = sum(conj(p) q) / sum(|p|^2)
    zp, zq = pc[:, 0] + 1j * pc[:, 1], qc[:, 0] + 1j * qc[:, 1]
    w = complex((np.conj(zp) * zq).sum() / var)
    scale, angle = abs(w), math.degrees(math.atan2(w.imag, w.real))
    t = complex(mq[0] + 1j * mq[1]) - w * complex(mp[0] + 1j * mp[1])
    return Similarity(scale, angle, t.real, t.imag, "points")


def _is_profile(view: str | None) -> bool:
    return bool(view) and "profile" in str(view)


def face_alignment(
    moving: Mapping[str, Any],
    fixed: Mapping[str, Any],
    moving_view: str | None = None,
    fixed_view: str | None = None,
) -> Similarity | None:
    """The similarity that lays the `moving` photo on the `fixed` one (landmarks of each, in its own
    pixels), or None when the two photos share too few reliable points."""
    if not (_is_profile(moving_view) or _is_profile(fixed_view)):
        pairs = [(eye_centre(moving, s), eye_centre(fixed, s)) for s in ("r", "l")]
        if all(a is not None and b is not None for a, b in pairs):
            src = [a for a, _ in pairs if a is not None]
            dst = [b for _, b in pairs if b is not None]
            try:
                fit = fit_similarity(src, dst)
            except ValueError:
                return None
            return Similarity(fit.scale, fit.angle_deg, fit.tx, fit.ty, "eyes")
    src, dst = [], []
    for name in PROFILE_POINTS:
        a, b = _xy(moving, name), _xy(fixed, name)
        if a is not None and b is not None:
            src.append(a)
            dst.append(b)
    if len(src) < 2:
        return None
    try:
        fit = fit_similarity(src, dst)
    except ValueError:
        return None
    return Similarity(fit.scale, fit.angle_deg, fit.tx, fit.ty, "profile")
