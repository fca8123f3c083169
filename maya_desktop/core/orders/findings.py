"""The doctor's structured findings and signature, and the report PDF, kept with the order.

Built on `core.orders.delivery` by composition: the findings are JSON written through
`delivery.store_report` (so the same state rule, access rule, encryption with
the order key and audit apply) and read back through `delivery.read_report`. A plain-text report
written by older code reads back as `free_text`.

The signed PDF (made by `maya_desktop.reports.clinical_report`, a Qt module outside core) is stored
as one more encrypted file of kind "report" registered in `order_files`; the findings JSON points
to it. Destroying the order removes it with every other file of the order (P6).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from maya_desktop.core import blobstore
from maya_desktop.core.db import transaction
from maya_desktop.core.errors import NotFound, StateError, ValidationError
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.access import require_file_access
from maya_desktop.core.orders.delivery import read_report, store_report
from maya_desktop.core.orders.keys import order_key
from maya_desktop.core.orders.model import load_order
from maya_desktop.core.orders.states import Status
from maya_desktop.core.session import Session
from maya_desktop.core.validation import guard_free_text

FORMAT = "maya-findings-v1"
NOTE_MAX = 1000
TEXT_MAX = 8000
MAX_PDF_BYTES = 40 * 1024 * 1024

# region -> (Persian title, English title, {code: (fa, en)})
REGIONS: dict[str, tuple[str, str, dict[str, tuple[str, str]]]] = {
    "dorsum": (
        "پشت بینی",
        "Dorsum",
        {
            "hump": ("قوز استخوانی-غضروفی", "Osteocartilaginous hump"),
            "saddle": ("فرورفتگی (زینی)", "Saddle deformity"),
            "wide_bony_vault": ("پهنای زیاد استخوان بینی", "Wide bony vault"),
            "deviation": ("انحراف پشت بینی", "Dorsal deviation"),
            "low_radix": ("ریشهٔ بینی پایین", "Low radix"),
        },
    ),
    "tip": (
        "نوک بینی",
        "Tip",
        {
            "bulbous": ("نوک گوشتی / پهن", "Bulbous tip"),
            "under_projected": ("برجستگی کم نوک", "Under-projected tip"),
            "over_projected": ("برجستگی زیاد نوک", "Over-projected tip"),
            "ptotic": ("افتادگی نوک", "Ptotic (under-rotated) tip"),
            "over_rotated": ("چرخش زیاد نوک", "Over-rotated tip"),
            "asymmetric": ("عدم تقارن نوک", "Tip asymmetry"),
        },
    ),
    "base": (
        "قاعدهٔ بینی",
        "Base",
        {
            "wide_alar_base": ("پهنای زیاد قاعدهٔ پره‌ها", "Wide alar base"),
            "alar_flare": ("بازشدگی پره‌ها", "Alar flare"),
            "nostril_asymmetry": ("عدم تقارن سوراخ‌های بینی", "Nostril asymmetry"),
            "hanging_columella": ("آویزان بودن کلوملا", "Hanging columella"),
            "retracted_columella": ("عقب‌رفتگی کلوملا", "Retracted columella"),
        },
    ),
    "chin": (
        "چانه",
        "Chin",
        {
            "retrogenia": ("عقب‌بودگی چانه", "Retruded chin (microgenia)"),
            "prominent": ("برجستگی زیاد چانه", "Prominent chin"),
            "vertical_excess": ("بلندی زیاد چانه", "Vertical chin excess"),
        },
    ),
    "symmetry": (
        "تقارن",
        "Symmetry",
        {
            "c_shaped": ("انحراف C شکل", "C-shaped deviation"),
            "septal_deviation": ("شواهد انحراف تیغه", "Signs of septal deviation"),
            "facial_asymmetry": ("عدم تقارن صورت", "Facial asymmetry"),
        },
    ),
}

PROCEDURES: dict[str, tuple[str, str]] = {
    "open_rhinoplasty": ("رینوپلاستی باز", "Open rhinoplasty"),
    "closed_rhinoplasty": ("رینوپلاستی بسته", "Closed rhinoplasty"),
    "septorhinoplasty": ("سپتورینوپلاستی", "Septorhinoplasty"),
    "tip_plasty": ("جراحی نوک بینی", "Tip plasty"),
    "alarplasty": ("کوچک‌کردن پره‌ها (آلارپلاستی)", "Alar base reduction"),
    "dorsal_preservation": ("رینوپلاستی حفظ پشت بینی", "Dorsal preservation rhinoplasty"),
    "revision": ("رینوپلاستی ترمیمی", "Revision rhinoplasty"),
    "genioplasty": ("جراحی چانه (ژنیوپلاستی / پروتز)", "Genioplasty / chin implant"),
    "non_surgical": ("درمان غیرجراحی (تزریق)", "Non-surgical (filler)"),
    "no_surgery": ("نیازی به جراحی نیست", "No surgery advised"),
}


@dataclass
class RegionFinding:
    codes: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class Signature:
    staff_id: int
    display_name: str
    medical_council_no: str
    signed_at: str


@dataclass
class Findings:
    regions: dict[str, RegionFinding] = field(default_factory=lambda: {r: RegionFinding() for r in REGIONS})
    free_text: str = ""
    procedures: list[str] = field(default_factory=list)
    procedure_note: str = ""
    norm_sex: str | None = None  # which normal ranges the doctor compared with (female / male / None)
    signature: Signature | None = None
    pdf_file_id: str | None = None
    updated_at: str | None = None
    # The nose simulation the doctor chose to show in the report: {"photo_id": int, and the NoseChange
    # fields}. Only the parameters: the warped photo is recomputed from the sealed photo when the report
    # is made, so nothing of it exists outside this order's encrypted findings and report.
    simulation: dict[str, float | int] | None = None

    def to_json(self) -> str:
        data = asdict(self)
        data["format"] = FORMAT
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_text(cls, text: str | None) -> Findings:
        if not text:
            return cls()
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return cls(free_text=text)  # a plain-text report from delivery.write_report
        out = cls(
            free_text=str(data.get("free_text", "")),
            procedures=[p for p in data.get("procedures", []) if p in PROCEDURES],
            procedure_note=str(data.get("procedure_note", "")),
            norm_sex=data.get("norm_sex"),
            pdf_file_id=data.get("pdf_file_id"),
            updated_at=data.get("updated_at"),
            simulation=_simulation(data.get("simulation")),
        )
        for region, value in (data.get("regions") or {}).items():
            if region in REGIONS:
                codes = [c for c in value.get("codes", []) if c in REGIONS[region][2]]
                out.regions[region] = RegionFinding(codes, str(value.get("note", "")))
        sig = data.get("signature")
        if sig:
            out.signature = Signature(
                int(sig["staff_id"]), sig["display_name"], sig["medical_council_no"], sig["signed_at"]
            )
        return out

    def is_empty(self) -> bool:
        return not (
            self.free_text.strip() or self.procedures or any(r.codes or r.note.strip() for r in self.regions.values())
        )


def _simulation(value: object) -> dict[str, float | int] | None:
    """A stored simulation's parameters, checked (None when absent or not valid)."""
    from maya_desktop.core.analysis.simulation import NoseChange, SimulationError

    if not isinstance(value, dict) or not isinstance(value.get("photo_id"), int):
        return None
    try:
        change = NoseChange.from_dict(value)
    except (SimulationError, TypeError, ValueError):
        return None
    return {"photo_id": int(value["photo_id"]), **change.to_dict()}


def _clean(findings: Findings) -> Findings:
    if findings.norm_sex not in (None, "female", "male"):
        raise ValidationError("Unknown sex for the norms.", "جنسیت نامعتبر برای محدودهٔ طبیعی.", "norm_sex")
    for region, value in findings.regions.items():
        if region not in REGIONS or any(c not in REGIONS[region][2] for c in value.codes):
            raise ValidationError("Unknown finding.", "یافتهٔ ناشناخته.", region)
        value.note = guard_free_text(value.note.strip(), region)
        if len(value.note) > NOTE_MAX:
            raise ValidationError("A region note is too long.", "یادداشت این ناحیه بیش از حد طولانی است.", region)
    if findings.simulation is not None:
        checked = _simulation(findings.simulation)
        if checked is None:
            raise ValidationError("Invalid simulation settings.", "تنظیمات شبیه‌سازی نامعتبر است.", "simulation")
        findings.simulation = checked
    if any(p not in PROCEDURES for p in findings.procedures):
        raise ValidationError("Unknown procedure.", "روش جراحی ناشناخته.", "procedures")
    findings.free_text = guard_free_text(findings.free_text.strip(), "free_text")
    findings.procedure_note = guard_free_text(findings.procedure_note.strip(), "procedure_note")
    if len(findings.free_text) > TEXT_MAX or len(findings.procedure_note) > NOTE_MAX:
        raise ValidationError("The text is too long.", "متن بیش از حد طولانی است.", "free_text")
    return findings


def load_findings(session: Session, order_id: int) -> Findings:
    """The findings of an order (doctor with consent / manager with break-glass). Audited by read_report."""
    return Findings.from_text(read_report(session, order_id))


def save_findings(session: Session, order_id: int, findings: Findings, *, keep_signature: bool = False) -> Findings:
    """Save the findings (order must be in review). Any edit removes an earlier signature and PDF,
    so a signed report always shows exactly what was signed."""
    findings = _clean(findings)
    if findings.is_empty():
        raise ValidationError("Write at least one finding.", "دست‌کم یک یافته بنویسید.", "findings")
    if not keep_signature:
        findings.signature = None
        findings.pdf_file_id = None
    findings.updated_at = clock.text()
    store_report(session, order_id, findings.to_json())
    _prune_pdfs(session, order_id, findings.pdf_file_id)
    return findings


def _prune_pdfs(session: Session, order_id: int, keep: str | None) -> None:
    """Remove report-kind files of the order other than the findings JSON and `keep`."""
    current = session.conn.execute("SELECT file_id FROM reports WHERE order_id = ?", (order_id,)).fetchone()
    keep_ids = {keep, current[0] if current else None} - {None}
    stale = [
        r[0]
        for r in session.conn.execute(
            "SELECT file_id FROM order_files WHERE order_id = ? AND kind = 'report'", (order_id,)
        )
        if r[0] not in keep_ids
    ]
    if not stale:
        return
    with transaction(session.conn):
        for file_id in stale:
            session.conn.execute("DELETE FROM order_files WHERE file_id = ?", (file_id,))
        session.audit("report.pdf_removed", f"order:{order_id}", {"files": stale})
    blobstore.remove_files(session.vault.data_dir.blobs, stale)


def sign_findings(session: Session, order_id: int, findings: Findings) -> Findings:
    """Save and sign: display name + medical council number from the doctor's staff profile."""
    session.require("orders.deliver")
    council = (session.staff.medical_council_no or "").strip()
    if not council:
        raise ValidationError(
            "Your staff profile has no medical council number; ask the manager to add it.",
            "شمارهٔ نظام پزشکی در مشخصات شما ثبت نشده است؛ از مدیر بخواهید آن را ثبت کند.",
            "medical_council_no",
        )
    findings.signature = Signature(session.staff.id, session.staff.display_name, council, clock.text())
    findings.pdf_file_id = None
    return save_findings(session, order_id, findings, keep_signature=True)


def store_report_pdf(session: Session, order_id: int, pdf: bytes) -> Findings:
    """Encrypt the signed report PDF into the order and point the findings at it."""
    session.require("orders.deliver")
    if not pdf.startswith(b"%PDF-") or len(pdf) > MAX_PDF_BYTES:
        raise ValidationError("Not a report PDF.", "فایل گزارش معتبر نیست.", "pdf")
    findings = load_findings(session, order_id)
    if findings.signature is None:
        raise StateError("Sign the findings first.", "ابتدا یافته‌ها را امضا کنید.")
    order = load_order(session.conn, order_id)
    if order.status != Status.IN_REVIEW:
        raise StateError("The report can only be stored during the review.", "گزارش فقط در زمان بررسی ذخیره می‌شود.")
    stored = blobstore.write_blob(
        session.vault.data_dir.blobs, order_key(session.conn, order_id), order_id, "report", pdf
    )
    with transaction(session.conn):
        blobstore.register_blob(session.conn, order_id, stored, clock.text())
        session.audit("report.pdf_saved", f"order:{order_id}", {"file": stored.file_id})
    findings.pdf_file_id = stored.file_id
    try:
        store_report(session, order_id, findings.to_json())
    except BaseException:
        with transaction(session.conn):
            session.conn.execute("DELETE FROM order_files WHERE file_id = ?", (stored.file_id,))
        blobstore.remove_files(session.vault.data_dir.blobs, [stored.file_id])
        raise
    _prune_pdfs(session, order_id, stored.file_id)
    return findings


def read_report_pdf(session: Session, order_id: int) -> bytes:
    """The stored signed PDF, decrypted in memory (to export to a path the person chooses, or print)."""
    findings = load_findings(session, order_id)
    if not findings.pdf_file_id:
        raise NotFound("No signed report PDF yet.", "هنوز گزارش امضاشده‌ای ساخته نشده است.")
    order = load_order(session.conn, order_id)
    basis = require_file_access(session, order, "report_pdf")
    data = blobstore.read_blob(
        session.vault.data_dir.blobs, order_key(session.conn, order_id), order_id, findings.pdf_file_id, "report"
    )
    session.audit("report.pdf_opened", f"order:{order_id}", {"basis": basis})
    return data


def record_export(session: Session, order_id: int, how: str) -> None:
    """Audit that the PDF left the program (saved to a chosen path or printed); never the path."""
    if how not in ("file", "print"):
        raise ValueError(how)
    session.audit("report.exported", f"order:{order_id}", {"how": how})
