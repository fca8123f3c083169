"""Regions of interest for the landmark model, by MediaPipe's own rules, and mirror bookkeeping.

The landmark model (FaceLandmarkCpu) sees a rotated square region warped to 192x192. MediaPipe
builds that region either from a face detection (box centre, rotation from the two eye keypoints)
or, in its video tracking mode, from the previous frame's landmarks (their bounding box, rotation
from the outer eye corners 33 and 263); both take 1.5x the box's longer side. We use the same two
rules on still photos: the model is trained on exactly these framings.

All functions work in the pixels of a w x h canvas; `Roi` is normalised to that canvas.
"""

from __future__ import annotations

import math

import numpy as np

from maya_desktop.core.analysis.loader import Roi
from maya_desktop.core.analysis.mirror import MIRROR_INDEX

ROI_SCALE = 1.5  # region side / box side, as MediaPipe's detection->ROI and landmarks->ROI transforms
EYE_OUTER = (33, 263)  # the mesh points MediaPipe takes the landmark region's rotation from


def rotation(start: np.ndarray, end: np.ndarray) -> float:
    """MediaPipe's region rotation (DetectionsToRectsCalculator, target angle 0): the angle that
    makes the start->end vector (right eye -> left eye on the image) horizontal, in [-pi, pi)."""
    angle = -math.atan2(-(end[1] - start[1]), end[0] - start[0])
    return angle - 2 * math.pi * math.floor((angle + math.pi) / (2 * math.pi))


def square_roi(x0: float, y0: float, x1: float, y1: float, angle: float, w: int, h: int) -> Roi:
    """Square region centred on a box, ROI_SCALE times the box's longer side."""
    side = max(x1 - x0, y1 - y0) * ROI_SCALE
    return Roi((x0 + x1) / 2 / w, (y0 + y1) / 2 / h, side / w, side / h, angle)


def detection_roi(box: tuple[float, float, float, float], eyes: np.ndarray | None, w: int, h: int) -> Roi:
    """Region from a detection: box (x, y, width, height) and the detector's keypoints (right eye,
    left eye first), all in canvas pixels. No keypoints: no rotation."""
    x, y, bw, bh = box
    angle = rotation(eyes[0], eyes[1]) if eyes is not None and len(eyes) >= 2 else 0.0
    return square_roi(x, y, x + bw, y + bh, angle, w, h)


def landmark_roi(xy: np.ndarray, w: int, h: int) -> Roi:
    """Region from landmarks (N x 2 canvas pixels), as MediaPipe's tracking mode builds it."""
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    return square_roi(lo[0], lo[1], hi[0], hi[1], rotation(xy[EYE_OUTER[0]], xy[EYE_OUTER[1]]), w, h)


def mirrored(roi: Roi) -> Roi:
    """The same region on the horizontally flipped canvas."""
    return Roi(1.0 - roi.x_center, roi.y_center, roi.width, roi.height, -roi.rotation)


def unmirror(points: np.ndarray) -> np.ndarray:
    """Landmarks found on the flipped canvas (normalised) as landmarks of the original face: x -> 1 - x,
    and point i takes the place of its mirror partner MIRROR_INDEX[i] (the right eye's corner found
    on the flipped photo is the left eye's corner of the original). Works for 468 or 478 points."""
    out = points[list(MIRROR_INDEX[: len(points)])]
    out[:, 0] = 1.0 - out[:, 0]
    return out
