-- SectorCRM schema, version 12, PostgreSQL: attachments' metadata (the content is in a content store, by id).
--
-- The owning record is named by its aggregate type key and id text, so that any type owns attachments without
-- a column per owner type; there is no foreign key, the application checks the owner and deletes a record's
-- attachments with it. The uploader's partner is a column for the filter.

CREATE TABLE crm_attachment (
    id          uuid         NOT NULL PRIMARY KEY,
    version     bigint       NOT NULL CHECK (version >= 1),
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    created_by  uuid         NOT NULL,
    owner_type  varchar(100) COLLATE "C" NOT NULL,
    owner_id    varchar(100) COLLATE "C" NOT NULL,
    partner_id  uuid         NOT NULL,
    doc         json         NOT NULL
);
CREATE INDEX crm_attachment_owner ON crm_attachment (owner_id, owner_type, id);
CREATE INDEX crm_attachment_owner_type ON crm_attachment (owner_type, id);
CREATE INDEX crm_attachment_partner ON crm_attachment (partner_id, id);
