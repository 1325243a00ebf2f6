-- SectorCRM schema, version 8, PostgreSQL: indexes that serve a region-filtered employer page in its keyset order
-- (WHERE region = ? [AND sector = ?] AND id > ? ORDER BY id LIMIT n) without sorting every employer of the region.
-- (region, sector, id) also serves the counts by region and sector, so it replaces (region, sector).
-- The runner applies the whole script in one transaction.

CREATE INDEX crm_employer_region_keyset ON crm_employer (region, id);
CREATE INDEX crm_employer_region_sector_keyset ON crm_employer (region, sector, id);
DROP INDEX crm_employer_region_sector;
