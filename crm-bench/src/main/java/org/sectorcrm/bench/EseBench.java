package org.sectorcrm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.sectorcrm.core.BatchOptions;
import org.sectorcrm.core.IdGenerator;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.report.EseReport;
import org.sectorcrm.core.report.ProgramPeriod;
import org.sectorcrm.core.spi.ReportQueries;
import org.sectorcrm.json.CrmJson;

/**
 * The ESE report over the region data set on SQLite: {@code employers} employers from {@link BenchData} (establishments
 * without a county, so each belongs to its employer's region) and {@code engagements} engagements over three program
 * years, then {@code reports().ese(...)} timed for the state, a region and a partner, several times each. A plain
 * harness, not JMH: one figure is a single report run (a cold first run and the warm ones are printed apart).
 *
 * <p>The engagements are written with prepared, batched statements into the library's own schema (the engagement row
 * with its document and its {@code crm_engagement_service} rows, as the store writes them; no audit or outbox rows,
 * which the report never reads), because a million engagements through the write path would take longer than the
 * measurement is worth. The employers go through the library's bulk import.
 */
public final class EseBench {
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private EseBench() {
    }

    public static void main(String[] args) throws SQLException {
        int employers = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int engagements = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        // A third argument keeps the database in that folder and reuses it on the next run (writing it takes minutes;
        // reopening it with a newer library applies that library's migrations, e.g. V013's covering index).
        long opened = System.nanoTime();
        try (Fixture f = args.length > 2 ? Fixture.kept(java.nio.file.Path.of(args[2])) : new Fixture("ese")) {
            if (f.reused) {
                System.out.printf(Locale.ROOT, "reused %s (opened and migrated in %.1f s)%n", f.file, (System.nanoTime() - opened) / 1e9);
            } else {
                build(f, employers, engagements);
            }
            time(f);
        }
    }

    private static void build(Fixture f, int employers, int engagements) throws SQLException {
        {
            BenchData data = new BenchData(11);
            long t0 = System.nanoTime();
            List<Employer> drafts = new ArrayList<>(employers);
            for (Employer e : data.employers(employers)) {
                drafts.add(e.withEstablishments(e.establishments().stream()
                        .map(s -> new Establishment(s.id(), s.name(), s.address(), null, s.uiAccountNumber(), s.naics(), s.primary())).toList()));
            }
            f.session().employers().importAll(drafts.stream(), BatchOptions.defaults().withBatchSize(1000));
            System.out.printf(Locale.ROOT, "%,d employers imported in %.1f s%n", employers, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            long services = writeEngagements(f, data, engagements);
            System.out.printf(Locale.ROOT, "%,d engagements (%,d service rows) written in %.1f s%n", engagements, services, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static void time(Fixture f) throws SQLException {
        String partner = "partner:" + f.admin.partner().asString();
        System.out.printf(Locale.ROOT, "load average before: %s%n", loadAverage());
        System.out.println("report = reports().ese(period, area), 3 runs, the first cold; thread CPU includes SQLite's (it runs in the calling thread).");
        System.out.println("store query: the report's storage part alone, alternating 3 rounds: eseEstablishments (one statement, area in SQL) vs the");
        System.out.println("V013 path (two placedCountableServices statements, area applied in Java: what the report did before), thread CPU ms;");
        System.out.println("best = the fastest warm report run, wall ms; ratio = median V013 path / median one pass.");
        String header = String.format(Locale.ROOT, "%-9s %-12s %8s %9s | %-20s %-20s %6s | %-16s %-16s %6s", "period", "area", "total", "look-back",
                "report wall ms", "report CPU ms", "best", "one pass CPU ms", "V013 path CPU ms", "ratio");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        for (String area : List.of("state", "region:R01", "region:R08", partner)) {
            for (String period : List.of("PY2025", "PY2025Q2")) {
                long[] wall = new long[3];
                long[] cpu = new long[3];
                EseReport r = null;
                for (int i = 0; i < 3; i++) {
                    long s = System.nanoTime();
                    long c = THREADS.getCurrentThreadCpuTime();
                    r = f.session().reports().ese(period, area);
                    wall[i] = (System.nanoTime() - s) / 1_000_000;
                    cpu[i] = (THREADS.getCurrentThreadCpuTime() - c) / 1_000_000;
                }
                ReportQueries.EseQuery query = query(f, ProgramPeriod.parse(period), area);
                long[] onePass = new long[3];
                long[] twoQueries = new long[3];
                for (int i = 0; i < 3; i++) {
                    onePass[i] = cpuMs(() -> f.storage.read(tx -> tx.reports().eseEstablishments(query)));
                    twoQueries[i] = cpuMs(() -> f.storage.read(tx -> ReportQueries.EseQuery.reference(query,
                            tx.reports().placedCountableServices(query.from(), query.to(), query.partner(), true),
                            tx.reports().placedCountableServices(query.lookBackFrom(), query.lookBackTo(), query.partner(), false))));
                }
                System.out.printf(Locale.ROOT, "%-9s %-12s %,8d %,9d | %-20s %-20s %6d | %-16s %-16s %6.2f%n", period,
                        area.startsWith("partner:") ? "partner:bench" : area, r.total().count(), r.repeatBusiness().denominator(), join(wall), join(cpu),
                        bestWarm(wall), join(onePass), join(twoQueries), (double) median(twoQueries) / Math.max(1, median(onePass)));
            }
        }
        System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
    }

    /** The storage question the report asks for {@code area} (the regions are the bench data's, counties from the region records). */
    private static ReportQueries.EseQuery query(Fixture f, ProgramPeriod period, String area) {
        ProgramPeriod.DateWindow w = period.lookBack(org.sectorcrm.core.report.EseOptions.DEFAULTS.lookBackYears());
        if (area.startsWith("partner:")) {
            return ReportQueries.EseQuery.of(period.start(), period.end(), w.start(), w.end(), f.admin.partner());
        }
        if (area.startsWith("region:")) {
            Region region = f.storage.read(tx -> tx.regions().find(new RegionCode(area.substring("region:".length()))).orElseThrow());
            return ReportQueries.EseQuery.inRegion(period.start(), period.end(), w.start(), w.end(), region.id(), region.counties());
        }
        return ReportQueries.EseQuery.of(period.start(), period.end(), w.start(), w.end(), null);
    }

    private static long cpuMs(Runnable work) {
        long c = THREADS.getCurrentThreadCpuTime();
        work.run();
        return (THREADS.getCurrentThreadCpuTime() - c) / 1_000_000;
    }

    /** The fastest warm run (all but the first, which reads a cold cache): on a shared machine the least disturbed one. */
    private static long bestWarm(long[] runs) {
        return java.util.Arrays.stream(runs, 1, runs.length).min().orElseThrow();
    }

    private static long median(long[] runs) {
        long[] sorted = runs.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String join(long[] runs) {
        StringBuilder b = new StringBuilder();
        for (long r : runs) {
            b.append(b.length() == 0 ? "" : " ").append(r);
        }
        return b.toString();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }

    /** Engagements over the employers, a heavy tail per employer, 1-2 ESE categories each, 85 % staff-assisted. */
    static long writeEngagements(Fixture f, BenchData data, int n) throws SQLException {
        List<Employer> all = new ArrayList<>();
        Random random = new Random(13);
        IdGenerator ids = IdGenerator.timeOrdered();
        EseCategory[] categories = EseCategory.values();
        Instant now = Instant.now();
        String at = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC).format(now);
        long services = 0;
        try (Connection c = DriverManager.getConnection(f.url())) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT doc FROM crm_employer ORDER BY id")) {
                while (rs.next()) {
                    all.add(CrmJson.read(rs.getString(1), Employer.class));
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement eng = c.prepareStatement("INSERT INTO crm_engagement (id, version, created_at, updated_at, created_by, employer_id,"
                    + " establishment_id, partnership_id, partner_id, staff_id, engaged_on, channel, staff_assisted, external_id, doc)"
                    + " VALUES (?, 1, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?)");
                    PreparedStatement svc = c.prepareStatement("INSERT INTO crm_engagement_service (engagement_id, category, employer_id, establishment_id,"
                            + " engaged_on, staff_assisted, partner_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    // skewed: a few employers get most engagements (u^3 over the list)
                    double u = random.nextDouble();
                    Employer e = all.get((int) (all.size() * u * u * u));
                    Establishment site = e.establishments().get(random.nextInt(e.establishments().size()));
                    boolean assisted = random.nextDouble() < 0.85;
                    Set<EseCategory> cats = EnumSet.of(categories[random.nextInt(categories.length)]);
                    if (random.nextDouble() < 0.3) {
                        cats.add(categories[random.nextInt(categories.length)]);
                    }
                    LocalDate day = data.engagementDate().plusYears(random.nextInt(2)); // PY2023..PY2026: look-back and period both filled
                    Engagement g = Engagement.of(e.id(), f.admin.partner(), f.admin.id(), day, assisted ? Channel.MEETING : Channel.EMAIL, "Bench visit")
                            .withStaffAssisted(assisted).withServices(cats).withEstablishment(random.nextDouble() < 0.2 ? null : site.id())
                            .withId(new EngagementId(ids.next())).withStamp(Stamp.first(now, f.admin.partner()));
                    String id = g.id().asString();
                    String est = g.establishment() == null ? null : g.establishment().asString();
                    eng.setString(1, id);
                    eng.setString(2, at);
                    eng.setString(3, at);
                    eng.setString(4, f.admin.partner().asString());
                    eng.setString(5, e.id().asString());
                    eng.setString(6, est);
                    eng.setString(7, g.partner().asString());
                    eng.setString(8, g.staff().asString());
                    eng.setString(9, day.toString());
                    eng.setString(10, g.channel().name());
                    eng.setInt(11, assisted ? 1 : 0);
                    eng.setString(12, CrmJson.write(g));
                    eng.addBatch();
                    for (EseCategory cat : cats) {
                        svc.setString(1, id);
                        svc.setString(2, cat.name());
                        svc.setString(3, e.id().asString());
                        svc.setString(4, est);
                        svc.setString(5, day.toString());
                        svc.setInt(6, assisted ? 1 : 0);
                        svc.setString(7, g.partner().asString());
                        svc.addBatch();
                        services++;
                    }
                    if (i % 10_000 == 9_999 || i == n - 1) {
                        eng.executeBatch();
                        svc.executeBatch();
                        c.commit();
                    }
                }
            }
        }
        return services;
    }
}
