"""Nose simulation on a side photo (numpy only): the surgeon's planned change, shown as a warped photo.

A SIMULATION, NOT A PROMISED RESULT: soft tissue does not follow the bone and cartilage one to one,
and healing differs from person to person. The screen and the report say so wherever it is shown.

`simulate_nose(image, landmarks, change, mm_per_px)` moves the nose's landmarks as planned and warps
the pixels around them, returning a NEW array and the moved landmarks; the original array is never
written to. Nothing here touches the disk: the caller keeps the result in memory only (the viewer drops
it with the case; the report recomputes it from the sealed photo and the parameters kept in the
order's findings, so it is destroyed with the order).

The planned change (`NoseChange`), in the surgeon's terms:
- `hump_mm`: dorsal hump reduction (positive lowers the dorsum toward the face);
- `projection_mm`: tip projection (positive moves the tip forward, away from the face);
- `rotation_deg`: tip rotation (positive = cephalic / upward: tip and columella turn about subnasale);
- `nasolabial_deg`: nasolabial angle (positive opens it: the columella turns up about subnasale).

Warp: the moved points and fixed anchors (nasion, glabella, subnasale, lips, chin, alae) define a
displacement field by interpolation with a compactly supported radial kernel (Wendland C2, positive
definite in 2D), so pixels farther than the kernel radius from every point do not move at all. Pixels are
mapped backwards (each output pixel samples the original, bilinear), exact at the moved points.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from maya_desktop.core.analysis.landmarks import Landmark
from maya_desktop.core.analysis.measurements import Measurement, compute_measurements, iris_scale

# Without an iris or a reference line the scale is taken from the nose itself: nasion to subnasale
# averages about 47 mm in adults (Farkas; n-sn 50 mm men, 47 mm women). Stated as approximate.
NASAL_HEIGHT_MM = 47.0
LIMITS = {
    "hump_mm": (0.0, 8.0),
    "projection_mm": (-6.0, 6.0),
    "rotation_deg": (-15.0, 25.0),
    "nasolabial_deg": (-20.0, 30.0),
}
REQUIRED = ("nasion", "pronasale", "subnasale")
ANCHORS = (
    "glabella",
    "nasion",
    "subnasale",
    "labrale_superius",
    "stomion",
    "labrale_inferius",
    "pogonion",
    "alar_crest_r",
    "alar_crest_l",
    "alar_base_r",
    "alar_base_l",
)


class SimulationError(ValueError):
    """The photo cannot be simulated (not a side photo, nose points missing, change out of range)."""


@dataclass(frozen=True)
class NoseChange:
    hump_mm: float = 0.0
    projection_mm: float = 0.0
    rotation_deg: float = 0.0
    nasolabial_deg: float = 0.0

    def is_identity(self) -> bool:
        return not (self.hump_mm or self.projection_mm or self.rotation_deg or self.nasolabial_deg)

    def checked(self) -> NoseChange:
        for name, (lo, hi) in LIMITS.items():
            value = float(getattr(self, name))
            if not (math.isfinite(value) and lo <= value <= hi):
                raise SimulationError(f"{name} must be between {lo} and {hi}")
        return self

    def to_dict(self) -> dict[str, float]:
        return {k: float(getattr(self, k)) for k in LIMITS}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> NoseChange:
        values: dict[str, float] = {}
        for k in LIMITS:
            raw = data.get(k, 0.0)
            values[k] = float(raw) if isinstance(raw, int | float | str) else 0.0
        return cls(**values).checked()


@dataclass
class Simulation:
    """The warped photo (a new array) and the landmarks after the change; memory only."""

    image: NDArray[np.uint8]
    landmarks: dict[str, Landmark]
    change: NoseChange
    mm_per_px: float
    scale_from: str  # "given" | "iris" | "nasal_height" (approximate)
    moved: dict[str, tuple[float, float]]  # landmark -> (dx, dy) in pixels

    def measurements(self, view: str, sex: str | None = None) -> list[Measurement]:
        h, w = self.image.shape[:2]
        return compute_measurements(self.landmarks, view, (w, h), sex=sex, mm_per_px=self.mm_per_px)


def _xy(lm: Landmark | tuple[float, float]) -> tuple[float, float]:
    return (lm.x, lm.y) if isinstance(lm, Landmark) else (float(lm[0]), float(lm[1]))


def _rotate(p: tuple[float, float], c: tuple[float, float], radians: float) -> tuple[float, float]:
    dx, dy = p[0] - c[0], p[1] - c[1]
    cos, sin = math.cos(radians), math.sin(radians)
    return (c[0] + cos * dx - sin * dy, c[1] + sin * dx + cos * dy)


Move = tuple[tuple[float, float], tuple[float, float]]  # (from, to) in image pixels


def planned_points(landmarks: Mapping[str, Landmark], change: NoseChange, mm_per_px: float) -> dict[str, Move]:
    """Where each moved nose point comes from and goes (image pixels). Raises SimulationError without
    the nose points. The dorsal hump, when the engine did not locate it, is taken on the nasion-tip line."""
    missing = [n for n in REQUIRED if n not in landmarks]
    if missing:
        raise SimulationError("nose points not located: " + ", ".join(missing))
    na, prn, sn = (_xy(landmarks[n]) for n in REQUIRED)
    if prn[0] == sn[0]:
        raise SimulationError("not a side photo: the tip is not in front of subnasale")
    facing = 1.0 if prn[0] > sn[0] else -1.0  # the nose points to the image's right (+1) or left (-1)
    vx, vy = sn[0] - na[0], sn[1] - na[1]
    length = math.hypot(vx, vy)
    if length < 5:
        raise SimulationError("the nose is too small on this photo")
    vx, vy = vx / length, vy / length  # down the nose
    fx, fy = -vy, vx  # perpendicular: forward, away from the face
    if fx * facing < 0:
        fx, fy = -fx, -fy
    px = 1.0 / mm_per_px
    out: dict[str, Move] = {}
    # dorsal hump: the dorsum's highest point back toward the face, rhinion partly with it
    if change.hump_mm:
        hump = _xy(landmarks["dorsum_max"]) if "dorsum_max" in landmarks else None
        if hump is None:
            t = 0.55
            hump = (na[0] + (prn[0] - na[0]) * t, na[1] + (prn[1] - na[1]) * t)
        d = change.hump_mm * px
        out["dorsum_max"] = (hump, (hump[0] - fx * d, hump[1] - fy * d))
        if "rhinion" in landmarks:
            r = _xy(landmarks["rhinion"])
            out["rhinion"] = (r, (r[0] - fx * d * 0.6, r[1] - fy * d * 0.6))
    # tip: projection forward, then rotation about subnasale (upward: toward the forehead)
    tip = {n: _xy(landmarks[n]) for n in ("pronasale", "columella") if n in landmarks}
    if change.projection_mm:
        d = change.projection_mm * px
        tip = {n: (p[0] + fx * d, p[1] + fy * d) for n, p in tip.items()}
    if change.rotation_deg:
        angle = -facing * math.radians(change.rotation_deg)  # y grows downward in the image
        tip = {n: _rotate(p, sn, angle) for n, p in tip.items()}
    if change.nasolabial_deg and "columella" in tip:
        tip["columella"] = _rotate(tip["columella"], sn, -facing * math.radians(change.nasolabial_deg))
    for name, p in tip.items():
        if p != _xy(landmarks[name]):
            out[name] = (_xy(landmarks[name]), p)
    return out


def _kernel(r: NDArray[np.float64], radius: float) -> NDArray[np.float64]:
    q = np.clip(r / radius, 0.0, 1.0)
    return np.asarray((1.0 - q) ** 4 * (4.0 * q + 1.0), dtype=np.float64)


def _bilinear(image: NDArray[np.uint8], sx: NDArray[np.float64], sy: NDArray[np.float64]) -> NDArray[np.uint8]:
    h, w = image.shape[:2]
    sx = np.clip(sx, 0.0, w - 1.0)
    sy = np.clip(sy, 0.0, h - 1.0)
    x0, y0 = np.floor(sx).astype(np.intp), np.floor(sy).astype(np.intp)
    x1, y1 = np.minimum(x0 + 1, w - 1), np.minimum(y0 + 1, h - 1)
    ax, ay = sx - x0, sy - y0
    img = image.astype(np.float32)
    if img.ndim == 3:
        ax, ay = ax[..., None], ay[..., None]
    top = img[y0, x0] * (1 - ax) + img[y0, x1] * ax
    bottom = img[y1, x0] * (1 - ax) + img[y1, x1] * ax
    return np.asarray(np.clip(top * (1 - ay) + bottom * ay + 0.5, 0, 255), dtype=np.uint8)


def simulate_nose(
    image: NDArray[np.uint8],
    landmarks: Mapping[str, Landmark],
    change: NoseChange,
    mm_per_px: float | None = None,
) -> Simulation:
    """The photo with the planned nose change (a new array; `image` is only read)."""
    change = change.checked()
    if image.ndim not in (2, 3) or image.dtype != np.uint8:
        raise SimulationError("expected an 8-bit image array")
    missing = [n for n in REQUIRED if n not in landmarks]
    if missing:
        raise SimulationError("nose points not located: " + ", ".join(missing))
    scale_from = "given"
    if not mm_per_px:
        mm_per_px, _err = iris_scale(landmarks, "left_profile")
        scale_from = "iris"
    if not mm_per_px:
        na, sn = _xy(landmarks["nasion"]), _xy(landmarks["subnasale"])
        mm_per_px = NASAL_HEIGHT_MM / max(1.0, math.dist(na, sn))
        scale_from = "nasal_height"
    plan = planned_points(landmarks, change, mm_per_px)
    target = {n: to for n, (_frm, to) in plan.items()}
    out = image.copy()
    moved = {n: (to[0] - frm[0], to[1] - frm[1]) for n, (frm, to) in plan.items()}
    new_landmarks = {
        n: Landmark(target[n][0], target[n][1], lm.confidence, lm.source) if n in target else lm
        for n, lm in landmarks.items()
    }
    for n, p in target.items():
        if n not in new_landmarks:  # a point placed by the plan itself (the hump, when none was located)
            new_landmarks[n] = Landmark(p[0], p[1], 1.0, "corrected")
    if not moved:
        return Simulation(out, new_landmarks, change, mm_per_px, scale_from, moved)
    # Control points at their NEW places carry the way back to the original (backward mapping);
    # anchors carry zero. Points that sit on top of each other keep only the first.
    nose = math.dist(_xy(landmarks["nasion"]), _xy(landmarks["subnasale"]))
    radius = max(12.0, 0.75 * nose)
    centres: list[tuple[float, float]] = []
    values: list[tuple[float, float]] = []
    for n, (dx, dy) in moved.items():
        centres.append(target[n])
        values.append((-dx, -dy))
    for n in ANCHORS:
        if n in landmarks and n not in moved:
            c = _xy(landmarks[n])
            if all(math.dist(c, o) > 2.0 for o in centres):
                centres.append(c)
                values.append((0.0, 0.0))
    cs = np.asarray(centres, dtype=np.float64)
    vs = np.asarray(values, dtype=np.float64)
    k = _kernel(np.linalg.norm(cs[:, None, :] - cs[None, :, :], axis=2), radius)
    weights = np.linalg.solve(k + np.eye(len(cs)) * 1e-9, vs)
    h, w = image.shape[:2]
    movers = cs[: len(moved)]
    x0 = max(0, math.floor(movers[:, 0].min() - radius))
    x1 = min(w, math.ceil(movers[:, 0].max() + radius) + 1)
    y0 = max(0, math.floor(movers[:, 1].min() - radius))
    y1 = min(h, math.ceil(movers[:, 1].max() + radius) + 1)
    if x0 >= x1 or y0 >= y1:
        return Simulation(out, new_landmarks, change, mm_per_px, scale_from, moved)
    gy, gx = np.mgrid[y0:y1, x0:x1].astype(np.float64)
    dx = np.zeros_like(gx)
    dy = np.zeros_like(gy)
    for (cx, cy), (wx, wy) in zip(cs, weights, strict=True):
        phi = _kernel(np.hypot(gx - cx, gy - cy), radius)
        dx += phi * wx
        dy += phi * wy
    out[y0:y1, x0:x1] = _bilinear(image, gx + dx, gy + dy)
    return Simulation(out, new_landmarks, change, mm_per_px, scale_from, moved)
