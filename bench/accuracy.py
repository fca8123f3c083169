"""Benchmark: landmark accuracy and head pose on real photos with hand-placed points; prints JSON.

Data: `../shared/eval/aflw2000-dev` (150 AFLW2000-3D faces, 50 per |yaw| bin 0-30 / 30-60 / >60;
see its README; never copied into the repository). Skips with a clear message where it is absent.

Protocol (the README's): NME = mean distance over 10 points (both exocanthia, both endocanthia,
pronasale, both cheilia, menton, subnasale, nasion) / sqrt(w*h) of the 68 annotated points' box, in %.
Per view bin and overall: faces found, mean and median NME, share of found faces over 10 %, and the
median absolute yaw / pitch error (the annotation's yaw is positive when the nose points to the image
LEFT; the engine's when it points right). A face counts as found when the engine placed landmarks
(refusals such as "too small" still count when the points were placed); `found_sure` / `nme_mean_sure_pct`
count only faces whose landmark model is itself sure a face is in its region (face presence >= 0.5; the
engine marks the other faces' points as not confident and measures nothing on them).
`point_error_median_pct`: each protocol point's median error, to show where the error comes from.
`same_faces`: per bin, the mean NME of the engine and of the raw FaceLandmarker on the faces BOTH found
(the raw model finds under half of the > 60 deg faces, the easier ones, so its bin mean is over other faces).

Compared, on the same decoded pixels in the same run: the full engine (`analyze_image`: its named
points, i.e. after the profile fusion) and the raw MediaPipe Tasks FaceLandmarker (face_landmarker.task,
its own detector, default thresholds; pose from its facial transformation matrix).

    .venv/bin/python bench/accuracy.py [--data DIR] [--per-face]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from pathlib import Path

import numpy as np
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "eval" / "aflw2000-dev"
BINS = ("0-30", "30-60", ">60")
# 68-point index -> the engine's named point / the 478-point mesh index.
PROTOCOL = (
    (36, "exocanthion_r", 33),
    (45, "exocanthion_l", 263),
    (39, "endocanthion_r", 133),
    (42, "endocanthion_l", 362),
    (30, "pronasale", 1),
    (48, "cheilion_r", 61),
    (54, "cheilion_l", 291),
    (8, "menton", 152),
    (33, "subnasale", 2),
    (27, "nasion", 168),
)


def point_errors(points: np.ndarray, truth68: np.ndarray) -> np.ndarray:
    """Each of the 10 predicted points' (PROTOCOL order) distance from its annotated point, in % of
    sqrt(w*h) of the 68 annotated points' box."""
    truth = truth68[[p[0] for p in PROTOCOL]]
    (x0, y0), (x1, y1) = truth68.min(axis=0), truth68.max(axis=0)
    return np.linalg.norm(points - truth, axis=1) / math.sqrt((x1 - x0) * (y1 - y0)) * 100


def nme(points: np.ndarray, truth68: np.ndarray) -> float:
    """The protocol's NME (%) of 10 predicted points (in PROTOCOL order) against the 68 annotated."""
    return float(point_errors(points, truth68).mean())


def _engine(rgb: np.ndarray) -> tuple[np.ndarray | None, tuple[float, float] | None, bool]:
    from maya_desktop.core.analysis import analyze_image

    res = analyze_image(rgb)
    if res.pose is None or not all(p[1] in res.landmarks for p in PROTOCOL):
        return None, None, False
    pts = np.array([res.landmarks[p[1]].xy() for p in PROTOCOL])
    return pts, (res.pose.yaw, res.pose.pitch), res.quality_metrics.get("landmark_presence", 1.0) >= 0.5


def _raw(rgb: np.ndarray) -> tuple[np.ndarray | None, tuple[float, float] | None, bool]:
    from maya_desktop.core.analysis.loader import get_models
    from maya_desktop.core.analysis.pose import pose_from_matrix

    faces = get_models().raw_landmarker(rgb)
    if not faces:
        return None, None, False
    h, w = rgb.shape[:2]
    face = faces[0]
    pts = face.points[[p[2] for p in PROTOCOL], :2] * (w, h)
    if face.matrix is None:
        return pts, None, True
    # The Tasks matrix maps the canonical face into MediaPipe's camera frame (x right, y up, z to the viewer).
    pose = pose_from_matrix(face.matrix[:3, :3] / np.linalg.norm(face.matrix[:3, 0]), calibrate=False)
    return pts, (pose.yaw, pose.pitch), True


def _summary(rows: list[dict], total: int) -> dict[str, object]:
    found = [r for r in rows if r["nme"] is not None]
    errs = [r["nme"] for r in found]
    sure = [r["nme"] for r in found if r["sure"]]
    yaw = [r["yaw_err"] for r in found if r["yaw_err"] is not None]
    pitch = [r["pitch_err"] for r in found if r["pitch_err"] is not None]
    points = np.array([r["point_errors"] for r in found]) if found else None
    return {
        "faces": total,
        "found": len(found),
        "found_pct": round(100 * len(found) / total, 1) if total else None,
        "nme_mean_pct": round(statistics.fmean(errs), 2) if errs else None,
        "nme_median_pct": round(statistics.median(errs), 2) if errs else None,
        "over_10pct_share": round(sum(e > 10 for e in errs) / len(errs), 3) if errs else None,
        # faces whose landmark model is itself sure a face is there (face presence >= 0.5)
        "found_sure": len(sure),
        "nme_mean_sure_pct": round(statistics.fmean(sure), 2) if sure else None,
        "yaw_abs_err_median_deg": round(statistics.median(yaw), 1) if yaw else None,
        "pitch_abs_err_median_deg": round(statistics.median(pitch), 1) if pitch else None,
        # where the error comes from: each protocol point's median error (% as NME)
        "point_error_median_pct": None
        if points is None
        else {p[1]: round(float(v), 2) for p, v in zip(PROTOCOL, np.median(points, axis=0), strict=True)},
    }


def run(data: Path, per_face: bool) -> dict[str, object]:
    annotations = json.loads((data / "annotations.json").read_text())
    methods = {"engine": _engine, "raw_face_landmarker": _raw}
    rows: dict[str, list[dict]] = {m: [] for m in methods}
    for name in sorted(annotations):
        ann = annotations[name]
        truth = np.array(ann["points_68"], dtype=np.float64)
        with Image.open(data / name) as img:
            rgb = np.asarray(img.convert("RGB"))
        for method, fn in methods.items():
            pts, pose, sure = fn(rgb)
            row = {"file": name, "bin": ann["view_bin"], "nme": None, "yaw_err": None, "pitch_err": None, "sure": sure}
            if pts is not None:
                errors = point_errors(pts, truth)
                row["nme"] = round(float(errors.mean()), 3)
                row["point_errors"] = [round(float(e), 2) for e in errors]
            if pose is not None:
                row["yaw"], row["pitch"] = round(pose[0], 1), round(pose[1], 1)
                row["yaw_err"] = abs(pose[0] - (-ann["view_yaw_deg"]))
                row["pitch_err"] = abs(pose[1] - ann["pitch_deg"])
            rows[method].append(row)
    out: dict[str, object] = {"data": str(data), "faces": len(annotations)}
    for method, mrows in rows.items():
        summary = {b: _summary([r for r in mrows if r["bin"] == b], sum(r["bin"] == b for r in mrows)) for b in BINS}
        summary["overall"] = _summary(mrows, len(mrows))
        out[method] = summary
        if per_face:
            out[f"{method}_per_face"] = mrows
    out["same_faces"] = _same_faces(rows["engine"], rows["raw_face_landmarker"])
    return out


def _same_faces(engine: list[dict], raw: list[dict]) -> dict[str, object]:
    """Mean NME of both methods on the faces both found, per bin and overall."""
    out: dict[str, object] = {}
    for b in (*BINS, "overall"):
        pairs = [
            (e["nme"], r["nme"])
            for e, r in zip(engine, raw, strict=True)
            if (b == "overall" or e["bin"] == b) and e["nme"] is not None and r["nme"] is not None
        ]
        out[b] = {
            "faces": len(pairs),
            "engine_nme_mean_pct": round(statistics.fmean(p[0] for p in pairs), 2) if pairs else None,
            "raw_nme_mean_pct": round(statistics.fmean(p[1] for p in pairs), 2) if pairs else None,
        }
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--per-face", action="store_true", help="also list every face's figures")
    args = ap.parse_args()
    if not (args.data / "annotations.json").is_file():
        print(json.dumps({"skipped": f"evaluation data not found at {args.data} (see ../shared/eval/README.md)"}))
        return 0
    print(json.dumps(run(args.data, args.per_face), indent=1))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main())
