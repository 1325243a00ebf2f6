package org.sectorcrm.bench;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sectorcrm.core.BatchOptions;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.reference.RegionCode;

/**
 * Library against raw JDBC on the same SQLite schema and the same generated data. Every library benchmark
 * {@code fooLib} has a baseline {@code fooRaw}; {@link BenchMain} prints the ratio library / raw (throughput, so
 * higher is better and 1.0 means as fast as hand-written JDBC). Bounded: run through {@link BenchMain}, which sets
 * one fork and a few short iterations.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CrmBenchmarks {
    static final int BATCH = 1_000;

    /** Two databases (library, raw) preloaded with the same {@code employers}; reads and single writes go here. */
    @State(Scope.Benchmark)
    public static class Loaded {
        @Param("20000")
        public int employers;
        Fixture lib;
        Fixture raw;
        RawJdbc jdbc;
        CrmSession session;
        CrmSession cached;
        List<EmployerId> libIds;
        List<EmployerId> rawIds;
        BenchData more;
        String[] query;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            List<Employer> drafts = new BenchData(2026).employers(employers);
            lib = new Fixture("lib");
            raw = new Fixture("raw");
            session = lib.session();
            session.employers().importAll(drafts.stream(), BatchOptions.defaults().withBatchSize(BATCH));
            libIds = session.employers().list(EmployerFilter.all(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(Employer::id).toList();
            jdbc = new RawJdbc(raw.url(), raw.admin.id().asString(), raw.admin.partner().asString());
            rawIds = jdbc.insertEmployers(drafts, BATCH).stream().map(Employer::id).limit(PageRequest.MAX_LIMIT).toList();
            cached = lib.cachedSession();
            for (EmployerId id : libIds) {
                cached.employers().get(id);
            }
            more = new BenchData(99);
            String q = new BenchData(5).twoWordQuery();
            query = q.toLowerCase(java.util.Locale.ROOT).split(" ");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            jdbc.close();
            lib.close();
            raw.close();
        }

        EmployerId libId() {
            return libIds.get(ThreadLocalRandom.current().nextInt(libIds.size()));
        }

        EmployerId rawId() {
            return rawIds.get(ThreadLocalRandom.current().nextInt(rawIds.size()));
        }

        Engagement engagement(Fixture f, EmployerId employer) {
            return Engagement.of(employer, f.admin.partner(), f.admin.id(), more.engagementDate(), Channel.MEETING,
                    "Site visit about apprenticeship and hiring plans");
        }
    }

    // 1. bulk import, 1,000 employers per transaction; one create per transaction

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long importLib(Loaded s) {
        return s.session.employers().importAll(s.more.employers(BATCH).stream(), BatchOptions.defaults().withBatchSize(BATCH)).created();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int importRaw(Loaded s) throws SQLException {
        return s.jdbc.insertEmployers(s.more.employers(BATCH), BATCH).size();
    }

    @Benchmark
    public Employer createOneLib(Loaded s) {
        return s.session.employers().create(s.more.employer());
    }

    @Benchmark
    public List<Employer> createOneRaw(Loaded s) throws SQLException {
        return s.jdbc.insertEmployers(List.of(s.more.employer()), 1);
    }

    // 2. get by id: uncached, and through the Caffeine cache (the raw baseline is the same uncached select + decode)

    @Benchmark
    public Employer getLib(Loaded s) {
        return s.session.employers().get(s.libId());
    }

    @Benchmark
    public Employer getCachedLib(Loaded s) {
        return s.cached.employers().get(s.libId());
    }

    @Benchmark
    public Employer getRaw(Loaded s) throws SQLException {
        return s.jdbc.get(s.rawId());
    }

    @Benchmark
    public Employer getCachedRaw(Loaded s) throws SQLException {
        return s.jdbc.get(s.rawId());
    }

    // 3. a filtered page of 50 (status), a region-filtered page, a two-word search

    @Benchmark
    public Page<Employer> pageStatusLib(Loaded s) {
        return s.session.employers().list(EmployerFilter.all().withStatus(EmployerStatus.ACTIVE), PageRequest.first(50));
    }

    @Benchmark
    public List<Employer> pageStatusRaw(Loaded s) throws SQLException {
        return s.jdbc.pageByStatus("ACTIVE", "", 51);
    }

    @Benchmark
    public Page<Employer> pageRegionLib(Loaded s) {
        return s.session.employers().list(EmployerFilter.all().withRegion(new RegionCode("R06")), PageRequest.first(50));
    }

    @Benchmark
    public List<Employer> pageRegionRaw(Loaded s) throws SQLException {
        return s.jdbc.pageByRegion("R06", "", 51);
    }

    @Benchmark
    public Page<Employer> searchLib(Loaded s) {
        return s.session.employers().search(s.query[0] + " " + s.query[1], PageRequest.first(50));
    }

    @Benchmark
    public List<Employer> searchRaw(Loaded s) throws SQLException {
        return s.jdbc.search(s.query[0], s.query[1], 51);
    }

    // 4. record an engagement (one write transaction with its audit and outbox rows)

    @Benchmark
    public Engagement engagementLib(Loaded s) {
        return s.session.engagements().create(s.engagement(s.lib, s.libId()));
    }

    @Benchmark
    public Engagement engagementRaw(Loaded s) throws SQLException {
        return s.jdbc.recordEngagement(s.engagement(s.raw, s.rawId()));
    }
}
