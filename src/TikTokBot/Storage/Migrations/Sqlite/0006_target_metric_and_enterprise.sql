-- The metric a success target is set on (CostPerConversion, CpcDestination, Cpm, Roas...); NULL: the objective's cost per result.
ALTER TABLE success_criteria ADD COLUMN metric TEXT NULL;

-- The Enterprise Grid organisation a subscription was made in: an org-wide installation is found by it, not by the team.
ALTER TABLE channel_subscriptions ADD COLUMN enterprise_id TEXT NULL;
