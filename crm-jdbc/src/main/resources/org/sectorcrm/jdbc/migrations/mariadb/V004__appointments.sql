-- SectorCRM schema, version 4, MariaDB: appointments.
--
-- Start and end are kept as instants (DATETIME(6) holding UTC) for the filter's time window; the
-- document keeps the wall-clock times and the time zone. DATETIME(6) stops at the microsecond, so `_ns`
-- holds the nanoseconds below it and the store's comparisons stay exact. The staff attending are child
-- rows; the organiser is a column.
-- Idempotent, as every MariaDB script: DDL commits as it goes, so a run interrupted half-way is run again.

SET SESSION innodb_ft_enable_stopword = OFF;

CREATE TABLE IF NOT EXISTS crm_appointment (
    id                   CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version              BIGINT      NOT NULL CHECK (version >= 1),
    created_at           DATETIME(6) NOT NULL,
    updated_at           DATETIME(6) NOT NULL,
    created_by           CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    employer_id          CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    referral_id          CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin,
    organizer_partner_id CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    organizer_id         CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    status               VARCHAR(64) NOT NULL,
    starts_at            DATETIME(6) NOT NULL,
    starts_at_ns         SMALLINT    NOT NULL CHECK (starts_at_ns BETWEEN 0 AND 999),
    ends_at              DATETIME(6) NOT NULL,
    ends_at_ns           SMALLINT    NOT NULL CHECK (ends_at_ns BETWEEN 0 AND 999),
    doc                  JSON        NOT NULL,
    KEY crm_appointment_employer (employer_id, id),
    KEY crm_appointment_referral (referral_id, id),
    KEY crm_appointment_organizer_partner (organizer_partner_id, id),
    KEY crm_appointment_organizer (organizer_id, id),
    KEY crm_appointment_starts_at (starts_at),
    KEY crm_appointment_ends_at (ends_at),
    CONSTRAINT crm_appointment_employer_fk FOREIGN KEY (employer_id) REFERENCES crm_employer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_appointment_staff (
    appointment_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    staff_id       CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (appointment_id, staff_id),
    KEY crm_appointment_staff_staff (staff_id, appointment_id),
    CONSTRAINT crm_appointment_staff_appointment_fk FOREIGN KEY (appointment_id) REFERENCES crm_appointment (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
