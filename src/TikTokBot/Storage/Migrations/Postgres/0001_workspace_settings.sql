-- Every table carries the Slack team id first in its key: rows of one workspace are never reachable from another.
-- Money is numeric (exact); dates are date and instants timestamptz.

CREATE TABLE installations (
    team_id       TEXT NOT NULL PRIMARY KEY,
    enterprise_id TEXT NULL,
    bot_token     TEXT NOT NULL, -- protected with ASP.NET Data Protection; the plain token is never written
    bot_user_id   TEXT NULL,
    installed_by  TEXT NOT NULL,
    installed_at  timestamptz NOT NULL
);

CREATE TABLE campaign_aliases (
    team_id     TEXT NOT NULL,
    alias       TEXT NOT NULL CHECK (alias <> ''),
    campaign_id TEXT NOT NULL CHECK (campaign_id <> ''),
    set_by      TEXT NOT NULL,
    set_at      timestamptz NOT NULL,
    PRIMARY KEY (team_id, alias)
);

CREATE TABLE success_criteria (
    team_id                  TEXT NOT NULL,
    campaign_id              TEXT NOT NULL CHECK (campaign_id <> ''),
    objective                TEXT NOT NULL,
    target_cost_per_outcome  numeric NOT NULL,
    minimum_volume           bigint NOT NULL CHECK (minimum_volume >= 1),
    set_by                   TEXT NOT NULL,
    set_at                   timestamptz NOT NULL,
    PRIMARY KEY (team_id, campaign_id)
);

CREATE TABLE credit_windows (
    team_id    TEXT NOT NULL,
    id         TEXT NOT NULL,
    scope      TEXT NOT NULL CHECK (scope IN ('campaign', 'advertiser')),
    scope_id   TEXT NOT NULL CHECK (scope_id <> ''),
    amount     numeric NOT NULL,
    starts_on  date NOT NULL,
    expires_on date NOT NULL CHECK (expires_on >= starts_on),
    added_by   TEXT NOT NULL,
    added_at   timestamptz NOT NULL,
    PRIMARY KEY (team_id, id)
);

CREATE TABLE settings_changes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id    TEXT NOT NULL,
    setting    TEXT NOT NULL,
    subject    TEXT NOT NULL,
    old_value  TEXT NULL,
    new_value  TEXT NULL,
    changed_by TEXT NOT NULL,
    changed_at timestamptz NOT NULL
);

CREATE INDEX settings_changes_by_team ON settings_changes (team_id, id);
