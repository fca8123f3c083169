"""Recording, approving, refusing and closing legal requests (P12). Managers only, checked here.

States: recorded -> approved -> exported -> closed; recorded or approved -> refused.
Four eyes: while the clinic has two or more active managers, the manager who recorded a request may
not approve it (the refusal is audited as `legal.approval_denied`); with a single active manager the
same person may approve, and the request is marked self-approved (the table refuses anything else).
The number of active managers at recording is stored with the request, so staff management cannot
undo four eyes afterwards: self-approval is refused if there were two or more managers when the
request was recorded (even if another was deactivated since), and an account created after the
request was recorded may not approve it. These checks run inside the approval transaction.
Every change and its `legal.*` audit entry are one transaction. Audit details hold ids and scope
codes only, never the court's text, the case number or the client's name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from maya_desktop.core.db import transaction
from maya_desktop.core.errors import NotFound, PermissionDenied, StateError, ValidationError
from maya_desktop.core.legal import holds
from maya_desktop.core.legal.schema import SCOPE_KINDS, STATE_LABELS, Scope
from maya_desktop.core.orders import clock
from maya_desktop.core.persian import normalize_persian_text, to_ascii_digits, to_persian_digits
from maya_desktop.core.roles import Role
from maya_desktop.core.session import Session
from maya_desktop.core.validation import guard_free_text

PERMISSION = "legal.manage"
COURT_MAX = 120
CASE_MAX = 40
NOTES_MAX = 2000
REASON_MAX = 1000
EARLIEST_LETTER = dt.date(2000, 1, 1)
# Iranian court case numbers (شمارهٔ پرونده / بایگانی / دادنامه) are 16 or 18 digits starting with the
# Jalali year (13xx / 14xx), e.g. 140368920000123456; about 1 in 10 pass the Luhn check by chance and
# would be refused as card numbers. No payment card of Iran's Shetab network starts with 1 (Shetab
# BINs start with 5 or 6; international brands with 2-6), so in the case-number field only, a
# digits-only number of 16-18 digits starting with 13 or 14 is accepted. Every other shape there, and
# every other field, still goes through the card guard (P4).
CASE_NUMBER_DIGITS = re.compile(r"1[34][0-9]{14,16}")
# Columns a step may set (never names from outside).
SETTABLE = frozenset(
    {
        "state",
        "approved_by",
        "approved_at",
        "self_approved",
        "refused_by",
        "refused_at",
        "refusal_reason",
        "exported_by",
        "exported_at",
        "export_files",
        "export_sha256",
        "closed_by",
        "closed_at",
    }
)
CLOSABLE = ("approved", "exported")  # an approved request may be closed unexported (the court withdrew)
FOUR_EYES_FA = "درخواستی را که خودتان ثبت کرده‌اید باید مدیر دیگری تأیید کند (اصل چهار چشم)."


@dataclass(frozen=True)
class LegalRequest:
    id: int
    court: str
    case_number: str
    letter_date: dt.date
    client_id: int | None  # None once the client was erased
    client_name: str  # "" once erased
    scope: Scope
    notes: str
    state: str
    recorded_by_id: int
    recorded_by: str  # display names (staff rows are never deleted, only deactivated)
    recorded_at: str
    approved_by_id: int | None
    approved_by: str
    approved_at: str | None
    self_approved: bool
    refused_by: str
    refused_at: str | None
    refusal_reason: str
    exported_by: str
    exported_at: str | None
    export_files: int | None
    export_sha256: str | None
    closed_by: str
    closed_at: str | None
    managers_at_record: int | None = None  # active managers when recorded (None: before migration 5)
    hold_placed_at: str | None = None  # legal hold (core/legal/holds.py): placed by a manager ...
    hold_placed_by: str = ""
    hold_lifted_at: str | None = None  # ... and lifted when the request is closed or refused
    hold_lifted_by: str = ""

    @property
    def hold_active(self) -> bool:
        return self.hold_placed_at is not None and self.hold_lifted_at is None

    @property
    def state_fa(self) -> str:
        return STATE_LABELS[self.state][0]


@dataclass(frozen=True)
class ScopeOrder:
    """One of the client's orders as the scope picker lists it (destroyed ones too: their receipts exist)."""

    id: int
    service: str
    status: str
    created_at: str


_SELECT = """
SELECT r.id, r.court, r.case_number, r.letter_date, r.client_id,
       COALESCE(c.first_name || ' ' || c.last_name, ''), r.scope, r.notes, r.state,
       r.recorded_by, rs.display_name, r.recorded_at,
       r.approved_by, COALESCE(a.display_name, ''), r.approved_at, r.self_approved,
       COALESCE(f.display_name, ''), r.refused_at, COALESCE(r.refusal_reason, ''),
       COALESCE(e.display_name, ''), r.exported_at, r.export_files, r.export_sha256,
       COALESCE(k.display_name, ''), r.closed_at, r.managers_at_record,
       r.hold_placed_at, COALESCE(hp.display_name, ''), r.hold_lifted_at, COALESCE(hl.display_name, '')
FROM legal_requests r
LEFT JOIN clients c ON c.id = r.client_id
JOIN staff rs ON rs.id = r.recorded_by
LEFT JOIN staff a ON a.id = r.approved_by
LEFT JOIN staff f ON f.id = r.refused_by
LEFT JOIN staff e ON e.id = r.exported_by
LEFT JOIN staff k ON k.id = r.closed_by
LEFT JOIN staff hp ON hp.id = r.hold_placed_by
LEFT JOIN staff hl ON hl.id = r.hold_lifted_by
"""


def _from_row(row: tuple[Any, ...]) -> LegalRequest:
    values = list(row)
    values[3] = dt.date.fromisoformat(values[3])
    values[6] = Scope.from_json(values[6])
    values[15] = bool(values[15])
    return LegalRequest(*values)


def load_request(conn: Any, request_id: int) -> LegalRequest:
    """No permission check (callers check); NotFound if there is no such request."""
    row = conn.execute(_SELECT + " WHERE r.id = ?", (request_id,)).fetchone()
    if row is None:
        raise NotFound.coded("legal.request_not_found", request_id=request_id)
    return _from_row(row)


def get_request(session: Session, request_id: int) -> LegalRequest:
    session.require(PERMISSION)
    return load_request(session.conn, request_id)


def list_requests(session: Session, *, state: str | None = None) -> list[LegalRequest]:
    """Newest first."""
    session.require(PERMISSION)
    if state is None:
        rows = session.conn.execute(_SELECT + " ORDER BY r.id DESC")
    else:
        rows = session.conn.execute(_SELECT + " WHERE r.state = ? ORDER BY r.id DESC", (state,))
    return [_from_row(r) for r in rows]


def client_orders(session: Session, client_id: int) -> list[ScopeOrder]:
    """Every order the client ever had (the audit log remembers destroyed ones), newest first."""
    from maya_desktop.core.access_log import client_order_ids

    session.require(PERMISSION)
    ids = client_order_ids(session.conn, client_id)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = session.conn.execute(
        f"SELECT id, service, status, created_at FROM orders WHERE id IN ({marks}) ORDER BY id DESC", ids
    )
    return [ScopeOrder(int(r[0]), r[1], r[2], r[3]) for r in rows]


# ---- validation ------------------------------------------------------------------------------------
def _line(text: str, field: str, label_en: str, label_fa: str, longest: int, *, case_number: bool = False) -> str:
    value = normalize_persian_text(text or "")
    if not value:
        raise ValidationError.coded("legal.field_missing", field, label_en=label_en, label_fa=label_fa)
    if len(value) > longest:
        raise ValidationError(
            f"The {label_en} is too long (at most {longest} characters).",
            f"{label_fa} بیش از حد طولانی است (حداکثر {to_persian_digits(longest)} نویسه).",
            field,
        )
    if case_number and CASE_NUMBER_DIGITS.fullmatch(to_ascii_digits(value)):
        return value  # a court case number, not a card (see CASE_NUMBER_DIGITS)
    return guard_free_text(value, field)


def _text(text: str, field: str, longest: int) -> str:
    value = (text or "").strip()
    if len(value) > longest:
        raise ValidationError(
            f"The text is too long (at most {longest} characters).",
            f"متن بیش از حد طولانی است (حداکثر {to_persian_digits(longest)} نویسه).",
            field,
        )
    return guard_free_text(value, field)


def _letter_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError.coded("legal.enter_date_court_letter", "letter_date")
    if value > clock.now().astimezone().date():
        raise ValidationError.coded("legal.letter_date_in_future", "letter_date")
    if value < EARLIEST_LETTER:
        raise ValidationError.coded("legal.check_letter_date", "letter_date")
    return value


def _clean_scope(session: Session, client_id: int, scope: Scope) -> Scope:
    from maya_desktop.core.access_log import client_order_ids

    kinds = tuple(k for k in SCOPE_KINDS if k in set(scope.kinds))  # canonical order, no repeats
    if not kinds or len(set(scope.kinds)) != len(kinds):
        raise ValidationError.coded("legal.no_scope_chosen", "scope")
    if scope.order_ids is None:
        return Scope(kinds, None)
    wanted = sorted({int(i) for i in scope.order_ids})
    if not wanted:
        raise ValidationError.coded("legal.no_order_chosen", "scope")
    if set(wanted) - set(client_order_ids(session.conn, client_id)):
        raise ValidationError.coded("legal.orders_of_another_client", "scope")
    return Scope(kinds, tuple(wanted))


# ---- steps -----------------------------------------------------------------------------------------
def record_request(
    session: Session,
    client_id: int,
    court: str,
    case_number: str,
    letter_date: dt.date,
    scope: Scope,
    notes: str = "",
    *,
    hold: bool = False,
) -> LegalRequest:
    """Write down what the court asked for. Nothing is disclosed until another step approves it.

    `hold`: place a legal hold at once (preservation, not disclosure: nothing leaves before approval;
    refusing the request lifts it)."""
    session.require(PERMISSION)
    require_active_manager(session)
    court = _line(court, "court", "court", "نام دادگاه یا مرجع قضایی", COURT_MAX)
    case_number = _line(
        case_number, "case_number", "case or letter number", "شمارهٔ پرونده یا نامه", CASE_MAX, case_number=True
    )
    letter = _letter_date(letter_date)
    if session.conn.execute("SELECT 1 FROM clients WHERE id = ?", (client_id,)).fetchone() is None:
        raise ValidationError.coded("legal.choose_client_order_concerns", "client")
    clean = _clean_scope(session, client_id, scope)
    notes = _text(notes, "notes", NOTES_MAX)
    ts = clock.text()
    with transaction(session.conn):
        cur = session.conn.execute(
            "INSERT INTO legal_requests(court, case_number, letter_date, client_id, scope, notes, state,"
            " recorded_by, recorded_at, managers_at_record) VALUES (?, ?, ?, ?, ?, ?, 'recorded', ?, ?, ?)",
            (
                court,
                case_number,
                letter.isoformat(),
                client_id,
                clean.to_json(),
                notes,
                session.staff.id,
                ts,
                active_managers(session.conn),
            ),
        )
        request_id = int(cur.lastrowid)
        session.audit(
            "legal.recorded",
            f"client:{client_id}",
            {
                "request": request_id,
                "kinds": list(clean.kinds),
                "orders": "all" if clean.order_ids is None else len(clean.order_ids),
            },
        )
        if hold:
            holds.place_hold(session, request_id, f"client:{client_id}")
    return load_request(session.conn, request_id)


def active_managers(conn: Any) -> int:
    return int(
        conn.execute("SELECT count(*) FROM staff WHERE role = ? AND active = 1", (Role.MANAGER.value,)).fetchone()[0]
    )


def require_active_manager(session: Session) -> None:
    """The database's word, not the session's role snapshot (a manager may have been deactivated since)."""
    row = session.conn.execute("SELECT role, active FROM staff WHERE id = ?", (session.staff.id,)).fetchone()
    if row is None or row[0] != Role.MANAGER.value or not row[1]:
        session.audit("permission.denied", "", {"permission": PERMISSION, "reason": "inactive"})
        raise PermissionDenied.coded("legal.no_longer_manager")


def _four_eyes_denial(conn: Any, staff_id: int, request: LegalRequest) -> str | None:
    """Why `staff_id` may not approve `request` (a reason code), or None. Read inside the approval transaction."""
    row = conn.execute("SELECT created_at FROM staff WHERE id = ?", (staff_id,)).fetchone()
    if row is None or row[0] > request.recorded_at:
        return "account_newer_than_request"  # e.g. a manager account made just to approve this request
    if request.recorded_by_id == staff_id:
        at_record = request.managers_at_record or 0
        if at_record >= 2 or active_managers(conn) >= 2:
            return "four_eyes"
    return None


def may_approve(session: Session, request: LegalRequest) -> bool:
    """What approve_request would allow now (for enabling a button; core still checks)."""
    if session.locked or session.role != Role.MANAGER or request.state != "recorded":
        return False
    return _four_eyes_denial(session.conn, session.staff.id, request) is None


def approval_lines(request: LegalRequest) -> list[str]:
    """How the request was approved, for the cover sheet and the manifest (Persian / English)."""
    if request.approved_by_id is None:
        return []
    count = request.managers_at_record
    known = (
        f"شمار مدیران فعال هنگام ثبت: {to_persian_digits(count)} / active managers when recorded: {count}"
        if count is not None
        else "شمار مدیران فعال هنگام ثبت ثبت نشده است (درخواست قدیمی) / active managers when recorded: not stored"
    )
    if request.self_approved:
        how = "تنها مدیر فعال کلینیک، خود تأیید کرده است / self-approved: the clinic's only active manager"
    else:
        how = (
            "اصل چهار چشم: مدیری جز ثبت‌کننده تأیید کرده است"
            " / four eyes: approved by a manager other than the one who recorded it"
        )
    return [how, known]


def client_ref(request: LegalRequest) -> str:
    """The audit object of a request's steps: the client (so their access report lists it), or the
    request itself once the client was erased."""
    return f"client:{request.client_id}" if request.client_id is not None else f"legal:{request.id}"


def _state_error(request: LegalRequest, what_en: str) -> StateError:
    return StateError.coded("legal.wrong_state", state=request.state, what_en=what_en, state_fa=request.state_fa)


def move_state(session: Session, request: LegalRequest, sources: tuple[str, ...], values: dict[str, Any]) -> None:
    """UPDATE guarded by the state we read (someone else may have moved it meanwhile). Inside a transaction."""
    if set(values) - SETTABLE:
        raise ValueError(f"not settable by a step: {sorted(set(values) - SETTABLE)}")
    assignments = ", ".join(f"{name} = ?" for name in values)
    marks = ",".join("?" * len(sources))
    cur = session.conn.execute(
        f"UPDATE legal_requests SET {assignments} WHERE id = ? AND state IN ({marks})",
        (*values.values(), request.id, *sources),
    )
    if cur.rowcount != 1:
        raise _state_error(load_request(session.conn, request.id), "changed")


def approve_request(session: Session, request_id: int, *, hold: bool = False) -> LegalRequest:
    """recorded -> approved, by a manager other than the recorder (unless they are the only active manager).

    `hold`: the approving manager places a legal hold on the request's data (if not already held)."""
    session.require(PERMISSION)
    require_active_manager(session)
    with transaction(session.conn):  # BEGIN IMMEDIATE: staff and the request cannot change under the checks
        request = load_request(session.conn, request_id)
        if request.state != "recorded":
            raise _state_error(request, "approved")
        self_approved = request.recorded_by_id == session.staff.id
        denial = _four_eyes_denial(session.conn, session.staff.id, request)
        if denial is not None:  # the refusal is audited (committed), then raised below
            session.audit("legal.approval_denied", f"legal:{request_id}", {"request": request_id, "reason": denial})
        else:
            _approve(session, request, self_approved)
            if hold:
                holds.place_hold(session, request_id, client_ref(request))
    if denial == "four_eyes":
        raise PermissionDenied("Another manager must approve a request you recorded (four eyes).", FOUR_EYES_FA)
    if denial is not None:
        raise PermissionDenied.coded("legal.four_eyes_newer_account")
    return load_request(session.conn, request_id)


def _approve(session: Session, request: LegalRequest, self_approved: bool) -> None:
    """recorded -> approved and its audit entry; inside the approval transaction."""
    move_state(
        session,
        request,
        ("recorded",),
        {
            "state": "approved",
            "approved_by": session.staff.id,
            "approved_at": clock.text(),
            "self_approved": int(self_approved),
        },
    )
    session.audit(
        "legal.approved",
        client_ref(request),
        {"request": request.id, "self_approved": self_approved, "kinds": list(request.scope.kinds)},
    )


def refuse_request(session: Session, request_id: int, reason: str) -> LegalRequest:
    """recorded / approved -> refused (not once exported). Any manager may refuse; a reason is required."""
    session.require(PERMISSION)
    require_active_manager(session)
    request = load_request(session.conn, request_id)
    if request.state not in ("recorded", "approved"):
        raise _state_error(request, "refused")
    reason = _text(reason, "reason", REASON_MAX)
    if len(reason) < 3:
        raise ValidationError.coded("legal.give_reason_for_refusing", "reason")
    with transaction(session.conn):
        move_state(
            session,
            request,
            ("recorded", "approved"),
            {"state": "refused", "refused_by": session.staff.id, "refused_at": clock.text(), "refusal_reason": reason},
        )
        session.audit("legal.refused", client_ref(request), {"request": request_id, "from": request.state})
        holds.lift_hold(session, request_id, client_ref(request))
    _run_released(session, request)
    return load_request(session.conn, request_id)


def close_request(session: Session, request_id: int) -> LegalRequest:
    """approved / exported -> closed: the court has what it asked for (or no longer needs it); nothing
    more can be exported for it. Closing lifts the request's legal hold, and destruction that was due
    under it runs at once (its receipts name the hold)."""
    session.require(PERMISSION)
    require_active_manager(session)
    request = load_request(session.conn, request_id)
    if request.state not in CLOSABLE:
        raise _state_error(request, "closed")
    with transaction(session.conn):
        move_state(
            session,
            request,
            CLOSABLE,
            {"state": "closed", "closed_by": session.staff.id, "closed_at": clock.text()},
        )
        session.audit("legal.closed", client_ref(request), {"request": request_id, "from": request.state})
        holds.lift_hold(session, request_id, client_ref(request))
    _run_released(session, request)
    return load_request(session.conn, request_id)


def place_hold(session: Session, request_id: int) -> LegalRequest:
    """Hold an open request's data against destruction (a manager; audited). For a request recorded or
    approved without a hold; holding twice changes nothing."""
    session.require(PERMISSION)
    require_active_manager(session)
    with transaction(session.conn):
        request = load_request(session.conn, request_id)
        if request.state not in ("recorded", *CLOSABLE):
            raise _state_error(request, "held")
        holds.place_hold(session, request_id, client_ref(request))
    return load_request(session.conn, request_id)


def _run_released(session: Session, request: LegalRequest) -> None:
    """After a hold ends: destroy at once what it deferred (a failure here is retried by the next purge)."""
    if request.hold_placed_at is None:
        return
    from maya_desktop.core.orders.housekeeping import purge_due

    purge_due(session)
