package org.sectorcrm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.sectorcrm.caffeine.CachingCrmStorage;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.jdbc.JdbcCrmStorage;

/**
 * One SQLite database for one side of a benchmark: a fresh file in its own folder, migrated by the library (so the
 * raw baseline writes to exactly the library's schema), with a partner, an administrator and the regions of
 * {@link BenchData}. {@link #close} deletes the folder, unless the fixture was opened on a kept folder
 * ({@link #kept}), whose database is reused by the next run (a region-scale data set takes minutes to write).
 */
public final class Fixture implements AutoCloseable {
    public final Path dir;
    public final Path file;
    public final JdbcCrmStorage storage;
    public final Crm crm;
    public final StaffUser admin;
    public final CachingCrmStorage cached;
    public final Crm cachedCrm;
    /** True when the database existed already (a kept folder): its data is there, nothing was bootstrapped. */
    public final boolean reused;
    private final boolean keep;

    public Fixture(String name) {
        this(temporary(name), false);
    }

    /** A fixture whose folder {@code dir} is kept on close; a database already in it is opened (and migrated), not rebuilt. */
    public static Fixture kept(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Fixture(dir, true);
    }

    private Fixture(Path dir, boolean keep) {
        this.dir = dir;
        this.keep = keep;
        file = dir.resolve("bench.db");
        reused = Files.exists(file);
        storage = JdbcCrmStorage.builder().url(url()).build();
        crm = Crm.builder().storage(storage).build();
        if (reused) {
            admin = storage.read(tx -> tx.staffUsers().query(StaffUserFilter.byEmail(EmailAddress.parse("admin@bench.example")), PageRequest.first(1)))
                    .items().get(0);
        } else {
            admin = crm.bootstrap(Partner.named("Bench Workforce Board", PartnerKind.WORKFORCE_BOARD), "Bench Admin", "admin@bench.example");
            for (String code : BenchData.REGIONS) {
                session().reference().regions().create(Region.of(code, "Region " + code, RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of()));
            }
        }
        cached = CachingCrmStorage.builder().delegate(storage).maximumSize(200_000).build();
        cachedCrm = Crm.builder().storage(cached).build();
    }

    private static Path temporary(String name) {
        try {
            return Files.createTempDirectory("crm-bench-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "jdbc:sqlite:" + file;
    }

    public CrmSession session() {
        return crm.as(admin);
    }

    public CrmSession cachedSession() {
        return cachedCrm.as(admin.id());
    }

    @Override
    public void close() {
        storage.close();
        if (keep) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
