"""`analyze_image`: decode -> detect -> mesh -> pose/view -> quality -> named landmarks -> measures."""

from __future__ import annotations

import numpy as np
from PIL import Image

from maya_desktop.core.analysis.findings import finding
from maya_desktop.core.analysis.hairline import estimate_trichion, forehead_covered
from maya_desktop.core.analysis.imageio import DecodedImage, ImageRejected, decode
from maya_desktop.core.analysis.landmarks import Landmark, discount_unsure, inside, named_from_mesh
from maya_desktop.core.analysis.loader import Models, get_models
from maya_desktop.core.analysis.measurements import compute_measurements, iris_scale
from maya_desktop.core.analysis.mesh import PRESENCE_MIN, FaceSearch, find_face
from maya_desktop.core.analysis.overlay import render_overlay_decoded
from maya_desktop.core.analysis.plausibility import check_plausibility, looks_drawn
from maya_desktop.core.analysis.pose import VIEWS, classify_view, doubted_turned, estimate_pose, view_family
from maya_desktop.core.analysis.quality import check_face
from maya_desktop.core.analysis.result import AnalysisResult
from maya_desktop.core.analysis.silhouette import fuse, refine_profile
from maya_desktop.core.analysis.turned import correct_turned

# How much the mesh is trusted per view family (it is trained mostly on near-frontal faces).
MESH_TRUST = {"frontal": 1.0, "oblique": 0.8, "base": 0.6, "profile": 0.65}
HIDDEN_SIDE_TRUST = 0.4  # on a profile the far side is hidden: its points are guesses
# A mesh point's direct-vs-mirrored disagreement, as a share of the face height: full confidence up
# to SPREAD_FULL, none at SPREAD_ZERO. Frontal portraits: 0.2-0.7 %; the profile test photo: 2-5 %.
SPREAD_FULL, SPREAD_ZERO = 0.025, 0.08
# At most this confidence (below measurements.MIN_CONFIDENCE) for any point of a face the landmark model
# doubts (face presence < PRESENCE_MIN): its points are shown as estimates and never measured.
UNSURE_FACE_CONFIDENCE = 0.45


Photo = bytes | Image.Image | np.ndarray


def analyze_image(data: Photo, declared_view: str | None = None, sex: str | None = None) -> AnalysisResult:
    """Analyse one photo. Refusals are reported in `result.refused` / `result.findings` (severity
    "error"), never raised; only a wrong argument type or an unknown view name raises
    (TypeError / ValueError)."""
    return _analyze(data, declared_view, sex)[0]


def analyze_with_overlay(
    data: Photo, declared_view: str | None = None, sex: str | None = None
) -> tuple[AnalysisResult, Image.Image | None]:
    """`analyze_image` plus the overlay preview (as `render_overlay`), decoding the photo once.

    The overlay is None when the photo could not be decoded or no face was placed.
    """
    res, dec = _analyze(data, declared_view, sex)
    if dec is None or res.view is None:
        return res, None
    return res, render_overlay_decoded(dec, res)


def _analyze(data: Photo, declared_view: str | None, sex: str | None) -> tuple[AnalysisResult, DecodedImage | None]:
    if declared_view is not None and declared_view not in VIEWS:
        raise ValueError(f"unknown view {declared_view!r}; expected one of {', '.join(VIEWS)}")
    res = AnalysisResult(declared_view=declared_view)
    try:
        dec = decode(data)
    except ImageRejected as exc:
        res.findings.append(finding(exc.code, exc.detail))
        res.refused = True
        return res, None
    res.image_width, res.image_height = dec.width, dec.height
    _analyze_decoded(dec, res, sex)
    res.refused = any(f.severity == "error" for f in res.findings)
    if res.refused:
        res.measurements = []
    return res, dec


def _analyze_decoded(dec: DecodedImage, res: AnalysisResult, sex: str | None) -> None:
    models = get_models()
    search = find_face(models, dec)
    res.detector = search.detector
    if search.ignored_small_faces:
        res.findings.append(finding("background_faces_ignored", str(search.ignored_small_faces)))
    if len(search.faces) > 1:
        res.findings.append(finding("multiple_faces", f"{len(search.faces)} faces"))
        return
    if search.points is None:
        res.findings.append(finding("no_face"))
        return
    if search.faces:
        res.face_box = search.faces[0].to_list()
    score = search.scores[0] if search.scores else 0.0
    if search.detector == "landmarker" or score < 0.7:
        res.findings.append(finding("low_detection_confidence", f"{search.detector}, score {score:.2f}"))
    elif search.presence is not None and search.presence < PRESENCE_MIN:
        res.findings.append(finding("low_detection_confidence", f"landmark model, face presence {search.presence:.2f}"))
    points = search.points
    unsure_face = search.presence is not None and search.presence < PRESENCE_MIN
    pose = estimate_pose(points, models.geometry)
    if unsure_face:
        pose = doubted_turned(pose)
    view = classify_view(pose)
    res.pose, res.view = pose, view
    found, metrics = check_face(dec, points, pose, view, res.declared_view)
    res.findings.extend(found)
    res.quality_metrics = metrics
    if search.mirror_spread_px is not None:  # original vs mirrored mesh pass (mesh.py)
        metrics["mirror_spread_px"] = round(search.mirror_spread_px, 2)
    if search.presence is not None:  # the landmark model's own "a face is here" score
        metrics["landmark_presence"] = round(search.presence, 3)
    # The model's systematic error on turned faces taken off (turned.py); the pose and the checks
    # above use the mesh as the model placed it.
    model_points, points = points, correct_turned(points, pose.yaw, not unsure_face, models.geometry.canonical)
    res.landmarks = _named(dec, points, view, pose.yaw)
    _doubt_face(res.landmarks, search.presence)
    if any(f.severity == "error" for f in found):
        return
    # The drawn-photo check on the other core while this one reads the hairline or the silhouette; its
    # finding keeps its place in the list (before theirs).
    drawn = models.in_background(looks_drawn, dec.rgb, points[:, :2] / dec.scale)
    drawn_at = len(res.findings)
    try:
        measured, hairline_reason = _view_points(dec, res, models, search, points, model_points, pose.yaw)
    finally:
        drawn_found = drawn.result()
    if drawn_found is not None:
        res.findings.insert(drawn_at, drawn_found)
    if not measured:
        return
    family = view_family(view)
    scale_view = "frontal" if family == "frontal" else view
    res.scale_mm_per_px, res.scale_uncertainty_pct = iris_scale(res.landmarks, scale_view)
    if res.scale_mm_per_px is None:
        res.findings.append(finding("no_scale"))
    res.measurements = compute_measurements(
        res.landmarks,
        view,
        (dec.width, dec.height),
        sex=sex,
        mm_per_px=res.scale_mm_per_px,
        yaw=pose.yaw,
        pitch=pose.pitch,
        roll=pose.roll,
        hairline_reason=hairline_reason,
    )
    if family == "frontal":
        implausible = check_plausibility(res.landmarks, res.measurements)
        if implausible is not None:
            res.findings.append(implausible)


def _view_points(
    dec: DecodedImage,
    res: AnalysisResult,
    models: Models,
    search: FaceSearch,
    points: np.ndarray,
    model_points: np.ndarray,
    yaw: float,
) -> tuple[bool, str | None]:
    """The mesh's points weighed by their mirror spread, and the points the view adds: the hairline
    (frontal) or the silhouette's profile points (profile). Returns whether the view is measured (a
    view that is not gets its finding) and why the hairline is not measurable (None: it is, or the view
    has none)."""
    if search.point_spread_px is not None:  # before the silhouette fusion: it weighs the mesh's confidence
        discount_unsure(res.landmarks, search.point_spread_px, float(np.ptp(points[:, 1])), SPREAD_FULL, SPREAD_ZERO)
    family = view_family(res.view or "")
    hairline_reason = None
    if family == "frontal":
        if forehead_covered(dec.rgb, dec.scale, points):
            res.findings.append(finding("forehead_covered"))
            hairline_reason = "hair covers the forehead: the hairline is not visible"
        else:
            tr = estimate_trichion(dec.rgb, dec.scale, res.landmarks["glabella"], res.landmarks["forehead_top"])
            if tr is not None:
                res.landmarks["trichion"] = tr
            else:
                hairline_reason = "hairline not found (bald or covered forehead)"
    elif family == "profile":
        # The outline search and the fusion tolerances were built on the model's own points (its
        # windows are seeded by them and FUSE_TOLERANCE is their measured error), so both see those.
        as_placed = named_from_mesh(model_points)
        outline = refine_profile(dec, model_points, as_placed, yaw, beside=models.in_background)
        _doubt_face(outline, search.presence)
        facing = 1 if yaw > 0 else -1
        uncertain = fuse(res.landmarks, outline, float(np.ptp(model_points[:, 1])), facing, reference=as_placed)
        if uncertain:
            res.findings.append(finding("profile_points_uncertain", ", ".join(uncertain)))
    else:
        res.findings.append(finding("no_measurements_for_view", (res.view or "").replace("_", " ")))
        return False, None
    return True, hairline_reason


def _doubt_face(landmarks: dict[str, Landmark], presence: float | None) -> None:
    """Where the landmark model itself doubts a face is in its region (most true side views of the
    dev set), every point, the silhouette's too, is scaled down in proportion and kept below the
    measuring threshold (UNSURE_FACE_CONFIDENCE): none is drawn as located or measured. An outline
    that agrees with a mesh the model does not believe in is no confirmation (dev set, > 60 deg: a
    silhouette nasion 11 % off on a face of presence 0.00)."""
    if presence is not None and presence < PRESENCE_MIN:
        for lm in landmarks.values():
            lm.confidence = round(min(lm.confidence * presence / PRESENCE_MIN, UNSURE_FACE_CONFIDENCE), 3)


def _named(dec: DecodedImage, points: np.ndarray, view: str, yaw: float) -> dict[str, Landmark]:
    family = view_family(view)
    named = named_from_mesh(points, MESH_TRUST[family])
    hidden = "_r" if yaw < 0 else "_l"  # yaw < 0: the left side faces the camera
    for name, lm in named.items():
        if family == "profile" and (name.endswith(hidden) or f"{hidden}_" in name):
            lm.confidence = round(lm.confidence * HIDDEN_SIDE_TRUST, 3)
        if not inside(lm, dec.width, dec.height):
            lm.confidence = 0.0
    return named
