-- SectorCRM schema, version 9, MariaDB: establishment counts (labour-market data, the ESE penetration rate's denominator).
--
-- The id is the natural key QUARTER:AREA ("2026-Q2:STATE"), so one count per area and quarter; area and
-- quarter are repeated as columns for the filter.
-- Idempotent, as every MariaDB script: DDL commits as it goes, so a run interrupted half-way is run again.

SET SESSION innodb_ft_enable_stopword = OFF;

CREATE TABLE IF NOT EXISTS crm_establishment_count (
    id             VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    version        BIGINT      NOT NULL CHECK (version >= 1),
    created_at     DATETIME(6) NOT NULL,
    updated_at     DATETIME(6) NOT NULL,
    created_by     CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    area           VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    quarter        VARCHAR(7)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    establishments BIGINT      NOT NULL CHECK (establishments >= 0),
    doc            JSON        NOT NULL,
    KEY crm_establishment_count_area (area, id),
    KEY crm_establishment_count_quarter (quarter, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
