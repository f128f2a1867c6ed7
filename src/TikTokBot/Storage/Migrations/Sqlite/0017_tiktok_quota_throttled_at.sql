-- The TikTok quota is kept in the process on SQLite (one instance); PostgreSQL adds throttled_at to tiktok_quota.
-- This script keeps the two providers' version numbers in step.
SELECT 1;
