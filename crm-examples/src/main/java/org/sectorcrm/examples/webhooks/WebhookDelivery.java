package org.sectorcrm.examples.webhooks;

import java.time.Instant;

/**
 * One attempt in an endpoint's delivery log: which event, the how-manieth attempt for it, when, what the receiver
 * answered (its HTTP status, 0 when none came), the outcome ({@code DELIVERED}, {@code FAILED}, or {@code DISABLED}
 * for the notice that the endpoint was switched off) and why it failed.
 */
public record WebhookDelivery(String endpointId, String eventId, String eventType, long sequence, int attempt, Instant at, int status,
        String outcome, String error, long millis) {
}
