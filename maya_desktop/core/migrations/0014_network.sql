-- The clinic network (issue 14): the request ids of operations a vault host has done, written in the same
-- transaction as the operation's own changes, so after a crash a workstation learns "done" or "not done".
-- No personal data: ids, the workstation's id, the operation's name and a time. Kept a week.

CREATE TABLE IF NOT EXISTS network_requests (
    request_id TEXT PRIMARY KEY,
    workstation TEXT NOT NULL,
    operation TEXT NOT NULL,
    done_at TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS network_requests_done_at ON network_requests(done_at);
