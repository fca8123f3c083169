"""No leftovers (issue 12, item 2): a backup killed mid-way, then the orders destroyed and purged, leaves
nothing on disk from which the destroyed photos could be decrypted; a young orphan (an import running in
another process) is not swept from under it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from insider_helpers import PASSWORD, decrypt_any, raw_open

from maya_desktop.cli import main
from maya_desktop.core import blobstore
from maya_desktop.core.orders.destruction import destroy_order_now
from maya_desktop.core.orders.keys import order_key
from maya_desktop.core.orders.states import Status
from maya_desktop.core.vault import Vault
from tests.conftest import REPO
from tests.robustness.robust_helpers import walk

# A real backup process, stopped for good after it wrote the key slots, the database and one photo.
KILLED_BACKUP = r"""
import sys, time
from pathlib import Path
from maya_desktop.core import backup
from maya_desktop.core.backup import create
from maya_desktop.core.vault import Vault
root, password, out, marker = sys.argv[1:5]
session = Vault.open(root, "admin", password, verify="quick")
real = create._write_file_entry
written = []
def write_then_stall(writer, name, path):
    size = real(writer, name, path)
    written.append(name)
    if len(written) == 3:
        Path(marker).write_text("mid-way")
        time.sleep(600)
    return size
create._write_file_entry = write_then_stall  # where create_backup looks it up
backup.create_backup(session, out)
"""


def _cli(command: list[str], data_dir: Path) -> int:
    return main([*command, "--data-dir", str(data_dir), "--username", "admin", "--password", PASSWORD])


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_killed_backup_leaves_nothing_that_outlives_destruction(clinic, small_faces, tmp_path: Path) -> None:
    r, d = clinic.reception, clinic.doctor
    order_ids = [walk(r, d, client, Status.DELIVERED, small_faces) for client in (1, 2)]
    conn = clinic.admin.conn
    # What an insider with a password knew before the destruction: every order key and file id.
    keys = {order_id: order_key(conn, order_id) for order_id in order_ids}
    files = {
        row[0]: (int(row[1]), row[2])
        for row in conn.execute(
            f"SELECT file_id, order_id, kind FROM order_files WHERE order_id IN ({','.join('?' * len(order_ids))})",
            order_ids,
        )
    }
    assert len(files) >= 4
    db_key = clinic.admin.vault.db_key
    for session in (clinic.admin, r, d):
        session.vault.close()

    usb = tmp_path / "usb"
    usb.mkdir()
    marker = tmp_path / "marker"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    args = [str(clinic.root), PASSWORD, str(usb / "clinic.mayabak"), str(marker)]
    proc = subprocess.Popen([sys.executable, "-c", KILLED_BACKUP, *args], env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert marker.exists(), proc.stderr.read().decode()[-2000:] if proc.poll() is not None else "timeout"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    staged = list((clinic.root / "backups").glob(".staging-*"))
    partial = list(usb.glob("clinic.mayabak.tmp-*"))
    assert staged and partial  # the material of the attack is on disk before the next open

    admin = Vault.open(clinic.root, "admin", PASSWORD)
    try:
        for order_id in order_ids:
            destroy_order_now(admin, order_id)  # the clients asked for destruction
    finally:
        admin.vault.close()
    assert _cli(["purge"], clinic.root) == 0

    everything = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert decrypt_any(everything, keys, files) == []  # no ciphertext of theirs is left anywhere
    for path in everything:  # no copy of the database still holds their keys
        copy = raw_open(path, db_key)
        if copy is None:
            continue
        try:
            held = copy.execute(
                f"SELECT count(*) FROM order_keys WHERE order_id IN ({','.join('?' * len(order_ids))})", order_ids
            ).fetchone()[0]
        except Exception:  # not a Maya database
            held = 0
        finally:
            copy.close()
        assert held == 0, path.name
    assert not any(".tmp-" in p.name or ".staging-" in str(p) for p in everything)  # no partial backup either


def test_the_sweep_at_open_spares_a_young_orphan_of_a_running_import(clinic, data_dir: Path) -> None:
    """Another process is importing: its file is on disk a moment before its row commits."""
    blobs = data_dir / "photos"
    stored = blobstore.write_blob(blobs, os.urandom(32), 999, "photo", b"ciphertext of an import in progress")
    for session in (clinic.admin, clinic.reception, clinic.doctor):
        session.vault.close()
    assert _cli(["purge"], data_dir) == 0
    assert (blobs / stored.file_id).exists()
    old = time.time() - 2 * blobstore.ORPHAN_MIN_AGE_SECONDS  # a real orphan, left by a crash long ago
    os.utime(blobs / stored.file_id, (old, old))
    assert _cli(["purge"], data_dir) == 0
    assert not (blobs / stored.file_id).exists()
