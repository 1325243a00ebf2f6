package org.sectorcrm.bench;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.sectorcrm.core.BatchOptions;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.reference.RegionCode;

/**
 * The single-call pairs (get by id uncached, filtered pages, search, one create per transaction, record an engagement) measured the way a
 * loaded shared machine allows: library and raw JDBC alternate in short rounds in one process over the same data, so
 * that load from other processes hits both sides alike (JMH runs one benchmark after the other, and on a machine
 * whose load changes by the minute its ratios drift). Each operation is timed, so the table gives per pair the
 * operations per second of each side over the rounds after a warm-up round, the ratio, and p50/p99 latencies (the
 * filtered page and the search have a p99 target: under 10 ms).
 */
public final class AlternatingPairs {
    private AlternatingPairs() {
    }

    /** One operation of one side of a pair. */
    interface Op {
        void run() throws SQLException;
    }

    /** A pair and how many operations each side runs per round. */
    record Pair(String name, int ops, Op library, Op raw) {
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
            CrmSession cached = lib.cachedSession();
            for (EmployerId id : libIds) {
                cached.employers().get(id); // every id a cache hit from here on
            }
            Random pick = new Random(1);
            BenchData libMore = new BenchData(99);
            BenchData rawMore = new BenchData(99);
            String[] words = new BenchData(5).twoWordQuery().toLowerCase(Locale.ROOT).split(" ");
            EmployerFilter active = EmployerFilter.all().withStatus(EmployerStatus.ACTIVE);
            EmployerFilter region = EmployerFilter.all().withRegion(new RegionCode("R06"));
            int writes = Math.max(1, opsPerRound / 10);
            int pages = Math.max(1, opsPerRound / 20);
            List<Pair> pairs = List.of(
                    new Pair("get (uncached)", opsPerRound, () -> session.employers().get(libIds.get(pick.nextInt(libIds.size()))),
                            () -> jdbc.get(rawIds.get(pick.nextInt(rawIds.size())))),
                    new Pair("getCached (Caffeine hit / raw uncached)", opsPerRound, () -> cached.employers().get(libIds.get(pick.nextInt(libIds.size()))),
                            () -> jdbc.get(rawIds.get(pick.nextInt(rawIds.size())))),
                    new Pair("pageStatus (page of 50)", pages, () -> session.employers().list(active, PageRequest.first(50)),
                            () -> jdbc.pageByStatus("ACTIVE", "", 51)),
                    new Pair("pageRegion (page of 50)", pages, () -> session.employers().list(region, PageRequest.first(50)),
                            () -> jdbc.pageByRegion("R06", "", 51)),
                    new Pair("search (two words, page of 50)", pages, () -> session.employers().search(words[0] + " " + words[1], PageRequest.first(50)),
                            () -> jdbc.search(words[0], words[1], 51)),
                    new Pair("createOne (one per transaction)", writes, () -> session.employers().create(libMore.employer()),
                            () -> jdbc.insertEmployers(List.of(rawMore.employer()), 1)),
                    new Pair("engagement (record one)", writes,
                            () -> session.engagements().create(engagement(lib, libIds.get(pick.nextInt(libIds.size())), libMore)),
                            () -> jdbc.recordEngagement(engagement(raw, rawIds.get(pick.nextInt(rawIds.size())), rawMore))));
            StringBuilder sb = new StringBuilder("| pair (" + employers + " employers, alternating, " + rounds + " rounds) | library ops/s | raw JDBC ops/s"
                    + " | library / raw | library p50 / p99 ms | raw p50 / p99 ms |\n|---|---:|---:|---:|---:|---:|\n");
            for (Pair p : pairs) {
                long[][] nanos = new long[2][rounds * p.ops()];
                for (int r = 0; r <= rounds; r++) {
                    for (int side = 0; side < 2; side++) {
                        Op op = side == 0 ? p.library() : p.raw();
                        for (int i = 0; i < p.ops(); i++) {
                            long t0 = System.nanoTime();
                            op.run();
                            long t = System.nanoTime() - t0;
                            if (r > 0) { // round 0 warms both sides up
                                nanos[side][(r - 1) * p.ops() + i] = t;
                            }
                        }
                    }
                }
                double l = opsPerSecond(nanos[0]);
                double w = opsPerSecond(nanos[1]);
                sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f | %s | %s |%n", p.name(), l, w, l / w, percentiles(nanos[0]),
                        percentiles(nanos[1])));
            }
            return sb.toString();
        }
    }

    static double opsPerSecond(long[] nanos) {
        long sum = 0;
        for (long n : nanos) {
            sum += n;
        }
        return nanos.length * 1e9 / sum;
    }

    /** p50 and p99 of the operation times, in milliseconds. */
    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.2f / %.2f", sorted[(int) (sorted.length * 0.50)] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
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
