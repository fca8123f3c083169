"""A rollback that the slot file cannot show: the database and the key slot file put back together to an
older copy. Only HQ's copy of the anchor still knows how far the log went; the next sync compares it
(real ``maya-hq serve`` process over TLS, real desktop data folder, the ``maya-desktop`` CLI)."""

from __future__ import annotations

import shutil
from pathlib import Path

from hq_helpers import point_desktop_at, start_hq

from maya_desktop.cli import main as desktop_main
from maya_desktop.core import audit
from maya_desktop.core.orders import records
from maya_desktop.core.vault import Vault
from maya_hq import admin
from tests.conftest import PASSWORD

FILES = ("maya.db", "keyslots")


def _sync(data_dir: Path) -> int:
    return desktop_main(["sync", "--data-dir", str(data_dir), "--password", PASSWORD, "--username", "admin", "--once"])


def _hq_rollbacks(data_dir: Path) -> list[dict]:
    session = Vault.open(data_dir, "reception", PASSWORD)
    try:
        found = [
            entry.details
            for entry in audit.entries(session.conn, limit=100_000)
            if entry.action == audit.ROLLBACK_ACTION and entry.details.get("source") == "hq"
        ]
        return found
    finally:
        session.vault.close()


def test_a_database_and_slot_file_put_back_together_are_caught_at_the_next_sync(
    demo, data_dir: Path, engine, database_url, pki, capsys
) -> None:
    _clinic, token = admin.add_clinic(engine, "Maya", clinic_id="cl_maya")
    hq = start_hq(database_url, pki)
    try:
        point_desktop_at(demo, hq, token, "cl_maya")
        demo.vault.close()
        assert _sync(data_dir) == 0
        aside = data_dir.parent / "aside"
        aside.mkdir()
        for name in FILES:  # the insider keeps a copy of both files (nobody signed in: WAL checkpointed)
            shutil.copy2(data_dir / name, aside / name)

        work = Vault.open(data_dir, "admin", PASSWORD)  # the clinic works on; the work is anchored at HQ
        for client_id in (1, 2, 3):
            records.create_order(work, client_id, "confidential_document")
        work.vault.close()
        assert _sync(data_dir) == 0
        assert _hq_rollbacks(data_dir) == []  # an honest log matches HQ's anchor: no false alarm

        for name in FILES:  # ... and puts both back together: locally, everything looks consistent
            shutil.copy2(aside / name, data_dir / name)
        for leftover in ("maya.db-wal", "maya.db-shm"):
            (data_dir / leftover).unlink(missing_ok=True)
        capsys.readouterr()
        opened = Vault.open(data_dir, "admin", PASSWORD)
        assert opened.extra["open_findings"] == []  # the slot file's anchor was put back too
        opened.vault.close()

        assert _sync(data_dir) == 0
        found = _hq_rollbacks(data_dir)
        assert len(found) == 1 and found[0]["anchor_seq"] > 0
        assert _sync(data_dir) == 0
        assert len(_hq_rollbacks(data_dir)) == 1  # recorded once per HQ anchor, not at every sync

        capsys.readouterr()
        verify = ["audit", "verify", "--data-dir", str(data_dir), "--username", "admin", "--password", PASSWORD]
        code = desktop_main(verify)
        out = capsys.readouterr().out
        assert code == 2 and "HQ's copy of the anchor" in out
    finally:
        hq.stop()


def test_the_next_login_shows_what_the_sync_found(demo, data_dir: Path, engine, database_url, pki) -> None:
    """The finding recorded by the sync is shown to the next person signing in, once."""
    _clinic, token = admin.add_clinic(engine, "Maya", clinic_id="cl_maya")
    hq = start_hq(database_url, pki)
    try:
        point_desktop_at(demo, hq, token, "cl_maya")
        demo.vault.close()
        aside = data_dir.parent / "aside"
        aside.mkdir()
        for name in FILES:
            shutil.copy2(data_dir / name, aside / name)
        work = Vault.open(data_dir, "admin", PASSWORD)
        records.create_order(work, 1, "confidential_document")
        work.vault.close()
        assert _sync(data_dir) == 0
        for name in FILES:
            shutil.copy2(aside / name, data_dir / name)
        for leftover in ("maya.db-wal", "maya.db-shm"):
            (data_dir / leftover).unlink(missing_ok=True)
        assert _sync(data_dir) == 0
        first = Vault.open(data_dir, "doctor", PASSWORD)
        try:
            assert any("HQ's copy of its anchor" in en for en, _fa in first.extra["open_findings"])
        finally:
            first.vault.close()
        second = Vault.open(data_dir, "doctor", PASSWORD)
        try:
            assert second.extra["open_findings"] == []  # shown once; `audit verify` keeps reporting it
        finally:
            second.vault.close()
    finally:
        hq.stop()
