"""The analysis engine in a helper process (core.analysis_helper, issue 17): same answer as in-process,
a dead helper falls back instead of failing the import."""

from __future__ import annotations

import os

import pytest
from PIL import Image, ImageOps

from maya_desktop.core import photos
from maya_desktop.core.analysis_helper import HelperAnalyzer
from maya_desktop.core.errors import ValidationError


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


def _prepared_fields(prepared: photos.PreparedPhoto) -> tuple:  # type: ignore[type-arg]
    return (prepared.jpeg, prepared.thumb_jpeg, prepared.width, prepared.height, prepared.stored_orientation)


def test_helper_prepares_a_photo_as_this_process_does(helper, faces) -> None:
    """The import's decode, cleaning, thumbnail and analysis run in the helper (so the app's threads do not hold
    the GIL for them): byte for byte the same result, for a turned sRGB phone photo (kept losslessly, its
    orientation stored) and a Display-P3 one (converted and re-encoded)."""
    from tests.phone_photos import display_p3_icc, phone_photo, srgb_icc

    for icc in (srgb_icc(), display_p3_icc()):
        data = phone_photo(faces / "obama.jpg", icc=icc, orientation=6)
        here = photos.prepare_photo(data, "frontal")
        there = helper.prepare(data, "frontal")
        assert helper._proc is not None and helper._proc.poll() is None  # it really ran in the child
        assert _prepared_fields(there) == _prepared_fields(here)
        assert there.analysis == here.analysis and there.analysis is not None and there.analysis.get("view")
    assert helper.prepare(data, None, False).analysis is None  # no analysis asked: none made


def test_helper_refuses_a_bad_file_as_this_process_does(helper) -> None:
    for data in (b"this is text, not a JPEG", b"\xff\xd8\xff\xe0" + b"\x00" * 64):
        with pytest.raises(ValidationError) as here:
            photos.prepare_photo(data)
        with pytest.raises(ValidationError) as there:
            helper.prepare(data)
        assert (there.value.message_en, there.value.message_fa, there.value.field) == (
            here.value.message_en,
            here.value.message_fa,
            here.value.field,
        )
    assert helper._proc is not None and helper._proc.poll() is None  # a refusal does not end the helper


def test_a_dead_helper_prepares_in_this_process(helper, faces) -> None:
    data = (faces / "obama.jpg").read_bytes()
    helper.start()
    assert helper._proc is not None
    helper._proc.kill()
    helper._proc.wait()
    assert helper.prepare(data) == photos.prepare_photo(data)


def test_import_through_the_helper_stores_what_an_in_process_import_stores(clinic, helper, faces) -> None:
    from maya_desktop.core.orders import records
    from tests.phone_photos import phone_photo, srgb_icc

    data = phone_photo(faces / "obama.jpg", icc=srgb_icc(), orientation=6)
    stored = []
    for preparer in (None, helper.prepare):
        order = records.create_order(clinic.reception, 1, "rhinoplasty_analysis")
        imported = photos.import_photo(clinic.reception, order.id, data, preparer=preparer)
        photo = photos.open_photo_stored(clinic.reception, imported.photo_id)
        info = photos.list_photos(clinic.reception, order.id)[0]
        stored.append(
            (
                photo.jpeg,
                photo.orientation,
                photos.open_thumbnail(clinic.reception, imported.photo_id),
                photos.get_analysis(clinic.reception, imported.photo_id),
                (info.width, info.height, info.suggested_view, info.view),
                (imported.refused, imported.findings),
            )
        )
    assert stored[0] == stored[1]
    assert stored[1][1] == 6  # the turned photo kept its orientation as a value


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX priorities")
def test_the_helper_runs_below_the_app_s_cpu_priority(helper) -> None:
    """On a busy machine the GUI thread waited in the run queue behind the helper's decode and analysis."""
    with pytest.raises(ValidationError):
        helper.prepare(b"not a photo")  # answered: the helper's main() has run
    assert helper._proc is not None
    assert os.getpriority(os.PRIO_PROCESS, helper._proc.pid) >= os.getpriority(os.PRIO_PROCESS, 0) + 5
