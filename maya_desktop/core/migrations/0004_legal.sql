CREATE TABLE IF NOT EXISTS legal_requests (
    id              INTEGER PRIMARY KEY,
    court           TEXT NOT NULL,
    case_number     TEXT NOT NULL,
    letter_date     TEXT NOT NULL,
    client_id       INTEGER REFERENCES clients(id) ON DELETE SET NULL,
    scope           TEXT NOT NULL,
    notes           TEXT NOT NULL DEFAULT '',
    state           TEXT NOT NULL CHECK (state IN ('recorded', 'approved', 'exported', 'closed', 'refused')),
    recorded_by     INTEGER NOT NULL REFERENCES staff(id),
    recorded_at     TEXT NOT NULL,
    approved_by     INTEGER REFERENCES staff(id),
    approved_at     TEXT,
    self_approved   INTEGER NOT NULL DEFAULT 0,
    refused_by      INTEGER REFERENCES staff(id),
    refused_at      TEXT,
    refusal_reason  TEXT,
    exported_by     INTEGER REFERENCES staff(id),
    exported_at     TEXT,
    export_files    INTEGER,
    export_sha256   TEXT,
    closed_by       INTEGER REFERENCES staff(id),
    closed_at       TEXT,
    CHECK (approved_by IS NULL OR approved_by != recorded_by OR self_approved = 1),
    CHECK (state IN ('recorded', 'refused') OR approved_by IS NOT NULL)
);
CREATE INDEX IF NOT EXISTS legal_requests_client ON legal_requests(client_id);
CREATE INDEX IF NOT EXISTS legal_requests_state ON legal_requests(state);
