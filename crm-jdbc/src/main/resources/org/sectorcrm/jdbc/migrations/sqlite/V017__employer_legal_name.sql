-- SectorCRM schema, version 17, SQLite: the employer's legal name as a column, so that the contact-cadence report
-- (ReportQueries.cadenceFacts: per employer its legal name, sector and relationship lead) never decodes documents.
-- The column of rows written before is filled by the store from their documents when it next starts, before it
-- serves anything (crm_column_refill, as V015).

ALTER TABLE crm_employer ADD COLUMN legal_name TEXT;

INSERT INTO crm_column_refill (record_type) VALUES ('employer');
