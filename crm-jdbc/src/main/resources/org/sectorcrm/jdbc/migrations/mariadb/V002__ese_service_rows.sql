-- SectorCRM schema, version 2, MariaDB: each ESE service row carries what the ESE report selects on
-- (staff-assisted, date) and returns (employer, establishment), so that servedEstablishments reads one
-- indexed table instead of joining every engagement of the period. The store writes these columns
-- with the engagement; this script fills them for the rows written before.
-- Idempotent, as every MariaDB script: DDL commits as it goes, so a run interrupted half-way is run again.

SET SESSION innodb_ft_enable_stopword = OFF;

ALTER TABLE crm_engagement_service
    ADD COLUMN IF NOT EXISTS employer_id      CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN IF NOT EXISTS establishment_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN IF NOT EXISTS engaged_on       DATE NULL,
    ADD COLUMN IF NOT EXISTS staff_assisted   BOOLEAN NULL;

UPDATE crm_engagement_service s JOIN crm_engagement e ON e.id = s.engagement_id
SET s.employer_id = e.employer_id, s.establishment_id = e.establishment_id, s.engaged_on = e.engaged_on, s.staff_assisted = e.staff_assisted;

ALTER TABLE crm_engagement_service
    MODIFY employer_id    CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    MODIFY engaged_on     DATE NOT NULL,
    MODIFY staff_assisted BOOLEAN NOT NULL;

CREATE INDEX IF NOT EXISTS crm_engagement_service_ese ON crm_engagement_service (staff_assisted, engaged_on);
