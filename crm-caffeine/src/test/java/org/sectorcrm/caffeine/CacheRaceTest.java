package org.sectorcrm.caffeine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Fixtures;

/**
 * Reads racing writes never leave a stale value in the cache. The delegate here is {@link SnapshotStorage}, whose
 * readers do not wait for writers (the in-memory store's one lock would hide every race). Interleavings are forced
 * with latches, never with sleeps; the latch waits are bounded only so that a bug shows as a failure, not a hang.
 */
class CacheRaceTest {
    private static final long HANG_GUARD_SECONDS = 60;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).as("test threads ended").isTrue();
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

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).as("the other thread got there").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static <T> T result(Future<T> future) throws Exception {
        return future.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    }

    @Nested
    @DisplayName("A read that loads while a write commits")
    class Interleavings {
        private final SnapshotStorage database = new SnapshotStorage();
        private final CachingCrmStorage cache = CachingCrmStorage.builder().delegate(database).build();
        private final Employer acme = Employers.anEmployer().named("Acme").build();

        Interleavings() {
            save(cache, acme);
        }

        @Test
        @DisplayName("from a snapshot taken before the write does not cache the old version")
        void snapshotOlderThanTheWrite() throws Exception {
            CountDownLatch readerInside = new CountDownLatch(1);
            CountDownLatch written = new CountDownLatch(1);
            Future<Optional<Employer>> reader = threads.submit(() -> cache.read(tx -> {
                readerInside.countDown(); // its snapshot is taken: the write below comes after it
                await(written);
                return tx.employers().find(acme.id());
            }));
            await(readerInside);
            Employer renamed = renamed(acme, "Acme Holdings");
            save(cache, renamed);
            written.countDown();

            assertThat(result(reader)).as("the reader sees its snapshot").contains(acme);
            assertThat(read(cache, acme.id())).as("but did not cache it").contains(renamed);
        }

        @Test
        @DisplayName("and returns just before a delete commits does not bring the record back")
        void loadThenDelete() throws Exception {
            CountDownLatch loaded = new CountDownLatch(1);
            CountDownLatch deleted = new CountDownLatch(1);
            database.afterFindInRead = id -> {
                loaded.countDown();
                await(deleted);
            };
            Future<Optional<Employer>> reader = threads.submit(() -> read(cache, acme.id()));
            await(loaded);
            database.afterFindInRead = id -> { };
            cache.inTransaction(tx -> {
                tx.employers().delete(acme.id(), 1);
                return null;
            });
            deleted.countDown();

            assertThat(result(reader)).contains(acme);
            assertThat(read(cache, acme.id())).isEmpty();
        }

        @Test
        @DisplayName("across invalidateAll does not cache what it read before")
        void loadAcrossInvalidateAll() throws Exception {
            CountDownLatch loaded = new CountDownLatch(1);
            CountDownLatch flushed = new CountDownLatch(1);
            database.afterFindInRead = id -> {
                loaded.countDown();
                await(flushed);
            };
            Future<Optional<Employer>> reader = threads.submit(() -> read(cache, acme.id()));
            await(loaded);
            database.afterFindInRead = id -> { };
            Employer fixed = renamed(acme, "Acme, fixed by the DBA");
            database.writeBehindTheCache(fixed);
            cache.invalidateAll();
            flushed.countDown();

            assertThat(result(reader)).contains(acme);
            assertThat(read(cache, acme.id())).contains(fixed);
        }

        @Test
        @DisplayName("that began after the write committed is cached as usual")
        void laterReadIsCached() {
            save(cache, renamed(acme, "Acme Holdings"));
            read(cache, acme.id());
            read(cache, acme.id());

            assertThat(cache.stats().hitCount()).isEqualTo(1);
        }
    }

    /**
     * What the writer of one employer last committed, published after its transaction returned. The writer also
     * publishes the number of each write before it starts: a read may see a commit not yet published, which for
     * a deletion shows only as absence.
     */
    private record Committed(long counter, boolean present) {
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"snapshot", "in-memory"})
    @DisplayName("Hammered by writers and readers, no read after a commit returns what the commit replaced")
    void noStaleReadAfterCommit(String delegate) throws Exception {
        CrmStorage database = delegate.equals("snapshot") ? new SnapshotStorage() : new InMemoryCrmStorage();
        CachingCrmStorage cache = CachingCrmStorage.builder().delegate(database).maximumSize(64).build();
        int writers = 2;
        int keysPerWriter = 3;
        int opsPerWriter = 1_500;
        int readers = 3;
        EmployerId[] ids = new EmployerId[writers * keysPerWriter];
        AtomicReferenceArray<Committed> committed = new AtomicReferenceArray<>(ids.length);
        AtomicLongArray started = new AtomicLongArray(ids.length);
        for (int k = 0; k < ids.length; k++) {
            Employer e = named(Fixtures.employerId(), k, 0, 1);
            save(cache, e);
            ids[k] = e.id();
            committed.set(k, new Committed(0, true));
        }
        Queue<String> violations = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CyclicBarrier start = new CyclicBarrier(writers + readers);
        List<Future<?>> writerRuns = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int first = w * keysPerWriter;
            long seed = 42 + w;
            writerRuns.add(threads.submit(() -> {
                start.await();
                write(cache, ids, started, committed, first, keysPerWriter, opsPerWriter, new Random(seed));
                return null;
            }));
        }
        List<Future<Long>> readerRuns = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            long seed = 4242 + r;
            readerRuns.add(threads.submit(() -> {
                start.await();
                return readAndCheck(cache, ids, started, committed, writing::get, new Random(seed), violations);
            }));
        }
        try {
            for (Future<?> run : writerRuns) {
                result(run);
            }
        } finally {
            writing.set(false);
        }
        long reads = 0;
        for (Future<Long> run : readerRuns) {
            reads += result(run);
        }

        assertThat(violations).as("stale reads observed after the commit that replaced them returned").isEmpty();
        assertThat(reads).isPositive();
        assertThat(cache.stats().hitCount()).as("the cache answered some reads while writes ran").isPositive();
        for (int k = 0; k < ids.length; k++) {
            Committed last = committed.get(k);
            Optional<Employer> stored = read(database, ids[k]);
            assertThat(read(cache, ids[k])).as("employer %s at the end", k).isEqualTo(stored);
            assertThat(stored.map(CacheRaceTest::counterOf)).isEqualTo(last.present() ? Optional.of(last.counter()) : Optional.empty());
        }
    }

    /**
     * One writer owns keys {@code first..first+count-1}: updates, deletes, re-inserts, rolled-back updates and updates
     * by an inner unit that its savepoint undoes (the outer transaction commits) at random.
     */
    private static void write(CrmStorage cache, EmployerId[] ids, AtomicLongArray started, AtomicReferenceArray<Committed> committed, int first,
            int count, int ops, Random random) {
        Employer[] current = new Employer[count];
        for (int i = 0; i < count; i++) {
            current[i] = read(cache, ids[first + i]).orElseThrow();
        }
        long counter = 0;
        for (int op = 0; op < ops; op++) {
            int i = random.nextInt(count);
            int k = first + i;
            Employer now = current[i];
            counter++;
            started.set(k, counter); // before the transaction: a reader may see its commit before it is published below
            int dice = random.nextInt(10);
            if (now == null) {
                Employer reinserted = named(ids[k], k, counter, 1);
                save(cache, reinserted);
                current[i] = reinserted;
                committed.set(k, new Committed(counter, true));
            } else if (dice == 0) {
                cache.inTransaction(tx -> {
                    tx.employers().delete(now.id(), now.version());
                    return null;
                });
                current[i] = null;
                committed.set(k, new Committed(counter, false));
            } else if (dice == 1) {
                try {
                    cache.inTransaction(tx -> {
                        tx.employers().save(named(ids[k], k, -1, now.version() + 1), now.version());
                        throw new IllegalStateException("roll back");
                    });
                    throw new AssertionError("the work threw: the transaction cannot have returned");
                } catch (IllegalStateException expected) {
                    // rolled back: nothing to publish
                }
            } else if (dice == 2) {
                cache.inTransaction(outer -> {
                    try {
                        cache.inTransaction(inner -> {
                            inner.employers().save(named(ids[k], k, -1, now.version() + 1), now.version());
                            throw new IllegalStateException("undo the inner unit");
                        });
                    } catch (IllegalStateException expected) {
                        // the savepoint undid the inner unit; the outer commits nothing: nothing to publish
                    }
                    return null;
                });
            } else {
                Employer updated = named(ids[k], k, counter, now.version() + 1);
                save(cache, updated);
                current[i] = updated;
                committed.set(k, new Committed(counter, true));
            }
        }
    }

    private static long readAndCheck(CrmStorage cache, EmployerId[] ids, AtomicLongArray started, AtomicReferenceArray<Committed> committed,
            Supplier<Boolean> writing, Random random, Queue<String> violations) {
        long reads = 0;
        while (writing.get() || reads < 500) { // a floor of reads, should the writers finish first
            int k = random.nextInt(ids.length);
            Committed before = committed.get(k);
            Optional<Employer> seen = read(cache, ids[k]);
            long startedSince = started.get(k);
            reads++;
            if (seen.isPresent()) {
                long counter = counterOf(seen.get());
                if (counter < 0) {
                    violations.add("employer " + k + ": a rolled-back or undone write is visible");
                } else if (counter < before.counter() || counter == before.counter() && !before.present()) {
                    violations.add("employer " + k + ": read write #" + counter + " after #" + before.counter() + " (present=" + before.present()
                            + ") had committed");
                }
            } else if (before.present() && startedSince == before.counter()) {
                violations.add("employer " + k + ": absent though write #" + before.counter() + " stored it and no write started since");
            }
        }
        return reads;
    }

    /** Employer {@code k} as stored by its writer's {@code counter}th write (-1: a write that rolls back). */
    private static Employer named(EmployerId id, int k, long counter, long version) {
        return Employers.aMinimalEmployer().withId(id).named("Employer " + k + " #" + counter)
                .withStamp(new Stamp(version, Fixtures.NOW, Fixtures.NOW, Fixtures.CREATOR)).build();
    }

    private static long counterOf(Employer employer) {
        String name = employer.legalName();
        return Long.parseLong(name.substring(name.indexOf('#') + 1));
    }
}
