-- Pause, resume and budget actions on TikTok. One row per action, its id chosen by the app before anything is
-- written, so a retry of the same action is recognised. Every change of state is one conditional UPDATE on the
-- row's current state: of two presses, two approvers or two executors at once, exactly one wins.
-- from_value / to_value are 'enabled', 'paused' or an amount in invariant text.
CREATE TABLE action_requests (
    team_id           TEXT NOT NULL,
    id                TEXT NOT NULL CHECK (id <> ''),
    channel_id        TEXT NOT NULL,
    requested_by      TEXT NOT NULL,
    advertiser_id     TEXT NOT NULL CHECK (advertiser_id <> ''),
    campaign_id       TEXT NOT NULL CHECK (campaign_id <> ''),
    adgroup_id        TEXT NULL,
    level             TEXT NOT NULL CHECK (level IN ('campaign', 'adgroup')),
    kind              TEXT NOT NULL CHECK (kind IN ('pause', 'resume', 'budget')),
    asked             TEXT NOT NULL,
    from_value        TEXT NOT NULL,
    to_value          TEXT NOT NULL,
    state             TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'rejected', 'expired', 'executing', 'done', 'failed', 'undone')),
    created_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    decided_by        TEXT NULL,
    decided_at        timestamptz NULL,
    acted_on          date NULL, -- the account-local day it was executed on, for the per-campaign daily limit
    attempts          INTEGER NOT NULL DEFAULT 0,
    write_uncertain   integer NOT NULL DEFAULT 0, -- a write timed out: TikTok may have applied it, so read back before writing again
    tiktok_request_id TEXT NULL,
    before_json       TEXT NULL,
    after_json        TEXT NULL,
    failure           TEXT NULL,
    finished_at       timestamptz NULL,
    undoes_id         TEXT NULL,
    undone_by_id      TEXT NULL,
    PRIMARY KEY (team_id, id)
);

CREATE INDEX action_requests_by_campaign_day ON action_requests (team_id, campaign_id, acted_on);

-- The audit trail of actions: who asked, approved, rejected, executed or undid, with TikTok's request id.
CREATE TABLE action_events (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id   TEXT NOT NULL,
    action_id TEXT NOT NULL,
    event     TEXT NOT NULL,
    actor     TEXT NOT NULL,
    detail    TEXT NULL,
    at        timestamptz NOT NULL,
    FOREIGN KEY (team_id, action_id) REFERENCES action_requests (team_id, id)
);

CREATE INDEX action_events_by_action ON action_events (team_id, action_id, id);
