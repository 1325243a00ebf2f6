package org.sectorcrm.core.spi;

import java.util.List;

import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;

/**
 * The outbox: events written in the same transaction as the change, readable afterwards by every
 * integration with its own cursor. @since 1
 */
public interface EventLog {
    /** Appends the event; it becomes readable when (and only if) the transaction commits. */
    void append(DomainEvent event);

    /**
     * Appends the events in order, like {@link #append} for each (the default); a store may batch them, and they are
     * read back by {@link #after} in the order of the list. @since 2
     */
    default void appendAll(List<DomainEvent> events) {
        for (DomainEvent e : events) {
            append(e);
        }
    }

    /**
     * Up to {@code limit} committed events with a sequence greater than {@code afterSequence}, in ascending sequence
     * order. Sequences are positive and increase in commit order, so a consumer that remembers the last sequence it
     * processed reads every event at least once, across restarts. Start with 0.
     */
    List<StoredEvent> after(long afterSequence, int limit);
}
