-- SectorCRM schema, version 10, MariaDB: messages on referrals and each reader's read marker.
--
-- A message names both partners of its referral's thread (copied when posted; a referral's partners never
-- change), so a partner's messages are found without reading referrals. sent_at is DATETIME(6) holding UTC,
-- which stops at the microsecond, with the nanoseconds below it in sent_at_ns, as for appointments. Read
-- state is a row per reader and referral (crm_read_marker), never a change of the message.
-- Idempotent, as every MariaDB script: DDL commits as it goes, so a run interrupted half-way is run again.

SET SESSION innodb_ft_enable_stopword = OFF;

CREATE TABLE IF NOT EXISTS crm_referral_message (
    id                CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version           BIGINT      NOT NULL CHECK (version >= 1),
    created_at        DATETIME(6) NOT NULL,
    updated_at        DATETIME(6) NOT NULL,
    created_by        CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    referral_id       CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    employer_id       CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    author_partner_id CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    other_partner_id  CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    author_id         CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    sent_at           DATETIME(6) NOT NULL,
    sent_at_ns        SMALLINT    NOT NULL CHECK (sent_at_ns BETWEEN 0 AND 999),
    doc               JSON        NOT NULL,
    KEY crm_referral_message_referral (referral_id, id),
    KEY crm_referral_message_employer (employer_id, id),
    KEY crm_referral_message_author_partner (author_partner_id, id),
    KEY crm_referral_message_other_partner (other_partner_id, id),
    KEY crm_referral_message_author (author_id, id),
    CONSTRAINT crm_referral_message_employer_fk FOREIGN KEY (employer_id) REFERENCES crm_employer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_read_marker (
    id          CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version     BIGINT      NOT NULL CHECK (version >= 1),
    created_at  DATETIME(6) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    created_by  CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    referral_id CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    reader_id   CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    doc         JSON        NOT NULL,
    KEY crm_read_marker_referral (referral_id, id),
    KEY crm_read_marker_reader (reader_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
