-- Proactive alerts. A channel subscribes to alerts on all campaigns (campaign_ids empty) or on some (space-separated
-- ids), with optional quiet hours in its own time zone. Turning alerts off deletes the row (audited).
CREATE TABLE alert_subscriptions (
    team_id       TEXT NOT NULL,
    channel_id    TEXT NOT NULL CHECK (channel_id <> ''),
    campaign_ids  TEXT NOT NULL DEFAULT '',
    quiet_from    TEXT NULL, -- 'HH:mm' local, both or neither
    quiet_to      TEXT NULL,
    time_zone     TEXT NOT NULL,
    subscribed_by TEXT NOT NULL,
    subscribed_at timestamptz NOT NULL,
    PRIMARY KEY (team_id, channel_id),
    CHECK ((quiet_from IS NULL) = (quiet_to IS NULL))
);

-- One row per alert a channel was (or will be) told: the primary key is the claim, so however many scans and
-- instances find the same condition, one INSERT wins per channel, campaign, rule and advertiser-local day.
-- state: 'claimed' (won, not yet posted), 'posted', 'held' (quiet hours), 'capped' (over the daily cap: summarised).
CREATE TABLE sent_alerts (
    team_id       TEXT NOT NULL,
    channel_id    TEXT NOT NULL,
    campaign_id   TEXT NOT NULL CHECK (campaign_id <> ''),
    rule_id       TEXT NOT NULL CHECK (rule_id <> ''),
    local_date    date NOT NULL,
    advertiser_id TEXT NOT NULL,
    summary       TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'held', 'capped')),
    message_ts    TEXT NULL,
    claimed_at    timestamptz NOT NULL,
    recovered_at  timestamptz NULL,
    PRIMARY KEY (team_id, channel_id, campaign_id, rule_id, local_date)
);

CREATE INDEX sent_alerts_by_channel_day ON sent_alerts (team_id, channel_id, local_date);

-- Snoozes (until a time) and mutes (until NULL: until undone) of one rule on one campaign.
CREATE TABLE alert_silences (
    team_id     TEXT NOT NULL,
    campaign_id TEXT NOT NULL CHECK (campaign_id <> ''),
    rule_id     TEXT NOT NULL CHECK (rule_id <> ''),
    until       timestamptz NULL,
    silenced_by TEXT NOT NULL,
    silenced_at timestamptz NOT NULL,
    PRIMARY KEY (team_id, campaign_id, rule_id)
);
