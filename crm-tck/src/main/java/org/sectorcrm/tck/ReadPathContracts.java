package org.sectorcrm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestFactory;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.internal.Kind;
import org.sectorcrm.tck.internal.Parents;
import org.sectorcrm.tck.internal.Writes;

/**
 * The read path without a transaction of the caller's (kit 2.2): {@link CrmStorage#find(org.sectorcrm.core.type.AggregateType, Id)},
 * which a caching storage answers from its cache, so it is where a cache shows what it should not (a record changed,
 * deleted or rolled back since it was read). Every type is checked through its descriptor.
 */
abstract class ReadPathContracts extends KitContracts {

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("CrmStorage.find(type, id): exactly read(tx -> tx.store(type).find(id))")
    class StorageFind {
        @TestFactory
        @DisplayName("finds a committed record, nothing for an id never saved or deleted, the committed version after an update, and what a rolled-back transaction wrote never")
        Stream<DynamicTest> committedWritesOnly() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> findSeesCommittedWritesOnly(k, parents));
        }
    }

    /** Thrown by a transaction's work so that the transaction rolls back; reaches the caller unchanged. */
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RolledBack() {
            super("the kit's work fails on purpose", null, false, false);
        }
    }

    private <I extends Id, T extends Aggregate<I>, F> void findSeesCommittedWritesOnly(Kind<I, T, F> k, Parents parents) {
        T never = k.typical().apply(parents);
        assertThat(storage.find(k.type(), never.id())).as("find(%s, an id never saved)", k).isEmpty();
        T stored = insert(k, k.typical().apply(parents));
        assertThat(storage.find(k.type(), stored.id())).as("find(%s, id) of a committed insert", k).contains(stored);
        // Asked twice: a second answer may come from a cache, and must still be the committed record.
        assertThat(storage.find(k.type(), stored.id())).as("find(%s, id) asked again", k).contains(stored);
        T next = k.nextVersion(stored);
        save(k, next, stored.version());
        assertThat(storage.find(k.type(), stored.id())).as("find(%s, id) after a committed update", k).contains(next);

        T undone = k.nextVersion(next);
        assertThatExceptionOfType(RolledBack.class).as("the work of a transaction that fails").isThrownBy(() -> storage.inTransaction(tx -> {
            tx.store(k.type()).save(undone, next.version());
            assertThat(storage.find(k.type(), stored.id())).as("find(%s, id) inside the transaction that wrote it (it joins it)", k).contains(undone);
            throw new RolledBack();
        }));
        assertThat(storage.find(k.type(), stored.id())).as("find(%s, id) after the transaction that updated it rolled back", k).contains(next);

        T rolledBackInsert = k.typical().apply(parents);
        assertThatExceptionOfType(RolledBack.class).isThrownBy(() -> storage.inTransaction(tx -> {
            tx.store(k.type()).save(rolledBackInsert, 0);
            storage.find(k.type(), rolledBackInsert.id());
            throw new RolledBack();
        }));
        assertThat(storage.find(k.type(), rolledBackInsert.id())).as("find(%s, id) of an insert rolled back", k).isEmpty();

        delete(k, stored.id(), next.version());
        assertThat(storage.find(k.type(), stored.id())).as("find(%s, id) after a committed delete", k).isEmpty();
    }
}
