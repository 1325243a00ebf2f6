-- SectorCRM schema, version 2, PostgreSQL: each ESE service row carries what the ESE report selects on
-- (staff-assisted, date) and returns (employer, establishment), so that servedEstablishments reads one
-- indexed table instead of joining every engagement of the period. The store writes these columns
-- with the engagement; this script fills them for the rows written before. The runner applies the
-- whole script in one transaction.

ALTER TABLE crm_engagement_service
    ADD COLUMN employer_id      uuid,
    ADD COLUMN establishment_id uuid,
    ADD COLUMN engaged_on       date,
    ADD COLUMN staff_assisted   boolean;

UPDATE crm_engagement_service s
SET employer_id = e.employer_id, establishment_id = e.establishment_id, engaged_on = e.engaged_on, staff_assisted = e.staff_assisted
FROM crm_engagement e
WHERE e.id = s.engagement_id;

ALTER TABLE crm_engagement_service
    ALTER COLUMN employer_id SET NOT NULL,
    ALTER COLUMN engaged_on SET NOT NULL,
    ALTER COLUMN staff_assisted SET NOT NULL;

-- Only staff-assisted engagements count for ESE: a partial index holds just those.
CREATE INDEX crm_engagement_service_ese ON crm_engagement_service (engaged_on) WHERE staff_assisted;
