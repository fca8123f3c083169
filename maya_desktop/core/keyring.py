"""Key material held in memory while the vault is unlocked, in buffers that locking zeroes.

`SecretBytes` keeps a key in a mutable buffer shared (never copied) by everyone who needs it: the vault,
its worker sessions, the background integrity check, and the workers' key providers. `wipe()` overwrites
it with zeros, so after a lock no Python object holds the DB key or the key-slot private key.

The identity registry says who is holding a connection: the signed-in person's staff id and key-slot private
key. An order's key, once the client consented, is kept wrapped to the consented doctor's and the managers'
key-slot public keys (`core.orders.keys`); unwrapping needs the private key that the person's password
unsealed at login. Core functions receive a connection, so the vault registers the identity per
connection here (by id: SQLCipher connections take no weak references) and forgets it on close or lock.
"""

from __future__ import annotations

import threading
from typing import Any


class SecretBytes:
    """A secret in a bytearray: shared by reference, zeroed by `wipe`. Empty (falsy) once wiped."""

    __slots__ = ("_buffer", "_guard")

    def __init__(self, value: bytes | bytearray = b"") -> None:
        self._buffer = bytearray(value)
        self._guard = threading.Lock()

    def get(self) -> bytes:
        """A short-lived copy for a call that needs `bytes` (drop it after use); b"" once wiped."""
        with self._guard:
            return bytes(self._buffer)

    def buffer(self) -> bytearray:
        """The buffer itself, for calls that accept any bytes-like object (no copy is made)."""
        return self._buffer

    def replace(self, value: bytes | bytearray) -> None:
        with self._guard:
            self._zero()
            self._buffer.extend(value)

    def wipe(self) -> None:
        with self._guard:
            self._zero()

    def _zero(self) -> None:
        for index in range(len(self._buffer)):
            self._buffer[index] = 0
        del self._buffer[:]

    def __bool__(self) -> bool:
        return bool(self._buffer)

    def __repr__(self) -> str:
        return f"SecretBytes({'held' if self._buffer else 'wiped'})"


_IDENTITIES: dict[int, tuple[int, SecretBytes]] = {}


def register(conn: Any, staff_id: int, private_key: SecretBytes) -> None:
    _IDENTITIES[id(conn)] = (staff_id, private_key)


def forget(conn: Any) -> None:
    _IDENTITIES.pop(id(conn), None)


def identity(conn: Any) -> tuple[int, bytes] | None:
    """(staff id, private key) of the person using `conn`, or None (a raw or background connection, or locked)."""
    held = _IDENTITIES.get(id(conn))
    if held is None or not held[1]:
        return None
    return held[0], held[1].get()
