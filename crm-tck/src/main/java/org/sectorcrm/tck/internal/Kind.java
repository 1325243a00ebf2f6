package org.sectorcrm.tck.internal;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.tck.fixtures.Fixtures;

/**
 * One aggregate type as the kit's generic tests see it: its store, its match-all filter, fixtures in three
 * variants, how to change a field, and which parent records it references.
 *
 * @param name        the record type in lower camel case, as error messages name it ({@code employer})
 * @param store       the type's store in a transaction
 * @param all         the filter that matches every record of the type
 * @param typical     a typical new record pointing at the given parents
 * @param full        a record with every field set
 * @param minimal     a record with every optional field empty
 * @param restamp     the record with another stamp
 * @param withId      the record under another id
 * @param change      the record with some field other than the stamp changed
 * @param needsEmployer whether the record references {@link Parents#employer()}
 * @param needsPartner  whether the record references {@link Parents#partner()}
 */
public record Kind<I extends Id, T extends Aggregate<I>, F>(String name, Function<StorageTransaction, AggregateStore<I, T, F>> store,
        F all, Function<Parents, T> typical, Function<Parents, T> full, Function<Parents, T> minimal, BiFunction<T, Stamp, T> restamp,
        BiFunction<T, I, T> withId, UnaryOperator<T> change, boolean needsEmployer, boolean needsPartner) {

    /** What the next save stores: a field changed and the stamp moved on by one version. */
    public T nextVersion(T stored) {
        return restamp.apply(change.apply(stored), stored.stamp().next(Fixtures.NOW.plusSeconds(stored.version())));
    }

    /** The record at {@code version}, otherwise unchanged. */
    public T atVersion(T record, long version) {
        Stamp s = record.stamp();
        return restamp.apply(record, new Stamp(version, s.createdAt(), s.updatedAt(), s.createdBy()));
    }

    @Override
    public String toString() {
        return name;
    }
}
