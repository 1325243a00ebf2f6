-- SectorCRM schema, version 10, SQLite: messages on referrals and each reader's read marker.
--
-- A message names both partners of its referral's thread (copied when posted; a referral's partners never
-- change), so a partner's messages are found without reading referrals. sent_at is an instant in UTC
-- (ISO-8601 text) with the nanoseconds below the microsecond in sent_at_ns, as for appointments. Read state
-- is a row per reader and referral (crm_read_marker), never a change of the message.

CREATE TABLE crm_referral_message (
    id                TEXT    NOT NULL PRIMARY KEY,
    version           INTEGER NOT NULL CHECK (version >= 1),
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    created_by        TEXT    NOT NULL,
    referral_id       TEXT    NOT NULL,
    employer_id       TEXT    NOT NULL REFERENCES crm_employer (id),
    author_partner_id TEXT    NOT NULL,
    other_partner_id  TEXT    NOT NULL,
    author_id         TEXT    NOT NULL,
    sent_at           TEXT    NOT NULL,
    sent_at_ns        INTEGER NOT NULL CHECK (sent_at_ns BETWEEN 0 AND 999),
    doc               TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_referral_message_referral ON crm_referral_message (referral_id, id);
CREATE INDEX crm_referral_message_employer ON crm_referral_message (employer_id, id);
CREATE INDEX crm_referral_message_author_partner ON crm_referral_message (author_partner_id, id);
CREATE INDEX crm_referral_message_other_partner ON crm_referral_message (other_partner_id, id);
CREATE INDEX crm_referral_message_author ON crm_referral_message (author_id, id);

CREATE TABLE crm_read_marker (
    id          TEXT    NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    referral_id TEXT    NOT NULL,
    reader_id   TEXT    NOT NULL,
    doc         TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_read_marker_referral ON crm_read_marker (referral_id, id);
CREATE INDEX crm_read_marker_reader ON crm_read_marker (reader_id, id);
