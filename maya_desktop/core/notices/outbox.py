"""The notice outbox: queued in the encrypted DB in the same transaction as the change that causes it.

Service notices (quote ready, delivered, destruction receipt, consent recorded) need no opt-in: they
are part of the service. Marketing needs the client's opt-in; `enqueue` refuses it otherwise, and a
trigger in the database refuses it even from code that skips `enqueue` (schema.py). An opt-out is
recorded on the client, audited, and cancels every marketing notice still waiting for them.

One row per (event, channel), unique: enqueuing the same event twice is a no-op, so a retried order
change never sends a second notice. `event_key` names the order and the audit entry of the change.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from maya_desktop.core.db import IntegrityError, transaction
from maya_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from maya_desktop.core.notices import config
from maya_desktop.core.notices.templates import SERVICE_KINDS
from maya_desktop.core.session import Session
from maya_desktop.core.settings import get_setting
from maya_desktop.core.sync.outbox import backoff_seconds, clean_error, utc_text
from maya_desktop.core.validation import guard_free_text

MAX_ATTEMPTS = 10  # ~ a day of back-off (15 s doubling, capped at an hour); then the order shows 'failed'
MAX_MARKETING_CHARS = 400


class MarketingRefused(PermissionDenied):
    """A marketing notice for a client without the opt-in: refused in core, whatever the caller."""


@dataclass(frozen=True)
class NoticeRow:
    id: int
    uid: str
    kind: str
    channel: str
    client_id: int
    order_id: int | None
    facts: dict[str, Any]
    state: str
    attempts: int
    last_error: str | None
    provider_ref: str | None
    created_at: str
    sent_at: str | None


_COLUMNS = (
    "id, uid, kind, channel, client_id, order_id, facts, state, attempts, last_error, provider_ref, created_at, sent_at"
)


def _row(r: tuple[Any, ...]) -> NoticeRow:
    return NoticeRow(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), r[7], r[8], r[9], r[10], r[11], r[12])


def _has_address(conn: Any, client_id: int, channel: str) -> bool:
    row = conn.execute("SELECT mobile, email FROM clients WHERE id = ?", (client_id,)).fetchone()
    if row is None:
        return False
    return bool(row[0]) if channel == "sms" else bool(row[1])


def has_opt_in(conn: Any, client_id: int) -> bool:
    row = conn.execute("SELECT marketing_consent FROM clients WHERE id = ?", (client_id,)).fetchone()
    return row is not None and int(row[0]) == 1


def enqueue(
    conn: Any,
    *,
    kind: str,
    client_id: int,
    event_key: str,
    facts: dict[str, Any],
    order_id: int | None = None,
    now: dt.datetime | None = None,
    channels: Iterable[str] | None = None,
) -> list[int]:
    """Queue one notice per enabled channel the client has an address for. Does NOT commit.

    Returns the new row ids (empty when no channel is on, or the event was queued before).
    Raises MarketingRefused for marketing to a client without the opt-in.
    """
    if kind == "marketing":
        if not has_opt_in(conn, client_id):
            raise MarketingRefused(
                "This client has not agreed to news of events and discounts; nothing was queued.",
                "این مشتری اجازهٔ دریافت خبر رویدادها و تخفیف‌ها را نداده است؛ پیامی فرستاده نمی‌شود.",
            )
    elif kind not in SERVICE_KINDS:
        raise ValueError(f"unknown notice kind {kind!r}")
    stamp = utc_text(now)
    ids = []
    for channel in channels if channels is not None else config.enabled_channels(conn):
        if not _has_address(conn, client_id, channel):
            continue
        opt_out = secrets.token_hex(4) if kind == "marketing" else None
        try:
            cur = conn.execute(
                "INSERT INTO notices(uid, event_key, kind, channel, client_id, order_id, facts, opt_out_code,"
                " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(event_key, channel) DO NOTHING",
                (
                    str(uuid.uuid4()),
                    event_key,
                    kind,
                    channel,
                    client_id,
                    order_id,
                    json.dumps({**facts, **({"opt_out_code": opt_out} if opt_out else {})}, ensure_ascii=False),
                    opt_out,
                    stamp,
                    stamp,
                ),
            )
        except IntegrityError as exc:
            if kind == "marketing":  # the trigger: the opt-in vanished between our check and the insert
                raise MarketingRefused("The client has not opted in.", "مشتری اجازه نداده است.") from exc
            raise
        if cur.rowcount == 1:
            ids.append(int(cur.lastrowid))
    return ids


# -- order events (one call from core/orders/lifecycle.advance) ------------------------------------


def _quote_facts(conn: Any, order_id: int) -> dict[str, Any] | None:
    price, days, quoted_at = conn.execute(
        "SELECT price_rial, turnaround_days, quoted_at FROM orders WHERE id = ?", (order_id,)
    ).fetchone()
    if price is None or days is None or quoted_at is None:
        return None
    expiry = int(get_setting(conn, "quote_expiry_days") or 14)
    valid_until = dt.datetime.fromisoformat(quoted_at) + dt.timedelta(days=expiry)
    return {
        "amount_rial": int(price),
        "turnaround_days": int(days),
        "valid_until": valid_until.isoformat(),
        "payment_url": config.payment_url(conn),
    }


def _audit_details(conn: Any, audit_id: int) -> tuple[dict[str, Any], str]:
    details, digest = conn.execute("SELECT details, hash FROM audit_log WHERE id = ?", (audit_id,)).fetchone()
    return json.loads(details), str(digest)


def receipt_number(audit_id: int, audit_hash: str) -> str:
    """The receipt number the client receives: the audit entry's number and the start of its hash."""
    return f"{audit_id}-{audit_hash[:8]}"


def _destruction_facts(conn: Any, audit_id: int) -> dict[str, Any] | None:
    details, digest = _audit_details(conn, audit_id)
    receipt = details.get("receipt")
    if not isinstance(receipt, dict) or receipt.get("rule") == "client_erased":  # being erased: no one to tell
        return None
    return {
        "receipt_no": receipt_number(audit_id, digest),
        "audit_id": audit_id,
        "destroyed_at": receipt["destroyed_at"],
        "rule": receipt["rule"],
        "files": [{"file_id": f["file_id"], "kind": f["kind"]} for f in receipt["files"]],
    }


def _consent_facts(conn: Any, order_id: int) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT s.display_name, o.consented_at FROM orders o JOIN staff s ON s.id = o.doctor_id WHERE o.id = ?",
        (order_id,),
    ).fetchone()
    if row is None or row[1] is None:
        return None
    return {"doctor": row[0], "recorded_at": row[1]}


def enqueue_order_notice(
    session: Session, client_id: int | None, order_id: int, action: str, audit_id: int
) -> list[int]:
    """Queue the client's notice for this order change, if it has one (inside the change's transaction).

    `client_id` is the order's client *before* the change (destruction clears it). Returns row ids.
    """
    conn = session.conn
    if client_id is None or not config.enabled_channels(conn):  # every channel off (the default): nothing to do
        return []
    if not conn.execute("SELECT 1 FROM clients WHERE id = ?", (client_id,)).fetchone():
        return []
    facts: dict[str, Any] | None
    if action == "quote":
        kind, facts = "quote_ready", _quote_facts(conn, order_id)
    elif action == "deliver":
        (destroy_after,) = conn.execute("SELECT destroy_after FROM orders WHERE id = ?", (order_id,)).fetchone()
        kind, facts = "delivered", {"destroy_after": destroy_after} if destroy_after else None
    elif action == "consent":
        kind, facts = "consent_recorded", _consent_facts(conn, order_id)
    elif action in ("purge", "destroy"):
        kind, facts = "destruction_receipt", _destruction_facts(conn, audit_id)
    else:
        return []
    if facts is None:
        return []
    return enqueue(
        conn,
        kind=kind,
        client_id=client_id,
        order_id=order_id,
        event_key=f"{kind}:order:{order_id}:audit:{audit_id}",
        facts={"order": order_id, **facts},
    )


# -- marketing --------------------------------------------------------------------------------------


def send_marketing(session: Session, message: str, *, now: dt.datetime | None = None) -> int:
    """A manager's news of an event or discount, queued for every client WITH the opt-in. Returns how many.

    Clients without the opt-in are never selected, and `enqueue` (and the database) would refuse them.
    """
    session.require("settings.manage")
    message = " ".join((message or "").split())
    if not 3 <= len(message) <= MAX_MARKETING_CHARS:
        raise ValidationError.coded("notices.news_length", "message", limit=MAX_MARKETING_CHARS)
    guard_free_text(message, "message")
    campaign = str(uuid.uuid4())
    queued = 0
    with transaction(session.conn):
        clients = [r[0] for r in session.conn.execute("SELECT id FROM clients WHERE marketing_consent = 1 ORDER BY id")]
        for client_id in clients:
            queued += len(
                enqueue(
                    session.conn,
                    kind="marketing",
                    client_id=client_id,
                    event_key=f"marketing:{campaign}:client:{client_id}",
                    facts={"message": message},
                    now=now,
                )
            )
        session.audit("notices.marketing_queued", "settings", {"campaign": campaign, "notices": queued})
    return queued


def opt_out(session: Session, code: str) -> int:
    """The client gave the opt-out code of a marketing message: record, audit, cancel what waits.

    Returns the client id. An unknown code is refused without saying whose it might be.
    """
    session.require("clients.write")
    from maya_desktop.core.persian import to_ascii_digits

    code = to_ascii_digits((code or "").strip().lower())
    row = (
        session.conn.execute("SELECT client_id FROM notices WHERE opt_out_code = ?", (code,)).fetchone()
        if code
        else None
    )
    if row is None:
        raise NotFound.coded("notices.opt_out_code_unknown")
    client_id = int(row[0])
    return opt_out_client(session, client_id, via="code")


def opt_out_client(session: Session, client_id: int, *, via: str = "reception") -> int:
    """Turn the client's marketing opt-in off now (recorded with its date and audited)."""
    session.require("clients.write")
    with transaction(session.conn):
        waiting = session.conn.execute(
            "SELECT count(*) FROM notices"
            " WHERE client_id = ? AND kind = 'marketing' AND state IN ('pending', 'failed')",
            (client_id,),
        ).fetchone()[0]
        # the trigger clients_marketing_opt_out (schema.py) records the date and cancels what waits
        cur = session.conn.execute(
            "UPDATE clients SET marketing_consent = 0, marketing_consent_at = NULL WHERE id = ?", (client_id,)
        )
        if cur.rowcount != 1:
            raise NotFound.coded("notices.client_not_found")
        session.audit("client.marketing_opt_out", f"client:{client_id}", {"via": via, "cancelled": int(waiting)})
    return client_id


def set_client_language(session: Session, client_id: int, lang: str) -> None:
    """The language the client reads their notices in ('fa' default, or 'en')."""
    session.require("clients.write")
    if lang not in ("fa", "en"):
        raise ValidationError.coded("notices.choose_persian_or_english", "language")
    with transaction(session.conn):
        cur = session.conn.execute("UPDATE clients SET preferred_language = ? WHERE id = ?", (lang, client_id))
        if cur.rowcount != 1:
            raise NotFound.coded("notices.client_not_found")
        session.audit("client.updated", f"client:{client_id}", {"fields": ["preferred_language"]})


def client_language(conn: Any, client_id: int) -> str:
    row = conn.execute("SELECT preferred_language FROM clients WHERE id = ?", (client_id,)).fetchone()
    return str(row[0]) if row else "fa"


# -- what the order screen shows ---------------------------------------------------------------------


def order_notices(session: Session, order_id: int) -> list[NoticeRow]:
    session.require("orders.write")
    rows = session.conn.execute(f"SELECT {_COLUMNS} FROM notices WHERE order_id = ? ORDER BY id", (order_id,))
    return [_row(r) for r in rows]


def retry_failed(session: Session, order_id: int) -> int:
    """Reception asks to try the order's failed notices again (after fixing an address or a setting)."""
    session.require("orders.write")
    with transaction(session.conn):
        count = session.conn.execute(
            "UPDATE notices SET state = 'pending', attempts = 0, next_attempt_at = ?"
            " WHERE order_id = ? AND state = 'failed'",
            (utc_text(), order_id),
        ).rowcount
        if count:
            session.audit("notices.retry", f"order:{order_id}", {"notices": count})
    return int(count)


# -- the sender's side ---------------------------------------------------------------------------------


def due(conn: Any, limit: int, now: dt.datetime | None = None) -> list[NoticeRow]:
    """Pending notices whose back-off has passed, oldest first."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM notices WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
        (utc_text(now), int(limit)),
    )
    return [_row(r) for r in rows]


def reclaim_interrupted(conn: Any) -> int:
    """At a sender's start: notices left 'sending' by a sender that died (kill -9, power cut) are due again.

    They go out again with the same Message-ID / provider local id, so the mail server or the gateway
    can recognise the repeat (one sender per data folder, like sync).
    """
    with transaction(conn):
        return int(conn.execute("UPDATE notices SET state = 'pending' WHERE state = 'sending'").rowcount)


def mark_sending(conn: Any, notice_id: int) -> bool:
    """Claim one notice (committed before anything leaves the machine). False if someone else has it."""
    with transaction(conn):
        cur = conn.execute(
            "UPDATE notices SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state = 'pending'",
            (notice_id,),
        )
    return bool(cur.rowcount == 1)


def mark_sent(conn: Any, notice_id: int, provider_ref: str | None, now: dt.datetime | None = None) -> None:
    from maya_desktop.core import audit

    with transaction(conn):
        conn.execute(
            "UPDATE notices SET state = 'sent', sent_at = ?, last_error = NULL, provider_ref = ? WHERE id = ?",
            (utc_text(now), provider_ref, notice_id),
        )
        kind, channel, client_id, order_id = conn.execute(
            "SELECT kind, channel, client_id, order_id FROM notices WHERE id = ?", (notice_id,)
        ).fetchone()
        ref = f"order:{order_id}" if order_id is not None else f"client:{client_id}"
        audit.append(conn, SENDER_ACTOR, "notice.sent", ref, {"notice": notice_id, "kind": kind, "channel": channel})


def mark_retry(
    conn: Any, notice_id: int, error: str, now: dt.datetime | None = None, *, permanent: bool = False
) -> str:
    """One more failed attempt: back off, or give up ('failed', shown on the order). Returns the new state."""
    from maya_desktop.core import audit

    moment = now or dt.datetime.now(dt.UTC)
    with transaction(conn):
        attempts, kind, channel, client_id, order_id = conn.execute(
            "SELECT attempts, kind, channel, client_id, order_id FROM notices WHERE id = ?", (notice_id,)
        ).fetchone()
        if permanent or attempts >= MAX_ATTEMPTS:
            conn.execute(
                "UPDATE notices SET state = 'failed', last_error = ? WHERE id = ?", (clean_error(error), notice_id)
            )
            ref = f"order:{order_id}" if order_id is not None else f"client:{client_id}"
            audit.append(
                conn, SENDER_ACTOR, "notice.failed", ref, {"notice": notice_id, "kind": kind, "channel": channel}
            )
            return "failed"
        due_at = utc_text(moment + dt.timedelta(seconds=backoff_seconds(attempts)))
        conn.execute(
            "UPDATE notices SET state = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?",
            (due_at, clean_error(error), notice_id),
        )
    return "pending"


def mark_cancelled(conn: Any, notice_id: int, reason: str) -> None:
    with transaction(conn):
        conn.execute("UPDATE notices SET state = 'cancelled', last_error = ? WHERE id = ?", (reason, notice_id))


def next_due(conn: Any) -> dt.datetime | None:
    row = conn.execute("SELECT MIN(next_attempt_at) FROM notices WHERE state = 'pending'").fetchone()
    if row is None or row[0] is None:
        return None
    return dt.datetime.strptime(row[0], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


SENDER_ACTOR = "system:notices"


def erase_client_notices(session: Session, client_id: int) -> None:
    """ERASE_HOOKS entry: an erased client's notices go with them (sent or not).

    Skipped on a schema from before the notices migration (tests drive such files through old steps)."""
    if session.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notices'").fetchone():
        session.conn.execute("DELETE FROM notices WHERE client_id = ?", (client_id,))
