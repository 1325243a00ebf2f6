package org.sectorcrm.core;

/**
 * A record stored as one unit with optimistic locking. A <em>draft</em> (not yet created) has a null
 * id and stamp; {@link org.sectorcrm.core.Crm} assigns both. Stores only ever see complete aggregates.
 */
public interface Aggregate<I extends Id> {
    I id();

    Stamp stamp();

    default long version() {
        return stamp() == null ? 0 : stamp().version();
    }

    default boolean isDraft() {
        return stamp() == null;
    }
}
