"""Backup and restore: bit-exact round trip, tamper/truncation refused with nothing written, scheduling."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest
from robust_helpers import PASSWORD, decrypted_files, dump, raw_conn, walk

from maya_desktop.core import audit, backup
from maya_desktop.core.clients import create_client
from maya_desktop.core.errors import AuthError, ValidationError, VaultError
from maya_desktop.core.orders.states import Status
from maya_desktop.core.vault import Vault


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".restoring-" in p.name or backup.TMP_MARK in p.name)


@pytest.fixture
def populated(clinic, small_faces):
    """Orders in several states, with photos, a report and a payment."""
    r, d = clinic.reception, clinic.doctor
    ids = {
        "delivered": walk(r, d, 1, Status.DELIVERED, small_faces[:2]),
        "paid": walk(r, d, 2, Status.PAID, small_faces[1:3]),
        "imported": walk(r, d, 3, Status.PHOTOS_IMPORTED, small_faces[3:]),
    }
    return clinic, ids


def test_round_trip_is_bit_exact(populated, tmp_path: Path) -> None:
    clinic, _ = populated
    conn = clinic.admin.conn
    before = dump(conn)
    files_before = decrypted_files(conn, clinic.admin.vault.data_dir.blobs)
    assert len(files_before) >= 10
    result = backup.create_backup(clinic.admin, tmp_path / "b.mayabak")
    assert result.recovery_code and result.managers == ("admin",) and result.files == len(files_before)
    assert audit.entries(conn, limit=1)[0].action == "backup.created"

    for how, kwargs in (
        ("code", {"recovery_code": result.recovery_code.lower().replace("-", " ")}),
        ("manager", {"username": "admin", "password": PASSWORD}),
    ):
        target = tmp_path / f"restored-{how}"
        restored = backup.restore_backup(result.path, target, **kwargs)
        assert (restored.files, restored.clients, restored.orders) == (len(files_before), 20, 3)
        raw = raw_conn(target / "maya.db", clinic.admin.vault.db_key)
        try:
            assert dump(raw) == before  # every row of every table, schema and user_version
        finally:
            raw.close()
        # Full page check; staff log in as before. A manager: consented orders' keys are sealed to the
        # doctor and the managers (core/orders/keys.py), reception no longer opens them.
        session = Vault.open(target, "admin", PASSWORD)
        try:
            assert decrypted_files(session.conn, session.vault.data_dir.blobs) == files_before
            for file_id in files_before:  # the ciphertext itself is copied byte for byte
                original = clinic.admin.vault.data_dir.blobs / file_id
                assert (target / "photos" / file_id).read_bytes() == original.read_bytes()
            assert audit.verify(session.conn).ok
        finally:
            session.vault.close()
    assert _leftovers(tmp_path) == []


def test_backup_is_consistent_while_the_app_writes(clinic, tmp_path: Path) -> None:
    """Another session keeps adding clients during the backup; the copy is one consistent snapshot."""
    writer = Vault.open(clinic.root, "reception", PASSWORD, verify="quick")
    stop = threading.Event()
    added: list[int] = []

    def keep_writing() -> None:
        n = 0
        while not stop.is_set():
            create_client(writer, "نرگس", "آزمایشی", f"0912{5550000 + n:07d}", None)
            added.append(n)
            n += 1

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        while len(added) < 5:
            stop.wait(0.01)
        result = backup.create_backup(clinic.admin, tmp_path / "live.mayabak")
    finally:
        stop.set()
        thread.join()
        writer.vault.close()
    assert len(added) >= 5
    restored = backup.restore_backup(result.path, tmp_path / "r", recovery_code=result.recovery_code)
    assert restored.clients >= 25
    session = Vault.open(tmp_path / "r", "admin", PASSWORD)
    try:
        audited = session.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'client.created'").fetchone()
        assert audited[0] == restored.clients - 20  # every client row has its audit entry, and vice versa
    finally:
        session.vault.close()


def _tamper_cases(data: bytes, header_end: int) -> dict[str, bytes]:
    mid = (header_end + len(data)) // 2
    flip = bytearray(data)
    flip[mid] ^= 0x01
    header = bytearray(data)
    at = data.index(b'"created_at":"') + len(b'"created_at":"') + 3  # a year digit: the JSON stays valid
    header[at] = ord("7") if header[at] != ord("7") else ord("8")
    garbled = bytearray(data)
    garbled[header_end - 5] ^= 0x20
    # chunks are framed: length(4) | sealed. Swap chunks 1 and 2 (all full-size, so framing stays valid).
    pos, frames = header_end, []
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        frames.append(data[pos : pos + 4 + length])
        pos += 4 + length
    assert len(frames) >= 4
    swapped = data[:header_end] + b"".join([frames[0], frames[2], frames[1], *frames[3:]])
    dropped = data[:header_end] + b"".join([frames[0], *frames[2:]])
    return {
        "bit flip in a chunk": bytes(flip),
        "header edited (valid JSON)": bytes(header),
        "header garbled": bytes(garbled),
        "truncated in the middle": data[:mid],
        "truncated by one byte": data[:-1],
        "last chunk dropped": data[: len(data) - len(frames[-1])],
        "chunks re-ordered": swapped,
        "a chunk removed": dropped,
        "bytes appended": data + b"\x00" * 32,
        "header only": data[:header_end],
        "empty file": b"",
        "not a backup": b"PK\x03\x04" + data[4:],
    }


def test_tampered_or_truncated_backups_are_refused_and_write_nothing(
    populated, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic, _ = populated
    monkeypatch.setattr(backup.create, "CHUNK_SIZE", 64 * 1024)  # many chunks, so re-ordering can be tried
    result = backup.create_backup(clinic.admin, tmp_path / "b.mayabak")
    data = result.path.read_bytes()
    header_end = 8 + 4 + int.from_bytes(data[8:12], "big")
    cases = _tamper_cases(data, header_end)
    for name, bad in cases.items():
        path = tmp_path / "bad.mayabak"
        path.write_bytes(bad)
        target = tmp_path / "target"
        with pytest.raises(VaultError) as info:
            backup.restore_backup(path, target, recovery_code=result.recovery_code)
        assert info.value.message_fa != info.value.message_en, name
        assert "altered" in info.value.message_en or "not a Maya" in info.value.message_en, name
        assert not target.exists(), name
        assert _leftovers(tmp_path) == [], name
    # the untouched file still restores
    assert backup.restore_backup(result.path, tmp_path / "ok", recovery_code=result.recovery_code).orders == 3
    print(f"\ntamper cases refused: {len(cases)}")


def test_wrong_or_mistyped_code_and_non_empty_target(clinic, tmp_path: Path) -> None:
    result = backup.create_backup(clinic.admin, tmp_path / "b.mayabak")
    other = backup.create_backup(clinic.admin, tmp_path / "c.mayabak")
    with pytest.raises(AuthError):
        backup.restore_backup(result.path, tmp_path / "t", recovery_code=other.recovery_code)
    code = result.recovery_code
    typo = code[:5] + ("A" if code[5] != "A" else "B") + code[6:]
    with pytest.raises(ValidationError):
        backup.restore_backup(result.path, tmp_path / "t", recovery_code=typo)
    with pytest.raises(AuthError):
        backup.restore_backup(result.path, tmp_path / "t", username="admin", password="Wrong-Password-1")
    with pytest.raises(AuthError):  # reception is not a manager: not a recipient
        backup.restore_backup(result.path, tmp_path / "t", username="reception", password=PASSWORD)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("x")
    with pytest.raises(VaultError):
        backup.restore_backup(result.path, busy, recovery_code=code)
    assert sorted(p.name for p in busy.iterdir()) == ["keep.txt"]
    assert not (tmp_path / "t").exists()
    with pytest.raises(ValidationError):  # never overwrites
        backup.create_backup(clinic.admin, result.path)


def test_only_managers_make_manual_backups(clinic, tmp_path: Path) -> None:
    from maya_desktop.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        backup.create_backup(clinic.reception, tmp_path / "b.mayabak")
    with pytest.raises(PermissionDenied):
        backup.configure_scheduled_backup(clinic.reception, tmp_path / "auto")


def test_scheduled_daily_backup_with_retention(clinic, tmp_path: Path) -> None:
    start = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
    assert backup.run_scheduled_backup(clinic.reception, start).status == "not_configured"
    folder = tmp_path / "auto"
    backup.configure_scheduled_backup(clinic.admin, folder, retention_days=7)
    first = backup.run_scheduled_backup(clinic.reception, start)  # any signed-in person's timer
    assert first.status == "created" and first.created is not None
    assert first.created.recovery_code is None and first.created.managers == ("admin",)
    assert backup.run_scheduled_backup(clinic.reception, start + dt.timedelta(hours=5)).status == "not_due"
    (folder / f"{backup.scheduled_name(start)}{backup.TMP_MARK}abc").write_bytes(b"partial")  # a crashed write
    for day in range(1, 10):
        result = backup.run_scheduled_backup(clinic.reception, start + dt.timedelta(days=day, minutes=day))
        assert result.status == "created"
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 7  # days 3..9 kept; days 0..2 expired and were deleted
    assert names[0] == backup.scheduled_name(start + dt.timedelta(days=3, minutes=3))
    restored = backup.restore_backup(folder / names[-1], tmp_path / "r", username="admin", password=PASSWORD)
    assert restored.clients == 20
    assert not list(clinic.root.joinpath("backups").iterdir())  # staging folders are gone


def test_recovery_code_format() -> None:
    secret = os.urandom(32)
    code = backup.format_recovery_code(secret)
    groups = code.split("-")
    assert len(groups) == 14 and all(len(g) == 4 for g in groups)
    assert backup.parse_recovery_code(code) == secret
    assert backup.parse_recovery_code(" " + code.lower().replace("-", "  ") + "\n") == secret
    with pytest.raises(ValidationError):
        backup.parse_recovery_code(code[:-1])
