-- Tables of the client-notice outbox (issue 19), created by one appended migration.
--
-- `notices` holds one row per (event, channel). A row keeps the *facts* of the event (amount, dates,
-- receipt), never the rendered text: the text is rendered from the manager-reviewed template when it
-- is sent, and the recipient's address is looked up then (so a corrected email is used, and an erased
-- client's rows are deleted with them).
--
-- Withdrawing the opt-in by any path (the opt-out code, the client dialog's check box) records the date
-- and cancels the news still waiting, by trigger, so no caller can forget it.
--
-- The first trigger makes the policy's "we hate spam" a database rule: a marketing row cannot be inserted
-- for a client without the opt-in, whatever code tries (core/notices/outbox.py checks first to give a
-- clear message, the trigger is the backstop).

CREATE TABLE IF NOT EXISTS notices (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    event_key       TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN
                        ('quote_ready', 'delivered', 'destruction_receipt', 'consent_recorded', 'marketing')),
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    client_id       INTEGER NOT NULL,
    order_id        INTEGER,
    facts           TEXT NOT NULL DEFAULT '{}',
    state           TEXT NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    provider_ref    TEXT,
    opt_out_code    TEXT UNIQUE,
    created_at      TEXT NOT NULL,
    sent_at         TEXT,
    UNIQUE (event_key, channel)
);
CREATE INDEX IF NOT EXISTS notices_due ON notices(state, next_attempt_at, id);
CREATE INDEX IF NOT EXISTS notices_order ON notices(order_id);
CREATE INDEX IF NOT EXISTS notices_client ON notices(client_id);
CREATE TRIGGER IF NOT EXISTS notices_marketing_needs_opt_in BEFORE INSERT ON notices
WHEN NEW.kind = 'marketing'
 AND COALESCE((SELECT marketing_consent FROM clients WHERE id = NEW.client_id), 0) != 1
BEGIN
    SELECT RAISE(ABORT, 'marketing notice refused: the client has not opted in');
END;
CREATE TRIGGER IF NOT EXISTS notices_marketing_stays_opted_in BEFORE UPDATE OF client_id, kind ON notices
WHEN NEW.kind = 'marketing'
 AND COALESCE((SELECT marketing_consent FROM clients WHERE id = NEW.client_id), 0) != 1
BEGIN
    SELECT RAISE(ABORT, 'marketing notice refused: the client has not opted in');
END;
ALTER TABLE clients ADD COLUMN preferred_language TEXT NOT NULL DEFAULT 'fa'
    CHECK (preferred_language IN ('fa', 'en'));
ALTER TABLE clients ADD COLUMN marketing_opt_out_at TEXT;
CREATE TRIGGER IF NOT EXISTS clients_marketing_opt_out AFTER UPDATE OF marketing_consent ON clients
WHEN OLD.marketing_consent = 1 AND NEW.marketing_consent = 0
BEGIN
    UPDATE clients SET marketing_opt_out_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
    UPDATE notices SET state = 'cancelled', last_error = 'opted out'
     WHERE client_id = NEW.id AND kind = 'marketing' AND state IN ('pending', 'failed');
END;
