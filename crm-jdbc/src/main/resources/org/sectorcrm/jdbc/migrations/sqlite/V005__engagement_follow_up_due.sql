-- SectorCRM schema, version 5, SQLite: an engagement's follow-up due date as a column, for the filter
-- "follow-ups due or overdue" (EngagementFilter.followUpDueBy), filled from the documents written before.

ALTER TABLE crm_engagement ADD COLUMN follow_up_due TEXT;
UPDATE crm_engagement SET follow_up_due = json_extract(doc, '$.followUpDue');
CREATE INDEX crm_engagement_follow_up_due ON crm_engagement (partner_id, follow_up_due);
