"""Find the face and place the 478-point mesh on it, in original-image pixels.

Detection. Face Mesh's built-in detector is short-range: it misses strongly turned faces and faces
in wide shots. So the full-range detector (`face_detection`, model_selection=1) counts the faces,
and the short-range one is the fallback when it finds none.

Landmarks. The landmark model is fed regions we compute (regions.py) rather than running Face
Mesh's own detector again, in two steps:
1. a rough region: the "scout" (the short-range detection and a rough landmark pass, without the
   iris/lips attention model) runs on this core while the full-range detector (~13 ms, model-bound)
   runs on the other. When the full-range detector agrees there is exactly this one face, the
   scout's landmarks give the region; otherwise a rough pass on the full-range detection does;
2. the final pass with the attention model (478 points, iris included) on the landmark-derived
   region. A landmark-derived region is steadier than any detector box: the measurements' spread
   when a photo is mirrored, rescaled, shifted or re-encoded fell by 2.5x (bench/analysis_stability.py).

Mirror test-time augmentation, in both steps: the model has a small left/right bias (on a mirrored
photo the per-pair asymmetry kept its sign), so every pass runs on the canvas and on its mirror
image with the mirrored region (two cores), the mirrored landmarks are un-mirrored and the two sets
averaged. `FaceSearch.mirror_spread_px` is their mean distance in the final pass: a direct measure
of how unsure the model is on this face.

Fallbacks: when the landmark model sees no face in the region, Face Mesh itself on a crop and its
mirror, side by side; with no detection at all, Face Mesh on the whole working copy ("mesh_only").
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from maya_desktop.core.analysis.imageio import DecodedImage
from maya_desktop.core.analysis.loader import Models
from maya_desktop.core.analysis.regions import detection_roi, landmark_roi, mirrored, unmirror

MESH_INPUT_SIDE = 512  # crops are resized to at most this; the landmark model itself sees 192x192
CROP_PAD = 0.75  # padding around the detection box, as a fraction of its larger side
SECONDARY_FACE_RATIO = 0.35  # faces narrower than this x the main face are background, ignored
MIN_FACE_PX_IN_WORK = 192  # face box side (working px) below which the source is cropped instead
SCOUT_MIN_IOU = 0.5  # the scout's face must overlap the full-range detector's this much to be used


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
    mirror_spread_px: float | None = None  # mean original-vs-mirrored mesh disagreement (original px)
    point_spread_px: np.ndarray | None = None  # the same per mesh point (original px)


def _boxes(dets: list, scale: float, w: int, h: int) -> tuple[list[Box], list[float], list[np.ndarray]]:
    boxes, scores, kps = [], [], []
    for d in dets:
        rb = d.location_data.relative_bounding_box
        boxes.append(Box(rb.xmin * w * scale, rb.ymin * h * scale, rb.width * w * scale, rb.height * h * scale))
        scores.append(float(d.score[0]))
        kps.append(np.array([(k.x * w * scale, k.y * h * scale) for k in d.location_data.relative_keypoints]))
    return boxes, scores, kps


def _crop(dec: DecodedImage, box: Box) -> tuple[np.ndarray, float, float, float]:
    """Padded square crop around `box` (black fill beyond the border), at most MESH_INPUT_SIDE px.

    Returns the crop and x0, y0, original pixels per crop pixel.
    """
    side = max(box.w, box.h) * (1 + 2 * CROP_PAD)
    return dec.square_crop(box.x + box.w / 2, box.y + box.h / 2, side, MESH_INPUT_SIDE)


def _to_pixels(norm: np.ndarray, w: int, h: int, x0: float, y0: float, px: float) -> np.ndarray:
    out = np.empty_like(norm)
    out[:, 0] = x0 + norm[:, 0] * w * px
    out[:, 1] = y0 + norm[:, 1] * h * px
    out[:, 2] = norm[:, 2] * w * px
    return out


def _mesh_points(models: Models, img: np.ndarray, x0: float, y0: float, px: float) -> np.ndarray | None:
    """Mesh the face nearest the centre of `img`; map to original pixels (z scaled like x)."""
    faces = models.mesh(img)
    if not faces:
        return None
    h, w = img.shape[:2]
    best, best_d = None, float("inf")
    for arr in faces:
        d = float(np.hypot(arr[:, 0].mean() - 0.5, arr[:, 1].mean() - 0.5))
        if d < best_d:
            best, best_d = arr, d
    assert best is not None  # type narrowing: the list is non-empty here  # nosec B101
    return _to_pixels(best, w, h, x0, y0, px)


def _mesh_points_mirrored(
    models: Models, crop: np.ndarray, x0: float, y0: float, px: float
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Fallback: Face Mesh on a square crop and its mirror side by side in ONE call (its own
    detector, two landmark passes), mirror-averaged.

    Returns (points in original pixels, per-point disagreement of the two passes in original
    pixels); falls back to one pass when only one half is meshed, and to a plain call when neither is.
    """
    import cv2  # local: keeps `import maya_desktop.core.analysis` light

    h, w = crop.shape[:2]
    # Same pixels as np.concatenate([crop, crop[:, ::-1]], axis=1), ~10x faster (no strided copy).
    pair = cv2.hconcat([crop, cv2.flip(crop, 1)])
    best: list[tuple[float, np.ndarray] | None] = [None, None]
    for arr in models.mesh(pair):
        arr[:, 0] *= 2  # normalised to one half's width (the pair is 2w wide)
        arr[:, 2] *= 2
        half = 0 if arr[:, 0].mean() < 1.0 else 1
        if half:
            arr[:, 0] -= 1.0
        d = float(np.hypot(arr[:, 0].mean() - 0.5, arr[:, 1].mean() - 0.5))
        if best[half] is None or d < best[half][0]:  # type: ignore[index]
            best[half] = (d, arr)
    direct = None if best[0] is None else best[0][1]
    other = None if best[1] is None else unmirror(best[1][1])
    if direct is None and other is None:
        return _mesh_points(models, crop, x0, y0, px), None
    if direct is None or other is None:
        return _to_pixels(direct if other is None else other, w, h, x0, y0, px), None
    a, b = _to_pixels(direct, w, h, x0, y0, px), _to_pixels(other, w, h, x0, y0, px)
    return (a + b) / 2, np.hypot(*(a[:, :2] - b[:, :2]).T)


@dataclass
class Canvas:
    """The pixels the landmark model takes its regions from, and how they map to the original:
    canvas pixel (0, 0) is original (x0, y0), at `px` original pixels per canvas pixel."""

    rgb: np.ndarray
    x0: float
    y0: float
    px: float

    @property
    def size(self) -> tuple[int, int]:
        h, w = self.rgb.shape[:2]
        return w, h

    def from_original(self, xy: np.ndarray) -> np.ndarray:
        return (np.asarray(xy, dtype=np.float64)[..., :2] - (self.x0, self.y0)) / self.px

    def box(self, box: Box) -> tuple[float, float, float, float]:
        return (box.x - self.x0) / self.px, (box.y - self.y0) / self.px, box.w / self.px, box.h / self.px

    def to_original(self, norm: np.ndarray) -> np.ndarray:
        w, h = self.size
        return _to_pixels(norm, w, h, self.x0, self.y0, self.px)


def _canvas(dec: DecodedImage, box: Box) -> Canvas:
    """The whole working copy when the face has enough pixels there: MediaPipe warps the region out
    of it itself (no crop, no extra resampling; area-resizing a 12 MP photo's face crop to 512 px
    cost ~8 ms). A small face in a large photo gets a crop from the full-resolution source."""
    if dec.source is None or max(box.w, box.h) / dec.scale >= MIN_FACE_PX_IN_WORK:
        return Canvas(dec.rgb, 0.0, 0.0, dec.scale)
    return Canvas(*_crop(dec, box))


def _averaged(direct: np.ndarray | None, flipped: np.ndarray | None) -> np.ndarray | None:
    """Mean of a pass on the canvas and the un-mirrored pass on its mirror (normalised coordinates)."""
    if direct is None or flipped is None:
        return None
    return (direct + unmirror(flipped)) / 2


def _scout(
    models: Models, dec: DecodedImage
) -> tuple[list[Box], list[float], list[np.ndarray], tuple[Box, np.ndarray] | None]:
    """Short-range detection of the working copy and a rough mirror-averaged landmark pass on its
    largest face, both on this thread (the other core is running the full-range detector).

    Returns the short-range boxes, scores and keypoints, and (the face it looked at, its rough
    landmarks: 468, original pixels) or None.
    """
    import cv2  # local: keeps `import maya_desktop.core.analysis` light

    wh, ww = dec.work.shape[:2]
    boxes, scores, kps = _boxes(models.detect_short(dec.work), dec.work_scale, ww, wh)
    if not boxes:
        return boxes, scores, kps, None
    i = max(range(len(boxes)), key=lambda j: boxes[j].w * boxes[j].h)
    canvas = _canvas(dec, boxes[i])
    roi = detection_roi(canvas.box(boxes[i]), canvas.from_original(kps[i]), *canvas.size)
    direct = models.rough_landmarks(canvas.rgb, roi)
    flipped = None if direct is None else models.rough_landmarks(cv2.flip(canvas.rgb, 1), mirrored(roi))
    rough = _averaged(direct, flipped)
    return boxes, scores, kps, None if rough is None else (boxes[i], canvas.to_original(rough))


def _landmarks_in_region(
    models: Models, dec: DecodedImage, box: Box, keypoints: np.ndarray | None, seed: np.ndarray | None
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Final mirror-averaged 478 landmarks of the face in `box` (module doc, step 2), the region
    taken from `seed` (rough landmarks, original pixels) or, without one, from a rough pass on the
    detection's region (or the detection's region itself if that pass finds no face).

    Returns (points in original pixels, per-point direct-vs-mirrored disagreement in original
    pixels), or (None, None) when the model sees no face in the region.
    """
    import cv2  # local: keeps `import maya_desktop.core.analysis` light

    canvas = _canvas(dec, box)
    w, h = canvas.size
    flipped_rgb = cv2.flip(canvas.rgb, 1)
    if seed is not None:
        roi = landmark_roi(canvas.from_original(seed), w, h)
    else:
        roi = detection_roi(canvas.box(box), None if keypoints is None else canvas.from_original(keypoints), w, h)
        rough = _averaged(*models.landmarks_pair((canvas.rgb, roi), (flipped_rgb, mirrored(roi)), rough=True))
        if rough is not None:
            roi = landmark_roi(rough[:, :2] * (w, h), w, h)
    direct, flipped = models.landmarks_pair((canvas.rgb, roi), (flipped_rgb, mirrored(roi)))
    if direct is None and flipped is None:
        return None, None
    if direct is None or flipped is None:
        return canvas.to_original(direct if flipped is None else unmirror(flipped)), None
    other = unmirror(flipped)
    spread = np.hypot((direct[:, 0] - other[:, 0]) * w, (direct[:, 1] - other[:, 1]) * h)
    return canvas.to_original((direct + other) / 2), spread * canvas.px


def _iou(a: Box, b: Box) -> float:
    ix = max(0.0, min(a.x + a.w, b.x + b.w) - max(a.x, b.x))
    iy = max(0.0, min(a.y + a.h, b.y + b.h) - max(a.y, b.y))
    inter = ix * iy
    return inter / (a.w * a.h + b.w * b.h - inter) if inter > 0 else 0.0


def find_face(models: Models, dec: DecodedImage) -> FaceSearch:
    """Detect (full range; short range if it finds nothing), count faces, then place the landmarks
    on the main face (module doc)."""
    wh, ww = dec.work.shape[:2]
    res = FaceSearch()
    full = models.in_background(models.detect_full, dec.work)
    short_boxes, short_scores, short_kps, scouted = _scout(models, dec)
    boxes, scores, kps = _boxes(full.result(), dec.work_scale, ww, wh)
    res.detector = "full_range"
    if not boxes:
        boxes, scores, kps = short_boxes, short_scores, short_kps
        res.detector = "short_range" if boxes else "none"
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
        main = res.faces[0]
        # The scout's landmarks seed the final pass only if it looked at the face the full-range detector found.
        seed = scouted[1] if scouted is not None and _iou(scouted[0], main) >= SCOUT_MIN_IOU else None
        res.points, res.point_spread_px = _landmarks_in_region(models, dec, main, res.keypoints, seed)
        if res.points is None:
            res.points, res.point_spread_px = _mesh_points_mirrored(models, *_crop(dec, main))
        if res.point_spread_px is not None:
            res.mirror_spread_px = float(res.point_spread_px.mean())
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
