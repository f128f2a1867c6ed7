-- When TikTok last answered 40100 (either budget): a first breach within the minute pauses every instance briefly
-- (TikTok:Quota:FirstThrottlePause), another soon after pauses for TikTok:Quota:ThrottlePause. 'epoch': never.
ALTER TABLE tiktok_quota ADD COLUMN throttled_at timestamptz NOT NULL DEFAULT 'epoch';
