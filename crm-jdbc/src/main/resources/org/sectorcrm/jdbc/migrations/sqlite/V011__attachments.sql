-- SectorCRM schema, version 12, SQLite: attachments' metadata (the content is in a content store, by id).
--
-- The owning record is named by its aggregate type key and id text, so that any type owns attachments without
-- a column per owner type; there is no foreign key, the application checks the owner and deletes a record's
-- attachments with it. The uploader's partner is a column for the filter.

CREATE TABLE crm_attachment (
    id          TEXT    NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    owner_type  TEXT    NOT NULL,
    owner_id    TEXT    NOT NULL,
    partner_id  TEXT    NOT NULL,
    doc         TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_attachment_owner ON crm_attachment (owner_id, owner_type, id);
CREATE INDEX crm_attachment_owner_type ON crm_attachment (owner_type, id);
CREATE INDEX crm_attachment_partner ON crm_attachment (partner_id, id);
