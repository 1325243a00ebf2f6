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
        return crm.storage().read(tx -> tx.audit().query(filter, page));
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
