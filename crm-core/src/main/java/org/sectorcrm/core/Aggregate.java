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

    /**
     * This record with another id; each aggregate narrows the return type to itself, so that code generic over
     * {@link org.sectorcrm.core.type.AggregateType} assigns ids without a per-type override.
     *
     * @since 2
     */
    Aggregate<I> withId(I id);

    /** This record with another stamp; narrowed like {@link #withId}. @since 2 */
    Aggregate<I> withStamp(Stamp stamp);

    default boolean isDraft() {
        return stamp() == null;
    }
}
