"""Encrypted files of orders (photos, thumbnails, reports, documents, scanned consent forms).

Each file lives in ``data_dir.blobs`` under a random file id (never a name, mobile or date) and is
encrypted with its order's data key (AES-256-GCM via `core.crypto.seal`). The associated data
binds every chunk to (order id, file id, kind, chunk index, last-chunk flag), so a file cannot be
swapped between orders or kinds, re-ordered, or truncated without detection.

File format (version 1)::

    b"MAYABLB1" | chunk_size:u32 | { sealed_len:u32 | nonce(12) ciphertext tag(16) }*

Writes are atomic: ciphertext goes to ``.tmp-<random>`` in the same folder, is fsynced, then
renamed; the folder is fsynced. Temporary files hold ciphertext only. A crash can leave a
ciphertext file that no database row points to; `sweep_orphans` removes those when the vault
opens. The reverse (a row without its file) cannot happen: rows are inserted after the rename.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import struct
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from maya_desktop.core.crypto import DecryptionFailed, seal, unseal
from maya_desktop.core.errors import VaultError
from maya_desktop.core.portable import create_private_file, fsync_dir

Kind = Literal["photo", "thumb", "report", "document", "consent_form"]
KINDS: tuple[str, ...] = ("photo", "thumb", "report", "document", "consent_form")

MAGIC = b"MAYABLB1"
CHUNK_SIZE = 1 << 20
_HEADER = struct.Struct(">I")
_LEN = struct.Struct(">I")
_CHUNK_AAD = struct.Struct(">QB")
TMP_PREFIX = ".tmp-"
MAX_SEALED_CHUNK = CHUNK_SIZE + 12 + 16
# The sweep at login / purge leaves files younger than this: an import running right now in another
# process (the GUI while `purge` runs from a scheduler) writes a file a moment before its row commits.
ORPHAN_MIN_AGE_SECONDS = 15 * 60


@dataclass(frozen=True)
class StoredBlob:
    file_id: str
    kind: str
    size: int  # ciphertext bytes on disk
    sha256: str  # of the ciphertext file (goes into the deletion receipt)


def new_file_id() -> str:
    return secrets.token_hex(16)


def blob_aad(order_id: int, file_id: str, kind: str) -> bytes:
    return f"maya-blob-v1|order:{order_id}|file:{file_id}|kind:{kind}".encode("ascii")


def encrypt_bytes(key: bytes, aad: bytes, data: bytes, chunk_size: int = CHUNK_SIZE) -> list[bytes]:
    """The file's pieces (header + framed sealed chunks); joined they are the whole ciphertext file."""
    pieces = [MAGIC + _HEADER.pack(chunk_size)]
    view = memoryview(data)
    count = max(1, -(-len(data) // chunk_size))
    for index in range(count):
        chunk = bytes(view[index * chunk_size : (index + 1) * chunk_size])
        sealed = seal(key, chunk, aad + _CHUNK_AAD.pack(index, int(index == count - 1)))
        pieces.append(_LEN.pack(len(sealed)))
        pieces.append(sealed)
    return pieces


def decrypt_bytes(key: bytes, aad: bytes, blob: bytes) -> bytes:
    if len(blob) < len(MAGIC) + _HEADER.size or not blob.startswith(MAGIC):
        raise DecryptionFailed("not an encrypted Maya file")
    (chunk_size,) = _HEADER.unpack_from(blob, len(MAGIC))
    pos = len(MAGIC) + _HEADER.size
    out: list[bytes] = []
    index = 0
    while True:
        if pos + _LEN.size > len(blob):
            raise DecryptionFailed("truncated")
        (length,) = _LEN.unpack_from(blob, pos)
        pos += _LEN.size
        if length > chunk_size + 28 or pos + length > len(blob):
            raise DecryptionFailed("truncated or corrupt chunk")
        sealed = blob[pos : pos + length]
        pos += length
        last = pos == len(blob)
        out.append(unseal(key, sealed, aad + _CHUNK_AAD.pack(index, int(last))))
        if last:
            return b"".join(out)
        index += 1


def write_blob(folder: Path, key: bytes, order_id: int, kind: str, data: bytes) -> StoredBlob:
    """Encrypt `data` into a new file; atomic (tmp + fsync + rename + fsync folder)."""
    if kind not in KINDS:
        raise ValueError(f"unknown blob kind {kind!r}")
    file_id = new_file_id()
    pieces = encrypt_bytes(key, blob_aad(order_id, file_id, kind), data)
    digest = hashlib.sha256()
    size = 0
    tmp = folder / f"{TMP_PREFIX}{secrets.token_hex(8)}"
    fd = create_private_file(tmp)
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece)
                digest.update(piece)
                size += len(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, folder / file_id)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)
    return StoredBlob(file_id, kind, size, digest.hexdigest())


class DamagedFile(VaultError, DecryptionFailed):
    """An order's file failed authentication (altered, truncated, swapped): a clear message for people,
    and still a DecryptionFailed for code that handles that."""


def read_blob(folder: Path, key: bytes, order_id: int, file_id: str, kind: str) -> bytes:
    """Decrypt one file. Raises DamagedFile (wrong key/order/kind, altered) or FileNotFoundError."""
    try:
        return decrypt_bytes(key, blob_aad(order_id, file_id, kind), (folder / file_id).read_bytes())
    except DecryptionFailed as exc:
        raise DamagedFile(
            f"A file of order #{order_id} ({kind}) is damaged or was altered; it cannot be shown.",
            f"یکی از فایل‌های سفارش شمارهٔ {order_id} آسیب دیده یا دستکاری شده است و نمایش داده نمی‌شود.",
        ) from exc


def register_blob(conn: Any, order_id: int, stored: StoredBlob, created_at: str) -> None:
    """Record a written file in `order_files` (call inside the transaction that uses the file)."""
    conn.execute(
        "INSERT INTO order_files(file_id, order_id, kind, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (stored.file_id, order_id, stored.kind, stored.size, stored.sha256, created_at),
    )


def remove_files(folder: Path, file_ids: Iterable[str]) -> int:
    """Unlink files (missing ones are fine); returns how many existed."""
    removed = 0
    for file_id in file_ids:
        try:
            (folder / file_id).unlink()
            removed += 1
        except FileNotFoundError:
            pass
    fsync_dir(folder)
    return removed


def sweep_orphans(conn: Any, folder: Path, min_age_seconds: float = 0.0) -> list[str]:
    """Delete ciphertext files no `order_files` row points to, and leftover temporary files.

    Call when the vault opens (before any import worker starts); `min_age_seconds` lets a periodic
    sweep skip files an import running right now may be about to register.
    """
    if not folder.is_dir():
        return []
    known = {row[0] for row in conn.execute("SELECT file_id FROM order_files")}
    cutoff = time.time() - min_age_seconds
    removed = []
    for entry in os.scandir(folder):
        if not entry.is_file(follow_symlinks=False) or entry.name in known:
            continue
        if min_age_seconds and entry.stat(follow_symlinks=False).st_mtime > cutoff:
            continue
        with contextlib.suppress(FileNotFoundError):
            os.unlink(entry.path)
            removed.append(entry.name)
    if removed:
        fsync_dir(folder)
    return removed


def value_aad(order_id: int, name: str) -> bytes:
    return f"maya-value-v1|order:{order_id}|{name}".encode("ascii")


def seal_value(key: bytes, order_id: int, name: str, data: bytes) -> bytes:
    """Seal a small value kept in a DB column (analysis JSON, quote breakdown) with the order key."""
    return seal(key, data, value_aad(order_id, name))


def open_value(key: bytes, order_id: int, name: str, sealed: bytes) -> bytes:
    return unseal(key, sealed, value_aad(order_id, name))
