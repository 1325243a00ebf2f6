-- SectorCRM schema, version 12, MariaDB: attachments' metadata (the content is in a content store, by id).
--
-- The owning record is named by its aggregate type key and id text, so that any type owns attachments without
-- a column per owner type; there is no foreign key, the application checks the owner and deletes a record's
-- attachments with it. The uploader's partner is a column for the filter.
-- Idempotent, as every MariaDB script: DDL commits as it goes, so a run interrupted half-way is run again.

SET SESSION innodb_ft_enable_stopword = OFF;

CREATE TABLE IF NOT EXISTS crm_attachment (
    id          CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version     BIGINT       NOT NULL CHECK (version >= 1),
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    created_by  CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    owner_type  VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    owner_id    VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    partner_id  CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    doc         JSON         NOT NULL,
    KEY crm_attachment_owner (owner_id, owner_type, id),
    KEY crm_attachment_owner_type (owner_type, id),
    KEY crm_attachment_partner (partner_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
