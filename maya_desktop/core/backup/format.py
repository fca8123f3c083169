"""The backup file format: constants, the chunked AEAD stream, its entries and the header (see the package
docstring)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from maya_desktop.core.crypto import (
    DecryptionFailed,
    seal,
    unseal,
)
from maya_desktop.core.errors import AuthError, VaultError

MAGIC = b"MAYABAK1"
FORMAT = "maya-backup"
VERSION = 1
CHUNK_SIZE = 1 << 20
MAX_HEADER = 1 << 20
SUFFIX = ".mayabak"
SCHEDULED_PREFIX = "maya-backup-"
SCHEDULED_RE = re.compile(r"^maya-backup-(\d{8}T\d{6}Z)\.mayabak$")
STAGING_PREFIX = ".staging-"
TMP_MARK = ".tmp-"
DEFAULT_RETENTION_DAYS = 7
DAILY = dt.timedelta(hours=23)  # "daily" with slack, so a timer's drift does not skip a day
LOCK_TIMEOUT_MS = 10_000

_U32 = struct.Struct(">I")
_CHUNK_AAD = struct.Struct(">QB")
_ENTRY = struct.Struct(">BH")
_SIZE = struct.Struct(">Q")
ENTRY_END, ENTRY_FILE, ENTRY_SECRET = 0, 1, 2
NAME_RE = re.compile(r"^(maya\.db|keyslots|dbkey|photos/[0-9a-f]{32})$")
RECOVERY_CHECK_BYTES = 3
_COPY_PIECE = 1 << 20


# ---- errors (fa + en) -----------------------------------------------------------------------------
def _damaged() -> VaultError:
    return VaultError(
        "The backup file was altered or is incomplete (truncated); nothing was restored.",
        "فایل پشتیبان دستکاری شده یا ناقص است؛ هیچ چیزی بازیابی نشد.",
    )


def _not_a_backup() -> VaultError:
    return VaultError("This is not a Maya Desktop backup file.", "این فایل، فایل پشتیبان مایا نیست.")


def _wrong_code() -> AuthError:
    return AuthError("This recovery code does not open this backup.", "این کد بازیابی، این فایل پشتیبان را باز نمی‌کند.")


def _wrong_manager() -> AuthError:
    return AuthError(
        "This username and password do not open this backup (only managers at the time of the backup can).",
        "این نام کاربری و گذرواژه این پشتیبان را باز نمی‌کند (فقط مدیرانِ زمانِ تهیهٔ پشتیبان).",
    )


# ---- the chunked AEAD stream ---------------------------------------------------------------------
def _aad_prefix(header_bytes: bytes) -> bytes:
    return b"maya-backup-v1|" + hashlib.sha256(MAGIC + _U32.pack(len(header_bytes)) + header_bytes).digest()


class _SealedWriter:
    """Buffers plaintext and writes sealed chunks; the last chunk is written (flagged) on close."""

    def __init__(self, out: BinaryIO, key: bytes, aad_prefix: bytes, chunk_size: int) -> None:
        self.out, self.key, self.prefix, self.size = out, key, aad_prefix, chunk_size
        self.buffer = bytearray()
        self.index = 0

    def write(self, data: bytes | memoryview) -> None:
        self.buffer += data
        while len(self.buffer) > self.size:  # more follows: this chunk is not the last
            self._emit(bytes(self.buffer[: self.size]), last=False)
            del self.buffer[: self.size]

    def _emit(self, chunk: bytes, *, last: bool) -> None:
        sealed = seal(self.key, chunk, self.prefix + _CHUNK_AAD.pack(self.index, int(last)))
        self.out.write(_U32.pack(len(sealed)))
        self.out.write(sealed)
        self.index += 1

    def close(self) -> None:
        self._emit(bytes(self.buffer), last=True)
        self.buffer.clear()


def _open_chunks(handle: BinaryIO, total: int, key: bytes, aad_prefix: bytes, chunk_size: int) -> Iterator[bytes]:
    index = 0
    while True:
        head = handle.read(_U32.size)
        if len(head) != _U32.size:
            raise _damaged()
        (length,) = _U32.unpack(head)
        if length > chunk_size + 28 or length < 28:
            raise _damaged()
        sealed = handle.read(length)
        if len(sealed) != length:
            raise _damaged()
        last = handle.tell() == total
        try:
            yield unseal(key, sealed, aad_prefix + _CHUNK_AAD.pack(index, int(last)))
        except DecryptionFailed as exc:
            raise _damaged() from exc
        if last:
            return
        index += 1


class _PlainReader:
    """read_exact over the decrypted chunks (raises the 'damaged' error when the stream ends early)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.buffer = b""
        self.pos = 0

    def read(self, count: int) -> bytes:
        parts: list[bytes] = []
        while count:
            if self.pos == len(self.buffer):
                try:
                    self.buffer, self.pos = next(self.chunks), 0
                except StopIteration:
                    raise _damaged() from None
                continue
            piece = self.buffer[self.pos : self.pos + count]
            self.pos += len(piece)
            count -= len(piece)
            parts.append(piece)
        return b"".join(parts)

    def at_end(self) -> bool:
        while self.pos == len(self.buffer):
            try:
                self.buffer, self.pos = next(self.chunks), 0
            except StopIteration:
                return True
        return False


def _write_entry_head(writer: _SealedWriter, kind: int, name: str, size: int) -> None:
    raw = name.encode("ascii")
    writer.write(_ENTRY.pack(kind, len(raw)) + raw + _SIZE.pack(size))


def _write_file_entry(writer: _SealedWriter, name: str, path: Path) -> int:
    size = path.stat().st_size
    _write_entry_head(writer, ENTRY_FILE, name, size)
    written = 0
    with path.open("rb") as handle:
        while piece := handle.read(_COPY_PIECE):
            writer.write(piece)
            written += len(piece)
    if written != size:
        raise VaultError("A file changed while it was being backed up.", "فایلی هنگام پشتیبان‌گیری تغییر کرد.")
    return size


# ---- reading a backup ----------------------------------------------------------------------------
@dataclass(frozen=True)
class BackupInfo:
    backup_id: str
    created_at: str
    app_version: str
    managers: tuple[str, ...]
    has_recovery_code: bool


def _read_header(handle: BinaryIO) -> tuple[dict[str, Any], bytes]:
    if handle.read(len(MAGIC)) != MAGIC:
        raise _not_a_backup()
    head = handle.read(_U32.size)
    if len(head) != _U32.size:
        raise _damaged()
    (length,) = _U32.unpack(head)
    if not 2 <= length <= MAX_HEADER:
        raise _damaged()
    header_bytes = handle.read(length)
    if len(header_bytes) != length:
        raise _damaged()
    try:
        header = json.loads(header_bytes.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _damaged() from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise _damaged()
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _damaged()
    if version != VERSION:
        raise VaultError(
            f"Backup format version {header.get('version')} is not supported by this version of the app.",
            "نسخهٔ این فایل پشتیبان با این نسخهٔ برنامه سازگار نیست.",
        )
    if not isinstance(header.get("recipients"), list) or not isinstance(header.get("backup_id"), str):
        raise _damaged()
    chunk = header.get("chunk_size")
    if not isinstance(chunk, int) or not 1024 <= chunk <= 64 << 20:
        raise _damaged()
    return header, header_bytes


def read_info(path: str | Path) -> BackupInfo:
    """What the header says (not yet authenticated: it is checked by the first chunk on restore)."""
    with Path(path).open("rb") as handle:
        header, _ = _read_header(handle)
    recips = header["recipients"]
    return BackupInfo(
        header["backup_id"],
        str(header.get("created_at", "")),
        str(header.get("app_version", "")),
        tuple(str(r.get("username")) for r in recips if isinstance(r, dict) and r.get("type") == "manager"),
        any(isinstance(r, dict) and r.get("type") == "recovery" for r in recips),
    )


