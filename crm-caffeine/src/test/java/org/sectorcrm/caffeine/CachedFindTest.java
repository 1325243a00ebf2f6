package org.sectorcrm.caffeine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Fixtures;

/**
 * {@code CrmStorage.find(type, id)}, the application's get-by-id: a hit is answered without a transaction of the
 * delegate (issue 13: the transaction was most of a hit's cost), and otherwise it behaves as {@code read(tx -> find)}.
 */
class CachedFindTest {
    /** The in-memory reference store as the database, counting the transactions begun on it. */
    private final AtomicInteger transactions = new AtomicInteger();
    private final InMemoryCrmStorage database = new InMemoryCrmStorage();
    private final CachingCrmStorage cached = CachingCrmStorage.builder().delegate(new ForwardingStorage(database) {
        @Override
        public <R> R inTransaction(TransactionWork<R> work) {
            transactions.incrementAndGet();
            return super.inTransaction(work);
        }

        @Override
        public <R> R read(TransactionWork<R> work) {
            transactions.incrementAndGet();
            return super.read(work);
        }
    }).executor(Runnable::run).build();

    private Employer stored(String name) {
        Employer e = Employers.anEmployer().named(name).build();
        database.inTransaction(tx -> {
            tx.employers().save(e, e.version() - 1);
            return null;
        });
        return e;
    }

    @Test
    @DisplayName("a miss loads in one read of the delegate; the hits after it begin no transaction")
    void hitsNeedNoTransaction() {
        Employer acme = stored("Acme");

        assertThat(cached.find(AggregateTypes.EMPLOYER, acme.id())).contains(acme);
        assertThat(transactions).hasValue(1);
        for (int i = 0; i < 3; i++) {
            assertThat(cached.find(AggregateTypes.EMPLOYER, acme.id())).contains(acme);
        }
        assertThat(transactions).as("hits").hasValue(1);
        assertThat(cached.stats().hitCount()).isEqualTo(3);
        assertThat(cached.stats().missCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("shares its entries with read(tx -> find), and a write through the cache removes them")
    void sameEntriesAsRead() {
        Employer acme = stored("Acme");
        assertThat(cached.<Optional<Employer>>read(tx -> tx.employers().find(acme.id()))).contains(acme);
        assertThat(cached.find(AggregateTypes.EMPLOYER, acme.id())).contains(acme);
        assertThat(cached.stats().hitCount()).isEqualTo(1);

        Employer renamed = acme.withLegalName("Acme Renamed").withStamp(acme.stamp().next(Fixtures.NOW));
        cached.inTransaction(tx -> {
            tx.employers().save(renamed, acme.version());
            return null;
        });
        assertThat(cached.find(AggregateTypes.EMPLOYER, acme.id())).contains(renamed);
    }

    @Test
    @DisplayName("inside a read-write transaction sees its own uncommitted write and caches nothing of it")
    void insideATransactionJoinsIt() {
        Employer acme = stored("Acme");
        Employer renamed = acme.withLegalName("Acme Renamed").withStamp(acme.stamp().next(Fixtures.NOW));
        try {
            cached.inTransaction(tx -> {
                tx.employers().save(renamed, acme.version());
                assertThat(cached.find(AggregateTypes.EMPLOYER, acme.id())).contains(renamed);
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the write is undone
        }
        assertThat(cached.find(AggregateTypes.EMPLOYER, acme.id())).contains(acme);
    }

    @Test
    @DisplayName("does not cache that a record is absent")
    void absenceIsNotCached() {
        Employer later = Employers.anEmployer().named("Later").build();
        assertThat(cached.find(AggregateTypes.EMPLOYER, later.id())).isEmpty();
        database.inTransaction(tx -> {
            tx.employers().save(later, later.version() - 1);
            return null;
        });
        assertThat(cached.find(AggregateTypes.EMPLOYER, later.id())).contains(later);
    }
}
