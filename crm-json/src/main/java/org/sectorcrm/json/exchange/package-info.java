/**
 * The SectorCRM exchange format: newline-delimited JSON (one JSON object per line, UTF-8). The first line is a
 * header ({@code {"format":"sectorcrm-exchange","version":1,"exportedAt":"..."}}), every further line one record
 * ({@code {"type":"employer","data":{...}}}), the data written by {@link org.sectorcrm.json.CrmJson}. A full export
 * lists records in {@link org.sectorcrm.json.exchange.ExchangeType} order, so an import can insert them in file order.
 * {@link org.sectorcrm.json.exchange.ExchangeWriter} writes it, {@link org.sectorcrm.json.exchange.ExchangeReader}
 * streams it back one line at a time. The JSON Schema is {@code docs/schema/sectorcrm-exchange-v1.schema.json}.
 */
package org.sectorcrm.json.exchange;
