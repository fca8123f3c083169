"""Versioned schema migrations, applied in order on open (PRAGMA user_version holds the version).

Append new migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlcipher3

from maya_desktop.core.audit import AUDIT_DDL
from maya_desktop.core.db import Connection, transaction
from maya_desktop.core.errors import VaultError
from maya_desktop.core.legal.schema import LEGAL_DDL
from maya_desktop.core.orders import schema as _orders_schema  # noqa: F401 - registers the client-erase hook
from maya_desktop.core.settings import SETTINGS_DDL

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

MIGRATIONS: list[Migration] = [
    _script(SETTINGS_DDL + AUDIT_DDL + CORE_DDL),
    _orders_v2,
    _script(CLIENT_SEARCH_DDL),
    _script(LEGAL_DDL),  # 4: legal requests (P12, core/legal)
]


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection) -> int:
    """Bring the schema to the newest version. Each step is one transaction. Returns the version."""
    version = current_version(conn)
    if version > len(MIGRATIONS):
        raise VaultError(
            f"This data folder was written by a newer Maya Desktop (schema {version}).",
            "این پوشهٔ داده با نسخهٔ جدیدتری از برنامه ساخته شده است؛ برنامه را به‌روز کنید.",
        )
    for number in range(version, len(MIGRATIONS)):
        with transaction(conn):
            MIGRATIONS[number](conn)
            conn.execute(f"PRAGMA user_version = {number + 1}")
    return len(MIGRATIONS)
