/**
 * What each kind of stored record is, said once: {@link org.sectorcrm.core.type.AggregateType} describes one
 * aggregate (key, classes, id parsing, filter, references, unique keys, searchable text, field diff), and
 * {@link org.sectorcrm.core.type.AggregateTypes} holds the descriptors of every aggregate. Stores, decorators,
 * the JSON mapping, the exchange format, the REST API and the conformance kit derive their per-type behaviour
 * from these descriptors instead of listing types themselves.
 *
 * @since 2
 */
package org.sectorcrm.core.type;
