"""Making a backup: a consistent copy of the database and the photo ciphertext, sealed into one stream."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from maya_desktop import __version__
from maya_desktop.core import audit, db, leftovers
from maya_desktop.core.backup.format import (
    _U32,
    CHUNK_SIZE,
    ENTRY_END,
    ENTRY_SECRET,
    FORMAT,
    LOCK_TIMEOUT_MS,
    MAGIC,
    STAGING_PREFIX,
    TMP_MARK,
    VERSION,
    _aad_prefix,
    _SealedWriter,
    _write_entry_head,
    _write_file_entry,
)
from maya_desktop.core.backup.recipients import _recipients, _recovery_aad, _recovery_kek, format_recovery_code
from maya_desktop.core.crypto import (
    random_key,
    seal,
)
from maya_desktop.core.errors import StateError, ValidationError
from maya_desktop.core.keyslots import _b64
from maya_desktop.core.portable import create_private_file, fsync_dir
from maya_desktop.core.session import Session


# ---- making a backup -----------------------------------------------------------------------------
@dataclass(frozen=True)
class BackupResult:
    path: Path
    backup_id: str
    files: int  # encrypted order files included
    size: int  # bytes of the backup file
    recovery_code: str | None  # shown once; never stored or logged
    managers: tuple[str, ...]  # usernames whose password also opens it


def _stage(session: Session, staging: Path) -> tuple[list[str], bytes, bytes]:
    """Under the DB write lock: copy the DB (backup API), keyslots and link the referenced files."""
    vault = session.vault
    data_dir = vault.data_dir
    (staging / "photos").mkdir(mode=0o700)
    with vault.lock:
        if session.conn.in_transaction:
            raise StateError("Finish the current change before backing up.", "ابتدا کار جاری را تمام کنید.")
        db_key = vault.db_key
        locker = db.connect(data_dir.db, db_key)
        try:
            locker.execute(f"PRAGMA busy_timeout = {LOCK_TIMEOUT_MS}")
            locker.execute("BEGIN IMMEDIATE")  # app writes wait (their busy_timeout is 5 s); reads go on
            reader = db.connect(data_dir.db, db_key)
            try:
                reader.execute("BEGIN")
                copy = sqlcipher3.connect(str(staging / "maya.db"), isolation_level=None)
                try:
                    copy.execute("PRAGMA cipher_log_level = NONE")
                    copy.execute(db._key_pragma(db_key))
                    reader.backup(copy)
                finally:
                    copy.close()
                file_ids = [r[0] for r in reader.execute("SELECT file_id FROM order_files ORDER BY file_id")]
                reader.execute("COMMIT")
            finally:
                reader.close()
            keyslots = data_dir.keyslots.read_bytes()
            for file_id in file_ids:
                source = data_dir.blobs / file_id
                target = staging / "photos" / file_id
                try:
                    os.link(source, target)
                except OSError:
                    shutil.copyfile(source, target)  # ciphertext; a file system without hard links
            locker.execute("ROLLBACK")
        finally:
            locker.close()
    return file_ids, keyslots, db_key


def create_backup(
    session: Session, out: str | Path, *, recovery_code: bool = True, scheduled: bool = False
) -> BackupResult:
    """Write one backup file to `out` (atomic). Manual backups (managers) get a new recovery code.

    Scheduled backups (`scheduled=True`, any signed-in person: the file opens only for managers)
    carry no recovery code.
    """
    if not scheduled:
        session.require("settings.manage")
    out = Path(out).expanduser().resolve()
    data_dir = session.vault.data_dir
    if out.exists():
        raise ValidationError(f"The file already exists: {out.name}", "این فایل از قبل وجود دارد.", "out")
    if out.parent == data_dir.blobs or data_dir.blobs in out.parents:
        raise ValidationError("Choose a folder outside photos/.", "پوشه‌ای بیرون از photos/ انتخاب کنید.", "out")
    out.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    data_dir.backups.mkdir(mode=0o700, parents=True, exist_ok=True)
    from maya_desktop.core.orders.housekeeping import purge_due  # lazy: orders import the backup's session

    purge_due(session)  # a backup never copies an order whose retention has passed
    leftovers.sweep(session.conn, data_dir)

    key = random_key()
    backup_id = secrets.token_hex(16)
    recipients, managers = _recipients(session, key, backup_id)
    code = None
    if recovery_code:
        secret = secrets.token_bytes(32)
        code = format_recovery_code(secret)
        sealed = seal(_recovery_kek(secret, backup_id), key, _recovery_aad(backup_id))
        recipients.append({"type": "recovery", "wrapped": _b64(sealed)})
    if not recipients:
        raise StateError(
            "Nobody could open this backup (no active manager, no recovery code).",
            "هیچ‌کس نمی‌تواند این پشتیبان را باز کند (مدیر فعال یا کد بازیابی نیست).",
        )
    header = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "backup_id": backup_id,
        "created_at": audit.now_utc(),
        "chunk_size": CHUNK_SIZE,
        "recipients": recipients,
    }
    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")

    staging = data_dir.backups / f"{STAGING_PREFIX}{secrets.token_hex(8)}"
    tmp = out.with_name(f"{out.name}{TMP_MARK}{secrets.token_hex(6)}")
    with leftovers.writing(data_dir):
        staging.mkdir(mode=0o700)
        file_ids = _write_backup(session, staging, tmp, out, key, header_bytes)
    leftovers.forget(session.conn, tmp)
    size = out.stat().st_size
    session.audit(
        "backup.created",
        "",
        {
            "backup_id": backup_id,
            "files": len(file_ids),
            "scheduled": scheduled,
            "recovery_code": code is not None,
            "managers": len(managers),
        },
    )
    return BackupResult(out, backup_id, len(file_ids), size, code, managers)


def _write_backup(session: Session, staging: Path, tmp: Path, out: Path, key: bytes, header_bytes: bytes) -> list[str]:
    """Stage, stream everything sealed into `tmp`, rename it to `out`; remove staging and tmp on failure."""
    try:
        file_ids, keyslots, db_key = _stage(session, staging)
        # Committed before a byte is written (a crash leaves a trail), after the copy (which must not hold it).
        leftovers.register(session.conn, tmp)
        fd = create_private_file(tmp)
        with os.fdopen(fd, "wb") as handle:
            handle.write(MAGIC + _U32.pack(len(header_bytes)) + header_bytes)
            writer = _SealedWriter(handle, key, _aad_prefix(header_bytes), CHUNK_SIZE)
            _write_entry_head(writer, ENTRY_SECRET, "dbkey", len(db_key))
            writer.write(db_key)
            _write_file_entry(writer, "keyslots", _bytes_file(staging, "keyslots", keyslots))
            _write_file_entry(writer, "maya.db", staging / "maya.db")
            for file_id in file_ids:
                _write_file_entry(writer, f"photos/{file_id}", staging / "photos" / file_id)
            _write_entry_head(writer, ENTRY_END, "", 3 + len(file_ids))
            writer.close()
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
        fsync_dir(out.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return file_ids


def _bytes_file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    fd = create_private_file(path)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return path


