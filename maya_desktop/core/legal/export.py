"""The scoped export of an approved legal request (P12): exactly what the court asked for, nothing else.

Into a new folder `maya-legal-request-NNNN` inside the folder the manager chose:

- `order-<n>/photo-01-frontal.jpg`, `report-findings.txt|json`, `report-signed.pdf`, `document-01.pdf`,
  `consent-form-01.jpg` — decrypted files, only of the kinds in scope and only of orders in scope whose
  keys still exist. A destroyed order's data no longer exists: it is listed in the manifest with its
  deletion receipt instead.
- `manifest.json` — the request, and (when in scope) the client's identity, order metadata, consent
  and access history, with Persian+English field names, and the SHA-256 of every data file.
- `cover-sheet.txt` — court, case number, letter date, who recorded / approved / exported and when, the
  scope, and the SHA-256 of every file (data files and the manifest).
- `SHA256SUMS.txt` — `sha256sum -c` format over all of the above; its own SHA-256 is kept in the
  database and the audit log, so the export can later be shown to be exactly what left the clinic.

Plaintext is only ever written inside the chosen folder (`core.export_staging`, shared with the client's
copy): first into a hidden `.maya-partial-…` folder there, which is renamed to its final name in the
same transaction that marks the request exported and writes the audit entries (`legal.order_exported`
per order, `legal.exported`). Before anything is decrypted, a `legal.export_started` entry naming that
partial folder is committed, so even a crash (power cut) mid-export leaves a trail. Any failure removes
the partial folder and leaves the request approved (`legal.export_failed`); if the folder cannot be
removed, the error says so and where it is. Partial folders that earlier crashed attempts left in the
chosen folder are removed at the start of the next export (`legal.partial_removed`). An existing file or
folder is never overwritten.
Files are decrypted directly with the order keys: the basis of this access is the approved request,
not consent or break-glass, and it is audited as such (`basis: legal`). The manager exporting must have
accepted the confidentiality agreement (P11).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maya_desktop.core import blobstore
from maya_desktop.core.crypto import DecryptionFailed
from maya_desktop.core.db import transaction
from maya_desktop.core.errors import MayaError, NotFound, PermissionDenied, StateError
from maya_desktop.core.export_staging import ExportAudit, check_export_folder, staged_export, write_new_file
from maya_desktop.core.legal.requests import (
    PERMISSION,
    LegalRequest,
    approval_lines,
    client_ref,
    load_request,
    move_state,
    require_active_manager,
)
from maya_desktop.core.legal.schema import SCOPE_LABELS
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.consent import METHOD_LABELS_FA
from maya_desktop.core.orders.findings import FORMAT as FINDINGS_FORMAT
from maya_desktop.core.orders.keys import key_id, order_key, record_key
from maya_desktop.core.orders.model import Order, load_order
from maya_desktop.core.orders.states import STATUS_LABELS_FA, VIEWS, Status
from maya_desktop.core.persian import format_jalali_date, format_jalali_datetime, to_persian_digits
from maya_desktop.core.photos import upright_jpeg
from maya_desktop.core.session import Session
from maya_desktop.core.validation import format_mobile_display

EXPORT_FORMAT = "maya-legal-export-v1"
FOLDER_STEM = "maya-legal-request-"
MANIFEST = "manifest.json"
COVER = "cover-sheet.txt"
SUMS = "SHA256SUMS.txt"
ORDER_KINDS = frozenset({"orders", "photos", "reports", "documents", "history"})

SERVICE_LABELS = {
    "rhinoplasty_analysis": ("تحلیل چهره (جراحی بینی)", "Facial analysis (rhinoplasty)"),
    "confidential_document": ("سند محرمانه", "Confidential document"),
}
RULE_LABELS = {
    "retention": ("پایان مهلت نگهداری پس از تحویل", "Retention period after delivery ended"),
    "cancelled": ("لغو سفارش", "Order cancelled"),
    "expired": ("انقضای پیش‌فاکتور", "Quote expired"),
    "client_request": ("درخواست مشتری", "Client's request"),
    "client_erased": ("حذف کامل مشتری", "Client erased"),
}
METHOD_LABELS_EN = {"signed_form": "Signed form", "verbal": "Verbal", "sms_code": "SMS code"}
DESTROYED_NOTE = (
    "داده‌های این سفارش پیش از این درخواست نابود شده و دیگر وجود ندارد؛ رسید نابودی پیوست است."
    " / This order's data was destroyed before this request and no longer exists; the deletion receipt is attached."
)


@dataclass(frozen=True)
class ExportedFile:
    path: str  # relative to the export folder, with '/'
    sha256: str
    size: int
    order_id: int | None = None
    kind: str = ""


@dataclass(frozen=True)
class LegalExport:
    request_id: int
    folder: Path
    files: tuple[ExportedFile, ...]  # data files, manifest, cover sheet (SHA256SUMS.txt is `sums_sha256`)
    orders: tuple[int, ...]  # orders in scope whose data was exported
    destroyed_orders: tuple[int, ...]  # orders in scope whose data no longer exists
    sums_sha256: str


@dataclass
class _Writer:
    """Writes into the hidden partial folder and remembers each file's SHA-256."""

    root: Path
    files: list[ExportedFile] = field(default_factory=list)

    def write(self, relative: str, data: bytes, order_id: int | None = None, kind: str = "") -> ExportedFile:
        path = self.root / relative
        path.parent.mkdir(mode=0o700, exist_ok=True)
        written = write_new_file(path, data)
        entry = ExportedFile(
            written.relative_to(self.root).as_posix(), hashlib.sha256(data).hexdigest(), len(data), order_id, kind
        )
        self.files.append(entry)
        return entry


def _label(fa: str, en: str) -> str:
    """A bilingual field name: 'نام (first_name)'."""
    return f"{fa} ({en})"


def _when(iso: str | None) -> str | None:
    if not iso:
        return None
    moment = dt.datetime.fromisoformat(iso)
    local = format_jalali_datetime(moment.astimezone(), "en") if moment.tzinfo else iso
    return f"{local} ({iso})"


def _both(pair: tuple[str, str] | None, code: str) -> str:
    return f"{pair[0]} / {pair[1]}" if pair else code


def _receipt(conn: Any, order_id: int) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT details FROM audit_log WHERE object_ref = ? AND action IN ('order.purge', 'order.destroy')"
        " ORDER BY id DESC LIMIT 1",
        (f"order:{order_id}",),
    ).fetchone()
    return json.loads(row[0]).get("receipt") if row else None


def _order_key(conn: Any, order: Order) -> bytes | None:
    """The data key through the manager's own path (sealed orders: their wrap); None when destroyed."""
    if order.status == Status.DESTROYED or key_id(conn, order.id) is None:
        return None
    return order_key(conn, order.id)


def _read(session: Session, key: bytes, order_id: int, file_id: str, kind: str) -> bytes:
    try:
        return blobstore.read_blob(session.vault.data_dir.blobs, key, order_id, file_id, kind)
    except (OSError, DecryptionFailed) as exc:
        raise MayaError(
            f"A file of order #{order_id} is missing or damaged; nothing was exported.",
            f"یکی از فایل‌های سفارش شمارهٔ {to_persian_digits(order_id)} پیدا نشد یا آسیب دیده است؛ چیزی خارج نشد.",
        ) from exc


def _order_files(session: Session, writer: _Writer, request: LegalRequest, order: Order, key: bytes) -> list[str]:
    """Decrypt the in-scope files of one live order into `order-<n>/`. Returns the kinds written."""
    conn, scope, folder = session.conn, request.scope, f"order-{order.id}"
    kinds: list[str] = []
    if scope.includes("photos"):
        rows = conn.execute(
            "SELECT file_id, view, orientation FROM photos WHERE order_id = ? ORDER BY id", (order.id,)
        ).fetchall()
        for number, (file_id, view, orientation) in enumerate(rows, start=1):
            name = view if view in VIEWS else "unknown"
            data = upright_jpeg(_read(session, key, order.id, file_id, "photo"), int(orientation))  # as shown
            writer.write(f"{folder}/photo-{number:02d}-{name}.jpg", data, order.id, "photo")
        kinds += ["photos"] if rows else []
    if scope.includes("reports"):
        row = conn.execute("SELECT file_id FROM reports WHERE order_id = ?", (order.id,)).fetchone()
        if row is not None:
            text = _read(session, key, order.id, row[0], "report").decode("utf-8")
            try:
                findings = json.loads(text)
            except ValueError:
                findings = None
            if isinstance(findings, dict) and findings.get("format") == FINDINGS_FORMAT:
                pretty = json.dumps(findings, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
                writer.write(f"{folder}/report-findings.json", pretty, order.id, "report")
                pdf_id = findings.get("pdf_file_id")
                known = conn.execute(
                    "SELECT 1 FROM order_files WHERE file_id = ? AND order_id = ? AND kind = 'report'",
                    (pdf_id, order.id),
                ).fetchone()
                if pdf_id and known:
                    pdf = _read(session, key, order.id, pdf_id, "report")
                    writer.write(f"{folder}/report-signed.pdf", pdf, order.id, "report_pdf")
            else:
                writer.write(f"{folder}/report-findings.txt", text.encode("utf-8"), order.id, "report")
            kinds.append("reports")
    if scope.includes("documents"):
        rows = conn.execute(
            "SELECT file_id, doc_type FROM documents WHERE order_id = ? ORDER BY id", (order.id,)
        ).fetchall()
        for number, (file_id, doc_type) in enumerate(rows, start=1):
            ext = doc_type if doc_type in ("pdf", "docx", "txt") else "bin"
            writer.write(
                f"{folder}/document-{number:02d}.{ext}",
                _read(session, key, order.id, file_id, "document"),
                order.id,
                "document",
            )
        kinds += ["documents"] if rows else []
    if scope.includes("history"):
        rows = conn.execute(
            "SELECT form_file_id FROM consents WHERE order_id = ? AND form_file_id IS NOT NULL ORDER BY id",
            (order.id,),
        ).fetchall()
        for number, (file_id,) in enumerate(rows, start=1):
            data = _read(session, record_key(conn, order.id), order.id, file_id, "consent_form")
            ext = "pdf" if data.startswith(b"%PDF-") else "jpg"
            writer.write(f"{folder}/consent-form-{number:02d}.{ext}", data, order.id, "consent_form")
        kinds += ["history"] if rows else []
    return kinds


def _identity(session: Session, client_id: int) -> dict[str, Any]:
    row = session.conn.execute(
        "SELECT first_name, last_name, mobile, email, marketing_consent, marketing_consent_at, created_at"
        " FROM clients WHERE id = ?",
        (client_id,),
    ).fetchone()
    return {
        _label("شمارهٔ مشتری", "client_number"): client_id,
        _label("نام", "first_name"): row[0],
        _label("نام خانوادگی", "last_name"): row[1],
        _label("شمارهٔ همراه", "mobile"): format_mobile_display(row[2], "en"),
        _label("ایمیل", "email"): row[3] or "",
        _label("رضایت به پیام تبلیغاتی", "marketing_consent"): bool(row[4]),
        _label("زمان رضایت تبلیغاتی", "marketing_consent_at"): _when(row[5]),
        _label("زمان ثبت", "registered_at"): _when(row[6]),
    }


def _staff_names(conn: Any) -> dict[Any, str]:
    names: dict[Any, str] = {}
    for staff_id, username, display in conn.execute("SELECT id, username, display_name FROM staff"):
        names[staff_id] = names[username] = display
    return names


def _order_metadata(session: Session, order: Order, staff: dict[Any, str]) -> dict[str, Any]:
    payments = [
        {
            _label("درگاه", "gateway"): r[0],
            _label("شمارهٔ پیگیری", "reference"): r[1],
            _label("مبلغ (ریال)", "amount_rial"): r[2],
            _label("تاریخ پرداخت", "paid_on"): f"{format_jalali_date(dt.date.fromisoformat(r[3]), 'en')} ({r[3]})",
        }
        for r in session.conn.execute(
            "SELECT gateway, reference, amount_rial, paid_on FROM payments WHERE order_id = ? ORDER BY id", (order.id,)
        )
    ]
    return {
        _label("شمارهٔ سفارش", "order_number"): order.id,
        _label("شناسهٔ تصادفی سفارش", "order_ref"): order.order_ref,
        _label("خدمت", "service"): _both(SERVICE_LABELS.get(order.service.value), order.service.value),
        _label("وضعیت", "status"): f"{STATUS_LABELS_FA[order.status]} / {order.status.value}",
        _label("فوری", "urgent"): order.urgent,
        _label("مبلغ (ریال)", "price_rial"): order.price_rial,
        _label("مدت انجام (روز)", "turnaround_days"): order.turnaround_days,
        _label("پزشک", "doctor"): staff.get(order.doctor_id, "") if order.doctor_id else "",
        _label("تعداد فایل‌ها", "files_count"): order.files_count,
        _label("یادداشت", "notes"): order.notes or "",
        _label("زمان ثبت", "created_at"): _when(order.created_at),
        _label("زمان اعلام قیمت", "quoted_at"): _when(order.quoted_at),
        _label("زمان پرداخت", "paid_at"): _when(order.paid_at),
        _label("زمان رضایت", "consented_at"): _when(order.consented_at),
        _label("زمان شروع بررسی", "review_started_at"): _when(order.review_started_at),
        _label("زمان تحویل", "delivered_at"): _when(order.delivered_at),
        _label("نابودی پس از", "destroy_after"): _when(order.destroy_after),
        _label("زمان لغو", "cancelled_at"): _when(order.cancelled_at),
        _label("زمان نابودی", "destroyed_at"): _when(order.destroyed_at),
        _label("پرداخت‌ها", "payments"): payments,
    }


def _destroyed_entry(session: Session, order: Order) -> dict[str, Any]:
    rule = order.destroyed_rule or ""
    return {
        _label("شمارهٔ سفارش", "order_number"): order.id,
        _label("شناسهٔ تصادفی سفارش", "order_ref"): order.order_ref,
        _label("زمان نابودی", "destroyed_at"): _when(order.destroyed_at),
        _label("قاعدهٔ نابودی", "rule"): _both(RULE_LABELS.get(rule), rule),
        _label("توضیح", "note"): DESTROYED_NOTE,
        _label("رسید نابودی", "deletion_receipt"): _receipt(session.conn, order.id),
    }


def _history(session: Session, request: LegalRequest, orders: list[Order], staff: dict[Any, str]) -> dict[str, Any]:
    from maya_desktop.core.access_log import build_client_access_report

    ids = [o.id for o in orders]
    consents = []
    if ids:
        marks = ",".join("?" * len(ids))
        for r in session.conn.execute(
            "SELECT order_id, doctor_id, method, recorded_by, recorded_at, revoked_by, revoked_at,"
            f" form_file_id IS NOT NULL FROM consents WHERE order_id IN ({marks}) ORDER BY id",
            ids,
        ):
            consents.append(
                {
                    _label("شمارهٔ سفارش", "order_number"): r[0],
                    _label("پزشک", "doctor"): staff.get(r[1], ""),
                    _label("روش رضایت", "method"): _both(
                        (METHOD_LABELS_FA.get(r[2], r[2]), METHOD_LABELS_EN.get(r[2], r[2])), r[2]
                    ),
                    _label("ثبت‌کننده", "recorded_by"): staff.get(r[3], r[3]),
                    _label("زمان ثبت", "recorded_at"): _when(r[4]),
                    _label("لغوکننده", "revoked_by"): staff.get(r[5], r[5] or ""),
                    _label("زمان لغو", "revoked_at"): _when(r[6]),
                    _label("فرم اسکن‌شده موجود است", "scanned_form_kept"): bool(r[7]),
                }
            )
    number_of_ref = {o.order_ref: o.id for o in orders}
    # No `client.access_report` entry of its own: `legal.exported` (export transaction) covers this read.
    report = build_client_access_report(session, request.client_id)  # type: ignore[arg-type]
    events = [
        {
            _label("زمان", "time"): _when(e.ts),
            _label("چه کسی", "who"): e.display_name,
            _label("نقش", "role"): e.role,
            _label("رویداد", "event"): f"{e.what_fa} / {e.what_en}",
            _label("مبنای دسترسی", "basis"): e.basis,
            _label("دلیل", "reason"): e.reason,
            _label("شمارهٔ سفارش", "order_number"): number_of_ref.get(e.order_ref),
        }
        for e in report.events
        if (e.order_ref in number_of_ref or not e.order_ref)  # an order in scope, or the client as a whole
        # another court's request (its court and case number) is none of this court's business
        and not (e.action.startswith("legal.") and e.request_id != request.id)
    ]
    return {_label("رضایت‌ها", "consents"): consents, _label("دسترسی‌ها", "access_events"): events}


def _request_block(request: LegalRequest, exported_by: str, exported_at: str) -> dict[str, Any]:
    return {
        _label("شمارهٔ درخواست", "request_number"): request.id,
        _label("دادگاه یا مرجع قضایی", "court"): request.court,
        _label("شمارهٔ پرونده یا نامه", "case_number"): request.case_number,
        _label("تاریخ نامه", "letter_date"): f"{format_jalali_date(request.letter_date, 'en')} ({request.letter_date})",
        _label("ثبت‌کننده", "recorded_by"): request.recorded_by,
        _label("زمان ثبت", "recorded_at"): _when(request.recorded_at),
        _label("تأییدکننده", "approved_by"): request.approved_by,
        _label("زمان تأیید", "approved_at"): _when(request.approved_at),
        _label("تأیید توسط همان مدیر (تنها مدیر فعال)", "self_approved"): request.self_approved,
        _label("شمار مدیران فعال هنگام ثبت", "active_managers_when_recorded"): request.managers_at_record,
        _label("روش تأیید", "how_approved"): " / ".join(approval_lines(request)),
        _label("خروجی‌گیرنده", "exported_by"): exported_by,
        _label("زمان خروجی", "exported_at"): _when(exported_at),
        _label("دامنه", "scope"): [_both(SCOPE_LABELS[k], k) for k in request.scope.kinds],
        _label("سفارش‌ها", "orders"): "all" if request.scope.order_ids is None else list(request.scope.order_ids),
    }


def _cover_sheet(
    session: Session,
    request: LegalRequest,
    exported_by: str,
    exported_at: str,
    files: list[ExportedFile],
    destroyed: list[int],
) -> str:
    clinic = session.conn.execute("SELECT name FROM clinic").fetchone()[0]
    fa = to_persian_digits
    moment = dt.datetime.fromisoformat(exported_at).astimezone()
    if request.scope.includes("identity"):
        who = f"{request.client_name} — {fa(request.client_id or 0)} (client #{request.client_id})"
    else:
        who = f"مشتری شمارهٔ {fa(request.client_id or 0)} (client #{request.client_id}; identity not in scope)"
    approved = f"{request.approved_by} — {_fa_when(request.approved_at)} ({request.approved_at})"
    approved += "".join(f"\n    {line}" for line in approval_lines(request))
    orders = (
        "همهٔ سفارش‌های مشتری / all of the client's orders"
        if request.scope.order_ids is None
        else "، ".join(fa(i) for i in request.scope.order_ids) + " / " + ", ".join(map(str, request.scope.order_ids))
    )
    lines = [
        "برگهٔ تحویل اطلاعات به مرجع قضایی — Disclosure to a court: cover sheet",
        "=" * 72,
        f"کلینیک / Clinic: {clinic}",
        f"دادگاه یا مرجع قضایی / Court: {request.court}",
        f"شمارهٔ پرونده یا نامه / Case or letter number: {request.case_number}",
        f"تاریخ نامه / Letter date: {format_jalali_date(request.letter_date, 'fa')} ({request.letter_date})",
        f"شمارهٔ درخواست در کلینیک / Request number: {fa(request.id)} ({request.id})",
        f"مشتری / Client: {who}",
        f"ثبت‌کننده / Recorded by: {request.recorded_by} — {_fa_when(request.recorded_at)} ({request.recorded_at})",
        f"تأییدکننده / Approved by: {approved}",
        f"خروجی‌گیرنده / Exported by: {exported_by} — {format_jalali_datetime(moment, 'fa')} ({exported_at})",
        "دامنهٔ تأییدشده / Approved scope:",
        *[f"    - {SCOPE_LABELS[k][0]} / {SCOPE_LABELS[k][1]}" for k in request.scope.kinds],
        f"سفارش‌ها / Orders: {orders}",
    ]
    if destroyed:
        lines += [
            "سفارش‌های نابودشده (داده‌ای از آن‌ها وجود ندارد؛ رسیدها در manifest.json) /",
            "Destroyed orders (their data no longer exists; receipts in manifest.json): "
            + ", ".join(map(str, destroyed)),
        ]
    lines += [
        "",
        "فهرست فایل‌ها و چکیدهٔ SHA-256 / Files and their SHA-256:",
        *[f"{f.sha256}  {f.path}" for f in files],
        "",
        "چیزی بیرون از دامنهٔ تأییدشده در این پوشه نیست. / Nothing outside the approved scope is in this folder.",
        "",
    ]
    return "\n".join(lines)


def _fa_when(iso: str | None) -> str:
    return format_jalali_datetime(dt.datetime.fromisoformat(iso).astimezone(), "fa") if iso else ""


def _scoped_orders(session: Session, request: LegalRequest) -> list[Order]:
    from maya_desktop.core.access_log import client_order_ids

    if not (ORDER_KINDS & set(request.scope.kinds)):
        return []
    ids = client_order_ids(session.conn, request.client_id)  # type: ignore[arg-type]
    if request.scope.order_ids is not None:
        ids = [i for i in ids if i in set(request.scope.order_ids)]
    orders = []
    for order_id in ids:
        try:
            order = load_order(session.conn, order_id)
        except NotFound:
            continue
        # The audit log says whose an order was; a live order must also say so itself (an order row
        # that points at someone else is never exported, whatever an old audit entry claims).
        if order.client_id != request.client_id and (order.client_id is not None or order.status != Status.DESTROYED):
            continue  # only a destroyed order has forgotten its client (then the audit log is the record)
        orders.append(order)
    return orders


def export_request(session: Session, request_id: int, folder: str | Path) -> LegalExport:
    """Export the approved scope of `request_id` into a new folder inside `folder` (see module docstring)."""
    from maya_desktop.core.staff import needs_agreement  # lazy: staff -> vault -> migrations

    session.require(PERMISSION)
    require_active_manager(session)
    request = load_request(session.conn, request_id)
    if request.state != "approved":
        raise StateError(
            f"Only an approved request can be exported (this one is '{request.state}').",
            f"فقط درخواست تأییدشده قابل خروجی است؛ این درخواست در وضعیت «{request.state_fa}» است.",
        )
    if request.client_id is None:
        raise StateError(
            "The client was erased; there is nothing left to export.",
            "این مشتری به‌طور کامل حذف شده و داده‌ای برای خروجی باقی نمانده است.",
        )
    if needs_agreement(session):
        session.audit("legal.export_denied", client_ref(request), {"request": request_id, "reason": "agreement"})
        raise PermissionDenied(
            "Accept the confidentiality agreement before exporting client data.",
            "پیش از خروجی گرفتن از اطلاعات مشتری، تعهدنامهٔ رازداری را بپذیرید.",
        )
    target = check_export_folder(session, folder)
    audit = ExportAudit(
        client_ref(request),
        {"request": request_id},
        started="legal.export_started",
        failed="legal.export_failed",
        swept="legal.partial_removed",
    )
    with staged_export(session, target, audit) as stage:
        exported_at = clock.text()
        staff = _staff_names(session.conn)
        exported_by = session.staff.display_name
        staging = stage.folder
        writer = _Writer(staging)
        live: list[Order] = []
        destroyed: list[Order] = []
        per_order: dict[int, list[str]] = {}
        orders = _scoped_orders(session, request)
        for order in orders:
            key = _order_key(session.conn, order)
            if key is None:
                destroyed.append(order)
                continue
            live.append(order)
            per_order[order.id] = _order_files(session, writer, request, order, key)
        manifest: dict[str, Any] = {
            "format": EXPORT_FORMAT,
            _label("درخواست", "request"): _request_block(request, exported_by, exported_at),
        }
        if request.scope.includes("identity"):
            manifest[_label("مشتری", "client")] = _identity(session, request.client_id)
        else:
            manifest[_label("مشتری", "client")] = {_label("شمارهٔ مشتری", "client_number"): request.client_id}
        if request.scope.includes("orders"):
            manifest[_label("سفارش‌ها", "orders")] = [_order_metadata(session, o, staff) for o in orders]
        if destroyed:
            manifest[_label("سفارش‌های نابودشده", "destroyed_orders")] = [
                _destroyed_entry(session, o) for o in destroyed
            ]
        if request.scope.includes("history"):
            manifest[_label("سابقهٔ رضایت و دسترسی", "consent_and_access_history")] = _history(
                session, request, orders, staff
            )
        manifest[_label("فایل‌ها", "files")] = [
            {"path": f.path, "order": f.order_id, "kind": f.kind, "size": f.size, "sha256": f.sha256}
            for f in writer.files
        ]
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
        manifest_entry = writer.write(MANIFEST, manifest_bytes, kind="manifest")
        cover = _cover_sheet(session, request, exported_by, exported_at, writer.files, [o.id for o in destroyed])
        cover_entry = writer.write(COVER, cover.encode("utf-8"), kind="cover_sheet")
        sums = "".join(f"{f.sha256}  {f.path}\n" for f in writer.files).encode("utf-8")
        sums_sha256 = hashlib.sha256(sums).hexdigest()
        write_new_file(staging / SUMS, sums)
        total = len(writer.files) + 1
        with transaction(session.conn):
            move_state(
                session,
                request,
                ("approved",),
                {
                    "state": "exported",
                    "exported_by": session.staff.id,
                    "exported_at": exported_at,
                    "export_files": total,
                    "export_sha256": sums_sha256,
                },
            )
            for order in orders:
                session.audit(
                    "legal.order_exported",
                    f"order:{order.id}",
                    {
                        "request": request_id,
                        "basis": "legal",
                        "destroyed": order in destroyed,
                        "kinds": per_order.get(order.id, []),
                        "files": sum(1 for f in writer.files if f.order_id == order.id),
                    },
                )
            session.audit(
                "legal.exported",
                client_ref(request),
                {
                    "request": request_id,
                    "basis": "legal",
                    "kinds": list(request.scope.kinds),
                    "orders": len(live),
                    "destroyed": len(destroyed),
                    "files": total,
                    "manifest_sha256": manifest_entry.sha256,
                    "cover_sha256": cover_entry.sha256,
                    "sums_sha256": sums_sha256,
                },
            )
            # inside the transaction: a failed commit takes the published folder back (staged_export)
            published = stage.publish(f"{FOLDER_STEM}{request_id:04d}")
    return LegalExport(
        request_id,
        published,
        tuple(writer.files),
        tuple(o.id for o in live),
        tuple(o.id for o in destroyed),
        sums_sha256,
    )
