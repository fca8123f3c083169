"""``POST /v1/events``: the wire contract the desktop's sync client speaks (see maya_desktop/core/sync/__init__.py).

Every event is checked on its own against the closed schema (``contract.validate_event``) and against the
token's clinic; the valid ones are stored with ``INSERT … ON CONFLICT (event_id) DO NOTHING RETURNING``, so a
replay, a retry after a lost answer or two instances receiving the same batch at once all end as
``duplicates`` and never as a second row. Rejected events are not stored at all.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.sync.contract import EVENT_TYPE_AUDIT_ANCHOR, MAX_BATCH_EVENTS, validate_event
from maya_hq import fastcheck, summaries
from maya_hq.db import clinics, events, utcnow, workstation_tokens, workstations
from maya_hq.secrets_store import token_hash

MAX_BODY_BYTES = 1 << 20  # as the desktop sends at most (contract: 1 MiB per batch)
_STORED = ("event_id", "clinic_id", "workstation_id", "type", "order_ref", "service", "status", "price_rial",
           "turnaround_days", "doctor_ref", "views_count", "audit_seq", "audit_head")


class MalformedBatch(Exception):
    """Not JSON, not ``{"events": [...]}``, empty, or more than MAX_BATCH_EVENTS events (the status says which)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def parse_batch(raw: bytes) -> list[Any]:
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: "[[[[…" nested too deep
        raise MalformedBatch(400, "malformed batch") from None
    if not isinstance(body, dict) or set(body) != {"events"} or not isinstance(body["events"], list):
        raise MalformedBatch(400, "malformed batch")
    if not body["events"]:
        raise MalformedBatch(400, "empty batch")
    if len(body["events"]) > MAX_BATCH_EVENTS:
        raise MalformedBatch(413, "too many events in one batch")
    return body["events"]


@dataclass(frozen=True)
class Caller:
    """Who a bearer token speaks for: a clinic (any of its workstations but the revoked ones) or, with a
    workstation token, one workstation of it."""

    clinic_id: str
    workstation_id: str | None = None  # set: only events with this workstation_id are accepted
    revoked_workstations: frozenset[str] = frozenset()  # refused even under the clinic's token


def caller_for_token(engine: Engine, token: str) -> Caller | None:
    """The clinic (or enrolled workstation) whose live token this is, else None (unknown, rotated away or
    revoked; a workstation token also dies with its clinic's revocation)."""
    if not token:
        return None
    digest = token_hash(token)
    with engine.connect() as conn:
        clinic_id = conn.execute(
            select(clinics.c.clinic_id).where(clinics.c.token_hash == digest, clinics.c.revoked_at.is_(None))
        ).scalar_one_or_none()
        if clinic_id is not None:
            revoked = conn.execute(select(workstation_tokens.c.workstation_id).where(
                workstation_tokens.c.clinic_id == clinic_id, workstation_tokens.c.revoked_at.is_not(None)
            )).scalars()
            return Caller(clinic_id, None, frozenset(revoked))
        row = conn.execute(
            select(workstation_tokens.c.clinic_id, workstation_tokens.c.workstation_id)
            .join(clinics, clinics.c.clinic_id == workstation_tokens.c.clinic_id)
            .where(workstation_tokens.c.token_hash == digest, workstation_tokens.c.revoked_at.is_(None),
                   clinics.c.revoked_at.is_(None))
        ).first()
    return None if row is None else Caller(row.clinic_id, row.workstation_id)


def newest_anchor(engine: Engine, clinic_id: str) -> dict[str, Any] | None:
    """The anchor the clinic's audit log reached furthest ({audit_seq, audit_head, day}), else None.

    "Newest" is the highest sequence number, not the latest arrival: after a rollback the desktop sends
    anchors lower than one HQ already holds, and answering with those would hide the rollback. Among
    anchors of the same sequence the latest arrival wins."""
    with engine.connect() as conn:
        row = conn.execute(
            select(events.c.audit_seq, events.c.audit_head, events.c.day)
            .where(events.c.clinic_id == clinic_id, events.c.type == EVENT_TYPE_AUDIT_ANCHOR)
            .order_by(events.c.audit_seq.desc(), events.c.id.desc())
            .limit(1)
        ).first()
    if row is None:
        return None
    return {"audit_seq": int(row.audit_seq), "audit_head": str(row.audit_head), "day": row.day.isoformat()}


def _id_of(event: Any) -> str | None:
    value = event.get("event_id") if isinstance(event, dict) else None
    return value if isinstance(value, str) and len(value) == 36 else None


def _row(event: dict[str, Any], received_at: dt.datetime) -> dict[str, Any]:
    row = {name: event.get(name) for name in _STORED}
    row["day"] = dt.date.fromisoformat(event["day"])
    row["received_at"] = received_at
    return row


def store_batch(engine: Engine, caller: Caller | str, batch: list[Any]) -> dict[str, list[Any]]:
    """Check and store one batch for ``caller`` (or a clinic id: the clinic's token); returns the contract's
    response body."""
    if isinstance(caller, str):
        caller = Caller(caller)
    clinic_id = caller.clinic_id
    rejected: list[dict[str, Any]] = []
    duplicates: list[str] = []
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    received_at = utcnow()
    for item in batch:
        try:  # the compiled check first; validate_event (the contract) judges whatever it does not pass
            event = item if fastcheck.passes(item) else validate_event(item)
        except ValidationError as exc:
            where = f"field {exc.field}" if exc.field else "unexpected or missing field"
            rejected.append({"event_id": _id_of(item), "reason": f"does not match the contract ({where})"})
            continue
        if event["clinic_id"] != clinic_id:
            rejected.append({"event_id": event["event_id"], "reason": "clinic_id does not match the clinic's token"})
            continue
        if caller.workstation_id is not None and event["workstation_id"] != caller.workstation_id:
            rejected.append({"event_id": event["event_id"],
                             "reason": "workstation_id does not match the workstation's token"})
            continue
        if event["workstation_id"] in caller.revoked_workstations:
            rejected.append({"event_id": event["event_id"], "reason": "the workstation is revoked"})
            continue
        if event["event_id"] in seen:  # the same event twice in one batch: the second is a duplicate
            duplicates.append(event["event_id"])
            continue
        seen.add(event["event_id"])
        rows.append(_row(event, received_at))
    accepted: set[str] = set()
    if rows:
        with engine.begin() as conn:
            dialect: Any = postgresql
            if conn.dialect.name == "postgresql":
                accepted = _insert_postgresql(conn, rows)
            else:
                dialect = sqlite
                statement = (
                    sqlite.insert(events).on_conflict_do_nothing(index_elements=["event_id"]).returning(events.c.event_id)
                )
                accepted = set(conn.execute(statement, rows).scalars())
            summaries.merge(conn, [r for r in rows if r["event_id"] in accepted])  # only new events count
            _seen_workstations(conn, dialect, clinic_id, {r["workstation_id"] for r in rows}, received_at)
    ordered = [r["event_id"] for r in rows]
    duplicates.extend(i for i in ordered if i not in accepted)
    return {"accepted": [i for i in ordered if i in accepted], "duplicates": duplicates, "rejected": rejected}


_COLUMNS = (*_STORED, "day", "received_at")
_PG_TYPES = {"price_rial": "bigint", "turnaround_days": "integer", "views_count": "integer", "audit_seq": "bigint",
             "day": "date", "received_at": "timestamptz"}
_PG_ARRAYS = ", ".join(f"CAST(:{c} AS {_PG_TYPES.get(c, 'text')}[])" for c in _COLUMNS)
_PG_INSERT = text(
    f"INSERT INTO events ({', '.join(_COLUMNS)}) SELECT * FROM unnest({_PG_ARRAYS}) "
    "ON CONFLICT (event_id) DO NOTHING RETURNING event_id"
)


def _insert_postgresql(conn: Any, rows: list[dict[str, Any]]) -> set[str]:
    """One statement per batch: a column of values per field, unnested into rows (no per-row statement or
    parameter list to build — the fast path that keeps a 500-event batch in a few milliseconds)."""
    columns = {name: [row[name] for row in rows] for name in _COLUMNS}
    return set(conn.execute(_PG_INSERT, columns).scalars())


def _seen_workstations(conn: Any, dialect: Any, clinic_id: str, ids: set[str], when: dt.datetime) -> None:
    values = [{"clinic_id": clinic_id, "workstation_id": w, "first_seen_at": when, "last_seen_at": when}
              for w in sorted(ids)]  # sorted: concurrent batches lock the rows in the same order
    statement = dialect.insert(workstations)
    conn.execute(statement.on_conflict_do_update(
        index_elements=["clinic_id", "workstation_id"], set_={"last_seen_at": statement.excluded.last_seen_at}
    ), values)


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Per-clinic token bucket, per service instance, counted in events.

    Kept in memory on purpose: it is a flood guard, and a shared (in-database) bucket would add a
    write and a row lock to every request — the hot path of the whole service. With N instances behind
    a load balancer a clinic can reach N times the rate; size ``rate`` with that in mind.
    """

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, clinic_id: str, cost: int) -> float:
        """Spend ``cost`` events; returns 0 when allowed, else the seconds to wait before retrying."""
        now = time.monotonic()
        with self._lock:
            bucket = self._buckets.setdefault(clinic_id, _Bucket(self.burst, now))
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
            if bucket.tokens >= cost:
                bucket.tokens -= cost
                return 0.0
            return (cost - bucket.tokens) / self.rate if self.rate > 0 else 3600.0
