"""The sync outbox: events wait here (inside the encrypted DB) until HQ has acknowledged them.

Offline-first: an order change writes its event in the *same* transaction as the change
(``enqueue`` never commits), so an event exists if and only if the change does. Delivery is
at-least-once; the server de-duplicates by ``event_id``. Works on any DB-API connection
(sqlite3 or sqlcipher3). Times are UTC text of fixed width so that text order = time order.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from maya_desktop.core.settings import delete_setting, get_setting, set_setting
from maya_desktop.core.sync import settings as sync_settings
from maya_desktop.core.sync.contract import (
    EVENT_TYPE_AUDIT_ANCHOR,
    EVENT_TYPE_STATE_CHANGED,
    canonical_json,
    make_anchor_event,
    make_event,
    validate_event,
)

# The outbox's table and indexes are the migrations' (0002, 0010): ensure_outbox runs those statements.
OUTBOX_MIGRATIONS = ("0002_orders.sql", "0010_outbox_order.sql")
SENT_RETENTION = dt.timedelta(days=1)  # acknowledged events are kept this long (status view), then deleted

BACKOFF_BASE_S = 15.0
BACKOFF_CAP_S = 3600.0
MAX_ERROR_CHARS = 200
KEY_LAST_SUCCESS = "sync.last_success_at"
KEY_LAST_ATTEMPT = "sync.last_attempt_at"
KEY_LAST_ERROR = "sync.last_error"


@dataclass(frozen=True)
class OutboxItem:
    event_id: str
    payload: str
    attempts: int


@dataclass(frozen=True)
class OutboxStats:
    pending: int
    due: int
    rejected: int
    sent: int
    last_success_at: str | None
    last_attempt_at: str | None
    last_error: str | None


def ensure_outbox(conn: Any) -> None:
    """The outbox table and its indexes, made by the migrations' own statements when missing (a database the
    migrations did not make: tests', benchmarks'); statement by statement, ``executescript`` would commit the
    caller's work."""
    # imported here: the migrations import the orders, which import this module
    from maya_desktop.core.migrations import frozen_sql, split_statements

    for name in OUTBOX_MIGRATIONS:
        for statement in split_statements(frozen_sql(name)):
            if "sync_outbox" in statement:
                conn.execute(statement)


def utc_text(moment: dt.datetime | None = None) -> str:
    """Fixed-width UTC timestamp; naive datetimes are taken as UTC."""
    moment = moment or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def clean_error(text: str) -> str:
    """Short single-line text for last_error (server reasons are untrusted input)."""
    printable = "".join(c if c.isprintable() else " " for c in str(text))
    return printable[:MAX_ERROR_CHARS]


def enqueue(conn: Any, event: Mapping[str, Any], now: dt.datetime | None = None) -> str:
    """Validate and queue one event; return its event_id. Does NOT commit.

    Enqueuing the same event_id twice is a no-op (the first payload wins).
    """
    return _insert(conn, validate_event(event), now)


def _insert(conn: Any, valid: dict[str, Any], now: dt.datetime | None = None) -> str:
    stamp = utc_text(now)
    conn.execute(
        "INSERT INTO sync_outbox(event_id, payload, created_at, attempts, next_attempt_at, state) "
        "VALUES(?, ?, ?, 0, ?, 'pending') ON CONFLICT(event_id) DO NOTHING",
        (valid["event_id"], canonical_json(valid), stamp, stamp),
    )
    return str(valid["event_id"])


def enqueue_order_event(conn: Any, *, event_type: str = EVENT_TYPE_STATE_CHANGED, **fields: Any) -> str:
    """For ``core.orders``: build an event stamped with this clinic/workstation and queue it.

    `fields`: the order's fields of ``contract.make_event`` (order_ref, service, status, day, ...), which
    refuses any other. Works before sync is configured (clinic id 'cl_unassigned'); does NOT commit.
    """
    event = make_event(
        clinic_id=sync_settings.clinic_id(conn),
        workstation_id=sync_settings.workstation_id(conn),
        type=event_type,
        **fields,
    )
    return _insert(conn, event)  # make_event has just validated it


def enqueue_audit_anchor(conn: Any, now: dt.datetime | None = None) -> str | None:
    """Queue an ``audit.anchor`` event (sequence + keyed tag of the audit head, nothing else) when the
    head moved since the last one queued, so HQ holds an anchor no one at the clinic can rewrite.
    Returns its event_id, or None. Does NOT commit."""
    from maya_desktop.core import audit  # lazy: audit -> db only, but keep the outbox import-light

    anchor = audit.current_anchor(conn)
    if anchor is None:
        return None
    seq, tag = anchor
    last = conn.execute(
        "SELECT payload FROM sync_outbox WHERE payload LIKE ? ORDER BY rowid DESC LIMIT 1",
        (f'%"type":"{EVENT_TYPE_AUDIT_ANCHOR}"%',),
    ).fetchone()
    if last is not None and int(json.loads(last[0])["audit_seq"]) >= seq:
        return None
    event = make_anchor_event(
        clinic_id=sync_settings.clinic_id(conn),
        workstation_id=sync_settings.workstation_id(conn),
        day=(now or dt.datetime.now(dt.UTC)).date(),
        audit_seq=seq,
        audit_head=tag,
    )
    return _insert(conn, event, now)


def pending_batch(conn: Any, limit: int, now: dt.datetime | None = None) -> list[OutboxItem]:
    """Pending events whose back-off has expired, oldest first."""
    rows = conn.execute(
        "SELECT event_id, payload, attempts FROM sync_outbox "
        "WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) "
        "ORDER BY id LIMIT ?",
        (utc_text(now), int(limit)),
    ).fetchall()
    return [OutboxItem(r[0], r[1], int(r[2])) for r in rows]


def decode_payload(item: OutboxItem) -> dict[str, Any]:
    """Parse and re-validate a queued payload (a row edited on disk must not leak anything)."""
    return validate_event(json.loads(item.payload))


def mark_sent(conn: Any, event_ids: Iterable[str]) -> None:
    conn.executemany(
        "UPDATE sync_outbox SET state = 'sent', last_error = NULL WHERE event_id = ? AND state = 'pending'",
        [(e,) for e in event_ids],
    )


def mark_rejected(conn: Any, event_id: str, reason: str) -> None:
    """Park one event for good with a visible reason; the rest of the queue carries on."""
    conn.execute(
        "UPDATE sync_outbox SET state = 'rejected', last_error = ? WHERE event_id = ? AND state = 'pending'",
        (clean_error(reason), event_id),
    )


def backoff_seconds(attempts: int, rng: random.Random | None = None) -> float:
    """Exponential back-off with 'equal jitter': half fixed, half random, capped at one hour."""
    ceiling = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** max(0, min(attempts - 1, 30)))
    return float(ceiling / 2 + (rng or random).uniform(0, ceiling / 2))


def schedule_retry(
    conn: Any,
    event_ids: Iterable[str],
    now: dt.datetime | None = None,
    error: str = "",
    rng: random.Random | None = None,
) -> str | None:
    """Count one more failed attempt for each event and push its next attempt into the future.

    Returns the latest new due time (UTC text), or None when no pending event matched.
    """
    moment = now or dt.datetime.now(dt.UTC)
    latest: str | None = None
    for event_id in event_ids:
        row = conn.execute(
            "SELECT attempts FROM sync_outbox WHERE event_id = ? AND state = 'pending'", (event_id,)
        ).fetchone()
        if row is None:
            continue
        attempts = int(row[0]) + 1
        due = utc_text(moment + dt.timedelta(seconds=backoff_seconds(attempts, rng)))
        conn.execute(
            "UPDATE sync_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE event_id = ?",
            (attempts, due, clean_error(error) or None, event_id),
        )
        latest = max(latest or due, due)
    return latest


def defer_due(conn: Any, now: dt.datetime | None, until: str) -> None:
    """After a failed round, move the other due events to ``until`` (attempts unchanged) so that a
    down server is not hammered by the rest of the queue."""
    conn.execute(
        "UPDATE sync_outbox SET next_attempt_at = ? "
        "WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)",
        (until, utc_text(now)),
    )


def next_due(conn: Any) -> dt.datetime | None:
    """When the earliest pending event becomes due (None when nothing is pending)."""
    row = conn.execute("SELECT MIN(next_attempt_at) FROM sync_outbox WHERE state = 'pending'").fetchone()
    if row is None or row[0] is None:
        return None
    return dt.datetime.strptime(row[0], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


def record_round(conn: Any, now: dt.datetime | None, error: str | None) -> None:
    """Remember when we last tried / succeeded and the last error (for the status bar)."""
    stamp = utc_text(now)
    set_setting(conn, KEY_LAST_ATTEMPT, stamp)
    if error:
        set_setting(conn, KEY_LAST_ERROR, clean_error(error))
    else:
        set_setting(conn, KEY_LAST_SUCCESS, stamp)
        delete_setting(conn, KEY_LAST_ERROR)


def stats(conn: Any, now: dt.datetime | None = None) -> OutboxStats:
    counts = dict(conn.execute("SELECT state, COUNT(*) FROM sync_outbox GROUP BY state").fetchall())
    due = conn.execute(
        "SELECT COUNT(*) FROM sync_outbox "
        "WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)",
        (utc_text(now),),
    ).fetchone()[0]
    return OutboxStats(
        pending=int(counts.get("pending", 0)),
        due=int(due),
        rejected=int(counts.get("rejected", 0)),
        sent=int(counts.get("sent", 0)),
        last_success_at=get_setting(conn, KEY_LAST_SUCCESS),
        last_attempt_at=get_setting(conn, KEY_LAST_ATTEMPT),
        last_error=get_setting(conn, KEY_LAST_ERROR),
    )


def list_rejected(conn: Any, limit: int = 100) -> list[tuple[str, str, str]]:
    """(event_id, created_at, reason) of rejected events, newest first, for the sync status view."""
    rows = conn.execute(
        "SELECT event_id, created_at, COALESCE(last_error, '') FROM sync_outbox "
        "WHERE state = 'rejected' ORDER BY id DESC LIMIT ?",
        (int(limit),),
    ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def purge_sent(conn: Any, older_than: dt.datetime) -> int:
    """Delete acknowledged events created before ``older_than``; return how many. Does not commit."""
    cur = conn.execute("DELETE FROM sync_outbox WHERE state = 'sent' AND created_at < ?", (utc_text(older_than),))
    return int(cur.rowcount)
