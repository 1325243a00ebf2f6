-- SectorCRM schema, version 14, PostgreSQL: what the ESE report needs for a partner or a region area at region scale
-- (issue 10: a million engagements in under a second). The runner applies the whole script in one transaction.
--
-- 1. Each ESE service row carries its engagement's partner too (as V002 copied the date, staff-assisted flag,
--    employer and establishment), so that a partner area reads its own index entries instead of joining the
--    engagement row of every service in the window. The store writes it with the engagement; this script fills it
--    for the rows written before.
-- 2. A partial covering index for a partner's countable services (index-only, as V013's for every partner).
-- 3. An index of the establishments by county, for a region area: the region's employers by county are found by key.

ALTER TABLE crm_engagement_service ADD COLUMN partner_id uuid;

UPDATE crm_engagement_service s SET partner_id = e.partner_id FROM crm_engagement e WHERE e.id = s.engagement_id;

ALTER TABLE crm_engagement_service ALTER COLUMN partner_id SET NOT NULL;

CREATE INDEX crm_engagement_service_ese_partner ON crm_engagement_service (partner_id, engaged_on) INCLUDE (employer_id, establishment_id, category)
    WHERE staff_assisted;
CREATE INDEX crm_employer_establishment_county ON crm_employer_establishment (county, employer_id);
