"""Unsaved work kept across a lock: the doctor's findings, landmark moves not yet saved, an open form.

When the screen locks (by hand or after idle minutes) each window hands what it has not saved to
`keep_draft`; after the same person unlocks, `drafts_of` offers it back. A draft is sealed to its author's
key-slot public key (core.crypto.wrap_to_public) inside the already encrypted database, so only the person
who wrote it can read it: another person signing in on this workstation (a "switch user") sees nothing,
not even a manager reading the table. Drafts hold no more than the window showed; `discard_draft` removes one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from maya_desktop.core import keyring
from maya_desktop.core.audit import now_utc
from maya_desktop.core.crypto import DecryptionFailed, unwrap_with_private, wrap_to_public
from maya_desktop.core.db import transaction
from maya_desktop.core.errors import VaultError
from maya_desktop.core.session import Session


@dataclass(frozen=True)
class Draft:
    kind: str  # e.g. "case" (findings + landmark moves of one order), "client_form"
    ref: str  # which one, e.g. the order id
    payload: dict[str, Any]
    saved_at: str


def _context(staff_id: int, kind: str, ref: str) -> bytes:
    return f"maya-draft|v1|staff:{staff_id}|{kind}|{ref}".encode()


def keep_draft(session: Session, kind: str, ref: str, payload: dict[str, Any]) -> None:
    """Seal `payload` (JSON-able) to the signed-in person and keep it, replacing their earlier draft of it."""
    public = session.vault.slots.public_key(session.actor)
    if public is None:
        raise VaultError.coded("vault.no_key_slot")
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()
    sealed = wrap_to_public(public, body, _context(session.staff.id, kind, ref))
    with transaction(session.conn):
        session.conn.execute(
            "INSERT INTO drafts(staff_id, kind, ref, sealed, saved_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(staff_id, kind, ref) DO UPDATE SET sealed = excluded.sealed, saved_at = excluded.saved_at",
            (session.staff.id, kind, ref, sealed, now_utc()),
        )


def drafts_of(session: Session, kind: str | None = None) -> list[Draft]:
    """The signed-in person's drafts (of `kind`), oldest first. A draft that cannot be opened is skipped."""
    held = keyring.identity(session.conn)
    if held is None:
        return []
    sql = "SELECT kind, ref, sealed, saved_at FROM drafts WHERE staff_id = ?"
    params: tuple[Any, ...] = (session.staff.id,)
    if kind is not None:
        sql += " AND kind = ?"
        params += (kind,)
    found: list[Draft] = []
    for row_kind, ref, sealed, saved_at in session.conn.execute(sql + " ORDER BY saved_at, id", params):
        try:
            body = unwrap_with_private(held[1], bytes(sealed), _context(session.staff.id, str(row_kind), str(ref)))
        except (DecryptionFailed, ValueError):
            continue  # sealed to an earlier key pair (a password reset): nobody can open it any more
        found.append(Draft(str(row_kind), str(ref), json.loads(body.decode()), str(saved_at)))
    return found


def discard_draft(session: Session, kind: str, ref: str) -> None:
    with transaction(session.conn):
        session.conn.execute(
            "DELETE FROM drafts WHERE staff_id = ? AND kind = ? AND ref = ?", (session.staff.id, kind, ref)
        )
