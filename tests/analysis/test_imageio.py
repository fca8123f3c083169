"""imageio: the banded, threaded reduction and the single-decode overlay give exactly the old pixels.

Real photos from tests/photos, upscaled in memory to phone-camera sizes (never written to disk).
Behaviour only: speed is measured by the benchmarks, never asserted here.
"""

from __future__ import annotations

import io
from functools import cache

import numpy as np
import pytest
from PIL import Image, ImageOps

from maya_desktop.core.analysis.imageio import (
    WORK_MAX_PIXELS,
    ImageRejected,
    decode,
    reduce_to_rgb,
    reduction_factor,
)
from maya_desktop.core.analysis.landmarks import Landmark
from maya_desktop.core.analysis.measurements import Measurement
from maya_desktop.core.analysis.overlay import OVERLAY_MAX_PIXELS, render_overlay, render_overlay_decoded
from maya_desktop.core.analysis.result import AnalysisResult
from tests.conftest import FACES


@cache
def _photo(width: int, height: int) -> Image.Image:
    """A real face photo resized in memory (bicubic, so neighbouring pixels differ)."""
    img = Image.open(FACES / "obama.jpg").convert("RGB").resize((width, height), Image.Resampling.BICUBIC)
    img.load()
    return img


def _reference(img: Image.Image, k: int) -> np.ndarray:
    """The single-call reduction the banded one must reproduce bit for bit."""
    return np.asarray(img.reduce(k).convert("RGB"))


@pytest.mark.parametrize("size", [(3000, 4000), (3001, 4003), (4003, 3001), (2999, 2)])
@pytest.mark.parametrize("bands", [1, 2, 3, 4, 7])
def test_banded_reduction_is_bit_identical(size: tuple[int, int], bands: int) -> None:
    img = _photo(*size)
    k = max(2, reduction_factor(*size))
    got = reduce_to_rgb(img, k, bands=bands)
    want = _reference(img, k)
    assert got.shape == want.shape == (-(-size[1] // k), -(-size[0] // k), 3)
    assert np.array_equal(got, want)


@pytest.mark.parametrize("mode", ["L", "RGBA", "LA", "CMYK"])
def test_banded_reduction_other_modes(mode: str) -> None:
    img = _photo(1501, 1003).convert(mode)
    if "A" in mode:  # a real alpha gradient, so premultiplied averaging matters
        alpha = Image.linear_gradient("L").resize(img.size)
        img.putalpha(alpha)
    img.load()
    for k in (2, 3, 5):
        assert np.array_equal(reduce_to_rgb(img, k, bands=3), _reference(img, k))


def test_band_errors_reach_the_caller() -> None:
    img = _photo(1200, 1200).convert("P")  # Image.reduce refuses palette images, in every band
    img.load()
    with pytest.raises(ValueError):
        reduce_to_rgb(img, 2, bands=2)


@pytest.mark.parametrize("size", [(3000, 4000), (3001, 4003)])
def test_decode_large_pil_image_matches_single_reduce(size: tuple[int, int]) -> None:
    img = _photo(*size)
    dec = decode(img)
    k = reduction_factor(*size)
    assert (dec.width, dec.height, dec.scale) == (size[0], size[1], float(k))
    assert np.array_equal(dec.rgb, _reference(img, k))
    assert dec.rgb.shape[0] * dec.rgb.shape[1] <= WORK_MAX_PIXELS
    assert dec.rgb.dtype == np.uint8 and dec.rgb.flags.c_contiguous


@pytest.mark.parametrize("channels", [3, 4, 1])
def test_decode_large_array(channels: int) -> None:
    rgb = np.asarray(_photo(3001, 4003))
    if channels == 4:
        arr = np.ascontiguousarray(np.dstack([rgb, np.full(rgb.shape[:2], 77, np.uint8)]))
    elif channels == 1:
        arr = np.ascontiguousarray(rgb[:, :, 1])
    else:
        arr = rgb
    dec = decode(arr)
    k = int(dec.scale)
    base = np.ascontiguousarray(rgb[: 4003 // k * k, : 3001 // k * k, [1, 1, 1] if channels == 1 else [0, 1, 2]])
    # k x k block means, rounded (k = 3: 9 pixels, never a tie); OpenCV's INTER_AREA gave the same.
    blocks = base.reshape(4003 // k, k, 3001 // k, k, 3).astype(np.float64)
    want = np.rint(blocks.mean(axis=(1, 3))).astype(np.uint8)
    assert (dec.width, dec.height, k) == (3001, 4003, 3)
    assert np.array_equal(dec.rgb, want)
    assert np.array_equal(dec.source((10, 20, 30, 25)), base[20:25, 10:30])  # region: original pixels


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_applied_after_banded_reduction(orientation: int) -> None:
    """PNG (so no JPEG draft): 2404 x 1002 is > 2 MP, so it is reduced by 2 in bands, then oriented."""
    img = _photo(2404, 1002)
    exif = Image.Exif()
    exif[0x0112] = orientation
    buf = io.BytesIO()
    img.save(buf, "PNG", exif=exif, compress_level=1)
    dec = decode(buf.getvalue())
    upright = ImageOps.exif_transpose(Image.open(io.BytesIO(buf.getvalue())))
    assert (dec.width, dec.height) == upright.size
    assert dec.scale == 2.0
    # Even size, so reducing then orienting equals orienting then reducing, pixel for pixel.
    assert np.array_equal(dec.rgb, _reference(upright, 2))
    assert dec.rgb.flags.c_contiguous
    # The original-resolution region reader uses upright coordinates too.
    assert np.array_equal(dec.source((5, 7, 40, 31)), np.asarray(upright)[7:31, 5:40])


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_exif_orientation_jpeg_bytes(orientation: int) -> None:
    img = _photo(3000, 4000)
    exif = Image.Exif()
    exif[0x0112] = orientation
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90, exif=exif)
    dec = decode(buf.getvalue())
    w, h = (4000, 3000) if orientation in (6, 8) else (3000, 4000)
    assert (dec.width, dec.height, dec.scale) == (w, h, 4.0)  # DCT draft at 1/4
    assert dec.rgb.shape == (h // 4, w // 4, 3)
    plain = io.BytesIO()
    img.save(plain, "JPEG", quality=90)
    want = decode(plain.getvalue()).rgb  # same DCT data without the EXIF tag
    turned = {3: np.rot90(want, 2), 6: np.rot90(want, -1), 8: np.rot90(want, 1)}[orientation]
    assert np.array_equal(dec.rgb, turned)


def test_refusals_unchanged() -> None:
    with pytest.raises(ImageRejected) as e:
        decode(b"definitely not an image")
    assert e.value.code == "not_an_image"
    buf = io.BytesIO()
    _photo(3000, 4000).save(buf, "PNG", compress_level=1)
    with pytest.raises(ImageRejected) as e:
        decode(buf.getvalue()[: len(buf.getvalue()) // 2])
    assert e.value.code == "truncated"
    with pytest.raises(ImageRejected) as e:
        decode(np.zeros((13_000, 10, 3), np.uint8))
    assert e.value.code == "image_too_large"


def _result(view: str, width: int, height: int) -> AnalysisResult:
    def lm(fx: float, fy: float, source: str = "mesh", conf: float = 0.9) -> Landmark:
        return Landmark(fx * width, fy * height, conf, source)

    landmarks = {
        "iris_r": lm(0.40, 0.40),
        "iris_l": lm(0.60, 0.40),
        "endocanthion_r": lm(0.45, 0.41),
        "endocanthion_l": lm(0.55, 0.41),
        "exocanthion_r": lm(0.36, 0.41, "corrected"),
        "exocanthion_l": lm(0.64, 0.41),
        "nasion": lm(0.50, 0.38),
        "glabella": lm(0.50, 0.33),
        "trichion": lm(0.50, 0.15, "estimate"),
        "subnasale": lm(0.50, 0.58),
        "pronasale": lm(0.56, 0.52, "silhouette"),
        "menton": lm(0.50, 0.85, conf=0.3),
        "pogonion": lm(0.52, 0.80),
        "labrale_superius": lm(0.51, 0.64),
        "labrale_inferius": lm(0.51, 0.70),
        "cheilion_r": lm(0.44, 0.67),
        "cheilion_l": lm(0.56, 0.67),
        "alar_crest_r": lm(0.46, 0.55),
        "alar_crest_l": lm(0.54, 0.55),
    }
    angle = Measurement(
        "nasolabial_angle",
        104.0,
        "deg",
        (90.0, 110.0),
        "within",
        points=["pronasale", "subnasale", "labrale_superius"],
        kind="angle",
    )
    return AnalysisResult(image_width=width, image_height=height, view=view, landmarks=landmarks, measurements=[angle])


@pytest.mark.parametrize("view", ["frontal", "right_profile"])
@pytest.mark.parametrize("source", ["pil", "jpeg", "small"])
def test_overlay_on_decoded_copy_equals_render_overlay(view: str, source: str) -> None:
    img = _photo(3001, 4003) if source != "small" else _photo(400, 500)
    if source == "jpeg":
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=90)
        data: bytes | Image.Image = buf.getvalue()
    else:
        data = img
    result = _result(view, img.width, img.height)
    dec = decode(data)  # what the analysis decoded
    before = dec.rgb.copy()
    out = render_overlay_decoded(dec, result)
    assert np.array_equal(dec.rgb, before)  # drawn on a copy
    assert out.mode == "RGB" and out.size == (dec.rgb.shape[1], dec.rgb.shape[0])
    assert out.tobytes() == render_overlay(data, result).tobytes()
    assert not np.array_equal(np.asarray(out), before)  # something was drawn


def test_overlay_on_decoded_read_only_array() -> None:
    dec = decode(_photo(3000, 4000))
    dec.rgb.setflags(write=False)
    out = render_overlay_decoded(dec, _result("frontal", 3000, 4000))
    assert out.size == (1000, 1334)


def test_overlay_reduces_a_larger_working_copy() -> None:
    """A working copy above OVERLAY_MAX_PIXELS (a caller with a bigger max) is reduced to fit."""
    img = _photo(3000, 4000)
    dec = decode(img, max_pixels=8_000_000)
    assert dec.scale == 2.0
    result = _result("frontal", 3000, 4000)
    out = render_overlay_decoded(dec, result)
    assert out.width * out.height <= OVERLAY_MAX_PIXELS
    assert out.size == (750, 1000)
    # Without the original size in the result, landmarks are placed by the working scale.
    bare = AnalysisResult(view="frontal", landmarks=result.landmarks)
    assert render_overlay_decoded(dec, bare).tobytes() == out.tobytes()
