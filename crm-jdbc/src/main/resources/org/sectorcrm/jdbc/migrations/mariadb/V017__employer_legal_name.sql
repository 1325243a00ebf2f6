-- SectorCRM schema, version 17, MariaDB: the employer's legal name as a column, so that the contact-cadence report
-- (ReportQueries.cadenceFacts: per employer its legal name, sector and relationship lead) never decodes documents;
-- and an index for its contact rows.
-- The column of rows written before is filled by the store from their documents when it next starts, before it
-- serves anything (crm_column_refill, as V015).
-- Idempotent, as every MariaDB script (INSERT IGNORE: a refill already under way keeps its place).

SET SESSION innodb_ft_enable_stopword = OFF;

ALTER TABLE crm_employer ADD COLUMN IF NOT EXISTS legal_name TEXT NULL;

-- The contact rows of the cadence and duplicated-effort reports (ReportQueries.partnerContacts: GROUP BY employer and
-- partner over every engagement but mass mailings) from an index alone, in its order: without it SQLite looked up the
-- table row, document and all, of each of a region's million engagements (3.4 s warm, 12 s cold, against 0.3 s with
-- it; docs/benchmarks.md, benchmark 5). One more index to write per engagement.
CREATE INDEX IF NOT EXISTS crm_engagement_contact ON crm_engagement (employer_id, partner_id, engaged_on, channel);

INSERT IGNORE INTO crm_column_refill (record_type) VALUES ('employer');
