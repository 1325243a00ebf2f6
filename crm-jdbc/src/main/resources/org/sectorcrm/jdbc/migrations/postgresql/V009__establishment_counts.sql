-- SectorCRM schema, version 9, PostgreSQL: establishment counts (labour-market data, the ESE penetration rate's denominator).
--
-- The id is the natural key QUARTER:AREA ("2026-Q2:STATE"), so one count per area and quarter; area and
-- quarter are repeated as columns for the filter.

CREATE TABLE crm_establishment_count (
    id             varchar(64) COLLATE "C" NOT NULL PRIMARY KEY,
    version        bigint      NOT NULL CHECK (version >= 1),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    created_by     uuid        NOT NULL,
    area           varchar(64) COLLATE "C" NOT NULL,
    quarter        varchar(7)  COLLATE "C" NOT NULL,
    establishments bigint      NOT NULL CHECK (establishments >= 0),
    doc            json        NOT NULL
);
CREATE INDEX crm_establishment_count_area ON crm_establishment_count (area, id);
CREATE INDEX crm_establishment_count_quarter ON crm_establishment_count (quarter, id);
