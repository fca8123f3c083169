-- Tables of the orders feature (one migration, appended to core.migrations.MIGRATIONS).
--
-- Everything here lives inside the SQLCipher database. Order data keys (`order_keys.data_key`) are
-- therefore wrapped by the database key: nobody can read them without unlocking the vault.
-- Personal or face-derived values that must live in the database (analysis JSON, quote breakdown)
-- are additionally sealed with the order's own data key, so deleting the key row shreds them too.

CREATE TABLE IF NOT EXISTS orders (
    id                  INTEGER PRIMARY KEY,
    order_ref           TEXT NOT NULL UNIQUE,
    client_id           INTEGER REFERENCES clients(id),
    service             TEXT NOT NULL CHECK (service IN ('rhinoplasty_analysis', 'confidential_document')),
    status              TEXT NOT NULL,
    doctor_id           INTEGER REFERENCES staff(id),
    urgent              INTEGER NOT NULL DEFAULT 0,
    price_rial          INTEGER,
    turnaround_days     INTEGER,
    files_count         INTEGER NOT NULL DEFAULT 0,
    quote_sealed        BLOB,
    quote_override      INTEGER NOT NULL DEFAULT 0,
    override_reason     TEXT,
    cancel_reason       TEXT,
    notes               TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    quoted_at           TEXT,
    paid_at             TEXT,
    consented_at        TEXT,
    review_started_at   TEXT,
    delivered_at        TEXT,
    destroy_after       TEXT,
    cancelled_at        TEXT,
    destroyed_at        TEXT,
    destroyed_rule      TEXT
);
CREATE INDEX IF NOT EXISTS orders_client ON orders(client_id);
CREATE INDEX IF NOT EXISTS orders_status ON orders(status);
CREATE TABLE IF NOT EXISTS order_keys (
    order_id    INTEGER PRIMARY KEY REFERENCES orders(id),
    key_id      TEXT NOT NULL UNIQUE,
    data_key    BLOB NOT NULL CHECK (length(data_key) = 32),
    created_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS order_files (
    file_id     TEXT PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders(id),
    kind        TEXT NOT NULL CHECK (kind IN ('photo', 'thumb', 'report', 'document', 'consent_form')),
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS order_files_order ON order_files(order_id);
CREATE TABLE IF NOT EXISTS photos (
    id              INTEGER PRIMARY KEY,
    order_id        INTEGER NOT NULL REFERENCES orders(id),
    file_id         TEXT NOT NULL UNIQUE REFERENCES order_files(file_id),
    thumb_file_id   TEXT NOT NULL UNIQUE REFERENCES order_files(file_id),
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    suggested_view  TEXT,
    view            TEXT,
    view_confirmed  INTEGER NOT NULL DEFAULT 0,
    analysis_sealed BLOB,
    created_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS photos_order ON photos(order_id);
CREATE TABLE IF NOT EXISTS documents (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders(id),
    file_id     TEXT NOT NULL UNIQUE REFERENCES order_files(file_id),
    doc_type    TEXT NOT NULL CHECK (doc_type IN ('pdf', 'docx', 'txt')),
    word_count  INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_order ON documents(order_id);
CREATE TABLE IF NOT EXISTS reports (
    order_id    INTEGER PRIMARY KEY REFERENCES orders(id),
    file_id     TEXT NOT NULL UNIQUE REFERENCES order_files(file_id),
    author_id   INTEGER NOT NULL REFERENCES staff(id),
    updated_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS payments (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    gateway      TEXT NOT NULL,
    reference    TEXT,
    amount_rial  INTEGER NOT NULL CHECK (amount_rial > 0),
    paid_on      TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS payments_order ON payments(order_id);
CREATE TABLE IF NOT EXISTS consents (
    id            INTEGER PRIMARY KEY,
    order_id      INTEGER NOT NULL REFERENCES orders(id),
    doctor_id     INTEGER NOT NULL REFERENCES staff(id),
    method        TEXT NOT NULL CHECK (method IN ('signed_form', 'verbal', 'sms_code')),
    form_file_id  TEXT REFERENCES order_files(file_id),
    recorded_by   TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    revoked_at    TEXT,
    revoked_by    TEXT
);
CREATE INDEX IF NOT EXISTS consents_doctor ON consents(doctor_id, revoked_at);
CREATE INDEX IF NOT EXISTS consents_order ON consents(order_id);
CREATE TABLE IF NOT EXISTS doctor_refs (
    staff_id    INTEGER PRIMARY KEY REFERENCES staff(id),
    doctor_ref  TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS break_glass (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders(id),
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    reason      TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    ended_at    TEXT
);
CREATE INDEX IF NOT EXISTS break_glass_active ON break_glass(staff_id, order_id, expires_at);
CREATE TABLE IF NOT EXISTS price_rules (
    service  TEXT NOT NULL CHECK (service IN ('rhinoplasty_analysis', 'confidential_document')),
    rule     TEXT NOT NULL,
    amount   INTEGER NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (service, rule)
);

CREATE TABLE IF NOT EXISTS sync_outbox (
    id              INTEGER PRIMARY KEY,
    event_id        TEXT UNIQUE NOT NULL,
    payload         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    state           TEXT NOT NULL CHECK(state IN ('pending','sent','rejected')),
    last_error      TEXT
);
CREATE INDEX IF NOT EXISTS sync_outbox_due ON sync_outbox(state, next_attempt_at, id);

INSERT OR IGNORE INTO price_rules(service, rule, amount) VALUES ('rhinoplasty_analysis', 'base', 25000000);
INSERT OR IGNORE INTO price_rules(service, rule, amount) VALUES ('rhinoplasty_analysis', 'included_views', 3);
INSERT OR IGNORE INTO price_rules(service, rule, amount) VALUES ('rhinoplasty_analysis', 'per_extra_view', 2000000);
INSERT OR IGNORE INTO price_rules(service, rule, amount) VALUES ('rhinoplasty_analysis', 'per_finding', 1000000);
INSERT OR IGNORE INTO price_rules(service, rule, amount) VALUES ('rhinoplasty_analysis', 'max_charged_findings', 5);
INSERT OR IGNORE INTO price_rules(service, rule, amount) VALUES ('rhinoplasty_analysis', 'turnaround_days', 3);
INSERT OR IGNORE INTO price_rules(service, rule, amount) VALUES ('rhinoplasty_analysis', 'urgent_percent', 50);
INSERT OR IGNORE INTO price_rules(service, rule, amount) VALUES ('rhinoplasty_analysis', 'urgent_turnaround_days', 1);
INSERT OR IGNORE INTO price_rules(service, rule, amount) VALUES ('confidential_document', 'base', 5000000);
INSERT OR IGNORE INTO price_rules(service, rule, amount) VALUES ('confidential_document', 'per_word', 15000);
INSERT OR IGNORE INTO price_rules(service, rule, amount) VALUES ('confidential_document', 'words_per_day', 2000);
INSERT OR IGNORE INTO price_rules(service, rule, amount) VALUES ('confidential_document', 'turnaround_days', 2);
INSERT OR IGNORE INTO price_rules(service, rule, amount) VALUES ('confidential_document', 'urgent_percent', 50);
INSERT OR IGNORE INTO price_rules(service, rule, amount) VALUES ('confidential_document', 'urgent_turnaround_days', 1);
