package org.sectorcrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.BatchOptions;
import org.sectorcrm.core.BatchReport;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Employer;

/** The generator is deterministic and the raw baseline writes the same rows as the library for the same records. */
class SameRowsTest {
    static final List<String> TABLES = List.of("crm_employer", "crm_employer_tag", "crm_employer_zip", "crm_contact", "crm_contact_role",
            "crm_search_word", "crm_audit", "crm_outbox");

    @Test
    void sameSeedSameData() {
        BenchData first = new BenchData(42);
        BenchData second = new BenchData(42);
        List<Employer> a = first.employersWithIds(300);
        assertThat(second.employersWithIds(300)).isEqualTo(a);
        assertThat(first.contacts(a.get(0).id())).isEqualTo(second.contacts(a.get(0).id()));
        assertThat(new BenchData(43).employersWithIds(300)).isNotEqualTo(a);
        assertThat(a.stream().map(e -> e.region().value()).distinct().count()).isGreaterThan(4);
        assertThat(a).extracting(e -> e.id().asString()).isSorted(); // time-ordered, as the store's own ids
    }

    @Test
    void contactsAverageThreePerEmployer() {
        BenchData data = new BenchData(11);
        long contacts = data.employersWithIds(2_000).stream().mapToLong(e -> data.contacts(e.id()).size()).sum();
        assertThat(contacts).isBetween(5_000L, 7_000L); // 150,000 for the region's 50,000 employers
    }

    @Test
    void rawBaselineWritesWhatTheLibraryWrites() throws Exception {
        BenchData data = new BenchData(7);
        List<Employer> drafts = data.employersWithIds(2_500);
        List<Contact> contacts = drafts.stream().flatMap(e -> data.contacts(e.id()).stream()).toList();
        try (Fixture lib = new Fixture("lib"); Fixture raw = new Fixture("raw")) {
            long[] before = new long[TABLES.size()];
            try (RawJdbc r = new RawJdbc(raw.url(), raw.admin.id().asString(), raw.admin.partner().asString())) {
                for (int i = 0; i < TABLES.size(); i++) {
                    before[i] = r.count(TABLES.get(i));
                }
            }
            BatchReport report = lib.session().employers().importAll(drafts.stream(), BatchOptions.defaults().withBatchSize(1_000));
            assertThat(report.created()).isEqualTo(drafts.size());
            assertThat(lib.session().contacts().importAll(contacts.stream(), BatchOptions.defaults().withBatchSize(1_000)).created())
                    .isEqualTo(contacts.size());
            try (RawJdbc r = new RawJdbc(raw.url(), raw.admin.id().asString(), raw.admin.partner().asString());
                    RawJdbc l = new RawJdbc(lib.url(), lib.admin.id().asString(), lib.admin.partner().asString())) {
                List<Employer> stored = r.insertEmployers(drafts, 1_000);
                assertThat(r.insertContacts(contacts, 1_000)).isEqualTo(contacts.size());
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
