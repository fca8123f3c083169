"""The report preview before signing (issue 15): the doctor sees the pages signing will store (signed by
them, their findings as on screen), confirms, and only then is anything signed or stored; nothing of the
PDF reaches the disk before signing."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from maya_desktop.core.orders import findings as findings_core
from maya_desktop.core.orders.findings import RegionFinding
from maya_desktop.core.orders.records import get_order
from maya_desktop.core.orders.states import Status
from maya_desktop.gui.doctor.report_preview import ReportPreviewDialog
from tests.doctor.conftest import open_on_cases_page, wait_for_photos
from tests.doctor.test_report_pdf import plain

PERSIAN = re.compile("[\u0600-\u06ff]")


def _pdf_pages(pdf: bytes) -> int:
    if shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils not installed")
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", info)[1])  # type: ignore[index]


def _pdf_text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def _first_page_png(pdf: bytes) -> QImage:
    """The PDF's first page rendered by poppler (piped, never a file), at 96 dpi."""
    png = subprocess.run(
        ["pdftoppm", "-png", "-r", "96", "-f", "1", "-l", "1", "-"], input=pdf, capture_output=True, check=True
    ).stdout
    image = QImage.fromData(png, "PNG")
    assert not image.isNull()
    return image


def _grey(image: QImage, width: int = 120) -> list[int]:
    small = image.scaled(width, round(width * 1.414), Qt.AspectRatioMode.IgnoreAspectRatio).convertToFormat(
        QImage.Format.Format_Grayscale8
    )
    return [small.pixelColor(x, y).value() for y in range(small.height()) for x in range(small.width())]


def _no_digits(text: str) -> str:
    return re.sub(r"[\d۰-۹\s]", "", text)


def _files_under(*folders: Path) -> set[Path]:
    return {p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()}


def _case_with_findings(qtbot, clinic, case):  # type: ignore[no-untyped-def]
    page, viewer = open_on_cases_page(qtbot, clinic.doctor, case)
    viewer.keep_page = page  # the page owns the viewer: keep it alive for the test
    wait_for_photos(qtbot, viewer)
    findings = viewer.panel.findings()
    findings.free_text = "قوز پشت بینی"
    findings.regions["dorsum"] = RegionFinding(["hump"], "")
    viewer.panel.set_findings(findings)
    return viewer


def test_declining_the_preview_signs_and_stores_nothing(qtbot, clinic, case, systmp: Path):
    viewer = _case_with_findings(qtbot, clinic, case)
    root = clinic.doctor.vault.data_dir.root
    before = _files_under(root, systmp)
    seen: list[ReportPreviewDialog] = []

    def decline(dialog: ReportPreviewDialog) -> bool:
        seen.append(dialog)
        assert dialog.page_images and dialog.sign.text() and dialog.back.isDefault()
        return False

    viewer.exec_dialog = decline  # type: ignore[method-assign]
    assert viewer.sign_and_build() is False
    assert len(seen) == 1
    stored = findings_core.load_findings(clinic.doctor, case)
    assert stored.signature is None and stored.pdf_file_id is None
    assert get_order(clinic.doctor, case).status == Status.CONSENTED  # not even the review was started
    new = _files_under(root, systmp) - before
    assert not [p for p in new if p.suffix.lower() == ".pdf" or p.is_relative_to(systmp)], new
    assert not [p for p in new if p.is_relative_to(clinic.doctor.vault.data_dir.blobs)], new
    assert "امضا نشد" in viewer.status.text()


def test_the_confirmed_preview_is_the_report_that_is_stored(qtbot, clinic, case, artifacts: Path):
    viewer = _case_with_findings(qtbot, clinic, case)
    shown: dict[str, object] = {}
    real_preview = viewer.preview_report

    def keep_preview():  # type: ignore[no-untyped-def]
        preview = real_preview()
        shown["preview"] = preview
        return preview

    viewer.preview_report = keep_preview  # type: ignore[method-assign]

    def confirm(dialog: ReportPreviewDialog) -> bool:
        shown["pages"] = list(dialog.page_images)
        shown["source"] = dialog.source
        shown["count"] = dialog.count.text()
        dialog.resize(900, 700)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save(str(artifacts / "doctor_report_preview_fa.png"))
        return True

    viewer.exec_dialog = confirm  # type: ignore[method-assign]
    assert viewer.sign_and_build() is True
    preview = shown["preview"]
    pages: list[QImage] = shown["pages"]  # type: ignore[assignment]
    stored_pdf = findings_core.read_report_pdf(clinic.doctor, case)
    # the pages the doctor saw are the stored report's pages: same count, same look, same text but the time
    assert len(pages) == _pdf_pages(stored_pdf) == _pdf_pages(preview.pdf) >= 2  # type: ignore[attr-defined]
    assert shown["source"] in ("pdf", "pages")
    assert "۲" in str(shown["count"]) or PERSIAN.search(str(shown["count"]))
    seen, printed = _grey(pages[0]), _grey(_first_page_png(stored_pdf))
    mean_diff = sum(abs(a - b) for a, b in zip(seen, printed, strict=True)) / len(seen)
    assert mean_diff < 12, mean_diff  # anti-aliasing apart, the same page
    print({"pages": len(pages), "first_page_mean_grey_diff": round(mean_diff, 2)})
    assert sum(1 for v in seen if v < 128) > 300  # not a blank page
    preview_text, stored_text = _pdf_text(preview.pdf), _pdf_text(stored_pdf)  # type: ignore[attr-defined]
    assert _no_digits(preview_text) == _no_digits(stored_text)
    signer = plain(clinic.doctor.staff.display_name)
    assert signer in plain(preview_text)  # signed by this doctor in the preview already
    assert findings_core.load_findings(clinic.doctor, case).signature is not None


def test_the_english_preview_is_english(english, qtbot, clinic, case):
    viewer = _case_with_findings(qtbot, clinic, case)
    seen: list[ReportPreviewDialog] = []

    def look(dialog: ReportPreviewDialog) -> bool:
        seen.append(dialog)
        texts = [dialog.windowTitle(), dialog.sign.text(), dialog.back.text(), dialog.count.text()]
        texts += [dialog.findChild(type(dialog.count), "previewNote").text()]
        assert not [t for t in texts if PERSIAN.search(t)], texts
        return False

    viewer.exec_dialog = look  # type: ignore[method-assign]
    assert viewer.sign_and_build() is False and seen
    preview = viewer.preview_report()
    text = _pdf_text(preview.pdf)
    assert "Signed electronically" in text and "Clinical report" in text and "not signed yet" not in text


def test_the_signed_report_prints_from_a_preview_painted_in_memory(qtbot, clinic, case, systmp: Path, monkeypatch):
    """Printing (the same path on a single PC and on a network workstation): `reports.printable` lays the signed
    report out where the vault is, the print preview paints it from memory; printing it is audited."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    from maya_desktop.core.audit import AuditQuery, search

    viewer = _case_with_findings(qtbot, clinic, case)
    previewed: list[str] = []
    refused: list[str] = []
    viewer.exec_dialog = lambda dialog: previewed.append(type(dialog).__name__) or False  # type: ignore[method-assign]
    monkeypatch.setattr(
        "maya_desktop.gui.doctor.viewer.show_error", lambda _parent, exc: refused.append(type(exc).__name__)
    )
    viewer.print_report()  # not signed: refused plainly, no preview
    assert previewed == [] and refused == ["StateError"] and not viewer.print_button.isEnabled()
    viewer.exec_dialog = lambda dialog: True  # type: ignore[method-assign]  # (the report preview: confirmed)
    assert viewer.sign_and_build() is True
    assert viewer.print_button.isEnabled()
    root = clinic.doctor.vault.data_dir.root
    before = _files_under(root, systmp)
    counted: list[int] = []

    def preview_then(printed: bool):  # type: ignore[no-untyped-def]
        def run(dialog) -> bool:  # type: ignore[no-untyped-def]
            assert isinstance(dialog, QPrintPreviewDialog)
            widget = dialog.findChild(QPrintPreviewWidget)
            widget.updatePreview()
            counted.append(widget.pageCount())
            return printed

        return run

    viewer.exec_dialog = preview_then(False)  # type: ignore[method-assign]  # looked at, closed: not printed
    viewer.print_report()
    viewer.exec_dialog = preview_then(True)  # type: ignore[method-assign]
    viewer.print_report()
    stored_pdf = findings_core.read_report_pdf(clinic.doctor, case)
    assert counted == [_pdf_pages(stored_pdf)] * 2, counted
    printed = search(clinic.doctor.conn, AuditQuery(actions=("report.exported",)))
    assert [(e.object_ref, e.details.get("how")) for e in printed] == [(f"order:{case}", "print")]
    new = _files_under(root, systmp) - before
    blobs = clinic.doctor.vault.data_dir.blobs
    assert not [p for p in new if p.suffix.lower() == ".pdf" or p.is_relative_to(systmp) or p.is_relative_to(blobs)]
