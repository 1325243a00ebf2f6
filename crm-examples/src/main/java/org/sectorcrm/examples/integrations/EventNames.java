package org.sectorcrm.examples.integrations;

import java.util.ArrayList;
import java.util.List;

import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * The names integrations give domain events: {@code <record type key>.<what happened>}, such as
 * {@code referral.created}, {@code referral.status_changed}, {@code appointment.changed}, {@code employer.deleted}.
 * Subscriptions name one, all of a type ({@code referral.*}) or all ({@code *}).
 */
public final class EventNames {
    public static final List<String> KINDS = List.of("created", "changed", "status_changed", "deleted");

    private EventNames() {
    }

    public static String of(DomainEvent event) {
        String kind = event instanceof DomainEvent.Created ? "created"
                : event instanceof DomainEvent.Changed ? "changed"
                : event instanceof DomainEvent.StatusChanged ? "status_changed" : "deleted";
        return event.recordType().key() + "." + kind;
    }

    /** Checks subscriptions, naming every bad one at once ({@code record.events[1]}). */
    public static List<String> checkSubscriptions(String record, List<String> subscriptions) {
        List<FieldViolation> bad = new ArrayList<>();
        if (subscriptions == null || subscriptions.isEmpty()) {
            throw ValidationException.of(record, "events", "names at least one event type (referral.status_changed, referral.* or *)");
        }
        List<String> keys = AggregateTypes.all().stream().map(AggregateType::key).toList();
        for (int i = 0; i < subscriptions.size(); i++) {
            String s = subscriptions.get(i);
            if (s == null || !valid(s, keys)) {
                bad.add(new FieldViolation(record, "events[" + i + "]", "'" + s + "' is not an event type: write <type>.<" + String.join("|", KINDS)
                        + ">, <type>.* or *, with <type> one of " + keys));
            }
        }
        if (!bad.isEmpty()) {
            throw new ValidationException(bad);
        }
        return List.copyOf(subscriptions);
    }

    private static boolean valid(String s, List<String> keys) {
        if (s.equals("*")) {
            return true;
        }
        int dot = s.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String kind = s.substring(dot + 1);
        return keys.contains(s.substring(0, dot)) && (kind.equals("*") || KINDS.contains(kind));
    }
}
