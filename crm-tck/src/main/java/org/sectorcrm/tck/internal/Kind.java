package org.sectorcrm.tck.internal;

import java.util.function.Function;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.tck.fixtures.Fixtures;

/**
 * One aggregate type as the kit's generic tests see it: its descriptor and its {@link KindSpec} (fixtures, a change,
 * a filter data set). Everything else (store, match-all filter, references) comes from the descriptor.
 */
public record Kind<I extends Id, T extends Aggregate<I>, F>(AggregateType<I, T, F> type, KindSpec<I, T, F> spec) {

    /** The record type in lower camel case, as error messages name it ({@code employer}). */
    public String name() {
        return type.key();
    }

    public Function<StorageTransaction, AggregateStore<I, T, F>> store() {
        return tx -> tx.store(type);
    }

    public F all() {
        return type.all();
    }

    public Function<Parents, T> typical() {
        return spec::typical;
    }

    public Function<Parents, T> full() {
        return spec::full;
    }

    public Function<Parents, T> minimal() {
        return spec::minimal;
    }

    public java.util.function.BiFunction<T, Stamp, T> restamp() {
        return (t, s) -> type.assign(t, t.id(), s);
    }

    public java.util.function.BiFunction<T, I, T> withId() {
        return (t, id) -> type.assign(t, id, t.stamp());
    }

    public java.util.function.UnaryOperator<T> change() {
        return spec::change;
    }

    /** Whether the record references an employer the storage must hold (REFERENTIAL_INTEGRITY). */
    public boolean needsEmployer() {
        return type.references().stream().anyMatch(r -> r.field().equals("employer"));
    }

    /** Whether the record references a partner the storage must hold. */
    public boolean needsPartner() {
        return type.references().stream().anyMatch(r -> r.field().equals("partner"));
    }

    /** What the next save stores: a field changed and the stamp moved on by one version. */
    public T nextVersion(T stored) {
        return restamp().apply(change().apply(stored), stored.stamp().next(Fixtures.NOW.plusSeconds(stored.version())));
    }

    /** The record at {@code version}, otherwise unchanged. */
    public T atVersion(T record, long version) {
        Stamp s = record.stamp();
        return restamp().apply(record, new Stamp(version, s.createdAt(), s.updatedAt(), s.createdBy()));
    }

    @Override
    public String toString() {
        return name();
    }
}
