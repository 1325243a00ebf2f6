-- SectorCRM schema, version 5, PostgreSQL: an engagement's follow-up due date as a column, for the filter
-- "follow-ups due or overdue" (EngagementFilter.followUpDueBy), filled from the documents written before.
-- The runner applies the whole script in one transaction.

ALTER TABLE crm_engagement ADD COLUMN follow_up_due date;
UPDATE crm_engagement SET follow_up_due = CAST(doc ->> 'followUpDue' AS date) WHERE doc ->> 'followUpDue' IS NOT NULL;
CREATE INDEX crm_engagement_follow_up_due ON crm_engagement (partner_id, follow_up_due);
