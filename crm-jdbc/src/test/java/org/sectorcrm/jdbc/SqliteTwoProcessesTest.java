package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * Two stores on one SQLite file, as a server and a command-line job in two processes would be: their
 * in-process writer locks do not see each other, so only BEGIN IMMEDIATE and the busy timeout keep them
 * apart. Every read-modify-write applies, none fails with SQLITE_BUSY or as a conflict.
 */
class SqliteTwoProcessesTest {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.sqlite();

    @Test
    void writersOfTwoStoresOnOneFileTakeTurnsWithoutBusyErrors() throws Exception {
        String url = DB.url();
        Employer start = StoreTestBase.anEmployer().withEmployees(0).build();
        try (JdbcCrmStorage server = DB.builderFor(url).build(); JdbcCrmStorage job = DB.builderFor(url).build()) {
            server.inTransaction(tx -> {
                tx.employers().save(start, 0);
                return null;
            });
            int threadsEach = 3;
            int updatesEach = 15;
            ExecutorService pool = Executors.newFixedThreadPool(2 * threadsEach);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (JdbcCrmStorage store : List.of(server, job)) {
                    for (int t = 0; t < threadsEach; t++) {
                        futures.add(pool.submit(() -> {
                            go.await();
                            for (int i = 0; i < updatesEach; i++) {
                                store.inTransaction((StorageTransaction tx) -> {
                                    Employer current = tx.employers().find(start.id()).orElseThrow();
                                    tx.employers().save(StoreTestBase.next(current), current.version());
                                    return null;
                                });
                            }
                            return null;
                        }));
                    }
                }
                go.countDown();
                for (Future<?> f : futures) {
                    f.get(5, TimeUnit.MINUTES); // a guard against a hang, not a timing assertion; rethrows any failure
                }
            } finally {
                pool.shutdownNow();
            }
            Employer end = job.read(tx -> tx.employers().find(start.id()).orElseThrow());
            assertThat(end.employees()).isEqualTo(2 * threadsEach * updatesEach);
        }
    }
}
