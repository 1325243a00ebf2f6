package org.sectorcrm.jdbc.outbox;

import org.sectorcrm.core.event.StoredEvent;

/**
 * What a consumer does with one event: send the e-mail, call the webhook. Returning means done (the cursor moves past
 * the event); throwing means try again later, after the dispatcher's back-off, with this same event. Since an event is
 * handed out again after a crash between the work and the cursor's move, a handler that must not repeat an effect keys
 * it by {@link org.sectorcrm.core.event.DomainEvent#eventId()}.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(StoredEvent event) throws Exception;
}
