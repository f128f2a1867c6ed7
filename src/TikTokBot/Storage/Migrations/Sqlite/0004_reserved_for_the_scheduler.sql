-- Placeholder on the TikTok-accounts branch only: version 4 belongs to the scheduler's migration (Hangfire, digests)
-- written on another branch. When both are merged, delete this file and keep theirs; 0005 does not depend on 0004.
SELECT 1;
