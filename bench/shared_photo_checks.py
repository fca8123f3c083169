"""Analysis checks on ../shared/faces: kinds of photo no openly licensed package ships (a clean-background
real profile with hand-placed landmarks, a strongly turned face with sunglasses, a cartoon with big eyes).

The test suite carries only its own photos (tests/photos); these checks were tests before and run here,
where the shared set is, with pytest. Prints JSON: passed/failed per check, or {"skipped": reason}.

    .venv/bin/python bench/shared_photo_checks.py
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps

from maya_desktop.core.analysis import AnalysisResult, analyze_image
from maya_desktop.core.analysis.landmarks import MESH_LANDMARKS

REPO = Path(__file__).resolve().parents[1]
SHARED_FACES = REPO.parent / "shared" / "faces"
FACES = REPO / "tests" / "photos"
FRONTAL = ["astronaut.png", "obama.jpg", "biden.jpg", "grace_hopper.jpg"]
SHARED_PROFILE = "profile_left_masked.jpg"
_cache: dict[str, AnalysisResult] = {}


def _result(name: str) -> AnalysisResult:
    if name not in _cache:
        _cache[name] = analyze_image((SHARED_FACES / name).read_bytes())
    return _cache[name]


def _codes(r: AnalysisResult) -> set[str]:
    return {f.code for f in r.findings}


def _turned(img: Image.Image, degrees: float) -> Image.Image:
    """`img` turned counter-clockwise, the corners filled with the border's median colour (the clean
    background continues, as a photo taken a few degrees off level)."""
    border = np.concatenate([np.asarray(img)[[0, -1]].reshape(-1, 3), np.asarray(img)[:, [0, -1]].reshape(-1, 3)])
    fill = tuple(int(v) for v in np.median(border, axis=0))
    return img.rotate(degrees, resample=Image.BICUBIC, fillcolor=fill)


def test_turned_and_rolled_face_is_measured_only_where_the_pose_allows() -> None:
    """oblique_sunglasses.jpg (README: oblique): rolled ~30 deg and turned; the engine's yaw (~20 deg)
    agrees with the raw FaceLandmarker's matrix (23 deg), under the 25 deg frontal limit. Read as
    frontal, it must carry the pose warnings and leave every value the pose distorts unmeasured."""
    from maya_desktop.core.analysis.measurements import LATERAL_KEYS, PITCH_DISTORTED, ROLL_DISTORTED

    r = _result("oblique_sunglasses.jpg")
    assert r.view in ("frontal", "right_oblique")
    if r.view == "frontal":
        assert {"tilted_head", "pose_off"} <= _codes(r)
        distorted = [m for m in r.measurements if m.key in LATERAL_KEYS | PITCH_DISTORTED | ROLL_DISTORTED]
        assert distorted and all(m.status == "not_measurable" and "head" in m.reason for m in distorted)


def test_view_of_shared_photos() -> None:
    assert _result(SHARED_PROFILE).view == "left_profile"
    mirrored = ImageOps.mirror(Image.open(SHARED_FACES / SHARED_PROFILE).convert("RGB"))
    assert analyze_image(mirrored).view == "right_profile"


def test_profile_uses_silhouette_and_is_honest() -> None:
    r = _result(SHARED_PROFILE)
    assert r.landmarks["pronasale"].source == "silhouette"
    by_key = {m.key: m for m in r.measurements}
    # The fringe covers the glabella on this photo: the nasofrontal angle is honestly not measured.
    assert by_key["nasofrontal_angle"].value is None or 100 < by_key["nasofrontal_angle"].value < 170
    for m in r.measurements:
        if m.status == "not_measurable":
            assert m.value is None and m.reason


# Hand-placed on ../shared/faces/profile_left_masked.jpg (original pixels), read off a 5x crop with a
# 10 px grid:
# the silhouette's nasal tip, the columella-lip junction, the glabella (brow corner), the most anterior
# upper and lower lip points, the mentolabial fold and the chin's most anterior point. Tolerance: 5 px (4 % of the
# nasion-menton height); the chin is flat, so pogonion gets 8 px.
PROFILE_TRUTH = {
    "pronasale": ((97, 241), 5),
    "subnasale": ((119, 252), 5),
    "labrale_superius": ((122, 268), 5),
    "stomion": ((125, 277), 5),
    "labrale_inferius": ((127, 284), 5),
    "sublabiale": ((139, 297), 5),
    "pogonion": ((139, 308), 8),
    "nasion": ((110, 194), 6),
    # The forehead is nearly upright here: the brow's most prominent point is its lower corner.
    "glabella": ((98, 173), 6),
}


def test_profile_points_match_hand_placed() -> None:
    r = _result(SHARED_PROFILE)
    for name, ((x, y), tol) in PROFILE_TRUTH.items():
        lm = r.landmarks[name]
        assert lm.source == "silhouette" and lm.confidence >= 0.5, (name, lm)
        assert abs(lm.x - x) <= tol and abs(lm.y - y) <= tol, (name, lm.x, lm.y)
    by_key = {m.key: m for m in r.measurements}
    for key in (
        "nasolabial_angle",
        "nasomental_angle",
        "upper_lip_e_line_mm",
        "lower_lip_e_line_mm",
        "chin_riedel_mm",
        "dorsal_hump_pct",
    ):
        assert by_key[key].value is not None, (key, by_key[key].reason)
    assert 95 < by_key["nasolabial_angle"].value < 130  # by eye: about 110 deg on this face


def test_cartoon_gets_a_real_person_warning_and_portraits_do_not() -> None:
    """The cartoon is meshed like a face; its proportions (big eyes, small mouth and nose on the iris
    scale) give it away. A warning only: a real face with one unusual feature is still measured.
    (The shared set's cartoon: the repository's clip-art Einstein is drawn closer to human proportions;
    it is flagged by its pixels instead, test_drawing_is_flagged_by_its_flat_fills_and_outlines.)"""
    r = analyze_image((SHARED_FACES / "cartoon_not_a_person.jpg").read_bytes())
    warned = [f for f in r.findings if f.code == "implausible_proportions"]
    assert warned and warned[0].severity == "warning" and not r.refused
    for name in FRONTAL:
        assert "implausible_proportions" not in _codes(analyze_image((FACES / name).read_bytes())), name


def test_side_photo_angles_hold_under_turn_mirror_and_jpeg() -> None:
    """The outline's points are placed to a fraction of a pixel (silhouette.py): the nasofrontal, tip
    rotation and nasomental angles move at most 2 deg (issue #16's target) when the side photo is
    mirrored, re-encoded at JPEG q70 or turned by 5 deg either way; on the turns and the JPEG copy all
    five key measurements are produced."""

    from PIL import ImageOps

    img = Image.open(SHARED_FACES / SHARED_PROFILE).convert("RGB")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=70)
    base = analyze_image(img)
    variants = {"mirror": ImageOps.mirror(img), "jpeg_70": Image.open(buf), "turn_+5": _turned(img, 5),
                "turn_-5": _turned(img, -5)}
    keys = ("nasofrontal_angle", "nasolabial_angle", "tip_rotation_angle", "goode_ratio", "nasomental_angle")
    for label, variant in variants.items():
        other = analyze_image(variant)
        for key in keys:
            value = other.measurement(key).value  # type: ignore[union-attr]
            if label != "mirror":
                assert value is not None, (label, key, other.measurement(key).reason)  # type: ignore[union-attr]
            if key in ("nasofrontal_angle", "tip_rotation_angle", "nasomental_angle"):
                assert value is not None and abs(value - base.measurement(key).value) <= 2.0, (label, key, value)  # type: ignore[union-attr,operator]


def test_clean_side_photo_gives_the_key_profile_measurements() -> None:
    r = analyze_image((SHARED_FACES / SHARED_PROFILE).read_bytes())
    assert r.view == "left_profile" and not r.refused
    for key in ("nasofrontal_angle", "nasolabial_angle", "tip_rotation_angle", "goode_ratio", "nasomental_angle"):
        m = r.measurement(key)
        assert m is not None and m.value is not None, (key, m and m.reason)
        for name in m.points:
            assert r.landmarks[name].confidence >= 0.5, (key, name)



def test_profile_mesh_points_the_mirror_pass_disagrees_on_lose_confidence() -> None:
    """The mesh (mediapipe >= 1.2's model) is unsure of the chin's underside on the side photo (its two
    passes disagree by more than 5 % of the face height there), so menton is discounted below the measuring
    threshold, not drawn as located, and no measurement uses it; the visible ala's passes agree (~2 %)."""
    from maya_desktop.core.analysis.engine import HIDDEN_SIDE_TRUST, MESH_TRUST

    p = _result(SHARED_PROFILE)
    menton = p.landmarks["menton"]
    undiscounted = MESH_LANDMARKS["menton"][1] * MESH_TRUST["profile"]
    assert menton.source == "mesh" and menton.confidence < 0.5 < undiscounted
    assert all("menton" not in m.points for m in p.measurements if m.value is not None)
    assert p.landmarks["alar_crest_l"].confidence >= 0.5 > HIDDEN_SIDE_TRUST
    goode = next(m for m in p.measurements if m.key == "goode_ratio")
    assert goode.value is not None and "alar_crest_l" in goode.points


class _Collect:
    def __init__(self) -> None:
        self.outcomes: dict[str, str] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call" or report.outcome != "passed":
            self.outcomes[report.nodeid.split("::")[-1]] = report.outcome


def main() -> int:
    if not SHARED_FACES.is_dir():
        print(json.dumps({"skipped": f"needs the shared photo set: {SHARED_FACES} is absent"}, indent=2))
        return 0
    collect = _Collect()
    pytest.main(["-q", "-p", "no:cacheprovider", "-p", "no:randomly", __file__], plugins=[collect])
    failed = sorted(k for k, v in collect.outcomes.items() if v != "passed")
    print(json.dumps({"checks": collect.outcomes, "failed": failed}, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
