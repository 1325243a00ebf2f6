package org.sectorcrm.core.audit;

import java.time.Instant;

import org.sectorcrm.core.reference.StaffUserId;

/** Which audit entries a query returns; null fields do not filter; {@code from} inclusive, {@code to} exclusive. */
public record AuditFilter(String recordType, String recordId, StaffUserId actor, String action, Instant from, Instant to) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

    public static AuditFilter forRecord(String recordType, String recordId) {
        return new AuditFilter(recordType, recordId, null, null, null, null);
    }

    public boolean matches(AuditEntry e) {
        return (recordType == null || recordType.equals(e.recordType()))
                && (recordId == null || recordId.equals(e.recordId()))
                && (actor == null || actor.equals(e.actor()))
                && (action == null || action.equals(e.action()))
                && (from == null || !e.at().isBefore(from))
                && (to == null || e.at().isBefore(to));
    }
}
