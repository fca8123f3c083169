"""Append-only, hash-chained audit log (tamper-evident).

Each entry's hash is SHA-256 over the canonical JSON of its fields plus the previous entry's hash.
Entries are numbered 1..n without gaps, and `audit_head` keeps the count and last hash, so editing,
deleting (including the last entry) or re-ordering any row is found by `verify`.
Details never contain personal data: callers pass record ids and field names, not values.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from maya_desktop.core.db import Connection, transaction

AUDIT_DDL = """
CREATE TABLE IF NOT EXISTS audit_log (
    id         INTEGER PRIMARY KEY,
    ts         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    object_ref TEXT NOT NULL DEFAULT '',
    details    TEXT NOT NULL DEFAULT '{}',
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_object ON audit_log(object_ref);
CREATE TABLE IF NOT EXISTS audit_head (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    count      INTEGER NOT NULL,
    last_hash  TEXT NOT NULL
);
INSERT OR IGNORE INTO audit_head(singleton, count, last_hash) VALUES (1, 0, '');
"""

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    id: int
    ts: str
    actor: str
    action: str
    object_ref: str
    details: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    count: int
    first_bad_id: int | None = None
    reason: str = ""


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _entry_hash(entry_id: int, ts: str, actor: str, action: str, object_ref: str, details: str, prev: str) -> str:
    canonical = json.dumps(
        [entry_id, ts, actor, action, object_ref, json.loads(details), prev],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(
    conn: Connection, actor: str, action: str, object_ref: str = "", details: dict[str, Any] | None = None
) -> int:
    """Add one entry (inside the caller's transaction if there is one). Returns its id."""
    details_text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with transaction(conn):
        count, last_hash = conn.execute("SELECT count, last_hash FROM audit_head WHERE singleton = 1").fetchone()
        entry_id = count + 1
        prev = last_hash or GENESIS
        ts = now_utc()
        digest = _entry_hash(entry_id, ts, actor, action, object_ref, details_text, prev)
        conn.execute(
            "INSERT INTO audit_log(id, ts, actor, action, object_ref, details, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (entry_id, ts, actor, action, object_ref, details_text, prev, digest),
        )
        conn.execute("UPDATE audit_head SET count = ?, last_hash = ? WHERE singleton = 1", (entry_id, digest))
    return entry_id


def verify(conn: Connection) -> VerifyResult:
    """Walk the chain. Reports the first entry whose content, link or position is wrong."""
    prev = GENESIS
    expected_id = 1
    rows = conn.execute("SELECT id, ts, actor, action, object_ref, details, prev_hash, hash FROM audit_log ORDER BY id")
    for entry_id, ts, actor, action, object_ref, details, prev_hash, digest in rows:
        if entry_id != expected_id:
            return VerifyResult(False, expected_id - 1, expected_id, f"entry {expected_id} is missing")
        if prev_hash != prev:
            reason = f"entry {entry_id} does not link to entry {entry_id - 1}"
            return VerifyResult(False, expected_id - 1, entry_id, reason)
        try:
            recomputed = _entry_hash(entry_id, ts, actor, action, object_ref, details, prev_hash)
        except (TypeError, ValueError):
            recomputed = ""
        if recomputed != digest:
            return VerifyResult(False, expected_id - 1, entry_id, f"entry {entry_id} was altered")
        prev = digest
        expected_id += 1
    count = expected_id - 1
    head_count, head_hash = conn.execute("SELECT count, last_hash FROM audit_head WHERE singleton = 1").fetchone()
    if head_count != count or (count and head_hash != prev):
        return VerifyResult(False, count, count + 1, f"entries after {count} were removed (head says {head_count})")
    return VerifyResult(True, count)


def entries(conn: Connection, *, object_ref: str | None = None, limit: int = 500, offset: int = 0) -> list[AuditEntry]:
    sql = "SELECT id, ts, actor, action, object_ref, details, prev_hash, hash FROM audit_log"
    params: list[Any] = []
    if object_ref is not None:
        sql += " WHERE object_ref = ?"
        params.append(object_ref)
    sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [AuditEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7]) for r in conn.execute(sql, params)]
