"""Who is holding a connection: the signed-in person's staff id and key-slot private key, in memory only.

An order's key, once the client consented, is kept wrapped to the consented doctor's and the managers'
key-slot public keys (`core.orders.keys`); unwrapping needs the private key that the person's password
unsealed at login. Core functions receive a connection, so the vault registers the identity per
connection here (by id: SQLCipher connections take no weak references) and forgets it on close.
"""

from __future__ import annotations

from typing import Any

_IDENTITIES: dict[int, tuple[int, bytes]] = {}


def register(conn: Any, staff_id: int, private_key: bytes) -> None:
    _IDENTITIES[id(conn)] = (staff_id, private_key)


def forget(conn: Any) -> None:
    _IDENTITIES.pop(id(conn), None)


def identity(conn: Any) -> tuple[int, bytes] | None:
    """(staff id, private key) of the person using `conn`, or None (a raw or background connection)."""
    return _IDENTITIES.get(id(conn))
