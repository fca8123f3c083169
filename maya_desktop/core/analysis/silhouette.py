"""Profile points from the face silhouette: face mesh is weak at 90 deg, the outline is not.

The selfie-segmentation model (in the mediapipe wheel) separates the person from the background on
a crop around the mesh. For every image row the front-most mask pixel gives the profile curve; its
local extremes, searched in windows seeded by the mesh, are glabella, nasion, pronasale, subnasale,
the lips and pogonion. The columella is the tangent point from subnasale to the nose's underside on
the real contour. Each point gets a confidence; points that disagree with the mesh seed, fall in a
gap of the curve or have no clear extreme are marked uncertain and not used for measurements.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from maya_desktop.core.analysis.imageio import DecodedImage
from maya_desktop.core.analysis.landmarks import Landmark
from maya_desktop.core.analysis.loader import Models

SEG_SIDE = 384
BASE_CONFIDENCE = 0.8
MAX_SEED_SHIFT = 0.35  # in nose lengths: farther than this from the mesh seed -> low confidence


def _mask(models: Models, crop: np.ndarray) -> np.ndarray:
    prob = models.segment(crop)
    mask = (prob > 0.5).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if n <= 1:
        return mask
    biggest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    mask = (labels == biggest).astype(np.uint8)
    return cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))


def _front_curve(mask: np.ndarray, facing: int) -> np.ndarray:
    """Anteriority per row (facing * x of the front-most mask pixel); NaN where the row is empty."""
    h, w = mask.shape
    cols = np.arange(w, dtype=np.float64)
    out = np.full(h, np.nan)
    any_row = mask.any(axis=1)
    if facing > 0:
        xs = np.where(mask.astype(bool), cols, -np.inf).max(axis=1)
    else:
        xs = np.where(mask.astype(bool), cols, np.inf).min(axis=1)
    out[any_row] = facing * xs[any_row]
    return out


def refine_profile(
    models: Models, dec: DecodedImage, points: np.ndarray, named: dict[str, Landmark], yaw: float
) -> tuple[dict[str, Landmark], list[str]]:
    """Silhouette-based midline profile points (original pixels) and the names left uncertain."""
    facing = 1 if yaw > 0 else -1
    s = dec.scale
    pts = points[:, :2] / s
    x0, y0 = pts.min(axis=0)
    x1, y1 = pts.max(axis=0)
    fw, fh = x1 - x0, y1 - y0
    # Generous margin in front of the face (the mesh under-reaches the nose tip on profiles).
    left = x0 - fw * (0.6 if facing < 0 else 0.25)
    right = x1 + fw * (0.6 if facing > 0 else 0.25)
    top, bottom = y0 - fh * 0.25, y1 + fh * 0.15
    h, w = dec.rgb.shape[:2]
    cx0, cy0, cx1, cy1 = (max(0, int(left)), max(0, int(top)), min(w, int(right)), min(h, int(bottom)))
    if cx1 - cx0 < 16 or cy1 - cy0 < 16:
        return {}, ["silhouette"]
    crop = dec.rgb[cy0:cy1, cx0:cx1]
    f = min(1.0, SEG_SIDE / max(crop.shape[:2]))
    if f < 1.0:
        crop = cv2.resize(crop, (round(crop.shape[1] * f), round(crop.shape[0] * f)), interpolation=cv2.INTER_AREA)
    mask = _mask(models, np.ascontiguousarray(crop))
    curve = _front_curve(mask, facing)
    k = max(1, round(0.01 * mask.shape[0]))
    smooth = np.convolve(np.nan_to_num(curve, nan=-1e9), np.ones(2 * k + 1) / (2 * k + 1), mode="same")
    smooth[np.isnan(curve)] = np.nan

    def to_crop(name: str) -> tuple[float, float]:
        lm = named[name]
        return ((lm.x / s - cx0) * f, (lm.y / s - cy0) * f)

    def to_orig(x: float, y: float) -> tuple[float, float]:
        return ((x / f + cx0) * s, (y / f + cy0) * s)

    seed = {n: to_crop(n) for n in ("glabella", "nasion", "pronasale", "subnasale", "labrale_superius",
                                     "stomion", "labrale_inferius", "sublabiale", "pogonion", "menton")}
    nose_len = max(8.0, seed["subnasale"][1] - seed["nasion"][1])
    touches_border = bool(mask[:, 0].any() if facing < 0 else mask[:, -1].any())
    found: dict[str, tuple[float, float, float]] = {}

    def pick(name: str, lo: float, hi: float, mode: str) -> float | None:
        a, b = max(0, int(lo)), min(len(smooth) - 1, int(hi))
        if b - a < 3:
            return None
        seg = smooth[a : b + 1]
        if np.isnan(seg).mean() > 0.2:
            return None
        idx = int(np.nanargmax(seg) if mode == "max" else np.nanargmin(seg))
        y = float(a + idx)
        x = float(facing * smooth[int(y)])
        conf = BASE_CONFIDENCE
        if idx in (0, len(seg) - 1):  # extreme at the window edge: no real local extreme
            conf *= 0.55
        sx, sy = seed[name]
        if abs(y - sy) > MAX_SEED_SHIFT * nose_len * 1.5 or abs(x - sx) > MAX_SEED_SHIFT * nose_len * 2:
            conf *= 0.5
        if touches_border:
            conf *= 0.8
        found[name] = (x, y, conf)
        return y

    # Pronasale and nasion are seeded by the mesh; the points below are searched in windows scaled by
    # the silhouette's own nasion-to-tip height L (typical adult proportions: subnasale ~0.2 L below
    # the tip, upper lip ~0.6 L, stomion ~0.8 L, lower lip ~1.05 L, pogonion ~1.5 L).
    n, sn_seed = seed["nasion"][1], seed["subnasale"][1]
    prn = pick("pronasale", seed["pronasale"][1] - 0.35 * nose_len, sn_seed + 0.1 * nose_len, "max")
    if prn is None:
        return _finish(found, named, to_orig)
    na = pick("nasion", n - 0.35 * nose_len, prn - 0.4 * nose_len, "min")
    big_l = (prn - na) if na is not None and prn - na > 4 else nose_len
    if na is not None:
        pick("glabella", na - 0.75 * big_l, na - 0.15 * big_l, "max")
    stom_seed = seed["stomion"][1]  # the mesh places the mouth well even on profiles
    ls = pick("labrale_superius", max(prn + 0.3 * big_l, stom_seed - 0.5 * big_l), stom_seed, "max")
    if ls is not None:
        pick("subnasale", prn + 0.05 * big_l, ls, "min")
        st = pick("stomion", ls, stom_seed + 0.25 * big_l, "min")
        li = pick("labrale_inferius", st if st is not None else ls + 0.2 * big_l, (st or ls) + 0.5 * big_l, "max")
        if li is not None:
            b_pt = pick("sublabiale", li, li + 0.7 * big_l, "min")
            if b_pt is not None:
                pick("pogonion", b_pt, b_pt + 0.7 * big_l, "max")
    _dorsum(found, smooth, facing)
    _columella(found, mask, facing)
    return _finish(found, named, to_orig)


def _finish(
    found: dict[str, tuple[float, float, float]],
    named: dict[str, Landmark],
    to_orig: Callable[[float, float], tuple[float, float]],
) -> tuple[dict[str, Landmark], list[str]]:
    out: dict[str, Landmark] = {}
    uncertain: list[str] = []
    for name, (x, y, conf) in found.items():
        ox, oy = to_orig(x, y)
        out[name] = Landmark(ox, oy, round(conf, 3), "silhouette")
        if conf < 0.5:
            uncertain.append(name)
    for name in ("pronasale", "nasion", "glabella", "subnasale", "labrale_superius", "pogonion"):
        if name not in found:
            uncertain.append(name)
            if name in named:  # keep the mesh guess visible, but too weak to measure with
                named[name].confidence = min(named[name].confidence, 0.3)
    return out, uncertain


def _dorsum(found: dict[str, tuple[float, float, float]], smooth: np.ndarray, facing: int) -> None:
    """Point of the dorsum farthest from the nasion-pronasale line (hump if in front of it)."""
    if "nasion" not in found or "pronasale" not in found:
        return
    nx, ny, nc = found["nasion"]
    px, py, pc = found["pronasale"]
    best, best_d = None, -np.inf
    length = float(np.hypot(px - nx, py - ny))
    for y in range(int(ny) + 1, int(py)):
        if np.isnan(smooth[y]):
            return
        x = facing * smooth[y]
        # signed distance in front of the line (toward the facing direction)
        d = ((py - ny) * (x - nx) - (px - nx) * (y - ny)) / length
        d *= 1 if (py - ny) * facing > 0 else -1
        if abs(d) > abs(best_d) or best is None:
            best, best_d = (float(x), float(y)), d
    if best is not None:
        found["dorsum_max"] = (best[0], best[1], min(nc, pc))


def _columella(found: dict[str, tuple[float, float, float]], mask: np.ndarray, facing: int) -> None:
    """Tangent point from subnasale to the underside of the nose, on the real contour."""
    if "subnasale" not in found or "pronasale" not in found:
        return
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return
    c = max(contours, key=cv2.contourArea)[:, 0, :].astype(np.float64)
    sx, sy, sc = found["subnasale"]
    px, py, pc = found["pronasale"]
    i_s = int(np.argmin(np.hypot(c[:, 0] - sx, c[:, 1] - sy)))
    i_p = int(np.argmin(np.hypot(c[:, 0] - px, c[:, 1] - py)))
    lo, hi = sorted((i_s, i_p))
    seg = c[lo : hi + 1] if hi - lo <= len(c) / 2 else np.concatenate([c[hi:], c[: lo + 1]])
    tip = np.array([px - sx, py - sy])
    tip_len = float(np.hypot(*tip))
    if tip_len < 3:
        return
    best, best_ang = None, -1.0
    for q in seg:
        v = q - (sx, sy)
        if np.hypot(*v) < 0.2 * tip_len:
            continue
        # Angle of the ray from subnasale, measured from the sn->prn chord toward the lip (down).
        cross = tip[0] * v[1] - tip[1] * v[0]
        ang = float(np.degrees(np.arctan2(cross * facing, tip @ v)))
        if ang > best_ang:
            best, best_ang = q, ang
    if best is not None:
        found["columella"] = (float(best[0]), float(best[1]), min(sc, pc) * 0.9)
