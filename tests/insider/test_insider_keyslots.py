"""Key slots against someone who can write the slot file: a planted slot, a swapped public key, bad KDF
settings, an emptied database (issue 12, items 1 and 7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from insider_helpers import PASSWORD, b64, raw_open, read_slots, unb64, write_slots

from maya_desktop.cli import main
from maya_desktop.core.crypto import DecryptionFailed, new_keypair, unwrap_with_private, wrap_to_public
from maya_desktop.core.errors import VaultError
from maya_desktop.core.keyslots import _db_key_context
from maya_desktop.core.staff import deactivate_staff
from maya_desktop.core.vault import Vault


def _keys_for(private: bytes, username: str, slots: dict) -> list[bytes]:
    """Every database key the attacker's private key unwraps from `username`'s slot."""
    slot = slots["slots"].get(username)
    found = []
    for field, generation in (("db_key", slots["generation"]), ("next_db_key", slots["generation"] + 1)):
        if slot is None or field not in slot:
            continue
        try:
            found.append(unwrap_with_private(private, unb64(slot[field]), _db_key_context(username, generation)))
        except DecryptionFailed:
            pass
    return found


def _edit_slot(demo, data_dir: Path, username: str, field: str, value: object) -> None:
    """The attacker edits one field of one slot in the file, while nobody is signed in."""
    demo.vault.close()
    slots_path = data_dir / "keyslots"
    data = read_slots(slots_path)
    data["slots"][username][field] = value
    write_slots(slots_path, data)


def _rotate(data_dir: Path) -> Vault:
    """A manager removes the doctor: the database key rotates. Returns the manager's session."""
    admin = Vault.open(data_dir, "admin", PASSWORD)
    deactivate_staff(admin, "doctor")
    return admin


def test_a_planted_ghost_slot_gets_nothing_when_the_key_rotates(demo, data_dir: Path) -> None:
    demo.vault.close()
    slots_path = data_dir / "keyslots"
    data = read_slots(slots_path)
    private, public = new_keypair()
    ghost = dict(data["slots"]["reception"])  # any password fields: the ghost never needs to log in
    ghost["public"] = b64(public)
    ghost["db_key"] = b64(wrap_to_public(public, b"\0" * 32, _db_key_context("ghost", data["generation"])))
    data["slots"]["ghost"] = ghost
    write_slots(slots_path, data)

    admin = _rotate(data_dir)
    try:
        after = read_slots(slots_path)
        stolen = _keys_for(private, "ghost", after)
        assert all(raw_open(data_dir / "maya.db", key) is None for key in stolen)
        assert admin.vault.db_key not in stolen and "ghost" not in after["slots"]
        refused = admin.conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'keyslots.refused' AND details LIKE '%ghost%'"
        ).fetchone()[0]
        assert refused >= 1  # refused by name, at login and at the rotation
    finally:
        admin.vault.close()


def test_a_swapped_public_key_does_not_receive_the_rotated_key(demo, data_dir: Path) -> None:
    attacker_private, attacker_public = new_keypair()
    _edit_slot(demo, data_dir, "reception", "public", b64(attacker_public))
    slots_path = data_dir / "keyslots"
    admin = _rotate(data_dir)
    try:
        new_key = admin.vault.db_key
        stolen = _keys_for(attacker_private, "reception", read_slots(slots_path))
        assert new_key not in stolen and all(raw_open(data_dir / "maya.db", key) is None for key in stolen)
    finally:
        admin.vault.close()
    reception = Vault.open(data_dir, "reception", PASSWORD)  # the real owner still gets in with the new key
    try:
        assert reception.vault.db_key == new_key
    finally:
        reception.vault.close()


def test_the_owner_of_a_swapped_slot_is_refused_by_name(demo, data_dir: Path) -> None:
    _edit_slot(demo, data_dir, "reception", "public", b64(new_keypair()[1]))
    with pytest.raises(VaultError) as refused:
        Vault.open(data_dir, "reception", PASSWORD)
    assert "reception" in refused.value.message_en and "failed authentication" in refused.value.message_en
    assert "reception" in refused.value.message_fa


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("salt", ""),
        ("salt", "not base64!"),
        ("kdf", {"name": "argon2id", "iterations": 3, "memory_kib": 1 << 40, "lanes": 4}),
        ("kdf", {"name": "argon2id", "iterations": "x", "memory_kib": 1024, "lanes": 1}),
        ("kdf", {"name": "scrypt", "iterations": 1, "memory_kib": 1024, "lanes": 1}),
        ("private_sealed", 42),
    ],
)
def test_bad_salt_or_kdf_is_a_clear_bilingual_error(demo, data_dir: Path, capsys, field: str, value: object) -> None:
    _edit_slot(demo, data_dir, "reception", field, value)
    with pytest.raises(VaultError) as damaged:
        Vault.open(data_dir, "reception", PASSWORD)
    assert "reception" in damaged.value.message_en and "damaged" in damaged.value.message_en
    assert damaged.value.message_fa != damaged.value.message_en
    code = main(["audit", "verify", "--data-dir", str(data_dir), "--username", "reception", "--password", PASSWORD])
    err = capsys.readouterr().err
    assert code == 2 and "damaged" in err and "Traceback" not in err


def test_an_empty_database_file_gets_no_schema_written(demo, data_dir: Path) -> None:
    demo.vault.close()
    db_path = data_dir / "maya.db"
    db_path.write_bytes(b"")
    for password in ("not-the-password", PASSWORD):
        with pytest.raises(VaultError) as empty:
            Vault.open(data_dir, "admin", password)
        assert "empty" in empty.value.message_en
        assert db_path.stat().st_size == 0
        assert not db_path.with_name("maya.db-wal").exists() or db_path.with_name("maya.db-wal").stat().st_size == 0


def _plant_ghost(data_dir: Path) -> None:
    slots_path = data_dir / "keyslots"
    data = read_slots(slots_path)
    ghost = dict(data["slots"]["reception"])
    ghost["public"] = b64(new_keypair()[1])
    data["slots"]["ghost"] = ghost
    write_slots(slots_path, data)


def _audited(session, action: str, name: str) -> int:  # type: ignore[no-untyped-def]
    return session.conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = ? AND details LIKE ?", (action, f"%{name}%")
    ).fetchone()[0]


def test_a_ghost_slot_is_removed_at_the_next_manager_sign_in(demo, data_dir: Path) -> None:
    """Refused at every login, and gone (audited) once a manager signs in, with no rotation needed."""
    demo.vault.close()
    _plant_ghost(data_dir)
    reception = Vault.open(data_dir, "reception", PASSWORD)
    try:
        assert "ghost" in read_slots(data_dir / "keyslots")["slots"]  # reception cannot vouch for the file
        assert any("ghost" in en for en, _ in reception.extra["open_findings"])
    finally:
        reception.vault.close()
    admin = Vault.open(data_dir, "admin", PASSWORD)
    try:
        assert "ghost" not in read_slots(data_dir / "keyslots")["slots"]
        assert _audited(admin, "keyslots.removed", "ghost") == 1
    finally:
        admin.vault.close()
    again = Vault.open(data_dir, "admin", PASSWORD)  # nothing left to refuse
    try:
        assert not again.extra["open_findings"]
        assert set(read_slots(data_dir / "keyslots")["slots"]) == {"admin", "reception", "doctor"}
    finally:
        again.vault.close()


def test_a_swapped_slot_is_given_its_recorded_key_back_at_a_manager_sign_in(demo, data_dir: Path) -> None:
    attacker_private, attacker_public = new_keypair()
    _edit_slot(demo, data_dir, "reception", "public", b64(attacker_public))
    admin = Vault.open(data_dir, "admin", PASSWORD)
    try:
        assert _audited(admin, "keyslots.repaired", "reception") == 1
        assert not _keys_for(attacker_private, "reception", read_slots(data_dir / "keyslots"))
    finally:
        admin.vault.close()
    reception = Vault.open(data_dir, "reception", PASSWORD)  # the owner signs in again
    reception.vault.close()
