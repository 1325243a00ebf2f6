-- SectorCRM schema, version 13, MariaDB: what the ESE report needs at region scale (a million engagements), so that
-- it reads indexes only.
--
-- 1. crm_employer_establishment: each employer's establishments (id, county, primary), written by the store with the
--    employer as its other child rows, filled here from the documents. The report places every served establishment
--    (its county, its employer's primary establishment) in one join instead of reading the served employers one by one.
-- 2. A covering index for the countable-services scan, in the order of its DISTINCT (as on SQLite): staff-assisted
--    rows by (employer, establishment, category), the date last, so no table read and no temporary table; InnoDB adds
--    the primary key's engagement id, which a partner area joins on. It replaces V002's (staff_assisted, engaged_on).
-- Idempotent, as every MariaDB script: DDL commits as it goes, so a run interrupted half-way is run again
-- (INSERT IGNORE: rows filled by an earlier run are kept).

SET SESSION innodb_ft_enable_stopword = OFF;

CREATE TABLE IF NOT EXISTS crm_employer_establishment (
    employer_id      CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    establishment_id CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    county           VARCHAR(300) NULL,
    is_primary       BOOLEAN      NOT NULL,
    PRIMARY KEY (employer_id, establishment_id),
    CONSTRAINT crm_employer_establishment_employer_fk FOREIGN KEY (employer_id) REFERENCES crm_employer (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

INSERT IGNORE INTO crm_employer_establishment (employer_id, establishment_id, county, is_primary)
SELECT e.id, s.establishment_id, s.county, CASE WHEN s.is_primary = 'true' THEN 1 ELSE 0 END
FROM crm_employer e, JSON_TABLE(e.doc, '$.establishments[*]' COLUMNS (
    establishment_id CHAR(36) PATH '$.id', county VARCHAR(300) PATH '$.county', is_primary VARCHAR(5) PATH '$.primary')) s
WHERE s.establishment_id IS NOT NULL;

CREATE INDEX IF NOT EXISTS crm_engagement_service_ese_covering
    ON crm_engagement_service (staff_assisted, employer_id, establishment_id, category, engaged_on);
DROP INDEX IF EXISTS crm_engagement_service_ese ON crm_engagement_service;
