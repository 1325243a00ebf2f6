-- SectorCRM schema, version 4, SQLite: appointments.
--
-- Start and end are kept as instants in UTC (ISO-8601 text, nine fraction digits) for the filter's time
-- window; the document keeps the wall-clock times and the time zone. `_ns` holds the nanoseconds below
-- the microsecond, as on the engines whose timestamps stop there, so that every engine compares alike.
-- The staff attending are child rows; the organiser is a column.

CREATE TABLE crm_appointment (
    id                   TEXT    NOT NULL PRIMARY KEY,
    version              INTEGER NOT NULL CHECK (version >= 1),
    created_at           TEXT    NOT NULL,
    updated_at           TEXT    NOT NULL,
    created_by           TEXT    NOT NULL,
    employer_id          TEXT    NOT NULL REFERENCES crm_employer (id),
    referral_id          TEXT,
    organizer_partner_id TEXT    NOT NULL,
    organizer_id         TEXT    NOT NULL,
    status               TEXT    NOT NULL,
    starts_at            TEXT    NOT NULL,
    starts_at_ns         INTEGER NOT NULL CHECK (starts_at_ns BETWEEN 0 AND 999),
    ends_at              TEXT    NOT NULL,
    ends_at_ns           INTEGER NOT NULL CHECK (ends_at_ns BETWEEN 0 AND 999),
    doc                  TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_appointment_employer ON crm_appointment (employer_id, id);
CREATE INDEX crm_appointment_referral ON crm_appointment (referral_id, id);
CREATE INDEX crm_appointment_organizer_partner ON crm_appointment (organizer_partner_id, id);
CREATE INDEX crm_appointment_organizer ON crm_appointment (organizer_id, id);
CREATE INDEX crm_appointment_starts_at ON crm_appointment (starts_at);
CREATE INDEX crm_appointment_ends_at ON crm_appointment (ends_at);

CREATE TABLE crm_appointment_staff (
    appointment_id TEXT NOT NULL REFERENCES crm_appointment (id) ON DELETE CASCADE,
    staff_id       TEXT NOT NULL,
    PRIMARY KEY (appointment_id, staff_id)
) STRICT;
CREATE INDEX crm_appointment_staff_staff ON crm_appointment_staff (staff_id, appointment_id);
