-- SectorCRM schema, version 3, MariaDB: one search index for every aggregate type.
--
-- crm_search_word holds a row per (type, record, scope, word): the words of the type's searchable text,
-- cut by SearchTerms.tokens in Java, under scope '*' (text every reader may read) or the scope of the
-- readers who may read the rest ('partner:<id>' for an engagement's PARTNER notes, 'staff:<id>' for its
-- PRIVATE notes). It replaces the FULLTEXT indexes of employers, contacts, engagements and notes (and the
-- note rows, which only served search): plain rows are exact (no stopwords, no token sizes), a
-- transaction sees its own rows before it commits, and every type is searchable alike.
-- The words come from the stored documents, which SQL cannot tokenise the way Java does: the row of
-- crm_search_reindex asks the store to fill the index when it next starts (and to delete the row).
-- Idempotent, as every MariaDB script: DDL commits as it goes, so a run interrupted half-way is run again.

SET SESSION innodb_ft_enable_stopword = OFF;

CREATE TABLE IF NOT EXISTS crm_search_word (
    record_type VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    record_id   VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    scope       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    word        VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (record_type, word, scope, record_id),
    KEY crm_search_word_record (record_type, record_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- At most one row: where the store's refill of the index has got to (type key and last id done).
CREATE TABLE IF NOT EXISTS crm_search_reindex (
    id          INT         NOT NULL PRIMARY KEY CHECK (id = 1),
    record_type VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin,
    after_id    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
INSERT IGNORE INTO crm_search_reindex (id) VALUES (1);

-- Dropping a column drops its FULLTEXT index with it.
ALTER TABLE crm_employer DROP COLUMN IF EXISTS search_terms;
ALTER TABLE crm_contact DROP COLUMN IF EXISTS search_terms;
ALTER TABLE crm_engagement DROP COLUMN IF EXISTS search_terms;
DROP TABLE IF EXISTS crm_note;
