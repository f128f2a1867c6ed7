-- Each workspace connects its own TikTok advertiser accounts (advertiser OAuth). Rows belong to one team.

CREATE TABLE tiktok_connections (
    team_id          TEXT NOT NULL,
    advertiser_id    TEXT NOT NULL CHECK (advertiser_id <> ''),
    advertiser_name  TEXT NOT NULL,
    currency         TEXT NOT NULL CHECK (length(currency) = 3),
    time_zone        TEXT NOT NULL CHECK (time_zone <> ''),
    access_token     TEXT NOT NULL, -- protected with ASP.NET Data Protection (the bot tokens' key ring); never written plain
    connected_by     TEXT NOT NULL,
    connected_at     TEXT NOT NULL,
    token_state      TEXT NOT NULL CHECK (token_state IN ('ok', 'refused')),
    token_refused_at TEXT NULL,
    PRIMARY KEY (team_id, advertiser_id)
) STRICT;

-- One row per connect link: signed, expiring, single-use, bound to the workspace and the person who asked.
-- Kept in the database so whichever instance receives TikTok's callback can finish the flow.
CREATE TABLE tiktok_connect_states (
    team_id       TEXT NOT NULL,
    state_id      TEXT NOT NULL CHECK (state_id <> ''),
    enterprise_id TEXT NULL,
    user_id       TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    used_at       TEXT NULL,
    PRIMARY KEY (team_id, state_id)
) STRICT;

-- The advertiser a channel reads when a command does not name one.
CREATE TABLE channel_advertisers (
    team_id       TEXT NOT NULL,
    channel_id    TEXT NOT NULL CHECK (channel_id <> ''),
    advertiser_id TEXT NOT NULL CHECK (advertiser_id <> ''),
    set_by        TEXT NOT NULL,
    set_at        TEXT NOT NULL,
    PRIMARY KEY (team_id, channel_id)
) STRICT;
