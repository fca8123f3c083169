"""Nose simulation on a real side photo (tests/photos/profile_left_cameraman.jpg): the warp is applied
around the nose and nowhere else, the measurements move the way the surgeon's change says, the original
array is untouched, and nothing is written to disk."""

from __future__ import annotations

import io
import math
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from maya_desktop.core.analysis import Landmark, analyze_image
from maya_desktop.core.analysis.simulation import NoseChange, SimulationError, simulate_nose

PHOTO = Path(__file__).resolve().parents[1] / "photos" / "profile_left_cameraman.jpg"
VIEW = "left_profile"


@pytest.fixture(scope="module")
def side():  # type: ignore[no-untyped-def]
    """The photo's pixels and its landmarks, confirmed as the doctor would (the engine is unsure of
    the profile points on this small photo; the report tests confirm them the same way)."""
    data = PHOTO.read_bytes()
    result = analyze_image(data, declared_view=VIEW).to_dict()
    lms = {n: Landmark(v["x"], v["y"], 1.0, "corrected") for n, v in result["landmarks"].items()}
    (nx, ny), (px, py) = (lms["nasion"].x, lms["nasion"].y), (lms["pronasale"].x, lms["pronasale"].y)
    # a small hump: the dorsum's highest point a little in front of the nasion-tip line
    lms["dorsum_max"] = Landmark((nx + px) / 2 - 3, (ny + py) / 2, 1.0, "corrected")
    image = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
    return image, lms


def _values(sim, key):  # type: ignore[no-untyped-def]
    return next(m.value for m in sim.measurements(VIEW) if m.key == key)


def test_no_change_is_the_same_photo(side):
    image, lms = side
    sim = simulate_nose(image, lms, NoseChange())
    assert np.array_equal(sim.image, image) and sim.image is not image


def test_each_change_moves_its_measurement_the_expected_way(side):
    image, lms = side
    base = simulate_nose(image, lms, NoseChange(), mm_per_px=0.25)
    before = {k: _values(base, k) for k in ("dorsal_hump_pct", "goode_ratio", "nasolabial_angle")}
    assert all(v is not None for v in before.values()), before
    hump = simulate_nose(image, lms, NoseChange(hump_mm=2.0), mm_per_px=0.25)
    assert _values(hump, "dorsal_hump_pct") < before["dorsal_hump_pct"]
    projection = simulate_nose(image, lms, NoseChange(projection_mm=2.0), mm_per_px=0.25)
    assert _values(projection, "goode_ratio") > before["goode_ratio"]
    rotation = simulate_nose(image, lms, NoseChange(rotation_deg=10.0), mm_per_px=0.25)
    assert _values(rotation, "nasolabial_angle") > before["nasolabial_angle"]
    opened = simulate_nose(image, lms, NoseChange(nasolabial_deg=8.0), mm_per_px=0.25)
    assert math.isclose(_values(opened, "nasolabial_angle"), before["nasolabial_angle"] + 8.0, abs_tol=0.01)
    # the tip turns upward (toward the forehead: smaller y), whichever way the nose points
    assert rotation.landmarks["pronasale"].y < lms["pronasale"].y


def test_warp_is_applied_around_the_nose_only_and_the_original_is_untouched(side, tmp_path, monkeypatch):
    image, lms = side
    image.setflags(write=False)  # any write to the original would raise
    copy = image.copy()
    monkeypatch.chdir(tmp_path)
    before_files = set(os.listdir(tmp_path))
    sim = simulate_nose(image, lms, NoseChange(hump_mm=2.0, projection_mm=1.5, rotation_deg=8.0), mm_per_px=0.25)
    assert np.array_equal(image, copy), "the original photo was changed"
    assert set(os.listdir(tmp_path)) == before_files, "the simulation wrote a file"
    diff = np.abs(sim.image.astype(int) - image.astype(int)).sum(axis=2)
    changed = np.argwhere(diff > 12)
    assert len(changed) > 50, "no visible warp"
    # every changed pixel is near the nose (within the warp radius of the moved points)
    nose = np.array([[lms[n].x, lms[n].y] for n in ("nasion", "pronasale", "subnasale")])
    radius = 0.75 * math.dist((lms["nasion"].x, lms["nasion"].y), (lms["subnasale"].x, lms["subnasale"].y))
    far = np.min(np.linalg.norm(changed[:, ::-1][:, None, :] - nose[None, :, :], axis=2), axis=1)
    assert far.max() < 2.5 * radius
    # far from the face nothing moved at all
    assert np.array_equal(sim.image[:100], image[:100])
    # the tip moved forward by 1.5 mm (6 px) before the rotation: the warped photo shows skin where it went
    tip = sim.landmarks["pronasale"]
    assert (tip.x, tip.y) != (lms["pronasale"].x, lms["pronasale"].y)


def test_refuses_without_nose_points_or_beyond_limits(side):
    image, lms = side
    with pytest.raises(SimulationError):
        simulate_nose(image, {k: v for k, v in lms.items() if k != "pronasale"}, NoseChange(hump_mm=1))
    with pytest.raises(SimulationError):
        simulate_nose(image, lms, NoseChange(hump_mm=50))
