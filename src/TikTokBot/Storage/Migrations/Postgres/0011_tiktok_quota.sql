-- The TikTok quota every instance shares: TikTok counts calls per developer app, not per process. One row, changed
-- under its row lock by one instance at a time (QuotaRules decides; PostgresQuotaLedger reads, decides and writes in
-- one transaction, on this server's clock so every instance goes by the same time). Fixed windows count what was
-- used; next_at paces the calls; *_waiting_until marks a priority with a caller waiting somewhere, so lower ones
-- stand aside on every instance. SQLite runs one instance and keeps the quota in its process: no table there.
CREATE TABLE tiktok_quota (
    id                       integer PRIMARY KEY CHECK (id = 1),
    second_start             timestamptz NOT NULL,
    second_used              integer NOT NULL CHECK (second_used >= 0),
    minute_start             timestamptz NOT NULL,
    minute_used              integer NOT NULL CHECK (minute_used >= 0),
    day_start                timestamptz NOT NULL,
    day_used                 integer NOT NULL CHECK (day_used >= 0),
    next_at                  timestamptz NOT NULL,
    paused_until             timestamptz NULL,
    person_waiting_until     timestamptz NOT NULL,
    digest_waiting_until     timestamptz NOT NULL,
    alert_scan_waiting_until timestamptz NOT NULL
);

INSERT INTO tiktok_quota VALUES (1, 'epoch', 0, 'epoch', 0, 'epoch', 0, 'epoch', NULL, 'epoch', 'epoch', 'epoch');
