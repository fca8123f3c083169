"""The doctor's landmark corrections, kept inside the photo's sealed analysis (order key, see
`core.photos.save_analysis`).

A corrected point gets `source = "corrected"` and confidence 1.0 (the doctor placed it); the
automatic points are kept once under `automatic_landmarks` so "reset to automatic" is exact; the
measurements are recomputed with `core.analysis.compute_measurements`; `doctor_corrected` records
which points, by whom (staff id) and when, so the report can say so.

`live_measurements` is the pure function the viewer calls on every drag (no database, no audit).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from maya_desktop.core.analysis import Landmark, compute_measurements
from maya_desktop.core.analysis.landmarks import MESH_LANDMARKS
from maya_desktop.core.analysis.measurements import iris_scale
from maya_desktop.core.analysis.silhouette import PROFILE_POINTS
from maya_desktop.core.errors import NotFound, StateError
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.model import load_order
from maya_desktop.core.orders.states import ORDER_TO_ANALYSIS_VIEW, Status
from maya_desktop.core.photos import get_analysis, save_analysis
from maya_desktop.core.session import Session

EDITABLE_STATES = frozenset({Status.CONSENTED, Status.IN_REVIEW})


def analysis_view(photo_view: str | None, analysis: Mapping[str, Any] | None) -> str:
    """The view to measure with: the view reception confirmed, else the one the engine detected."""
    if photo_view in ORDER_TO_ANALYSIS_VIEW:
        return ORDER_TO_ANALYSIS_VIEW[photo_view]
    return str((analysis or {}).get("view") or "frontal")


def landmarks_of(analysis: Mapping[str, Any] | None) -> dict[str, Landmark]:
    out: dict[str, Landmark] = {}
    for name, v in ((analysis or {}).get("landmarks") or {}).items():
        out[name] = Landmark(
            float(v["x"]), float(v["y"]), float(v.get("confidence", 1.0)), str(v.get("source", "mesh"))
        )
    return out


def _pose(analysis: Mapping[str, Any]) -> dict[str, float | None]:
    """yaw/pitch/roll of the stored analysis, as compute_measurements takes them."""
    pose = analysis.get("pose") or {}
    return {k: None if pose.get(k) is None else float(pose[k]) for k in ("yaw", "pitch", "roll")}


def reference_scale(analysis: Mapping[str, Any] | None) -> float | None:
    """mm per pixel from the doctor's reference line of known length, if one was drawn on this photo."""
    cal = (analysis or {}).get("calibration") or {}
    value = cal.get("mm_per_px")
    return float(value) if cal.get("method") == "reference" and value else None


def scale_of(analysis: Mapping[str, Any] | None, landmarks: Mapping[str, Landmark], view: str) -> dict[str, Any]:
    """How millimetres are measured on this photo: {"method": "reference" | "iris" | "none",
    "mm_per_px": float | None, "reference_mm": float | None, "uncertainty_pct": float | None}."""
    ref = reference_scale(analysis)
    if ref is not None:
        cal = (analysis or {})["calibration"]
        return {
            "method": "reference",
            "mm_per_px": ref,
            "reference_mm": float(cal["reference_mm"]),
            "uncertainty_pct": None,
        }
    mm, err = iris_scale(landmarks, view)
    return {"method": "iris" if mm else "none", "mm_per_px": mm, "reference_mm": None, "uncertainty_pct": err}


def live_measurements(
    analysis: Mapping[str, Any], landmarks: Mapping[str, Landmark], view: str, sex: str | None = None
) -> list[Any]:
    """Measurements for `landmarks` (pure; < 1 ms). Scale: the doctor's reference line when one was drawn
    (`save_calibration`), else the (possibly corrected) iris points (11.7 mm)."""
    size = (int(analysis.get("image_width") or 1), int(analysis.get("image_height") or 1))
    pose = _pose(analysis)
    return compute_measurements(
        landmarks,
        view,
        size,
        sex=sex,
        mm_per_px=reference_scale(analysis),
        yaw=pose["yaw"],
        pitch=pose["pitch"],
        roll=pose["roll"],
    )


def _dump(lm: Landmark) -> dict[str, Any]:
    return {"x": round(lm.x, 2), "y": round(lm.y, 2), "confidence": round(lm.confidence, 3), "source": lm.source}


def _photo(session: Session, photo_id: int) -> tuple[int, str | None]:
    row = session.conn.execute("SELECT order_id, view FROM photos WHERE id = ?", (photo_id,)).fetchone()
    if row is None:
        raise NotFound(f"Photo #{photo_id} does not exist.", "این عکس وجود ندارد.")
    return int(row[0]), row[1]


# Every point a measurement may use: the doctor may place one the engine left unlocated (the engine omits a
# point it is not sure of rather than drawing a guess), so the analysis' own list is not the limit.
PLACEABLE_LANDMARKS: frozenset[str] = frozenset(MESH_LANDMARKS) | frozenset(PROFILE_POINTS) | {"dorsum_max", "trichion"}


def _check(session: Session, photo_id: int) -> None:
    session.require("orders.review")
    order_id = _photo(session, photo_id)[0]
    if load_order(session.conn, order_id).status not in EDITABLE_STATES:
        raise StateError(
            "Landmarks can be corrected only while the order is under review.",
            "نقاط را فقط پیش از تحویل و در زمان بررسی می‌توان اصلاح کرد.",
        )


def save_corrections(
    session: Session, photo_id: int, corrected: Mapping[str, tuple[float, float]], sex: str | None = None
) -> dict[str, Any]:
    """Store the doctor's points (image pixels) for one photo; returns the new analysis dict."""
    _check(session, photo_id)
    analysis = get_analysis(session, photo_id)
    if analysis is None:
        raise StateError("This photo has no analysis to correct.", "این عکس تحلیلی برای اصلاح ندارد.")
    new = copy.deepcopy(analysis)
    new.setdefault("automatic_landmarks", copy.deepcopy(analysis.get("landmarks") or {}))
    lms = landmarks_of(new)
    for name, (x, y) in corrected.items():
        if name not in lms and name not in new["automatic_landmarks"] and name not in PLACEABLE_LANDMARKS:
            raise ValueError(f"unknown landmark {name!r}")
        lms[name] = Landmark(float(x), float(y), 1.0, "corrected")
    new["landmarks"] = {k: _dump(v) for k, v in lms.items()}
    view = analysis_view(_photo(session, photo_id)[1], analysis)
    new["measurements"] = [m.to_dict() for m in live_measurements(new, lms, view, sex)]
    points = sorted(k for k, v in lms.items() if v.source == "corrected")
    if points:
        new["doctor_corrected"] = {"by": session.staff.id, "at": clock.text(), "points": points}
    else:
        new.pop("doctor_corrected", None)
    save_analysis(session, photo_id, new)
    return new


def reset_corrections(session: Session, photo_id: int, sex: str | None = None) -> dict[str, Any]:
    """Back to the engine's points and measurements."""
    _check(session, photo_id)
    analysis = get_analysis(session, photo_id)
    if analysis is None or "automatic_landmarks" not in analysis:
        return analysis or {}
    new = copy.deepcopy(analysis)
    new["landmarks"] = new.pop("automatic_landmarks")
    new.pop("doctor_corrected", None)
    view = analysis_view(_photo(session, photo_id)[1], analysis)
    new["measurements"] = [m.to_dict() for m in live_measurements(new, landmarks_of(new), view, sex)]
    save_analysis(session, photo_id, new)
    return new


def save_calibration(
    session: Session,
    photo_id: int,
    line: tuple[tuple[float, float], tuple[float, float]] | None,
    length_mm: float | None = None,
    sex: str | None = None,
) -> dict[str, Any]:
    """The doctor's millimetre scale for one photo: a reference line (image pixels) of `length_mm`, or
    None to go back to the iris diameter. Kept in the sealed analysis; measurements recomputed."""
    _check(session, photo_id)
    analysis = get_analysis(session, photo_id)
    if analysis is None:
        raise StateError("This photo has no analysis to correct.", "این عکس تحلیلی برای اصلاح ندارد.")
    new = copy.deepcopy(analysis)
    if line is None:
        new.pop("calibration", None)
    else:
        (ax, ay), (bx, by) = line
        pixels = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        if length_mm is None or not 0 < length_mm <= 1000 or pixels < 5:
            raise ValueError("a reference line needs two distinct points and a length in mm")
        new["calibration"] = {
            "method": "reference",
            "reference_mm": float(length_mm),
            "line": [[round(ax, 2), round(ay, 2)], [round(bx, 2), round(by, 2)]],
            "mm_per_px": float(length_mm) / pixels,
            "by": session.staff.id,
            "at": clock.text(),
        }
    view = analysis_view(_photo(session, photo_id)[1], analysis)
    new["measurements"] = [m.to_dict() for m in live_measurements(new, landmarks_of(new), view, sex)]
    save_analysis(session, photo_id, new)
    return new
