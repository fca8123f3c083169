"""Locking closes the vault (KeePassXC's model): no open connection, no DB key or private key in any Python
object; unlocking re-derives both from the same person's key slot; a worker running across a lock is safe."""

from __future__ import annotations

import gc
import threading

import pytest

from maya_desktop.core import db
from maya_desktop.core.errors import AuthError, PermissionDenied, VaultError
from maya_desktop.core.paths import DataDir
from maya_desktop.core.signin import FolderThrottle, SignInRequest, lock, sign_in, unlock
from tests.conftest import PASSWORD


def _held_anywhere(secret: bytes) -> list[str]:
    """Every bytes/bytearray/str reachable from a GC-tracked object that equals the secret (or its hex)."""
    hexed = secret.hex()
    found: list[str] = []
    gc.collect()
    for obj in gc.get_objects():
        for value in [obj, *gc.get_referents(obj)]:
            if isinstance(value, (bytes, bytearray)) and len(value) == len(secret) and bytes(value) == secret:
                found.append(type(obj).__name__)
            elif isinstance(value, str) and hexed in value:
                found.append(type(obj).__name__ + " (hex)")
    return found


def _secrets_of(session) -> tuple[bytes, bytes]:  # type: ignore[no-untyped-def]
    assert session.vault.identity is not None
    return session.vault.key.get(), session.vault.identity[1].get()


def test_a_locked_app_holds_no_key_and_no_open_connection(demo, data_dir) -> None:
    demo.vault.close()
    session = sign_in(SignInRequest(data_dir, "doctor", PASSWORD))
    db_key, private_key = _secrets_of(session)
    assert _held_anywhere(db_key) and _held_anywhere(private_key)  # the scan does find them while unlocked
    assert db.open_connections(DataDir.at(data_dir).db)
    lock(session)
    assert db.open_connections(DataDir.at(data_dir).db) == []
    assert _held_anywhere(db_key) == [] and _held_anywhere(private_key) == []
    with pytest.raises(VaultError):
        session.conn.execute("SELECT 1")
    with pytest.raises(PermissionDenied):
        session.require("clients.read")
    del db_key, private_key

    with pytest.raises(AuthError, match="Wrong password"):
        unlock(session, "Not-The-Password-1")
    assert db.open_connections(DataDir.at(data_dir).db) == []
    # the next attempt waits out the growing delay (kept in the data folder), then the right password unlocks
    throttle = FolderThrottle(DataDir.at(data_dir))
    while throttle.delay_of("doctor") > 0:
        threading.Event().wait(0.05)
    unlock(session, PASSWORD)
    assert session.conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 20
    actions = [row[0] for row in session.conn.execute("SELECT action FROM audit_log ORDER BY id")]
    assert actions[-3:] == ["lock", "unlock.failed", "unlock"]
    session.vault.close()
    assert db.open_connections(DataDir.at(data_dir).db) == []


def test_only_the_person_who_signed_in_unlocks(demo, data_dir) -> None:
    demo.vault.close()
    session = sign_in(SignInRequest(data_dir, "doctor", PASSWORD))
    lock(session)
    with pytest.raises(AuthError):
        session.vault.unlock_vault("admin", PASSWORD)  # another person signs in afresh ("switch user")
    assert db.open_connections(DataDir.at(data_dir).db) == []


def test_lock_while_a_worker_runs_is_safe(demo, data_dir) -> None:
    demo.vault.close()
    session = sign_in(SignInRequest(data_dir, "admin", PASSWORD))
    worker = session.vault.worker_session(session.staff)
    started, go_on = threading.Event(), threading.Event()
    outcome: list[object] = []

    def work() -> None:
        try:
            started.set()
            go_on.wait(10)
            outcome.append(worker.conn.execute("SELECT count(*) FROM clients").fetchone()[0])  # its own connection
        except BaseException as exc:  # pragma: no cover - reported below
            outcome.append(exc)
        finally:
            worker.vault.close()

    thread = threading.Thread(target=work)
    thread.start()
    started.wait(10)
    lock(session)  # returns at once: the worker's connection is its own
    assert session.vault.key_provider() == b""  # workers see an empty key: they stop at their next turn
    with pytest.raises(VaultError):
        session.vault.worker_session(session.staff)
    go_on.set()
    thread.join(10)
    assert outcome == [20]
    assert db.open_connections(DataDir.at(data_dir).db) == []
    unlock(session, PASSWORD)
    assert session.conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 20
    session.vault.close()
