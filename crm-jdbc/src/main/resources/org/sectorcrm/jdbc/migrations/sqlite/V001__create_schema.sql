-- SectorCRM schema, version 1, SQLite (3.37+: STRICT tables, FTS5).
--
-- Layout shared by every dialect: one table per aggregate holding typed columns for its id, version,
-- timestamps and every field a filter or report query uses, plus `doc`, the whole aggregate as JSON
-- (crm-json's format), which is what a read returns. Many-valued filter fields live in child tables.
-- Ids are lower-case UUID text, so ORDER BY id is the keyset order of Id.asString().
-- Timestamps are ISO-8601 UTC text with nine fraction digits, so text order is time order.
-- Searchable tables carry `search_terms`: the words of SearchableText, tokenised in Java, that an
-- external-content FTS5 index follows through triggers. Those tables have an explicit
-- INTEGER PRIMARY KEY (`rid`) because FTS5 keys rows by rowid and VACUUM may renumber implicit rowids.
-- Released scripts never change (the runner checks their SHA-256); later changes go into new versions.

CREATE TABLE crm_region (
    id          TEXT    NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    doc         TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_region_kind ON crm_region (kind, id);

CREATE TABLE crm_sector (
    id          TEXT    NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    doc         TEXT    NOT NULL
) STRICT;

CREATE TABLE crm_sector_naics_prefix (
    sector_id   TEXT    NOT NULL REFERENCES crm_sector (id) ON DELETE CASCADE,
    prefix      TEXT    NOT NULL,
    PRIMARY KEY (sector_id, prefix)
) STRICT;
CREATE INDEX crm_sector_naics_prefix_prefix ON crm_sector_naics_prefix (prefix, sector_id);

CREATE TABLE crm_partner (
    id          TEXT    NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    active      INTEGER NOT NULL CHECK (active IN (0, 1)),
    doc         TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_partner_kind ON crm_partner (kind, id);

CREATE TABLE crm_partner_region (
    partner_id  TEXT    NOT NULL REFERENCES crm_partner (id) ON DELETE CASCADE,
    region      TEXT    NOT NULL,
    PRIMARY KEY (partner_id, region)
) STRICT;
CREATE INDEX crm_partner_region_region ON crm_partner_region (region, partner_id);

CREATE TABLE crm_staff_user (
    id          TEXT    NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    partner_id  TEXT    NOT NULL REFERENCES crm_partner (id),
    email       TEXT    NOT NULL,
    active      INTEGER NOT NULL CHECK (active IN (0, 1)),
    doc         TEXT    NOT NULL,
    CONSTRAINT crm_staff_user_email_key UNIQUE (email)
) STRICT;
CREATE INDEX crm_staff_user_partner ON crm_staff_user (partner_id, id);

CREATE TABLE crm_employer (
    rid             INTEGER NOT NULL PRIMARY KEY,
    id              TEXT    NOT NULL UNIQUE,
    version         INTEGER NOT NULL CHECK (version >= 1),
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    created_by      TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    region          TEXT,
    sector          TEXT,
    naics           TEXT,
    lead_partner_id TEXT,
    fein            TEXT,
    name_key        TEXT    NOT NULL,
    search_terms    TEXT    NOT NULL,
    doc             TEXT    NOT NULL,
    CONSTRAINT crm_employer_fein_key UNIQUE (fein)
) STRICT;
CREATE INDEX crm_employer_region_sector ON crm_employer (region, sector);
CREATE INDEX crm_employer_sector ON crm_employer (sector, id);
CREATE INDEX crm_employer_status ON crm_employer (status, id);
CREATE INDEX crm_employer_naics ON crm_employer (naics);
CREATE INDEX crm_employer_lead_partner ON crm_employer (lead_partner_id, id);
CREATE INDEX crm_employer_name_key ON crm_employer (name_key);

CREATE TABLE crm_employer_tag (
    employer_id TEXT    NOT NULL REFERENCES crm_employer (id) ON DELETE CASCADE,
    tag         TEXT    NOT NULL,
    PRIMARY KEY (employer_id, tag)
) STRICT;
CREATE INDEX crm_employer_tag_tag ON crm_employer_tag (tag, employer_id);

CREATE TABLE crm_employer_zip (
    employer_id TEXT    NOT NULL REFERENCES crm_employer (id) ON DELETE CASCADE,
    zip         TEXT    NOT NULL,
    PRIMARY KEY (employer_id, zip)
) STRICT;
CREATE INDEX crm_employer_zip_zip ON crm_employer_zip (zip, employer_id);

CREATE VIRTUAL TABLE crm_employer_fts USING fts5 (search_terms, content = 'crm_employer', content_rowid = 'rid', tokenize = 'ascii');
CREATE TRIGGER crm_employer_fts_insert AFTER INSERT ON crm_employer BEGIN
    INSERT INTO crm_employer_fts (rowid, search_terms) VALUES (new.rid, new.search_terms);
END;
CREATE TRIGGER crm_employer_fts_delete AFTER DELETE ON crm_employer BEGIN
    INSERT INTO crm_employer_fts (crm_employer_fts, rowid, search_terms) VALUES ('delete', old.rid, old.search_terms);
END;
CREATE TRIGGER crm_employer_fts_update AFTER UPDATE OF search_terms ON crm_employer BEGIN
    INSERT INTO crm_employer_fts (crm_employer_fts, rowid, search_terms) VALUES ('delete', old.rid, old.search_terms);
    INSERT INTO crm_employer_fts (rowid, search_terms) VALUES (new.rid, new.search_terms);
END;

CREATE TABLE crm_contact (
    rid         INTEGER NOT NULL PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    employer_id TEXT    NOT NULL REFERENCES crm_employer (id),
    email       TEXT,
    active      INTEGER NOT NULL CHECK (active IN (0, 1)),
    search_terms TEXT   NOT NULL,
    doc         TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_contact_employer ON crm_contact (employer_id, id);
CREATE INDEX crm_contact_email ON crm_contact (email);

CREATE TABLE crm_contact_role (
    contact_id  TEXT    NOT NULL REFERENCES crm_contact (id) ON DELETE CASCADE,
    role        TEXT    NOT NULL,
    PRIMARY KEY (contact_id, role)
) STRICT;
CREATE INDEX crm_contact_role_role ON crm_contact_role (role, contact_id);

CREATE VIRTUAL TABLE crm_contact_fts USING fts5 (search_terms, content = 'crm_contact', content_rowid = 'rid', tokenize = 'ascii');
CREATE TRIGGER crm_contact_fts_insert AFTER INSERT ON crm_contact BEGIN
    INSERT INTO crm_contact_fts (rowid, search_terms) VALUES (new.rid, new.search_terms);
END;
CREATE TRIGGER crm_contact_fts_delete AFTER DELETE ON crm_contact BEGIN
    INSERT INTO crm_contact_fts (crm_contact_fts, rowid, search_terms) VALUES ('delete', old.rid, old.search_terms);
END;
CREATE TRIGGER crm_contact_fts_update AFTER UPDATE OF search_terms ON crm_contact BEGIN
    INSERT INTO crm_contact_fts (crm_contact_fts, rowid, search_terms) VALUES ('delete', old.rid, old.search_terms);
    INSERT INTO crm_contact_fts (rowid, search_terms) VALUES (new.rid, new.search_terms);
END;

-- search_terms holds the summary's words only: note text is searchable only by readers allowed to read it.
CREATE TABLE crm_engagement (
    rid              INTEGER NOT NULL PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    version          INTEGER NOT NULL CHECK (version >= 1),
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    created_by       TEXT    NOT NULL,
    employer_id      TEXT    NOT NULL REFERENCES crm_employer (id),
    establishment_id TEXT,
    partnership_id   TEXT,
    partner_id       TEXT    NOT NULL,
    staff_id         TEXT    NOT NULL,
    engaged_on       TEXT    NOT NULL,
    channel          TEXT    NOT NULL,
    staff_assisted   INTEGER NOT NULL CHECK (staff_assisted IN (0, 1)),
    external_id      TEXT,
    search_terms     TEXT    NOT NULL,
    doc              TEXT    NOT NULL,
    CONSTRAINT crm_engagement_external_id_key UNIQUE (external_id)
) STRICT;
CREATE INDEX crm_engagement_employer ON crm_engagement (employer_id, id);
CREATE INDEX crm_engagement_partner ON crm_engagement (partner_id, id);
CREATE INDEX crm_engagement_partnership ON crm_engagement (partnership_id, id);
CREATE INDEX crm_engagement_engaged_on ON crm_engagement (engaged_on);

CREATE VIRTUAL TABLE crm_engagement_fts USING fts5 (search_terms, content = 'crm_engagement', content_rowid = 'rid', tokenize = 'ascii');
CREATE TRIGGER crm_engagement_fts_insert AFTER INSERT ON crm_engagement BEGIN
    INSERT INTO crm_engagement_fts (rowid, search_terms) VALUES (new.rid, new.search_terms);
END;
CREATE TRIGGER crm_engagement_fts_delete AFTER DELETE ON crm_engagement BEGIN
    INSERT INTO crm_engagement_fts (crm_engagement_fts, rowid, search_terms) VALUES ('delete', old.rid, old.search_terms);
END;
CREATE TRIGGER crm_engagement_fts_update AFTER UPDATE OF search_terms ON crm_engagement BEGIN
    INSERT INTO crm_engagement_fts (crm_engagement_fts, rowid, search_terms) VALUES ('delete', old.rid, old.search_terms);
    INSERT INTO crm_engagement_fts (rowid, search_terms) VALUES (new.rid, new.search_terms);
END;

CREATE TABLE crm_engagement_service (
    engagement_id TEXT  NOT NULL REFERENCES crm_engagement (id) ON DELETE CASCADE,
    category      TEXT  NOT NULL,
    PRIMARY KEY (engagement_id, category)
) STRICT;
CREATE INDEX crm_engagement_service_category ON crm_engagement_service (category, engagement_id);

-- One row per note, with who may read it, so that search applies note visibility in SQL.
CREATE TABLE crm_note (
    rid           INTEGER NOT NULL PRIMARY KEY,
    engagement_id TEXT    NOT NULL REFERENCES crm_engagement (id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    note_id       TEXT,
    author_id     TEXT    NOT NULL,
    partner_id    TEXT    NOT NULL,
    visibility    TEXT    NOT NULL,
    search_terms  TEXT    NOT NULL,
    CONSTRAINT crm_note_engagement_ordinal_key UNIQUE (engagement_id, ordinal)
) STRICT;

CREATE VIRTUAL TABLE crm_note_fts USING fts5 (search_terms, content = 'crm_note', content_rowid = 'rid', tokenize = 'ascii');
CREATE TRIGGER crm_note_fts_insert AFTER INSERT ON crm_note BEGIN
    INSERT INTO crm_note_fts (rowid, search_terms) VALUES (new.rid, new.search_terms);
END;
CREATE TRIGGER crm_note_fts_delete AFTER DELETE ON crm_note BEGIN
    INSERT INTO crm_note_fts (crm_note_fts, rowid, search_terms) VALUES ('delete', old.rid, old.search_terms);
END;

CREATE TABLE crm_need (
    id             TEXT    NOT NULL PRIMARY KEY,
    version        INTEGER NOT NULL CHECK (version >= 1),
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    created_by     TEXT    NOT NULL,
    employer_id    TEXT    NOT NULL REFERENCES crm_employer (id),
    partnership_id TEXT,
    status         TEXT    NOT NULL,
    category       TEXT    NOT NULL,
    doc            TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_need_employer ON crm_need (employer_id, id);
CREATE INDEX crm_need_partnership ON crm_need (partnership_id, id);
CREATE INDEX crm_need_status ON crm_need (status, category);

CREATE TABLE crm_solution (
    id              TEXT    NOT NULL PRIMARY KEY,
    version         INTEGER NOT NULL CHECK (version >= 1),
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    created_by      TEXT    NOT NULL,
    employer_id     TEXT    REFERENCES crm_employer (id),
    partnership_id  TEXT,
    status          TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    lead_partner_id TEXT    NOT NULL,
    cost            TEXT,
    doc             TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_solution_employer ON crm_solution (employer_id, id);
CREATE INDEX crm_solution_partnership ON crm_solution (partnership_id, id);
CREATE INDEX crm_solution_lead_partner ON crm_solution (lead_partner_id, id);
CREATE INDEX crm_solution_status ON crm_solution (status, type);

CREATE TABLE crm_partnership (
    id          TEXT    NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    region      TEXT    NOT NULL,
    sector      TEXT    NOT NULL,
    stage       TEXT    NOT NULL,
    convener_id TEXT    NOT NULL,
    doc         TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_partnership_region_sector ON crm_partnership (region, sector);
CREATE INDEX crm_partnership_convener ON crm_partnership (convener_id, id);

CREATE TABLE crm_partnership_member (
    partnership_id TEXT NOT NULL REFERENCES crm_partnership (id) ON DELETE CASCADE,
    employer_id    TEXT NOT NULL,
    role           TEXT NOT NULL,
    PRIMARY KEY (partnership_id, employer_id)
) STRICT;
CREATE INDEX crm_partnership_member_employer ON crm_partnership_member (employer_id, partnership_id);

CREATE TABLE crm_referral (
    id              TEXT    NOT NULL PRIMARY KEY,
    version         INTEGER NOT NULL CHECK (version >= 1),
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    created_by      TEXT    NOT NULL,
    from_partner_id TEXT    NOT NULL,
    to_partner_id   TEXT    NOT NULL,
    employer_id     TEXT    NOT NULL REFERENCES crm_employer (id),
    status          TEXT    NOT NULL,
    sent_on         TEXT    NOT NULL,
    response_due    TEXT,
    doc             TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_referral_from_partner ON crm_referral (from_partner_id, id);
CREATE INDEX crm_referral_to_partner ON crm_referral (to_partner_id, id);
CREATE INDEX crm_referral_employer ON crm_referral (employer_id, id);
CREATE INDEX crm_referral_status_due ON crm_referral (status, response_due);

CREATE TABLE crm_outcome (
    id          TEXT    NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    employer_id TEXT    NOT NULL REFERENCES crm_employer (id),
    solution_id TEXT,
    metric_code TEXT    NOT NULL,
    doc         TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_outcome_employer ON crm_outcome (employer_id, id);
CREATE INDEX crm_outcome_solution ON crm_outcome (solution_id, id);
CREATE INDEX crm_outcome_metric ON crm_outcome (metric_code, id);

CREATE TABLE crm_feedback (
    id            TEXT    NOT NULL PRIMARY KEY,
    version       INTEGER NOT NULL CHECK (version >= 1),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    created_by    TEXT    NOT NULL,
    employer_id   TEXT    NOT NULL REFERENCES crm_employer (id),
    engagement_id TEXT,
    solution_id   TEXT,
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    doc           TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_feedback_employer ON crm_feedback (employer_id, id);
CREATE INDEX crm_feedback_engagement ON crm_feedback (engagement_id, id);
CREATE INDEX crm_feedback_solution ON crm_feedback (solution_id, id);

-- Append-only: the store never updates or deletes audit entries.
CREATE TABLE crm_audit (
    id          TEXT    NOT NULL PRIMARY KEY,
    at          TEXT    NOT NULL,
    actor_id    TEXT    NOT NULL,
    partner_id  TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    record_type TEXT    NOT NULL,
    record_id   TEXT,
    doc         TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_audit_record ON crm_audit (record_type, record_id, id);
CREATE INDEX crm_audit_actor ON crm_audit (actor_id, id);
CREATE INDEX crm_audit_action ON crm_audit (action, id);
CREATE INDEX crm_audit_at ON crm_audit (at);

-- The transactional outbox. AUTOINCREMENT: a sequence is never reused, even after the newest row is
-- deleted, because consumers keep it as their cursor. SQLite has one writer at a time, so sequence
-- order is commit order.
CREATE TABLE crm_outbox (
    seq         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    event_id    TEXT    NOT NULL UNIQUE,
    occurred_at TEXT    NOT NULL,
    event_type  TEXT    NOT NULL,
    record_type TEXT    NOT NULL,
    record_id   TEXT    NOT NULL,
    doc         TEXT    NOT NULL
) STRICT;
