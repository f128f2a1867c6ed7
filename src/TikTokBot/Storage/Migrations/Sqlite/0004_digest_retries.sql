-- When a failed digest is to be tried again. The scheduler's store may be memory, so the retry must be known here:
-- a restart reads it and schedules the attempt again. NULL: no attempt pending (delivered, or given up).
ALTER TABLE digest_deliveries ADD COLUMN next_attempt_at TEXT NULL;
