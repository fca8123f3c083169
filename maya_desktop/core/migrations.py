"""Versioned schema migrations, applied in order on open (PRAGMA user_version holds the version).

Append new migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlcipher3

from maya_desktop.core.audit import ANCHOR_DDL, AUDIT_DDL, create_anchor_key
from maya_desktop.core.db import Connection, transaction
from maya_desktop.core.errors import VaultError
from maya_desktop.core.legal.schema import HOLD_DDL, LEGAL_DDL
from maya_desktop.core.notices import schema as _notices_schema  # also registers the client-erase hook
from maya_desktop.core.orders import schema as _orders_schema  # noqa: F401 - registers the client-erase hook
from maya_desktop.core.settings import SETTINGS_DDL
from maya_desktop.core.short_search import SHORT_SEARCH_DDL
from maya_desktop.core.sync.outbox import OUTBOX_ORDER_DDL

CORE_DDL = """
CREATE TABLE IF NOT EXISTS clinic (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    name        TEXT NOT NULL,
    clinic_id   TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS staff (
    id                    INTEGER PRIMARY KEY,
    username              TEXT NOT NULL UNIQUE,
    display_name          TEXT NOT NULL,
    role                  TEXT NOT NULL CHECK (role IN ('manager', 'receptionist', 'doctor')),
    active                INTEGER NOT NULL DEFAULT 1,
    totp_secret           TEXT,
    medical_council_no    TEXT,
    agreement_version     INTEGER,
    agreement_accepted_at TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS clients (
    id                   INTEGER PRIMARY KEY,
    first_name           TEXT NOT NULL,
    last_name            TEXT NOT NULL,
    mobile               TEXT NOT NULL UNIQUE,
    email                TEXT UNIQUE,
    marketing_consent    INTEGER NOT NULL DEFAULT 0,
    marketing_consent_at TEXT,
    search_text          TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);
"""

Migration = Callable[[Connection], None]


def split_statements(sql: str) -> list[str]:
    """Split a script into complete statements (triggers keep their inner `;`), without executescript,
    which would commit the surrounding migration transaction."""
    statements, current = [], ""
    for piece in sql.split(";"):
        current += piece + ";"
        if sqlcipher3.complete_statement(current):
            if current.strip(" \n\t;"):
                statements.append(current.strip())
            current = ""
    return statements


def _script(sql: str) -> Migration:
    def run(conn: Connection) -> None:
        for statement in split_statements(sql):
            conn.execute(statement)

    return run


def _orders_v2(conn: Connection) -> None:
    """Orders, encrypted files, consent, payments, price rules (core/orders/schema.py) + sync outbox."""
    from maya_desktop.core.orders.schema import ORDERS_DDL, seed_statements
    from maya_desktop.core.sync.outbox import OUTBOX_DDL  # IF NOT EXISTS: orders enqueue events in their tx

    _script(ORDERS_DDL + OUTBOX_DDL)(conn)
    for sql, params in seed_statements():
        conn.execute(sql, params)


# Type-ahead client search: a trigram full-text index over clients.search_text (inside the encrypted DB),
# so `LIKE '%part%'` of 3+ characters is an index lookup instead of a scan of every client.
# 'secure-delete' makes FTS5 remove an erased client's trigrams at once instead of at the next merge.
CLIENT_SEARCH_DDL = """
CREATE VIRTUAL TABLE IF NOT EXISTS clients_fts USING fts5(
    search_text, content='clients', content_rowid='id', tokenize='trigram'
);
INSERT INTO clients_fts(clients_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO clients_fts(clients_fts) VALUES ('rebuild');
CREATE TRIGGER IF NOT EXISTS clients_fts_insert AFTER INSERT ON clients BEGIN
    INSERT INTO clients_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER IF NOT EXISTS clients_fts_delete AFTER DELETE ON clients BEGIN
    INSERT INTO clients_fts(clients_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER IF NOT EXISTS clients_fts_update AFTER UPDATE OF search_text ON clients BEGIN
    INSERT INTO clients_fts(clients_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO clients_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
"""

# Migration 5: client ids are never reused. `clients.id` was `INTEGER PRIMARY KEY`, so after erasing the
# client with the highest id the next new client got the same id, and every `client:<id>` audit entry and
# `order.created` record of the erased person became the new client's (access report, court export).
# SQLite cannot add AUTOINCREMENT to a table: it is rebuilt with the documented 12-step procedure
# (https://sqlite.org/lang_altertable.html#otheralter): foreign keys off outside the transaction (see
# REBUILDS_TABLES / migrate), new table, copy, drop, rename, recreate the FTS index and its triggers exactly
# as migration 3 made them (and any other index or trigger on clients), foreign_key_check, commit.
# sqlite_sequence is seeded with the highest client id ever used: live rows, and every id the audit log
# remembers (`client:<id>` targets, `"client": <id>` details), so not even an id erased before this
# migration comes back.
CLIENTS_V5_DDL = """
CREATE TABLE clients_v5 (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    first_name           TEXT NOT NULL,
    last_name            TEXT NOT NULL,
    mobile               TEXT NOT NULL UNIQUE,
    email                TEXT UNIQUE,
    marketing_consent    INTEGER NOT NULL DEFAULT 0,
    marketing_consent_at TEXT,
    search_text          TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
)
"""
CLIENT_COLUMNS = (
    "id, first_name, last_name, mobile, email, marketing_consent, marketing_consent_at, search_text,"
    " created_at, updated_at"
)
HIGHEST_CLIENT_ID_SQL = """
SELECT max(v) FROM (
    SELECT max(id) AS v FROM clients
    UNION ALL
    SELECT max(CAST(substr(object_ref, 8) AS INTEGER)) FROM audit_log WHERE object_ref LIKE 'client:%'
    UNION ALL
    SELECT max(CAST(json_extract(details, '$.client') AS INTEGER)) FROM audit_log
        WHERE json_valid(details) AND json_type(details, '$.client') = 'integer'
)
"""


def _clients_autoincrement_v5(conn: Connection) -> None:
    """Rebuild `clients` with AUTOINCREMENT (see above) and add the four-eyes facts to legal requests."""
    kept = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'clients' AND type IN ('index', 'trigger')"
        " AND sql IS NOT NULL AND name NOT LIKE 'clients_fts_%'"
    ).fetchall()
    conn.execute("DROP TABLE IF EXISTS clients_fts")  # recreated below exactly as migration 3 made it
    conn.execute(CLIENTS_V5_DDL)
    conn.execute(f"INSERT INTO clients_v5({CLIENT_COLUMNS}) SELECT {CLIENT_COLUMNS} FROM clients")  # nosec B608
    conn.execute("DROP TABLE clients")  # its FTS triggers and indexes go with it
    conn.execute("ALTER TABLE clients_v5 RENAME TO clients")
    _script(CLIENT_SEARCH_DDL)(conn)
    for _name, sql in kept:
        conn.execute(sql)
    highest = int(conn.execute(HIGHEST_CLIENT_ID_SQL).fetchone()[0] or 0)
    conn.execute("DELETE FROM sqlite_sequence WHERE name IN ('clients', 'clients_v5')")
    conn.execute("INSERT INTO sqlite_sequence(name, seq) VALUES ('clients', ?)", (highest,))
    # Four eyes (core/legal/requests.py): how many managers were active when the request was recorded.
    # NULL for requests recorded before this migration (their approval falls back to the current count).
    conn.execute("ALTER TABLE legal_requests ADD COLUMN managers_at_record INTEGER")


# Against an insider with a password (issue 12): each staff member's key-slot public key as the database
# recorded it (rotation wraps only to these), the last accepted TOTP time step (a code works once), the
# audit anchor's key, outputs in progress (backup / export temporaries) that a crash could leave, and
# consent by cryptography (core/orders/keys.py: sealed order keys, their wraps, the record key).
INSIDER_DDL = (
    """
ALTER TABLE staff ADD COLUMN slot_public BLOB;
ALTER TABLE staff ADD COLUMN totp_last_step INTEGER;
CREATE TABLE IF NOT EXISTS pending_outputs (
    path        TEXT PRIMARY KEY,
    started_at  TEXT NOT NULL
);
ALTER TABLE order_keys ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE order_keys ADD COLUMN record_key BLOB CHECK (record_key IS NULL OR length(record_key) = 32);
CREATE TABLE IF NOT EXISTS order_key_wraps (
    order_id    INTEGER NOT NULL REFERENCES order_keys(order_id) ON DELETE CASCADE,
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    wrapped     BLOB NOT NULL,
    PRIMARY KEY (order_id, staff_id)
);
"""
    + ANCHOR_DDL
)


def _insider_v6(conn: Connection) -> None:
    _script(INSIDER_DDL)(conn)
    create_anchor_key(conn)


# Consent without reception holding the key (issue 12, core/orders/keys.py): the doctor's wrap of a sealed
# order's mask, itself wrapped to each receptionist, released at consent; and the quote's basis (which
# measurements are out of range) kept under the record key once the data key is sealed after analysis.
OFFERS_DDL = """
CREATE TABLE IF NOT EXISTS order_key_offers (
    order_id    INTEGER NOT NULL REFERENCES order_keys(order_id) ON DELETE CASCADE,
    doctor_id   INTEGER NOT NULL REFERENCES staff(id),
    holder_id   INTEGER NOT NULL REFERENCES staff(id),
    wrapped     BLOB NOT NULL,
    PRIMARY KEY (order_id, doctor_id, holder_id)
);
ALTER TABLE order_keys ADD COLUMN quote_basis BLOB;
"""

# Unsaved work kept across a lock, sealed to its author (core/drafts, issue 13); frozen here as written.
DRAFTS_DDL = """
CREATE TABLE IF NOT EXISTS drafts (
    id INTEGER PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    sealed BLOB NOT NULL,
    saved_at TEXT NOT NULL,
    UNIQUE (staff_id, kind, ref)
)
"""

# Migrations that rebuild a table other tables reference: run with foreign keys off (set outside the
# transaction, where SQLite honours it), checked with foreign_key_check before commit, then back on.
REBUILDS_TABLES: frozenset[Migration] = frozenset({_clients_autoincrement_v5})

MIGRATIONS: list[Migration] = [
    _script(SETTINGS_DDL + AUDIT_DDL + CORE_DDL),
    _orders_v2,
    _script(CLIENT_SEARCH_DDL),
    _script(LEGAL_DDL),  # 4: legal requests (P12, core/legal)
    _clients_autoincrement_v5,  # 5: client ids never reused; legal_requests.managers_at_record
    _script(_notices_schema.NOTICES_DDL),  # 6: client notices outbox, clients.preferred_language (core/notices)
    _script(HOLD_DDL),  # 7: legal hold columns on legal_requests + legal_hold_deferrals (core/legal/holds.py)
    _insider_v6,  # 8: staff.slot_public/totp_last_step, audit_anchor_key, pending_outputs, order_key_wraps
    _script(SHORT_SEARCH_DDL),  # 1-2 character type-ahead index (core.short_search, issue 17)
    _script(OUTBOX_ORDER_DDL),  # the sync outbox's batch order served by an index (issue 17)
    _script(OFFERS_DDL),  # order_key_offers, order_keys.quote_basis (issue 12: sealed after analysis)
    _script(DRAFTS_DDL),  # unsaved work kept across a lock, sealed to its author (core/drafts, issue 13)
]


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def needs_migration(conn: Connection) -> bool:
    return current_version(conn) < len(MIGRATIONS)


def migrate(conn: Connection) -> int:
    """Bring the schema to the newest version. Each step is one transaction. Returns the version."""
    version = current_version(conn)
    if version > len(MIGRATIONS):
        raise VaultError(
            f"This data folder was written by a newer Maya Desktop (schema {version}).",
            "این پوشهٔ داده با نسخهٔ جدیدتری از برنامه ساخته شده است؛ برنامه را به‌روز کنید.",
        )
    for number in range(version, len(MIGRATIONS)):
        step = MIGRATIONS[number]
        rebuild = step in REBUILDS_TABLES
        foreign_keys = int(conn.execute("PRAGMA foreign_keys").fetchone()[0])
        if rebuild:
            conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: set it before BEGIN
        try:
            with transaction(conn):
                step(conn)
                if rebuild and conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise VaultError(
                        f"Schema migration {number + 1} would break references between tables; nothing was changed.",
                        "به‌روزرسانی ساختار پایگاه داده ارتباط میان جدول‌ها را به هم می‌زد و انجام نشد؛ چیزی تغییر نکرد.",
                    )
                conn.execute(f"PRAGMA user_version = {number + 1}")
        finally:
            if rebuild:
                conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    return len(MIGRATIONS)
