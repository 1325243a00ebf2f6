-- SectorCRM schema, version 3, SQLite: one search index for every aggregate type.
--
-- crm_search_word holds a row per (type, record, scope, word): the words of the type's searchable text,
-- cut by SearchTerms.tokens in Java, under scope '*' (text every reader may read) or the scope of the
-- readers who may read the rest ('partner:<id>' for an engagement's PARTNER notes, 'staff:<id>' for its
-- PRIVATE notes). It replaces the FTS5 indexes of employers, contacts, engagements and notes (and the
-- note rows, which only served search): plain rows are exact, and every type is searchable alike.
-- The words come from the stored documents, which SQL cannot tokenise the way Java does: the row of
-- crm_search_reindex asks the store to fill the index when it next starts (and to delete the row).

CREATE TABLE crm_search_word (
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    scope       TEXT NOT NULL,
    word        TEXT NOT NULL,
    PRIMARY KEY (record_type, word, scope, record_id)
) WITHOUT ROWID, STRICT;
CREATE INDEX crm_search_word_record ON crm_search_word (record_type, record_id);

-- At most one row: where the store's refill of the index has got to (type key and last id done).
CREATE TABLE crm_search_reindex (
    id          INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    record_type TEXT,
    after_id    TEXT
) STRICT;
INSERT INTO crm_search_reindex (id) VALUES (1);

DROP TRIGGER crm_employer_fts_insert;
DROP TRIGGER crm_employer_fts_delete;
DROP TRIGGER crm_employer_fts_update;
DROP TABLE crm_employer_fts;
ALTER TABLE crm_employer DROP COLUMN search_terms;

DROP TRIGGER crm_contact_fts_insert;
DROP TRIGGER crm_contact_fts_delete;
DROP TRIGGER crm_contact_fts_update;
DROP TABLE crm_contact_fts;
ALTER TABLE crm_contact DROP COLUMN search_terms;

DROP TRIGGER crm_engagement_fts_insert;
DROP TRIGGER crm_engagement_fts_delete;
DROP TRIGGER crm_engagement_fts_update;
DROP TABLE crm_engagement_fts;
ALTER TABLE crm_engagement DROP COLUMN search_terms;

DROP TRIGGER crm_note_fts_insert;
DROP TRIGGER crm_note_fts_delete;
DROP TABLE crm_note_fts;
DROP TABLE crm_note;
