"""Who can open a backup: the recovery code and every active manager's key slot (K wrapped once per recipient)."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import re
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from maya_desktop.core.backup.format import RECOVERY_CHECK_BYTES, VERSION, _damaged, _wrong_code, _wrong_manager
from maya_desktop.core.crypto import (
    DecryptionFailed,
    KdfParams,
    derive_password_key,
    unseal,
    unwrap_with_private,
    wrap_to_public,
)
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.keyslots import _b64, _private_aad, _unb64
from maya_desktop.core.persian import to_ascii_digits
from maya_desktop.core.session import Session


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


