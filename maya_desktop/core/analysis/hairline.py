"""Trichion (hairline on the midline) estimate: the mesh stops on the forehead, below the hairline.

Walks up the midline from the top of the mesh and stops where the colour leaves the forehead's
skin colour for several consecutive samples. Bald or covered foreheads give no estimate (and the
upper third is then reported as not measurable) rather than a guessed one.
"""

from __future__ import annotations

import cv2
import numpy as np

from maya_desktop.core.analysis.landmarks import Landmark

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

    def lab_at(p: np.ndarray) -> np.ndarray | None:
        x, y = round(p[0]), round(p[1])
        if x - r < 0 or y - r < 0 or x + r + 1 > w or y + r + 1 > h:
            return None
        patch = rgb[y - r : y + r + 1, x - r : x + r + 1].reshape(1, -1, 3)
        return cv2.cvtColor(patch, cv2.COLOR_RGB2LAB).reshape(-1, 3).astype(np.float32).mean(axis=0)

    skin_samples = [lab_at(g + up * length * f) for f in (0.55, 0.7, 0.85)]
    skins = [s for s in skin_samples if s is not None]
    if not skins:
        return None
    skin = np.mean(skins, axis=0)
    steps = int(length * MAX_REACH / r)
    run = 0
    for i in range(1, steps + 1):
        p = t + up * (i * r)
        lab = lab_at(p)
        if lab is None:
            return None  # reached the image border without finding hair
        run = run + 1 if float(np.linalg.norm(lab - skin)) > DELTA_E else 0
        if run >= RUN:
            hit = t + up * ((i - RUN + 1) * r)
            return Landmark(float(hit[0] * scale), float(hit[1] * scale), 0.6, "estimate")
    return None
