-- Against an insider with a password (issue 12): each staff member's key-slot public key as the database
-- recorded it (rotation wraps only to these), the last accepted TOTP time step (a code works once), outputs in
-- progress (backup / export temporaries) that a crash could leave, consent by cryptography (core/orders/keys.py:
-- sealed order keys, their wraps, the record key), and the audit anchor's key (core/audit.py). In the database a
-- password holder can read that key, so the tag does not stop them: it stops anyone who can only write the slot
-- file, and HQ's copy stops the rest. The migration step fills the key with 32 random bytes.

ALTER TABLE staff ADD COLUMN slot_public BLOB;
ALTER TABLE staff ADD COLUMN totp_last_step INTEGER;
CREATE TABLE IF NOT EXISTS pending_outputs (
    path        TEXT PRIMARY KEY,
    started_at  TEXT NOT NULL
);
ALTER TABLE order_keys ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE order_keys ADD COLUMN record_key BLOB CHECK (record_key IS NULL OR length(record_key) = 32);
CREATE TABLE IF NOT EXISTS order_key_wraps (
    order_id    INTEGER NOT NULL REFERENCES order_keys(order_id) ON DELETE CASCADE,
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    wrapped     BLOB NOT NULL,
    PRIMARY KEY (order_id, staff_id)
);

CREATE TABLE IF NOT EXISTS audit_anchor_key (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    secret     BLOB NOT NULL
);
