-- Version 13 is reserved for another helper's migration (alert baselines or TikTok task quota), which replaces this
-- placeholder when both are merged: it changes nothing.
SELECT 1;
