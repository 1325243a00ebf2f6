package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.StaffUser;

/** Many threads tagging one employer at once: each update applies or gets a conflict, and none is lost. */
class ConcurrentUpdatesTest {

    @Test
    void everyUpdateAppliesOrConflictsAndTheFinalStateHoldsEveryAppliedOne() throws Exception {
        Crm crm = Crm.builder().storage(new InMemoryCrmStorage()).build();
        StaffUser admin = crm.bootstrap(Partner.named("Board", PartnerKind.WORKFORCE_BOARD), "Ada", "ada@board.example");
        Employer employer = crm.as(admin).employers().create(Employer.named("Acme"));
        AtomicInteger conflicts = new AtomicInteger();
        List<Callable<String>> writers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String tag = "t" + i;
            writers.add(() -> {
                Employer read = crm.as(admin).employers().get(employer.id());
                java.util.TreeSet<String> tags = new java.util.TreeSet<>(read.tags());
                tags.add(tag);
                try {
                    crm.as(admin).employers().update(read.withTags(tags));
                    return tag;
                } catch (ConflictException e) {
                    conflicts.incrementAndGet();
                    return null;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> applied = new ArrayList<>();
        try {
            for (Future<String> f : pool.invokeAll(writers)) {
                if (f.get() != null) {
                    applied.add(f.get());
                }
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        Employer result = crm.as(admin).employers().get(employer.id());
        assertThat(result.tags()).isEqualTo(Set.copyOf(applied));
        assertThat(result.version()).isEqualTo(1 + applied.size());
        assertThat(applied.size() + conflicts.get()).isEqualTo(200);
    }
}
