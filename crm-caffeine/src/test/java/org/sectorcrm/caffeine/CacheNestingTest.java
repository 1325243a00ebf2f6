package org.sectorcrm.caffeine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.stats.CacheStats;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Fixtures;

/**
 * Units nested in a transaction (SPI 2): each joins the delegate's transaction as a savepoint, so an inner unit that
 * throws has exactly its writes undone, and a storage failure inside fails the whole transaction. The cache never
 * serves what an undone unit or a rolled-back transaction wrote, and serves a committed write at once.
 */
class CacheNestingTest {
    private final InMemoryCrmStorage database = new InMemoryCrmStorage();
    private final CachingCrmStorage cached = CachingCrmStorage.builder().delegate(database).executor(Runnable::run).build();

    private static Employer employer(String legalName) {
        return Employers.anEmployer().named(legalName).build();
    }

    /** The next version of {@code employer}, renamed: save it over {@code employer.version()}. */
    private static Employer renamed(Employer employer, String legalName) {
        return employer.withLegalName(legalName).withStamp(employer.stamp().next(Fixtures.NOW));
    }

    private static void save(CrmStorage storage, Employer employer) {
        storage.inTransaction(tx -> {
            tx.employers().save(employer, employer.version() - 1);
            return null;
        });
    }

    private static Optional<Employer> read(CrmStorage storage, EmployerId id) {
        return storage.read(tx -> tx.employers().find(id));
    }

    /** Stores {@code employer} through {@code storage} and reads it through it, so its cache holds it. */
    private static Employer cachedIn(CrmStorage storage, Employer employer) {
        save(storage, employer);
        assertThat(read(storage, employer.id())).contains(employer);
        return employer;
    }

    @Nested
    @DisplayName("An inner unit that throws")
    class InnerFailure {

        @Test
        @DisplayName("has exactly its writes undone: the outer commits its own, and the cache serves neither the undone value nor a stale one")
        void exactlyTheInnerWritesAreUndone() {
            Employer acme = cachedIn(cached, employer("Acme"));
            Employer beta = cachedIn(cached, employer("Beta"));
            Employer inserted = employer("Inserted by the inner unit");
            Employer undone = renamed(acme, "Acme, undone");
            Employer betaRenamed = renamed(beta, "Beta, renamed by the outer unit");

            Optional<Employer> outerSawAfterwards = cached.inTransaction(outer -> {
                outer.employers().save(betaRenamed, 1);
                assertThatThrownBy(() -> cached.inTransaction(inner -> {
                    inner.employers().save(undone, 1);
                    inner.employers().save(inserted, 0);
                    assertThat(cached.<Optional<Employer>>read(nested -> nested.employers().find(acme.id())))
                            .as("a read nested in the inner unit sees its write").contains(undone);
                    throw new IllegalStateException("the inner unit fails");
                })).hasMessage("the inner unit fails");
                assertThat(outer.employers().find(inserted.id())).isEmpty();
                return outer.employers().find(acme.id());
            });

            assertThat(outerSawAfterwards).as("the outer unit, after the inner one failed").contains(acme);
            for (int i = 0; i < 2; i++) { // the second round may come from the cache
                assertThat(read(cached, acme.id())).contains(acme);
                assertThat(read(cached, inserted.id())).isEmpty();
                assertThat(read(cached, beta.id())).contains(betaRenamed);
            }
            assertThat(read(database, acme.id())).contains(acme);
            assertThat(read(database, beta.id())).contains(betaRenamed);
        }

        @Test
        @DisplayName("that deleted a cached record leaves it served, and the outer may then write it")
        void undoneDeleteThenOuterWrite() {
            Employer acme = cachedIn(cached, employer("Acme"));
            Employer renamedByOuter = renamed(acme, "Acme, renamed after the undone delete");

            cached.inTransaction(outer -> {
                assertThatThrownBy(() -> cached.inTransaction(inner -> {
                    inner.employers().delete(acme.id(), 1);
                    throw new IllegalStateException("the inner unit fails");
                })).hasMessage("the inner unit fails");
                outer.employers().save(renamedByOuter, 1);
                return null;
            });

            assertThat(read(cached, acme.id())).contains(renamedByOuter);
            assertThat(read(cached, acme.id())).contains(renamedByOuter);
        }

        @Test
        @DisplayName("and an outer that fails too leave nothing of either, cached or stored")
        void bothFail() {
            Employer acme = cachedIn(cached, employer("Acme"));
            assertThatThrownBy(() -> cached.inTransaction(outer -> {
                outer.employers().save(renamed(acme, "Acme, by the outer unit"), 1);
                assertThatThrownBy(() -> cached.inTransaction(inner -> {
                    inner.employers().save(renamed(outer.employers().find(acme.id()).orElseThrow(), "Acme, by the inner unit"), 2);
                    throw new IllegalStateException("the inner unit fails");
                })).hasMessage("the inner unit fails");
                throw new IllegalStateException("the outer unit fails");
            })).hasMessage("the outer unit fails");

            assertThat(read(cached, acme.id())).contains(acme);
            assertThat(read(database, acme.id())).contains(acme);
        }
    }

    @Nested
    @DisplayName("A storage failure inside an inner unit")
    class StorageFailure {
        private final FailingStorage failing = new FailingStorage(database);
        private final CachingCrmStorage cache = CachingCrmStorage.builder().delegate(failing).executor(Runnable::run).build();

        @Test
        @DisplayName("rolls back the whole transaction even when the outer work catches it, and the cache serves what was committed before")
        void failsTheWholeTransaction() {
            Employer acme = cachedIn(cache, employer("Acme"));
            Employer beta = cachedIn(cache, employer("Beta"));
            failing.failOn = acme.id()::equals;

            assertThatThrownBy(() -> cache.inTransaction(outer -> {
                outer.employers().save(renamed(beta, "Beta, rolled back with the rest"), 1);
                try {
                    cache.inTransaction(inner -> {
                        inner.employers().save(renamed(acme, "Acme, lost with the connection"), 1);
                        return null;
                    });
                } catch (StorageException expected) {
                    // the outer work carries on, as a careless caller might
                }
                return "the outer work returned";
            })).isInstanceOf(StorageException.class);

            for (int i = 0; i < 2; i++) {
                assertThat(read(cache, acme.id())).contains(acme);
                assertThat(read(cache, beta.id())).contains(beta);
            }
            assertThat(read(database, beta.id())).contains(beta);
        }
    }

    @Nested
    @DisplayName("An inner unit that returns")
    class InnerSuccess {

        @Test
        @DisplayName("commits with the outer transaction, and the cache serves its write at once, not the value cached before")
        void committedWithTheOuter() {
            Employer acme = cachedIn(cached, employer("Acme"));
            Employer renamed = renamed(acme, "Acme Holdings");

            cached.inTransaction(outer -> cached.inTransaction(inner -> {
                inner.employers().save(renamed, 1);
                return null;
            }));

            assertThat(read(cached, acme.id())).contains(renamed);
            assertThat(read(cached, acme.id())).contains(renamed);
        }

        @Test
        @DisplayName("hands out a transaction that refuses to be used once its work returned, while the outer one goes on")
        void innerTransactionEnds() {
            Employer acme = cachedIn(cached, employer("Acme"));
            AtomicReference<StorageTransaction> leaked = new AtomicReference<>();

            cached.inTransaction(outer -> {
                cached.inTransaction(inner -> {
                    leaked.set(inner);
                    return null;
                });
                assertThatThrownBy(() -> leaked.get().employers().find(acme.id())).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("must not be used after the work returns");
                assertThat(outer.employers().find(acme.id())).contains(acme);
                return null;
            });
        }
    }

    @Nested
    @DisplayName("Inside a read-write transaction")
    class InsideAWrite {

        @Test
        @DisplayName("the cache answers nothing and keeps nothing, in nested reads as well: all of it may be undone")
        void cacheIsNotUsed() {
            Employer acme = employer("Acme");
            save(database, acme);
            CacheStats before = cached.stats();

            cached.inTransaction(tx -> {
                tx.employers().find(acme.id());
                cached.read(nested -> nested.employers().find(acme.id()));
                cached.inTransaction(inner -> cached.read(nested -> nested.employers().find(acme.id())));
                return null;
            });

            assertThat(cached.stats()).isEqualTo(before);
            assertThat(cached.estimatedSize()).isZero();
        }

        @Test
        @DisplayName("a nested read refuses writes, and a read-write unit inside it")
        void nestedReadIsReadOnly() {
            Employer acme = employer("Acme");

            cached.inTransaction(tx -> {
                assertThatThrownBy(() -> cached.read(nested -> {
                    nested.employers().save(acme, 0);
                    return null;
                })).isInstanceOf(IllegalStateException.class).hasMessage("this is a read-only transaction");
                assertThatThrownBy(() -> cached.read(nested -> cached.inTransaction(inner -> null))).isInstanceOf(IllegalStateException.class)
                        .hasMessage("cannot start a read-write transaction inside a read-only one");
                return null;
            });

            assertThat(read(database, acme.id())).isEmpty();
        }
    }

    @Test
    @DisplayName("A read nested in a read joins it and uses the cache")
    void readInRead() {
        Employer acme = cachedIn(cached, employer("Acme"));

        assertThat(cached.<Optional<Employer>>read(outer -> cached.read(inner -> inner.employers().find(acme.id())))).contains(acme);
        assertThat(cached.stats().hitCount()).isEqualTo(1);
    }
}
