/**
 * The storage SPI, version {@value org.sectorcrm.core.spi.CrmStorage#SPI_VERSION}: what a vendor implements
 * to keep SectorCRM's records in their own platform. A root {@link org.sectorcrm.core.spi.CrmStorage}
 * runs all-or-nothing transactions; inside one, a {@link org.sectorcrm.core.spi.StorageTransaction} hands
 * out one small store per aggregate. Every sentence of these contracts is checked by {@code crm-tck}.
 *
 * <p>Stores hold complete, valid aggregates: validation, access rules, ids, stamps and events are the
 * job of {@link org.sectorcrm.core.Crm}, not of the store.
 */
package org.sectorcrm.core.spi;
