"""Head pose (yaw, pitch, roll in degrees) from the facial transformation matrix, and the view.

Conventions (image seen as displayed, not mirrored):
- yaw > 0: the nose points to the image's right, i.e. the patient's RIGHT side faces the camera
  ("right profile/oblique"); yaw < 0: the left side is shown.
- pitch > 0: chin up (nose points up), as in a base / worm's-eye view.
- roll > 0: the patient's left eye (image right) is lower than the right one.

The facial transformation matrix is the rotation that carries MediaPipe's canonical face onto the
478 landmarks (x, y in pixels, z in the same scale): a weighted Procrustes fit on the landmarks and
weights of MediaPipe's own face-geometry pipeline (the `geometry_pipeline_metadata` inside
face_landmarker.task, loader.py), which is how the Tasks FaceLandmarker computes its matrix. The
engine fits it on its own mirror-averaged landmarks, so the pose follows the points it measures.
View classification uses yaw and pitch; roll is reported (and warned about on frontal photos).

The landmark model flattens strongly turned faces (it is trained mostly on near-frontal ones), so the
fitted yaw reads low past about 40 deg: by a median 11 deg at a true 60-75 deg and 17 deg beyond, on
the dev set (bench/accuracy.py). Past YAW_KNEE the yaw is stretched by YAW_STRETCH (fitted there:
overall median error 4.4 -> 3.5 deg, > 60 deg bin 15 -> 8 deg, no change below 40 deg).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from maya_desktop.core.analysis.loader import FaceGeometry

VIEWS = ("frontal", "left_oblique", "right_oblique", "left_profile", "right_profile", "base")

FRONTAL_MAX_YAW = 25.0
PROFILE_MIN_YAW = 60.0
BASE_MIN_PITCH = 30.0
YAW_KNEE, YAW_STRETCH = 40.0, 0.4
# A frontal photo beyond these is "tilted": vertical proportions (pitch) and the midline (roll) are off.
TILT_MAX_PITCH = 15.0
TILT_MAX_ROLL = 10.0


@dataclass
class Pose:
    yaw: float
    pitch: float
    roll: float

    def to_dict(self) -> dict[str, float]:
        return {"yaw": round(self.yaw, 1), "pitch": round(self.pitch, 1), "roll": round(self.roll, 1)}


def transformation_matrix(points: np.ndarray, geometry: FaceGeometry) -> np.ndarray:
    """3x3 rotation carrying the canonical face (x to the face's left, y up, z toward the viewer)
    into camera axes (x right, y up, z toward the viewer), fitted to a (478, 3) mesh in pixels
    (x right, y down, z away from the camera) by weighted Procrustes (Umeyama)."""
    ids = geometry.basis
    dst = points[ids, :3] * (1.0, -1.0, -1.0)
    src = geometry.canonical[ids]
    w = geometry.weights / geometry.weights.sum()
    mu_d, mu_s = w @ dst, w @ src
    cov = ((dst - mu_d) * w[:, None]).T @ (src - mu_s)
    u, _s, vt = np.linalg.svd(cov)
    d = np.diag([1.0, 1.0, float(np.sign(np.linalg.det(u @ vt))) or 1.0])
    rotation: np.ndarray = u @ d @ vt
    return rotation


def calibrated_yaw(yaw: float) -> float:
    """The fitted yaw with the model's flattening past YAW_KNEE undone (module doc)."""
    excess = max(0.0, abs(yaw) - YAW_KNEE)
    return math.copysign(abs(yaw) + YAW_STRETCH * excess, yaw)


def pose_from_matrix(rotation: np.ndarray, calibrate: bool = True) -> Pose:
    """Yaw, pitch, roll (module conventions) of a face rotation (transformation_matrix); `calibrate`
    False leaves the yaw as fitted (the benchmark's raw reference)."""
    forward, x_face, y_face = rotation[:, 2], rotation[:, 0], rotation[:, 1]
    yaw = math.degrees(math.atan2(forward[0], forward[2]))
    if calibrate:
        yaw = calibrated_yaw(yaw)
    pitch = math.degrees(math.atan2(forward[1], math.hypot(forward[0], forward[2])))
    roll = math.degrees(math.atan2(-x_face[1], y_face[1]))
    return Pose(yaw, pitch, roll)


def estimate_pose(points: np.ndarray, geometry: FaceGeometry) -> Pose:
    """Pose from a (478, 3) mesh in pixels (x right, y down, z away from the camera)."""
    return pose_from_matrix(transformation_matrix(points, geometry))


def is_tilted(pose: Pose) -> bool:
    """A frontal photo's head is tilted enough to distort vertical proportions or the midline."""
    return abs(pose.pitch) > TILT_MAX_PITCH or abs(pose.roll) > TILT_MAX_ROLL


def doubted_turned(pose: Pose) -> Pose:
    """The pose of a face the landmark model doubts is there (face presence below its threshold):
    a turned one (|yaw| > FRONTAL_MAX_YAW) is read as at least a profile (|yaw| >= PROFILE_MIN_YAW).

    Where the model doubts the face it squeezes it toward the frontal shape it knows and reads the yaw
    low: on the dev set (bench/accuracy.py) all 23 such faces were turned, 22 of them past 60 deg (true
    60-97 deg), and 8 of those read 29-55 deg, i.e. "oblique". Pitch and roll are kept.
    """
    if abs(pose.yaw) <= FRONTAL_MAX_YAW or abs(pose.yaw) >= PROFILE_MIN_YAW:
        return pose
    return Pose(math.copysign(PROFILE_MIN_YAW, pose.yaw), pose.pitch, pose.roll)


def classify_view(pose: Pose) -> str:
    """One of VIEWS from the pose. Side words refer to the patient's side facing the camera."""
    ayaw = abs(pose.yaw)
    if pose.pitch >= BASE_MIN_PITCH and ayaw < PROFILE_MIN_YAW:
        return "base"
    if ayaw <= FRONTAL_MAX_YAW:
        return "frontal"
    side = "right" if pose.yaw > 0 else "left"
    return f"{side}_profile" if ayaw >= PROFILE_MIN_YAW else f"{side}_oblique"


def view_family(view: str) -> str:
    """frontal | oblique | profile | base."""
    return view.split("_")[-1]
