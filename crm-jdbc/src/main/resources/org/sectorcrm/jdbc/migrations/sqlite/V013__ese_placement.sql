-- SectorCRM schema, version 13, SQLite: what the ESE report needs at region scale (a million engagements), so that
-- it reads indexes only.
--
-- 1. crm_employer_establishment: each employer's establishments (id, county, primary), written by the store with the
--    employer as its other child rows, filled here from the documents. The report places every served establishment
--    (its county, its employer's primary establishment) in one join instead of reading the served employers one by one.
-- 2. A covering index for the countable-services scan, in the order of its DISTINCT: staff-assisted rows by
--    (employer, establishment, category), the date last, so the distinct triples (or establishments) come out of the
--    index in order with the date tested in the index entry: no table read and no temporary B-tree, whatever the
--    window (a B-tree over the three-year look-back window's rows cost more than the scan of every staff-assisted
--    index entry; measured in docs/benchmarks.md). The engagement id last, which a partner area joins on. It replaces
--    V002's (staff_assisted, engaged_on).

CREATE TABLE crm_employer_establishment (
    employer_id      TEXT    NOT NULL REFERENCES crm_employer (id) ON DELETE CASCADE,
    establishment_id TEXT    NOT NULL,
    county           TEXT,
    is_primary       INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
    PRIMARY KEY (employer_id, establishment_id)
) WITHOUT ROWID, STRICT;

INSERT INTO crm_employer_establishment (employer_id, establishment_id, county, is_primary)
SELECT e.id, json_extract(s.value, '$.id'), json_extract(s.value, '$.county'), CASE WHEN json_extract(s.value, '$.primary') = 1 THEN 1 ELSE 0 END
FROM crm_employer e, json_each(e.doc, '$.establishments') s
WHERE json_extract(s.value, '$.id') IS NOT NULL;

CREATE INDEX crm_engagement_service_ese_covering ON crm_engagement_service (staff_assisted, employer_id, establishment_id, category,
    engaged_on, engagement_id);
DROP INDEX crm_engagement_service_ese;
