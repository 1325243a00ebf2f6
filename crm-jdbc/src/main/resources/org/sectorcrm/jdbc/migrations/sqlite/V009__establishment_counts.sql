-- SectorCRM schema, version 9, SQLite: establishment counts (labour-market data, the ESE penetration rate's denominator).
--
-- The id is the natural key QUARTER:AREA ("2026-Q2:STATE"), so one count per area and quarter; area and
-- quarter are repeated as columns for the filter.

CREATE TABLE crm_establishment_count (
    id             TEXT    NOT NULL PRIMARY KEY,
    version        INTEGER NOT NULL CHECK (version >= 1),
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    created_by     TEXT    NOT NULL,
    area           TEXT    NOT NULL,
    quarter        TEXT    NOT NULL,
    establishments INTEGER NOT NULL CHECK (establishments >= 0),
    doc            TEXT    NOT NULL
) STRICT;
CREATE INDEX crm_establishment_count_area ON crm_establishment_count (area, id);
CREATE INDEX crm_establishment_count_quarter ON crm_establishment_count (quarter, id);
