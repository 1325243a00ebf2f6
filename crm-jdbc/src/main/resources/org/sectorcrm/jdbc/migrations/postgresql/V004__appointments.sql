-- SectorCRM schema, version 4, PostgreSQL: appointments.
--
-- Start and end are kept as instants (timestamptz) for the filter's time window; the document keeps the
-- wall-clock times and the time zone. timestamptz stops at the microsecond, so `_ns` holds the
-- nanoseconds below it and the store's comparisons stay exact. The staff attending are child rows; the
-- organiser is a column. The runner applies the whole script in one transaction.

CREATE TABLE crm_appointment (
    id                   uuid        NOT NULL PRIMARY KEY,
    version              bigint      NOT NULL CHECK (version >= 1),
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    created_by           uuid        NOT NULL,
    employer_id          uuid        NOT NULL REFERENCES crm_employer (id),
    referral_id          uuid,
    organizer_partner_id uuid        NOT NULL,
    organizer_id         uuid        NOT NULL,
    status               text        COLLATE "C" NOT NULL,
    starts_at            timestamptz NOT NULL,
    starts_at_ns         smallint    NOT NULL CHECK (starts_at_ns BETWEEN 0 AND 999),
    ends_at              timestamptz NOT NULL,
    ends_at_ns           smallint    NOT NULL CHECK (ends_at_ns BETWEEN 0 AND 999),
    doc                  json        NOT NULL
);
CREATE INDEX crm_appointment_employer ON crm_appointment (employer_id, id);
CREATE INDEX crm_appointment_referral ON crm_appointment (referral_id, id);
CREATE INDEX crm_appointment_organizer_partner ON crm_appointment (organizer_partner_id, id);
CREATE INDEX crm_appointment_organizer ON crm_appointment (organizer_id, id);
CREATE INDEX crm_appointment_starts_at ON crm_appointment (starts_at);
CREATE INDEX crm_appointment_ends_at ON crm_appointment (ends_at);

CREATE TABLE crm_appointment_staff (
    appointment_id uuid NOT NULL REFERENCES crm_appointment (id) ON DELETE CASCADE,
    staff_id       uuid NOT NULL,
    PRIMARY KEY (appointment_id, staff_id)
);
CREATE INDEX crm_appointment_staff_staff ON crm_appointment_staff (staff_id, appointment_id);
