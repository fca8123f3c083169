"""The backups page's operations on a real vault: overview, back up now, restore (code or password)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from maya_desktop.core import audit
from maya_desktop.core.audit import AuditQuery
from maya_desktop.core.backup import configure_scheduled_backup
from maya_desktop.core.errors import PermissionDenied, ValidationError
from maya_desktop.core.operations import OperationExecutor, get
from maya_desktop.core.operations.backups import CreateBackup, RestoreBackup
from maya_desktop.core.operations.catalogue import NoRequest
from tests.conftest import PASSWORD

CODE = re.compile(r"([A-Z2-7]{4}-){13}[A-Z2-7]{4}")


def test_what_the_backup_operations_change() -> None:
    assert get("backups.create").changes == frozenset({"backups", "audit"})
    assert get("backups.restore").changes == frozenset({"audit"})
    assert get("backups.overview").changes == frozenset()


def test_back_up_into_the_folder_list_it_and_restore_with_the_code(
    demo, ops: OperationExecutor, tmp_path: Path, caplog
) -> None:
    folder = tmp_path / "backups"
    empty = ops.call("backups.overview", NoRequest())
    assert empty.folder is None and empty.last_backup is None and empty.files == ()
    configure_scheduled_backup(demo, str(folder), 7)
    made = ops.call("backups.create", CreateBackup(str(folder), into_folder=True))
    assert Path(made.path).parent == folder and made.path.endswith(".mayabak") and made.files == 0
    assert made.recovery_code and CODE.fullmatch(made.recovery_code) and made.managers == ("admin",)
    seen = ops.call("backups.overview", NoRequest())
    assert seen.folder == str(folder) and seen.last_backup is not None
    assert [(f.path, f.readable) for f in seen.files] == [(made.path, True)] and seen.files[0].size == made.size
    assert made.recovery_code not in caplog.text
    assert not [e for e in audit.iter_matching(demo.conn, AuditQuery()) if made.recovery_code in str(e.details)]

    target = tmp_path / "restored"
    with pytest.raises(ValidationError):  # a mistyped code: nothing written
        ops.call("backups.restore", RestoreBackup(made.path, str(target), recovery_code="AAAA-" * 13 + "AAAA"))
    assert not target.exists()
    restored = ops.call("backups.restore", RestoreBackup(made.path, str(target), recovery_code=made.recovery_code))
    assert restored.data_dir == str(target.resolve()) and restored.clients == 20 and (target / "maya.db").exists()
    entry = audit.search(demo.conn, AuditQuery(actions=("backup.restored",)), limit=1)[0]
    assert entry.details == {"backup_id": made.backup_id, "files": 0}


def test_a_named_file_without_a_code_restores_with_a_managers_password(ops: OperationExecutor, tmp_path: Path) -> None:
    out = tmp_path / "one.mayabak"
    made = ops.call("backups.create", CreateBackup(str(out), recovery_code=False))
    assert made.path == str(out.resolve()) and made.recovery_code is None
    restored = ops.call(
        "backups.restore", RestoreBackup(made.path, str(tmp_path / "new"), username="admin", password=PASSWORD)
    )
    assert restored.backup_id == made.backup_id and restored.orders == 0


def test_an_unreadable_file_is_listed_as_such(demo, ops: OperationExecutor, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "broken.mayabak").write_bytes(b"not a backup")
    (folder / "notes.txt").write_text("not listed")
    configure_scheduled_backup(demo, str(folder), 7)
    files = ops.call("backups.overview", NoRequest()).files
    assert [(f.name, f.readable) for f in files] == [("broken.mayabak", False)]


def test_a_receptionist_can_neither_back_up_nor_restore(clinic, tmp_path: Path) -> None:
    executor = OperationExecutor(clinic.reception)
    try:
        for name, request in (
            ("backups.overview", NoRequest()),
            ("backups.create", CreateBackup(str(tmp_path), into_folder=True)),
            ("backups.restore", RestoreBackup(str(tmp_path / "x.mayabak"), str(tmp_path / "new"), "code")),
        ):
            with pytest.raises(PermissionDenied):
                executor.call(name, request)
    finally:
        executor.shutdown()
    assert [p.name for p in tmp_path.iterdir()] == ["clinic"]


def test_the_cli_backup_runs_the_operation(demo, data_dir: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    from maya_desktop.cli import main
    from maya_desktop.core.operations import backups as backup_ops

    ran: list[str] = []
    original = backup_ops.create_backup
    monkeypatch.setattr(backup_ops, "create_backup", lambda *a, **k: ran.append("create") or original(*a, **k))
    demo.vault.close()
    out = tmp_path / "cli.mayabak"
    assert main(["backup", "--data-dir", str(data_dir), "--password", PASSWORD, "--out", str(out)]) == 0
    assert ran == ["create"] and out.exists() and "Recovery code" in capsys.readouterr().out
