"""Encrypted, integrity-checked backups of a whole data folder, and restoring them (DESIGN §4).

What a backup holds: a consistent copy of ``maya.db`` (still SQLCipher-encrypted with the DB key),
the ``keyslots`` file, the DB key, and every encrypted file of ``photos/`` (ciphertext as-is).
All of it is one stream, encrypted again with the backup's own random 256-bit key K.

Who can open it (K is wrapped once per "recipient" in the header):

- the **recovery code** (manual backups): a fresh random 256-bit secret shown once to the manager
  who made the backup, as 14 groups of 4 base32 characters (the last 3 bytes are a checksum, so a
  mistyped code is told apart from a wrong one). K is sealed with HKDF(code, backup id).
- every **active manager's password**: K is wrapped to the public half of that manager's key slot
  (the same X25519 pair the ``keyslots`` file uses), and the slot's password-sealed private half is
  copied into the header. So scheduled backups need nobody's password, and a manager opens a backup
  with the password they had *when it was made*. Staff removed before the backup are not recipients,
  and the DB key inside it is the rotated one, so their old key slot opens nothing in it.

File format (version 1)::

    b"MAYABAK1" | header_len:u32 | header (UTF-8 JSON, no personal data) | { sealed_len:u32 | sealed }*

Each sealed chunk is AES-256-GCM (core.crypto.seal) of up to ``chunk_size`` plaintext bytes, with
associated data = "maya-backup-v1|" + SHA-256(magic + header) + chunk index (u64) + last-chunk flag (u8).
So altering the header, altering / re-ordering / dropping a chunk, truncating the file or appending to
it is detected. Inside, the plaintext stream is a list of entries ``type:u8 | name_len:u16 | name |
size:u64 | data`` ending with an end entry; names are checked against a fixed pattern on restore.

The header is not secret: it names the managers who can open the backup (usernames, never client data)
and holds their Argon2id-sealed private keys, exactly as the ``keyslots`` file beside the database does.

Consistency while the app runs: a second connection takes the database's write lock (``BEGIN
IMMEDIATE``: app writes wait, reads go on) for the short time it takes to copy the database with the
SQLite backup API and to hard-link the referenced ciphertext files into a staging folder inside the
data folder's ``backups/``. Since order files are only deleted after a commit, none can vanish from
under the copy. Everything in the staging folder is ciphertext, but together with the database copy it
opens every order of the moment: it is removed when the backup is done, and what a crash leaves (the
staging folder, the partial ``<out>.tmp-*``) is removed at the next login and by ``purge``
(`core.leftovers`). Orders already due for destruction are destroyed before anything is copied.

Restore decrypts into a hidden folder beside the target, checks every page of the database, the audit
chain and the file list, and only then renames the folder into place: a tampered, truncated or wrong
file leaves nothing behind.

A backup is a copy of data the clinic promised to destroy: it keeps orders (and their keys) until the
backup itself is deleted. Scheduled backups therefore have a short retention (``backup.retention_days``,
default 7) and are deleted when it passes.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import secrets
import shutil
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import sqlcipher3
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from maya_desktop import __version__
from maya_desktop.core import audit, db, leftovers
from maya_desktop.core.crypto import (
    DecryptionFailed,
    KdfParams,
    derive_password_key,
    random_key,
    seal,
    unseal,
    unwrap_with_private,
    wrap_to_public,
)
from maya_desktop.core.errors import AuthError, StateError, ValidationError, VaultError
from maya_desktop.core.keyslots import _private_aad
from maya_desktop.core.persian import to_ascii_digits
from maya_desktop.core.portable import create_private_file, fsync_dir
from maya_desktop.core.session import Session
from maya_desktop.core.settings import get_setting, set_setting

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


# ---- recovery code -------------------------------------------------------------------------------
def format_recovery_code(secret: bytes) -> str:
    check = hashlib.sha256(b"maya-recovery|" + secret).digest()[:RECOVERY_CHECK_BYTES]
    text = base64.b32encode(secret + check).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_code(code: str) -> bytes:
    """The 32-byte secret of a typed code. ValidationError (fa/en) when it is mistyped."""
    text = re.sub(r"[\s\-_.]", "", to_ascii_digits(code or "")).upper()
    text = text.translate(str.maketrans("018", "OIB"))  # digits base32 does not use, typed for letters
    mistyped = ValidationError(
        "The recovery code is mistyped (check each group of 4 characters).",
        "کد بازیابی درست وارد نشده است؛ گروه‌های ۴ حرفی را دوباره بررسی کنید.",
        "recovery_code",
    )
    if len(text) != 56 or not re.fullmatch(r"[A-Z2-7]+", text):
        raise mistyped
    raw = base64.b32decode(text + "=" * (-len(text) % 8))
    secret, check = raw[:32], raw[32:]
    if hashlib.sha256(b"maya-recovery|" + secret).digest()[:RECOVERY_CHECK_BYTES] != check:
        raise mistyped
    return secret


def _recovery_kek(secret: bytes, backup_id: str) -> bytes:
    info = f"maya-backup-recovery|v{VERSION}|{backup_id}".encode("ascii")
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret)


def _manager_context(backup_id: str, username: str) -> bytes:
    return f"maya-backup-key|v{VERSION}|{backup_id}|{username}".encode()


def _recovery_aad(backup_id: str) -> bytes:
    return f"maya-backup-recovery-wrap|v{VERSION}|{backup_id}".encode("ascii")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


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


# ---- making a backup -----------------------------------------------------------------------------
@dataclass(frozen=True)
class BackupResult:
    path: Path
    backup_id: str
    files: int  # encrypted order files included
    size: int  # bytes of the backup file
    recovery_code: str | None  # shown once; never stored or logged
    managers: tuple[str, ...]  # usernames whose password also opens it


def _recipients(session: Session, key: bytes, backup_id: str) -> tuple[list[dict[str, Any]], tuple[str, ...]]:
    from maya_desktop.core.vault import bound_publics  # lazy: the vault imports migrations -> orders

    slots = session.vault.slots
    active_managers = bound_publics(session.conn, role="manager")  # the database's record, not the file's
    recipients: list[dict[str, Any]] = []
    names = []
    for username in slots.usernames():
        if username not in active_managers:
            continue
        slot = slots.data["slots"][username]
        public = active_managers[username]
        recipients.append(
            {
                "type": "manager",
                "username": username,
                "kdf": slot["kdf"],
                "salt": slot["salt"],
                "private_sealed": slot["private_sealed"],
                "wrapped": _b64(wrap_to_public(public, key, _manager_context(backup_id, username))),
            }
        )
        names.append(username)
    return recipients, tuple(names)


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


def _unwrap_key(header: dict[str, Any], recovery_code: str | None, username: str | None, password: str | None) -> bytes:
    backup_id = header["backup_id"]
    recipients = [r for r in header["recipients"] if isinstance(r, dict)]
    try:
        if recovery_code:
            secret = parse_recovery_code(recovery_code)
            for r in recipients:
                if r.get("type") == "recovery":
                    with contextlib.suppress(DecryptionFailed):
                        return unseal(_recovery_kek(secret, backup_id), _unb64(r["wrapped"]), _recovery_aad(backup_id))
            raise _wrong_code()
        if username and password is not None:
            name = username.strip().lower()
            for r in recipients:
                if r.get("type") == "manager" and r.get("username") == name:
                    params = KdfParams(
                        iterations=int(r["kdf"]["iterations"]),
                        memory_kib=int(r["kdf"]["memory_kib"]),
                        lanes=int(r["kdf"]["lanes"]),
                    )
                    password_key = derive_password_key(password, _unb64(r["salt"]), params)
                    try:
                        private = unseal(password_key, _unb64(r["private_sealed"]), _private_aad(name))
                        return unwrap_with_private(private, _unb64(r["wrapped"]), _manager_context(backup_id, name))
                    except DecryptionFailed as exc:
                        raise _wrong_manager() from exc
            raise _wrong_manager()
    except (KeyError, TypeError, ValueError) as exc:  # a recipient entry that is not what we wrote
        raise _damaged() from exc
    raise ValidationError(
        "Give the recovery code, or a manager's username and password.",
        "کد بازیابی یا نام کاربری و گذرواژهٔ یک مدیر را وارد کنید.",
        "recovery_code",
    )


@dataclass(frozen=True)
class RestoreResult:
    data_dir: Path
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
        target, header["backup_id"], str(header.get("created_at", "")), len(file_names), clients, orders, entries
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


# ---- scheduled backups ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ScheduledResult:
    status: str  # "not_configured" | "not_due" | "created"
    created: BackupResult | None = None
    removed: tuple[str, ...] = ()  # expired backup files deleted (names only)


def configure_scheduled_backup(
    session: Session, folder: str | Path | None, retention_days: int = DEFAULT_RETENTION_DAYS
) -> None:
    """Manager: choose the folder for the automatic daily backup (None turns it off) and its retention."""
    session.require("settings.manage")
    if isinstance(retention_days, bool) or not isinstance(retention_days, int) or not 1 <= retention_days <= 365:
        raise ValidationError(
            "Keep backups between 1 and 365 days.", "نگه‌داری پشتیبان باید بین ۱ تا ۳۶۵ روز باشد.", "retention_days"
        )
    value = None
    if folder is not None:
        path = Path(folder).expanduser().resolve()
        data_dir = session.vault.data_dir
        if path == data_dir.blobs or data_dir.blobs in path.parents:
            raise ValidationError("Choose a folder outside photos/.", "پوشه‌ای بیرون از photos/ انتخاب کنید.", "folder")
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        value = str(path)
    with db.transaction(session.conn):
        set_setting(session.conn, "backup.folder", value)
        set_setting(session.conn, "backup.retention_days", retention_days)
        session.audit("backup.configured", "", {"enabled": value is not None, "retention_days": retention_days})


def scheduled_name(moment: dt.datetime) -> str:
    return f"{SCHEDULED_PREFIX}{moment.astimezone(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}{SUFFIX}"


def _scheduled_files(folder: Path) -> list[tuple[dt.datetime, Path]]:
    found = []
    for entry in folder.iterdir():
        match = SCHEDULED_RE.match(entry.name)
        if match and entry.is_file():
            when = dt.datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
            found.append((when, entry))
    return sorted(found)


def prune_backups(folder: Path, retention_days: int, now: dt.datetime) -> list[str]:
    """Delete scheduled backups older than the retention, and leftovers of interrupted writes."""
    removed = []
    cutoff = now - dt.timedelta(days=retention_days)
    for when, path in _scheduled_files(folder):
        if when <= cutoff:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path.name)
    for entry in folder.iterdir():
        if entry.name.startswith(SCHEDULED_PREFIX) and TMP_MARK in entry.name and entry.is_file():
            with contextlib.suppress(FileNotFoundError):
                entry.unlink()
                removed.append(entry.name)
    if removed:
        fsync_dir(folder)
    return removed


def run_scheduled_backup(session: Session, now: dt.datetime | None = None) -> ScheduledResult:
    """Call from a timer (e.g. hourly): deletes expired backups, and makes today's backup when due.

    Settings: ``backup.folder`` (None = off), ``backup.retention_days`` (default 7).
    """
    now = now or dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    folder_value = get_setting(session.conn, "backup.folder")
    if not folder_value:
        return ScheduledResult("not_configured")
    retention = get_setting(session.conn, "backup.retention_days")
    retention = DEFAULT_RETENTION_DAYS if retention is None else max(1, int(retention))
    folder = Path(folder_value)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    removed = prune_backups(folder, retention, now)
    existing = _scheduled_files(folder)
    if existing and now - existing[-1][0] < DAILY:
        return ScheduledResult("not_due", None, tuple(removed))
    result = create_backup(session, folder / scheduled_name(now), recovery_code=False, scheduled=True)
    return ScheduledResult("created", result, tuple(removed))
