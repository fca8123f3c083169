"""Head pose (yaw, pitch, roll in degrees) from the mesh's 3D geometry, and the photo's view.

Conventions (image seen as displayed, not mirrored):
- yaw > 0: the nose points to the image's right, i.e. the patient's RIGHT side faces the camera
  ("right profile/oblique"); yaw < 0: the left side is shown.
- pitch > 0: chin up (nose points up), as in a base / worm's-eye view.
- roll > 0: the patient's left eye (image right) is lower than the right one.

The mesh's own depth (z, same scale as x) gives the face's axes directly, so no camera model or
solvePnP is needed; the mesh is a weak-perspective fit anyway. The mesh compresses large yaws (a
true profile reads about 65 deg) and under-reads occluded faces, so yaw is the mean of the mesh
estimate and a 2D cue: where the nasal tip sits between the two cheek outlines (0.5 = frontal).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

VIEWS = ("frontal", "left_oblique", "right_oblique", "left_profile", "right_profile", "base")

FRONTAL_MAX_YAW = 25.0
PROFILE_MIN_YAW = 60.0
# 2D cue: (tip position between the cheek outlines - 0.5) ~= TIP_GAIN * sin(yaw); fitted on the
# frontal test portraits turned 12-13 deg (biden.jpg, trump.jpg).
TIP_GAIN = 0.7
BASE_MIN_PITCH = 30.0

_RIGHT_SIDE = (33, 133, 61, 129)  # patient's right: eye corners, mouth corner, ala
_LEFT_SIDE = (263, 362, 291, 358)
_TOP, _BOTTOM = (10, 151, 9), (152, 175, 199)


@dataclass
class Pose:
    yaw: float
    pitch: float
    roll: float

    def to_dict(self) -> dict[str, float]:
        return {"yaw": round(self.yaw, 1), "pitch": round(self.pitch, 1), "roll": round(self.roll, 1)}


def estimate_pose(points: np.ndarray) -> Pose:
    """Pose from a (478, 3) mesh in pixels (x right, y down, z away from the camera)."""
    x_axis = points[list(_LEFT_SIDE)].mean(axis=0) - points[list(_RIGHT_SIDE)].mean(axis=0)
    y_axis = points[list(_BOTTOM)].mean(axis=0) - points[list(_TOP)].mean(axis=0)
    x_axis /= np.linalg.norm(x_axis)
    y_axis -= x_axis * float(y_axis @ x_axis)
    y_axis /= np.linalg.norm(y_axis)
    forward = -np.cross(x_axis, y_axis)  # x right, y down => cross points away from the camera
    yaw_mesh = math.degrees(math.atan2(forward[0], -forward[2]))
    axis = points[454, :2] - points[234, :2]
    t = float((points[1, :2] - points[234, :2]) @ axis / max(float(axis @ axis), 1e-9))
    yaw_2d = math.degrees(math.asin(max(-1.0, min(1.0, (t - 0.5) / TIP_GAIN))))
    yaw = (yaw_mesh + yaw_2d) / 2
    pitch = math.degrees(math.atan2(-forward[1], math.hypot(forward[0], forward[2])))
    # Roll from the 2D eye line (iris centres), which is what a person judges as "tilted".
    eye = points[473, :2] - points[468, :2]
    roll = math.degrees(math.atan2(eye[1], eye[0]))
    return Pose(yaw, pitch, roll)


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
