"""Opening the SQLCipher 4 database with a raw 256-bit key, and the pragmas every connection needs."""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3

from maya_desktop.core import short_search
from maya_desktop.core.errors import VaultError
from maya_desktop.core.portable import create_private_file


class Connection(sqlcipher3.Connection):  # type: ignore[misc]  # sqlcipher3 ships no types
    """A connection that may carry the vault's IntegrityGate (core.integrity_gate): writes wait for it."""

    integrity_gate: Any = None
    path: Path | None = None  # the database file (for open_connections)

    def close(self) -> None:
        _OPEN.discard(self)
        super().close()


# Every connection `connect` opened and nobody closed yet: locking the vault must leave none (tested).
_OPEN: weakref.WeakSet[Connection] = weakref.WeakSet()


def open_connections(path: Path | None = None) -> list[Connection]:
    """Connections `connect` opened and nobody closed yet (of the database file `path`, when given)."""
    return [conn for conn in list(_OPEN) if path is None or conn.path == path]


Key = bytes | bytearray


DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError


# Called after a top-level COMMIT made through `transaction` (keyed by id(connection): SQLCipher connections
# take no weak references). The vault registers the audit anchor here and unregisters it on close.
_AFTER_COMMIT: dict[int, Callable[[], None]] = {}


def on_commit(conn: Connection, callback: Callable[[], None] | None) -> None:
    """Register (or with None, remove) the one callback run after each top-level commit on `conn`."""
    if callback is None:
        _AFTER_COMMIT.pop(id(conn), None)
    else:
        _AFTER_COMMIT[id(conn)] = callback


def _key_pragma(key: Key) -> str:
    # Raw key syntax: SQLCipher uses the 32 bytes directly (no PBKDF2: the key is already random).
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _tampered(path: Path) -> VaultError:
    return VaultError(
        f"The database file cannot be read with this key, or it was altered or truncated: {path}",
        f"پایگاه دادهٔ {path} با این کلید باز نمی‌شود یا دستکاری یا ناقص شده است. برنامه روی آن اجرا نمی‌شود.",
    )


def connect(path: Path, key: Key, *, create: bool = False, verify: str = "quick", gate: Any = None) -> Connection:
    """Open (or with create=True, create) the encrypted database.

    verify: "quick" reads the schema page only; "full" also runs SQLCipher's HMAC check over every page
    and SQLite's quick_check (tampering or truncation anywhere is found before the app starts on it).
    Nothing is written to a database that fails verification.
    gate: an IntegrityGate whose check is still running: this connection refuses writes until it passed.
    """
    if not create and not path.exists():
        raise VaultError(f"Database file not found: {path}", f"فایل پایگاه داده پیدا نشد: {path}")
    if not create and path.stat().st_size == 0:
        raise empty_database(path)  # SQLite would happily treat it as a new database and write into it
    if create and path.exists():
        raise VaultError(f"A database already exists: {path}", f"پایگاه داده از قبل وجود دارد: {path}")
    if create:
        os.close(create_private_file(path))  # WAL/SHM inherit these bits
    conn: Connection = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False, factory=Connection)
    try:
        if gate is not None:
            conn.integrity_gate = gate
            conn.set_authorizer(gate.authorize)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_key_pragma(key))
        # cipher_memory_security (wipe every freed allocation) made FTS inserts 10x and searches 4x slower;
        # an unlocked app holds decrypted pages in its cache anyway, so it buys little. Off (the default).
        conn.execute("PRAGMA cipher_memory_security = OFF")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if verify == "full" and not create:
                _verify_all_pages(conn, path)
        except DatabaseError as exc:
            raise _tampered(path) from exc
        short_search.register(conn)  # the short-query index's triggers call it
        conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 5000")
    except BaseException:
        conn.close()
        raise
    conn.path = path
    _OPEN.add(conn)
    return conn


def empty_database(path: Path) -> VaultError:
    return VaultError(
        f"The database file is empty (it was replaced or truncated); nothing was written to it: {path}."
        " Restore it from a backup.",
        f"فایل پایگاه دادهٔ {path} خالی است (جایگزین یا بریده شده)؛ چیزی در آن نوشته نشد."
        " آن را از پشتیبان بازیابی کنید.",
    )


def verify_all_pages(conn: Connection, path: Path) -> None:
    """The "full" check of `connect` on an open connection; raises the VaultError of a tampered file."""
    try:
        _verify_all_pages(conn, path)
    except DatabaseError as exc:
        raise _tampered(path) from exc


def _verify_all_pages(conn: Connection, path: Path) -> None:
    # quick_check reads every b-tree page through SQLCipher, which checks each page's HMAC on read.
    result = conn.execute("PRAGMA quick_check").fetchone()
    if not result or result[0] != "ok":
        raise _tampered(path)
    # With an empty WAL the main file is the whole truth: also check free pages byte-for-byte.
    wal = path.with_name(path.name + "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        if conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise _tampered(path)


def try_key(path: Path, key: Key) -> bool:
    """True when `key` opens the database (used to finish an interrupted key rotation)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except DatabaseError:
        return False
    finally:
        conn.close()


def rekey(conn: Connection, new_key: bytes) -> None:
    conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # old-key pages must not linger in the main file


class transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception: nothing half-written.

    Nested use becomes a SAVEPOINT, so core functions can call each other freely.
    """

    _depth = 0

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.savepoint: str | None = None

    def __enter__(self) -> Connection:
        gate = self.conn.integrity_gate if isinstance(self.conn, Connection) else None
        if gate is not None:
            gate.check_writable()  # by name, before anything is written (core.integrity_gate)
        if self.conn.in_transaction:
            transaction._depth += 1
            self.savepoint = f"sp{transaction._depth}"
            self.conn.execute(f"SAVEPOINT {self.savepoint}")
        else:
            self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        if self.savepoint:
            if exc_type is not None:
                self.conn.execute(f"ROLLBACK TO {self.savepoint}")
            self.conn.execute(f"RELEASE {self.savepoint}")
        elif exc_type is None:
            self.conn.execute("COMMIT")
            callback = _AFTER_COMMIT.get(id(self.conn))
            if callback is not None:
                callback()
        else:
            self.conn.execute("ROLLBACK")
