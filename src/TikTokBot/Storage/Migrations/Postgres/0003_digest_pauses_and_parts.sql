-- A subscription whose channel is gone, archived or without the bot is paused rather than deleted; subscribing again resumes it.
ALTER TABLE channel_subscriptions ADD COLUMN paused_at timestamptz NULL;
ALTER TABLE channel_subscriptions ADD COLUMN paused_reason TEXT NULL;

-- How many messages of a split digest are already in the channel, so a retry posts only the rest.
ALTER TABLE digest_deliveries ADD COLUMN parts_posted INTEGER NOT NULL DEFAULT 0;
