"""Issue #16: vendored, checksummed models; head tilt and hair reported honestly; the silhouette used only
where it agrees with the mesh; unsure points neither drawn nor measured."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from maya_desktop.core.analysis import analyze_image, analyze_with_overlay, compute_measurements, loader
from maya_desktop.core.analysis.landmarks import Landmark
from maya_desktop.core.analysis.overlay import render_overlay
from maya_desktop.core.analysis.silhouette import fuse


@pytest.mark.parametrize("name", sorted(loader.MODEL_SHA256))
def test_vendored_model_matches_its_checksum_file(name: str) -> None:
    path = loader.model_path(name)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    listed = Path(f"{path}.sha256").read_text().split()
    assert listed == [digest, name] and loader.MODEL_SHA256[name] == digest
    assert (path.parent / "LICENSE").read_text().lstrip().startswith("Apache License")


def test_altered_or_missing_model_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = loader.model_path(loader.LANDMARKER_FILE).read_bytes()
    assert loader.read_checked(loader.LANDMARKER_FILE) == good
    altered = bytearray(good)
    altered[len(altered) // 2] ^= 0x01  # one bit
    (tmp_path / loader.LANDMARKER_FILE).write_bytes(bytes(altered))
    monkeypatch.setattr(loader, "model_path", lambda name: tmp_path / name)
    with pytest.raises(loader.ModelFileError) as err:
        loader.read_checked(loader.LANDMARKER_FILE)
    assert "not the expected file" in err.value.message_en and "SHA-256" in err.value.message_fa
    with pytest.raises(loader.ModelFileError) as err:
        loader.read_checked(loader.FULL_RANGE_FILE)  # not in tmp_path
    assert "missing" in err.value.message_en


def test_canonical_face_geometry_read_from_the_bundle() -> None:
    geo = loader.get_models().geometry
    assert geo.canonical.shape == (468, 3) and len(geo.basis) == len(geo.weights) > 20
    # The canonical face: the patient's right eye corner (33) on -x, the nose (tip 1, 4) nearest the viewer.
    assert geo.canonical[33, 0] < 0 < geo.canonical[263, 0]
    assert int(np.argmax(geo.canonical[:, 2])) in (1, 4) and geo.canonical[1, 2] > geo.canonical[168, 2] + 1


def test_rolled_frontal_is_warned_and_its_midline_values_not_measured(faces: Path) -> None:
    img = Image.open(faces / "obama.jpg").convert("RGB")
    level = analyze_image(img)
    assert "tilted_head" not in {f.code for f in level.findings}
    rolled = analyze_image(img.rotate(-16, resample=Image.BICUBIC, expand=True))
    assert rolled.view == "frontal" and rolled.pose is not None and rolled.pose.roll > 10
    assert "tilted_head" in {f.code for f in rolled.findings} and not rolled.refused
    axis = rolled.measurement("nasal_axis_deviation_deg")
    assert axis is not None and axis.status == "not_measurable" and "sideways" in axis.reason
    assert level.measurement("nasal_axis_deviation_deg").value is not None  # type: ignore[union-attr]


def test_chin_up_pitch_makes_vertical_proportions_not_measurable(faces: Path) -> None:
    analysis = analyze_image((faces / "obama.jpg").read_bytes())
    size = (analysis.image_width, analysis.image_height)
    level = {m.key: m for m in compute_measurements(analysis.landmarks, "frontal", size, pitch=3.0)}
    up = {m.key: m for m in compute_measurements(analysis.landmarks, "frontal", size, pitch=34.0)}
    for key in ("nasal_axis_deviation_deg", "lower_middle_third_ratio", "chin_height_share"):
        assert level[key].value is not None
        assert up[key].status == "not_measurable" and "tilted up 34" in up[key].reason
    assert up["intercanthal_mm"].value == level["intercanthal_mm"].value  # widths are not affected


def test_fringe_makes_the_thirds_not_measurable_instead_of_below_normal(faces: Path) -> None:
    fringe = analyze_image((faces / "astronaut.png").read_bytes())
    assert "forehead_covered" in {f.code for f in fringe.findings} and "trichion" not in fringe.landmarks
    for key in ("upper_third_pct", "middle_third_pct", "lower_third_pct"):
        m = fringe.measurement(key)
        assert m is not None and m.status == "not_measurable" and "hair covers the forehead" in m.reason
    bare = analyze_image((faces / "obama.jpg").read_bytes())
    assert "forehead_covered" not in {f.code for f in bare.findings} and "trichion" in bare.landmarks
    # A doctor who places the hairline by hand gets the thirds back.
    placed = dict(fringe.landmarks, trichion=Landmark(fringe.landmarks["glabella"].x, 40.0, 1.0, "corrected"))
    size = (fringe.image_width, fringe.image_height)
    thirds = {m.key: m for m in compute_measurements(placed, "frontal", size, hairline_reason="hair")}
    assert thirds["upper_third_pct"].value is not None


def test_silhouette_point_taken_only_where_it_agrees_with_the_mesh() -> None:
    mesh = {
        "pronasale": Landmark(100.0, 100.0, 0.58, "mesh"),
        "nasion": Landmark(110.0, 50.0, 0.58, "mesh"),
        "subnasale": Landmark(115.0, 120.0, 0.58, "mesh"),
        "pogonion": Landmark(120.0, 180.0, 0.3, "mesh"),
    }
    outline = {
        "pronasale": Landmark(96.0, 98.0, 0.8, "silhouette"),  # 2 % of the face height ahead: agrees
        "nasion": Landmark(110.0, 10.0, 0.8, "silhouette"),  # 20 % above (a glasses bridge): disagrees
        "subnasale": Landmark(125.0, 120.0, 0.8, "silhouette"),  # 5 % BEHIND the mesh: not the outline's
        "pogonion": Landmark(121.0, 182.0, 0.4, "silhouette"),  # unsure itself
        "dorsum_max": Landmark(104.0, 70.0, 0.8, "silhouette"),
    }
    unsure = fuse(mesh, outline, face_height=200.0, facing=-1)  # nose points to the image's left
    assert mesh["pronasale"].source == "silhouette" and mesh["pronasale"].xy() == (96.0, 98.0)
    # Disagreement: the mesh point stays where it was but is no longer "located".
    assert mesh["nasion"].source == "mesh" and mesh["nasion"].y == 50.0 and mesh["nasion"].confidence < 0.5
    assert mesh["subnasale"].source == "mesh" and mesh["subnasale"].confidence < 0.5
    # An unsure outline point near the mesh changes nothing.
    assert mesh["pogonion"].source == "mesh" and mesh["pogonion"].confidence == 0.3
    assert unsure == ["nasion", "subnasale", "pogonion"]
    assert "dorsum_max" not in mesh  # needs both nasion and pronasale from the outline


def test_unsure_points_are_not_drawn(faces: Path) -> None:
    img = Image.open(faces / "obama.jpg").convert("RGB")
    result, _ = analyze_with_overlay(img)
    without = render_overlay(img, result)
    unsure = result.landmarks["menton"]
    result.landmarks["extra_unsure_point"] = Landmark(unsure.x - 40, unsure.y - 40, 0.3, "mesh")
    assert np.array_equal(np.asarray(render_overlay(img, result)), np.asarray(without))
    result.landmarks["extra_unsure_point"].confidence = 0.9
    assert not np.array_equal(np.asarray(render_overlay(img, result)), np.asarray(without))


def test_a_face_the_landmark_model_doubts_has_no_point_confident_enough_to_measure() -> None:
    """Face presence below the model's threshold: every point (mesh or silhouette) ends below
    measurements.MIN_CONFIDENCE, however confident it was; a face the model is sure of is untouched."""
    from maya_desktop.core.analysis import engine, measurements

    def points() -> dict[str, Landmark]:
        return {"nasion": Landmark(1, 2, 0.9, "silhouette"), "pronasale": Landmark(3, 4, 0.8, "mesh")}

    for presence in (0.49, 0.3, 0.0):
        doubted = points()
        engine._doubt_face(doubted, presence)
        assert all(lm.confidence < measurements.MIN_CONFIDENCE for lm in doubted.values()), presence
    for presence in (None, 0.5, 0.9):
        sure = points()
        engine._doubt_face(sure, presence)
        assert [lm.confidence for lm in sure.values()] == [0.9, 0.8]
