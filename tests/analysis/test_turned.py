"""Issue #16: the landmark model's measured turned-face error is taken off the mesh (turned.py) only on
turned faces, by the measured amount, the same way on a face and on its mirror image."""

from __future__ import annotations

import numpy as np
import pytest

from maya_desktop.core.analysis import turned
from maya_desktop.core.analysis.loader import get_models
from maya_desktop.core.analysis.mirror import MIRROR_INDEX


def _mesh() -> tuple[np.ndarray, np.ndarray]:
    """A face-like 478-point mesh in pixels (the canonical face seen from the front, 10 px per cm) and
    the canonical face."""
    canonical = get_models().geometry.canonical
    pts = np.zeros((478, 3))
    pts[:468, :2] = canonical[:, :2] * (10.0, -10.0) + (200.0, 200.0)
    pts[468:473, :2] = pts[[33, 133], :2].mean(axis=0)
    pts[473:, :2] = pts[[263, 362], :2].mean(axis=0)
    return pts, canonical


def test_frontal_face_is_left_as_the_model_placed_it() -> None:
    pts, canonical = _mesh()
    assert turned.correct_turned(pts, 20.0, True, canonical) is pts


@pytest.mark.parametrize(
    ("yaw", "sure", "table"),
    [(80.0, True, turned._PROFILE_SURE), (-75.0, False, turned._UNSURE), (35.0, False, turned._UNSURE)],
)
def test_profile_chin_moves_back_and_down_by_the_measured_offset(yaw: float, sure: bool, table: dict) -> None:
    """Past 70 deg the profile table applies in full; a face the model is unsure of gets its own table
    at any turned yaw (the model reads those faces' yaw low)."""
    pts, canonical = _mesh()
    out = turned.correct_turned(pts, yaw, sure, canonical)
    height = float(np.hypot(*(pts[152, :2] - pts[10, :2])))
    fwd, down = table[152]
    facing = 1 if yaw > 0 else -1
    # the mesh is upright: forward is image x toward the facing side, down is image y
    assert out[152, 0] - pts[152, 0] == pytest.approx(facing * fwd * height, abs=1e-6)
    assert out[152, 1] - pts[152, 1] == pytest.approx(down * height, abs=1e-6)
    assert out[152, 0] - pts[152, 0] < 0 if facing > 0 else out[152, 0] - pts[152, 0] > 0  # back
    assert np.array_equal(out[:, 2], pts[:, 2])
    # the rest follows smoothly: nothing moves farther than the largest anchor offset
    biggest = max(np.hypot(*v) for v in table.values()) * height
    assert float(np.hypot(*(out[:, :2] - pts[:, :2]).T).max()) <= biggest + 1e-6


def test_correction_grows_with_yaw_and_is_mirror_consistent() -> None:
    pts, canonical = _mesh()
    moves = [
        float(np.abs(turned.correct_turned(pts, y, True, canonical)[152, :2] - pts[152, :2]).sum())
        for y in (30, 45, 60, 70, 85)
    ]
    assert moves == sorted(moves) and moves[0] > 0 and moves[3] == pytest.approx(moves[4])
    # a mirrored face (x -> 400 - x, points renumbered) turned the other way gets the mirrored correction
    mirrored = pts[list(MIRROR_INDEX)].copy()
    mirrored[:, 0] = 400.0 - mirrored[:, 0]
    right = turned.correct_turned(pts, 70.0, True, canonical)
    left = turned.correct_turned(mirrored, -70.0, True, canonical)
    back = left[list(MIRROR_INDEX)].copy()
    back[:, 0] = 400.0 - back[:, 0]
    assert np.abs(back[:468, :2] - right[:468, :2]).max() < 0.5


def test_a_turned_face_the_model_doubts_is_read_as_a_profile() -> None:
    from maya_desktop.core.analysis.pose import Pose, classify_view, doubted_turned

    assert classify_view(doubted_turned(Pose(-41.0, 5.0, 2.0))) == "left_profile"
    assert doubted_turned(Pose(41.0, 5.0, 2.0)) == Pose(60.0, 5.0, 2.0)
    for kept in (Pose(10.0, 3.0, 1.0), Pose(-75.0, 0.0, 0.0)):  # frontal, or already a profile
        assert doubted_turned(kept) == kept
