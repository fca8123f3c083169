-- Legal hold (core/legal/holds.py): a request may hold the client's data against destruction from the
-- moment a manager places the hold (when recording or approving) until the request is closed or refused.
-- `legal_hold_deferrals`: a destruction that was due (or asked for) while held, one row per order or
-- client ("order:N" / "client:N"), written and audited once, carried out when the hold ends.

ALTER TABLE legal_requests ADD COLUMN hold_placed_at TEXT;
ALTER TABLE legal_requests ADD COLUMN hold_placed_by INTEGER REFERENCES staff(id);
ALTER TABLE legal_requests ADD COLUMN hold_lifted_at TEXT;
ALTER TABLE legal_requests ADD COLUMN hold_lifted_by INTEGER REFERENCES staff(id);
CREATE TABLE IF NOT EXISTS legal_hold_deferrals (
    object_ref   TEXT PRIMARY KEY,
    rule         TEXT NOT NULL,
    request_id   INTEGER NOT NULL REFERENCES legal_requests(id),
    deferred_at  TEXT NOT NULL
);
