"""Anchored audit (issue 12, items 3 and 4): the chain head is kept outside the database, so a lost WAL
after a crash, a deleted tail and a rewritten, re-hashed tail are all found at login and by `audit verify`,
with the missing entries named. HQ gets the head too, as an `audit.anchor` event."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from insider_helpers import PASSWORD, raw_open

from maya_desktop.cli import main
from maya_desktop.core import audit
from maya_desktop.core.sync.contract import validate_event
from maya_desktop.core.vault import Vault
from tests.conftest import REPO

# A real process that commits audited work (and stays alive, as if the power were about to go).
WRITER = r"""
import sys, time
from maya_desktop.core.vault import Vault
session = Vault.open(sys.argv[1], "admin", sys.argv[2], verify="quick")
for n in range(5):
    session.audit("settings.viewed", "", {"n": n})
print("ready", session.conn.execute("SELECT count FROM audit_head").fetchone()[0], flush=True)
time.sleep(600)
"""


def _verify(data_dir: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["audit", "verify", "--data-dir", str(data_dir), "--username", "admin", "--password", PASSWORD])
    return code, capsys.readouterr().out


def _closed(demo) -> tuple[Path, bytes]:
    key = demo.vault.db_key
    root = demo.vault.data_dir.root
    demo.vault.close()
    return root, key


def _rehash_from(conn, first: int) -> None:
    """What an insider with the DB key does after editing entries: recompute every hash from `first` on."""
    prev = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (first - 1,)).fetchone()[0]
    rows = conn.execute(
        "SELECT id, ts, actor, action, object_ref, details FROM audit_log WHERE id >= ? ORDER BY id", (first,)
    ).fetchall()
    for entry_id, ts, actor, action, object_ref, details in rows:
        digest = audit._entry_hash(entry_id, ts, actor, action, object_ref, details, prev)
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, entry_id))
        prev = digest
    last = conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    conn.execute("UPDATE audit_head SET count = ?, last_hash = ?", (last, prev))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_wal_deleted_after_kill_9_is_found(demo, capsys) -> None:
    root, _ = _closed(demo)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(root), PASSWORD], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        line = proc.stdout.readline().split()
        assert line and line[0] == b"ready", proc.stderr.read().decode()[-2000:] if proc.poll() is not None else ""
        head = int(line[1])
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    for name in ("maya.db-wal", "maya.db-shm"):
        (root / name).unlink(missing_ok=True)  # the crash took the WAL with it (or someone deleted it)

    session = Vault.open(root, "admin", PASSWORD)
    try:
        findings = session.extra["open_findings"]
        assert any(f"-{head} missing" in en for en, _fa in findings), findings
        assert audit.verify(session.conn).ok  # the chain alone looks perfect: only the anchor tells
    finally:
        session.vault.close()
    code, out = _verify(root, capsys)
    assert code == 2 and f"-{head} missing" in out


def test_a_deleted_tail_is_found_and_named(demo, capsys) -> None:
    count = demo.conn.execute("SELECT count FROM audit_head").fetchone()[0]
    root, key = _closed(demo)
    conn = raw_open(root / "maya.db", key)
    conn.execute("DELETE FROM audit_log WHERE id > ?", (count - 3,))
    last_hash = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (count - 3,)).fetchone()[0]
    conn.execute("UPDATE audit_head SET count = ?, last_hash = ?", (count - 3, last_hash))
    conn.close()
    code, out = _verify(root, capsys)
    assert code == 2 and f"entries {count - 2}-{count} missing" in out, out


def test_a_rewritten_and_rehashed_tail_is_found(demo, capsys) -> None:
    count = demo.conn.execute("SELECT count FROM audit_head").fetchone()[0]
    root, key = _closed(demo)
    conn = raw_open(root / "maya.db", key)
    conn.execute("UPDATE audit_log SET action = 'login', object_ref = '' WHERE id > ?", (count - 3,))
    _rehash_from(conn, count - 2)
    assert audit.verify(conn).ok  # the chain is consistent again: an unkeyed chain alone would say OK
    conn.close()
    code, out = _verify(root, capsys)
    assert code == 2 and f"entries up to {count} rewritten" in out, out


def test_every_login_queues_the_head_for_hq_and_the_reference_receiver_accepts_it(demo, data_dir: Path) -> None:
    demo.vault.close()
    session = Vault.open(data_dir, "admin", PASSWORD)
    try:
        payloads = [json.loads(r[0]) for r in session.conn.execute("SELECT payload FROM sync_outbox ORDER BY rowid")]
        anchors = [p for p in payloads if p["type"] == "audit.anchor"]
        assert anchors and set(anchors[-1]) == {
            "event_id", "clinic_id", "workstation_id", "type", "day", "audit_seq", "audit_head"
        }  # fmt: skip
        seq = anchors[-1]["audit_seq"]
        assert anchors[-1]["audit_head"] == audit.anchor_tag(session.conn, seq)
        assert validate_event(anchors[-1]) == anchors[-1]  # what core/sync/receiver.py checks
    finally:
        session.vault.close()
