/**
 * The standalone CRM's use of crm-json's exchange format: exporting what a staff user may read
 * ({@link org.sectorcrm.examples.exchange.ExchangeExport}) and restoring a full export into an empty database
 * ({@link org.sectorcrm.examples.exchange.ExchangeRestore}).
 */
package org.sectorcrm.examples.exchange;
