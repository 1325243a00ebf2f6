package org.sectorcrm.core;

/**
 * A typed identifier. Ids order by {@link #asString()}: for UUID v7 ids that is creation order, and it
 * is the order keyset pagination uses in every store: plain lexical order of the text by UTF-16 code unit
 * ({@link String#compareTo}), case-sensitive, independent of any database collation. UUIDs are written in lower case.
 */
public interface Id {
    String asString();
}
