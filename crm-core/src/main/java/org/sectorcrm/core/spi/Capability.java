package org.sectorcrm.core.spi;

/** What a storage may lack. A vendor declares what it has in {@link CrmStorage#capabilities()}. */
public enum Capability {
    /**
     * The storage enforces references: saving a record whose employer (or a staff user whose partner) does not
     * exist throws {@link org.sectorcrm.core.NotFoundException}, and deleting an employer or partner that other
     * records still reference throws {@link org.sectorcrm.core.ConflictException}. Without it {@code Crm}
     * checks references itself, which concurrent writers can race past.
     */
    REFERENTIAL_INTEGRITY,
    /** The storage keeps an {@link EventLog} (outbox) written in the same transaction as the change. */
    EVENT_LOG
}
