"""The analysis engine in a helper process (core.analysis_helper, issue 17): same answer as in-process,
a dead helper falls back instead of failing the import."""

from __future__ import annotations

import pytest
from PIL import Image, ImageOps

from maya_desktop.core import photos
from maya_desktop.core.analysis_helper import HelperAnalyzer


@pytest.fixture
def helper():  # type: ignore[no-untyped-def]
    analyzer = HelperAnalyzer()
    yield analyzer
    analyzer.close()


def test_helper_gives_the_in_process_answer(helper, faces) -> None:
    img = ImageOps.exif_transpose(Image.open(faces / "obama.jpg")).convert("RGB")
    here = photos.analyze(img, "front")
    there = helper.analyze(img, "front")
    assert helper._proc is not None and helper._proc.poll() is None  # it really ran in the child
    assert there == here and there is not None and there.get("view")


def test_a_dead_helper_falls_back_to_this_process(helper, faces) -> None:
    img = Image.open(faces / "obama.jpg").convert("RGB")
    helper.start()
    assert helper._proc is not None
    helper._proc.kill()
    helper._proc.wait()
    assert helper.analyze(img) == photos.analyze(img)


def test_import_uses_the_given_analyzer(clinic, faces) -> None:
    from maya_desktop.core.orders import records

    order = records.create_order(clinic.reception, 1, "rhinoplasty_analysis")
    data = (faces / "obama.jpg").read_bytes()
    seen = []

    def analyzer(img, view):  # type: ignore[no-untyped-def]
        seen.append(img.size)
        return photos.analyze(img, view)

    imported = photos.import_photo(clinic.reception, order.id, data, analyzer=analyzer)
    assert seen == [(imported.width, imported.height)]
