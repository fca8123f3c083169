"""pixels: the engine's image operations without OpenCV (issue 11: OpenCV was 172 MB of the bundle).

Each operation is checked on its own promise (shapes, borders, components, borders of components), and,
where OpenCV is installed (the development environment has it through MediaPipe's declared dependencies;
the bundle does not), against the OpenCV call it replaced, on a real photo:
- bit-identical: grey, Laplacian, area resizing (whole and fractional factors), 8-bit CIELAB (on all 2^24
  colours), 3x3 dilation/opening, component labels, the largest outer contour, and the bilinear warp as
  OpenCV computes it itself;
- on x86 OpenCV hands the warp to Intel IPP when the CPU allows, whose rounding differs by one grey level on
  about 1 in 10^4 values, all of them within 0.002 of a half; so OpenCV's own output differed between PCs.
The analysis output on every photo of tests/photos, of the project's shared photo set and of the accuracy
set (both read by bench/ only, never by a test) was compared before and after the change (issue 11 report).
"""

from __future__ import annotations

import os
import subprocess
import sys
from functools import cache
from typing import Any

import numpy as np
import pytest
from PIL import Image

from maya_desktop.core.analysis import pixels
from tests.conftest import FACES


@cache
def _photo() -> np.ndarray:
    return np.asarray(Image.open(FACES / "obama.jpg").convert("RGB"))


def _cv2() -> Any:  # OpenCV has no type information
    return pytest.importorskip("cv2", reason="OpenCV not installed: the comparisons with it are skipped")


def test_grey_and_laplacian() -> None:
    rgb = np.array([[[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 255]]], np.uint8)
    assert pixels.rgb_to_grey(rgb).tolist() == [[76, 150, 29, 255]]
    g = np.zeros((5, 5), np.uint8)
    g[2, 2] = 10
    lap = pixels.laplacian(g)
    assert lap[2, 2] == -40 and lap[1, 2] == lap[2, 1] == 10 and lap[0, 0] == 0
    assert pixels.laplacian(np.full((4, 6), 7, np.uint8)).any() == False  # noqa: E712 - flat: all zero


def test_lab_of_known_colours() -> None:
    rgb = np.array([[[0, 0, 0], [255, 255, 255], [128, 128, 128], [255, 0, 0]]], np.uint8)
    lab = pixels.rgb_to_lab(rgb)[0].tolist()
    assert lab[0] == [0, 128, 128] and lab[1] == [255, 128, 128] and lab[2][1:] == [128, 128]
    assert lab[3][1] > 190 and lab[3][2] > 180  # red: large +a, +b


def test_area_resize_and_reduction() -> None:
    img = np.arange(36, dtype=np.uint8).reshape(6, 6)
    assert pixels.reduce_area(img, 2).tolist() == [[4, 6, 8], [16, 18, 20], [28, 30, 32]]  # 3.5 -> 4 (half up)
    assert pixels.reduce_area(img, 3).tolist() == [[7, 10], [25, 28]]
    assert pixels.resize_area(img, 3, 3).tolist() == pixels.reduce_area(img, 2).tolist()
    small = pixels.resize_area(_photo(), 101, 77)
    assert small.shape == (77, 101, 3) and small.dtype == np.uint8


def test_warp_identity_shift_and_borders() -> None:
    src = _photo()[:40, :50]
    same = pixels.warp_affine(src, np.array([[1.0, 0, 0], [0, 1.0, 0]]), (50, 40))
    assert np.array_equal(same, src)
    shifted = pixels.warp_affine(src, np.array([[1.0, 0, 10], [0, 1.0, 5]]), (50, 40))
    assert np.array_equal(shifted[:35, :40], src[5:, 10:]) and not shifted[:, 40:].any()  # black beyond
    edge = pixels.warp_affine(src, np.array([[1.0, 0, 10], [0, 1.0, 5]]), (50, 40), "replicate")
    assert np.array_equal(edge[:35, 45], src[5:, 49])
    whole = pixels.warp_affine(src, np.array([[0.9, 0.2, 3.3], [-0.2, 0.9, 7.1]]), (50, 40), "replicate")
    part = pixels.warp_affine(src, np.array([[0.9, 0.2, 3.3], [-0.2, 0.9, 7.1]]), (50, 40), "replicate", (5, 6, 30, 33))
    assert np.array_equal(part, whole[6:33, 5:30])  # a window is the same pixels as the whole


def test_warp_beyond_the_border_padded_box_equals_clamped_samples(monkeypatch: pytest.MonkeyPatch) -> None:
    """A region reaching past the photo (a side view's landmark region) is sampled from the reached part
    padded with black; the values are those of the clamp-and-mask path, partly or wholly outside."""
    src = _photo()[:90, :120]
    rng = np.random.default_rng(7)
    maps = [np.array([[1.0, 0, -30.0], [0, 1.0, 50.0]]), np.array([[1.0, 0, 500.0], [0, 1.0, 0.0]])]
    for _ in range(20):
        a, s = rng.uniform(-1, 1), rng.uniform(0.3, 1.2)
        maps.append(
            np.array(
                [
                    [np.cos(a) * s, -np.sin(a) * s, rng.uniform(-80, 150)],
                    [np.sin(a) * s, np.cos(a) * s, rng.uniform(-60, 100)],
                ]
            )
        )
    boxed = [pixels.warp_affine(src, m, (64, 48)) for m in maps]
    edged = [pixels.warp_affine(src, m, (64, 48), "replicate") for m in maps]
    assert not boxed[1].any()  # wholly beyond the photo: black
    assert np.array_equal(edged[1], np.repeat(src[:48, -1:], 64, axis=1))  # or the photo's last column
    monkeypatch.setattr(pixels, "_PAD_MAX_AREA", 0)  # every warp takes the clamp-and-mask path
    for m, got, edge in zip(maps, boxed, edged, strict=True):
        assert np.array_equal(got, pixels.warp_affine(src, m, (64, 48)))
        assert np.array_equal(edge, pixels.warp_affine(src, m, (64, 48), "replicate"))


def test_components_and_contour() -> None:
    m = np.zeros((8, 10), np.uint8)
    m[1:3, 1:3] = 1
    m[3, 3] = 1  # diagonal neighbour: the same component (8-connectivity)
    m[5:7, 6:9] = 1
    labels, n = pixels.label_components(m)
    assert n == 2 and labels[1, 1] == labels[3, 3] == 1 and labels[6, 8] == 2 and labels[0, 0] == 0
    square = np.zeros((6, 6), bool)
    square[1:4, 2:5] = True
    border = pixels.trace_outer_border(square)
    assert border[0].tolist() == [2, 1] and len(border) == 8  # every border pixel once, from the first one
    assert {tuple(p) for p in border.tolist()} == {(x, y) for y in (1, 2, 3) for x in (2, 3, 4)} - {(3, 2)}
    biggest = pixels.largest_outer_border(m.astype(bool))
    assert biggest is not None and pixels.polygon_area(biggest) == 2.0
    assert pixels.largest_outer_border(np.zeros((4, 4), bool)) is None


def test_morphology_and_hull() -> None:
    m = np.zeros((7, 7), np.uint8)
    m[3, 3] = 1
    assert pixels.dilate3(m).sum() == 9 and pixels.erode3(pixels.dilate3(m)).sum() == 1
    assert pixels.open3(m).sum() == 0  # a single pixel does not survive opening
    hull = pixels.convex_hull(np.array([[1, 1], [5, 1], [5, 5], [1, 5], [3, 3]]))
    assert len(hull) == 4
    inside = pixels.fill_convex((8, 8), hull)
    assert inside.sum() == 25 and inside[3, 3] and not inside[0, 0]


def _inside_by_half_planes(shape: tuple[int, int], hull: np.ndarray) -> np.ndarray:
    """Every pixel tested against every edge of the (counter-clockwise or clockwise) hull: the definition."""
    ys, xs = np.mgrid[0 : shape[0], 0 : shape[1]]
    n = len(hull)
    area2 = sum(int(hull[k][0] * hull[(k + 1) % n][1] - hull[(k + 1) % n][0] * hull[k][1]) for k in range(n))
    sign = 1 if area2 > 0 else -1
    inside = np.ones(shape, bool)
    for k in range(n):
        (ax, ay), (bx, by) = hull[k], hull[(k + 1) % n]
        inside &= sign * ((bx - ax) * (ys - ay) - (by - ay) * (xs - ax)) >= 0
    return inside


def test_fill_convex_is_every_pixel_on_the_inner_side_of_every_edge() -> None:
    # fill_convex computes one span per row; the definition tests each pixel against each edge. Hulls partly
    # beyond the image, thin slivers and near-level edges included.
    rng = np.random.default_rng(16)
    for i in range(400):
        points = rng.integers(-20, 80, size=(int(rng.integers(3, 30)), 2))
        if i % 4 == 0:
            points = np.column_stack((rng.integers(0, 60, 8), rng.integers(30, 33, 8)))  # a sliver
        hull = pixels.convex_hull(points)
        if len(hull) < 3:
            continue
        shape = (int(rng.integers(5, 70)), int(rng.integers(5, 70)))
        assert np.array_equal(pixels.fill_convex(shape, hull), _inside_by_half_planes(shape, hull)), i


def test_same_as_opencv_on_a_photo() -> None:
    cv2 = _cv2()
    rgb = _photo()
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    assert np.array_equal(pixels.rgb_to_grey(rgb), grey)
    assert np.array_equal(pixels.laplacian(grey), cv2.Laplacian(grey, cv2.CV_64F))
    for k in (2, 3, 4, 5):
        h, w = rgb.shape[0] // k * k, rgb.shape[1] // k * k
        want = cv2.resize(rgb[:h, :w], (w // k, h // k), interpolation=cv2.INTER_AREA)
        assert np.array_equal(pixels.reduce_area(rgb, k), want), k
    for size in ((384, 300), (256, 211), (123, 77), (455, 455)):
        assert np.array_equal(pixels.resize_area(rgb, *size), cv2.resize(rgb, size, interpolation=cv2.INTER_AREA))
        assert np.array_equal(pixels.resize_area(grey, *size), cv2.resize(grey, size, interpolation=cv2.INTER_AREA))
    assert np.array_equal(pixels.rgb_to_lab(rgb), cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB))
    rng = np.random.default_rng(3)
    for _ in range(3):
        a, s = rng.uniform(-1, 1), rng.uniform(0.5, 3)
        m = np.array([[np.cos(a) * s, -np.sin(a) * s, rng.uniform(-50, 300)], [np.sin(a) * s, np.cos(a) * s, 99.0]])
        mine = pixels.warp_affine(rgb, m, (256, 256))
        with_ipp = cv2.warpAffine(rgb, m, (256, 256), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP)
        d = np.abs(mine.astype(int) - with_ipp)
        assert d.max() <= 1 and (d > 0).mean() < 3e-4
        cv2.ipp.setUseIPP(False)  # this thread only
        try:
            plain = cv2.warpAffine(rgb, m, (256, 256), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP)
        finally:
            cv2.ipp.setUseIPP(True)
        assert np.array_equal(mine, plain)
    mask = (rng.random((120, 160)) > 0.5).astype(np.uint8)
    assert np.array_equal(pixels.dilate3(mask), cv2.dilate(mask, np.ones((3, 3), np.uint8)))
    assert np.array_equal(pixels.open3(mask), cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8)))
    n, want_labels, _stats, _centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    labels, count = pixels.label_components(mask)
    assert count == n - 1 and all(len(np.unique(labels[want_labels == i])) == 1 for i in range(1, n))
    yy, xx = np.mgrid[0:200, 0:260]
    blob = (((xx - 120) / 90.0) ** 2 + ((yy - 100) / 70.0) ** 2 < 1).astype(np.uint8)
    blob[60:80, 30:60] = 1
    blob[90:95, 200:240] = 0
    blob[5:9, 5:9] = 1
    contours, _ = cv2.findContours(blob, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    assert np.array_equal(pixels.largest_outer_border(blob), max(contours, key=cv2.contourArea)[:, 0, :])


def test_lab_and_grey_same_as_opencv_on_every_colour() -> None:
    cv2 = _cv2()
    every = np.arange(2**24, dtype=np.uint32)
    for part in np.array_split(every, 16):
        rgb = np.stack([(part >> 16) & 255, (part >> 8) & 255, part & 255], -1).astype(np.uint8).reshape(-1, 1024, 3)
        assert np.array_equal(pixels.rgb_to_lab(rgb), cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB))
        assert np.array_equal(pixels.rgb_to_grey(rgb), cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))


def test_analysis_loads_neither_opencv_nor_matplotlib() -> None:
    """The bundle ships neither: the engine and MediaPipe's tasks must run without importing them."""
    probe = (
        "import sys\n"
        "from maya_desktop.core.analysis.engine import analyze_image\n"
        f"res = analyze_image(open({str(FACES / 'obama.jpg')!r}, 'rb').read())\n"
        "assert res.view == 'frontal' and res.measurements, res.findings\n"
        "print(sorted(m for m in ('cv2', 'matplotlib') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=300, env=dict(os.environ)
    )
    assert out.returncode == 0, out.stderr[-800:]
    assert out.stdout.strip().splitlines()[-1] == "[]"
