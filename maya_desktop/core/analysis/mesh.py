"""Find the face and place the 478-point mesh on it, in original-image pixels.

Detection. The full-range BlazeFace (loader.py) counts the faces, on the other core while the Tasks
FaceLandmarker (its own short-range detector + landmarks) runs on this one; the short-range detector
alone is the fallback when the full-range one finds nothing.

Landmarks. The landmark model is fed regions we compute (regions.py):
1. a first region: from the FaceLandmarker's points for this face (MediaPipe's tracking rule), or,
   where it found none (most side views: the model's face-presence check rejects them), from the
   first of several candidate regions around the detection where the model sees a face;
   Where the model sees a face in none of them, the point-wise median of all its answers;
2. REFINE_PASSES passes, each on the region the previous points give. A landmark-derived region is
   steadier than any detector box (bench/analysis_stability.py). A pass whose region the model
   rejects (face presence < PRESENCE_MIN) ends the refinement and its points are dropped.

Mirror test-time augmentation, in both steps: the model has a small left/right bias, so every pass
runs on the canvas and on its mirror image with the mirrored region (two cores), the mirrored
landmarks are un-mirrored and the two sets averaged. `FaceSearch.mirror_spread_px` is their mean
distance in the final pass: a direct measure of how unsure the model is on this face.

Mirror-symmetric start on side views. Where the FaceLandmarker gives no seed, the first regions come
from the detection, and the detector (unlike the mirror-averaged landmark passes) is not symmetric:
on the side test photo's mirror image its box and keypoints gave a region the model barely accepted
(face presence 0.53 vs 0.97). The detector then also runs on the mirror image and the surer of the
two detections (its score), un-mirrored, frames the main face: a photo and its mirror image then
choose the same detection and end on mirror-image meshes (dev set, leave-one-out turned-face tables:
NME > 60 deg 7.29 -> 7.03 %, overall 4.13 -> 4.05 %).

Fallback: with no detection, or when the landmark model sees no face in the region, the Tasks
FaceLandmarker on the whole working copy ("landmarker").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from maya_desktop.core.analysis.imageio import DecodedImage
from maya_desktop.core.analysis.loader import Detection, Models, Roi
from maya_desktop.core.analysis.regions import detection_roi, landmark_roi, mirrored, unmirror

MESH_INPUT_SIDE = 512  # crops are resized to at most this; the landmark model itself sees 192x192
CROP_PAD = 0.75  # padding around the detection box, as a fraction of its larger side
# Mirror-averaged passes on the region the previous landmarks give: the second one starts from a
# mirror-symmetric region, so a photo and its mirror image end on the same points (bench/analysis_stability.py).
REFINE_PASSES = 2
# Where the FaceLandmarker found no face to seed the region (most side views), one pass: the model is
# surest in the detector's region (face presence 1.0 on the side test photo) and each landmark-derived
# region, built by the frontal rule, drifts (0.63 after two passes; below PRESENCE_MIN after three). On
# the side test photo and 7 dev-set side views x 11 variants (silhouette.refine_profile), Goode ratio
# changes over target 0.12 -> 0.00 (nasofrontal 0.10 -> 0.13, others as they were); dev-set NME (LOO
# turned-face tables) 4.12 -> 4.13 %; one mirrored pair of model runs fewer.
UNSEEDED_REFINE_PASSES = 1
PRESENCE_MIN = 0.5  # the landmark model's "a face is in this region" score that MediaPipe requires
SECONDARY_FACE_RATIO = 0.35  # faces narrower than this x the main face are background, ignored
MIN_FACE_PX_IN_WORK = 192  # face box side (working px) below which the source is cropped instead
MIRROR_MATCH_IOU = 0.3  # a detection on the mirror image is the main face's when it overlaps it this much
FLIPPED_KEYPOINTS = (1, 0, 2, 3, 5, 4)  # keypoint order of an un-mirrored detection: eyes and ears swap
# Eye keypoints closer than this x the box width: a turned face, detected on the mirror image at once
# (a schedule only, the result is the same either way: dev set, unseeded faces 0.06-0.37, median 0.26;
# frontal ones 0.32-0.50, median 0.40; the 12 MP frontal photo of bench/analysis.py 0.33).
TURNED_EYE_RATIO = 0.30


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
    detector: str = "none"  # full_range | short_range | landmarker | none
    points: np.ndarray | None = None
    keypoints: np.ndarray | None = None  # detector's 6 keypoints (eyes, nose, mouth, ears), pixels
    mirror_spread_px: float | None = None  # mean original-vs-mirrored mesh disagreement (original px)
    point_spread_px: np.ndarray | None = None  # the same per mesh point (original px)
    presence: float | None = None  # the landmark model's face-presence score (0-1) in the final region


def _boxes(dets: list[Detection], scale: float) -> tuple[list[Box], list[float], list[np.ndarray]]:
    boxes = [Box(*(v * scale for v in d.box)) for d in dets]
    return boxes, [d.score for d in dets], [d.keypoints * scale for d in dets]


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


def _landmarker_points(models: Models, img: np.ndarray, px: float) -> list[np.ndarray]:
    """Every face the Tasks FaceLandmarker finds in `img` (its own detector), original pixels."""
    h, w = img.shape[:2]
    return [_to_pixels(face.points, w, h, 0.0, 0.0, px) for face in models.raw_landmarker(img)]


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
    """The whole working copy when the face has enough pixels there (the region is warped out of
    it directly: no crop, no extra resampling). A small face in a large photo gets a crop from the
    full-resolution source."""
    if dec.source is None or max(box.w, box.h) / dec.scale >= MIN_FACE_PX_IN_WORK:
        return Canvas(dec.rgb, 0.0, 0.0, dec.scale)
    return Canvas(*_crop(dec, box))


def _averaged(direct: tuple[np.ndarray, float], flipped: tuple[np.ndarray, float]) -> tuple[np.ndarray, float]:
    """Mean of a pass on the canvas and the un-mirrored pass on its mirror (normalised coordinates),
    and their mean face-presence score; only the surer pass when the other saw no face there (on
    side views one of the two often fails, and its points would drag the mean off the face)."""
    other = unmirror(flipped[0])
    if min(direct[1], flipped[1]) < PRESENCE_MIN <= max(direct[1], flipped[1]):
        return direct if direct[1] >= flipped[1] else (other, flipped[1])
    return (direct[0] + other) / 2, (direct[1] + flipped[1]) / 2


def _candidate_regions(canvas: Canvas, box: Box, keypoints: np.ndarray | None) -> list[Roi]:
    """Regions for the first pass, in order of trial. MediaPipe's own (box centre, rotation from the
    eye keypoints) fits frontal and oblique faces; on a side view the hidden eye's keypoint is a
    guess and the box sits on the visible half, so the model often sees no face there: then an
    upright region, and upright or slightly turned regions centred between the box and the nose."""
    w, h = canvas.size
    cbox = canvas.box(box)
    kps = None if keypoints is None else canvas.from_original(keypoints)
    out = [detection_roi(cbox, kps, w, h), detection_roi(cbox, None, w, h)]
    if kps is not None and len(kps) >= 3:
        x, y, bw, bh = cbox
        cx, cy = (x + bw / 2 + kps[2][0]) / 2, (y + bh / 2 + kps[2][1]) / 2
        # Turned regions in the order of the face's facing (the nose keypoint's side of the box), so
        # a photo and its mirror image try the same regions in the same order.
        facing = 1.0 if kps[2][0] >= x + bw / 2 else -1.0
        for angle in (0.0, -0.3 * facing, 0.3 * facing):
            roi = detection_roi((cx - bw / 2, cy - bh / 2, bw, bh), None, w, h)
            out.append(roi._replace(rotation=angle))
    return out


def _landmarks_in_region(
    models: Models,
    dec: DecodedImage,
    box: Box,
    keypoints: np.ndarray | None,
    seed: np.ndarray | None,
    surer: Callable[[], tuple[Box, np.ndarray | None]] | None = None,
    flipped_work: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, float]:
    """Final mirror-averaged 478 landmarks of the face in `box` (module doc). The first region comes
    from `seed` (the Tasks FaceLandmarker's points for this face, original pixels) or, without one,
    from the first candidate region where the model sees a face (else the one it is surest of);
    then REFINE_PASSES mirror-averaged passes, each on the region the previous points give. When
    the model rejects the region the seed gives, the candidate regions are tried as if there were
    no seed; when it rejects those too, the result is the point-wise median of its answers in every
    candidate region (below). The candidate regions are built from `surer()` (the surer of the
    detections on the photo and on its mirror image, module doc) when given, else from `box`.
    `flipped_work`: the working copy's mirror image, where already made (used when the canvas is the
    working copy).

    Returns (points in original pixels, per-point direct-vs-mirrored disagreement in original
    pixels, the model's face-presence score of the final pass).
    """
    canvas = _canvas(dec, box)
    flipped_rgb = _flipped(canvas, dec, flipped_work)
    seeded = None
    if seed is not None:
        w, h = canvas.size
        start = np.column_stack((canvas.from_original(seed) / (w, h), seed[:, 2] / (w * canvas.px)))
        seeded = _refined(models, canvas, flipped_rgb, start, 1.0)
        if seeded[2] >= PRESENCE_MIN:
            return seeded
    # On side views the seed's region is often one the model rejects (the side test photo turned by
    # -5 deg: presence 0.11 there, 0.99 in the detector's region).
    if surer is not None:
        chosen = surer()
        if chosen[0] != box:
            box, keypoints = chosen
            canvas = _canvas(dec, box)
            flipped_rgb = _flipped(canvas, dec, flipped_work)
    answers: list[tuple[np.ndarray, np.ndarray]] = []
    guess = _first_guess(models, canvas, flipped_rgb, box, keypoints, answers)
    found = _refined(models, canvas, flipped_rgb, *guess, passes=UNSEEDED_REFINE_PASSES)
    if found[2] >= PRESENCE_MIN:
        return found
    # The model doubts a face is there whichever way it is framed (most true profiles): its presence
    # scores are then noise, and the surest answer, seeded or refined, is no better than any other
    # (dev set, 23 such faces: NME 12.7 %). The point-wise median of its answers in every candidate
    # region is the steadier guess (11.6 %); its presence stays below PRESENCE_MIN.
    _first_guess(models, canvas, flipped_rgb, box, keypoints, answers, stop=False)
    return _median_answer(canvas, answers, min(found[2], PRESENCE_MIN - 1e-3))


def _flipped(canvas: Canvas, dec: DecodedImage, flipped_work: np.ndarray | None) -> np.ndarray:
    """The canvas' mirror image: `flipped_work` where the canvas is the working copy and it is given."""
    if flipped_work is not None and canvas.rgb is dec.rgb:
        return flipped_work
    return np.ascontiguousarray(canvas.rgb[:, ::-1])


def _median_answer(
    canvas: Canvas, answers: list[tuple[np.ndarray, np.ndarray]], presence: float
) -> tuple[np.ndarray, np.ndarray, float]:
    """The point-wise median of the (direct, un-mirrored) answers, as _refined returns its result: the
    per-point spread is between the median of the direct and of the un-mirrored answers."""
    w, h = canvas.size
    direct = np.median(np.stack([a for a, _ in answers]), axis=0)
    other = np.median(np.stack([b for _, b in answers]), axis=0)
    both = np.median(np.stack([x for pair in answers for x in pair]), axis=0)
    spread = np.hypot((direct[:, 0] - other[:, 0]) * w, (direct[:, 1] - other[:, 1]) * h)
    return canvas.to_original(both), spread * canvas.px, presence


def _first_guess(
    models: Models,
    canvas: Canvas,
    flipped_rgb: np.ndarray,
    box: Box,
    keypoints: np.ndarray | None,
    answers: list[tuple[np.ndarray, np.ndarray]],
    stop: bool = True,
) -> tuple[np.ndarray, float]:
    """Normalised points and face presence from the first candidate region where the model sees a
    face; where it sees one in none of them, the point-wise median of all its answers. Each region's
    (direct, un-mirrored) answer is appended to `answers`; regions already there are not run again.
    `stop` False runs every candidate region (the result is then of no use)."""
    best: tuple[np.ndarray, float] | None = None
    for i, roi in enumerate(_candidate_regions(canvas, box, keypoints)):
        if i < len(answers):
            continue
        (direct, p1), (flipped, p2) = models.landmarks_pair((canvas.rgb, roi), (flipped_rgb, mirrored(roi)))
        found = _averaged((direct, p1), (flipped, p2))
        answers.append((direct, unmirror(flipped)))
        if best is None or found[1] > best[1]:
            best = found
        if stop and found[1] >= PRESENCE_MIN:
            return found
    if best is None:  # every region was run before (stop=False after a full first pass)
        return answers[0][0], 0.0
    # No region convinces the model (most true side views): its presence scores are then all near
    # zero and the highest is noise, so the point-wise median of every answer it gave is the steadier
    # guess (dev set > 60 deg: NME 9.4 -> 9.0 %, with the rule in _refined).
    return np.median(np.stack([x for pair in answers for x in pair]), axis=0), best[1]


def _refined(
    models: Models,
    canvas: Canvas,
    flipped_rgb: np.ndarray,
    final: np.ndarray,
    presence: float,
    passes: int = REFINE_PASSES,
) -> tuple[np.ndarray, np.ndarray, float]:
    """`passes` mirror-averaged passes from `final` (normalised points); as _landmarks_in_region."""
    w, h = canvas.size
    direct = flipped = None
    for _ in range(passes):
        roi = landmark_roi(final[:, :2] * (w, h), w, h)
        (direct, p1), (flipped, p2) = models.landmarks_pair((canvas.rgb, roi), (flipped_rgb, mirrored(roi)))
        refined, refined_presence = _averaged((direct, p1), (flipped, p2))
        if refined_presence < PRESENCE_MIN:
            # The model rejects this region: its points there are no better than the ones it was
            # built from (kept), and further passes drift (dev set > 60 deg: NME 13 -> 15 %).
            presence = min(presence, refined_presence)
            break
        final, presence = refined, refined_presence
    assert direct is not None and flipped is not None  # REFINE_PASSES >= 1  # nosec B101
    other = unmirror(flipped)
    spread = np.hypot((direct[:, 0] - other[:, 0]) * w, (direct[:, 1] - other[:, 1]) * h)
    return canvas.to_original(final), spread * canvas.px, presence


def _seed_for(box: Box, found: list[np.ndarray]) -> np.ndarray | None:
    """The landmarker's face whose centre lies in `box`, if any."""
    for points in found:
        mx, my = points[:, 0].mean(), points[:, 1].mean()
        if box.x <= mx <= box.x + box.w and box.y <= my <= box.y + box.h:
            return points
    return None


def find_face(models: Models, dec: DecodedImage) -> FaceSearch:
    """Detect (full range; short range if it finds nothing), count faces, then place the landmarks
    on the main face (module doc). The Tasks FaceLandmarker runs on this core while the full-range
    detector runs on the other; its points seed the regions of the faces it finds."""
    res = FaceSearch()
    full = models.in_background(_detect_with_mirror, models, dec.work)
    landmarked = _landmarker_points(models, dec.work, dec.work_scale)
    found, found_mirrored, flipped_work = full.result()
    boxes, scores, kps = _boxes(found, dec.work_scale)
    res.detector = "full_range"
    if not boxes:
        boxes, scores, kps = _boxes(models.detect_short(dec.work), dec.work_scale)
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
        main, main_score, main_kps = res.faces[0], res.scores[0], res.keypoints
        detect = models.detect_full if res.detector == "full_range" else models.detect_short
        ready = found_mirrored if res.detector == "full_range" else None

        def surer() -> tuple[Box, np.ndarray | None]:
            dets = ready if ready is not None else detect(flipped_work)
            return _surer_detection(dec, main, main_score, main_kps, dets)

        res.points, res.point_spread_px, res.presence = _landmarks_in_region(
            models, dec, main, res.keypoints, _seed_for(main, landmarked), surer, flipped_work
        )
        res.mirror_spread_px = float(res.point_spread_px.mean())
        return res
    # No detection: the FaceLandmarker's own detector is the last resort (it finds some close,
    # occluded faces that both BlazeFace models miss).
    if len(landmarked) > 1:
        res.faces = [_outline_box(p) for p in landmarked]
        res.scores, res.detector = [0.5] * len(landmarked), "landmarker"
    elif landmarked:
        res.points = landmarked[0]
        res.faces, res.scores, res.detector = [_outline_box(landmarked[0])], [0.5], "landmarker"
    return res


def _detect_with_mirror(
    models: Models, work: np.ndarray
) -> tuple[list[Detection], list[Detection] | None, np.ndarray]:
    """The full-range detections on `work` and, where the largest face looks turned (its eye keypoints
    closer than TURNED_EYE_RATIO x its box width), on its mirror image too: a turned face is seldom
    seeded by the FaceLandmarker, and its unseeded regions need both (_surer_detection). Run on the
    other core beside the FaceLandmarker, where it costs no time; elsewhere it is run only when needed
    (frontal photos would wait for it: 12 MP about 9 %). Only when, never what, is decided here.
    Also returns `work`'s mirror image, which the mirrored landmark passes take their regions from
    (made here, beside the FaceLandmarker, instead of after it: 12 MP, 2 MP working copy, ~2 ms)."""
    flipped = np.ascontiguousarray(work[:, ::-1])
    found = models.detect_full(work)
    if not found:
        return found, None, flipped
    main = max(found, key=lambda d: d.box[2] * d.box[3])
    eyes = float(np.hypot(*(main.keypoints[1] - main.keypoints[0])))
    if eyes >= TURNED_EYE_RATIO * main.box[2]:
        return found, None, flipped
    return found, models.detect_full(flipped), flipped


def _surer_detection(
    dec: DecodedImage, box: Box, score: float, keypoints: np.ndarray | None, flipped: list[Detection]
) -> tuple[Box, np.ndarray | None]:
    """The main face's detection (original pixels) or, where the detector on the mirror image is
    surer of the same face (`flipped`, its detections there in working pixels), that one un-mirrored.
    A tie keeps the photo's own, so a photo and its mirror image differ only at an exact tie."""
    width, scale = dec.work.shape[1], dec.work_scale
    best: tuple[Box, np.ndarray | None] | None = None
    best_score = score
    for det in flipped:
        x, y, w, h = det.box
        other = Box((width - x - w) * scale, y * scale, w * scale, h * scale)
        if det.score > best_score and _iou(box, other) >= MIRROR_MATCH_IOU:
            kps = det.keypoints[list(FLIPPED_KEYPOINTS)].copy()
            kps[:, 0] = width - kps[:, 0]
            best, best_score = (other, kps * scale), det.score
    return best if best is not None else (box, keypoints)


def _iou(a: Box, b: Box) -> float:
    ix = max(0.0, min(a.x + a.w, b.x + b.w) - max(a.x, b.x))
    iy = max(0.0, min(a.y + a.h, b.y + b.h) - max(a.y, b.y))
    inter = ix * iy
    union = a.w * a.h + b.w * b.h - inter
    return inter / union if union > 0 else 0.0


def _outline_box(points: np.ndarray) -> Box:
    x0, y0 = points[:, :2].min(axis=0)
    x1, y1 = points[:, :2].max(axis=0)
    return Box(float(x0), float(y0), float(x1 - x0), float(y1 - y0))
