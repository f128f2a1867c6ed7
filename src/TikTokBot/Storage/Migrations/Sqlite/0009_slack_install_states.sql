-- Slack install states waiting for their OAuth callback (Installations/StoredOAuthStateStore): in the database, so any
-- instance, or this one after a restart, can finish an install. Not a workspace's data: no team yet. A row is deleted
-- when its callback takes it (once) or after it expires; browser_hash binds it to the browser that started the install.
CREATE TABLE slack_install_states (
    state_id     TEXT NOT NULL PRIMARY KEY CHECK (state_id <> ''),
    browser_hash TEXT NOT NULL,
    expires_at   TEXT NOT NULL
) STRICT;

CREATE INDEX slack_install_states_expires ON slack_install_states (expires_at);
