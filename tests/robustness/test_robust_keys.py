"""Key handling: wrong passwords are slowed down, a copied DB opens nowhere, removed staff open no new backup."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlcipher3
from robust_helpers import PASSWORD

from maya_desktop.core import backup
from maya_desktop.core.demo import create_demo_clinic
from maya_desktop.core.errors import AuthError, VaultError
from maya_desktop.core.paths import DataDir
from maya_desktop.core.roles import Role
from maya_desktop.core.signin import FolderThrottle
from maya_desktop.core.staff import create_staff, deactivate_staff
from maya_desktop.core.vault import Vault


def _attempt(throttle: FolderThrottle, root: Path, username: str, password: str, now: float):
    """What core.signin.sign_in does (with a given clock): check the delay, try, record the outcome."""
    throttle.check(username, now)
    try:
        session = Vault.open(root, username, password)
    except AuthError:
        throttle.failed(username, now)
        raise
    throttle.succeeded(username, ["reception"])
    return session


def test_wrong_passwords_are_rate_limited(demo, data_dir: Path) -> None:
    demo.vault.close()
    throttle = FolderThrottle(DataDir.at(data_dir))
    delays = []
    now = 1000.0
    for _ in range(4):
        with pytest.raises(AuthError, match="Wrong username or password"):
            _attempt(throttle, data_dir, "reception", "Not-The-Password-1", now)
        delays.append(throttle.delay_of("reception", now))
        with pytest.raises(AuthError, match="Too many wrong attempts") as info:  # even the right password waits
            _attempt(throttle, data_dir, "reception", PASSWORD, now + delays[-1] - 0.01)
        assert info.value.message_fa != info.value.message_en
        now += delays[-1]
    assert delays == [1.0, 2.0, 4.0, 8.0]
    for _ in range(10):
        throttle.failed("reception", now)
    assert throttle.delay_of("reception", now) == 60.0  # capped
    assert throttle.delay_of("admin", now) == 0  # per username
    session = _attempt(throttle, data_dir, "reception", PASSWORD, now + 60.0)
    session.vault.close()
    assert throttle.delay_of("reception", now) == 0


def test_a_copied_database_without_its_keyslots_opens_nowhere(demo, data_dir: Path, tmp_path: Path) -> None:
    demo.vault.close()
    stolen = tmp_path / "stolen"
    stolen.mkdir()
    shutil.copy2(data_dir / "maya.db", stolen / "maya.db")
    with pytest.raises(VaultError, match="Key slot file is missing"):
        Vault.open(stolen, "admin", PASSWORD)
    # another clinic's key slots, with the very same usernames and passwords, do not help
    other = create_demo_clinic(tmp_path / "other", PASSWORD, clients=1)
    other.vault.close()
    shutil.copy2(tmp_path / "other" / "keyslots", stolen / "keyslots")
    with pytest.raises(VaultError, match="cannot be read"):
        Vault.open(stolen, "admin", PASSWORD)
    raw = sqlcipher3.connect(str(stolen / "maya.db"))  # no key at all
    with pytest.raises(sqlcipher3.DatabaseError):
        raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
    raw.close()


def test_removed_staff_cannot_open_a_backup_made_after_their_removal(demo, data_dir: Path, tmp_path: Path) -> None:
    create_staff(demo, "manager2", "مدیر دوم", Role.MANAGER, PASSWORD)
    old_slots = (data_dir / "keyslots").read_bytes()  # what manager2 could have copied while employed
    before = backup.create_backup(demo, tmp_path / "before.mayabak")
    assert set(before.managers) == {"admin", "manager2"}

    deactivate_staff(demo, "manager2")  # removes the slot and rotates the DB key
    after = backup.create_backup(demo, tmp_path / "after.mayabak")
    assert after.managers == ("admin",)

    # 1. Their password is not a recipient of the new backup.
    with pytest.raises(AuthError):
        backup.restore_backup(after.path, tmp_path / "r1", username="manager2", password=PASSWORD)
    assert not (tmp_path / "r1").exists()
    # 2. Even with the backup restored by a manager and their old key slot put back, the (rotated)
    #    DB key they knew opens nothing in it.
    backup.restore_backup(after.path, tmp_path / "r2", recovery_code=after.recovery_code)
    with pytest.raises(AuthError):
        Vault.open(tmp_path / "r2", "manager2", PASSWORD)
    (tmp_path / "r2" / "keyslots").write_bytes(old_slots)
    with pytest.raises(VaultError):
        Vault.open(tmp_path / "r2", "manager2", PASSWORD)
    # The remaining manager is fine.
    (tmp_path / "r3").mkdir()
    backup.restore_backup(after.path, tmp_path / "r3", username="admin", password=PASSWORD)
    Vault.open(tmp_path / "r3", "admin", PASSWORD).vault.close()
    # What the README says: a backup made *before* the removal still opens for them until it expires.
    backup.restore_backup(before.path, tmp_path / "r4", username="manager2", password=PASSWORD)
