package org.sectorcrm.bench;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.sectorcrm.core.BatchOptions;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Employer;

/**
 * The whole-workload harness for bulk import: library and raw JDBC alternate in one process, round by round, each
 * storing the same generated employers with their establishments and then their contacts (three per employer on
 * average; 1,000 records per transaction) into its own growing SQLite database, so that load from other processes hits
 * both sides alike. Prints employers per second (each with its establishments and contacts) for each side and the
 * ratio per round and over all rounds.
 */
public final class AlternatingImport {
    private AlternatingImport() {
    }

    public static String run(int rounds, int perRound) throws SQLException {
        StringBuilder sb = new StringBuilder("| round | library employers/s | raw JDBC employers/s | library / raw |\n|---|---:|---:|---:|\n");
        long libNanos = 0;
        long rawNanos = 0;
        try (Fixture lib = new Fixture("alt-lib"); Fixture raw = new Fixture("alt-raw");
                RawJdbc jdbc = new RawJdbc(raw.url(), raw.admin.id().asString(), raw.admin.partner().asString())) {
            BenchData data = new BenchData(2026);
            for (int r = 0; r <= rounds; r++) {
                List<Employer> drafts = data.employersWithIds(perRound);
                List<Contact> contacts = drafts.stream().flatMap(e -> data.contacts(e.id()).stream()).toList();
                BatchOptions options = BatchOptions.defaults().withBatchSize(CrmBenchmarks.BATCH);
                long t0 = System.nanoTime();
                long created = lib.session().employers().importAll(drafts.stream(), options).created();
                long createdContacts = lib.session().contacts().importAll(contacts.stream(), options).created();
                long t1 = System.nanoTime();
                int stored = jdbc.insertEmployers(drafts, CrmBenchmarks.BATCH).size();
                int storedContacts = jdbc.insertContacts(contacts, CrmBenchmarks.BATCH);
                long t2 = System.nanoTime();
                if (created != perRound || stored != perRound || createdContacts != contacts.size() || storedContacts != contacts.size()) {
                    throw new IllegalStateException("round " + r + ": library stored " + created + " employers and " + createdContacts + " contacts, raw "
                            + stored + " and " + storedContacts + " of " + perRound + " and " + contacts.size());
                }
                if (r == 0) {
                    continue; // warm-up round
                }
                libNanos += t1 - t0;
                rawNanos += t2 - t1;
                double l = perRound * 1e9 / (t1 - t0);
                double w = perRound * 1e9 / (t2 - t1);
                sb.append(String.format(Locale.ROOT, "| %d | %,.0f | %,.0f | %.2f |%n", r, l, w, l / w));
            }
        }
        double l = (double) rounds * perRound * 1e9 / libNanos;
        double w = (double) rounds * perRound * 1e9 / rawNanos;
        sb.append(String.format(Locale.ROOT, "| all | %,.0f | %,.0f | %.2f |%n", l, w, l / w));
        return sb.toString();
    }
}
