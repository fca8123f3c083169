"""A client's access report as PDF bytes: who opened their files, in what role, when and why
(consent / break-glass / import / legal), refusals, and the destruction receipts.

Data from `core.access_log.client_access_report` (manager only, audited).
"""

from __future__ import annotations

import datetime as dt

from maya_desktop.core.access_log import BASIS_FA, AccessReport
from maya_desktop.core.persian import format_jalali_date, format_jalali_datetime, to_persian_digits
from maya_desktop.reports.clinical_report import CSS
from maya_desktop.reports.pdf import Pages, esc, render_pdf

KIND_COLOURS = {"denied": "#b1321e", "breakglass": "#b1321e", "destruction": "#1f7a43", "legal": "#7c3aed"}
RULES_FA = {
    "retention": "پایان مهلت نگهداری پس از تحویل",
    "cancelled": "لغو سفارش",
    "expired": "انقضای پیش‌فاکتور",
    "client_request": "درخواست مشتری",
    "client_erased": "حذف کامل مشتری",
}


def _when(ts: str) -> str:
    return format_jalali_datetime(dt.datetime.fromisoformat(ts).astimezone(), "fa")


def _held_by(receipt: dict[str, object]) -> str:
    hold = receipt.get("legal_hold")
    if not isinstance(hold, int):
        return ""
    return f"<br/><span class='small muted'>پس از پایان نگهداری قانونی (درخواست {to_persian_digits(hold)})</span>"


def _holds_html(report: AccessReport) -> str:
    """The legal holds on the client's data (listed by `core.access_log` once lifted, unless the clinic
    chose to list them at once)."""
    if not report.holds:
        return ""
    rows = "".join(
        f"<tr><td align='right'>{esc(h.court_reference)}</td>"
        f"<td align='right'>{_when(h.lifted_at) if h.lifted_at else 'هنوز ادامه دارد'}</td>"
        f"<td align='right'>{_when(h.placed_at)}</td>"
        f"<td align='center'>{to_persian_digits(h.request_id)}</td></tr>"
        for h in report.holds
    )
    return (
        "<h2>نگهداری قانونی</h2><p class='small muted'>در این مدت، به دستور مرجع قضایی، فایل‌های مشمول درخواست"
        " نابود نشد؛ پس از پایان آن، نابودی بی‌درنگ انجام شد.</p><table class='grid' width='100%' cellspacing='0'>"
        "<tr><th>مرجع قضایی و شمارهٔ پرونده</th><th>پایان</th><th>آغاز</th><th>درخواست</th></tr>" + rows + "</table>"
    )


def access_report_html(report: AccessReport, clinic_name: str) -> str:
    rows = []
    for e in report.events:
        if e.receipt:
            continue
        colour = KIND_COLOURS.get(e.kind, "#1f2933")
        what = esc(e.what_fa)
        if e.photo_id is not None:
            what += f" <span class='small muted'>(عکس شمارهٔ {to_persian_digits(e.photo_id)})</span>"
        why = BASIS_FA.get(e.basis, "—")
        if e.reason:
            why += f"<br/><span class='small muted'>{esc(e.reason)}</span>"
        # Qt lays table columns out left to right: cells in visual order (the first column is on the right).
        rows.append(
            f"<tr><td align='right'>{why}</td>"
            f"<td align='right'><span style='color:{colour};'>{what}</span></td>"
            f"<td align='right'>{esc(e.role)}</td><td align='right'>{esc(e.display_name)}</td>"
            f"<td align='right'>{_when(e.ts)}</td></tr>"
        )
    table = (
        "<table class='grid' width='100%' cellspacing='0'>"
        "<tr><th width='22%'>مبنای دسترسی</th><th width='26%'>رویداد</th><th width='10%'>نقش</th>"
        "<th width='18%'>چه کسی</th><th width='24%' align='right'>زمان</th></tr>"
        + ("".join(rows) or "<tr><td colspan='5' align='center'>هیچ دسترسی‌ای ثبت نشده است.</td></tr>")
        + "</table>"
    )
    receipts = []
    for e in report.receipts:
        r = e.receipt or {}
        files = r.get("files", [])
        receipts.append(
            f"<tr><td align='right' dir='ltr'><span class='small'>{esc(r.get('key_id') or '—')}</span></td>"
            f"<td align='center'>{to_persian_digits(len(files))}</td>"
            f"<td align='right'>{esc(RULES_FA.get(r.get('rule', ''), r.get('rule', '')))}{_held_by(r)}</td>"
            f"<td align='right'>{esc(str(r.get('order_ref', ''))[:10].upper())}</td>"
            f"<td align='right'>{_when(r.get('destroyed_at') or e.ts)}</td></tr>"
        )
    receipts_html = (
        "<h2>رسیدهای نابودی فایل‌ها</h2><table class='grid' width='100%' cellspacing='0'>"
        "<tr><th>شناسهٔ کلید نابودشده</th><th>تعداد فایل</th><th>قاعده</th><th>پرونده</th>"
        "<th align='right'>زمان</th></tr>" + "".join(receipts) + "</table>"
        if receipts
        else "<h2>رسیدهای نابودی فایل‌ها</h2><p class='muted'>هنوز پرونده‌ای از این مشتری نابود نشده است.</p>"
    )
    today = format_jalali_date(dt.datetime.now().astimezone(), "fa")
    receipts_html += _holds_html(report)
    return (
        f"<html><head><style>{CSS}</style></head><body dir='rtl'>"
        f"<div style='font-size: 9pt; color:#0f4c5c; font-weight:bold;'>{esc(clinic_name)}</div>"
        "<h1>گزارش دسترسی به فایل‌های مشتری</h1>"
        f"<p>مشتری: <b>{esc(report.first_name)} {esc(report.last_name)}</b> — تاریخ گزارش: {today} — "
        f"تعداد پرونده‌ها: {to_persian_digits(len(report.orders))}</p>"
        "<p class='small muted'>این گزارش از دفتر رویدادهای زنجیره‌ای (ضد دست‌کاری) ساخته شده و هر بار باز شدن عکس‌ها،"
        " تحلیل، گزارش پزشک و فرم رضایت را با نام فرد، نقش، زمان و مبنای دسترسی نشان می‌دهد.</p>"
        f"<h2>دسترسی‌ها</h2>{table}{receipts_html}</body></html>"
    )


def render_access_report(report: AccessReport, clinic_name: str) -> bytes:
    return render_pdf(
        Pages(access_report_html(report, clinic_name), f"{clinic_name} — گزارش دسترسی مشتری"), title="گزارش دسترسی"
    )


def build_access_report(session: object, client_id: int) -> bytes:
    from maya_desktop.core.access_log import client_access_report

    report = client_access_report(session, client_id)  # type: ignore[arg-type]
    clinic = session.conn.execute("SELECT name FROM clinic").fetchone()[0]  # type: ignore[attr-defined]
    return render_access_report(report, clinic)
