-- SectorCRM schema, version 8, MariaDB: indexes that serve a region-filtered employer page in its keyset order
-- (WHERE region = ? [AND sector = ?] AND id > ? ORDER BY id LIMIT n) without sorting every employer of the region.
-- (region, sector, id) also serves the counts by region and sector, so it replaces (region, sector).
-- Idempotent, as every MariaDB script: DDL commits as it goes, so a run interrupted half-way is run again.

SET SESSION innodb_ft_enable_stopword = OFF;

CREATE INDEX IF NOT EXISTS crm_employer_region_keyset ON crm_employer (region, id);
CREATE INDEX IF NOT EXISTS crm_employer_region_sector_keyset ON crm_employer (region, sector, id);
DROP INDEX IF EXISTS crm_employer_region_sector ON crm_employer;
