/**
 * A read-through cache over any {@link org.sectorcrm.core.spi.CrmStorage}, built on Caffeine:
 * {@link org.sectorcrm.caffeine.CachingCrmStorage}. It needs nothing but the storage SPI, so a vendor's own
 * store can use it as well as the JDBC one.
 */
package org.sectorcrm.caffeine;
