"""Issue #16 (speed): the work the engine hands to the second core (the mirrored landmark pass, the
full-range detector, the drawn-photo check, half of the silhouette's pixels) gives the same analysis,
to the bit, as the same work done one step after another on the calling thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps

from maya_desktop.core.analysis import analyze_with_overlay, pixels
from maya_desktop.core.analysis.loader import Models, get_models
from maya_desktop.core.analysis.silhouette import _rotation, _split_rows
from tests.conftest import FACES

PHOTOS = sorted(p.name for p in FACES.iterdir() if p.suffix in {".jpg", ".png"})


@pytest.fixture
def models() -> Iterator[Models]:
    loaded = get_models()
    yield loaded
    loaded.concurrent = True


def _analysed(models: Models, image: Image.Image, concurrent: bool) -> tuple[str, bytes | None]:
    models.concurrent = concurrent
    result, overlay = analyze_with_overlay(image)
    return result.to_json(), None if overlay is None else overlay.tobytes()


@pytest.mark.parametrize("name", PHOTOS)
def test_analysis_on_two_cores_is_the_one_core_analysis(models: Models, faces: Path, name: str) -> None:
    image = Image.open(faces / name).convert("RGB")
    variants = [image, ImageOps.mirror(image)] if "profile" in name else [image]
    for photo in variants:
        one_core = _analysed(models, photo, concurrent=False)
        assert _analysed(models, photo, concurrent=True) == one_core
        assert _analysed(models, photo, concurrent=False) == one_core


def test_rows_split_between_the_cores_are_the_whole(models: Models, faces: Path) -> None:
    """The silhouette's per-pixel steps in two halves of rows, one on each core: the upright crop (a
    turned photo, edge pixels repeated beyond it), its CIELAB colours and their distance from a colour."""
    rgb = np.asarray(Image.open(faces / "profile_left_cameraman.jpg").convert("RGB"))
    h, w = rgb.shape[:2]
    turn = _rotation(w / 2, h / 2, 17.0)
    x0, y0, x1, y1 = 40, 10, w - 20, h - 5  # the turned photo reaches beyond the source here

    def upright(a: int, b: int) -> np.ndarray:
        return pixels.warp_affine(rgb, turn, (w, h), "replicate", (x0, y0 + a, x1, y0 + b))

    crop = _split_rows(y1 - y0, upright, models.in_background)
    assert np.array_equal(crop, pixels.warp_affine(rgb, turn, (w, h), "replicate", (x0, y0, x1, y1)))
    lab = _split_rows(len(crop), lambda a, b: pixels.rgb_to_lab(crop[a:b]).astype(np.float32), models.in_background)
    assert np.array_equal(lab, pixels.rgb_to_lab(crop).astype(np.float32))
    ref = np.median(lab[:, :20].reshape(-1, 3), axis=0)
    distance = _split_rows(len(lab), lambda a, b: np.linalg.norm(lab[a:b] - ref, axis=2), models.in_background)
    assert np.array_equal(distance, np.linalg.norm(lab - ref, axis=2))
