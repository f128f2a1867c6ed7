-- The report task budget is kept in the process on SQLite (one instance); PostgreSQL adds its row to tiktok_quota.
-- This script keeps the two providers' version numbers in step.
SELECT 1;
