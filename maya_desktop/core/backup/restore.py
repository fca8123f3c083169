"""Restoring a backup into a new data folder: decrypt beside the target, verify everything, then rename it into
place."""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from maya_desktop.core import audit, db, leftovers
from maya_desktop.core.backup.format import (
    _COPY_PIECE,
    _ENTRY,
    _SIZE,
    ENTRY_END,
    ENTRY_FILE,
    ENTRY_SECRET,
    NAME_RE,
    _aad_prefix,
    _damaged,
    _open_chunks,
    _PlainReader,
    _read_header,
)
from maya_desktop.core.backup.recipients import _unwrap_key
from maya_desktop.core.errors import VaultError
from maya_desktop.core.portable import create_private_file, fsync_dir


@dataclass(frozen=True)
class RestoreResult:
    data_dir: str  # the restored folder (text: the restore operation hands this to the window as it is)
    backup_id: str
    created_at: str
    files: int
    clients: int
    orders: int
    audit_entries: int


def _check_target(target: Path) -> None:
    if target.exists():
        if not target.is_dir() or any(target.iterdir()):
            raise VaultError(
                f"The target folder is not empty: {target}. Restore into a new, empty folder.",
                f"پوشهٔ مقصد خالی نیست: {target}. در یک پوشهٔ تازه و خالی بازیابی کنید.",
            )


def _verify_restored(staging: Path, db_key: bytes, file_names: set[str]) -> tuple[int, int, int]:
    """Full page check, audit chain, every referenced file present. Returns (clients, orders, audit)."""
    db_path = staging / "maya.db"
    if not db_path.exists() or not (staging / "keyslots").exists():
        raise _damaged()
    conn = sqlcipher3.connect(str(db_path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(db._key_pragma(db_key))
        conn.execute("PRAGMA query_only = ON")
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise _damaged()
            if conn.execute("PRAGMA cipher_integrity_check").fetchall():
                raise _damaged()
            result = audit.verify(conn)
            referenced = {r[0] for r in conn.execute("SELECT file_id FROM order_files")}
            clients = conn.execute("SELECT count(*) FROM clients").fetchone()[0]
            orders = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
        except sqlcipher3.DatabaseError as exc:
            raise _damaged() from exc
    finally:
        conn.close()
    if not result.ok:
        raise VaultError(
            f"The audit log inside the backup is broken ({result.reason}); nothing was restored.",
            "زنجیرهٔ گزارش رویدادها در این پشتیبان شکسته است؛ چیزی بازیابی نشد.",
        )
    if referenced != file_names:
        raise _damaged()
    return int(clients), int(orders), result.count


def restore_backup(
    path: str | Path,
    target: str | Path,
    *,
    recovery_code: str | None = None,
    username: str | None = None,
    password: str | None = None,
) -> RestoreResult:
    """Restore `path` into the new, empty folder `target`; nothing is written there unless all checks pass."""
    path = Path(path).expanduser()
    target = Path(target).expanduser().resolve()
    try:
        handle = path.open("rb")
    except FileNotFoundError as exc:
        raise VaultError(f"Backup file not found: {path}", f"فایل پشتیبان پیدا نشد: {path}") from exc
    with handle:
        total = os.fstat(handle.fileno()).st_size
        header, header_bytes = _read_header(handle)
        key = _unwrap_key(header, recovery_code, username, password)
        _check_target(target)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        for stale in target.parent.glob(f".{target.name}.restoring-*"):  # an earlier restore that was killed
            leftovers.remove_path(stale)
        staging = target.parent / f".{target.name}.restoring-{secrets.token_hex(6)}"
        staging.mkdir(mode=0o700)
        try:
            (staging / "photos").mkdir(mode=0o700)
            (staging / "backups").mkdir(mode=0o700)
            chunks = _open_chunks(handle, total, key, _aad_prefix(header_bytes), int(header["chunk_size"]))
            db_key, names = _extract(_PlainReader(chunks), staging)
            if db_key is None:
                raise _damaged()
            file_names = {n.split("/", 1)[1] for n in names if n.startswith("photos/")}
            clients, orders, entries = _verify_restored(staging, db_key, file_names)
            fsync_dir(staging / "photos")
            fsync_dir(staging)
            _check_target(target)
            if target.exists():
                target.rmdir()
            os.replace(staging, target)
            fsync_dir(target.parent)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return RestoreResult(
        str(target), header["backup_id"], str(header.get("created_at", "")), len(file_names), clients, orders, entries
    )


def _extract(reader: _PlainReader, staging: Path) -> tuple[bytes | None, set[str]]:
    db_key = None
    names: set[str] = set()
    while True:
        kind, name_len = _ENTRY.unpack(reader.read(_ENTRY.size))
        try:
            name = reader.read(name_len).decode("ascii")
        except UnicodeDecodeError as exc:
            raise _damaged() from exc
        (size,) = _SIZE.unpack(reader.read(_SIZE.size))
        if kind == ENTRY_END:
            if name or size != len(names) or not reader.at_end():
                raise _damaged()
            return db_key, names
        if not NAME_RE.match(name) or name in names:
            raise _damaged()
        names.add(name)
        if kind == ENTRY_SECRET and name == "dbkey" and size == 32:
            db_key = reader.read(32)
            continue
        if kind != ENTRY_FILE or name == "dbkey":
            raise _damaged()
        fd = create_private_file(staging / name)
        with os.fdopen(fd, "wb") as out:
            remaining = size
            while remaining:
                piece = reader.read(min(remaining, _COPY_PIECE))
                out.write(piece)
                remaining -= len(piece)
            out.flush()
            os.fsync(out.fileno())


