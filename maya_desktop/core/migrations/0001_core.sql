CREATE TABLE IF NOT EXISTS settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS audit_log (
    id         INTEGER PRIMARY KEY,
    ts         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    object_ref TEXT NOT NULL DEFAULT '',
    details    TEXT NOT NULL DEFAULT '{}',
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_object ON audit_log(object_ref);
CREATE TABLE IF NOT EXISTS audit_head (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    count      INTEGER NOT NULL,
    last_hash  TEXT NOT NULL
);
INSERT OR IGNORE INTO audit_head(singleton, count, last_hash) VALUES (1, 0, '');

CREATE TABLE IF NOT EXISTS clinic (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    name        TEXT NOT NULL,
    clinic_id   TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS staff (
    id                    INTEGER PRIMARY KEY,
    username              TEXT NOT NULL UNIQUE,
    display_name          TEXT NOT NULL,
    role                  TEXT NOT NULL CHECK (role IN ('manager', 'receptionist', 'doctor')),
    active                INTEGER NOT NULL DEFAULT 1,
    totp_secret           TEXT,
    medical_council_no    TEXT,
    agreement_version     INTEGER,
    agreement_accepted_at TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS clients (
    id                   INTEGER PRIMARY KEY,
    first_name           TEXT NOT NULL,
    last_name            TEXT NOT NULL,
    mobile               TEXT NOT NULL UNIQUE,
    email                TEXT UNIQUE,
    marketing_consent    INTEGER NOT NULL DEFAULT 0,
    marketing_consent_at TEXT,
    search_text          TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);
