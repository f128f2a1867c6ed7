-- Issue 33. The hours of every campaign a source reads, day by day in its advertiser's time zone, for the alerts'
-- usual ranges (the same weekday's same hours over the last 4 to 8 weeks). Read ahead with the account history and
-- keyed like it by the source's name, so two workspaces share rows only when they read the same figures.
CREATE TABLE campaign_hours (
    source_name TEXT NOT NULL CHECK (source_name <> ''),
    campaign_id TEXT NOT NULL CHECK (campaign_id <> ''),
    local_date  TEXT NOT NULL, -- the advertiser-local day
    hours       TEXT NOT NULL, -- JSON: raw counts by hour of the day (0-23), the hours the source reported; {} when it has no hourly figures
    read_at     TEXT NOT NULL,
    PRIMARY KEY (source_name, campaign_id, local_date)
) STRICT;

CREATE INDEX campaign_hours_by_day ON campaign_hours (source_name, local_date);

-- A channel that wants its critical alerts (money lost now) even in its quiet hours: `alerts critical-in-quiet-hours on`.
ALTER TABLE alert_subscriptions ADD COLUMN critical_in_quiet_hours INTEGER NOT NULL DEFAULT 0;

-- How often a channel's people snoozed or muted each rule: `alerts` lists the rules a channel silences most.
CREATE TABLE alert_silence_counts (
    team_id    TEXT NOT NULL,
    channel_id TEXT NOT NULL CHECK (channel_id <> ''),
    rule_id    TEXT NOT NULL CHECK (rule_id <> ''),
    snoozes    INTEGER NOT NULL DEFAULT 0,
    mutes      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (team_id, channel_id, rule_id)
) STRICT;

-- Info alerts wait for the channel's daily digest instead of being posted: one row per channel, campaign, rule and
-- advertiser-local day, as sent_alerts.
CREATE TABLE alert_digest_notes (
    team_id       TEXT NOT NULL,
    channel_id    TEXT NOT NULL,
    campaign_id   TEXT NOT NULL CHECK (campaign_id <> ''),
    rule_id       TEXT NOT NULL CHECK (rule_id <> ''),
    local_date    TEXT NOT NULL,
    campaign_name TEXT NOT NULL,
    summary       TEXT NOT NULL,
    noted_at      TEXT NOT NULL,
    PRIMARY KEY (team_id, channel_id, campaign_id, rule_id, local_date)
) STRICT;
