-- Check-ins: the weekly recap of one channel subscription, claimed per week before it is posted so it is posted once
-- however many instances fire its job. week_start is the first of the seven local days it covers. A claim never posted
-- (posted_at NULL) may be taken over once it is older than the lease (its poster died).
CREATE TABLE checkin_recaps (
    team_id         TEXT NOT NULL,
    subscription_id TEXT NOT NULL CHECK (subscription_id <> ''),
    week_start      TEXT NOT NULL,
    claimed_at      TEXT NOT NULL,
    posted_at       TEXT NULL,
    message_ts      TEXT NULL, -- '-' when the week had nothing to say and nothing was posted
    PRIMARY KEY (team_id, subscription_id, week_start)
) STRICT;
