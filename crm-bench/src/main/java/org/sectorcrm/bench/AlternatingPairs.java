package org.sectorcrm.bench;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.sectorcrm.core.BatchOptions;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;

/**
 * The single-call pairs (get by id uncached, one create per transaction, record an engagement) measured the way a
 * loaded shared machine allows: library and raw JDBC alternate in short rounds in one process over the same data, so
 * that load from other processes hits both sides alike (JMH runs one benchmark after the other, and on a machine
 * whose load changes by the minute its ratios drift). Prints per pair the operations per second of each side, summed
 * over the rounds after a warm-up round, and the ratio.
 */
public final class AlternatingPairs {
    private AlternatingPairs() {
    }

    /** One side of a pair: runs {@code n} operations. */
    interface Side {
        void run(int n) throws SQLException;
    }

    public static String run(int employers, int rounds, int opsPerRound) throws SQLException {
        List<Employer> drafts = new BenchData(2026).employers(employers);
        try (Fixture lib = new Fixture("pairs-lib"); Fixture raw = new Fixture("pairs-raw");
                RawJdbc jdbc = new RawJdbc(raw.url(), raw.admin.id().asString(), raw.admin.partner().asString())) {
            CrmSession session = lib.session();
            session.employers().importAll(drafts.stream(), BatchOptions.defaults().withBatchSize(CrmBenchmarks.BATCH));
            List<EmployerId> libIds = session.employers().list(EmployerFilter.all(), PageRequest.first(PageRequest.MAX_LIMIT)).items()
                    .stream().map(Employer::id).toList();
            List<EmployerId> rawIds = jdbc.insertEmployers(drafts, CrmBenchmarks.BATCH).stream().map(Employer::id).limit(libIds.size()).toList();
            Random pick = new Random(1);
            BenchData libMore = new BenchData(99);
            BenchData rawMore = new BenchData(99);
            Map<String, Side[]> pairs = new LinkedHashMap<>();
            pairs.put("get (uncached)", new Side[] {
                n -> { for (int i = 0; i < n; i++) { session.employers().get(libIds.get(pick.nextInt(libIds.size()))); } },
                n -> { for (int i = 0; i < n; i++) { jdbc.get(rawIds.get(pick.nextInt(rawIds.size()))); } }});
            pairs.put("createOne (one per transaction)", new Side[] {
                n -> { for (int i = 0; i < n; i++) { session.employers().create(libMore.employer()); } },
                n -> { for (int i = 0; i < n; i++) { jdbc.insertEmployers(List.of(rawMore.employer()), 1); } }});
            pairs.put("engagement (record one)", new Side[] {
                n -> { for (int i = 0; i < n; i++) { session.engagements().create(engagement(lib, libIds.get(pick.nextInt(libIds.size())), libMore)); } },
                n -> { for (int i = 0; i < n; i++) { jdbc.recordEngagement(engagement(raw, rawIds.get(pick.nextInt(rawIds.size())), rawMore)); } }});
            StringBuilder sb = new StringBuilder("| pair (alternating, " + rounds + " rounds) | library ops/s | raw JDBC ops/s | library / raw |\n|---|---:|---:|---:|\n");
            for (Map.Entry<String, Side[]> p : pairs.entrySet()) {
                int ops = p.getKey().startsWith("get") ? opsPerRound : opsPerRound / 10;
                long[] nanos = new long[2];
                for (int r = 0; r <= rounds; r++) {
                    for (int side = 0; side < 2; side++) {
                        long t0 = System.nanoTime();
                        p.getValue()[side].run(ops);
                        if (r > 0) { // round 0 warms both sides up
                            nanos[side] += System.nanoTime() - t0;
                        }
                    }
                }
                double l = (double) rounds * ops * 1e9 / nanos[0];
                double w = (double) rounds * ops * 1e9 / nanos[1];
                sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f |%n", p.getKey(), l, w, l / w));
            }
            return sb.toString();
        }
    }

    static Engagement engagement(Fixture f, EmployerId employer, BenchData more) {
        return Engagement.of(employer, f.admin.partner(), f.admin.id(), more.engagementDate(), Channel.MEETING,
                "Site visit about apprenticeship and hiring plans");
    }

    public static void main(String[] args) throws SQLException {
        int employers = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int ops = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        System.out.println(run(employers, rounds, ops));
    }
}
