"""Issue #16, side-photo stability: the outline is searched in the frame of its own facial line (not the
mesh's, which jitters between a photo and its copies), and subnasale is the centre of the columella-lip
corner, not its deepest contour sample."""

from __future__ import annotations

import math

import numpy as np
import pytest

from maya_desktop.core.analysis import silhouette
from maya_desktop.core.analysis.imageio import decode
from maya_desktop.core.analysis.silhouette import _Outline, _subnasale_on_contour


def _identity(x: float, y: float) -> tuple[float, float]:
    return (x, y)


def _outline(found: dict[str, tuple[float, float, float]]) -> _Outline:
    return _Outline(found, np.zeros(1), np.zeros((1, 1), np.uint8), np.zeros((1, 1)), -1, _identity)


@pytest.mark.parametrize(("lean_deg", "reframed"), [(5.0, True), (40.0, False)])
def test_final_pass_is_framed_by_the_outlines_facial_line(
    monkeypatch: pytest.MonkeyPatch, lean_deg: float, reframed: bool
) -> None:
    """A left-facing outline whose pogonion -> glabella line leans `lean_deg` toward the nose: the final
    pass runs in that line's frame (turned back by OUTLINE_LEAN), the first on a half-size crop; a line
    farther than MAX_REFRAME from the mesh's frame is a misfound point and the mesh's frame stays."""
    calls: list[tuple[float, float]] = []
    a = math.radians(lean_deg)
    chin = (100.0, 200.0, 0.8)
    top = (chin[0] - 120 * math.sin(a), chin[1] - 120 * math.cos(a), 0.8)  # left-facing: top toward -x

    def fake(dec, points, named, facing, angle, detail=1.0, beside=None):  # type: ignore[no-untyped-def]
        calls.append((angle, detail))
        return _outline({"glabella": top, "pogonion": chin} if len(calls) == 1 else {})

    monkeypatch.setattr(silhouette, "_outline", fake)
    pts = np.zeros((478, 3))
    pts[10, :2], pts[152, :2] = (0.0, 0.0), (0.0, 100.0)  # the mesh's line is upright
    dec = decode(np.full((64, 64, 3), 200, np.uint8))
    silhouette.refine_profile(dec, pts, {}, yaw=-80.0)
    mesh_angle = silhouette.UPRIGHT_LEAN  # an upright mesh line, facing left: 0 - facing * UPRIGHT_LEAN
    assert calls[0] == pytest.approx((mesh_angle, silhouette.FRAME_PASS_DETAIL))
    want = -lean_deg + silhouette.OUTLINE_LEAN if reframed else mesh_angle
    assert calls[1] == pytest.approx((want, 1.0))


def test_subnasale_is_the_centre_of_a_flat_corner_and_holds_when_its_deepest_sample_moves() -> None:
    """A corner whose floor is flat to a tenth of a pixel over 3 px: the deepest sample jumps from one
    end of the floor to the other with that tenth; the corner's centre stays put."""

    def corner(tilt: float) -> tuple[float, float]:
        # Contour (left-facing nose, so "behind" the tip -> lip chord is +x): down the front of the
        # columella, a flat floor x = 10 (+ tilt * y) from y = 9 to 12, then out to the lip.
        ys = np.arange(0.0, 21.0, 0.25)
        xs = np.where(ys < 9, ys * 10 / 9, np.where(ys <= 12, 10 + tilt * (ys - 10.5), 10 - (ys - 12) * 10 / 9))
        t = np.linspace(0.0, 1.0, 200)[:, None]  # closed round the back of the face, in as fine steps
        back = np.vstack(
            [(1 - t) * a + t * b for a, b in (((0, 21), (60, 21)), ((60, 21), (60, -1)), ((60, -1), (0, -1)))]
        )
        contour = np.vstack((np.column_stack((xs, ys)), back))
        found = {"pronasale": (0.0, 0.0, 0.8), "labrale_superius": (0.0, 20.0, 0.8), "subnasale": (5.0, 10.0, 0.8)}
        _subnasale_on_contour(found, contour, -1)
        return found["subnasale"][0], found["subnasale"][1]

    up, down = corner(-0.03), corner(0.03)  # deepest sample at y = 9 and at y = 12
    assert up[1] == pytest.approx(10.5, abs=0.3) and down[1] == pytest.approx(10.5, abs=0.3)
    assert abs(up[1] - down[1]) < 0.5


def test_upper_lip_is_the_centre_of_its_flat_front() -> None:
    """A right-facing outline whose upper lip has a flat front (rows 78-82 equally far forward, the sides
    falling evenly): labrale superius is its centre row (silhouette.PLATEAU), where the single most
    anterior row, the first of the flat ones, moved with a pixel's noise between a photo and its copies."""
    rows = np.arange(200, dtype=np.float64)
    # anteriority per row: nose tip 40, subnasale 60, upper lip 78-82, stomion 95, lower lip 105,
    # sublabiale 120, pogonion 140, the chin's end at row 150 (nothing below it)
    keys = [(0, 60), (40, 100), (60, 80), (70, 82), (78, 88), (82, 88), (90, 82), (95, 80), (105, 86), (120, 78)]
    keys += [(140, 85), (150, 80)]
    smooth = np.interp(rows, [k[0] for k in keys], [k[1] for k in keys])
    smooth[151:] = np.nan
    seed = {"labrale_superius": (88.0, 80.0), "pogonion": (85.0, 140.0)}
    found = silhouette._lower_profile(smooth, 1, 40.0, 95.0, 150.0, 40.0, seed, 1.0)
    assert round(found["subnasale"][1]) == 60
    assert found["labrale_superius"][1] == pytest.approx(80.0, abs=0.05)
    assert found["labrale_superius"][0] == pytest.approx(88.0)
    assert found["labrale_superius"][2] == silhouette.BASE_CONFIDENCE  # a real extreme, near the mesh's
