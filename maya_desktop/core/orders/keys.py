"""Per-order data keys. Deleting the row (secure_delete is ON) crypto-shreds every file of the order.

The key sits in `order_keys` inside the SQLCipher database, so at rest it is wrapped by the DB key;
it is never written anywhere else and never logged. `key_id` is a random label for receipts.

Consent by cryptography (issue 12). While the order is imported and analysed (draft, photos_imported),
the key is readable with the DB key: reception works on the photos. When the analysis is completed
(`seal_after_analysis`, called by `photos.complete_analysis`, the same step for a document order),
the key is replaced by ``key XOR mask`` and the random mask is wrapped to every active manager's
key-slot public key (`order_key_wraps`, the recovery path: break-glass, court export). From then on the
database, even opened with raw SQLCipher and a password, yields nothing to reception through quote,
payment and consent; what reception keeps using (the quote, the quote's basis, scanned consent forms)
moves to a separate `record_key` first.

Granting the doctor at consent without reception holding the key. Reception records the consent but
must not be able to read the key, so it cannot wrap the mask itself, and anything stored for the doctor
readable with the DB key alone would open the photos to every doctor before consent. The way out is a
wrap *within* a wrap ("offers", `order_key_offers`): at sealing time, while the mask is in memory,
the mask is wrapped to each active doctor's public key (W_d, exactly the wrap the doctor will use), and
W_d is wrapped again to each active receptionist's public key. At consent the receptionist unwraps
the outer layer with their own private key and stores W_d as the doctor's wrap (`release_offer`):
the doctor reads the photos at once, no manager needed. What each person can reach alone:
- reception: W_d for every doctor, each opening only with that doctor's private key: nothing;
- a doctor: offers wrapped to reception's keys: nothing, until reception releases theirs;
- together (a receptionist and a doctor colluding) they get what recording the consent would give, just
  without the audit entry; that is the limit of this design, stated in the README.
Revoking consent deletes the doctor's wrap; the offers stay, so a consent given again is released at
once too. Doctors and receptionists added, or given a new key pair, after the seal have no offer for
that order until a manager's session makes it (`offer_missing`, run by `grant_missing`: at once in the
session of the manager who adds or resets them, else at a manager's sign-in or housekeeping tick); a
consent recorded before that is wrapped by a manager's session too.
Orders analysed before this rule are sealed by the next sign-in's housekeeping (`core.orders.sealing`).
"""

from __future__ import annotations

import secrets
from typing import Any

from maya_desktop.core import keyring
from maya_desktop.core.crypto import DecryptionFailed, random_key, unwrap_with_private, wrap_to_public
from maya_desktop.core.errors import PermissionDenied, StateError
from maya_desktop.core.orders import clock


def create_order_key(conn: Any, order_id: int) -> str:
    """Make the order's random 256-bit key (inside the caller's transaction). Returns its key id."""
    key_id = "k_" + secrets.token_hex(8)
    conn.execute(
        "INSERT INTO order_keys(order_id, key_id, data_key, created_at) VALUES (?, ?, ?, ?)",
        (order_id, key_id, random_key(), clock.text()),
    )
    return key_id


def _destroyed() -> StateError:
    return StateError(
        "This order's files were destroyed; nothing can be decrypted.",
        "فایل‌های این سفارش نابود شده‌اند و دیگر قابل بازگشایی نیستند.",
    )


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


def _wrap_context(order_id: int, staff_id: int) -> bytes:
    return f"maya-order-key-mask|v1|order:{order_id}|staff:{staff_id}".encode("ascii")


def _mask(conn: Any, order_id: int) -> bytes | None:
    """The order's mask, unwrapped with the private key of the person using `conn`; None if not theirs."""
    holder = keyring.identity(conn)
    if holder is None:
        return None
    staff_id, private = holder
    row = conn.execute(
        "SELECT wrapped FROM order_key_wraps WHERE order_id = ? AND staff_id = ?", (order_id, staff_id)
    ).fetchone()
    if row is None:
        return None
    try:
        return unwrap_with_private(private, bytes(row[0]), _wrap_context(order_id, staff_id))
    except DecryptionFailed:
        return None


def _key_row(conn: Any, order_id: int) -> dict[str, Any]:
    cur = conn.execute("SELECT * FROM order_keys WHERE order_id = ?", (order_id,))  # older schemas lack columns
    row = cur.fetchone()
    if row is None:
        raise _destroyed()
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def order_key(conn: Any, order_id: int) -> bytes:
    row = _key_row(conn, order_id)
    if not row.get("sealed"):
        return bytes(row["data_key"])
    mask = _mask(conn, order_id)
    if mask is None:
        raise PermissionDenied(
            "Since its analysis was completed, this order's files open only with the consented doctor's or a"
            " manager's key; yours does not open them (a manager can re-run the analysis or grant access).",
            "پس از پایان تحلیل، فایل‌های این سفارش فقط با کلید پزشک مورد رضایت یا مدیران باز می‌شوند و کلید شما"
            " آن‌ها را باز نمی‌کند (مدیر می‌تواند دسترسی بدهد).",
        )
    return _xor(bytes(row["data_key"]), mask)


def key_id(conn: Any, order_id: int) -> str | None:
    row = conn.execute("SELECT key_id FROM order_keys WHERE order_id = ?", (order_id,)).fetchone()
    return None if row is None else str(row[0])


def is_sealed(conn: Any, order_id: int) -> bool:
    return bool(_key_row(conn, order_id).get("sealed"))


def record_key(conn: Any, order_id: int) -> bytes:
    """The key of what reception keeps using after consent (quote breakdown, scanned consent forms):
    the order's own `record_key` once it has one, else (orders from before the seal) the data key."""
    record = _key_row(conn, order_id).get("record_key")
    return bytes(record) if record is not None else order_key(conn, order_id)


def new_record_key(conn: Any, order_id: int) -> tuple[bytes, bytes] | None:
    """Give an order its `record_key` (inside the caller's transaction) while its data key is still
    readable. Returns (old key, new key) so the caller re-seals what it sealed with the old one; None
    when the order already has one."""
    if _key_row(conn, order_id).get("record_key") is not None:
        return None
    old = order_key(conn, order_id)
    new = random_key()
    conn.execute("UPDATE order_keys SET record_key = ? WHERE order_id = ?", (new, order_id))
    return old, new


def recipients(conn: Any, doctor_id: int | None) -> dict[int, bytes]:
    """staff id -> key-slot public key (the database's record) of `doctor_id` and every active manager."""
    rows = conn.execute(
        "SELECT id, slot_public FROM staff"
        " WHERE active = 1 AND slot_public IS NOT NULL AND (role = 'manager' OR id = ?)",
        (doctor_id,),
    )
    return {int(staff_id): bytes(public) for staff_id, public in rows}


def _put_wraps(conn: Any, order_id: int, mask: bytes, to: dict[int, bytes]) -> None:
    for staff_id, public in to.items():
        conn.execute(
            "INSERT OR REPLACE INTO order_key_wraps(order_id, staff_id, wrapped) VALUES (?, ?, ?)",
            (order_id, staff_id, wrap_to_public(public, mask, _wrap_context(order_id, staff_id))),
        )


def seal(conn: Any, order_id: int, to: dict[int, bytes]) -> None:
    """Keep the data key only as key XOR mask, the mask wrapped to `to` and offered to every active doctor
    through every active receptionist (see the module docstring; inside the caller's transaction)."""
    key = order_key(conn, order_id)
    mask = random_key()
    conn.execute("UPDATE order_keys SET data_key = ?, sealed = 1 WHERE order_id = ?", (_xor(key, mask), order_id))
    _put_wraps(conn, order_id, mask, to)
    _put_offers(conn, order_id, mask)


def seal_after_analysis(conn: Any, order_id: int) -> bool:
    """The order leaves import/analysis: seal its key to the managers (consent adds the doctor). Call
    after `new_record_key`, inside the caller's transaction. False when already sealed (nothing done)."""
    if not _sealing_schema(conn) or is_sealed(conn, order_id):
        return False
    seal(conn, order_id, recipients(conn, None))
    return True


def _offer_context(order_id: int, doctor_id: int, holder_id: int) -> bytes:
    return f"maya-order-key-offer|v1|order:{order_id}|doctor:{doctor_id}|holder:{holder_id}".encode("ascii")


def _staff_publics(conn: Any, role: str) -> dict[int, bytes]:
    rows = conn.execute(
        "SELECT id, slot_public FROM staff WHERE active = 1 AND slot_public IS NOT NULL AND role = ?", (role,)
    )
    return {int(staff_id): bytes(public) for staff_id, public in rows}


def _put_offers(conn: Any, order_id: int, mask: bytes, pairs: list[tuple[int, int]] | None = None) -> None:
    """For each active doctor d: W_d (the mask wrapped to d), wrapped again to each active receptionist;
    only for the (doctor, holder) `pairs` when given."""
    if not _has_table(conn, "order_key_offers"):
        return
    doctors, holders = _staff_publics(conn, "doctor"), _staff_publics(conn, "receptionist")
    wanted = pairs if pairs is not None else [(d, h) for d in doctors for h in holders]
    for_doctor: dict[int, bytes] = {}
    for doctor_id, holder_id in wanted:
        if doctor_id not in doctors or holder_id not in holders:
            continue
        if doctor_id not in for_doctor:
            for_doctor[doctor_id] = wrap_to_public(doctors[doctor_id], mask, _wrap_context(order_id, doctor_id))
        conn.execute(
            "INSERT OR REPLACE INTO order_key_offers(order_id, doctor_id, holder_id, wrapped) VALUES (?, ?, ?, ?)",
            (
                order_id,
                doctor_id,
                holder_id,
                wrap_to_public(
                    holders[holder_id], for_doctor[doctor_id], _offer_context(order_id, doctor_id, holder_id)
                ),
            ),
        )


def missing_offers(conn: Any) -> dict[int, list[tuple[int, int]]]:
    """order id -> (doctor, receptionist) pairs with no offer, for sealed orders that can still be consented
    (a doctor or receptionist added, or given a new key pair, after the seal)."""
    if not _has_table(conn, "order_key_offers"):
        return {}
    rows = conn.execute(
        """
        SELECT k.order_id, d.id, r.id FROM order_keys k
        JOIN orders o ON o.id = k.order_id
        JOIN staff d ON d.active = 1 AND d.role = 'doctor' AND d.slot_public IS NOT NULL
        JOIN staff r ON r.active = 1 AND r.role = 'receptionist' AND r.slot_public IS NOT NULL
        WHERE k.sealed = 1 AND o.status IN ('analyzed', 'quoted', 'paid', 'consented')
          AND NOT EXISTS (SELECT 1 FROM order_key_offers f
                          WHERE f.order_id = k.order_id AND f.doctor_id = d.id AND f.holder_id = r.id)
        ORDER BY k.order_id, d.id, r.id
        """
    )
    found: dict[int, list[tuple[int, int]]] = {}
    for order_id, doctor_id, holder_id in rows:
        found.setdefault(int(order_id), []).append((int(doctor_id), int(holder_id)))
    return found


def offer_missing(conn: Any) -> int:
    """Make every offer in `missing_offers` that the person using `conn` can (a manager). Returns how many."""
    made = 0
    for order_id, pairs in missing_offers(conn).items():
        mask = _mask(conn, order_id)
        if mask is not None:
            _put_offers(conn, order_id, mask, pairs)
            made += len(pairs)
    return made


def release_offer(conn: Any, order_id: int, doctor_id: int) -> bool:
    """Consent recorded by a receptionist: unwrap their offer for `doctor_id` (yielding W_d, which only the
    doctor can open) and store it as the doctor's wrap. True if done; False when this person holds no offer
    (then a manager's session makes the wrap)."""
    holder = keyring.identity(conn)
    if holder is None or not _has_table(conn, "order_key_offers"):
        return False
    holder_id, private = holder
    row = conn.execute(
        "SELECT wrapped FROM order_key_offers WHERE order_id = ? AND doctor_id = ? AND holder_id = ?",
        (order_id, doctor_id, holder_id),
    ).fetchone()
    if row is None:
        return False
    try:
        for_doctor = unwrap_with_private(private, bytes(row[0]), _offer_context(order_id, doctor_id, holder_id))
    except DecryptionFailed:
        return False
    conn.execute(
        "INSERT OR REPLACE INTO order_key_wraps(order_id, staff_id, wrapped) VALUES (?, ?, ?)",
        (order_id, doctor_id, for_doctor),
    )
    return True


def grant(conn: Any, order_id: int, to: dict[int, bytes]) -> bool:
    """Wrap a sealed order's mask for more people; possible only for someone who holds it. True if done."""
    mask = _mask(conn, order_id)
    if mask is None:
        return False
    _put_wraps(conn, order_id, mask, to)
    return True


def withdraw(conn: Any, order_id: int, staff_ids: list[int]) -> None:
    """Delete these people's wraps of the order's mask (consent revoked)."""
    conn.executemany(
        "DELETE FROM order_key_wraps WHERE order_id = ? AND staff_id = ?", [(order_id, s) for s in staff_ids]
    )


def missing_grants(conn: Any) -> list[tuple[int, int]]:
    """(order id, staff id) that should hold a wrap and do not: the live consent's doctor, every active
    manager (a consent given again after a revocation, a manager added later, a password reset)."""
    rows = conn.execute(
        """
        SELECT k.order_id, s.id FROM order_keys k
        JOIN staff s ON s.active = 1 AND s.slot_public IS NOT NULL AND (
            s.role = 'manager'
            OR s.id IN (SELECT doctor_id FROM consents c WHERE c.order_id = k.order_id AND c.revoked_at IS NULL))
        WHERE k.sealed = 1
          AND NOT EXISTS (SELECT 1 FROM order_key_wraps w WHERE w.order_id = k.order_id AND w.staff_id = s.id)
        ORDER BY k.order_id, s.id
        """
    )
    return [(int(o), int(s)) for o, s in rows]


def grant_missing(conn: Any) -> int:
    """Make every wrap in `missing_grants`, and every offer in `missing_offers`, that the person using `conn`
    can make. Returns how many wraps."""
    if not _sealing_schema(conn) or keyring.identity(conn) is None:
        return 0
    made = 0
    for order_id, staff_id in missing_grants(conn):
        public = conn.execute("SELECT slot_public FROM staff WHERE id = ?", (staff_id,)).fetchone()[0]
        made += grant(conn, order_id, {staff_id: bytes(public)})
    offer_missing(conn)  # and the offers reception will release at a later consent
    return made


def withdraw_all(conn: Any, staff_id: int) -> None:
    """A person leaves: every wrap made for them goes (with the key rotation, their slot opens nothing)."""
    if _sealing_schema(conn):
        conn.execute("DELETE FROM order_key_wraps WHERE staff_id = ?", (staff_id,))
        _drop_offers_of(conn, staff_id)


def _drop_offers_of(conn: Any, staff_id: int) -> None:
    """Offers made to or for `staff_id` (they left, or their key pair changed: the offers open nothing)."""
    if not _has_table(conn, "order_key_offers"):
        return
    conn.execute("DELETE FROM order_key_offers WHERE doctor_id = ? OR holder_id = ?", (staff_id, staff_id))


def renew_wraps_of(conn: Any, username: str) -> None:
    """`username` has a new key pair (new account, password reset): re-wrap each of their masks to the new
    public key where the person using `conn` can read it (a manager; or themselves, before their session
    takes the new key), drop the rest (they open nothing now), then make any other missing grant."""
    if not _sealing_schema(conn):
        return
    row = conn.execute("SELECT id, slot_public FROM staff WHERE username = ?", (username,)).fetchone()
    if row is None or row[1] is None:
        return
    staff_id, public = int(row[0]), bytes(row[1])
    _drop_offers_of(conn, staff_id)
    orders = [int(r[0]) for r in conn.execute("SELECT order_id FROM order_key_wraps WHERE staff_id = ?", (staff_id,))]
    masks = {order_id: _mask(conn, order_id) for order_id in orders}  # read before anything is replaced
    for order_id, mask in masks.items():
        if mask is None:
            withdraw(conn, order_id, [staff_id])
        else:
            _put_wraps(conn, order_id, mask, {staff_id: public})
    grant_missing(conn)


def _sealing_schema(conn: Any) -> bool:
    """False on a schema from before sealing (tests build such files; the next login migrates them)."""
    return _has_table(conn, "order_key_wraps")


def _has_table(conn: Any, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None
