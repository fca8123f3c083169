"""A client's access report (P10-P12): every access to their files, from the audit log.

The client's orders are found through the audit log itself ("order.created" records the client
id), so orders that were destroyed (whose row no longer points to the client) are still included,
with their destruction receipts. Only entries whose object ref is `client:<id>` or `order:<N>` of
those orders (or `breakglass:<id>` of a break-glass on them) are read, so nothing about another
client can appear. Managers only (`audit.read`); producing the report is itself audited.

Client ids are never reused since migration 5 (AUTOINCREMENT), but a database that already reused
one (an erased client's id given to a new client before that migration) must not hand the erased
person's history to the new client: `order.created` and `client:<id>` entries older than the
client's `created_at` are ignored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from maya_desktop.core.errors import NotFound
from maya_desktop.core.roles import ROLE_LABELS_FA
from maya_desktop.core.session import Session

# action -> (kind, Persian description). kind: access | denied | breakglass | consent | destruction | legal | other
ACTIONS: dict[str, tuple[str, str, str]] = {
    "photo.opened": ("access", "مشاهدهٔ عکس", "Photo viewed"),  # a thumbnail: THUMBNAIL_SEEN below
    "photo.analysis_opened": ("access", "مشاهدهٔ تحلیل عکس", "Analysis viewed"),
    "photo.analysis_saved": ("access", "اصلاح تحلیل عکس", "Analysis corrected"),
    "photo.imported": ("access", "ورود عکس", "Photo imported"),
    "case.opened": ("access", "باز کردن پرونده", "Case opened"),
    "report.opened": ("access", "مشاهدهٔ گزارش", "Report viewed"),
    "report.saved": ("access", "نوشتن گزارش", "Report written"),
    "report.pdf_saved": ("access", "ساخت گزارش PDF", "Report PDF created"),
    "report.pdf_opened": ("access", "باز کردن گزارش PDF", "Report PDF opened"),
    "report.exported": ("access", "تحویل گزارش (فایل یا چاپ)", "Report exported"),
    "document.opened": ("access", "مشاهدهٔ سند", "Document viewed"),
    "document.imported": ("access", "ورود سند", "Document imported"),
    "consent.form_opened": ("access", "مشاهدهٔ فرم رضایت", "Consent form viewed"),
    # P7: the client's own copy of their photos and signed report
    "order.client_copy_started": ("access", "آغاز خروجی برای مشتری", "Client copy started"),
    "order.client_copy_exported": ("access", "تحویل عکس‌ها و گزارش به مشتری", "Client copy handed over"),
    "order.client_copy_failed": ("access", "خروجی برای مشتری ناتمام ماند", "Client copy failed"),
    "order.client_copy_partial_removed": (
        "access",
        "پاک کردن پوشهٔ ناتمام خروجی مشتری",
        "Unfinished client copy removed",
    ),
    "order.consent": ("consent", "ثبت رضایت برای پزشک", "Consent recorded"),
    "order.revoke_consent": ("consent", "لغو رضایت", "Consent revoked"),
    "order.start_review": ("access", "شروع بررسی پزشک", "Review started"),
    "order.deliver": ("access", "تحویل گزارش", "Report delivered"),
    "order.access_denied": ("denied", "تلاش رد‌شده برای دسترسی", "Access refused"),
    "order.file_access_denied": ("denied", "تلاش رد‌شده برای باز کردن فایل", "File access refused"),
    "breakglass.started": ("breakglass", "دسترسی اضطراری آغاز شد", "Break-glass started"),
    "breakglass.ended": ("breakglass", "دسترسی اضطراری پایان یافت", "Break-glass ended"),
    "order.purge": ("destruction", "نابودی فایل‌ها طبق قاعده", "Files destroyed (rule)"),
    "order.destroy": ("destruction", "نابودی فایل‌ها به درخواست", "Files destroyed (request)"),
    "client.erased": ("destruction", "حذف کامل مشتری", "Client erased"),
    # P12 (core/legal): a court's request for this client's data, step by step
    "legal.recorded": ("legal", "ثبت درخواست مرجع قضایی", "Court request recorded"),
    "legal.approved": ("legal", "تأیید درخواست مرجع قضایی", "Court request approved"),
    "legal.refused": ("legal", "رد درخواست مرجع قضایی", "Court request refused"),
    "legal.exported": ("legal", "تحویل اطلاعات به مرجع قضایی", "Data disclosed to the court"),
    "legal.order_exported": ("legal", "تحویل فایل‌های سفارش به مرجع قضایی", "Order disclosed to the court"),
    "legal.closed": ("legal", "بستن درخواست مرجع قضایی", "Court request closed"),
    "legal.export_started": ("legal", "آغاز خروجی برای مرجع قضایی", "Court export started"),
    "legal.export_failed": ("legal", "خروجی برای مرجع قضایی ناتمام ماند", "Court export failed"),
    "legal.partial_removed": ("legal", "پاک کردن پوشهٔ ناتمام خروجی قضایی", "Unfinished court export removed"),
    "legal.export_denied": ("denied", "تلاش رد‌شده برای خروجی قضایی", "Court export refused"),
    # legal hold (core/legal/holds.py): listed once lifted, or at once if the clinic chose so
    "legal.hold_placed": ("legal", "نگهداری قانونی آغاز شد", "Legal hold placed"),
    "legal.hold_lifted": ("legal", "نگهداری قانونی پایان یافت", "Legal hold lifted"),
    "legal.destruction_deferred": ("legal", "نابودی به سبب نگهداری قانونی عقب افتاد", "Destruction deferred by a hold"),
}
THUMBNAIL_SEEN = ("access", "نمایش تصویر کوچک", "Thumbnail shown")
HOLD_ACTIONS = frozenset({"legal.hold_placed", "legal.hold_lifted", "legal.destruction_deferred"})
BASIS_FA = {
    "consent": "رضایت مشتری",
    "breakglass": "دسترسی اضطراری",
    "import": "ورود فایل‌ها (پذیرش)",
    "legal": "درخواست قانونی",
}


@dataclass(frozen=True)
class AccessEvent:
    ts: str
    actor: str
    display_name: str
    role: str  # Persian role label
    action: str
    kind: str
    what_fa: str
    what_en: str
    basis: str  # consent | breakglass | import | legal | ""
    order_ref: str  # the order's random ref (no id leaks across clients)
    reason: str = ""  # break-glass reason (cleared when the order is destroyed), or the court and case number
    receipt: dict[str, Any] | None = None  # destruction receipt
    request_id: int | None = None  # the legal request of a `legal.*` event
    photo_id: int | None = None  # the photo of a `photo.*` event
    file_kind: str = ""  # `photo.opened`: "photo" (shown at full size) or "thumb" (its thumbnail)


@dataclass(frozen=True)
class HoldRecord:
    """A legal hold on the client's data, as the access report shows it."""

    request_id: int
    court_reference: str  # court and case number, as recorded
    placed_at: str
    lifted_at: str | None


@dataclass(frozen=True)
class AccessReport:
    client_id: int
    first_name: str
    last_name: str
    generated_at: str
    events: list[AccessEvent] = field(default_factory=list)
    orders: list[str] = field(default_factory=list)  # order refs
    holds: list[HoldRecord] = field(default_factory=list)

    def photos_shown(self) -> list[int]:
        """Ids of the photos shown at full size, first showing first (each once)."""
        seen = [e.photo_id for e in self.events if e.action == "photo.opened" and e.file_kind == "photo"]
        return list(dict.fromkeys(p for p in seen if p is not None))

    @property
    def receipts(self) -> list[AccessEvent]:
        return [e for e in self.events if e.receipt]


def _client_since(conn: Any, client_id: int) -> str:
    """When this client was registered ('' once erased: then every entry with their id counts)."""
    row = conn.execute("SELECT created_at FROM clients WHERE id = ?", (client_id,)).fetchone()
    return row[0] if row else ""


def client_order_ids(conn: Any, client_id: int) -> list[int]:
    """Every order ever created for the client (the audit log remembers even destroyed ones).

    `order.created` entries older than the client's registration belong to an erased person who had
    the same id (databases from before migration 5) and are ignored."""
    ids = {
        int(r[0].split(":", 1)[1])
        for r in conn.execute(
            "SELECT object_ref FROM audit_log WHERE action = 'order.created' AND json_extract(details, '$.client') = ?"
            " AND ts >= ?",
            (client_id, _client_since(conn, client_id)),
        )
    }
    ids |= {int(r[0]) for r in conn.execute("SELECT id FROM orders WHERE client_id = ?", (client_id,))}
    return sorted(ids)


def _kind(action: str) -> tuple[str, str, str] | None:
    if action in ACTIONS:
        return ACTIONS[action]
    if action.startswith("legal."):
        return ("legal", "درخواست قانونی", "Legal request")
    return None


def client_access_report(session: Session, client_id: int) -> AccessReport:
    """The report, audited as `client.access_report` (in its own transaction)."""
    report = build_client_access_report(session, client_id)
    session.audit(
        "client.access_report", f"client:{client_id}", {"orders": len(report.orders), "events": len(report.events)}
    )
    return report


def build_client_access_report(session: Session, client_id: int) -> AccessReport:
    """The report without its own audit entry: for a caller whose audit entry covers it (the court
    export's `legal.exported`, written in the export transaction). Managers only."""
    session.require("audit.read")
    conn = session.conn
    row = conn.execute("SELECT first_name, last_name FROM clients WHERE id = ?", (client_id,)).fetchone()
    if row is None:
        raise NotFound(f"Client #{client_id} does not exist.", "این مشتری وجود ندارد.")
    order_ids = client_order_ids(conn, client_id)
    refs = {f"order:{i}": i for i in order_ids}
    bg_rows = []
    if order_ids:
        marks = ",".join("?" * len(order_ids))
        bg_rows = conn.execute(
            f"SELECT id, order_id, reason FROM break_glass WHERE order_id IN ({marks})", order_ids
        ).fetchall()
    bg_reason = {int(r[0]): r[2] or "" for r in bg_rows}
    for r in bg_rows:
        refs[f"breakglass:{r[0]}"] = int(r[1])
    order_ref = {}
    if order_ids:
        marks = ",".join("?" * len(order_ids))
        order_ref = {
            int(r[0]): r[1] for r in conn.execute(f"SELECT id, order_ref FROM orders WHERE id IN ({marks})", order_ids)
        }
    staff = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT username, display_name, role FROM staff")}
    courts = {int(r[0]): f"{r[1]} — {r[2]}" for r in conn.execute("SELECT id, court, case_number FROM legal_requests")}
    holds, hidden_holds = _holds(conn, client_id, courts)
    all_refs = [*refs, f"client:{client_id}"]
    marks = ",".join("?" * len(all_refs))
    since = _client_since(conn, client_id)
    events: list[AccessEvent] = []
    for ts, actor, action, object_ref, details_text in conn.execute(
        f"SELECT ts, actor, action, object_ref, details FROM audit_log WHERE object_ref IN ({marks}) ORDER BY id",
        all_refs,
    ):
        if object_ref == f"client:{client_id}" and ts < since:
            continue  # an erased person who had the same id (before migration 5)
        kind = _kind(action)
        if kind is None:
            continue
        details = json.loads(details_text)
        if action in HOLD_ACTIONS and int(details.get("request", 0)) in hidden_holds:
            continue  # an active hold the clinic discloses only once it is lifted
        photo_id = details.get("photo") if action.startswith("photo.") else None
        if action == "photo.opened" and details.get("kind") == "thumb":
            kind = THUMBNAIL_SEEN
        order_id = refs.get(object_ref)
        basis = str(details.get("basis", "")) or ("import" if action.endswith(".imported") else "")
        reason = ""
        request_id = None
        if action == "breakglass.started":
            basis = "breakglass"
            reason = bg_reason.get(int(details.get("breakglass", 0)), "")
        elif action.startswith("legal."):
            basis = "legal"
            request_id = int(details.get("request", 0)) or None
            reason = courts.get(request_id or 0, "")  # which court, which case
        name, role = staff.get(actor, (actor, ""))
        role_fa = next((label for r, label in ROLE_LABELS_FA.items() if r.value == role), role)
        receipt = details.get("receipt") if kind[0] == "destruction" else None
        events.append(
            AccessEvent(
                ts,
                actor,
                name,
                role_fa,
                action,
                kind[0],
                kind[1],
                kind[2],
                basis,
                order_ref.get(order_id, "") if order_id else "",
                reason,
                receipt,
                request_id,
                int(photo_id) if isinstance(photo_id, int) else None,
                str(details.get("kind", "")) if action == "photo.opened" else "",
            )
        )
    from maya_desktop.core.orders import clock

    refs_list = [order_ref.get(i, "") for i in order_ids]
    return AccessReport(client_id, row[0], row[1], clock.text(), events, refs_list, holds)


def _holds(conn: Any, client_id: int, courts: dict[int, str]) -> tuple[list[HoldRecord], set[int]]:
    """The client's legal holds the report shows, and the requests whose hold it keeps quiet about:
    an active hold is shown only if the clinic chose so (setting `legal_hold_shown_while_active`)."""
    from maya_desktop.core.legal.holds import DISCLOSURE_SETTING, client_holds
    from maya_desktop.core.settings import get_setting

    at_once = bool(get_setting(conn, DISCLOSURE_SETTING))
    shown, hidden = [], set()
    for hold in client_holds(conn, client_id):
        if hold.lifted_at is None and not at_once:
            hidden.add(hold.request_id)
            continue
        shown.append(HoldRecord(hold.request_id, courts.get(hold.request_id, ""), hold.placed_at or "", hold.lifted_at))
    return shown, hidden
