-- Placeholder on the actions branch only: version 6 belongs to another branch's migration.
-- When the branches are merged, delete this file and keep theirs; 0007 (actions) depends on none of 0004-0006.
SELECT 1;
