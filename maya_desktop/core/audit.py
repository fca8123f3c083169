"""Append-only, hash-chained audit log (tamper-evident).

Each entry's hash is SHA-256 over the canonical JSON of its fields plus the previous entry's hash.
Entries are numbered 1..n without gaps, and `audit_head` keeps the count and last hash, so editing,
deleting (including the last entry) or re-ordering any row is found by `verify`.
Details never contain personal data: callers pass record ids and field names, not values.

Anyone holding a password holds the database key and could rewrite the chain and re-hash it, so the
head is also anchored *outside* the database (DESIGN §4): after every commit that moved it, its
sequence number and a keyed tag (HMAC with a secret kept in the database, `anchor_tag`) go into the
key slot file, and the sync sends them to HQ as `audit.anchor` events. At login and in `audit verify`,
a head that went backwards (rolled back, tail deleted, WAL lost after a crash) or a rewritten tail is
found by comparing with the anchor (`check_anchor`); a login that finds one records it in the chain
(`ROLLBACK_ACTION`), so `audit verify` keeps reporting it.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from maya_desktop.core.db import Connection, transaction

# Tables: core/migrations/0001_core.sql (audit_log, audit_head) and 0008_insider.sql (audit_anchor_key: in the
# database a password holder can read it, so the tag does not stop them; it stops anyone who can only write the
# slot file, and HQ's copy stops the rest).
ROLLBACK_ACTION = "audit.rollback_detected"

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


# The workstation each connection acts for (a vault host's sessions, issue 14): connection id -> workstation id.
_ORIGINS: dict[int, str] = {}


def set_origin(conn: Connection, workstation: str) -> None:
    """Every entry written through `conn` from now on records `workstation` (in its hashed details)."""
    _ORIGINS[id(conn)] = workstation


def forget_origin(conn: Connection) -> None:
    _ORIGINS.pop(id(conn), None)


def append(
    conn: Connection, actor: str, action: str, object_ref: str = "", details: dict[str, Any] | None = None
) -> int:
    """Add one entry (inside the caller's transaction if there is one). Returns its id."""
    origin = _ORIGINS.get(id(conn))
    if origin is not None:
        details = {**(details or {}), "workstation": origin}
    details_text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with transaction(conn):
        count, last_hash = conn.execute("SELECT count, last_hash FROM audit_head WHERE singleton = 1").fetchone()
        entry_id = int(count) + 1
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


# ---- anchoring the head outside the database --------------------------------------------------
@dataclass(frozen=True)
class AnchorFinding:
    """The database's log does not reach, or does not match, an anchor kept outside it."""

    anchor_seq: int
    head_seq: int
    details: dict[str, int]
    message_en: str
    message_fa: str


def head(conn: Connection) -> tuple[int, str]:
    count, last_hash = conn.execute("SELECT count, last_hash FROM audit_head WHERE singleton = 1").fetchone()
    return int(count), str(last_hash or GENESIS)


def anchor_tag(conn: Connection, seq: int) -> str | None:
    """HMAC-SHA256 over (seq, hash of entry `seq`): 64 hex characters, nothing personal. None when the log
    has no entry `seq` or there is no anchor key yet."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_anchor_key'").fetchone() is None:
        return None  # a schema from before the anchor (tests build such files); the next login adds it
    row = conn.execute("SELECT secret FROM audit_anchor_key WHERE singleton = 1").fetchone()
    if row is None:
        return None
    if seq == 0:
        digest = GENESIS
    else:
        found = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (seq,)).fetchone()
        if found is None:
            return None
        digest = str(found[0])
    return hmac.new(bytes(row[0]), f"maya-audit-anchor|{seq}|{digest}".encode("ascii"), hashlib.sha256).hexdigest()


def current_anchor(conn: Connection) -> tuple[int, str] | None:
    """(sequence, tag) of the head now, to be kept outside the database (None before the anchor's schema)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_anchor_key'").fetchone() is None:
        return None
    seq, _ = head(conn)
    tag = anchor_tag(conn, seq)
    return None if tag is None else (seq, tag)


def check_anchor(conn: Connection, seq: int, tag: str) -> AnchorFinding | None:
    """Compare the log with an anchor taken earlier; None when the log still reaches it unchanged."""
    count, _ = head(conn)
    rows = int(conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    have = min(count, rows)
    if have < seq:
        first, last = have + 1, seq
        span = f"entry {first}" if first == last else f"entries {first}-{last}"
        return AnchorFinding(
            seq,
            have,
            {"missing_from": first, "missing_to": last, "anchor_seq": seq},
            f"{span} missing: the audit log went back from {seq} to {have} entries"
            " (rolled back, its last entries deleted, or the database's WAL file lost after a crash).",
            f"رویدادهای {first} تا {last} از گزارش رویدادها گم شده‌اند: گزارش از {seq} به {have} رویداد برگشته است"
            " (بازگردانی، حذف رویدادهای آخر یا از دست رفتن فایل WAL پس از قطع برنامه).",
        )
    expected = anchor_tag(conn, seq)
    if expected is None or not hmac.compare_digest(expected, tag):
        return AnchorFinding(
            seq,
            have,
            {"rewritten_upto": seq, "anchor_seq": seq},
            f"entries up to {seq} were rewritten: entry {seq} no longer matches the anchor kept outside the database.",
            f"رویدادهای گزارش تا شمارهٔ {seq} بازنویسی شده‌اند: رویداد {seq} با لنگر بیرون از پایگاه داده نمی‌خواند.",
        )
    return None


def recorded_rollbacks(conn: Connection) -> list[str]:
    """Findings that logins recorded in the chain (English text), oldest first: they stay reported."""
    found = []
    for entry_id, ts, details in conn.execute(
        "SELECT id, ts, details FROM audit_log WHERE action = ? ORDER BY id", (ROLLBACK_ACTION,)
    ):
        info = json.loads(details)
        if "missing_from" in info:
            first, last = info["missing_from"], info["missing_to"]
            what = f"entry {first} missing" if first == last else f"entries {first}-{last} missing"
        else:
            what = f"entries up to {info.get('rewritten_upto')} rewritten"
        where = "by comparing with HQ's copy of the anchor at sync" if info.get("source") == "hq" else "at login"
        found.append(f"{what} (found {where}, recorded as entry {entry_id} on {ts[:19]})")
    return found


def findings_since_last_login(conn: Connection) -> list[tuple[str, str]]:
    """(English, Persian) of the rollbacks recorded since the last sign-in by something other than a login
    (the sync's comparison with HQ's anchor, core.sync.hq_anchor), so the next person signing in sees them."""
    last = conn.execute("SELECT max(id) FROM audit_log WHERE action = 'login'").fetchone()[0] or 0
    shown = []
    for (details,) in conn.execute(
        "SELECT details FROM audit_log WHERE action = ? AND id > ? ORDER BY id", (ROLLBACK_ACTION, last)
    ):
        info = json.loads(details)
        if info.get("source") != "hq":
            continue
        seq = info.get("anchor_seq")
        shown.append(
            (
                f"The audit log does not hold HQ's copy of its anchor (entry {seq}): it was rolled back or rewritten"
                " since, even if the key slot file was put back with it. Check the audit log (audit verify).",
                f"گزارش رویدادها لنگر نگه‌داشته‌شده در دفتر مرکزی (رویداد {seq}) را ندارد: پس از آن بازگردانده یا"
                " بازنویسی شده است، حتی اگر فایل کلیدها هم با آن برگردانده شده باشد. گزارش رویدادها را بررسی کنید.",
            )
        )
    return shown


# ---- looking through the log (the manager's audit page) ----------------------------------------
@dataclass(frozen=True)
class AuditQuery:
    """Which entries to show. Every criterion given must hold; an empty query matches every entry.

    `since`/`until` are ISO instants in UTC (`until` exclusive), compared with the stored `ts`.
    `text` is looked for in the person, action code, object and details; `text_actions` adds the
    action codes whose *displayed* name matched the text (the GUI knows the names, core does not).
    """

    actor: str | None = None
    actions: tuple[str, ...] | None = None
    since: str | None = None
    until: str | None = None
    text: str = ""
    text_actions: tuple[str, ...] = ()

    @property
    def is_filtered(self) -> bool:
        return self != AuditQuery()


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _where(query: AuditQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.actor is not None:
        clauses.append("actor = ?")
        params.append(query.actor)
    if query.actions is not None:
        if not query.actions:
            clauses.append("0")
        else:
            clauses.append(f"action IN ({', '.join('?' * len(query.actions))})")
            params += list(query.actions)
    if query.since:
        clauses.append("ts >= ?")
        params.append(query.since)
    if query.until:
        clauses.append("ts < ?")
        params.append(query.until)
    text = query.text.strip()
    if text:
        like = _like(text)
        either = [f"{column} LIKE ? ESCAPE '\\'" for column in ("actor", "action", "object_ref", "details")]
        params += [like] * len(either)
        if query.text_actions:
            either.append(f"action IN ({', '.join('?' * len(query.text_actions))})")
            params += list(query.text_actions)
        clauses.append("(" + " OR ".join(either) + ")")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _entry(row: Sequence[Any]) -> AuditEntry:
    return AuditEntry(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), row[6], row[7])


_COLUMNS = "SELECT id, ts, actor, action, object_ref, details, prev_hash, hash FROM audit_log"


def search(conn: Connection, query: AuditQuery, *, limit: int = 100, offset: int = 0) -> list[AuditEntry]:
    """One page of matching entries, newest first (LIMIT/OFFSET: the page count is small, the log is not)."""
    where, params = _where(query)
    sql = f"{_COLUMNS}{where} ORDER BY id DESC LIMIT ? OFFSET ?"
    return [_entry(r) for r in conn.execute(sql, [*params, max(0, limit), max(0, offset)])]


def count_matching(conn: Connection, query: AuditQuery) -> int:
    where, params = _where(query)
    return int(conn.execute(f"SELECT count(*) FROM audit_log{where}", params).fetchone()[0])


def iter_matching(conn: Connection, query: AuditQuery, *, batch: int = 1000) -> Iterator[AuditEntry]:
    """Every matching entry, newest first, read in batches by id (keyset), never all at once."""
    where, params = _where(query)
    before: int | None = None
    while True:
        keyset = "" if before is None else (" AND id < ?" if where else " WHERE id < ?")
        extra = [] if before is None else [before]
        rows = conn.execute(f"{_COLUMNS}{where}{keyset} ORDER BY id DESC LIMIT ?", [*params, *extra, batch]).fetchall()
        if not rows:
            return
        for row in rows:
            yield _entry(row)
        before = rows[-1][0]


def actors(conn: Connection) -> list[str]:
    """Everyone who appears in the log (usernames; also "system" and failed-login names)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT actor FROM audit_log ORDER BY actor")]


def logged_actions(conn: Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT action FROM audit_log ORDER BY action")]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: str) -> str:
    """A spreadsheet must not run a cell as a formula (CSV injection): such cells get a leading quote."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def write_csv(
    conn: Connection,
    query: AuditQuery,
    path: str | Path,
    header: Sequence[str],
    row: Callable[[AuditEntry], Sequence[str]],
) -> int:
    """Write the matching entries to `path` as UTF-8 CSV (with BOM, so spreadsheets read Persian).

    The file appears whole or not at all (written beside it, then renamed). `header` and `row` come
    from the caller, which names columns and values in the interface language. Returns the row count.
    Audit details hold record ids and codes, never personal data (see the module docstring), so the
    export carries none either. The caller checks the permission and audits the export.
    """
    return write_csv_rows(path, header, (row(entry) for entry in iter_matching(conn, query)))


def write_csv_rows(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    """`rows` (already in words) to `path` as UTF-8 CSV with BOM, whole or not at all; formula cells quoted."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp-{secrets.token_hex(6)}")
    count = 0
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([_csv_cell(h) for h in header])
            for values in rows:
                writer.writerow([_csv_cell(str(v)) for v in values])
                count += 1
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count
