package org.sectorcrm.caffeine.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.stats.CacheStats;

import org.junit.jupiter.api.Test;
import org.sectorcrm.caffeine.CachingCrmStorage;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateTypes;

/** The snippets of docs/caching.md, compiled and run; the guide must contain them verbatim. */
class CachingDocTest {

    @Test
    void snippetsRunAsShown() throws IOException {
        // --- caching.md setup begins ---
        CrmStorage database = new InMemoryCrmStorage(); // or a JdbcCrmStorage, or your own store
        CachingCrmStorage storage = CachingCrmStorage.builder()
                .delegate(database)
                .maximumSize(50_000)                       // aggregates of all types together
                .maximumSize(AggregateTypes.STAFF_USER, 1_000) // read at every session: kept apart
                .expireAfterWrite(Duration.ofSeconds(30))  // other nodes write to the same database
                .build();
        Crm crm = Crm.builder().storage(storage).build();
        // --- caching.md setup ends ---

        StaffUser admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        Employer acme = crm.as(admin).employers().create(Employer.named("Acme Tool & Die, Inc."));
        assertThat(crm.as(admin).employers().get(acme.id())).isEqualTo(acme);
        assertThat(crm.as(admin).employers().get(acme.id())).isEqualTo(acme);

        // --- caching.md statistics begins ---
        CacheStats stats = storage.stats();
        System.out.printf("hit rate %.2f, %d loads, %d evictions, about %d aggregates cached%n",
                stats.hitRate(), stats.loadCount(), stats.evictionCount(), storage.estimatedSize());
        // --- caching.md statistics ends ---
        assertThat(stats.hitCount()).as("the second get, and the staff user of the later sessions").isGreaterThanOrEqualTo(2);
        assertThat(stats.evictionCount()).isZero();

        String guide = normalise(Files.readString(Path.of("../docs/caching.md")));
        String source = Files.readString(Path.of("src/test/java/org/sectorcrm/caffeine/docs/CachingDocTest.java"));
        for (String snippet : new String[] {"setup", "statistics"}) {
            assertThat(guide).as("docs/caching.md contains the %s snippet exactly as compiled here", snippet)
                    .contains(normalise(between(source, "// --- caching.md " + snippet + " begins ---", "// --- caching.md " + snippet + " ends ---")));
        }
    }

    private static String between(String text, String begin, String end) {
        int from = text.indexOf(begin) + begin.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String normalise(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + "\n" + b);
    }
}
