-- SectorCRM schema, version 15, PostgreSQL: what the network-health reports (referrals, needs funnel, outcomes) read,
-- as typed columns, so that they never decode documents (ReportQueries.referralFacts, needFacts, outcomeFacts). The
-- runner applies the whole script in one transaction.
--
-- 1. crm_referral: the decline reason, and the response and completion times in milliseconds from the moment the
--    referral was recorded as sent (computed by the store from the document's instants: exact, which timestamptz,
--    cut to microseconds, would not be).
-- 2. crm_need.raised_on; crm_solution.start_date and agreed_on, and crm_solution_need (the needs each solution
--    addresses), which the funnel joins to find each need's earliest agreed solution.
-- 3. crm_outcome: the metric's name, unit and direction, and the baseline and latest observation as decimal text.
-- The new columns of rows written before are filled by the store from their documents when it next starts, before it
-- serves anything (crm_column_refill: one row per type still to fill, with the last id done).

ALTER TABLE crm_referral ADD COLUMN decline_reason text;
ALTER TABLE crm_referral ADD COLUMN response_ms bigint;
ALTER TABLE crm_referral ADD COLUMN completion_ms bigint;

ALTER TABLE crm_need ADD COLUMN raised_on date;

ALTER TABLE crm_solution ADD COLUMN start_date date;
ALTER TABLE crm_solution ADD COLUMN agreed_on date;

CREATE TABLE crm_solution_need (
    solution_id uuid NOT NULL REFERENCES crm_solution (id) ON DELETE CASCADE,
    need_id     uuid NOT NULL,
    PRIMARY KEY (solution_id, need_id)
);
CREATE INDEX crm_solution_need_need ON crm_solution_need (need_id, solution_id);

ALTER TABLE crm_outcome ADD COLUMN metric_name text;
ALTER TABLE crm_outcome ADD COLUMN metric_unit text;
ALTER TABLE crm_outcome ADD COLUMN direction text COLLATE "C";
ALTER TABLE crm_outcome ADD COLUMN baseline text;
ALTER TABLE crm_outcome ADD COLUMN latest_value text;

CREATE TABLE crm_column_refill (
    record_type text COLLATE "C" NOT NULL PRIMARY KEY,
    after_id    text COLLATE "C"
);
INSERT INTO crm_column_refill (record_type) VALUES ('need'), ('solution'), ('referral'), ('outcome');
