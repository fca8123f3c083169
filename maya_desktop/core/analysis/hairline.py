"""Trichion (hairline on the midline) estimate: the mesh stops on the forehead, below the hairline.

Walks up the midline from the top of the mesh and stops where the colour leaves the forehead's
skin colour for several consecutive samples. Bald or covered foreheads give no estimate (and the
upper third is then reported as not measurable) rather than a guessed one.

A fringe is caught first (`forehead_covered`): when the upper forehead, where the mesh itself lies,
is not the colour of the cheeks, hair (or a cap) covers it, and the walk would stop at the fringe and
read the upper third short ("below normal" on every frontal test face with a fringe).
"""

from __future__ import annotations

import numpy as np

from maya_desktop.core.analysis import pixels
from maya_desktop.core.analysis.landmarks import Landmark

FOREHEAD_POINTS = (10, 151, 108, 337, 109, 338)  # upper forehead, on the mesh
CHEEK_POINTS = (50, 280, 205, 425, 101, 330)
# CIELAB distance of the upper forehead from the cheeks' skin: bare foreheads of the test portraits
# and of the dev set's frontal faces 5-19 (median of the six points), the fringe of astronaut.png 69.
COVERED_DELTA_E = 35.0
DELTA_E = 22.0  # CIELAB distance from the forehead skin that counts as "not skin"
RUN = 3  # consecutive non-skin samples needed
MAX_REACH = 1.3  # search up to this many glabella-to-mesh-top lengths above the mesh top


def estimate_trichion(rgb: np.ndarray, scale: float, glabella: Landmark, top: Landmark) -> Landmark | None:
    """Hairline point in original pixels, or None. `scale` = original pixels per `rgb` pixel."""
    g = np.array(glabella.xy()) / scale
    t = np.array(top.xy()) / scale
    up = t - g
    length = float(np.hypot(*up))
    if length < 8:
        return None
    up /= length
    h, w = rgb.shape[:2]
    r = max(1, round(length * 0.04))

    def inside(p: np.ndarray) -> bool:
        x, y = round(p[0]), round(p[1])
        return not (x - r < 0 or y - r < 0 or x + r + 1 > w or y + r + 1 > h)

    samples = [g + up * length * f for f in (0.55, 0.7, 0.85)]
    skins = list(_lab_means(rgb, [p for p in samples if inside(p)], r))
    if not skins:
        return None
    skin = np.mean(skins, axis=0)
    steps = int(length * MAX_REACH / r)
    # Every sample of the walk up to the image border, converted at once (the same values as one by one).
    walk = []
    for i in range(1, steps + 1):
        p = t + up * (i * r)
        if not inside(p):
            break
        walk.append(p)
    run = 0
    for i, lab in enumerate(_lab_means(rgb, walk, r), start=1):
        run = run + 1 if float(np.linalg.norm(lab - skin)) > DELTA_E else 0
        if run >= RUN:
            hit = t + up * ((i - RUN + 1) * r)
            return Landmark(float(hit[0] * scale), float(hit[1] * scale), 0.6, "estimate")
    return None  # reached the image border (or the reach) without finding hair


def _lab_means(rgb: np.ndarray, centres: list[np.ndarray], r: int) -> list[np.ndarray]:
    """Mean CIELAB (float32) of the (2r + 1)-pixel square around each centre (all inside `rgb`), the
    squares' pixels converted in one call: CIELAB is per pixel, each square's mean over its own pixels."""
    patches = []
    for p in centres:
        x, y = round(p[0]), round(p[1])
        patches.append(rgb[y - r : y + r + 1, x - r : x + r + 1].reshape(-1, 3))
    if not patches:
        return []
    lab = pixels.rgb_to_lab(np.concatenate(patches)).astype(np.float32)
    size = (2 * r + 1) ** 2
    return [lab[k * size : (k + 1) * size].mean(axis=0) for k in range(len(patches))]


def _lab_patches(rgb: np.ndarray, xy: np.ndarray, r: int) -> np.ndarray:
    """Mean CIELAB (float32) of the square of side 2r + 1 around each point, cut by the image border
    (points whose square is wholly outside are left out); all squares' pixels converted in one call."""
    h, w = rgb.shape[:2]
    patches = []
    for x, y in np.round(xy).astype(int):
        patch = rgb[max(0, y - r) : min(h, y + r + 1), max(0, x - r) : min(w, x + r + 1)]
        if patch.size:
            patches.append(patch.reshape(-1, 3))
    if not patches:
        return np.array([])
    lab = pixels.rgb_to_lab(np.concatenate(patches)).astype(np.float32)
    ends = np.cumsum([len(p) for p in patches])
    return np.array([lab[e - len(p) : e].mean(axis=0) for p, e in zip(patches, ends, strict=True)])


def forehead_covered(rgb: np.ndarray, scale: float, points: np.ndarray) -> bool:
    """True when hair (or a cap) covers the upper forehead: its colour is far from the cheeks'.

    `points` is the (478, >=2) mesh in original pixels; `scale` = original pixels per `rgb` pixel.
    """
    xy = points[:, :2] / scale
    iod = float(np.hypot(*(xy[473] - xy[468])))
    r = max(1, round(iod * 0.06))
    cheeks = _lab_patches(rgb, xy[list(CHEEK_POINTS)], r)
    forehead = _lab_patches(rgb, xy[list(FOREHEAD_POINTS)], r)
    if len(cheeks) == 0 or len(forehead) == 0:
        return False
    skin = np.median(cheeks, axis=0)
    return float(np.median(np.linalg.norm(forehead - skin, axis=1))) > COVERED_DELTA_E
