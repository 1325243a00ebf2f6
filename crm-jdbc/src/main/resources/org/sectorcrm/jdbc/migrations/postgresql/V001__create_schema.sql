-- SectorCRM schema, version 1, PostgreSQL (13+; tested on 15).
--
-- Layout shared by every dialect: one table per aggregate holding typed columns for its id, version,
-- timestamps and every field a filter or report query uses, plus `doc`, the whole aggregate as JSON
-- (crm-json's format), which is what a read returns. Many-valued filter fields live in child tables.
-- uuid orders like the lower-case text of Id.asString(), the keyset order; codes and other text
-- compared or ordered by the store use COLLATE "C" so that order is the same as Java's and a LIKE
-- prefix can use the index whatever the database's locale.
-- `search_terms` is a tsvector built from words tokenised in Java (array_to_tsvector, no parser, no
-- stemming), so PostgreSQL never splits e-mail addresses or hyphenated words differently from the
-- other engines.
-- `doc` is json, not jsonb: jsonb re-encodes numbers (1E+3 comes back as 1000, a different BigDecimal
-- scale), and the store must read back exactly what it wrote. The store never queries inside `doc`;
-- a DBA can still use the json operators (doc ->> 'legalName') on it.
-- The runner executes this script with search_path set to the target schema.
-- Released scripts never change (the runner checks their SHA-256); later changes go into new versions.

CREATE TABLE crm_region (
    id          varchar(64) COLLATE "C" NOT NULL PRIMARY KEY,
    version     bigint      NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    created_by  uuid        NOT NULL,
    kind        text        COLLATE "C" NOT NULL,
    doc         json        NOT NULL
);
CREATE INDEX crm_region_kind ON crm_region (kind, id);

CREATE TABLE crm_sector (
    id          varchar(64) COLLATE "C" NOT NULL PRIMARY KEY,
    version     bigint      NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    created_by  uuid        NOT NULL,
    doc         json        NOT NULL
);

CREATE TABLE crm_sector_naics_prefix (
    sector_id   varchar(64) COLLATE "C" NOT NULL REFERENCES crm_sector (id) ON DELETE CASCADE,
    prefix      text        COLLATE "C" NOT NULL,
    PRIMARY KEY (sector_id, prefix)
);
CREATE INDEX crm_sector_naics_prefix_prefix ON crm_sector_naics_prefix (prefix, sector_id);

CREATE TABLE crm_partner (
    id          uuid        NOT NULL PRIMARY KEY,
    version     bigint      NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    created_by  uuid        NOT NULL,
    kind        text        COLLATE "C" NOT NULL,
    active      boolean     NOT NULL,
    doc         json        NOT NULL
);
CREATE INDEX crm_partner_kind ON crm_partner (kind, id);

CREATE TABLE crm_partner_region (
    partner_id  uuid        NOT NULL REFERENCES crm_partner (id) ON DELETE CASCADE,
    region      varchar(64) COLLATE "C" NOT NULL,
    PRIMARY KEY (partner_id, region)
);
CREATE INDEX crm_partner_region_region ON crm_partner_region (region, partner_id);

CREATE TABLE crm_staff_user (
    id          uuid        NOT NULL PRIMARY KEY,
    version     bigint      NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    created_by  uuid        NOT NULL,
    partner_id  uuid        NOT NULL REFERENCES crm_partner (id),
    email       text        COLLATE "C" NOT NULL,
    active      boolean     NOT NULL,
    doc         json        NOT NULL,
    CONSTRAINT crm_staff_user_email_key UNIQUE (email)
);
CREATE INDEX crm_staff_user_partner ON crm_staff_user (partner_id, id);

CREATE TABLE crm_employer (
    id              uuid        NOT NULL PRIMARY KEY,
    version         bigint      NOT NULL CHECK (version >= 1),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    created_by      uuid        NOT NULL,
    status          text        COLLATE "C" NOT NULL,
    region          varchar(64) COLLATE "C",
    sector          varchar(64) COLLATE "C",
    naics           char(6)     COLLATE "C",
    lead_partner_id uuid,
    fein            char(9)     COLLATE "C",
    name_key        text        COLLATE "C" NOT NULL,
    search_terms    tsvector    NOT NULL,
    doc             json        NOT NULL,
    CONSTRAINT crm_employer_fein_key UNIQUE (fein)
);
CREATE INDEX crm_employer_region_sector ON crm_employer (region, sector);
CREATE INDEX crm_employer_sector ON crm_employer (sector, id);
CREATE INDEX crm_employer_status ON crm_employer (status, id);
CREATE INDEX crm_employer_naics ON crm_employer (naics);
CREATE INDEX crm_employer_lead_partner ON crm_employer (lead_partner_id, id);
CREATE INDEX crm_employer_name_key ON crm_employer (name_key);
CREATE INDEX crm_employer_search ON crm_employer USING gin (search_terms);

CREATE TABLE crm_employer_tag (
    employer_id uuid         NOT NULL REFERENCES crm_employer (id) ON DELETE CASCADE,
    tag         varchar(100) COLLATE "C" NOT NULL,
    PRIMARY KEY (employer_id, tag)
);
CREATE INDEX crm_employer_tag_tag ON crm_employer_tag (tag, employer_id);

CREATE TABLE crm_employer_zip (
    employer_id uuid    NOT NULL REFERENCES crm_employer (id) ON DELETE CASCADE,
    zip         char(5) COLLATE "C" NOT NULL,
    PRIMARY KEY (employer_id, zip)
);
CREATE INDEX crm_employer_zip_zip ON crm_employer_zip (zip, employer_id);

CREATE TABLE crm_contact (
    id           uuid        NOT NULL PRIMARY KEY,
    version      bigint      NOT NULL CHECK (version >= 1),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    created_by   uuid        NOT NULL,
    employer_id  uuid        NOT NULL REFERENCES crm_employer (id),
    email        text        COLLATE "C",
    active       boolean     NOT NULL,
    search_terms tsvector    NOT NULL,
    doc          json        NOT NULL
);
CREATE INDEX crm_contact_employer ON crm_contact (employer_id, id);
CREATE INDEX crm_contact_email ON crm_contact (email);
CREATE INDEX crm_contact_search ON crm_contact USING gin (search_terms);

CREATE TABLE crm_contact_role (
    contact_id  uuid NOT NULL REFERENCES crm_contact (id) ON DELETE CASCADE,
    role        text COLLATE "C" NOT NULL,
    PRIMARY KEY (contact_id, role)
);
CREATE INDEX crm_contact_role_role ON crm_contact_role (role, contact_id);

-- search_terms holds the summary's words only: note text is searchable only by readers allowed to read it.
CREATE TABLE crm_engagement (
    id               uuid         NOT NULL PRIMARY KEY,
    version          bigint       NOT NULL CHECK (version >= 1),
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    created_by       uuid         NOT NULL,
    employer_id      uuid         NOT NULL REFERENCES crm_employer (id),
    establishment_id uuid,
    partnership_id   uuid,
    partner_id       uuid         NOT NULL,
    staff_id         uuid         NOT NULL,
    engaged_on       date         NOT NULL,
    channel          text         COLLATE "C" NOT NULL,
    staff_assisted   boolean      NOT NULL,
    external_id      varchar(100) COLLATE "C",
    search_terms     tsvector     NOT NULL,
    doc              json         NOT NULL,
    CONSTRAINT crm_engagement_external_id_key UNIQUE (external_id)
);
CREATE INDEX crm_engagement_employer ON crm_engagement (employer_id, id);
CREATE INDEX crm_engagement_partner ON crm_engagement (partner_id, id);
CREATE INDEX crm_engagement_partnership ON crm_engagement (partnership_id, id);
CREATE INDEX crm_engagement_engaged_on ON crm_engagement (engaged_on);
CREATE INDEX crm_engagement_search ON crm_engagement USING gin (search_terms);

CREATE TABLE crm_engagement_service (
    engagement_id uuid NOT NULL REFERENCES crm_engagement (id) ON DELETE CASCADE,
    category      text COLLATE "C" NOT NULL,
    PRIMARY KEY (engagement_id, category)
);
CREATE INDEX crm_engagement_service_category ON crm_engagement_service (category, engagement_id);

-- One row per note, with who may read it, so that search applies note visibility in SQL.
CREATE TABLE crm_note (
    engagement_id uuid     NOT NULL REFERENCES crm_engagement (id) ON DELETE CASCADE,
    ordinal       integer  NOT NULL,
    note_id       uuid,
    author_id     uuid     NOT NULL,
    partner_id    uuid     NOT NULL,
    visibility    text     COLLATE "C" NOT NULL,
    search_terms  tsvector NOT NULL,
    PRIMARY KEY (engagement_id, ordinal)
);
CREATE INDEX crm_note_search ON crm_note USING gin (search_terms);

CREATE TABLE crm_need (
    id             uuid        NOT NULL PRIMARY KEY,
    version        bigint      NOT NULL CHECK (version >= 1),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    created_by     uuid        NOT NULL,
    employer_id    uuid        NOT NULL REFERENCES crm_employer (id),
    partnership_id uuid,
    status         text        COLLATE "C" NOT NULL,
    category       text        COLLATE "C" NOT NULL,
    doc            json        NOT NULL
);
CREATE INDEX crm_need_employer ON crm_need (employer_id, id);
CREATE INDEX crm_need_partnership ON crm_need (partnership_id, id);
CREATE INDEX crm_need_status ON crm_need (status, category);

CREATE TABLE crm_solution (
    id              uuid          NOT NULL PRIMARY KEY,
    version         bigint        NOT NULL CHECK (version >= 1),
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    created_by      uuid          NOT NULL,
    employer_id     uuid          REFERENCES crm_employer (id),
    partnership_id  uuid,
    status          text          COLLATE "C" NOT NULL,
    type            text          COLLATE "C" NOT NULL,
    lead_partner_id uuid          NOT NULL,
    cost            numeric(15,2),
    doc             json          NOT NULL
);
CREATE INDEX crm_solution_employer ON crm_solution (employer_id, id);
CREATE INDEX crm_solution_partnership ON crm_solution (partnership_id, id);
CREATE INDEX crm_solution_lead_partner ON crm_solution (lead_partner_id, id);
CREATE INDEX crm_solution_status ON crm_solution (status, type);

CREATE TABLE crm_partnership (
    id          uuid        NOT NULL PRIMARY KEY,
    version     bigint      NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    created_by  uuid        NOT NULL,
    region      varchar(64) COLLATE "C" NOT NULL,
    sector      varchar(64) COLLATE "C" NOT NULL,
    stage       text        COLLATE "C" NOT NULL,
    convener_id uuid        NOT NULL,
    doc         json        NOT NULL
);
CREATE INDEX crm_partnership_region_sector ON crm_partnership (region, sector);
CREATE INDEX crm_partnership_convener ON crm_partnership (convener_id, id);

CREATE TABLE crm_partnership_member (
    partnership_id uuid NOT NULL REFERENCES crm_partnership (id) ON DELETE CASCADE,
    employer_id    uuid NOT NULL,
    role           text COLLATE "C" NOT NULL,
    PRIMARY KEY (partnership_id, employer_id)
);
CREATE INDEX crm_partnership_member_employer ON crm_partnership_member (employer_id, partnership_id);

CREATE TABLE crm_referral (
    id              uuid        NOT NULL PRIMARY KEY,
    version         bigint      NOT NULL CHECK (version >= 1),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    created_by      uuid        NOT NULL,
    from_partner_id uuid        NOT NULL,
    to_partner_id   uuid        NOT NULL,
    employer_id     uuid        NOT NULL REFERENCES crm_employer (id),
    status          text        COLLATE "C" NOT NULL,
    sent_on         date        NOT NULL,
    response_due    date,
    doc             json        NOT NULL
);
CREATE INDEX crm_referral_from_partner ON crm_referral (from_partner_id, id);
CREATE INDEX crm_referral_to_partner ON crm_referral (to_partner_id, id);
CREATE INDEX crm_referral_employer ON crm_referral (employer_id, id);
CREATE INDEX crm_referral_status_due ON crm_referral (status, response_due);

CREATE TABLE crm_outcome (
    id          uuid         NOT NULL PRIMARY KEY,
    version     bigint       NOT NULL CHECK (version >= 1),
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    created_by  uuid         NOT NULL,
    employer_id uuid         NOT NULL REFERENCES crm_employer (id),
    solution_id uuid,
    metric_code varchar(100) COLLATE "C" NOT NULL,
    doc         json         NOT NULL
);
CREATE INDEX crm_outcome_employer ON crm_outcome (employer_id, id);
CREATE INDEX crm_outcome_solution ON crm_outcome (solution_id, id);
CREATE INDEX crm_outcome_metric ON crm_outcome (metric_code, id);

CREATE TABLE crm_feedback (
    id            uuid        NOT NULL PRIMARY KEY,
    version       bigint      NOT NULL CHECK (version >= 1),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    created_by    uuid        NOT NULL,
    employer_id   uuid        NOT NULL REFERENCES crm_employer (id),
    engagement_id uuid,
    solution_id   uuid,
    rating        smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    doc           json        NOT NULL
);
CREATE INDEX crm_feedback_employer ON crm_feedback (employer_id, id);
CREATE INDEX crm_feedback_engagement ON crm_feedback (engagement_id, id);
CREATE INDEX crm_feedback_solution ON crm_feedback (solution_id, id);

-- Append-only: the store never updates or deletes audit entries.
CREATE TABLE crm_audit (
    id          uuid         NOT NULL PRIMARY KEY,
    at          timestamptz  NOT NULL,
    actor_id    uuid         NOT NULL,
    partner_id  uuid         NOT NULL,
    action      varchar(100) COLLATE "C" NOT NULL,
    record_type varchar(100) COLLATE "C" NOT NULL,
    record_id   varchar(100) COLLATE "C",
    doc         json         NOT NULL
);
CREATE INDEX crm_audit_record ON crm_audit (record_type, record_id, id);
CREATE INDEX crm_audit_actor ON crm_audit (actor_id, id);
CREATE INDEX crm_audit_action ON crm_audit (action, id);
CREATE INDEX crm_audit_at ON crm_audit (at);

-- The transactional outbox. Identity values are never reused. Concurrent transactions can commit
-- their sequences out of order on PostgreSQL, so the store serialises outbox appends with a
-- transaction-scoped advisory lock taken just before commit (see the EventLog implementation).
CREATE TABLE crm_outbox (
    seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    occurred_at timestamptz NOT NULL,
    event_type  text        COLLATE "C" NOT NULL,
    record_type text        COLLATE "C" NOT NULL,
    record_id   text        COLLATE "C" NOT NULL,
    doc         json        NOT NULL
);
