"""Why reception's photos were refused, in the interface language (issue 15).

The reasons come from the analysis (no face, several faces, too small, cut off…); in English they read
English, in Persian they read Persian with Persian digits, and what stays left to right inside a Persian
sentence (a file name, a model's name) sits in a Unicode isolate (U+2068…U+2069) so it is not scrambled.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from maya_desktop.core.analysis.findings import CATALOGUE, finding, finding_message
from maya_desktop.core.operations.orders import AnalysisSummary
from maya_desktop.core.orders import records
from maya_desktop.gui.orders.order_detail import OrderDetail

PERSIAN = re.compile("[\u0600-\u06ff]")
ASCII_LETTER = re.compile("[A-Za-z]")
ASCII_DIGIT = re.compile("[0-9]")
FSI, PDI = "\u2068", "\u2069"


def _outside_isolates(text: str) -> str:
    return re.sub(f"{FSI}[^{PDI}]*{PDI}", "", text)


@pytest.mark.parametrize(
    ("code", "detail"),
    [
        ("multiple_faces", "3 faces"),
        ("face_too_small", "24 px"),
        ("profile_too_small", "80 px"),
        ("partial_face", "40% of the face outside"),
        ("blurry", "12"),
        ("underexposed", "mean 41/255"),
        ("tilted_head", "pitch +12 deg, roll -8 deg"),
        ("strong_roll", "-14 deg"),
        ("view_mismatch", "profile_left but it looks like frontal"),
        ("pose_off", "head turned 41 deg, a true profile is 90"),
        ("low_detection_confidence", "yunet, score 0.42"),
        ("no_measurements_for_view", "oblique left"),
        ("profile_points_uncertain", "pronasale, subnasale"),
    ],
)
def test_a_finding_reads_whole_in_each_language(code: str, detail: str):
    data = finding(code, detail).to_dict()
    fa, en = finding_message(data, "fa"), finding_message(data, "en")
    assert not PERSIAN.search(en), en
    outside = _outside_isolates(fa)
    # Persian outside the isolates: no Latin letters, no ASCII digits (Persian digits instead)
    assert not ASCII_LETTER.search(outside), fa
    assert not ASCII_DIGIT.search(outside), fa
    assert fa.count(FSI) == fa.count(PDI)
    digits_in = re.sub(r"\D", "", detail)
    if digits_in and code != "profile_points_uncertain":
        assert digits_in.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))[:1] in fa


def test_uncertain_profile_points_are_named_in_the_readers_language():
    data = finding("profile_points_uncertain", "nasion, subnasale").to_dict()
    fa, en = finding_message(data, "fa"), finding_message(data, "en")
    assert "نازیون" in fa and "ساب‌نازال" in fa and not ASCII_LETTER.search(fa), fa
    assert "Nasion, Subnasale" in en and "nasion" not in en, en


def test_every_catalogue_code_has_both_sentences():
    for code in CATALOGUE:
        data = finding(code, "2").to_dict()
        assert not PERSIAN.search(finding_message(data, "en"))
        assert PERSIAN.search(finding_message(data, "fa"))


def test_an_older_stored_finding_without_a_known_code_keeps_its_sentence():
    data = {"code": "retired_code", "message_en": "Old reason (3 faces).", "message_fa": "دلیل قدیمی (3 faces)."}
    assert finding_message(data, "en") == "Old reason (3 faces)."
    assert finding_message(data, "fa") == f"دلیل قدیمی ({FSI}3 faces{PDI})."


def _import(qtbot, session, paths: list[Path], photos: int) -> OrderDetail:  # type: ignore[no-untyped-def]
    order = records.create_order(session, 1, "rhinoplasty_analysis")
    detail = OrderDetail(session)
    qtbot.addWidget(detail)
    detail.show()
    detail.open_order(order.id)
    with qtbot.waitSignal(detail.import_finished, timeout=180_000):
        assert detail.import_paths(paths)
    qtbot.waitUntil(lambda: len(detail.cards) == photos, timeout=30_000)
    qtbot.waitUntil(lambda: all(c.verdict.isVisible() for c in detail.cards.values()), timeout=30_000)
    return detail


def _refused_cards(detail: OrderDetail) -> list:  # type: ignore[type-arg]
    return [c for c in detail.cards.values() if c.verdict.property("role") == "error"]


def test_refused_photos_say_why_in_english(english, qtbot, clinic, faces: Path, tmp_path: Path):
    bad = tmp_path / "notes.jpg"
    bad.write_bytes(b"not a photo")
    detail = _import(qtbot, clinic.reception, [faces / "group_collage.jpg", faces / "cat_not_a_person.png", bad], 2)
    refused = _refused_cards(detail)
    assert len(refused) == 2
    texts = [c.verdict.text() for c in refused] + [c.verdict.toolTip() for c in refused]
    assert not [t for t in texts if PERSIAN.search(t)], texts
    joined = " ".join(texts)
    assert "More than one face" in joined and "No face" in joined
    report = detail.import_report.text()
    assert "notes.jpg" in report and not PERSIAN.search(report), report


def test_refused_photos_say_why_in_persian_with_persian_digits(qtbot, clinic, faces: Path, tmp_path: Path):
    bad = tmp_path / "notes.jpg"
    bad.write_bytes(b"not a photo")
    detail = _import(qtbot, clinic.reception, [faces / "group_collage.jpg", bad], 1)
    (card,) = _refused_cards(detail)
    reason = card.verdict.toolTip()
    assert "بیش از یک چهره" in reason, reason
    assert re.search("[۲-۹] چهره", reason), reason  # «(۳ چهره)», never "(3 faces)"
    for text in (card.verdict.text(), reason):
        outside = _outside_isolates(text)
        assert not ASCII_LETTER.search(outside) and not ASCII_DIGIT.search(outside), text
    # the file name in the Persian import report is isolated (left to right inside a right-to-left line)
    assert f"{FSI}notes.jpg{PDI}" in detail.import_report.text()


def test_summary_of_a_refused_analysis_uses_the_rebuilt_sentences():
    analysis = {"refused": True, "findings": [finding("multiple_faces", "4 faces").to_dict()], "measurements": []}
    summary = AnalysisSummary.of(7, analysis)
    assert summary is not None and summary.refused
    assert summary.reasons_en == ("More than one face was found (4 faces); the photo must show one person.",)
    assert "(۴ چهره)" in summary.reasons_fa[0]
