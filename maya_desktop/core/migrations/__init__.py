"""Versioned schema migrations, applied in order on open (PRAGMA user_version holds the version).

Every shipped migration is frozen: its SQL is a file in this package (`NNNN_name.sql`, NNNN = the
user_version it brings the database to), or a Python step that only runs frozen SQL. Nothing here reads a
DDL constant from another module, so changing a module cannot change what an old data folder migrates to.
Append new migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from importlib import resources

import sqlcipher3

# Imported for their side effect: each package registers its client-erase hook (clients.ERASE_HOOKS), so the
# hooks are in place whenever a vault can be opened.
import maya_desktop.core.notices
import maya_desktop.core.orders  # noqa: F401
from maya_desktop.core.db import Connection, transaction
from maya_desktop.core.errors import VaultError

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


def frozen_sql(name: str) -> str:
    """The text of a frozen migration file of this package."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def run_sql(conn: Connection, sql: str) -> None:
    for statement in split_statements(sql):
        conn.execute(statement)


def _frozen(name: str) -> Migration:
    def run(conn: Connection) -> None:
        run_sql(conn, frozen_sql(name))

    run.__name__ = run.__qualname__ = f"migration_{name.removesuffix('.sql')}"
    return run


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
    run_sql(conn, frozen_sql("0003_client_search.sql"))
    for _name, sql in kept:
        conn.execute(sql)
    highest = int(conn.execute(HIGHEST_CLIENT_ID_SQL).fetchone()[0] or 0)
    conn.execute("DELETE FROM sqlite_sequence WHERE name IN ('clients', 'clients_v5')")
    conn.execute("INSERT INTO sqlite_sequence(name, seq) VALUES ('clients', ?)", (highest,))
    # Four eyes (core/legal/requests.py): how many managers were active when the request was recorded.
    # NULL for requests recorded before this migration (their approval falls back to the current count).
    conn.execute("ALTER TABLE legal_requests ADD COLUMN managers_at_record INTEGER")


def _insider_v8(conn: Connection) -> None:
    """See 0008_insider.sql; the anchor key is 32 bytes from the OS's random source, not SQLite's PRNG."""
    run_sql(conn, frozen_sql("0008_insider.sql"))
    conn.execute("INSERT OR IGNORE INTO audit_anchor_key(singleton, secret) VALUES (1, ?)", (secrets.token_bytes(32),))


# Migrations that rebuild a table other tables reference: run with foreign keys off (set outside the
# transaction, where SQLite honours it), checked with foreign_key_check before commit, then back on.
REBUILDS_TABLES: frozenset[Migration] = frozenset({_clients_autoincrement_v5})

MIGRATIONS: list[Migration] = [
    _frozen("0001_core.sql"),  # settings, audit log, clinic, staff, clients
    _frozen("0002_orders.sql"),  # orders, encrypted files, consent, payments, price rules, sync outbox
    _frozen("0003_client_search.sql"),  # trigram type-ahead index over clients.search_text
    _frozen("0004_legal.sql"),  # legal requests (P12, core/legal)
    _clients_autoincrement_v5,  # 5: client ids never reused; legal_requests.managers_at_record
    _frozen("0006_notices.sql"),  # client notices outbox, clients.preferred_language (core/notices)
    _frozen("0007_legal_hold.sql"),  # legal hold columns on legal_requests + legal_hold_deferrals
    _insider_v8,  # 8: staff.slot_public/totp_last_step, audit_anchor_key, pending_outputs, order_key_wraps
    _frozen("0009_short_search.sql"),  # 1-2 character type-ahead index (core.short_search, issue 17)
    _frozen("0010_outbox_order.sql"),  # the sync outbox's batch order served by an index (issue 17)
    _frozen("0011_key_offers.sql"),  # order_key_offers, order_keys.quote_basis (issue 12: sealed after analysis)
    _frozen("0012_drafts.sql"),  # unsaved work kept across a lock, sealed to its author (core/drafts, issue 13)
    _frozen("0013_order_version.sql"),  # orders.version, moved on by triggers: stale changes refused (issue 14)
    _frozen("0014_network.sql"),  # the vault host's done request ids (core/operations/remote, issue 14)
    _frozen("0015_photo_orientation.sql"),  # photos.orientation: stored as coded, turned when decoded (issue 17)
]


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def needs_migration(conn: Connection) -> bool:
    return current_version(conn) < len(MIGRATIONS)


def migrate(conn: Connection) -> int:
    """Bring the schema to the newest version. Each step is one transaction. Returns the version."""
    version = current_version(conn)
    if version > len(MIGRATIONS):
        raise VaultError.coded("migrations.newer_schema", version=version)
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
                    raise VaultError.coded("migrations.broken_references", number=number + 1)
                conn.execute(f"PRAGMA user_version = {number + 1}")
        finally:
            if rebuild:
                conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    return len(MIGRATIONS)
