-- SectorCRM schema, version 3, PostgreSQL: one search index for every aggregate type.
--
-- crm_search_word holds a row per (type, record, scope, word): the words of the type's searchable text,
-- cut by SearchTerms.tokens in Java, under scope '*' (text every reader may read) or the scope of the
-- readers who may read the rest ('partner:<id>' for an engagement's PARTNER notes, 'staff:<id>' for its
-- PRIVATE notes). It replaces the tsvector columns of employers, contacts, engagements and notes (and the
-- note rows, which only served search): plain rows are exact, and every type is searchable alike.
-- The words come from the stored documents, which SQL cannot tokenise the way Java does: the row of
-- crm_search_reindex asks the store to fill the index when it next starts (and to delete the row).
-- The runner applies the whole script in one transaction.

CREATE TABLE crm_search_word (
    record_type varchar(64) COLLATE "C" NOT NULL,
    record_id   varchar(64) COLLATE "C" NOT NULL,
    scope       varchar(64) COLLATE "C" NOT NULL,
    word        varchar(64) COLLATE "C" NOT NULL,
    PRIMARY KEY (record_type, word, scope, record_id)
);
CREATE INDEX crm_search_word_record ON crm_search_word (record_type, record_id);

-- At most one row: where the store's refill of the index has got to (type key and last id done).
CREATE TABLE crm_search_reindex (
    id          integer     NOT NULL PRIMARY KEY CHECK (id = 1),
    record_type varchar(64) COLLATE "C",
    after_id    varchar(64) COLLATE "C"
);
INSERT INTO crm_search_reindex (id) VALUES (1);

-- Dropping a column drops its GIN index with it.
ALTER TABLE crm_employer DROP COLUMN search_terms;
ALTER TABLE crm_contact DROP COLUMN search_terms;
ALTER TABLE crm_engagement DROP COLUMN search_terms;
DROP TABLE crm_note;
