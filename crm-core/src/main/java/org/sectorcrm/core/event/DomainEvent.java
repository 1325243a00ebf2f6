package org.sectorcrm.core.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.type.AggregateType;

/**
 * Something that happened to a record, delivered to listeners after the transaction commits and
 * (where the store keeps an event log) readable by every integration with its own cursor. Events carry
 * ids and changed field names, never field values: a listener reads the record if it needs more, with
 * the visibility rules of its own staff user, so notes and PII cannot leak through events.
 */
public sealed interface DomainEvent {
    UUID eventId();

    Instant at();

    StaffUserId actor();

    PartnerId actorPartner();

    AggregateType<?, ?, ?> recordType();

    String recordId();

    /** The record's version after the change (the last version for a deletion). */
    long version();

    /** A record was created (or imported). */
    record Created(UUID eventId, Instant at, StaffUserId actor, PartnerId actorPartner, AggregateType<?, ?, ?> recordType, String recordId, long version)
            implements DomainEvent {
        public Created {
            Common.check(eventId, at, actor, actorPartner, recordType, recordId);
        }
    }

    /** Fields of a record changed, without a lifecycle move. */
    record Changed(UUID eventId, Instant at, StaffUserId actor, PartnerId actorPartner, AggregateType<?, ?, ?> recordType, String recordId, long version,
            List<String> changedFields) implements DomainEvent {
        public Changed {
            Common.check(eventId, at, actor, actorPartner, recordType, recordId);
            changedFields = List.copyOf(changedFields);
        }
    }

    /** A lifecycle move: a referral accepted, a solution completed, a partnership launched. */
    record StatusChanged(UUID eventId, Instant at, StaffUserId actor, PartnerId actorPartner, AggregateType<?, ?, ?> recordType, String recordId,
            long version, String from, String to) implements DomainEvent {
        public StatusChanged {
            Common.check(eventId, at, actor, actorPartner, recordType, recordId);
            Check.of("event").require("from", from).require("to", to).throwIfInvalid();
        }
    }

    /** A record was deleted. */
    record Deleted(UUID eventId, Instant at, StaffUserId actor, PartnerId actorPartner, AggregateType<?, ?, ?> recordType, String recordId, long version)
            implements DomainEvent {
        public Deleted {
            Common.check(eventId, at, actor, actorPartner, recordType, recordId);
        }
    }

    /** Shared validation of the common fields. */
    final class Common {
        private Common() {
        }

        static void check(UUID eventId, Instant at, StaffUserId actor, PartnerId partner, AggregateType<?, ?, ?> type, String recordId) {
            Check.of("event").require("eventId", eventId).require("at", at).require("actor", actor).require("actorPartner", partner)
                    .require("recordType", type).require("recordId", recordId).throwIfInvalid();
        }
    }
}
