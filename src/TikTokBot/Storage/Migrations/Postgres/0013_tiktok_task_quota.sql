-- TikTok's asynchronous report task endpoints have a budget of their own for the whole developer app (2 a second,
-- 60 a minute, 4,500 a day on every tier): a second row of tiktok_quota, kept by every instance as row 1 is.
ALTER TABLE tiktok_quota DROP CONSTRAINT tiktok_quota_id_check;
ALTER TABLE tiktok_quota ADD CONSTRAINT tiktok_quota_id_check CHECK (id IN (1, 2));
INSERT INTO tiktok_quota VALUES (2, 'epoch', 0, 'epoch', 0, 'epoch', 0, 'epoch', NULL, 'epoch', 'epoch', 'epoch');
