package org.sectorcrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.BatchOptions;
import org.sectorcrm.core.BatchReport;
import org.sectorcrm.core.employer.Employer;

/** The generator is deterministic and the raw baseline writes the same rows as the library for the same records. */
class SameRowsTest {
    static final List<String> TABLES = List.of("crm_employer", "crm_employer_tag", "crm_employer_zip", "crm_search_word", "crm_audit", "crm_outbox");

    @Test
    void sameSeedSameData() {
        List<Employer> a = new BenchData(42).employers(300);
        List<Employer> b = new BenchData(42).employers(300);
        assertThat(a).isEqualTo(b);
        assertThat(new BenchData(43).employers(300)).isNotEqualTo(a);
        assertThat(a.stream().map(e -> e.region().value()).distinct().count()).isGreaterThan(4);
    }

    @Test
    void rawBaselineWritesWhatTheLibraryWrites() throws Exception {
        List<Employer> drafts = new BenchData(7).employers(2_500);
        try (Fixture lib = new Fixture("lib"); Fixture raw = new Fixture("raw")) {
            long[] before = new long[TABLES.size()];
            try (RawJdbc r = new RawJdbc(raw.url(), raw.admin.id().asString(), raw.admin.partner().asString())) {
                for (int i = 0; i < TABLES.size(); i++) {
                    before[i] = r.count(TABLES.get(i));
                }
            }
            BatchReport report = lib.session().employers().importAll(drafts.stream(), BatchOptions.defaults().withBatchSize(1_000));
            assertThat(report.created()).isEqualTo(drafts.size());
            try (RawJdbc r = new RawJdbc(raw.url(), raw.admin.id().asString(), raw.admin.partner().asString());
                    RawJdbc l = new RawJdbc(lib.url(), lib.admin.id().asString(), lib.admin.partner().asString())) {
                List<Employer> stored = r.insertEmployers(drafts, 1_000);
                assertThat(stored).hasSize(drafts.size());
                for (int i = 0; i < TABLES.size(); i++) {
                    String t = TABLES.get(i);
                    assertThat(r.count(t) - before[i]).as(t).isGreaterThan(0).isEqualTo(l.count(t) - before[i]);
                }
                assertThat(r.get(stored.get(17).id())).isEqualTo(stored.get(17));
            }
        }
    }
}
