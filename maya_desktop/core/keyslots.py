"""The `keyslots` file: the database key wrapped once per staff account, outside the database.

Each slot holds an X25519 key pair whose private half is sealed with a key derived from that
person's password (Argon2id + AES-256-GCM), and the database key wrapped to the public half.
Because wrapping needs only public keys, a manager can rotate the database key when someone
leaves (their old password then opens nothing current) without knowing anyone else's password.

Rotation is crash-safe: the new key is first written to every slot as `next`, then the database is
re-keyed, then `next` is promoted. Opening tries `current`, then `next`.

The file itself is writable by anyone who can copy it, so nothing in it is trusted on its own word:
each staff member's public key is also recorded inside the encrypted database (`staff.slot_public`,
set when the slot is made, or proven at login by the owner's own private key), and a rotation wraps
the new key only for staff who are active in the database, to the public key the database holds.
A slot with no active staff member behind it (a planted "ghost") or whose public key differs from
the recorded one is refused by name (see `vault.py`). The file also carries the audit chain's
anchor (`core.audit`): sequence number and a keyed tag of the head, nothing else.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from maya_desktop.core.crypto import (
    DecryptionFailed,
    KdfParams,
    default_kdf,
    derive_password_key,
    new_keypair,
    public_of,
    seal,
    unseal,
    unwrap_with_private,
    wrap_to_public,
)
from maya_desktop.core.errors import AuthError, VaultError
from maya_desktop.core.portable import create_private_file, fsync_dir

FORMAT = "maya-keyslots"
VERSION = 1
# Argon2id parameters a slot may ask for: a damaged or hostile file must not make a login take forever
# or allocate gigabytes (RFC 9106 ranges, capped at 2 GiB of memory).
MAX_KDF_ITERATIONS = 64
MAX_KDF_MEMORY_KIB = 2 * 1024 * 1024
MAX_KDF_LANES = 64


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _private_aad(username: str) -> bytes:
    return f"maya-keyslot-private|v{VERSION}|{username}".encode()


def _db_key_context(username: str, generation: int) -> bytes:
    return f"maya-db-key|v{VERSION}|{username}|{generation}".encode()


@dataclass
class UnlockedSlot:
    """What a correct password yields: the private key (kept in memory only) and the DB key(s)."""

    username: str
    private_key: bytes
    db_key: bytes
    next_db_key: bytes | None


class KeySlots:
    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data
        self._write_lock = threading.Lock()  # a worker session shares this object with the GUI's

    # ---- file -------------------------------------------------------------------------------
    @classmethod
    def new(cls, path: Path) -> KeySlots:
        return cls(path, {"format": FORMAT, "version": VERSION, "generation": 1, "slots": {}})

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise VaultError(f"Key slot file is missing: {path}", f"فایل کلیدهای دسترسی پیدا نشد: {path}") from exc
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise VaultError(f"Key slot file is damaged: {path}", f"فایل کلیدهای دسترسی آسیب دیده است: {path}") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("slots"), dict):
            raise VaultError(f"Not a Maya key slot file: {path}", f"این فایل، فایل کلید مایا نیست: {path}")
        if data.get("version") != VERSION:
            raise VaultError(
                f"Key slot file version {data.get('version')} is not supported: {path}",
                f"نسخهٔ فایل کلیدها پشتیبانی نمی‌شود: {path}",
            )
        return cls(path, data)

    def save(self) -> None:
        """Atomic replace: write beside, fsync, rename, fsync the folder."""
        with self._write_lock:
            _write_atomic(self.path, self.data)
        fsync_dir(self.path.parent)

    def _on_disk(self) -> Any:
        """The file as another process may have left it (our copy when it cannot be read)."""
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return self.data

    # ---- audit anchor (core.audit): sequence + keyed tag of the chain head, nothing else ----
    def audit_anchor(self) -> tuple[int, str] | None:
        anchor = self.data.get("audit_anchor")
        if not isinstance(anchor, dict):
            return None
        seq, tag = anchor.get("seq"), anchor.get("tag")
        if not isinstance(seq, int) or isinstance(seq, bool) or not isinstance(tag, str):
            return None
        return seq, tag

    def save_audit_anchor(self, seq: int, tag: str) -> None:
        """Record the audit head after a commit. Re-reads the file so another process's newer anchor
        (or slots) is not overwritten; never moves the anchor backwards. The data is fsynced before the
        rename (a power cut leaves the old anchor, which is only weaker, never a false alarm)."""
        with self._write_lock:
            on_disk = self._on_disk()
            current = on_disk.get("audit_anchor") if isinstance(on_disk, dict) else None
            if isinstance(current, dict) and isinstance(current.get("seq"), int) and current["seq"] >= seq:
                return
            anchor = {"seq": seq, "tag": tag}
            on_disk["audit_anchor"] = anchor
            self.data["audit_anchor"] = anchor
            _write_atomic(self.path, on_disk)

    def mend_refused(self, names: list[str], bound: dict[str, bytes], db_key: bytes) -> tuple[list[str], list[str]]:
        """A manager's sign-in deals with the slots among `names` that still fail authentication against
        `bound` (username -> the public key the database recorded for active staff): a slot of nobody
        active (a ghost) is removed; a slot of an active person whose public key was swapped gets the
        recorded key back and the current DB key wrapped to it (as a rotation would), so its owner signs
        in again and the swapped key opens nothing. Re-reads the file first, so a slot another process
        made or replaced meanwhile is judged as it is now. Returns (removed, repaired) usernames."""
        with self._write_lock:
            on_disk = self._on_disk()
            slots = on_disk.get("slots") if isinstance(on_disk, dict) else None
            if not isinstance(slots, dict) or on_disk.get("generation") != self.generation:
                return [], []  # a rotation moved on meanwhile: the next sign-in judges the new file
            failing = [name for name in names if name in slots and _slot_public(slots[name]) != bound.get(name)]
            removed = [name for name in failing if name not in bound]
            repaired = [name for name in failing if name in bound and isinstance(slots[name], dict)]
            if not failing:
                return [], []
            for name in removed:
                slots.pop(name)
                self.data["slots"].pop(name, None)
            for name in repaired:
                slot = slots[name]
                slot["public"] = _b64(bound[name])
                slot["db_key"] = _b64(wrap_to_public(bound[name], db_key, _db_key_context(name, self.generation)))
                slot.pop("next_db_key", None)
                self.data["slots"][name] = slot
            _write_atomic(self.path, on_disk)
        fsync_dir(self.path.parent)
        return removed, repaired

    # ---- slots ------------------------------------------------------------------------------
    @property
    def generation(self) -> int:
        return int(self.data["generation"])

    def usernames(self) -> list[str]:
        return sorted(self.data["slots"])

    def set_password(
        self, username: str, password: str, db_key: bytes, kdf: KdfParams | None = None, private: bytes | None = None
    ) -> bytes:
        """Create or replace `username`'s slot so that `password` unlocks `db_key`. A new key pair, unless
        `private` (the person changing their own password) keeps theirs: what was wrapped to it stays theirs.
        Returns the private key (memory only)."""
        kdf = kdf or default_kdf()
        private, public = (private, public_of(private)) if private is not None else new_keypair()
        salt = secrets.token_bytes(16)
        password_key = derive_password_key(password, salt, kdf)
        self.data["slots"][username] = {
            "kdf": {"name": "argon2id", **kdf.to_dict()},
            "salt": _b64(salt),
            "public": _b64(public),
            "private_sealed": _b64(seal(password_key, private, _private_aad(username))),
            "db_key": _b64(wrap_to_public(public, db_key, _db_key_context(username, self.generation))),
        }
        return private

    def public_key(self, username: str) -> bytes | None:
        """The public key the file claims for `username` (not trusted: compare with the database)."""
        return _slot_public(self.data["slots"].get(username))

    def remove(self, username: str) -> None:
        self.data["slots"].pop(username, None)

    def unlock(self, username: str, password: str) -> UnlockedSlot:
        slot = self.data["slots"].get(username)
        if slot is None:
            # Same cost and message as a wrong password: do not reveal which usernames exist.
            derive_password_key(password, secrets.token_bytes(16), default_kdf())
            raise _wrong_credentials()
        try:
            params, salt, sealed = _slot_kdf(slot)
        except (KeyError, TypeError, ValueError, binascii.Error) as exc:
            raise self.damaged(username) from exc
        password_key = derive_password_key(password, salt, params)
        try:
            private = unseal(password_key, sealed, _private_aad(username))
        except DecryptionFailed as exc:
            raise _wrong_credentials() from exc
        if self.public_key(username) != public_of(private):
            raise self.refused(username)  # someone replaced this slot's public key in the file
        try:
            db_key = unwrap_with_private(private, _unb64(slot["db_key"]), _db_key_context(username, self.generation))
            next_key = None
            if "next_db_key" in slot:
                next_key = unwrap_with_private(
                    private, _unb64(slot["next_db_key"]), _db_key_context(username, self.generation + 1)
                )
        except (DecryptionFailed, KeyError, TypeError, ValueError, binascii.Error) as exc:
            raise self.damaged(username) from exc
        return UnlockedSlot(username, private, db_key, next_key)

    def damaged(self, username: str) -> VaultError:
        return VaultError(
            f"The key slot of account '{username}' is damaged (salt, key-derivation settings or keys): {self.path}."
            " A manager can set a new password for this account.",
            f"کلید دسترسی حساب «{username}» در فایل {self.path} آسیب دیده است؛ مدیر می‌تواند گذرواژهٔ تازه‌ای بگذارد.",
        )

    def refused(self, username: str) -> VaultError:
        return VaultError(
            f"The key slot of account '{username}' failed authentication (it does not match the staff list"
            f" in the database) and is refused: {self.path}. A manager can set a new password for this account.",
            f"کلید دسترسی حساب «{username}» با فهرست کارکنان در پایگاه داده نمی‌خواند و پذیرفته نشد؛"
            " مدیر می‌تواند گذرواژهٔ تازه‌ای برای این حساب بگذارد.",
        )

    # ---- rotation ---------------------------------------------------------------------------
    def stage_rotation(self, new_db_key: bytes, recipients: dict[str, bytes]) -> list[str]:
        """Step 1 of a rotation: wrap the new key, as `next_db_key`, only for `recipients` (username ->
        the public key the database recorded for that active staff member). Every other slot in the file
        is dropped; their usernames are returned (refused by name)."""
        refused = []
        for username in list(self.data["slots"]):
            public = recipients.get(username)
            if public is None:
                refused.append(username)
                self.data["slots"].pop(username)
                continue
            slot = self.data["slots"][username]
            slot["public"] = _b64(public)  # the database's record wins over whatever the file said
            slot["next_db_key"] = _b64(
                wrap_to_public(public, new_db_key, _db_key_context(username, self.generation + 1))
            )
        return refused

    def finish_rotation(self) -> None:
        """Step 3: the database now uses the new key; promote `next_db_key` everywhere."""
        for slot in self.data["slots"].values():
            if "next_db_key" in slot:
                slot["db_key"] = slot.pop("next_db_key")
        self.data["generation"] = self.generation + 1

    def rotation_pending(self) -> bool:
        return any("next_db_key" in slot for slot in self.data["slots"].values())


def _slot_public(slot: Any) -> bytes | None:
    try:
        return _unb64(slot["public"]) if isinstance(slot, dict) else None
    except (KeyError, TypeError, ValueError, binascii.Error):
        return None


def _slot_kdf(slot: dict[str, Any]) -> tuple[KdfParams, bytes, bytes]:
    """Parse and bound a slot's Argon2id settings, salt and sealed private key (ValueError when unusable)."""
    kdf = slot["kdf"]
    params = KdfParams(iterations=int(kdf["iterations"]), memory_kib=int(kdf["memory_kib"]), lanes=int(kdf["lanes"]))
    if kdf.get("name", "argon2id") != "argon2id":
        raise ValueError("unknown key derivation")
    if not (
        1 <= params.iterations <= MAX_KDF_ITERATIONS
        and 1 <= params.lanes <= MAX_KDF_LANES
        and 8 * params.lanes <= params.memory_kib <= MAX_KDF_MEMORY_KIB
    ):
        raise ValueError("key derivation settings out of range")
    salt = _unb64(slot["salt"])
    if not 8 <= len(salt) <= 64:
        raise ValueError("salt length")
    return params, salt, _unb64(slot["private_sealed"])


def _write_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write beside under a unique name (two processes may save at once), fsync, rename."""
    tmp = path.with_name(f"{path.name}.tmp-{secrets.token_hex(6)}")
    payload = json.dumps(data, indent=1, sort_keys=True).encode("utf-8")
    fd = create_private_file(tmp)
    try:
        try:
            os.write(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _wrong_credentials() -> AuthError:
    return AuthError("Wrong username or password.", "نام کاربری یا گذرواژه درست نیست.")
