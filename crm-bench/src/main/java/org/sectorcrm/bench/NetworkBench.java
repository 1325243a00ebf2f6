package org.sectorcrm.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.report.OutcomeReport;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.ForwardingStorageTransaction;
import org.sectorcrm.core.spi.ReportQueries;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.jdbc.JdbcCrmStorage;

/**
 * Benchmark 5 (issue 13): the network-health reports over a generated data set ({@link Generate}), on the database it
 * was written to. A plain harness: each report is run {@code rounds} times through the SQL store's aggregate queries
 * and, alternating with it in the same process on the same database, through the scanning reference
 * ({@link ReportQueries#scanning}: what every report did before the queries existed, reading the records page by
 * page), so the ratio holds on a shared machine. The first run of each is a warm-up and not counted; the figure is
 * the median of the others. The thread's CPU time is printed too (SQLite runs in the calling thread).
 */
public final class NetworkBench {
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final LocalDate ON = LocalDate.of(2026, 6, 30);

    private NetworkBench() {
    }

    public static String run(String target, int rounds) {
        try (JdbcCrmStorage storage = JdbcCrmStorage.builder().url(Generate.url(target)).build()) {
            StaffUser admin = storage.read(tx -> tx.staffUsers().query(StaffUserFilter.byEmail(EmailAddress.parse("admin@bench.example")), PageRequest.first(1)))
                    .items().get(0);
            CrmSession sql = Crm.builder().storage(storage).build().as(admin);
            CrmSession scanning = Crm.builder().storage(new Scanning(storage)).build().as(admin);
            Map<String, Function<CrmSession, Object>> reports = new LinkedHashMap<>();
            reports.put("referrals", s -> s.reports().referrals(ON));
            reports.put("needs-funnel", s -> s.reports().needsFunnel());
            reports.put("outcomes by sector", s -> s.reports().outcomes(OutcomeReport.Grouping.SECTOR));
            reports.put("satisfaction", s -> s.reports().satisfaction());
            reports.put("partnerships", s -> s.reports().partnerships());
            reports.put("cadence", s -> s.reports().cadence(ON, 90, Map.of()));
            reports.put("duplicated effort", s -> s.reports().duplicatedEffort(ON, 30));
            StringBuilder table = new StringBuilder("| report | storage queries: ms (median) | thread CPU ms | scanning reference: ms (median) | thread CPU ms | scanning / queries |\n"
                    + "|---|---:|---:|---:|---:|---:|\n");
            for (var r : reports.entrySet()) {
                long[][] a = new long[2][rounds];
                long[][] cpu = new long[2][rounds];
                Object[] answers = new Object[2];
                for (int i = 0; i <= rounds; i++) {
                    for (int side = 0; side < 2; side++) {
                        CrmSession s = side == 0 ? sql : scanning;
                        long c0 = THREADS.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        answers[side] = r.getValue().apply(s);
                        if (i > 0) {
                            a[side][i - 1] = (System.nanoTime() - t0) / 1_000_000;
                            cpu[side][i - 1] = (THREADS.getCurrentThreadCpuTime() - c0) / 1_000_000;
                        }
                    }
                }
                if (!answers[0].equals(answers[1])) {
                    throw new IllegalStateException(r.getKey() + ": the storage queries and the scanning reference disagree");
                }
                long q = median(a[0]);
                long sc = median(a[1]);
                String line = String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %.1f |%n", r.getKey(), q, median(cpu[0]), sc, median(cpu[1]),
                        q == 0 ? Double.NaN : (double) sc / q);
                System.out.print(line);
                table.append(line);
            }
            return table.toString();
        }
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The same storage with every transaction's report queries computed by reading the records (the reference). */
    static final class Scanning implements CrmStorage {
        private final CrmStorage delegate;

        Scanning(CrmStorage delegate) {
            this.delegate = delegate;
        }

        private static org.sectorcrm.core.spi.StorageTransaction scanning(org.sectorcrm.core.spi.StorageTransaction tx) {
            return new ForwardingStorageTransaction(tx) {
                @Override
                public ReportQueries reports() {
                    return ReportQueries.scanning(this);
                }
            };
        }

        @Override
        public <R> R inTransaction(TransactionWork<R> work) {
            return delegate.inTransaction(tx -> work.run(scanning(tx)));
        }

        @Override
        public <R> R read(TransactionWork<R> work) {
            return delegate.read(tx -> work.run(scanning(tx)));
        }

        @Override
        public Set<Capability> capabilities() {
            return delegate.capabilities();
        }

        @Override
        public void close() {
            // the delegate is closed by its owner
        }
    }
}
