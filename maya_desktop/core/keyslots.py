"""The `keyslots` file: the database key wrapped once per staff account, outside the database.

Each slot holds an X25519 key pair whose private half is sealed with a key derived from that
person's password (Argon2id + AES-256-GCM), and the database key wrapped to the public half.
Because wrapping needs only public keys, a manager can rotate the database key when someone
leaves (their old password then opens nothing current) without knowing anyone else's password.

Rotation is crash-safe: the new key is first written to every slot as `next`, then the database is
re-keyed, then `next` is promoted. Opening tries `current`, then `next`.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from maya_desktop.core.crypto import (
    DecryptionFailed,
    KdfParams,
    default_kdf,
    derive_password_key,
    new_keypair,
    seal,
    unseal,
    unwrap_with_private,
    wrap_to_public,
)
from maya_desktop.core.errors import AuthError, VaultError
from maya_desktop.core.portable import create_private_file, fsync_dir

FORMAT = "maya-keyslots"
VERSION = 1


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
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
        tmp = self.path.with_name(self.path.name + ".tmp")
        payload = json.dumps(self.data, indent=1, sort_keys=True).encode("utf-8")
        fd = create_private_file(tmp, replace=True)
        try:
            os.write(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, self.path)
        fsync_dir(self.path.parent)

    # ---- slots ------------------------------------------------------------------------------
    @property
    def generation(self) -> int:
        return int(self.data["generation"])

    def usernames(self) -> list[str]:
        return sorted(self.data["slots"])

    def has(self, username: str) -> bool:
        return username in self.data["slots"]

    def set_password(self, username: str, password: str, db_key: bytes, kdf: KdfParams | None = None) -> None:
        """Create or replace `username`'s slot (new key pair) so that `password` unlocks `db_key`."""
        kdf = kdf or default_kdf()
        private, public = new_keypair()
        salt = secrets.token_bytes(16)
        password_key = derive_password_key(password, salt, kdf)
        self.data["slots"][username] = {
            "kdf": {"name": "argon2id", **kdf.to_dict()},
            "salt": _b64(salt),
            "public": _b64(public),
            "private_sealed": _b64(seal(password_key, private, _private_aad(username))),
            "db_key": _b64(wrap_to_public(public, db_key, _db_key_context(username, self.generation))),
        }

    def remove(self, username: str) -> None:
        self.data["slots"].pop(username, None)

    def unlock(self, username: str, password: str) -> UnlockedSlot:
        slot = self.data["slots"].get(username)
        if slot is None:
            # Same cost and message as a wrong password: do not reveal which usernames exist.
            derive_password_key(password, secrets.token_bytes(16), default_kdf())
            raise _wrong_credentials()
        params = KdfParams(
            iterations=int(slot["kdf"]["iterations"]),
            memory_kib=int(slot["kdf"]["memory_kib"]),
            lanes=int(slot["kdf"]["lanes"]),
        )
        password_key = derive_password_key(password, _unb64(slot["salt"]), params)
        try:
            private = unseal(password_key, _unb64(slot["private_sealed"]), _private_aad(username))
        except DecryptionFailed as exc:
            raise _wrong_credentials() from exc
        try:
            db_key = unwrap_with_private(private, _unb64(slot["db_key"]), _db_key_context(username, self.generation))
            next_key = None
            if "next_db_key" in slot:
                next_key = unwrap_with_private(
                    private, _unb64(slot["next_db_key"]), _db_key_context(username, self.generation + 1)
                )
        except DecryptionFailed as exc:
            raise VaultError(
                f"Key slot of this account is damaged: {self.path}", f"کلید این حساب در فایل {self.path} آسیب دیده است"
            ) from exc
        return UnlockedSlot(username, private, db_key, next_key)

    # ---- rotation ---------------------------------------------------------------------------
    def stage_rotation(self, new_db_key: bytes) -> None:
        """Step 1 of a rotation: wrap the new key for every remaining slot, as `next_db_key`."""
        for username, slot in self.data["slots"].items():
            public = _unb64(slot["public"])
            slot["next_db_key"] = _b64(
                wrap_to_public(public, new_db_key, _db_key_context(username, self.generation + 1))
            )

    def finish_rotation(self) -> None:
        """Step 3: the database now uses the new key; promote `next_db_key` everywhere."""
        for slot in self.data["slots"].values():
            if "next_db_key" in slot:
                slot["db_key"] = slot.pop("next_db_key")
        self.data["generation"] = self.generation + 1

    def rotation_pending(self) -> bool:
        return any("next_db_key" in slot for slot in self.data["slots"].values())


def _wrong_credentials() -> AuthError:
    return AuthError("Wrong username or password.", "نام کاربری یا گذرواژه درست نیست.")
