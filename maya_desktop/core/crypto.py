"""Small, audited building blocks: random keys, Argon2id, AES-256-GCM sealing, X25519 key wrapping.

Everything else in the program encrypts through these functions, so there is one place to review.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import asdict, dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12


class DecryptionFailed(Exception):
    """Wrong key, or the ciphertext / its associated data was altered."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The defaults follow RFC 9106's second recommended option (64 MiB, t=3, p=4)."""

    iterations: int = 3
    memory_kib: int = 65536
    lanes: int = 4

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


_default_kdf = KdfParams()


def default_kdf() -> KdfParams:
    return _default_kdf


def set_default_kdf(params: KdfParams) -> None:
    """Tests lower the Argon2id cost here; production never calls this."""
    global _default_kdf
    _default_kdf = params


def random_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def derive_password_key(password: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt, length=KEY_BYTES, iterations=params.iterations, lanes=params.lanes, memory_cost=params.memory_kib
    )
    return kdf.derive(password.encode("utf-8"))


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """AES-256-GCM; returns nonce || ciphertext+tag. `aad` binds the blob to its context."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, blob: bytes, aad: bytes) -> bytes:
    if len(blob) < NONCE_BYTES + 16:
        raise DecryptionFailed("ciphertext too short")
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
    except InvalidTag as exc:
        raise DecryptionFailed("authentication failed") from exc


def new_keypair() -> tuple[bytes, bytes]:
    """Returns (private_raw, public_raw) X25519 keys."""
    private = X25519PrivateKey.generate()
    return (
        private.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        ),
        private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw),
    )


def public_of(private_raw: bytes) -> bytes:
    """The X25519 public key of a raw private key (proves a key slot's public half is its own)."""
    private = X25519PrivateKey.from_private_bytes(private_raw)
    return private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _wrap_key_for(shared: bytes, eph_pub: bytes, recipient_pub: bytes, context: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=eph_pub + recipient_pub, info=context).derive(shared)


def wrap_to_public(recipient_pub: bytes, secret: bytes, context: bytes) -> bytes:
    """Encrypt `secret` so only the holder of the X25519 private key can read it (ECIES-style).

    Used so a manager can rotate the database key for every remaining staff member without knowing
    their passwords (only their public keys).
    """
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_pub))
    kek = _wrap_key_for(shared, eph_pub, recipient_pub, context)
    return eph_pub + seal(kek, secret, context)


def unwrap_with_private(private_raw: bytes, blob: bytes, context: bytes) -> bytes:
    private = X25519PrivateKey.from_private_bytes(private_raw)
    recipient_pub = public_of(private_raw)
    eph_pub, sealed = blob[:32], blob[32:]
    shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    return unseal(_wrap_key_for(shared, eph_pub, recipient_pub, context), sealed, context)
