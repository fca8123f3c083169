-- Serves the sync outbox's pending_batch `state = 'pending' ... ORDER BY id` in order (issue 17).

CREATE INDEX IF NOT EXISTS sync_outbox_pending_order ON sync_outbox(state, id, next_attempt_at);
