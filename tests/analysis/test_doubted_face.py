"""Issue #16: a face the landmark model rejects in every framing gets the point-wise median of its
answers in all candidate regions, not the answer of the one region it briefly accepted (mesh.py)."""

from __future__ import annotations

import numpy as np

from maya_desktop.core.analysis import mesh
from maya_desktop.core.analysis.imageio import DecodedImage
from maya_desktop.core.analysis.regions import unmirror


class _Model:
    """Answers each landmark pass with a flat mesh at a chosen place and presence, in call order; the
    mirrored pass agrees exactly (its answer un-mirrors to the direct one)."""

    def __init__(self, answers: list[tuple[float, float]]) -> None:
        self.answers = answers
        self.calls = 0

    def landmarks_pair(
        self, first: object, second: object
    ) -> tuple[tuple[np.ndarray, float], tuple[np.ndarray, float]]:
        value, presence = self.answers[min(self.calls, len(self.answers) - 1)]
        self.calls += 1
        pts = np.zeros((478, 3))
        pts[:, :2] = value
        return (pts, presence), (unmirror(pts.copy()), presence)


def test_doubted_face_gets_the_median_of_every_candidate_region() -> None:
    dec = DecodedImage(np.zeros((100, 100, 3), np.uint8), 100, 100, 1.0)
    box = mesh.Box(30, 30, 40, 40)
    keypoints = np.array([[40, 45], [60, 45], [50, 55], [50, 65], [30, 50], [70, 50]], dtype=np.float64)
    # candidate 1 rejected, candidate 2 accepted (0.9) but the refining pass rejects its region, then
    # the three remaining candidates, all rejected
    model = _Model([(0.40, 0.1), (0.60, 0.9), (0.60, 0.1), (0.42, 0.1), (0.44, 0.1), (0.46, 0.1)])
    points, spread, presence = mesh._landmarks_in_region(model, dec, box, keypoints, None)  # type: ignore[arg-type]
    assert model.calls == 6  # every candidate region ran once, the accepted one was refined once
    assert presence < mesh.PRESENCE_MIN
    assert np.allclose(points[:, :2], 44.0)  # median of 40, 60, 42, 44, 46 (x 100 px)
    assert np.allclose(spread, 0.0)


def test_a_face_the_model_accepts_keeps_its_refined_points() -> None:
    dec = DecodedImage(np.zeros((100, 100, 3), np.uint8), 100, 100, 1.0)
    model = _Model([(0.50, 0.9), (0.52, 0.95), (0.53, 0.97)])
    points, _spread, presence = mesh._landmarks_in_region(model, dec, mesh.Box(30, 30, 40, 40), None, None)  # type: ignore[arg-type]
    # Without a seed (a side view): the first candidate region, then ONE refining pass (each region
    # built by the frontal rule drifts on side views: mesh.UNSEEDED_REFINE_PASSES), not two.
    assert model.calls == 2
    assert presence >= mesh.PRESENCE_MIN and np.allclose(points[:, :2], 52.0)
