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

    Changes(Crm crm, Actor actor, StorageTransaction tx, List<DomainEvent> published) {
        this.crm = crm;
        this.actor = actor;
        this.tx = tx;
        this.now = crm.clock().instant();
        this.published = published;
        this.eventLog = crm.storage().capabilities().contains(Capability.EVENT_LOG);
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
        tx.audit().append(new AuditEntry(new AuditId(newId()), now, actor.user(), actor.partner(), action, event.recordType().key(),
                event.recordId(), fields, detail, values));
        if (eventLog) {
            tx.events().append(event);
        }
        published.add(event);
    }
}
