-- SectorCRM schema, version 1, MariaDB (10.6+; tested on 10.11), InnoDB.
--
-- Layout shared by every dialect: one table per aggregate holding typed columns for its id, version,
-- timestamps and every field a filter or report query uses, plus `doc`, the whole aggregate as JSON
-- (crm-json's format), which is what a read returns. Many-valued filter fields live in child tables.
-- Ids are CHAR(36) ascii_bin: byte order is the keyset order of Id.asString() (MariaDB's UUID type
-- orders differently, so it is not used). Text defaults to utf8mb4_nopad_bin so that equality is
-- exact: case, accents and trailing blanks all count, as in Java.
-- Timestamps are DATETIME(6) holding UTC.
-- `search_terms` holds words tokenised in Java (ASCII, at most 64 characters each) under a FULLTEXT
-- index built without stopwords, so that no query word is ever dropped.
-- MariaDB commits DDL implicitly, so statements here are idempotent (IF NOT EXISTS): a run
-- interrupted half-way can simply be run again.
-- Released scripts never change (the runner checks their SHA-256); later changes go into new versions.

-- The stopword setting is captured by each FULLTEXT index when it is created: without this line,
-- words such as "about", "com" or "www" would silently never match.
SET SESSION innodb_ft_enable_stopword = OFF;

CREATE TABLE IF NOT EXISTS crm_region (
    id          VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version     BIGINT      NOT NULL CHECK (version >= 1),
    created_at  DATETIME(6) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    created_by  CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind        VARCHAR(64) NOT NULL,
    doc         JSON        NOT NULL,
    KEY crm_region_kind (kind, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_sector (
    id          VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version     BIGINT      NOT NULL CHECK (version >= 1),
    created_at  DATETIME(6) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    created_by  CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    doc         JSON        NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_sector_naics_prefix (
    sector_id   VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    prefix      VARCHAR(6)  NOT NULL,
    PRIMARY KEY (sector_id, prefix),
    KEY crm_sector_naics_prefix_prefix (prefix, sector_id),
    CONSTRAINT crm_sector_naics_prefix_sector_fk FOREIGN KEY (sector_id) REFERENCES crm_sector (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_partner (
    id          CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version     BIGINT      NOT NULL CHECK (version >= 1),
    created_at  DATETIME(6) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    created_by  CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind        VARCHAR(64) NOT NULL,
    active      BOOLEAN     NOT NULL,
    doc         JSON        NOT NULL,
    KEY crm_partner_kind (kind, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_partner_region (
    partner_id  CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    region      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (partner_id, region),
    KEY crm_partner_region_region (region, partner_id),
    CONSTRAINT crm_partner_region_partner_fk FOREIGN KEY (partner_id) REFERENCES crm_partner (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_staff_user (
    id          CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version     BIGINT       NOT NULL CHECK (version >= 1),
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    created_by  CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    partner_id  CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    email       VARCHAR(300) NOT NULL,
    active      BOOLEAN      NOT NULL,
    doc         JSON         NOT NULL,
    UNIQUE KEY crm_staff_user_email_key (email),
    KEY crm_staff_user_partner (partner_id, id),
    CONSTRAINT crm_staff_user_partner_fk FOREIGN KEY (partner_id) REFERENCES crm_partner (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_employer (
    id              CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version         BIGINT      NOT NULL CHECK (version >= 1),
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    created_by      CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    status          VARCHAR(64) NOT NULL,
    region          VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin,
    sector          VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin,
    naics           VARCHAR(6),
    lead_partner_id CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin,
    fein            VARCHAR(9),
    name_key        TEXT        NOT NULL,
    search_terms    MEDIUMTEXT  NOT NULL,
    doc             JSON        NOT NULL,
    UNIQUE KEY crm_employer_fein_key (fein),
    KEY crm_employer_region_sector (region, sector),
    KEY crm_employer_sector (sector, id),
    KEY crm_employer_status (status, id),
    KEY crm_employer_naics (naics),
    KEY crm_employer_lead_partner (lead_partner_id, id),
    KEY crm_employer_name_key (name_key(255)),
    FULLTEXT KEY crm_employer_search (search_terms)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_employer_tag (
    employer_id CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    tag         VARCHAR(100) NOT NULL,
    PRIMARY KEY (employer_id, tag),
    KEY crm_employer_tag_tag (tag, employer_id),
    CONSTRAINT crm_employer_tag_employer_fk FOREIGN KEY (employer_id) REFERENCES crm_employer (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_employer_zip (
    employer_id CHAR(36)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    zip         VARCHAR(5) NOT NULL,
    PRIMARY KEY (employer_id, zip),
    KEY crm_employer_zip_zip (zip, employer_id),
    CONSTRAINT crm_employer_zip_employer_fk FOREIGN KEY (employer_id) REFERENCES crm_employer (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_contact (
    id           CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL CHECK (version >= 1),
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    created_by   CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    employer_id  CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    email        VARCHAR(300),
    active       BOOLEAN      NOT NULL,
    search_terms MEDIUMTEXT   NOT NULL,
    doc          JSON         NOT NULL,
    KEY crm_contact_employer (employer_id, id),
    KEY crm_contact_email (email),
    FULLTEXT KEY crm_contact_search (search_terms),
    CONSTRAINT crm_contact_employer_fk FOREIGN KEY (employer_id) REFERENCES crm_employer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_contact_role (
    contact_id  CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    role        VARCHAR(64) NOT NULL,
    PRIMARY KEY (contact_id, role),
    KEY crm_contact_role_role (role, contact_id),
    CONSTRAINT crm_contact_role_contact_fk FOREIGN KEY (contact_id) REFERENCES crm_contact (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- search_terms holds the summary's words only: note text is searchable only by readers allowed to read it.
CREATE TABLE IF NOT EXISTS crm_engagement (
    id               CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version          BIGINT       NOT NULL CHECK (version >= 1),
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    created_by       CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    employer_id      CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    establishment_id CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin,
    partnership_id   CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin,
    partner_id       CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    staff_id         CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    engaged_on       DATE         NOT NULL,
    channel          VARCHAR(64)  NOT NULL,
    staff_assisted   BOOLEAN      NOT NULL,
    external_id      VARCHAR(100),
    search_terms     MEDIUMTEXT   NOT NULL,
    doc              JSON         NOT NULL,
    UNIQUE KEY crm_engagement_external_id_key (external_id),
    KEY crm_engagement_employer (employer_id, id),
    KEY crm_engagement_partner (partner_id, id),
    KEY crm_engagement_partnership (partnership_id, id),
    KEY crm_engagement_engaged_on (engaged_on),
    FULLTEXT KEY crm_engagement_search (search_terms),
    CONSTRAINT crm_engagement_employer_fk FOREIGN KEY (employer_id) REFERENCES crm_employer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_engagement_service (
    engagement_id CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    category      VARCHAR(64) NOT NULL,
    PRIMARY KEY (engagement_id, category),
    KEY crm_engagement_service_category (category, engagement_id),
    CONSTRAINT crm_engagement_service_engagement_fk FOREIGN KEY (engagement_id) REFERENCES crm_engagement (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- One row per note, with who may read it, so that search applies note visibility in SQL.
CREATE TABLE IF NOT EXISTS crm_note (
    engagement_id CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ordinal       INT         NOT NULL,
    note_id       CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin,
    author_id     CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    partner_id    CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    visibility    VARCHAR(16) NOT NULL,
    search_terms  MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (engagement_id, ordinal),
    FULLTEXT KEY crm_note_search (search_terms),
    CONSTRAINT crm_note_engagement_fk FOREIGN KEY (engagement_id) REFERENCES crm_engagement (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_need (
    id             CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version        BIGINT      NOT NULL CHECK (version >= 1),
    created_at     DATETIME(6) NOT NULL,
    updated_at     DATETIME(6) NOT NULL,
    created_by     CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    employer_id    CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    partnership_id CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin,
    status         VARCHAR(64) NOT NULL,
    category       VARCHAR(64) NOT NULL,
    doc            JSON        NOT NULL,
    KEY crm_need_employer (employer_id, id),
    KEY crm_need_partnership (partnership_id, id),
    KEY crm_need_status (status, category),
    CONSTRAINT crm_need_employer_fk FOREIGN KEY (employer_id) REFERENCES crm_employer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_solution (
    id              CHAR(36)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version         BIGINT        NOT NULL CHECK (version >= 1),
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    created_by      CHAR(36)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    employer_id     CHAR(36)      CHARACTER SET ascii COLLATE ascii_bin,
    partnership_id  CHAR(36)      CHARACTER SET ascii COLLATE ascii_bin,
    status          VARCHAR(64)   NOT NULL,
    type            VARCHAR(64)   NOT NULL,
    lead_partner_id CHAR(36)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    cost            DECIMAL(15,2),
    doc             JSON          NOT NULL,
    KEY crm_solution_employer (employer_id, id),
    KEY crm_solution_partnership (partnership_id, id),
    KEY crm_solution_lead_partner (lead_partner_id, id),
    KEY crm_solution_status (status, type),
    CONSTRAINT crm_solution_employer_fk FOREIGN KEY (employer_id) REFERENCES crm_employer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_partnership (
    id          CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version     BIGINT      NOT NULL CHECK (version >= 1),
    created_at  DATETIME(6) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    created_by  CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    region      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    sector      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    stage       VARCHAR(64) NOT NULL,
    convener_id CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    doc         JSON        NOT NULL,
    KEY crm_partnership_region_sector (region, sector),
    KEY crm_partnership_convener (convener_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_partnership_member (
    partnership_id CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    employer_id    CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    role           VARCHAR(64) NOT NULL,
    PRIMARY KEY (partnership_id, employer_id),
    KEY crm_partnership_member_employer (employer_id, partnership_id),
    CONSTRAINT crm_partnership_member_partnership_fk FOREIGN KEY (partnership_id) REFERENCES crm_partnership (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_referral (
    id              CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version         BIGINT      NOT NULL CHECK (version >= 1),
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    created_by      CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    from_partner_id CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    to_partner_id   CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    employer_id     CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    status          VARCHAR(64) NOT NULL,
    sent_on         DATE        NOT NULL,
    response_due    DATE,
    doc             JSON        NOT NULL,
    KEY crm_referral_from_partner (from_partner_id, id),
    KEY crm_referral_to_partner (to_partner_id, id),
    KEY crm_referral_employer (employer_id, id),
    KEY crm_referral_status_due (status, response_due),
    CONSTRAINT crm_referral_employer_fk FOREIGN KEY (employer_id) REFERENCES crm_employer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_outcome (
    id          CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version     BIGINT       NOT NULL CHECK (version >= 1),
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    created_by  CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    employer_id CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    solution_id CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin,
    metric_code VARCHAR(100) NOT NULL,
    doc         JSON         NOT NULL,
    KEY crm_outcome_employer (employer_id, id),
    KEY crm_outcome_solution (solution_id, id),
    KEY crm_outcome_metric (metric_code, id),
    CONSTRAINT crm_outcome_employer_fk FOREIGN KEY (employer_id) REFERENCES crm_employer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_feedback (
    id            CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version       BIGINT      NOT NULL CHECK (version >= 1),
    created_at    DATETIME(6) NOT NULL,
    updated_at    DATETIME(6) NOT NULL,
    created_by    CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    employer_id   CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    engagement_id CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin,
    solution_id   CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin,
    rating        SMALLINT    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    doc           JSON        NOT NULL,
    KEY crm_feedback_employer (employer_id, id),
    KEY crm_feedback_engagement (engagement_id, id),
    KEY crm_feedback_solution (solution_id, id),
    CONSTRAINT crm_feedback_employer_fk FOREIGN KEY (employer_id) REFERENCES crm_employer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- Append-only: the store never updates or deletes audit entries.
CREATE TABLE IF NOT EXISTS crm_audit (
    id          CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    at          DATETIME(6)  NOT NULL,
    actor_id    CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    partner_id  CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    action      VARCHAR(100) NOT NULL,
    record_type VARCHAR(100) NOT NULL,
    record_id   VARCHAR(100),
    doc         JSON         NOT NULL,
    KEY crm_audit_record (record_type, record_id, id),
    KEY crm_audit_actor (actor_id, id),
    KEY crm_audit_action (action, id),
    KEY crm_audit_at (at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- The transactional outbox. InnoDB keeps AUTO_INCREMENT across restarts (10.2.4+), so sequences are
-- never reused. Concurrent transactions can commit their sequences out of order, so the store
-- serialises outbox appends by locking the single row of crm_outbox_lock just before commit.
CREATE TABLE IF NOT EXISTS crm_outbox (
    seq         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id    CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    event_type  VARCHAR(64) NOT NULL,
    record_type VARCHAR(64) NOT NULL,
    record_id   TEXT        NOT NULL,
    doc         JSON        NOT NULL,
    UNIQUE KEY crm_outbox_event_id_key (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS crm_outbox_lock (
    id INT NOT NULL PRIMARY KEY
) ENGINE = InnoDB;
INSERT IGNORE INTO crm_outbox_lock (id) VALUES (1);
