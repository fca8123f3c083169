"""The landmark model's systematic error on turned faces, measured and taken off the mesh.

The landmark model is trained mostly on near-frontal faces. On a turned face it makes the same mistakes on
face after face (bench/accuracy.py data, ../shared/eval/aflw2000-dev, 100 faces turned past 25 deg): it
flattens the head, so its chin point (152) sits on the FRONT of the chin, ahead of and above the chin's
lowest point (by 5.5 % and 3.6 % of the face height at 60-90 deg); its nasion (168) sits behind and above
the nasal root; the far eye's outer corner is pulled toward the nose. Where the model itself doubts a face
is in its region (face presence < PRESENCE_MIN: 22 of the 50 faces turned past 60 deg, 1 of the 100 others)
it squeezes the lower face toward the nose (mouth corners 8-9 % and chin 20 % of its face height too high),
pulls the far eye toward the nose, and reads the yaw low (30-55 deg on true profiles), so those faces get
one table whatever their yaw.

`correct_turned` moves the mesh by those errors: the median offset of ten anatomical anchors (both eyes'
corners, nose tip, subnasale, nasion, mouth corners, chin) from their hand-placed positions, in the face's
own frame (forward = toward the side the nose points, down = forehead-top -> chin of the mesh; units: that
mesh face height), measured separately on oblique (25-60 deg, centre ~45) and profile (>= 60 deg, centre
~70) views of faces the model is sure of, and on the turned faces (> FRONTAL_MAX_YAW) it is unsure of. For
the sure ones the correction grows linearly with |yaw| from nothing at FRONTAL_MAX_YAW (frontal photos are
left exactly as the model places them) to the oblique table at 45 deg and the profile table at 70 deg, and
is constant beyond. Every other mesh point moves by the inverse-distance-weighted mean of the anchors'
offsets (distances on MediaPipe's canonical face), so the points stay a coherent face. Left-facing faces use
the mirrored table (MIRROR_INDEX).

Measured on the dev set by leave-one-out (each face corrected with tables measured on the other 149; bench
figures on the same set are in-sample): NME 30-60 deg 3.35 -> 2.90 %, > 60 deg 8.43 -> 7.21 % (faces over 10
%: 14 -> 5), overall 4.68 -> 4.12 %; 0-30 deg unchanged. The head pose is fitted on the uncorrected mesh.
Re-checked after unseeded faces got one refinement pass (mesh.UNSEEDED_REFINE_PASSES; tables refitted per
left-out face): 30-60 deg 3.32 -> 2.84 %, > 60 deg 8.53 -> 7.29 %, overall 4.70 -> 4.13 %; the tables below
(fitted before) give the same in-sample figures within 0.05 points, so they are kept.
"""

from __future__ import annotations

import numpy as np

from maya_desktop.core.analysis.mirror import MIRROR_INDEX
from maya_desktop.core.analysis.pose import FRONTAL_MAX_YAW

OBLIQUE_YAW, PROFILE_YAW = 45.0, 70.0
# mesh index (for a face whose nose points to the image right) -> (forward, down) offset of the true
# point from the mesh's, in mesh face heights (points 10 -> 152).
_OBLIQUE = {
    33: (0.028, -0.007),
    263: (-0.012, -0.003),
    133: (-0.001, -0.011),
    362: (-0.003, -0.006),
    1: (0.013, -0.016),
    61: (0.001, 0.002),
    291: (-0.010, 0.006),
    152: (-0.027, 0.018),
    2: (0.002, 0.006),
    168: (0.018, 0.021),
}
_PROFILE_SURE = {
    33: (0.034, -0.006),
    263: (-0.015, 0.023),
    133: (0.004, -0.005),
    362: (0.001, 0.012),
    1: (-0.002, -0.009),
    61: (-0.006, 0.003),
    291: (-0.020, 0.018),
    152: (-0.055, 0.036),
    2: (-0.006, 0.019),
    168: (0.026, 0.038),
}
_UNSURE = {
    33: (0.037, -0.024),
    263: (-0.074, -0.020),
    133: (-0.010, -0.020),
    362: (-0.028, -0.032),
    1: (0.014, 0.014),
    61: (-0.037, 0.091),
    291: (-0.070, 0.075),
    152: (-0.096, 0.204),
    2: (0.000, 0.033),
    168: (0.014, 0.019),
}
ANCHORS = tuple(_OBLIQUE)
_WEIGHTS: np.ndarray | None = None


def _weights(canonical: np.ndarray) -> np.ndarray:
    """(478 x anchors) inverse-squared-distance weights on the canonical face (cm), rows summing to 1;
    an anchor's own row is that anchor alone. The iris points (absent from the canonical face) take
    their eye corners' mean."""
    global _WEIGHTS
    if _WEIGHTS is None:
        pts = np.zeros((478, 3))
        pts[: len(canonical)] = canonical[:478]
        pts[468:473] = canonical[[33, 133]].mean(axis=0)
        pts[473:478] = canonical[[263, 362]].mean(axis=0)
        anchors = pts[list(ANCHORS)]
        d2 = ((pts[:, None, :] - anchors[None, :, :]) ** 2).sum(axis=2)
        w = 1.0 / np.maximum(d2, 1e-9)
        w /= w.sum(axis=1, keepdims=True)
        _WEIGHTS = w
    return _WEIGHTS


def _table(abs_yaw: float, sure: bool) -> np.ndarray | None:
    """(anchors x 2) offsets at this |yaw| (module doc), None for a frontal face."""
    if abs_yaw <= FRONTAL_MAX_YAW:
        return None
    if not sure:
        return np.array([_UNSURE[a] for a in ANCHORS])
    oblique = np.array([_OBLIQUE[a] for a in ANCHORS])
    profile = np.array([_PROFILE_SURE[a] for a in ANCHORS])
    if abs_yaw <= OBLIQUE_YAW:
        table: np.ndarray = oblique * (abs_yaw - FRONTAL_MAX_YAW) / (OBLIQUE_YAW - FRONTAL_MAX_YAW)
        return table
    t = min(1.0, (abs_yaw - OBLIQUE_YAW) / (PROFILE_YAW - OBLIQUE_YAW))
    blended: np.ndarray = oblique + t * (profile - oblique)
    return blended


def correct_turned(points: np.ndarray, yaw: float, sure: bool, canonical: np.ndarray) -> np.ndarray:
    """A copy of a (478, 3) mesh (pixels) with the model's turned-face error taken off (module doc);
    the mesh itself when the face is frontal. `sure`: the model's face presence reached PRESENCE_MIN.
    z is left as it is."""
    table = _table(abs(yaw), sure)
    if table is None:
        return points
    down = points[152, :2] - points[10, :2]
    height = float(np.hypot(*down))
    if height <= 0:
        return points
    down = down / height
    facing = 1.0 if yaw > 0 else -1.0
    forward = np.array([-down[1], down[0]])
    if forward[0] * facing < 0:
        forward = -forward
    field = _weights(canonical) @ table  # (478, 2): forward, down per point, right-facing numbering
    if facing < 0:
        field = field[list(MIRROR_INDEX)]
    out = points.copy()
    out[:, :2] += height * (field[:, :1] * forward + field[:, 1:] * down)
    return out
