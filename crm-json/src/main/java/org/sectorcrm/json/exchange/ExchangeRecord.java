package org.sectorcrm.json.exchange;

import java.util.Objects;

import org.sectorcrm.core.Aggregate;

/**
 * One record read from an exchange file, with the line it came from so that an import can name the line when
 * storing the record fails (a duplicate FEIN, a missing employer).
 */
public record ExchangeRecord(long line, ExchangeType type, Aggregate<?> data) {
    public ExchangeRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (!type.recordClass().isInstance(data)) {
            throw new IllegalArgumentException(type.key() + " line holds a " + data.getClass().getSimpleName());
        }
    }

    /** The data as the class its type says, e.g. {@code record.data(Employer.class)}. */
    public <T> T data(Class<T> expected) {
        if (!expected.isInstance(data)) {
            throw new ClassCastException("line " + line + " is a " + type.key() + ", not a " + expected.getSimpleName());
        }
        return expected.cast(data);
    }
}
