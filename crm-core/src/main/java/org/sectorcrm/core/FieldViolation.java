package org.sectorcrm.core;

import java.util.Objects;

/**
 * One broken rule on one field of one record, e.g. {@code employer.fein: prefix 07 is never issued by the IRS}.
 *
 * @param record the kind of record, in lower camel case ({@code employer}, {@code contact}, {@code referral})
 * @param field  the field path inside that record ({@code fein}, {@code establishments[1].zip})
 * @param message what is wrong, in words a user can act on
 */
public record FieldViolation(String record, String field, String message) {
    public FieldViolation {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** {@code record.field}, the name clients use to point at the input that needs fixing. */
    public String path() {
        return record + "." + field;
    }

    @Override
    public String toString() {
        return path() + ": " + message;
    }
}
