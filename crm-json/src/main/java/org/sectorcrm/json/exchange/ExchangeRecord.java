package org.sectorcrm.json.exchange;

import java.util.Objects;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.type.AggregateType;

/**
 * One record read from an exchange file, with the line it came from so that an import can name the line when
 * storing the record fails (a duplicate FEIN, a missing employer). {@code type} is the descriptor whose
 * {@link AggregateType#key() key} the line's {@code "type"} names.
 */
public record ExchangeRecord(long line, AggregateType<?, ?, ?> type, Aggregate<?> data) {
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

    /** The data as the record of {@code expected}, e.g. {@code record.data(AggregateTypes.EMPLOYER)} is an {@code Employer}. */
    public <T extends Aggregate<?>> T data(AggregateType<?, T, ?> expected) {
        return data(expected.recordClass());
    }

    /** Whether this line is of {@code type}. */
    public boolean is(AggregateType<?, ?, ?> type) {
        return this.type == type;
    }
}
