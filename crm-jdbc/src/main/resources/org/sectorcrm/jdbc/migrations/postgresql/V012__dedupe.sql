-- SectorCRM schema, version 13, PostgreSQL: dedupe reviews and merge records (tombstones of merged employers).
--
-- A review's id derives from its pair of employers; the pair is not a foreign key, as a review outlives a merge or
-- delete of either employer. A merge record's id is the merged employer's; it references the survivor.

CREATE TABLE crm_duplicate_review (
    id          uuid        NOT NULL PRIMARY KEY,
    version     bigint      NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    created_by  uuid        NOT NULL,
    first_id    uuid        NOT NULL,
    second_id   uuid        NOT NULL,
    decision    text        NOT NULL,
    doc         json        NOT NULL
);
CREATE INDEX crm_duplicate_review_first ON crm_duplicate_review (first_id, id);
CREATE INDEX crm_duplicate_review_second ON crm_duplicate_review (second_id, id);
CREATE INDEX crm_duplicate_review_decision ON crm_duplicate_review (decision, id);

CREATE TABLE crm_employer_merge (
    id          uuid        NOT NULL PRIMARY KEY,
    version     bigint      NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    created_by  uuid        NOT NULL,
    survivor_id uuid        NOT NULL REFERENCES crm_employer (id),
    doc         json        NOT NULL
);
CREATE INDEX crm_employer_merge_survivor ON crm_employer_merge (survivor_id, id);
