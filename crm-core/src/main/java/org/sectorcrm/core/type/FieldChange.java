package org.sectorcrm.core.type;

/**
 * One field of a record that changed: its name and its value before and after, as the record's own text form of the
 * value (null when absent). What a reader may see of them is decided where the history is read, not here.
 *
 * @since 2
 */
public record FieldChange(String field, Object before, Object after) {
    public FieldChange {
        if (field == null || field.isBlank()) {
            throw org.sectorcrm.core.ValidationException.of("fieldChange", "field", "is required");
        }
    }
}
