"""Clinic tokens and staff passwords: how they are made, stored and checked.

Tokens are 256-bit random values; HQ keeps only their SHA-256 (a fast hash is enough for a secret with
256 bits of entropy, and it lets every request be checked with one indexed lookup). Staff passwords are
chosen by people, so they get Argon2id (``cryptography``'s, already a dependency of the desktop).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

TOKEN_PREFIX = "mhq_"  # noqa: S105  # nosec B105 - a name, not a secret
# RFC 9106 second recommended option (64 MiB, 3 passes); 4 lanes.
ARGON_MEMORY_KIB, ARGON_ITERATIONS, ARGON_LANES, ARGON_LENGTH = 65536, 3, 4, 32


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def _argon(salt: bytes, memory: int, iterations: int, lanes: int) -> Argon2id:
    return Argon2id(salt=salt, length=ARGON_LENGTH, iterations=iterations, lanes=lanes, memory_cost=memory)


def hash_password(password: str) -> str:
    """PHC-style text: ``$argon2id$v=19$m=..,t=..,p=..$salt$hash``."""
    salt = secrets.token_bytes(16)
    digest = _argon(salt, ARGON_MEMORY_KIB, ARGON_ITERATIONS, ARGON_LANES).derive(password.encode("utf-8"))
    params = f"m={ARGON_MEMORY_KIB},t={ARGON_ITERATIONS},p={ARGON_LANES}"
    return f"$argon2id$v=19${params}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _, kind, _version, params, salt, digest = stored.split("$")
        values = dict(item.split("=") for item in params.split(","))
        kdf = _argon(_unb64(salt), int(values["m"]), int(values["t"]), int(values["p"]))
        if kind != "argon2id":
            return False
        kdf.verify(password.encode("utf-8"), _unb64(digest))
        return True
    except (ValueError, KeyError, InvalidKey):
        return False


def dummy_verify(password: str) -> None:
    """Spend the same time as a real check when the user name is unknown (no user-name oracle by timing)."""
    verify_password(password, _DUMMY)


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


_DUMMY = "$argon2id$v=19$m=65536,t=3,p=4$" + _b64(b"\0" * 16) + "$" + _b64(b"\0" * 32)
