"""The signed clinical report: Persian measurement names as extractable text, rendered pages."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import unicodedata

import pytest

from maya_desktop.core.orders import delivery
from maya_desktop.core.orders.corrections import save_corrections
from maya_desktop.core.orders.findings import Findings, RegionFinding, read_report_pdf, sign_findings, store_report_pdf
from maya_desktop.core.photos import get_analysis, list_photos
from maya_desktop.reports.clinical_report import build_clinical_report


def plain(text: str) -> str:
    """Compare extracted PDF text by letters: NFKC folds presentation forms and ه+ٔ; bidi marks,
    ZWNJ and spacing differences from the layout are dropped."""
    text = unicodedata.normalize("NFKC", text).replace("\u06c0", "\u0647").replace("\u0654", "")
    return "".join(
        ch
        for ch in text
        if ch not in "\u200c\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" and not ch.isspace()
    )


def _prepare(clinic, case):
    d = clinic.doctor
    delivery.start_review(d, case)
    profile = next(p for p in list_photos(d, case) if p.view == "profile_left")
    lms = get_analysis(d, profile.id)["landmarks"]
    # The engine is unsure of most profile points on this small photo: the doctor confirms / places them.
    confirm = ("glabella", "nasion", "pronasale", "subnasale", "labrale_inferius", "alar_crest_l")
    points = {n: (lms[n]["x"], lms[n]["y"]) for n in confirm}
    # The dorsum's highest point is one the engine may leave unlocated on this photo: the doctor places it
    # on the line from nasion to the tip.
    (nx, ny), (px, py) = points["nasion"], points["pronasale"]
    points["dorsum_max"] = ((nx + px) / 2, (ny + py) / 2)
    sn = points["subnasale"]
    points |= {
        "columella": (sn[0] - 20, sn[1] - 9),
        "labrale_superius": (sn[0] + 2, sn[1] + 30),
        "pogonion": (sn[0] + 8, sn[1] + 85),
    }
    save_corrections(d, profile.id, points)
    f = Findings(free_text="پشت بینی قوز دارد و نوک بینی افتاده است.", procedures=["open_rhinoplasty", "tip_plasty"])
    f.regions["dorsum"] = RegionFinding(["hump"], "قوز متوسط")
    f.regions["tip"] = RegionFinding(["ptotic", "bulbous"], "")
    f.norm_sex = "female"
    return sign_findings(d, case, f)


def test_report_pdf_has_persian_measurement_names_as_text_and_renders(clinic, case, artifacts, tmp_path):
    _prepare(clinic, case)
    pdf = build_clinical_report(clinic.doctor, case)
    assert pdf.startswith(b"%PDF-")
    stored = store_report_pdf(clinic.doctor, case, pdf)
    assert stored.pdf_file_id and read_report_pdf(clinic.doctor, case) == pdf
    (artifacts / "clinical_report.pdf").write_bytes(pdf)  # synthetic client + public test photos only
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    text = plain(text)
    for label in (
        "زاویهٔ بینی-لب",
        "زاویهٔ بینی-پیشانی",
        "گزارش بالینی تحلیل چهره و بینی",
        "امضای پزشک",
        "دکتر نمایشی",
        "شمارهٔ نظام پزشکی",
        "قوز استخوانی-غضروفی",
        "رینوپلاستی باز",
    ):
        assert plain(label) in text, label
    out = subprocess.run(
        ["pdftoppm", "-r", "70", "-png", str(artifacts / "clinical_report.pdf"), str(artifacts / "clinical_report")],
        capture_output=True,
    )
    assert out.returncode == 0
    assert list(artifacts.glob("clinical_report-*.png"))


def test_a_file_id_that_looks_like_a_card_number_does_not_refuse_the_report(clinic, case, monkeypatch):
    """The card-number guard is for what people type. The stored findings also hold random hex file ids;
    about one in a few hundred contains a 13-19 digit run that passes Luhn (here a Visa test number),
    and signing the report must not fail because of it. Typed text is still guarded."""
    from maya_desktop.core import blobstore
    from maya_desktop.core.errors import ValidationError
    from maya_desktop.core.orders.findings import save_findings

    _prepare(clinic, case)
    ids = iter(["4111111111111111abcdefabcdefabcd"])
    real = blobstore.new_file_id
    monkeypatch.setattr(blobstore, "new_file_id", lambda: next(ids, None) or real())  # the PDF's id first
    stored = store_report_pdf(clinic.doctor, case, b"%PDF-1.4 test")
    assert stored.pdf_file_id == "4111111111111111abcdefabcdefabcd"
    with pytest.raises(ValidationError):
        save_findings(clinic.doctor, case, Findings(free_text="کارت ۴۱۱۱ ۱۱۱۱ ۱۱۱۱ ۱۱۱۱"))


PERSIAN_LETTERS = "[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]"


def _pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_english_report_has_no_persian_and_states_the_scale_and_the_simulation(clinic, case, artifacts):
    """The English PDF: every heading, label, value, range, finding, view name and the overlay in English
    (the client's and clinic's names are replaced by Latin ones: they are data, not interface text)."""
    import re

    from maya_desktop.reports.clinical_report import collect_report, render_clinical_report

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    signed = _prepare(clinic, case)
    profile = next(p for p in list_photos(clinic.doctor, case) if p.view == "profile_left")
    data = collect_report(clinic.doctor, case)
    data.client_name, data.clinic_name = "Sara M.", "Maya Clinic"
    data.findings.free_text = "Dorsal hump, drooping tip."  # typed by the doctor: data too
    data.findings.regions["dorsum"].note = ""
    data.findings.signature = dataclasses.replace(data.findings.signature, display_name="Dr. Demo")
    data.findings.simulation = {
        "photo_id": profile.id,
        "hump_mm": 2.0,
        "projection_mm": 1.0,
        "rotation_deg": 8.0,
        "nasolabial_deg": 0.0,
    }
    assert signed.signature is not None
    pdf = render_clinical_report(data, "en")
    (artifacts / "clinical_report_en.pdf").write_bytes(pdf)
    text = unicodedata.normalize("NFKC", _pdf_text(pdf))  # NFKC: the "fi" ligature back to letters
    found = re.findall(PERSIAN_LETTERS + "+", text)
    assert not found, found[:20]
    for phrase in (
        "Clinical report",
        "Nasolabial angle",
        "Normal range",
        "Millimetre scale",
        "Doctor's signature",
        "Simulation",
        "not a promised result",
        "Left profile",
    ):
        assert phrase in text, phrase
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "60",
            "-png",
            str(artifacts / "clinical_report_en.pdf"),
            str(artifacts / "clinical_report_en"),
        ],
        capture_output=True,
    )
    # the Persian report says the same: the scale and the simulation, labelled as such
    fa = plain(_pdf_text(render_clinical_report(data, "fa")))
    for phrase in ("مقیاس میلی‌متری", "شبیه‌سازی", "نه نتیجهٔ قطعی جراحی"):
        assert plain(phrase) in fa, phrase
