"""Issue 17: a photo converted, oriented and encoded in bands on two threads decodes to exactly the pixels
of a one-piece encode of the converted, oriented photo (every orientation, with and without a conversion)."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops

from maya_desktop.core.colour import EXIF_TRANSPOSE, convert_and_orient, transform_of
from maya_desktop.core.jpeg_parallel import encode_oriented
from tests.phone_photos import display_p3_icc


def _decoded(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img.load()
    return img


def _face(faces, size: tuple[int, int]) -> Image.Image:
    return Image.open(faces / "obama.jpg").convert("RGB").resize(size)


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize("p3", [False, True])
def test_bands_decode_as_one_piece(faces, orientation: int, p3: bool) -> None:
    img = _face(faces, (403, 250))  # neither side a multiple of the 16-row MCU
    transform = None
    if p3:
        img.info["icc_profile"] = display_p3_icc()
        transform = transform_of(img)
        assert transform is not None
    method = EXIF_TRANSPOSE.get(orientation)
    banded = encode_oriented(img, transform, method, 92, bands=4)
    assert banded is not None
    reference = convert_and_orient(img.copy(), transform, method)
    reference.info.clear()
    one_piece = io.BytesIO()
    reference.save(one_piece, "JPEG", quality=92)
    got, want = _decoded(banded), _decoded(one_piece.getvalue())
    assert got.size == want.size == reference.size
    assert ImageChops.difference(got, want).getbbox() is None
    assert "icc_profile" not in got.info and "exif" not in got.info


def test_many_bands_keep_the_restart_cycle(faces) -> None:
    img = _face(faces, (320, 16 * 40 + 5))  # 41 MCU rows in 20 bands: restart numbers wrap several times
    banded = encode_oriented(img, None, Image.Transpose.ROTATE_180, 92, bands=20)
    assert banded is not None
    want = io.BytesIO()
    img.transpose(Image.Transpose.ROTATE_180).save(want, "JPEG", quality=92)
    assert ImageChops.difference(_decoded(banded), _decoded(want.getvalue())).getbbox() is None
