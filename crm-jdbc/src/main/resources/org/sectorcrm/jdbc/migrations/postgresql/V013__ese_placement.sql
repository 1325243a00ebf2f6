-- SectorCRM schema, version 13, PostgreSQL: what the ESE report needs at region scale (a million engagements), so
-- that it reads indexes only. The runner applies the whole script in one transaction.
--
-- 1. crm_employer_establishment: each employer's establishments (id, county, primary), written by the store with the
--    employer as its other child rows, filled here from the documents. The report places every served establishment
--    (its county, its employer's primary establishment) in one join instead of reading the served employers one by one.
-- 2. A covering index for the countable-services scan: the partial index on staff-assisted rows by date now INCLUDEs
--    the columns the query returns (employer, establishment, category) and the engagement id a partner area joins on,
--    so the look-back window is an index-only scan. It replaces the V002 index of the same key.

CREATE TABLE crm_employer_establishment (
    employer_id      uuid    NOT NULL REFERENCES crm_employer (id) ON DELETE CASCADE,
    establishment_id uuid    NOT NULL,
    county           text,
    is_primary       boolean NOT NULL,
    PRIMARY KEY (employer_id, establishment_id)
);

INSERT INTO crm_employer_establishment (employer_id, establishment_id, county, is_primary)
SELECT e.id, CAST(s ->> 'id' AS uuid), s ->> 'county', COALESCE(CAST(s ->> 'primary' AS boolean), false)
FROM crm_employer e CROSS JOIN LATERAL json_array_elements(COALESCE(e.doc -> 'establishments', '[]'::json)) s
WHERE s ->> 'id' IS NOT NULL;

CREATE INDEX crm_engagement_service_ese_covering ON crm_engagement_service (engaged_on) INCLUDE (employer_id, establishment_id, category, engagement_id)
    WHERE staff_assisted;
DROP INDEX crm_engagement_service_ese;
