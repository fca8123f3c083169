"""Is this a real person? A cheap anatomical plausibility check on a frontal analysis.

Drawings and cartoons are detected and meshed like faces (the models are not trained to refuse
them). What gives them away is proportion: large eyes and a small mouth and nose on the iris scale.
The check counts signs outside generous adult human ranges and warns at two or more; it never
refuses, because a real face with one unusual feature must still be measurable.

Ranges are wide on purpose (about +/- 3 SD of adult norms: Farkas, Anthropometry of the Head and
Face, 1994; the iris diameter 11.7 +/- 0.5 mm, Rüfer et al., Cornea 2005). On the five test
portraits every value lies inside; on the cartoon test image two of four lie outside (mouth and alar
width; the alae only just: 25.0 mm against 25.4).

A drawing drawn close to human proportions (the repository's clip-art Einstein) passes that check;
`looks_drawn` looks at the pixels instead: flat colour fills and ink outlines at once (module
constants below). Photos of photos (a print or a screen photographed) are not detected.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from maya_desktop.core.analysis import pixels
from maya_desktop.core.analysis.findings import Finding, finding
from maya_desktop.core.analysis.landmarks import Landmark
from maya_desktop.core.analysis.measurements import Measurement

# Lower limits at -3 SD of the smaller (female) adult norm: mouth width 49.9 +/- 3.2 mm -> 40.3,
# alar width 31.4 +/- 2.0 -> 25.4 (Farkas 1994, 19-25 y). The 478-point model of mediapipe >= 1.2 draws
# a cartoon's features closer to human proportions than the 0.10 model did (its mouth read 35.6 mm,
# its alae 25.0 mm), so the earlier, looser limits (35 and 25 mm) no longer told it apart.
HUMAN_MM = {"intercanthal_mm": (24.0, 42.0), "mouth_width_mm": (40.3, 80.0), "alar_width_mm": (25.4, 52.0)}
MAX_IRIS_TO_PUPIL_DISTANCE = 0.25  # iris diameter / inter-pupillary distance: adults 0.17-0.22
MIN_SIGNS = 2


def check_plausibility(landmarks: Mapping[str, Landmark], measurements: Sequence[Measurement]) -> Finding | None:
    """A warning when the proportions are outside the human range in MIN_SIGNS or more of the 4
    checks; its detail is how many (numbers only: findings are shown in Persian too)."""
    signs: list[str] = []
    values = {m.key: m.value for m in measurements}
    for key, (low, high) in HUMAN_MM.items():
        v = values.get(key)
        if v is not None and not low <= v <= high:
            signs.append(key)
    ratio = _iris_to_pupil_distance(landmarks)
    if ratio is not None and ratio > MAX_IRIS_TO_PUPIL_DISTANCE:
        signs.append("iris_to_pupil_distance")
    return finding("implausible_proportions", str(len(signs))) if len(signs) >= MIN_SIGNS else None


def _iris_to_pupil_distance(lms: Mapping[str, Landmark]) -> float | None:
    def dist(a: str, b: str) -> float | None:
        p, q = lms.get(a), lms.get(b)
        if p is None or q is None or min(p.confidence, q.confidence) < 0.5:
            return None
        return math.hypot(p.x - q.x, p.y - q.y)

    ipd = dist("iris_r", "iris_l")
    right, left = dist("iris_r_medial", "iris_r_lateral"), dist("iris_l_medial", "iris_l_lateral")
    if not ipd or right is None or left is None:
        return None
    return (right + left) / 2 / ipd


# Drawn, not photographed: inside the face (the mesh's outline) a drawing has large areas of one flat
# colour (grey-level Laplacian exactly 0) AND many hard ink edges (|Laplacian| > 40); a photograph
# has one or the other (smooth low-light or upscaled faces: up to 37 % flat, but few hard edges;
# sharp, contrasty faces: up to 23 % hard edges, but little flat area). DRAWN_SCORE is the product
# of the two shares: 0.075 on the repository's clip-art cartoon, at most 0.027 on 160 real photos
# (the repository's portraits, ../shared/faces and the 150 faces of ../shared/eval/aflw2000-dev);
# the threshold, 0.05, is about twice the photos' highest. The shared set's cartoon scores
# only 0.031 (it is drawn with shading) and is told apart by its proportions instead.
EDGE_LAPLACIAN = 40.0
DRAWN_SCORE = 0.05


def looks_drawn(rgb: np.ndarray, face_points: np.ndarray) -> Finding | None:
    """A warning when the face region of `rgb` (working pixels; `face_points` N x 2 in the same
    pixels) has a drawing's flat fills and ink outlines together (constants above)."""
    hull = pixels.convex_hull(np.round(face_points[:, :2]))
    inside = pixels.fill_convex(rgb.shape[:2], hull)
    if inside.sum() < 100:
        return None
    # The Laplacian inside the face only needs the face's box and one pixel around it.
    ys, xs = np.flatnonzero(inside.any(axis=1)), np.flatnonzero(inside.any(axis=0))
    h, w = inside.shape
    y0, y1, x0, x1 = max(0, ys[0] - 1), min(h, ys[-1] + 2), max(0, xs[0] - 1), min(w, xs[-1] + 2)
    lap = np.abs(pixels.laplacian(pixels.rgb_to_grey(rgb[y0:y1, x0:x1])))[inside[y0:y1, x0:x1]]
    score = float((lap < 1.0).mean()) * float((lap > EDGE_LAPLACIAN).mean())
    return finding("drawing_suspected", f"{score:.3f}") if score >= DRAWN_SCORE else None
