/**
 * The implementation of crm-jdbc: dialects, stores, transactions, the migration runner.
 * <strong>Not API:</strong> anything here may change in any release; use
 * {@link org.sectorcrm.jdbc.JdbcCrmStorage} and the storage SPI of crm-core instead.
 */
package org.sectorcrm.jdbc.internal;
