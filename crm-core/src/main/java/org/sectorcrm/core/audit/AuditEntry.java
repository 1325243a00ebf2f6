package org.sectorcrm.core.audit;

import java.time.Instant;
import java.util.List;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * Who did what to which record, when, and which fields changed with their old and new values ({@link #changes},
 * since SPI 2; entries written before carry none); also every export of contact PII
 * ({@code action = "EXPORT_PII"}). Append-only: audit entries are never changed or deleted.
 */
public record AuditEntry(AuditId id, Instant at, StaffUserId actor, PartnerId partner, String action, String recordType,
        String recordId, List<String> changedFields, String detail, List<FieldChange> changes) {
    public AuditEntry {
        Check c = Check.of("audit").require("id", id).require("at", at).require("actor", actor).require("partner", partner)
                .text("action", action, Limits.CODE).text("recordType", recordType, Limits.CODE).optionalText("recordId", recordId, Limits.CODE)
                .optionalText("detail", detail, Limits.DESCRIPTION);
        changedFields = c.texts("changedFields", changedFields, Limits.NAME);
        changes = changes == null ? List.of() : c.list("changes", changes);
        c.throwIfInvalid();
    }

    /** An entry without field values (a create, a delete, an export). */
    public AuditEntry(AuditId id, Instant at, StaffUserId actor, PartnerId partner, String action, String recordType, String recordId,
            List<String> changedFields, String detail) {
        this(id, at, actor, partner, action, recordType, recordId, changedFields, detail, List.of());
    }
}
