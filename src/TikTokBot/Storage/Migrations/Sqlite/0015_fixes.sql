-- Check-ins: a fix someone took (or was assigned) from a finding, and what became of it. One row per fix; a workspace
-- has at most one fix in progress (open or done, not yet followed up) per campaign, ad group and finding, so taking a
-- finding again hands the same fix to the new owner. ad_group_id is '' for a finding on the whole campaign.
-- state: 'open' (taken), 'done' (applied by hand at done_at), 'closed_by_action' (applied by the bot's own action),
-- 'followed_up' (the verdict was posted in the thread). follow_up_claimed_at is the claim that lets one instance post.
CREATE TABLE fixes (
    team_id              TEXT NOT NULL,
    fix_id               TEXT NOT NULL CHECK (fix_id <> ''),
    campaign_id          TEXT NOT NULL CHECK (campaign_id <> ''),
    ad_group_id          TEXT NOT NULL DEFAULT '',
    rule_id              TEXT NOT NULL CHECK (rule_id <> ''),
    finding_title        TEXT NOT NULL,
    metric               TEXT NULL, -- the MetricId the finding targets; NULL for a finding on facts alone
    metric_value         TEXT NULL, -- its value when the fix was taken (invariant decimal)
    standing             TEXT NOT NULL, -- its standing then, in words
    owner_id             TEXT NOT NULL CHECK (owner_id <> ''),
    taken_by             TEXT NOT NULL,
    channel_id           TEXT NOT NULL CHECK (channel_id <> ''),
    thread_ts            TEXT NOT NULL CHECK (thread_ts <> ''),
    state                TEXT NOT NULL CHECK (state IN ('open', 'done', 'closed_by_action', 'followed_up')),
    taken_at             TEXT NOT NULL,
    done_at              TEXT NULL,
    done_by              TEXT NULL, -- the user who marked it done, or the action id that applied it
    restarts_learning    INTEGER NOT NULL DEFAULT 0 CHECK (restarts_learning IN (0, 1)),
    follow_up_due        TEXT NULL, -- the first closed day the follow-up can compare (FixPeriods.DueOn)
    follow_up_claimed_at TEXT NULL,
    followed_up_at       TEXT NULL,
    verdict              TEXT NULL, -- Better, NoClearChange, Worse, or Skipped
    verdict_note         TEXT NULL, -- the figures or the reason it was skipped
    PRIMARY KEY (team_id, fix_id),
    CHECK ((state IN ('open')) = (done_at IS NULL)),
    CHECK ((state = 'followed_up') = (followed_up_at IS NOT NULL))
) STRICT;

CREATE UNIQUE INDEX fixes_one_in_progress ON fixes (team_id, campaign_id, ad_group_id, rule_id) WHERE state IN ('open', 'done', 'closed_by_action');

CREATE INDEX fixes_by_follow_up ON fixes (team_id, state, follow_up_due);
