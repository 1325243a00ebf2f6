-- SectorCRM schema, version 13, MariaDB: dedupe reviews and merge records (tombstones of merged employers).
--
-- A review's id derives from its pair of employers; the pair is not a foreign key, as a review outlives a merge or
-- delete of either employer. A merge record's id is the merged employer's; it references the survivor.
-- Idempotent, as every MariaDB script: DDL commits as it goes, so a run interrupted half-way is run again.

SET SESSION innodb_ft_enable_stopword = OFF;

CREATE TABLE IF NOT EXISTS crm_duplicate_review (
    id          CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version     BIGINT      NOT NULL CHECK (version >= 1),
    created_at  DATETIME(6) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    created_by  CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    first_id    CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    second_id   CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    decision    VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    doc         JSON        NOT NULL,
    KEY crm_duplicate_review_first (first_id, id),
    KEY crm_duplicate_review_second (second_id, id),
    KEY crm_duplicate_review_decision (decision, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_employer_merge (
    id          CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version     BIGINT      NOT NULL CHECK (version >= 1),
    created_at  DATETIME(6) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    created_by  CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    survivor_id CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    doc         JSON        NOT NULL,
    KEY crm_employer_merge_survivor (survivor_id, id),
    CONSTRAINT crm_employer_merge_survivor_fk FOREIGN KEY (survivor_id) REFERENCES crm_employer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
