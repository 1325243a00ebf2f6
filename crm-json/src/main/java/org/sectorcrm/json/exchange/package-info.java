/**
 * The SectorCRM exchange format: newline-delimited JSON (one JSON object per line, UTF-8). The first line is a
 * header ({@code {"format":"sectorcrm-exchange","version":2,"exportedAt":"..."}}), every further line one record
 * ({@code {"type":"employer","data":{...}}}), the data written by {@link org.sectorcrm.json.CrmJson}. The
 * {@code "type"} of a line is the {@link org.sectorcrm.core.type.AggregateType#key() key} of the record's
 * descriptor; a full export lists records type by type in {@link org.sectorcrm.core.type.AggregateTypes#all()} order,
 * so an import can insert them in file order. {@link org.sectorcrm.json.exchange.ExchangeWriter} writes it,
 * {@link org.sectorcrm.json.exchange.ExchangeReader} streams it back one line at a time. The JSON Schema of version N
 * is {@code docs/schema/sectorcrm-exchange-vN.schema.json}, also in this package of the jar.
 */
package org.sectorcrm.json.exchange;
