-- SectorCRM schema, version 5, MariaDB: an engagement's follow-up due date as a column, for the filter
-- "follow-ups due or overdue" (EngagementFilter.followUpDueBy), filled from the documents written before.
-- Idempotent, as every MariaDB script: DDL commits as it goes, so a run interrupted half-way is run again.

SET SESSION innodb_ft_enable_stopword = OFF;

ALTER TABLE crm_engagement ADD COLUMN IF NOT EXISTS follow_up_due DATE NULL;
UPDATE crm_engagement SET follow_up_due = CAST(JSON_VALUE(doc, '$.followUpDue') AS DATE) WHERE JSON_VALUE(doc, '$.followUpDue') IS NOT NULL;
CREATE INDEX IF NOT EXISTS crm_engagement_follow_up_due ON crm_engagement (partner_id, follow_up_due);
