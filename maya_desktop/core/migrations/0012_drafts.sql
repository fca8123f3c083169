-- Unsaved work kept across a lock, sealed to its author's key-slot public key (core/drafts, issue 13).

CREATE TABLE IF NOT EXISTS drafts (
    id INTEGER PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    sealed BLOB NOT NULL,
    saved_at TEXT NOT NULL,
    UNIQUE (staff_id, kind, ref)
);
