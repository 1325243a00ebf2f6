-- SectorCRM schema, version 13, SQLite: what the ESE report needs at region scale (a million engagements), so that
-- it reads indexes only.
--
-- 1. crm_employer_establishment: each employer's establishments (id, county, primary), written by the store with the
--    employer as its other child rows, filled here from the documents. The report places every served establishment
--    (its county, its employer's primary establishment) in one join instead of reading the served employers one by one.
-- 2. A covering index for the countable-services scan: (staff_assisted, engaged_on) narrows the rows, and the columns
--    the query returns (employer, establishment, category) are in the index, so the three-year look-back window never
--    reads the table; the engagement id too, which a partner area joins on. It has the old index's prefix, which it
--    replaces.

CREATE TABLE crm_employer_establishment (
    employer_id      TEXT    NOT NULL REFERENCES crm_employer (id) ON DELETE CASCADE,
    establishment_id TEXT    NOT NULL,
    county           TEXT,
    is_primary       INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
    PRIMARY KEY (employer_id, establishment_id)
) STRICT, WITHOUT ROWID;

INSERT INTO crm_employer_establishment (employer_id, establishment_id, county, is_primary)
SELECT e.id, json_extract(s.value, '$.id'), json_extract(s.value, '$.county'), CASE WHEN json_extract(s.value, '$.primary') = 1 THEN 1 ELSE 0 END
FROM crm_employer e, json_each(e.doc, '$.establishments') s
WHERE json_extract(s.value, '$.id') IS NOT NULL;

CREATE INDEX crm_engagement_service_ese_covering ON crm_engagement_service (staff_assisted, engaged_on, employer_id, establishment_id, category,
    engagement_id);
DROP INDEX crm_engagement_service_ese;
