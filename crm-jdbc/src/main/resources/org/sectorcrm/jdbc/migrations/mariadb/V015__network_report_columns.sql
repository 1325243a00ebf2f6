-- SectorCRM schema, version 15, MariaDB: what the network-health reports (referrals, needs funnel, outcomes) read, as
-- typed columns, so that they never decode documents (ReportQueries.referralFacts, needFacts, outcomeFacts).
--
-- 1. crm_referral: the decline reason, and the response and completion times in milliseconds from the moment the
--    referral was recorded as sent (computed by the store from the document's instants: exact, which DATETIME(6),
--    cut to microseconds, would not be).
-- 2. crm_need.raised_on; crm_solution.start_date and agreed_on, and crm_solution_need (the needs each solution
--    addresses), which the funnel joins to find each need's earliest agreed solution.
-- 3. crm_outcome: the metric's name, unit and direction, and the baseline and latest observation as decimal text.
-- The new columns of rows written before are filled by the store from their documents when it next starts, before it
-- serves anything (crm_column_refill: one row per type still to fill, with the last id done).
-- Idempotent, as every MariaDB script: DDL commits as it goes, so a run interrupted half-way is run again
-- (INSERT IGNORE: a refill already under way keeps its place).

SET SESSION innodb_ft_enable_stopword = OFF;

ALTER TABLE crm_referral ADD COLUMN IF NOT EXISTS decline_reason TEXT NULL;
ALTER TABLE crm_referral ADD COLUMN IF NOT EXISTS response_ms BIGINT NULL;
ALTER TABLE crm_referral ADD COLUMN IF NOT EXISTS completion_ms BIGINT NULL;

ALTER TABLE crm_need ADD COLUMN IF NOT EXISTS raised_on DATE NULL;

ALTER TABLE crm_solution ADD COLUMN IF NOT EXISTS start_date DATE NULL;
ALTER TABLE crm_solution ADD COLUMN IF NOT EXISTS agreed_on DATE NULL;

CREATE TABLE IF NOT EXISTS crm_solution_need (
    solution_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    need_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (solution_id, need_id),
    KEY crm_solution_need_need (need_id, solution_id),
    CONSTRAINT crm_solution_need_solution_fk FOREIGN KEY (solution_id) REFERENCES crm_solution (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

ALTER TABLE crm_outcome ADD COLUMN IF NOT EXISTS metric_name TEXT NULL;
ALTER TABLE crm_outcome ADD COLUMN IF NOT EXISTS metric_unit TEXT NULL;
ALTER TABLE crm_outcome ADD COLUMN IF NOT EXISTS direction VARCHAR(32) NULL;
ALTER TABLE crm_outcome ADD COLUMN IF NOT EXISTS baseline TEXT NULL;
ALTER TABLE crm_outcome ADD COLUMN IF NOT EXISTS latest_value TEXT NULL;

CREATE TABLE IF NOT EXISTS crm_column_refill (
    record_type VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    after_id    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
INSERT IGNORE INTO crm_column_refill (record_type) VALUES ('need'), ('solution'), ('referral'), ('outcome');
