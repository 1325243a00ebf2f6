package org.sectorcrm.core.event;

/**
 * Receives events after their transaction committed, on the committing thread. A listener that throws
 * does not undo the commit and does not keep other listeners from their events; the failure is
 * reported to the {@link org.sectorcrm.core.Crm}'s error handler.
 */
@FunctionalInterface
public interface DomainEventListener {
    void on(DomainEvent event);
}
