package org.sectorcrm.core;

import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.reference.Role;

/** Reading the audit trail (MANAGER and above) and recording exports of contact PII (anyone who exports). */
public final class AuditOperations {
    /** The action of an audit entry that records an export of contact PII. */
    public static final String EXPORT_PII = "EXPORT_PII";

    private final Crm crm;
    private final Actor actor;

    AuditOperations(Crm crm, Actor actor) {
        this.crm = crm;
        this.actor = actor;
    }

    public Page<AuditEntry> query(AuditFilter filter, PageRequest page) {
        actor.require(Role.MANAGER, "read the audit trail");
        if (filter == null) {
            throw ValidationException.of("audit", "filter", "is required (AuditFilter.ALL for all)");
        }
        if (page == null) {
            throw ValidationException.of("audit", "page", "is required");
        }
        // Field values follow the record's rules here too: no role reads another's PRIVATE note through the audit trail.
        return crm.storage().read(tx -> tx.audit().query(filter, page)).map(this::readable);
    }

    /**
     * The change history of one record, oldest first: who created, changed, moved or deleted it, when, and each
     * changed field's old and new value. Any role may read it, with the record's own rules: contact PII is masked
     * for VIEWERs, and a note's text shows only to those who may read that note (no role bypasses it).
     *
     * @since 2
     */
    public Page<AuditEntry> history(org.sectorcrm.core.type.AggregateType<?, ?, ?> type, Id id, PageRequest page) {
        if (type == null) {
            throw ValidationException.of("history", "type", "is required");
        }
        if (id == null) {
            throw ValidationException.of("history", "id", "is required");
        }
        if (page == null) {
            throw ValidationException.of("history", "page", "is required");
        }
        AuditFilter filter = AuditFilter.forRecord(type.key(), id.asString());
        return crm.storage().read(tx -> tx.audit().query(filter, page)).map(this::readable);
    }

    /** The entry with what the actor may not see of its values hidden. */
    private AuditEntry readable(AuditEntry e) {
        if (e.changes().isEmpty()) {
            return e;
        }
        java.util.List<org.sectorcrm.core.audit.FieldChange> shown = new java.util.ArrayList<>();
        for (org.sectorcrm.core.audit.FieldChange c : e.changes()) {
            shown.add(mayRead(c.restriction()) ? c : c.hidden(org.sectorcrm.core.audit.FieldChange.PII.equals(c.restriction()) ? "***" : "[note not readable]"));
        }
        return new AuditEntry(e.id(), e.at(), e.actor(), e.partner(), e.action(), e.recordType(), e.recordId(), e.changedFields(), e.detail(), shown);
    }

    private boolean mayRead(String restriction) {
        if (restriction == null) {
            return true;
        }
        if (restriction.equals(org.sectorcrm.core.audit.FieldChange.PII)) {
            return actor.isAtLeast(Role.STAFF);
        }
        String[] parts = restriction.split(" ");
        if (parts.length == 4 && parts[0].equals("NOTE")) {
            // The rule of Note.readableBy, on the note's visibility, author and partner as the entry recorded them.
            return switch (org.sectorcrm.core.engagement.Visibility.valueOf(parts[1])) {
                case SHARED -> true;
                case PARTNER -> parts[3].equals(actor.partner().asString());
                case PRIVATE -> parts[2].equals(actor.user().asString());
            };
        }
        return false; // an unknown restriction hides the values rather than risk a leak
    }

    /** Records that the actor exported {@code count} records of {@code recordType} containing contact PII. */
    public void recordPiiExport(String recordType, long count, String detail) {
        if (recordType == null || recordType.isBlank()) {
            throw ValidationException.of("audit", "recordType", "is required");
        }
        crm.write(actor, changes -> {
            changes.audit(EXPORT_PII, recordType, null, count + " records" + (detail == null ? "" : ": " + detail));
            return null;
        });
    }
}
