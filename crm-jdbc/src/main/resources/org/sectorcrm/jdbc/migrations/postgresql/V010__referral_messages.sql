-- SectorCRM schema, version 10, PostgreSQL: messages on referrals and each reader's read marker.
--
-- A message names both partners of its referral's thread (copied when posted; a referral's partners never
-- change), so a partner's messages are found without reading referrals. sent_at is a timestamptz, which
-- stops at the microsecond, with the nanoseconds below it in sent_at_ns, as for appointments. Read state is
-- a row per reader and referral (crm_read_marker), never a change of the message. The runner applies the
-- whole script in one transaction.

CREATE TABLE crm_referral_message (
    id                uuid        NOT NULL PRIMARY KEY,
    version           bigint      NOT NULL CHECK (version >= 1),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    created_by        uuid        NOT NULL,
    referral_id       uuid        NOT NULL,
    employer_id       uuid        NOT NULL REFERENCES crm_employer (id),
    author_partner_id uuid        NOT NULL,
    other_partner_id  uuid        NOT NULL,
    author_id         uuid        NOT NULL,
    sent_at           timestamptz NOT NULL,
    sent_at_ns        smallint    NOT NULL CHECK (sent_at_ns BETWEEN 0 AND 999),
    doc               json        NOT NULL
);
CREATE INDEX crm_referral_message_referral ON crm_referral_message (referral_id, id);
CREATE INDEX crm_referral_message_employer ON crm_referral_message (employer_id, id);
CREATE INDEX crm_referral_message_author_partner ON crm_referral_message (author_partner_id, id);
CREATE INDEX crm_referral_message_other_partner ON crm_referral_message (other_partner_id, id);
CREATE INDEX crm_referral_message_author ON crm_referral_message (author_id, id);

CREATE TABLE crm_read_marker (
    id          uuid        NOT NULL PRIMARY KEY,
    version     bigint      NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    created_by  uuid        NOT NULL,
    referral_id uuid        NOT NULL,
    reader_id   uuid        NOT NULL,
    doc         json        NOT NULL
);
CREATE INDEX crm_read_marker_referral ON crm_read_marker (referral_id, id);
CREATE INDEX crm_read_marker_reader ON crm_read_marker (reader_id, id);
