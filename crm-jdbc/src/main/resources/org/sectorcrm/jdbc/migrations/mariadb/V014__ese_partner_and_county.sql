-- SectorCRM schema, version 14, MariaDB: what the ESE report needs for a partner or a region area at region scale
-- (issue 10: a million engagements in under a second).
--
-- 1. Each ESE service row carries its engagement's partner too (as V002 copied the date, staff-assisted flag,
--    employer and establishment), so that a partner area reads its own index entries instead of joining the
--    engagement row of every service in the window. The store writes it with the engagement; this script fills it
--    for the rows written before.
-- 2. A covering index for a partner's countable services, in the order of the report's GROUP BY after the partner.
-- 3. An index of the establishments by county, for a region area: the region's employers by county are found by key.
-- Idempotent, as every MariaDB script: DDL commits as it goes, so a run interrupted half-way is run again.

SET SESSION innodb_ft_enable_stopword = OFF;

ALTER TABLE crm_engagement_service ADD COLUMN IF NOT EXISTS partner_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL;

UPDATE crm_engagement_service s JOIN crm_engagement e ON e.id = s.engagement_id SET s.partner_id = e.partner_id;

ALTER TABLE crm_engagement_service MODIFY partner_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;

CREATE INDEX IF NOT EXISTS crm_engagement_service_ese_partner
    ON crm_engagement_service (staff_assisted, partner_id, employer_id, establishment_id, category, engaged_on);
CREATE INDEX IF NOT EXISTS crm_employer_establishment_county ON crm_employer_establishment (county, employer_id);
