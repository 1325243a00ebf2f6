-- SectorCRM schema, version 14, SQLite: what the ESE report needs for a partner or a region area at region scale
-- (issue 10: a million engagements in under a second).
--
-- 1. Each ESE service row carries its engagement's partner too (as V002 copied the date, staff-assisted flag,
--    employer and establishment), so that a partner area reads its own index entries instead of looking up the
--    engagement row of every service in the window (a million lookups into the table of documents). The store
--    writes it with the engagement; this script fills it for the rows written before. Nullable only because SQLite
--    cannot add a NOT NULL column without a default; every row has one after this script.
-- 2. A covering index for a partner's countable services, in the order of the report's GROUP BY after the partner.
-- 3. An index of the establishments by county, for a region area: the region's employers by county are found by key.

ALTER TABLE crm_engagement_service ADD COLUMN partner_id TEXT;

UPDATE crm_engagement_service SET partner_id = (SELECT e.partner_id FROM crm_engagement e WHERE e.id = crm_engagement_service.engagement_id);

CREATE INDEX crm_engagement_service_ese_partner ON crm_engagement_service (staff_assisted, partner_id, employer_id, establishment_id, category,
    engaged_on);
CREATE INDEX crm_employer_establishment_county ON crm_employer_establishment (county, employer_id);
