"""Destruction everywhere (issue 12, item 6): a backup never copies an order past retention, and every
command that opens the vault destroys what is due before doing anything else."""

from __future__ import annotations

from pathlib import Path

import pytest
from insider_helpers import PASSWORD, raw_open

from maya_desktop.cli import main
from maya_desktop.core import backup
from maya_desktop.core.db import transaction
from maya_desktop.core.orders.states import Status
from maya_desktop.core.settings import set_setting
from tests.robustness.robust_helpers import walk


def _overdue_order(clinic, small_faces: list[bytes]) -> tuple[int, set[str]]:
    """A delivered order whose retention has passed (retention 0 days). Returns (id, its file ids)."""
    order_id = walk(clinic.reception, clinic.doctor, 1, Status.DELIVERED, small_faces)
    with transaction(clinic.admin.conn):
        set_setting(clinic.admin.conn, "retention_days_after_delivery", 0)
    files = {r[0] for r in clinic.admin.conn.execute("SELECT file_id FROM order_files WHERE order_id = ?", (order_id,))}
    assert files
    return order_id, files


def test_a_backup_never_copies_an_order_past_retention(clinic, small_faces, tmp_path: Path) -> None:
    order_id, files = _overdue_order(clinic, small_faces)
    made = backup.create_backup(clinic.admin, tmp_path / "b.mayabak")
    target = tmp_path / "restored"
    backup.restore_backup(made.path, target, recovery_code=made.recovery_code)
    assert not files & {p.name for p in (target / "photos").iterdir()}
    conn = raw_open(target / "maya.db", clinic.admin.vault.db_key)
    assert conn is not None
    try:
        assert conn.execute("SELECT count(*) FROM order_keys WHERE order_id = ?", (order_id,)).fetchone()[0] == 0
        assert conn.execute("SELECT status FROM orders WHERE id = ?", (order_id,)).fetchone()[0] == "destroyed"
    finally:
        conn.close()


@pytest.mark.parametrize("command", [["audit", "verify"], ["self-check"], ["sync", "--once"], ["backup"]])
def test_every_command_destroys_what_is_due_first(clinic, small_faces, tmp_path: Path, command: list[str]) -> None:
    order_id, files = _overdue_order(clinic, small_faces)
    db_key = clinic.admin.vault.db_key
    for session in (clinic.admin, clinic.reception, clinic.doctor):
        session.vault.close()
    if command == ["backup"]:
        command = ["backup", "--out", str(tmp_path / "b.mayabak")]
    main([*command, "--data-dir", str(clinic.root), "--username", "admin", "--password", PASSWORD])
    conn = raw_open(clinic.root / "maya.db", db_key)
    assert conn is not None
    try:
        assert conn.execute("SELECT status FROM orders WHERE id = ?", (order_id,)).fetchone()[0] == "destroyed"
        assert conn.execute("SELECT count(*) FROM order_keys WHERE order_id = ?", (order_id,)).fetchone()[0] == 0
    finally:
        conn.close()
    assert not files & {p.name for p in (clinic.root / "photos").iterdir()}
