"""Client registry (P1: only first name, last name, mobile, email, and the marketing opt-in)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from maya_desktop.core.audit import now_utc
from maya_desktop.core.db import transaction
from maya_desktop.core.errors import DuplicateError, NotFound
from maya_desktop.core.persian import normalize_persian_text, to_ascii_digits, to_persian_digits
from maya_desktop.core.session import Session
from maya_desktop.core.short_search import SHORT_QUERY_MAX, short_query_sql
from maya_desktop.core.validation import parse_iran_mobile, validate_email, validate_person_name

COLUMNS = "id, first_name, last_name, mobile, email, marketing_consent, marketing_consent_at, created_at, updated_at"

# Called inside the erase transaction with (session, client_id); the orders module registers here
# so erasing a client also destroys every order of theirs.
ERASE_HOOKS: list[Callable[[Session, int], None]] = []


@dataclass(frozen=True)
class Client:
    id: int
    first_name: str
    last_name: str
    mobile: str  # E.164
    email: str | None
    marketing_consent: bool
    marketing_consent_at: str | None
    created_at: str
    updated_at: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def _from_row(row: tuple) -> Client:  # type: ignore[type-arg]
    return Client(row[0], row[1], row[2], row[3], row[4], bool(row[5]), row[6], row[7], row[8])


def _search_text(first: str, last: str, mobile: str, email: str | None) -> str:
    national = "0" + mobile.removeprefix("+98")
    parts = [normalize_persian_text(first), normalize_persian_text(last), national, email or ""]
    return " ".join(parts).lower()


def _normalise_query(text: str) -> str:
    query = to_ascii_digits(normalize_persian_text(text)).lower().strip()
    compact = query.replace(" ", "").replace("-", "")
    if compact.startswith("+98"):
        return "0" + compact[3:]
    if compact.startswith("0098"):
        return "0" + compact[4:]
    if compact.isdigit():
        return compact
    return query


def _refuse_duplicates(session: Session, mobile: str, email: str | None, own_id: int | None) -> None:
    row = session.conn.execute("SELECT id FROM clients WHERE mobile = ? AND id IS NOT ?", (mobile, own_id)).fetchone()
    if row:
        raise DuplicateError(
            f"This mobile number already belongs to client #{row[0]}.",
            f"این شمارهٔ همراه قبلاً برای مشتری شمارهٔ {to_persian_digits(row[0])} ثبت شده است.",
            "mobile",
            row[0],
        )
    if email:
        row = session.conn.execute(
            "SELECT id FROM clients WHERE lower(email) = lower(?) AND id IS NOT ?", (email, own_id)
        ).fetchone()
        if row:
            raise DuplicateError(
                f"This email already belongs to client #{row[0]}.",
                f"این ایمیل قبلاً برای مشتری شمارهٔ {to_persian_digits(row[0])} ثبت شده است.",
                "email",
                row[0],
            )


def _clean(first_name: str, last_name: str, mobile: str, email: str | None) -> tuple[str, str, str, str | None]:
    first = validate_person_name(first_name, "first_name")
    last = validate_person_name(last_name, "last_name")
    mobile_e164 = parse_iran_mobile(mobile)
    email_clean = validate_email(email) if email and email.strip() else None
    return first, last, mobile_e164, email_clean


def create_client(
    session: Session,
    first_name: str,
    last_name: str,
    mobile: str,
    email: str | None = None,
    marketing_consent: bool = False,
) -> Client:
    session.require("clients.write")
    first, last, mobile_e164, email_clean = _clean(first_name, last_name, mobile, email)
    _refuse_duplicates(session, mobile_e164, email_clean, None)
    ts = now_utc()
    with transaction(session.conn):
        cur = session.conn.execute(
            "INSERT INTO clients(first_name, last_name, mobile, email, marketing_consent, marketing_consent_at,"
            " search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                first,
                last,
                mobile_e164,
                email_clean,
                int(marketing_consent),
                ts if marketing_consent else None,
                _search_text(first, last, mobile_e164, email_clean),
                ts,
                ts,
            ),
        )
        client_id = int(cur.lastrowid)
        session.audit("client.created", f"client:{client_id}", {"marketing_consent": bool(marketing_consent)})
    return get_client(session, client_id)


def update_client(
    session: Session,
    client_id: int,
    first_name: str,
    last_name: str,
    mobile: str,
    email: str | None,
    marketing_consent: bool,
) -> Client:
    session.require("clients.write")
    current = get_client(session, client_id)
    first, last, mobile_e164, email_clean = _clean(first_name, last_name, mobile, email)
    _refuse_duplicates(session, mobile_e164, email_clean, client_id)
    ts = now_utc()
    consent_at = current.marketing_consent_at if current.marketing_consent else None
    if marketing_consent and not current.marketing_consent:
        consent_at = ts
    if not marketing_consent:
        consent_at = None
    changed = [
        name
        for name, old, new in (
            ("first_name", current.first_name, first),
            ("last_name", current.last_name, last),
            ("mobile", current.mobile, mobile_e164),
            ("email", current.email, email_clean),
            ("marketing_consent", current.marketing_consent, bool(marketing_consent)),
        )
        if old != new
    ]
    with transaction(session.conn):
        session.conn.execute(
            "UPDATE clients SET first_name = ?, last_name = ?, mobile = ?, email = ?, marketing_consent = ?,"
            " marketing_consent_at = ?, search_text = ?, updated_at = ? WHERE id = ?",
            (
                first,
                last,
                mobile_e164,
                email_clean,
                int(marketing_consent),
                consent_at,
                _search_text(first, last, mobile_e164, email_clean),
                ts,
                client_id,
            ),
        )
        session.audit("client.updated", f"client:{client_id}", {"fields": changed})  # names, never values
    return get_client(session, client_id)


def get_client(session: Session, client_id: int) -> Client:
    session.require("clients.read")
    row = session.conn.execute(f"SELECT {COLUMNS} FROM clients WHERE id = ?", (client_id,)).fetchone()
    if row is None:
        raise NotFound(f"Client #{client_id} does not exist.", "این مشتری وجود ندارد.")
    return _from_row(row)


def search_query(text: str, limit: int) -> tuple[str, tuple]:  # type: ignore[type-arg]
    """The SQL for a type-ahead search (shared with the benchmark's plain-SQLite baseline)."""
    query = _normalise_query(text)
    if not query:
        return f"SELECT {COLUMNS} FROM clients ORDER BY id DESC LIMIT ?", (limit,)
    if len(query) <= SHORT_QUERY_MAX:
        return short_query_sql(COLUMNS, query, limit)
    if not any(ch in query for ch in "%_\\"):
        # The trigram index answers substring matches of 3+ characters without reading every client.
        return (
            f"SELECT {COLUMNS} FROM clients WHERE id IN (SELECT rowid FROM clients_fts WHERE search_text LIKE ?"
            " ORDER BY rowid DESC LIMIT ?) ORDER BY id DESC",
            (f"%{query}%", limit),
        )
    return scan_query(query, limit)


def scan_query(query: str, limit: int) -> tuple[str, tuple]:  # type: ignore[type-arg]
    """Every client's search_text read in turn: only for what no index serves (a 3+ character query with
    a LIKE wildcard character in it; before issue 17, every 1-2 character query)."""
    pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return (
        f"SELECT {COLUMNS} FROM clients WHERE search_text LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ?",
        (pattern, limit),
    )


def search_clients(session: Session, text: str, limit: int = 50) -> list[Client]:
    """Type-ahead: any part of the name, mobile (any digit script, 09/+98/0098 forms) or email."""
    session.require("clients.read")
    sql, params = search_query(text, limit)
    return [_from_row(r) for r in session.conn.execute(sql, params)]


def count_clients(session: Session) -> int:
    session.require("clients.read")
    return int(session.conn.execute("SELECT count(*) FROM clients").fetchone()[0])


def erase_client(session: Session, client_id: int) -> None:
    """Erase a client and everything of theirs. The audit entry keeps only the record number.

    While a legal hold covers the client nothing is erased: the erase is recorded (audited once) and
    `HeldByLegalRequest` says why; it runs when the hold ends (`erase_held_client`)."""
    from maya_desktop.core.legal.holds import refuse_if_client_held

    session.require("clients.erase")
    get_client(session, client_id)
    refuse_if_client_held(session, client_id)
    _erase(session, client_id, {})


def erase_held_client(session: Session, client_id: int, request_id: int) -> None:
    """Carry out an erase a legal hold deferred (asked for, and permitted, earlier), once the hold ended.
    Called by the purge; the audit entry names the hold."""
    from maya_desktop.core.legal.holds import client_hold, settle

    if client_hold(session.conn, client_id) is not None:
        return
    with transaction(session.conn):
        settle(session.conn, f"client:{client_id}")
        if session.conn.execute("SELECT 1 FROM clients WHERE id = ?", (client_id,)).fetchone() is not None:
            _erase(session, client_id, {"legal_hold": request_id})


def _erase(session: Session, client_id: int, details: dict[str, int]) -> None:
    with transaction(session.conn):
        for hook in ERASE_HOOKS:
            hook(session, client_id)
        session.conn.execute("DELETE FROM clients WHERE id = ?", (client_id,))
        session.audit("client.erased", f"client:{client_id}", details or None)
    if not session.conn.in_transaction:
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # erased bytes leave the WAL too
