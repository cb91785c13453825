-- PostgreSQL's variant of 013_lean_contribution_writes.sql (see there why): its tables have no
-- rowids, so only the activity index changes. Most contributions come from no activity; only those
-- from one are looked up by it.
DROP INDEX contributions_by_activity;
CREATE INDEX contributions_by_activity ON contributions (activity_id) WHERE activity_id IS NOT NULL;
