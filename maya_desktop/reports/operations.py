"""Operations that need the report renderer (Qt's PDF writer), so they live above core.

Registered with core.operations like the core's own; the GUI imports this module before using them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from maya_desktop.core.db import transaction
from maya_desktop.core.errors import StateError, ValidationError
from maya_desktop.core.operations import operation
from maya_desktop.core.orders import clock, delivery
from maya_desktop.core.orders import findings as findings_core
from maya_desktop.core.orders.findings import Findings, Signature
from maya_desktop.core.orders.model import load_order
from maya_desktop.core.orders.states import Status
from maya_desktop.core.session import Session


@dataclass(frozen=True)
class SignReport:
    order_id: int
    findings: Findings
    lang: str = "fa"  # the report's language: "fa" (right to left) or "en"


@operation("reports.sign_and_store", changes={"order:{order_id}"})
def sign_and_store_report(session: Session, request: SignReport) -> Findings:
    """Sign the findings, render the clinical report and store it encrypted in the order: all or nothing."""
    from maya_desktop.reports.clinical_report import build_clinical_report

    session.require("orders.deliver")  # a refusal is audited outside the transaction below
    with transaction(session.conn):
        if load_order(session.conn, request.order_id).status == Status.CONSENTED:
            delivery.start_review(session, request.order_id)
        findings_core.sign_findings(session, request.order_id, request.findings)
        pdf = build_clinical_report(session, request.order_id, "en" if request.lang == "en" else "fa")
        return findings_core.store_report_pdf(session, request.order_id, pdf)


@dataclass(frozen=True)
class CollectReport:
    order_id: int


@operation("reports.collect", changes={"audit"})
def collect(session: Session, request: CollectReport) -> object:
    """Everything the printed report shows (clinical_report.ReportData: the photos decoded into QImages, which
    may be made off the GUI thread), read through core: access-checked and audited like opening the case."""
    from maya_desktop.reports.clinical_report import collect_report

    return collect_report(session, request.order_id)


@dataclass(frozen=True)
class PrintReport:
    order_id: int
    lang: str = "fa"


@dataclass(frozen=True)
class PrintableReport:
    """The signed report laid out for a printer, as plain data that travels to a workstation: the same HTML,
    footer and page label the stored PDF was painted from, and its pictures (the annotated photos, the
    simulation) as encoded image bytes. `clinical_report.paint_printable` paints it on a QPrinter or a preview
    from memory; nothing of it is written to disk."""

    title: str
    html: str
    footer: str
    page_label: str
    rtl: bool
    images: tuple[tuple[str, bytes], ...] = field(repr=False)  # (name in the HTML, JPEG/PNG bytes)


def _image_bytes(image: object) -> bytes:
    """A picture of the report as JPEG (quality 92: a photo with its overlay) or PNG when it has transparency."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    if not isinstance(image, QImage):
        raise TypeError("a report picture is a QImage")
    raw = QByteArray()
    buffer = QBuffer(raw)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if image.hasAlphaChannel():
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes the format as str
    else:
        image.save(buffer, "JPEG", 92)  # type: ignore[call-overload]
    buffer.close()
    return bytes(raw.data())


@operation("reports.printable", changes={"audit"})
def printable_report(session: Session, request: PrintReport) -> PrintableReport:
    """The signed report for printing or a print preview, laid out where the vault is (read through core:
    access-checked and audited like opening the case). Refused until the report is signed."""
    from maya_desktop.reports.clinical_report import collect_report, report_html, tx

    lang = "en" if request.lang == "en" else "fa"
    data = collect_report(session, request.order_id)
    if data.findings.signature is None:
        raise StateError(
            "The report is not signed yet: sign it first, then print it.",
            "گزارش هنوز امضا نشده است؛ ابتدا آن را امضا کنید، سپس چاپ کنید.",
        )
    html, images, footer = report_html(data, lang)
    encoded = tuple((name, _image_bytes(image)) for name, image in images.items())
    return PrintableReport(tx("pdf_title", lang), html, footer, tx("page", lang), lang != "en", encoded)


@dataclass(frozen=True)
class PreviewReport:
    order_id: int
    findings: Findings  # as the doctor has them on screen (not saved yet)
    lang: str = "fa"
    scale: float = 1.25  # the pages' size on screen (1.0 = 96 dpi)


@dataclass(frozen=True)
class ReportPreview:
    """The report that signing would store, before anything is signed or saved: the PDF bytes and the same
    pages as PNG images (for a screen without Qt's PDF module). Memory only: nothing is written to disk."""

    pdf: bytes
    pages: tuple[bytes, ...]  # PNG, one per PDF page


def _preview_findings(session: Session, findings: Findings) -> Findings:
    """The findings as `sign_findings` will sign them: this doctor's name and council number, now."""
    council = (session.staff.medical_council_no or "").strip()
    if not council:  # the same refusal signing would give, before the doctor reads the whole report
        raise ValidationError(
            "Your staff profile has no medical council number; ask the manager to add it.",
            "شمارهٔ نظام پزشکی در مشخصات شما ثبت نشده است؛ از مدیر بخواهید آن را ثبت کند.",
            "medical_council_no",
        )
    signature = Signature(session.staff.id, session.staff.display_name, council, clock.text())
    return dataclasses.replace(findings, signature=signature, pdf_file_id=None)


@operation("reports.preview")
def preview_report(session: Session, request: PreviewReport) -> ReportPreview:
    """The clinical report exactly as `reports.sign_and_store` would render and store it now (signed by
    this doctor), without signing, saving or storing anything."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from maya_desktop.reports.clinical_report import clinical_report_pages, collect_report, render_clinical_report

    session.require("orders.deliver")
    lang = "en" if request.lang == "en" else "fa"
    data = collect_report(session, request.order_id, _preview_findings(session, request.findings))
    pdf = render_clinical_report(data, lang)
    pages = []
    for image in clinical_report_pages(data, lang, max(0.5, min(2.0, request.scale))):
        raw = QByteArray()
        buffer = QBuffer(raw)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes the format as str
        buffer.close()
        pages.append(bytes(raw.data()))
    return ReportPreview(pdf, tuple(pages))
