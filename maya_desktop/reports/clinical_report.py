"""The doctor's signed clinical report (Persian, right-to-left, Jalali date) as PDF bytes.

`collect_report(session, order_id)` reads everything through core (each read checked and audited);
`render_clinical_report(data)` lays it out with Qt (annotated photos painted with QPainter onto the
decoded QImage in memory, the measurement tables with norms and status, the findings, the signature
block). Nothing is written to disk: the bytes go to `core.orders.findings.store_report_pdf`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QImage

from maya_desktop.core.orders.findings import PROCEDURES, REGIONS, Findings
from maya_desktop.core.orders.states import VIEW_LABELS_FA
from maya_desktop.core.persian import format_jalali_date, format_jalali_datetime, to_ascii_digits, to_persian_digits
from maya_desktop.reports.annotate import LRI, PDI, STATUS_COLOURS, degrees_text, paint_overlay, primitives
from maya_desktop.reports.pdf import Pages, esc, fit_image, paint_pages, render_page_images, render_pdf

STATUS_FA = {
    "within": "در محدودهٔ طبیعی",
    "below": "کمتر از طبیعی",
    "above": "بیشتر از طبیعی",
    "not_measurable": "قابل اندازه‌گیری نیست",
}
STATUS_EN = {
    "within": "normal",
    "below": "below normal",
    "above": "above normal",
    "not_measurable": "not measurable",
}
UNIT_FA = {"deg": "°", "mm": " میلی‌متر", "pct": "٪", "ratio": ""}
UNIT_EN = {"deg": "°", "mm": " mm", "pct": "%", "ratio": ""}
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
    photo_id: int | None = None


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


def en_number(value: float, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace("-", "−")


def _digits(m: Any) -> int:
    return 2 if m.unit == "ratio" else 1 if m.unit in ("mm", "pct") else 0


def _with_unit(value: float, m: Any, lang: str) -> str:
    if lang == "en":
        return f"{en_number(value, _digits(m))}{UNIT_EN.get(m.unit, '')}"
    if m.unit == "deg":  # the degree sign kept right of its digits (annotate.degrees_text)
        return f"{LRI}{fa_number(value, 0)}°{PDI}"
    return f"{fa_number(value, _digits(m))}{UNIT_FA.get(m.unit, '')}"


_REASONS_FA = (
    (re.compile(r"head turned (\d+) deg"), "سر {0} درجه به پهلو چرخیده است؛ عکس روبه‌روی صاف لازم است"),
    (re.compile(r"head tilted up (\d+) deg"), "سر {0} درجه رو به بالاست؛ عکس تراز لازم است"),
    (re.compile(r"head tilted down (\d+) deg"), "سر {0} درجه رو به پایین است؛ عکس تراز لازم است"),
    (re.compile(r"head tilted sideways (\d+) deg"), "سر {0} درجه به یک سو خم شده است؛ عکس تراز لازم است"),
    (re.compile(r"no millimetre scale"), "مقیاس میلی‌متری در دست نیست (عنبیه پیدا نشد و خط مرجعی رسم نشده است)"),
    (re.compile(r"hair covers the forehead"), "مو پیشانی را پوشانده و خط رویش مو دیده نمی‌شود"),
    (re.compile(r"hairline not found"), "خط رویش مو پیدا نشد (پیشانی بی‌مو یا پوشیده)"),
    (re.compile(r"^(\w+) not located"), "نقطهٔ «{0}» پیدا نشد"),
    (re.compile(r"^(\w+) not confident"), "نقطهٔ «{0}» با اطمینان کافی پیدا نشد"),
)


def reason_text(reason: str, lang: str = "fa") -> str:
    """Why a measurement could not be made, in the interface language (core records it in English)."""
    from maya_desktop.reports.annotate import landmark_label

    if not reason:
        return ""
    for pattern, persian in _REASONS_FA:
        found = pattern.search(reason)
        if found is None:
            continue
        if lang == "en":
            if persian.startswith("نقطه"):
                name = found.group(1)
                return reason.replace(name, landmark_label(name, "en") or name, 1)
            return reason
        args = [
            landmark_label(g, "fa") or g if persian.startswith("نقطه") else to_persian_digits(g) for g in found.groups()
        ]
        return persian.format(*args)
    return reason if lang == "en" else "هندسهٔ نقاط برای این اندازه مناسب نیست"


def format_value(m: Any, lang: str = "fa") -> str:
    """A measurement's value with its unit: "133°", "12.4 mm" / «۱۳۳°», «۱۲٫۴ میلی‌متر»."""
    if m.value is None:
        return "—"
    return _with_unit(m.value, m, lang) if lang == "en" else f"{RLM}{_with_unit(m.value, m, lang)}"


def format_range(m: Any, lang: str = "fa") -> str:
    """The normal range: "115° to 135°" / «۱۱۵° تا ۱۳۵°» (every number with its own unit sign)."""
    if not m.normal_range:
        return "—"
    lo, hi = m.normal_range
    if lang == "en":
        if m.unit == "mm":
            return f"{en_number(lo, 1)} to {en_number(hi, 1)} mm"
        return f"{_with_unit(lo, m, 'en')} to {_with_unit(hi, m, 'en')}"
    if m.unit == "deg":
        return f"{RLM}{_with_unit(lo, m, 'fa')} تا {_with_unit(hi, m, 'fa')}"
    digits = _digits(m)
    return f"{RLM}{fa_number(lo, digits)} تا {fa_number(hi, digits)}{UNIT_FA.get(m.unit, '')}"


def collect_report(session: Any, order_id: int, findings: Findings | None = None) -> ReportData:
    """Everything the report shows, read through core (access-checked and audited). `findings`: the
    doctor's findings not yet saved (a preview before signing), instead of the stored ones."""
    from maya_desktop.core.orders.cases import open_case
    from maya_desktop.core.orders.corrections import analysis_view, landmarks_of, live_measurements
    from maya_desktop.core.orders.findings import load_findings
    from maya_desktop.core.photos import get_analysis, list_photos, open_photo

    case = open_case(session, order_id)
    if findings is None:
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
        photos.append(ReportPhoto(info.view, image, analysis, ms, lms, view, corrected, info.id))
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
.warn { color: #7a4b00; font-weight: bold; }
table.grid { border-collapse: collapse; }
table.grid td, table.grid th { border: 1px solid #d5dbe3; padding: 4px 6px; }
table.grid th { background-color: #eef3f6; color: #0f4c5c; font-weight: bold; }
.badge { font-weight: bold; }
"""

VIEW_LABELS_EN = {
    "frontal": "Frontal",
    "profile_left": "Left profile",
    "profile_right": "Right profile",
    "oblique_left": "Left oblique",
    "oblique_right": "Right oblique",
    "base": "Base (nasal base)",
}

# Every fixed text of the report, Persian and English.
TEXT: dict[str, tuple[str, str]] = {
    "date": ("تاریخ گزارش", "Report date"),
    "client": ("مراجع", "Client"),
    "case": ("شمارهٔ پرونده", "Case number"),
    "doctor": ("پزشک", "Doctor"),
    "title": ("گزارش بالینی تحلیل چهره و بینی", "Clinical report: facial and nasal analysis"),
    "subtitle": ("تحلیل پیش از جراحی زیبایی بینی (رینوپلاستی)", "Pre-operative rhinoplasty analysis"),
    "photos": ("تصاویر و نقاط آناتومیک", "Photos and anatomical landmarks"),
    "unknown_view": ("نمای نامشخص", "Unknown view"),
    "corrected_mark": (" — نقاط اصلاح‌شده توسط پزشک", " — landmarks corrected by the doctor"),
    "measure_view": ("اندازه‌ها — نمای {0}", "Measurements — {0} view"),
    "corrected_note": (
        "نقاطی از این نما به دست پزشک اصلاح شده و اندازه‌ها با نقاط اصلاح‌شده محاسبه شده‌اند.",
        "Some landmarks of this view were corrected by the doctor; the measurements use the corrected points.",
    ),
    "status": ("وضعیت", "Status"),
    "range": ("محدودهٔ طبیعی", "Normal range"),
    "value": ("مقدار", "Value"),
    "measurement": ("اندازه", "Measurement"),
    "measurements": ("اندازه‌گیری‌ها و مقایسه با محدودهٔ طبیعی", "Measurements compared with normal ranges"),
    "scale_iris": (
        "مقیاس میلی‌متری: قطر عنبیه (۱۱٫۷ میلی‌متر)، تقریبی (±{0}٪).",
        "Millimetre scale: iris diameter (11.7 mm), approximate (±{0}%).",
    ),
    "scale_reference": (
        "مقیاس میلی‌متری: خط مرجعی به طول {0} میلی‌متر که پزشک روی عکس رسم کرده است.",
        "Millimetre scale: a reference line of {0} mm drawn on the photo by the doctor.",
    ),
    "scale_none": ("مقیاس میلی‌متری ندارد؛ اندازه‌های میلی‌متری محاسبه نشد.", "No millimetre scale; no mm values."),
    "no_finding": ("یافتهٔ خاصی ثبت نشد", "No particular finding"),
    "findings": ("یافته‌های بالینی", "Clinical findings"),
    "notes": ("شرح پزشک", "Doctor's notes"),
    "procedure": ("روش پیشنهادی", "Recommended procedure"),
    "norms_female": ("محدوده‌های طبیعی برای بانوان به کار رفته است.", "Normal ranges for women were used."),
    "norms_male": ("محدوده‌های طبیعی برای آقایان به کار رفته است.", "Normal ranges for men were used."),
    "unsigned": ("این گزارش هنوز امضا نشده است (پیش‌نویس).", "This report is not signed yet (draft)."),
    "council": ("شمارهٔ نظام پزشکی", "Medical council no."),
    "signed_at": ("امضای الکترونیکی در {0}", "Signed electronically on {0}"),
    "signature": ("امضای پزشک", "Doctor's signature"),
    "disclaimer": (
        "اندازه‌ها از روی عکس و با نقاط آناتومیک خودکار (و در صورت نیاز اصلاح‌شده به دست پزشک)"
        " محاسبه شده‌اند؛ مقیاس میلی‌متری تقریبی است (قطر عنبیه یا خط مرجع پزشک، برای هر نما در بالا آمده است)."
        " محدوده‌های طبیعی از منابع علمی است و جایگزین معاینهٔ بالینی نیست. طبق سیاست حریم خصوصی، همهٔ فایل‌ها"
        " پس از تحویل این گزارش نابود می‌شوند.",
        "Measurements were computed on the photos from automatic anatomical landmarks (corrected by the doctor"
        " where needed); the millimetre scale is approximate (iris diameter or the doctor's reference line, stated"
        " above for each view). Normal ranges come from the literature and do not replace a clinical examination."
        " Under the privacy policy, all files are destroyed after this report is delivered.",
    ),
    "footer": ("{0} — گزارش محرمانهٔ پزشکی", "{0} — confidential medical report"),
    "pdf_title": ("گزارش بالینی", "Clinical report"),
    "page": ("صفحهٔ {0} از {1}", "Page {0} of {1}"),
    "sim_title": (
        "شبیه‌سازی — نمایش تقریبی، نه نتیجهٔ قطعی جراحی",
        "Simulation — an approximate illustration, not a promised result",
    ),
    "sim_note": (
        "این تصویر با تغییر شکل رایانه‌ای عکس نیم‌رخ ساخته شده تا تغییر برنامه‌ریزی‌شده را نشان دهد. بافت نرم و"
        " روند بهبود در هر فرد متفاوت است و نتیجهٔ جراحی ممکن است با آن فرق داشته باشد؛ این تصویر تعهدی به نتیجه نیست.",
        "This image was made by warping the profile photo by computer to illustrate the planned change. Soft"
        " tissue and healing differ from person to person and the surgical result may differ; this image is"
        " no promise of a result.",
    ),
    "sim_now": ("اکنون", "Now"),
    "sim_after": ("شبیه‌سازی (نه نتیجهٔ قطعی)", "Simulation (not a promised result)"),
    "sim_plan": ("تغییر برنامه‌ریزی‌شده", "Planned change"),
    "sim_hump": ("کاهش قوز پشت بینی: {0} میلی‌متر", "Dorsal hump reduction: {0} mm"),
    "sim_projection": ("برجستگی نوک بینی: {0} میلی‌متر", "Tip projection: {0} mm"),
    "sim_rotation": ("چرخش نوک به بالا: {0}", "Tip rotation (upward): {0}"),
    "sim_nasolabial": ("بازتر شدن زاویهٔ بینی-لب: {0}", "Nasolabial angle opened by: {0}"),
    "sim_before": ("اکنون", "Now"),
    "sim_after_col": ("پس از شبیه‌سازی", "Simulated"),
}


def tx(key: str, lang: str) -> str:
    fa, en = TEXT[key]
    return en if lang == "en" else fa


def view_name(view: str | None, lang: str) -> str:
    if lang == "en":
        return VIEW_LABELS_EN.get(view or "", tx("unknown_view", lang))
    return VIEW_LABELS_FA.get(view or "", tx("unknown_view", lang))


def _num(value: float, lang: str, digits: int = 1) -> str:
    return en_number(value, digits) if lang == "en" else fa_number(value, digits)


def _row(cells: list[str], lang: str) -> str:
    """Qt lays table columns out left to right: in Persian the cells are written in visual order (reversed)."""
    return "<tr>" + "".join(reversed(cells) if lang != "en" else cells) + "</tr>"


def _ordered(photos: Iterable[ReportPhoto]) -> list[ReportPhoto]:
    rank = {v: i for i, v in enumerate(REPORT_VIEW_ORDER)}
    return sorted(photos, key=lambda p: rank.get(p.view or "", 99))


def _annotated(photo: ReportPhoto, lang: str = "fa") -> QImage:
    image = fit_image(photo.image, 1400)
    if not photo.landmarks:
        return image
    sx = image.width() / max(1, photo.image.width())
    scaled = {k: type(v)(v.x * sx, v.y * sx, v.confidence, v.source) for k, v in photo.landmarks.items()}
    return paint_overlay(
        image,
        primitives(scaled, photo.measurements, photo.analysis_view, lang=lang),
        groups=("lines", "angles", "landmarks"),
    )


def _header(data: ReportData, lang: str) -> str:
    date = format_jalali_date(data.generated_at.astimezone(), "en" if lang == "en" else "fa")
    sig = data.findings.signature
    doctor = esc(sig.display_name) if sig else "—"
    align = "left" if lang == "en" else "right"
    rows = "".join(
        _row([f"<th align='{align}'>{tx(k, lang)}</th>", f"<td align='{align}'>{v}</td>"], lang)
        for k, v in (
            ("date", date),
            ("client", esc(data.client_name)),
            ("case", esc(data.order_ref[:10].upper())),
            ("doctor", doctor),
        )
    )
    facts = f"<td width='38%' valign='bottom'><table class='grid' cellspacing='0' width='100%'>{rows}</table></td>"
    title = (
        f"<td width='62%' valign='bottom' align='{align}'>"
        f"<div style='font-size: 9pt; color:#0f4c5c; font-weight:bold;'>{esc(data.clinic_name)}</div>"
        f"<h1>{tx('title', lang)}</h1><div class='muted small'>{tx('subtitle', lang)}</div></td>"
    )
    cells = [title, facts] if lang == "en" else [facts, title]
    return (
        "<table width='100%' cellspacing='0' cellpadding='0' style='margin-bottom: 6px;'><tr>"
        + "".join(cells)
        + "</tr></table><hr style='color:#0f4c5c; background-color:#0f4c5c; height:2px; border:0;'/>"
    )


def _img(name: str, img: QImage, width: int = 318, max_height: int = 380) -> str:
    height = round(width * img.height() / max(1, img.width()))
    if height > max_height:
        height, width = max_height, round(max_height * img.width() / max(1, img.height()))
    return f'<img src="{name}" width="{width}" height="{height}"/>'


def _photos_html(photos: list[ReportPhoto], images: dict[str, QImage], lang: str) -> str:
    if not photos:
        return ""
    cells = []
    for i, photo in enumerate(photos):
        name = f"mem:photo{i}"
        img = _annotated(photo, lang)
        images[name] = img
        mark = tx("corrected_mark", lang) if photo.corrected_points else ""
        cells.append(
            f'<td align="center" valign="top" width="50%">{_img(name, img)}'
            f'<div class="small"><b>{esc(view_name(photo.view, lang))}</b><span class="muted">{mark}</span></div></td>'
        )
    rows = "".join(_row(cells[i : i + 2], lang) for i in range(0, len(cells), 2))
    return f"<h2>{tx('photos', lang)}</h2><table width='100%' cellspacing='6'>{rows}</table>"


def measurement_rows(ms: Iterable[Any], lang: str = "fa") -> str:
    rows = []
    align = "left" if lang == "en" else "right"
    status_names = STATUS_EN if lang == "en" else STATUS_FA
    for m in ms:
        colour = STATUS_COLOURS.get(m.status, "#6b7280")
        label = m.label_en if lang == "en" else m.label_fa
        rows.append(
            _row(
                [
                    f"<td align='{align}'>{esc(label)}</td>",
                    f"<td align='center'>{format_value(m, lang)}</td>",
                    f"<td align='center'>{format_range(m, lang)}</td>",
                    f"<td align='center'><span style='color:{colour}; font-weight:bold;'>"
                    f"{status_names.get(m.status, m.status)}</span></td>",
                ],
                lang,
            )
        )
    return "".join(rows)


def scale_sentence(photo: ReportPhoto, lang: str) -> str:
    """How millimetres were measured on this photo (iris or the doctor's reference line)."""
    from maya_desktop.core.orders.corrections import scale_of

    scale = scale_of(photo.analysis, photo.landmarks, photo.analysis_view or "frontal")
    if scale["method"] == "reference":
        return tx("scale_reference", lang).format(_num(scale["reference_mm"], lang))
    if scale["method"] == "iris":
        return tx("scale_iris", lang).format(_num(scale["uncertainty_pct"] or 0, lang))
    return tx("scale_none", lang)


def _measurements_html(photos: list[ReportPhoto], lang: str = "fa") -> str:
    parts = []
    align = "left" if lang == "en" else "right"
    for photo in photos:
        ms = [m for m in photo.measurements if not m.key.startswith("symmetry_") or m.key == "symmetry_index"]
        if not ms:
            continue
        note = f"<div class='small muted'>{tx('corrected_note', lang)}</div>" if photo.corrected_points else ""
        head = _row(
            [
                f"<th align='{align}' width='40%'>{tx('measurement', lang)}</th>",
                f"<th width='16%'>{tx('value', lang)}</th>",
                f"<th width='22%'>{tx('range', lang)}</th>",
                f"<th width='22%'>{tx('status', lang)}</th>",
            ],
            lang,
        )
        parts.append(
            f"<h3>{esc(tx('measure_view', lang).format(view_name(photo.view, lang)))}</h3>{note}"
            f"<div class='small muted'>{scale_sentence(photo, lang)}</div>"
            f"<table class='grid' width='100%' cellspacing='0'>{head}{measurement_rows(ms, lang)}</table>"
        )
    if not parts:
        return ""
    return f"<h2>{tx('measurements', lang)}</h2>" + "".join(parts)


def _findings_html(findings: Findings, lang: str = "fa") -> str:
    en = lang == "en"
    sep = ", " if en else "، "
    align = "left" if en else "right"
    rows = []
    for region, (title_fa, title_en, options) in REGIONS.items():
        value = findings.regions.get(region)
        if value is None or not (value.codes or value.note):
            items = f"<span class='muted'>{tx('no_finding', lang)}</span>"
        else:
            items = sep.join(esc(options[c][1 if en else 0]) for c in value.codes)
            if value.note:
                items += ("<br/>" if items else "") + esc(value.note)
        title = title_en if en else title_fa
        rows.append(
            _row([f"<th align='{align}' width='20%'>{esc(title)}</th>", f"<td align='{align}'>{items}</td>"], lang)
        )
    html = (
        f"<h2>{tx('findings', lang)}</h2><table class='grid' width='100%' cellspacing='0'>" + "".join(rows) + "</table>"
    )
    if findings.free_text:
        html += f"<h3>{tx('notes', lang)}</h3><p>{esc(findings.free_text)}</p>"
    procs = sep.join(esc(PROCEDURES[p][1 if en else 0]) for p in findings.procedures) or "—"
    html += f"<h2>{tx('procedure', lang)}</h2><p><b>{procs}</b></p>"
    if findings.procedure_note:
        html += f"<p>{esc(findings.procedure_note)}</p>"
    if findings.norm_sex:
        html += (
            f"<p class='small muted'>{tx('norms_female' if findings.norm_sex == 'female' else 'norms_male', lang)}</p>"
        )
    return html


def _signature_html(findings: Findings, lang: str = "fa") -> str:
    sig = findings.signature
    align = "left" if lang == "en" else "right"
    if sig is None:
        body = f"<p class='muted'>{tx('unsigned', lang)}</p>"
    else:
        when = format_jalali_datetime(
            dt.datetime.fromisoformat(sig.signed_at).astimezone(), "en" if lang == "en" else "fa"
        )
        number = to_ascii_digits(sig.medical_council_no) if lang == "en" else to_persian_digits(sig.medical_council_no)
        body = (
            f"<p><b>{esc(sig.display_name)}</b><br/>{tx('council', lang)}: {esc(number)}"
            f"<br/><span class='muted small'>{tx('signed_at', lang).format(when)}</span></p>"
        )
    box = (
        f"<td width='45%' style='border: 1px solid #0f4c5c; padding: 10px;' align='{align}'>"
        f"<h3>{tx('signature', lang)}</h3>{body}</td>"
    )
    return "<br/><table width='100%' cellspacing='0'>" + _row(["<td width='55%'></td>", box], lang) + "</table>"


def _simulation_html(data: ReportData, images: dict[str, QImage], lang: str) -> str:
    """The simulation the doctor put in the report, recomputed here from the photo (in memory) and
    the parameters kept in the findings; labelled as a simulation, not a promised result."""
    import numpy as np

    from maya_desktop.core.analysis.simulation import NoseChange, SimulationError, simulate_nose
    from maya_desktop.core.orders.corrections import live_measurements, scale_of

    kept = data.findings.simulation
    if not kept:
        return ""
    photo = next((p for p in data.photos if p.photo_id == kept.get("photo_id")), None)
    if photo is None or not photo.landmarks or not (photo.analysis_view or "").endswith("_profile"):
        return ""
    change = NoseChange.from_dict(kept)
    rgb = photo.image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    pixels = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)[:, : w * 3]
    pixels = np.ascontiguousarray(pixels.reshape(h, w, 3))
    scale = scale_of(photo.analysis, photo.landmarks, photo.analysis_view or "")
    try:
        sim = simulate_nose(pixels, photo.landmarks, change, scale["mm_per_px"])
    except SimulationError:
        return ""
    warped = QImage(sim.image.data, w, h, w * 3, QImage.Format.Format_RGB888).copy()
    lms = photo.landmarks
    xs = [lms[n].x for n in ("nasion", "pronasale", "subnasale")]
    ys = [lms[n].y for n in ("nasion", "pronasale", "subnasale")]
    size = max(max(xs) - min(xs), max(ys) - min(ys), 20.0) * 1.3
    cx, cy = sum(xs) / 3, sum(ys) / 3
    x0, y0 = max(0, int(cx - size)), max(0, int(cy - size))
    x1, y1 = min(w, int(cx + size)), min(h, int(cy + size))
    before_img = fit_image(photo.image.copy(x0, y0, x1 - x0, y1 - y0), 700)
    after_img = fit_image(warped.copy(x0, y0, x1 - x0, y1 - y0), 700)
    images["mem:sim_before"], images["mem:sim_after"] = before_img, after_img
    cells = [
        f"<td align='center' width='50%'>{_img('mem:sim_before', before_img, 260, 300)}"
        f"<div class='small'><b>{tx('sim_now', lang)}</b></div></td>",
        f"<td align='center' width='50%'>{_img('mem:sim_after', after_img, 260, 300)}"
        f"<div class='small warn'>{tx('sim_after', lang)}</div></td>",
    ]
    deg = degrees_text
    plan = [
        tx("sim_hump", lang).format(_num(change.hump_mm, lang)),
        tx("sim_projection", lang).format(_num(change.projection_mm, lang)),
        tx("sim_rotation", lang).format(deg(change.rotation_deg, lang)),
        tx("sim_nasolabial", lang).format(deg(change.nasolabial_deg, lang)),
    ]
    sex = data.findings.norm_sex
    after = live_measurements(photo.analysis or {}, sim.landmarks, photo.analysis_view or "", sex)
    old = {m.key: m for m in photo.measurements}
    keys = ("nasolabial_angle", "nasofrontal_angle", "tip_rotation_angle", "goode_ratio", "dorsal_hump_pct")
    align = "left" if lang == "en" else "right"
    rows = [
        _row(
            [
                f"<th align='{align}'>{tx('measurement', lang)}</th>",
                f"<th>{tx('sim_before', lang)}</th>",
                f"<th>{tx('sim_after_col', lang)}</th>",
                f"<th>{tx('range', lang)}</th>",
            ],
            lang,
        )
    ]
    for m in after:
        if m.key not in keys:
            continue
        was = old.get(m.key)
        rows.append(
            _row(
                [
                    f"<td align='{align}'>{esc(m.label_en if lang == 'en' else m.label_fa)}</td>",
                    f"<td align='center'>{format_value(was, lang) if was else '—'}</td>",
                    f"<td align='center'>{format_value(m, lang)}</td>",
                    f"<td align='center'>{format_range(m, lang)}</td>",
                ],
                lang,
            )
        )
    return (
        f"<h2>{tx('sim_title', lang)}</h2><p class='warn'>{tx('sim_note', lang)}</p>"
        f"<table width='100%' cellspacing='6'>{_row(cells, lang)}</table>"
        f"<h3>{tx('sim_plan', lang)}</h3><p>{'<br/>'.join(plan)}</p>"
        f"<table class='grid' width='100%' cellspacing='0'>{''.join(rows)}</table>"
    )


def report_html(data: ReportData, lang: str = "fa") -> tuple[str, dict[str, QImage], str]:
    images: dict[str, QImage] = {}
    photos = _ordered(data.photos)
    main = [p for p in photos if p.landmarks and p.measurements] or photos[:2]
    html = (
        f"<html><head><style>{CSS}</style></head><body dir='{'ltr' if lang == 'en' else 'rtl'}'>"
        + _header(data, lang)
        + _photos_html(main, images, lang)
        + _measurements_html(main, lang)
        + _simulation_html(data, images, lang)
        + _findings_html(data.findings, lang)
        + _signature_html(data.findings, lang)
        + f"<p class='small muted'>{tx('disclaimer', lang)}</p>"
        + "</body></html>"
    )
    return html, images, tx("footer", lang).format(data.clinic_name)


def report_pages(data: ReportData, lang: str = "fa") -> Pages:
    """The report laid out in Persian (right to left) or English (left to right)."""
    html, images, footer = report_html(data, lang)
    return Pages(html, footer, images, rtl=lang != "en", page_label=tx("page", lang))


def render_clinical_report(data: ReportData, lang: str = "fa") -> bytes:
    """The report as PDF bytes."""
    return render_pdf(report_pages(data, lang), title=tx("pdf_title", lang))


def clinical_report_pages(data: ReportData, lang: str = "fa", scale: float = 1.0) -> list[QImage]:
    """The pages of `render_clinical_report(data, lang)` as images (same HTML, same page painting), in memory."""
    return render_page_images(report_pages(data, lang), scale=scale)


def print_clinical_report(data: ReportData, printer: Any, lang: str = "fa") -> int:
    """Print on a QPrinter chosen in QPrintDialog (same layout as the PDF). Returns the page count."""
    return paint_pages(printer, report_pages(data, lang))


def paint_printable(printable: Any, device: Any) -> int:
    """Paint a `reports.operations.PrintableReport` (made where the vault is, perhaps on the vault host) on a
    QPrinter or a print preview's printer: the same page painting as the PDF, its pictures decoded from the
    bytes in memory. Returns the page count."""
    images = {name: QImage.fromData(data) for name, data in printable.images}
    try:
        return paint_pages(device, Pages(printable.html, printable.footer, images, printable.rtl, printable.page_label))
    finally:
        images.clear()


def build_clinical_report(session: Any, order_id: int, lang: str = "fa") -> bytes:
    return render_clinical_report(collect_report(session, order_id), lang)
