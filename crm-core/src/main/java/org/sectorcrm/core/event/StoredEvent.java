package org.sectorcrm.core.event;

/** An event as the event log (outbox) holds it: {@code sequence} increases in commit order and is the consumer's cursor. */
public record StoredEvent(long sequence, DomainEvent event) {
}
