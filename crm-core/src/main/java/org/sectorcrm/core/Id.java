package org.sectorcrm.core;

/**
 * A typed identifier. Ids order by {@link #asString()}: for UUID v7 ids that is creation order, and it
 * is the order keyset pagination uses in every store (plain lexical order of the lower-case text).
 */
public interface Id {
    String asString();
}
