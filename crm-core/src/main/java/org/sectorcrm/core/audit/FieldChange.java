package org.sectorcrm.core.audit;

import org.sectorcrm.core.ValidationException;

/**
 * One field of a record that changed, with its value before and after as text (null when absent), so that the audit
 * trail answers "who changed this FEIN, and from what". {@code restriction} says who may read the values:
 * <ul>
 *   <li>null: everyone who may read the audit trail;</li>
 *   <li>{@link #PII}: contact PII, masked for VIEWERs like the record itself;</li>
 *   <li>{@code NOTE <visibility> <authorId> <partnerId>}: the text of one engagement note, readable by exactly those
 *       who may read that note ({@link org.sectorcrm.core.engagement.Note#readableBy}); the field is
 *       {@code notes[<noteId>]}.</li>
 * </ul>
 * The values are stored as written; {@link org.sectorcrm.core.AuditOperations#history} hides what the reader may not see.
 *
 * @since 2
 */
public record FieldChange(String field, String before, String after, String restriction) {
    /** The restriction of contact PII. */
    public static final String PII = "PII";

    public FieldChange {
        if (field == null || field.isBlank()) {
            throw ValidationException.of("fieldChange", "field", "is required");
        }
    }

    /** A change everyone who reads the audit trail may see. */
    public static FieldChange of(String field, String before, String after) {
        return new FieldChange(field, before, after, null);
    }

    /** This change with both values replaced by {@code shown} (what a reader who may not see them gets). */
    public FieldChange hidden(String shown) {
        return new FieldChange(field, before == null ? null : shown, after == null ? null : shown, restriction);
    }
}
