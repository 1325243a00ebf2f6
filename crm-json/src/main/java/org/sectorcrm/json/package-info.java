/**
 * JSON for the SectorCRM domain: {@link org.sectorcrm.json.CrmJson} maps every aggregate and value type of
 * crm-core to JSON and back, and {@code org.sectorcrm.json.exchange} reads and writes the NDJSON exchange format.
 */
package org.sectorcrm.json;
