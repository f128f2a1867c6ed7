-- The account history a workspace source's own benchmarks are drawn from (every campaign's totals over the last closed
-- days), read ahead and kept so a restart answers with the same yardsticks at once. Keyed by the source's name, which
-- stands for its advertisers and token, so two workspaces share a row only when they read the same figures.
CREATE TABLE account_histories (
    source_name TEXT NOT NULL CHECK (source_name <> ''),
    window_key  TEXT NOT NULL, -- the closed days it covers: the last day of each advertiser time zone it reads
    history     TEXT NOT NULL, -- JSON: one entry per campaign with its raw counts and reach
    read_at     TEXT NOT NULL,
    PRIMARY KEY (source_name, window_key)
) STRICT;
