-- SectorCRM schema, version 16, MariaDB: an index for each filter that had none (issue 13). On PostgreSQL with
-- enable_seqscan = off, the counts of these filters could only scan the whole table (PostgresIndexPlanTest runs
-- the conformance kit and EXPLAINs every statement the store sends); their pages walked the primary key instead.
-- Each ends in the id, so a filtered page is read in its keyset order. The same indexes on every engine.
-- Idempotent, as every MariaDB script: DDL commits as it goes, so a run interrupted half-way is run again.

SET SESSION innodb_ft_enable_stopword = OFF;

CREATE INDEX IF NOT EXISTS crm_appointment_status ON crm_appointment (status, id);
CREATE INDEX IF NOT EXISTS crm_contact_active ON crm_contact (active, id);
CREATE INDEX IF NOT EXISTS crm_engagement_channel ON crm_engagement (channel, id);
CREATE INDEX IF NOT EXISTS crm_engagement_staff_assisted ON crm_engagement (staff_assisted, id);
CREATE INDEX IF NOT EXISTS crm_partner_active ON crm_partner (active, id);
CREATE INDEX IF NOT EXISTS crm_partnership_stage ON crm_partnership (stage, id);
CREATE INDEX IF NOT EXISTS crm_referral_message_sent_at ON crm_referral_message (sent_at, sent_at_ns);
CREATE INDEX IF NOT EXISTS crm_staff_user_active ON crm_staff_user (active, id);
