"""Vault: real SQLCipher files, key slots, wrong passwords, tampering, staff removal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlcipher3

from maya_desktop.core import audit
from maya_desktop.core.errors import AuthError, PermissionDenied, VaultError
from maya_desktop.core.keyslots import KeySlots
from maya_desktop.core.roles import Role
from maya_desktop.core.staff import create_staff, deactivate_staff, list_staff, reset_password
from maya_desktop.core.vault import Vault
from tests.conftest import PASSWORD


def test_database_is_sqlcipher_and_unreadable_without_key(demo, data_dir: Path) -> None:
    demo.vault.close()
    raw = data_dir.joinpath("maya.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    plain = sqlcipher3.connect(str(data_dir / "maya.db"))
    with pytest.raises(sqlcipher3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    wrong = sqlcipher3.connect(str(data_dir / "maya.db"))
    wrong.execute("PRAGMA key = 'Correct-Horse-42!'")  # the password is not the key
    with pytest.raises(sqlcipher3.DatabaseError):
        wrong.execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_each_account_opens_with_its_own_password(demo, login) -> None:
    for name, role in (("admin", Role.MANAGER), ("reception", Role.RECEPTIONIST), ("doctor", Role.DOCTOR)):
        session = login(name)
        assert session.role == role


def test_wrong_password_is_refused_and_nothing_is_written(demo, data_dir: Path) -> None:
    demo.vault.close()
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    for username in ("admin", "nobody"):
        with pytest.raises(AuthError) as info:
            Vault.open(data_dir, username, "wrong-password-123")
        assert info.value.message_en == "Wrong username or password."  # same answer: usernames stay secret
    after = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    assert before == after


def test_removed_staff_password_opens_nothing_even_with_an_old_slot_copy(demo, data_dir: Path, login) -> None:
    old_slots = data_dir.joinpath("keyslots").read_bytes()
    deactivate_staff(demo, "reception")
    with pytest.raises(AuthError):
        Vault.open(data_dir, "reception", PASSWORD)
    # An attacker who kept the old keyslots file unwraps the *old* DB key, which no longer opens the DB.
    stale = KeySlots(data_dir / "keyslots", __import__("json").loads(old_slots))
    old_key = stale.unlock("reception", PASSWORD).db_key
    conn = sqlcipher3.connect(str(data_dir / "maya.db"))
    conn.execute(f"PRAGMA key = \"x'{old_key.hex()}'\"")
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    # Everyone else still gets in, and the removal is in the audit log.
    assert login("doctor").role == Role.DOCTOR
    assert any(e.action == "staff.deactivated" for e in audit.entries(login("admin").conn))


def test_interrupted_key_rotation_is_finished_on_next_login(demo, data_dir: Path, login, monkeypatch) -> None:
    from maya_desktop.core import keyslots

    def crash(self) -> None:
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(keyslots.KeySlots, "finish_rotation", crash)
    with pytest.raises(KeyboardInterrupt):
        deactivate_staff(demo, "reception")
    monkeypatch.undo()
    demo.vault.conn.close()
    assert login("doctor").role == Role.DOCTOR
    assert not KeySlots.load(data_dir / "keyslots").rotation_pending()


def test_manager_resets_a_forgotten_password(demo, data_dir: Path, login) -> None:
    reset_password(demo, "doctor", "Brand-New-Secret-77")
    with pytest.raises(AuthError):
        Vault.open(data_dir, "doctor", PASSWORD)
    assert login("doctor", "Brand-New-Secret-77").actor == "doctor"


@pytest.mark.parametrize("damage", ["flip_byte", "truncate", "zero_header"])
def test_tampered_or_truncated_database_is_refused_by_name(demo, data_dir: Path, damage: str) -> None:
    demo.vault.close()
    db = data_dir / "maya.db"
    raw = bytearray(db.read_bytes())
    if damage == "flip_byte":
        raw[len(raw) // 2] ^= 0x01
    elif damage == "truncate":
        raw = raw[: len(raw) // 2 + 100]
    else:
        raw[:16] = bytes(16)
    db.write_bytes(bytes(raw))
    snapshot = db.read_bytes()
    with pytest.raises(VaultError) as info:
        Vault.open(data_dir, "admin", PASSWORD)
    assert str(db) in info.value.message_en and str(db) in info.value.message_fa
    assert db.read_bytes() == snapshot  # nothing overwritten


def test_missing_or_damaged_keyslots_is_a_clear_error(demo, data_dir: Path) -> None:
    demo.vault.close()
    slots = data_dir / "keyslots"
    slots.write_text("{not json")
    with pytest.raises(VaultError, match="damaged"):
        Vault.open(data_dir, "admin", PASSWORD)
    slots.unlink()
    with pytest.raises(VaultError, match="missing"):
        Vault.open(data_dir, "admin", PASSWORD)


def test_db_copied_without_keyslots_cannot_be_opened(demo, data_dir: Path, tmp_path: Path) -> None:
    demo.vault.close()
    elsewhere = tmp_path / "stolen"
    elsewhere.mkdir()
    shutil.copy(data_dir / "maya.db", elsewhere / "maya.db")
    with pytest.raises(VaultError):
        Vault.open(elsewhere, "admin", PASSWORD)


def test_roles_are_enforced_in_core_and_denials_audited(demo, login) -> None:
    reception = login("reception")
    with pytest.raises(PermissionDenied):
        create_staff(reception, "eve", "Eve Intruder", Role.MANAGER, "Some-Strong-Pass-1")
    with pytest.raises(PermissionDenied):
        list_staff(reception)
    with pytest.raises(PermissionDenied):
        reception.require("audit.read")
    doctor = login("doctor")
    with pytest.raises(PermissionDenied):
        deactivate_staff(doctor, "reception")
    denials = [e for e in audit.entries(demo.conn) if e.action == "permission.denied"]
    assert {e.actor for e in denials} == {"reception", "doctor"}


def test_schema_is_migrated_and_pragmas_set(demo) -> None:
    conn = demo.conn
    from maya_desktop.core.migrations import MIGRATIONS

    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")


def test_second_setup_in_the_same_folder_is_refused(demo, data_dir: Path) -> None:
    with pytest.raises(VaultError):
        Vault.create(data_dir, clinic_name="x", username="boss", display_name="Boss", password="Another-Pass-123")


def test_worker_session_has_its_own_connection_and_transactions(demo) -> None:
    """A worker's open transaction never swallows the GUI thread's statements (and vice versa)."""
    from maya_desktop.core.clients import count_clients, create_client

    worker = demo.vault.worker_session(demo.staff)
    try:
        assert worker.conn is not demo.conn and worker.actor == demo.actor
        worker.conn.execute("BEGIN")
        worker.conn.execute("DELETE FROM clients")  # uncommitted, and rolled back below
        assert not demo.conn.in_transaction
        assert count_clients(demo) == 20  # WAL: the GUI still reads the committed state
        worker.conn.execute("ROLLBACK")
        create_client(demo, "Nahid", "Sadr", "09127770001")
        assert count_clients(worker) == 21
    finally:
        worker.vault.close()
    assert count_clients(demo) == 21  # closing the worker leaves the main connection working
