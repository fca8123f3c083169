"""Login with the whole-database check in the background (core.integrity_gate, issue 17): the window may
open at once, but nothing is written before the check passed, and a damaged file is still refused by name."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import sqlcipher3

from maya_desktop.core import audit, db
from maya_desktop.core.clients import create_client, search_clients
from maya_desktop.core.errors import VaultError
from maya_desktop.core.integrity_gate import FAILED, PASSED, IntegrityCheckPending
from maya_desktop.core.vault import Vault
from tests.conftest import PASSWORD


def login_actions(session) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.action for e in audit.entries(session.conn, limit=1000) if e.action == "login"]


@pytest.fixture
def held_check(monkeypatch):  # type: ignore[no-untyped-def]
    """Holds the background check until the test releases it."""
    release = threading.Event()
    real = db._verify_all_pages

    def slow(conn, path):  # type: ignore[no-untyped-def]
        assert release.wait(30)
        real(conn, path)

    monkeypatch.setattr(db, "_verify_all_pages", slow)
    return release


def test_writes_wait_for_the_check_and_the_login_is_audited_after_it(demo, data_dir: Path, held_check) -> None:
    demo.vault.close()
    ran_after_check = []
    session = Vault.open(data_dir, "admin", PASSWORD, verify="background", after_check=ran_after_check.append)
    gate = session.vault.integrity
    assert gate is not None and gate.state == "checking"
    assert len(search_clients(session, "")) == 20  # reading works at once
    before = len(login_actions(session))
    with pytest.raises(IntegrityCheckPending) as refused:
        create_client(session, "Sara", "Karimi", "09121112233")
    assert "بررسی" in refused.value.message_fa
    with pytest.raises(sqlcipher3.DatabaseError):  # the authorizer: even a raw statement outside transaction()
        session.conn.execute("DELETE FROM clients")
    worker = session.vault.worker_session(session.staff)
    with pytest.raises(IntegrityCheckPending):
        create_client(worker, "Sara", "Karimi", "09121112233")
    assert ran_after_check == []
    held_check.set()
    assert gate.wait(30) and gate.state == PASSED
    assert len(ran_after_check) == 1 and ran_after_check[0].conn is not session.conn
    assert len(login_actions(session)) == before + 1
    assert create_client(session, "Sara", "Karimi", "09121112233").id
    assert create_client(worker, "Nima", "Karimi", "09121112244").id
    assert session.conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 22
    worker.vault.close()
    assert audit.verify(session.conn).ok


def test_a_damaged_page_found_in_the_background_keeps_every_write_refused_by_name(demo, data_dir: Path) -> None:
    demo.vault.close()
    path = data_dir / "maya.db"
    raw = bytearray(path.read_bytes())
    page = 4096
    raw[len(raw) - page // 2] ^= 0x01  # the last page: not read at login
    path.write_bytes(bytes(raw))
    snapshot = path.read_bytes()
    session = Vault.open(data_dir, "admin", PASSWORD, verify="background")  # the login reads other pages
    gate = session.vault.integrity
    assert gate is not None and gate.wait(30) and gate.state == FAILED
    assert gate.error is not None and str(path) in gate.error.message_en and str(path) in gate.error.message_fa
    with pytest.raises(VaultError) as refused:
        create_client(session, "Sara", "Karimi", "09121112233")
    assert str(path) in refused.value.message_en
    session.vault.close()
    assert path.read_bytes() == snapshot  # nothing written, not even the login entry


def test_a_folder_that_needs_a_migration_is_checked_before_it_is_migrated(demo, data_dir: Path, monkeypatch) -> None:
    from maya_desktop.core import migrations

    demo.vault.close()
    checked: list[Path] = []
    real = db._verify_all_pages
    monkeypatch.setattr(db, "_verify_all_pages", lambda conn, path: (checked.append(path), real(conn, path)))
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, lambda conn: None])  # a new release
    session = Vault.open(data_dir, "admin", PASSWORD, verify="background")
    assert session.vault.integrity is None  # checked in full at login, then migrated
    assert checked == [data_dir / "maya.db"]
    assert migrations.current_version(session.conn) == len(migrations.MIGRATIONS)
    session.vault.close()
