-- A channel has at most one subscription; unsubscribing keeps the row (and its delivery record) and stamps unsubscribed_at.
CREATE TABLE channel_subscriptions (
    team_id         TEXT NOT NULL,
    id              TEXT NOT NULL,
    channel_id      TEXT NOT NULL CHECK (channel_id <> ''),
    local_time      TEXT NOT NULL CHECK (local_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
    time_zone       TEXT NOT NULL CHECK (time_zone <> ''),
    subscribed_by   TEXT NOT NULL,
    subscribed_at   timestamptz NOT NULL,
    unsubscribed_at timestamptz NULL,
    PRIMARY KEY (team_id, id),
    UNIQUE (team_id, channel_id)
);

CREATE TABLE subscription_campaigns (
    team_id         TEXT NOT NULL,
    subscription_id TEXT NOT NULL,
    position        INTEGER NOT NULL,
    campaign_id     TEXT NOT NULL CHECK (campaign_id <> ''),
    PRIMARY KEY (team_id, subscription_id, position),
    FOREIGN KEY (team_id, subscription_id) REFERENCES channel_subscriptions (team_id, id) ON DELETE CASCADE
);

-- The key on (subscription, local date) is what lets exactly one instance claim a day's digest.
CREATE TABLE digest_deliveries (
    team_id         TEXT NOT NULL,
    subscription_id TEXT NOT NULL,
    local_date      date NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('claimed', 'delivered', 'failed')),
    message_ts      TEXT NULL,
    failure         TEXT NULL,
    attempts        INTEGER NOT NULL,
    claimed_at      timestamptz NOT NULL,
    finished_at     timestamptz NULL,
    PRIMARY KEY (team_id, subscription_id, local_date),
    FOREIGN KEY (team_id, subscription_id) REFERENCES channel_subscriptions (team_id, id)
);
