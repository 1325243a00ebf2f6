package org.sectorcrm.core;

import java.time.Instant;
import java.util.List;

import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditId;
import org.sectorcrm.core.audit.FieldChange;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.StorageTransaction;

/** One write transaction as the application sees it: the storage plus the audit entries and events it records. */
final class Changes {
    final Crm crm;
    final Actor actor;
    final StorageTransaction tx;
    final Instant now;
    private final List<DomainEvent> published;
    private final boolean eventLog;
    /** In a batch: the audit entries and events held back for one {@code appendAll} each ({@link #flush}); null otherwise. */
    private final List<AuditEntry> heldEntries;
    private final List<DomainEvent> heldEvents;

    Changes(Crm crm, Actor actor, StorageTransaction tx, List<DomainEvent> published) {
        this(crm, actor, tx, published, false);
    }

    Changes(Crm crm, Actor actor, StorageTransaction tx, List<DomainEvent> published, boolean batched) {
        this.crm = crm;
        this.actor = actor;
        this.tx = tx;
        this.now = crm.clock().instant();
        this.published = published;
        this.eventLog = crm.storage().capabilities().contains(Capability.EVENT_LOG);
        this.heldEntries = batched ? new java.util.ArrayList<>() : null;
        this.heldEvents = batched ? new java.util.ArrayList<>() : null;
    }

    /** Appends what a batch held back, in the order it was recorded. */
    void flush() {
        if (heldEntries == null) {
            return;
        }
        if (!heldEntries.isEmpty()) {
            tx.audit().appendAll(List.copyOf(heldEntries));
            heldEntries.clear();
        }
        if (!heldEvents.isEmpty()) {
            tx.events().appendAll(List.copyOf(heldEvents));
            heldEvents.clear();
        }
    }

    java.util.UUID newId() {
        return crm.ids().next();
    }

    void created(AggregateType<?, ?, ?> type, Id id, long version) {
        record(new DomainEvent.Created(newId(), now, actor.user(), actor.partner(), type, id.asString(), version), "CREATE", List.of(), null);
    }

    void changed(AggregateType<?, ?, ?> type, Id id, long version, List<String> fields, List<FieldChange> values) {
        record(new DomainEvent.Changed(newId(), now, actor.user(), actor.partner(), type, id.asString(), version, fields), "UPDATE", fields, null,
                values);
    }

    void statusChanged(AggregateType<?, ?, ?> type, Id id, long version, Object from, Object to, List<String> fields, List<FieldChange> values) {
        record(new DomainEvent.StatusChanged(newId(), now, actor.user(), actor.partner(), type, id.asString(), version, from.toString(), to.toString()),
                "STATUS", fields, from + " -> " + to, values);
    }

    void deleted(AggregateType<?, ?, ?> type, Id id, long version) {
        record(new DomainEvent.Deleted(newId(), now, actor.user(), actor.partner(), type, id.asString(), version), "DELETE", List.of(), null);
    }

    /** An audit entry without an event: exports of PII and other reads worth recording. */
    void audit(String action, String recordType, String recordId, String detail) {
        tx.audit().append(new AuditEntry(new AuditId(newId()), now, actor.user(), actor.partner(), action, recordType, recordId, List.of(), detail));
    }

    private void record(DomainEvent event, String action, List<String> fields, String detail) {
        record(event, action, fields, detail, List.of());
    }

    private void record(DomainEvent event, String action, List<String> fields, String detail, List<FieldChange> values) {
        AuditEntry entry = new AuditEntry(new AuditId(newId()), now, actor.user(), actor.partner(), action, event.recordType().key(),
                event.recordId(), fields, detail, values);
        if (heldEntries != null) {
            heldEntries.add(entry);
            if (eventLog) {
                heldEvents.add(event);
            }
        } else {
            tx.audit().append(entry);
            if (eventLog) {
                tx.events().append(event);
            }
        }
        published.add(event);
    }
}
