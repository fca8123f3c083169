"""Find the face and place the 478-point mesh on it, in original-image pixels.

Face Mesh's built-in detector is short-range: it misses strongly turned faces and faces in wide
shots. So the full-range detector (`face_detection`, model_selection=1) runs first on a downscaled
copy, the faces are counted, and the mesh then runs on a padded crop around the chosen face.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from maya_desktop.core.analysis.imageio import DecodedImage
from maya_desktop.core.analysis.loader import Models

MESH_INPUT_SIDE = 512  # crops are resized to at most this; the landmark model itself sees 192x192
CROP_PAD = 0.75  # padding around the detection box, as a fraction of its larger side
SECONDARY_FACE_RATIO = 0.35  # faces narrower than this x the main face are background, ignored


@dataclass
class Box:
    """Axis-aligned box in original-image pixels."""

    x: float
    y: float
    w: float
    h: float

    def to_list(self) -> list[float]:
        return [round(self.x, 1), round(self.y, 1), round(self.w, 1), round(self.h, 1)]


@dataclass
class FaceSearch:
    """What the detectors found. `points` is (478, 3): x, y in image pixels, z in the same scale."""

    faces: list[Box] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    ignored_small_faces: int = 0
    detector: str = "none"  # full_range | short_range | mesh_only | none
    points: np.ndarray | None = None
    keypoints: np.ndarray | None = None  # detector's 6 keypoints (eyes, nose, mouth, ears), pixels


def _boxes(dets: list, scale: float, w: int, h: int) -> tuple[list[Box], list[float], list[np.ndarray]]:
    boxes, scores, kps = [], [], []
    for d in dets:
        rb = d.location_data.relative_bounding_box
        boxes.append(Box(rb.xmin * w * scale, rb.ymin * h * scale, rb.width * w * scale, rb.height * h * scale))
        scores.append(float(d.score[0]))
        kps.append(np.array([(k.x * w * scale, k.y * h * scale) for k in d.location_data.relative_keypoints]))
    return boxes, scores, kps


def _crop(dec: DecodedImage, box: Box) -> tuple[np.ndarray, float, float, float]:
    """Padded square crop around `box` from the decoded image, with black fill beyond the border.

    Returns the crop (resized to <= MESH_INPUT_SIDE) and x0, y0, original pixels per crop pixel.
    """
    side = max(box.w, box.h) * (1 + 2 * CROP_PAD)
    cx, cy = box.x + box.w / 2, box.y + box.h / 2
    # Work in decoded-array pixels (dec.scale original px each).
    s = dec.scale
    x0, y0, sd = round((cx - side / 2) / s), round((cy - side / 2) / s), max(8, round(side / s))
    h, w = dec.rgb.shape[:2]
    sx0, sy0, sx1, sy1 = max(0, x0), max(0, y0), min(w, x0 + sd), min(h, y0 + sd)
    if sx1 <= sx0 or sy1 <= sy0:
        return np.zeros((8, 8, 3), np.uint8), 0.0, 0.0, 1.0
    region = dec.rgb[sy0:sy1, sx0:sx1]
    crop = cv2.copyMakeBorder(
        region, sy0 - y0, y0 + sd - sy1, sx0 - x0, x0 + sd - sx1, cv2.BORDER_CONSTANT, value=(0, 0, 0)
    )
    f = 1.0
    if sd > MESH_INPUT_SIDE:
        f = sd / MESH_INPUT_SIDE
        crop = cv2.resize(crop, (MESH_INPUT_SIDE, MESH_INPUT_SIDE), interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(crop), x0 * s, y0 * s, f * s


def _mesh_points(models: Models, img: np.ndarray, x0: float, y0: float, px: float) -> np.ndarray | None:
    """Mesh the face nearest the centre of `img`; map to original pixels (z scaled like x)."""
    faces = models.mesh(img)
    if not faces:
        return None
    h, w = img.shape[:2]
    best, best_d = None, float("inf")
    for f in faces:
        arr = np.array([(p.x, p.y, p.z) for p in f.landmark], dtype=np.float64)
        d = float(np.hypot(arr[:, 0].mean() - 0.5, arr[:, 1].mean() - 0.5))
        if d < best_d:
            best, best_d = arr, d
    assert best is not None
    out = np.empty_like(best)
    out[:, 0] = x0 + best[:, 0] * w * px
    out[:, 1] = y0 + best[:, 1] * h * px
    out[:, 2] = best[:, 2] * w * px
    return out


def find_face(models: Models, dec: DecodedImage) -> FaceSearch:
    """Detect (full range, then short range), count faces, then mesh the main face's crop."""
    wh, ww = dec.work.shape[:2]
    res = FaceSearch()
    for name, fn in (("full_range", models.detect_full), ("short_range", models.detect_short)):
        boxes, scores, kps = _boxes(fn(dec.work), dec.work_scale, ww, wh)
        if boxes:
            res.detector = name
            break
    if boxes:
        order = sorted(range(len(boxes)), key=lambda i: -boxes[i].w * boxes[i].h)
        main_w = max(boxes[order[0]].w, boxes[order[0]].h)
        kept = [i for i in order if max(boxes[i].w, boxes[i].h) >= SECONDARY_FACE_RATIO * main_w]
        res.ignored_small_faces = len(order) - len(kept)
        res.faces = [boxes[i] for i in kept]
        res.scores = [scores[i] for i in kept]
        res.keypoints = kps[kept[0]]
        if len(res.faces) > 1:
            return res
        res.points = _mesh_points(models, *_crop(dec, res.faces[0]))
    if res.points is None:
        # Last resort: the mesh's own detector on the whole (working) image; it finds some close,
        # occluded faces (sunglasses) that both BlazeFace detectors miss.
        pts = _mesh_points(models, dec.work, 0.0, 0.0, dec.work_scale)
        if pts is not None:
            res.points = pts
            if not res.faces:
                x0, y0 = pts[:, :2].min(axis=0)
                x1, y1 = pts[:, :2].max(axis=0)
                res.faces, res.scores, res.detector = [Box(x0, y0, x1 - x0, y1 - y0)], [0.5], "mesh_only"
    return res
