-- SectorCRM schema, version 2, SQLite: each ESE service row carries what the ESE report selects on
-- (staff-assisted, date) and returns (employer, establishment), so that servedEstablishments reads one
-- indexed table instead of joining every engagement of the period. The store writes these columns
-- with the engagement; this script fills them for the rows written before.
--
-- SQLite cannot add NOT NULL columns without defaults to a table with rows, so the table is rebuilt
-- (https://www.sqlite.org/lang_altertable.html#otheralter): nothing references it, and the runner
-- applies the whole script in one transaction.

CREATE TABLE crm_engagement_service_v2 (
    engagement_id    TEXT    NOT NULL REFERENCES crm_engagement (id) ON DELETE CASCADE,
    category         TEXT    NOT NULL,
    employer_id      TEXT    NOT NULL,
    establishment_id TEXT,
    engaged_on       TEXT    NOT NULL,
    staff_assisted   INTEGER NOT NULL CHECK (staff_assisted IN (0, 1)),
    PRIMARY KEY (engagement_id, category)
) STRICT;

INSERT INTO crm_engagement_service_v2 (engagement_id, category, employer_id, establishment_id, engaged_on, staff_assisted)
SELECT s.engagement_id, s.category, e.employer_id, e.establishment_id, e.engaged_on, e.staff_assisted
FROM crm_engagement_service s JOIN crm_engagement e ON e.id = s.engagement_id;

DROP TABLE crm_engagement_service;
ALTER TABLE crm_engagement_service_v2 RENAME TO crm_engagement_service;
CREATE INDEX crm_engagement_service_category ON crm_engagement_service (category, engagement_id);
CREATE INDEX crm_engagement_service_ese ON crm_engagement_service (staff_assisted, engaged_on);
