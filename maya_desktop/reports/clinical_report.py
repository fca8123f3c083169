"""The doctor's signed clinical report (Persian, right-to-left, Jalali date) as PDF bytes.

`collect_report(session, order_id)` reads everything through core (each read checked and audited);
`render_clinical_report(data)` lays it out with Qt (annotated photos painted with QPainter onto the
decoded QImage in memory, the measurement tables with norms and status, the findings, the signature
block). Nothing is written to disk: the bytes go to `core.orders.findings.store_report_pdf`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QImage

from maya_desktop.core.orders.findings import PROCEDURES, REGIONS, Findings
from maya_desktop.core.orders.states import VIEW_LABELS_FA
from maya_desktop.core.persian import format_jalali_date, format_jalali_datetime, to_persian_digits
from maya_desktop.reports.annotate import STATUS_COLOURS, paint_overlay, primitives
from maya_desktop.reports.pdf import esc, fit_image, paint_pages, render_pdf

STATUS_FA = {
    "within": "در محدودهٔ طبیعی",
    "below": "کمتر از طبیعی",
    "above": "بیشتر از طبیعی",
    "not_measurable": "قابل اندازه‌گیری نیست",
}
UNIT_FA = {"deg": "°", "mm": " میلی‌متر", "pct": "٪", "ratio": ""}
REPORT_VIEW_ORDER = ("frontal", "profile_right", "profile_left", "oblique_right", "oblique_left", "base")


@dataclass
class ReportPhoto:
    view: str | None
    image: QImage  # decoded in memory
    analysis: dict[str, Any] | None
    measurements: list[Any] = field(default_factory=list)  # core.analysis Measurement objects
    landmarks: dict[str, Any] = field(default_factory=dict)
    analysis_view: str | None = None
    corrected_points: list[str] = field(default_factory=list)


@dataclass
class ReportData:
    clinic_name: str
    client_name: str
    order_ref: str
    consented_at: str | None
    findings: Findings
    photos: list[ReportPhoto]
    generated_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


# Starts a cell that begins with a number as right-to-left (Qt picks a cell's direction from its first letter).
RLM = "\u200f"


def fa_number(value: float, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    text = to_persian_digits(text).replace(".", "٫")
    return text.replace("-", "−")  # U+2212; Qt keeps it left of the digits (its bidi isolates misplace it)


def format_value(m: Any) -> str:
    if m.value is None:
        return "—"
    digits = 2 if m.unit == "ratio" else 1 if m.unit in ("mm", "pct") else 0
    return f"{RLM}{fa_number(m.value, digits)}{UNIT_FA.get(m.unit, '')}"


def format_range(m: Any) -> str:
    if not m.normal_range:
        return "—"
    lo, hi = m.normal_range
    digits = 2 if m.unit == "ratio" else 1 if m.unit in ("mm", "pct") else 0
    return f"{RLM}{fa_number(lo, digits)} تا {fa_number(hi, digits)}{UNIT_FA.get(m.unit, '')}"


def collect_report(session: Any, order_id: int) -> ReportData:
    """Everything the report shows, read through core (access-checked and audited)."""
    from maya_desktop.core.orders.cases import open_case
    from maya_desktop.core.orders.corrections import analysis_view, landmarks_of, live_measurements
    from maya_desktop.core.orders.findings import load_findings
    from maya_desktop.core.photos import get_analysis, list_photos, open_photo

    case = open_case(session, order_id)
    findings = load_findings(session, order_id)
    clinic = session.conn.execute("SELECT name FROM clinic").fetchone()[0]
    photos = []
    for info in list_photos(session, order_id):
        image = QImage.fromData(open_photo(session, info.id))
        analysis = get_analysis(session, info.id)
        view = analysis_view(info.view, analysis)
        lms = landmarks_of(analysis)
        ms = live_measurements(analysis, lms, view, findings.norm_sex) if analysis and lms else []
        corrected = list((analysis or {}).get("doctor_corrected", {}).get("points", []))
        photos.append(ReportPhoto(info.view, image, analysis, ms, lms, view, corrected))
    return ReportData(
        clinic, case.row.client_name, case.row.order.order_ref, case.row.order.consented_at, findings, photos
    )


# ---- layout --------------------------------------------------------------------------------------
CSS = """
body { color: #1f2933; }
h1 { font-size: 17pt; font-weight: bold; color: #0f4c5c; margin: 0; }
h2 { font-size: 12pt; font-weight: bold; color: #0f4c5c; margin-top: 14px; margin-bottom: 6px; }
h3 { font-size: 10pt; font-weight: bold; color: #334155; margin-top: 8px; margin-bottom: 4px; }
.muted { color: #6b7280; }
.small { font-size: 8pt; }
table.grid { border-collapse: collapse; }
table.grid td, table.grid th { border: 1px solid #d5dbe3; padding: 4px 6px; }
table.grid th { background-color: #eef3f6; color: #0f4c5c; font-weight: bold; }
.badge { font-weight: bold; }
"""


def _ordered(photos: Iterable[ReportPhoto]) -> list[ReportPhoto]:
    rank = {v: i for i, v in enumerate(REPORT_VIEW_ORDER)}
    return sorted(photos, key=lambda p: rank.get(p.view or "", 99))


def _annotated(photo: ReportPhoto) -> QImage:
    image = fit_image(photo.image, 1400)
    if not photo.landmarks:
        return image
    sx = image.width() / max(1, photo.image.width())
    scaled = {k: type(v)(v.x * sx, v.y * sx, v.confidence, v.source) for k, v in photo.landmarks.items()}
    return paint_overlay(
        image, primitives(scaled, photo.measurements, photo.analysis_view), groups=("lines", "angles", "landmarks")
    )


def _header(data: ReportData) -> str:
    date = format_jalali_date(data.generated_at.astimezone(), "fa")
    sig = data.findings.signature
    doctor = esc(sig.display_name) if sig else "—"
    return f"""
<table width="100%" cellspacing="0" cellpadding="0" style="margin-bottom: 6px;">
<tr>
  <td width="38%" valign="bottom" align="left">
    <table class="grid" cellspacing="0" width="100%">
      <tr><td align="right">{date}</td><th align="right">تاریخ گزارش</th></tr>
      <tr><td align="right">{esc(data.client_name)}</td><th align="right">مراجع</th></tr>
      <tr><td align="right">{esc(data.order_ref[:10].upper())}</td><th align="right">شمارهٔ پرونده</th></tr>
      <tr><td align="right">{doctor}</td><th align="right">پزشک</th></tr>
    </table>
  </td>
  <td width="62%" valign="bottom" align="right">
    <div style="font-size: 9pt; color:#0f4c5c; font-weight:bold;">{esc(data.clinic_name)}</div>
    <h1>گزارش بالینی تحلیل چهره و بینی</h1>
    <div class="muted small">تحلیل پیش از جراحی زیبایی بینی (رینوپلاستی)</div>
  </td>
</tr>
</table>
<hr style="color:#0f4c5c; background-color:#0f4c5c; height:2px; border:0;"/>
"""


def _photos_html(photos: list[ReportPhoto], images: dict[str, QImage]) -> str:
    if not photos:
        return ""
    cells = []
    for i, photo in enumerate(photos):
        name = f"mem:photo{i}"
        img = _annotated(photo)
        images[name] = img
        width = 318
        height = round(width * img.height() / max(1, img.width()))
        if height > 380:
            height, width = 380, round(380 * img.width() / max(1, img.height()))
        label = VIEW_LABELS_FA.get(photo.view or "", "نمای نامشخص")
        mark = " — نقاط اصلاح‌شده توسط پزشک" if photo.corrected_points else ""
        cells.append(
            f'<td align="center" valign="top" width="50%"><img src="{name}" width="{width}" height="{height}"/>'
            f'<div class="small"><b>{esc(label)}</b><span class="muted">{mark}</span></div></td>'
        )
    # Qt lays table columns out left to right: the first photo of a row goes into the right cell.
    rows = "".join(f"<tr>{''.join(reversed(cells[i : i + 2]))}</tr>" for i in range(0, len(cells), 2))
    return f"<h2>تصاویر و نقاط آناتومیک</h2><table width='100%' cellspacing='6'>{rows}</table>"


def measurement_rows(ms: Iterable[Any]) -> str:
    rows = []
    for m in ms:
        colour = STATUS_COLOURS.get(m.status, "#6b7280")
        rows.append(  # Qt lays table columns out left to right: cells are written in visual order
            f"<tr><td align='center'><span style='color:{colour}; font-weight:bold;'>"
            f"{STATUS_FA.get(m.status, m.status)}</span></td>"
            f"<td align='center'>{format_range(m)}</td><td align='center'>{format_value(m)}</td>"
            f"<td align='right'>{esc(m.label_fa)}</td></tr>"
        )
    return "".join(rows)


def _measurements_html(photos: list[ReportPhoto]) -> str:
    parts = []
    for photo in photos:
        ms = [m for m in photo.measurements if not m.key.startswith("symmetry_") or m.key == "symmetry_index"]
        if not ms:
            continue
        label = VIEW_LABELS_FA.get(photo.view or "", "")
        note = ""
        if photo.corrected_points:
            note = (
                "<div class='small muted'>نقاطی از این نما به دست پزشک اصلاح شده و اندازه‌ها"
                " با نقاط اصلاح‌شده محاسبه شده‌اند.</div>"
            )
        parts.append(
            f"<h3>اندازه‌ها — نمای {esc(label)}</h3>{note}"
            "<table class='grid' width='100%' cellspacing='0'>"
            "<tr><th width='22%'>وضعیت</th><th width='22%'>محدودهٔ طبیعی</th><th width='16%'>مقدار</th>"
            "<th align='right' width='40%'>اندازه</th></tr>"
            f"{measurement_rows(ms)}</table>"
        )
    if not parts:
        return ""
    return "<h2>اندازه‌گیری‌ها و مقایسه با محدودهٔ طبیعی</h2>" + "".join(parts)


def _findings_html(findings: Findings) -> str:
    rows = []
    for region, (title_fa, _en, options) in REGIONS.items():
        value = findings.regions.get(region)
        if value is None or not (value.codes or value.note):
            items = "<span class='muted'>یافتهٔ خاصی ثبت نشد</span>"
        else:
            items = "، ".join(esc(options[c][0]) for c in value.codes)
            if value.note:
                items += ("<br/>" if items else "") + esc(value.note)
        rows.append(f"<tr><td align='right'>{items}</td><th align='right' width='20%'>{esc(title_fa)}</th></tr>")
    html = "<h2>یافته‌های بالینی</h2><table class='grid' width='100%' cellspacing='0'>" + "".join(rows) + "</table>"
    if findings.free_text:
        html += f"<h3>شرح پزشک</h3><p>{esc(findings.free_text)}</p>"
    procs = "، ".join(esc(PROCEDURES[p][0]) for p in findings.procedures) or "—"
    html += f"<h2>روش پیشنهادی</h2><p><b>{procs}</b></p>"
    if findings.procedure_note:
        html += f"<p>{esc(findings.procedure_note)}</p>"
    if findings.norm_sex:
        who = "بانوان" if findings.norm_sex == "female" else "آقایان"
        html += f"<p class='small muted'>محدوده‌های طبیعی برای {who} به کار رفته است.</p>"
    return html


def _signature_html(findings: Findings) -> str:
    sig = findings.signature
    if sig is None:
        body = "<p class='muted'>این گزارش هنوز امضا نشده است (پیش‌نویس).</p>"
    else:
        when = format_jalali_datetime(dt.datetime.fromisoformat(sig.signed_at).astimezone(), "fa")
        body = (
            f"<p><b>{esc(sig.display_name)}</b><br/>شمارهٔ نظام پزشکی: {esc(to_persian_digits(sig.medical_council_no))}"
            f"<br/><span class='muted small'>امضای الکترونیکی در {when}</span></p>"
        )
    return (
        "<br/><table width='100%' cellspacing='0'><tr>"
        "<td width='45%' style='border: 1px solid #0f4c5c; padding: 10px;' align='right'>"
        f"<h3>امضای پزشک</h3>{body}</td><td width='55%'></td></tr></table>"
    )


def _disclaimer() -> str:
    return (
        "<p class='small muted'>اندازه‌ها از روی عکس و با نقاط آناتومیک خودکار (و در صورت نیاز اصلاح‌شده به دست پزشک)"
        " محاسبه شده‌اند؛ مقیاس میلی‌متری تقریبی و بر پایهٔ قطر عنبیه است. محدوده‌های طبیعی از منابع علمی"
        " است و جایگزین معاینهٔ بالینی نیست. طبق سیاست حریم خصوصی، همهٔ فایل‌ها پس از تحویل این گزارش نابود می‌شوند.</p>"
    )


def report_html(data: ReportData) -> tuple[str, dict[str, QImage], str]:
    images: dict[str, QImage] = {}
    photos = _ordered(data.photos)
    main = [p for p in photos if p.landmarks and p.measurements] or photos[:2]
    html = (
        f"<html><head><style>{CSS}</style></head><body dir='rtl'>"
        + _header(data)
        + _photos_html(main, images)
        + _measurements_html(main)
        + _findings_html(data.findings)
        + _signature_html(data.findings)
        + _disclaimer()
        + "</body></html>"
    )
    return html, images, f"{data.clinic_name} — گزارش محرمانهٔ پزشکی"


def render_clinical_report(data: ReportData) -> bytes:
    html, images, footer = report_html(data)
    return render_pdf(html, title="گزارش بالینی", footer=footer, images=images)


def print_clinical_report(data: ReportData, printer: Any) -> int:
    """Print on a QPrinter chosen in QPrintDialog (same layout as the PDF). Returns the page count."""
    html, images, footer = report_html(data)
    return paint_pages(printer, html, footer=footer, images=images)


def build_clinical_report(session: Any, order_id: int) -> bytes:
    return render_clinical_report(collect_report(session, order_id))
