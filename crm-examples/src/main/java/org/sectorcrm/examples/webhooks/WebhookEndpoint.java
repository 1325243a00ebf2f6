package org.sectorcrm.examples.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A receiver an admin registered: where deliveries go, which event types it gets ({@code referral.status_changed},
 * {@code referral.*} or {@code *}), whose view of the records the payloads carry (the admin who registered it), and
 * whether it is active. An endpoint is disabled after repeated failure ({@code disabledAt}, {@code disabledReason});
 * its secret is shown only once, when it is registered.
 */
public record WebhookEndpoint(String id, String url, List<String> events, String ownerId, boolean active, Instant createdAt, Instant disabledAt,
        String disabledReason) {
    public WebhookEndpoint {
        events = List.copyOf(events);
    }

    /** Whether this endpoint wants events of {@code type} ({@code referral.created}). */
    public boolean wants(String type) {
        for (String e : events) {
            if (e.equals("*") || e.equals(type) || e.endsWith(".*") && type.startsWith(e.substring(0, e.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
