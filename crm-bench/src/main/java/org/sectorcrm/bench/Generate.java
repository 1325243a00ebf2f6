package org.sectorcrm.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.sectorcrm.core.BatchOptions;
import org.sectorcrm.core.BatchReport;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.jdbc.JdbcCrmStorage;

/**
 * {@code BenchMain --generate region|state --db FILE|JDBC-URL [--seed N]}: writes a whole seeded data set of a
 * {@link Scale} into an empty database through the bulk path: employers (with their establishments), contacts,
 * engagements, needs and solutions through crm-core's {@code importAll} (validated, with audit entries and events,
 * 1,000 records per transaction); referrals, which carry the moments of their moves, through the storage's batched
 * {@code saveAll} as a restore writes them. Reference data: the regions of {@link BenchData}, the bench board and five
 * more partners, each with a staff user who logs that partner's engagements. {@code state} is for PostgreSQL only.
 * The same seed gives the same records with the same ids (their stamps say when they were written).
 */
public final class Generate {
    static final String[] PARTNERS = {"Community College", "Chamber of Commerce", "Economic Development Corporation", "Adult Education Provider",
        "Vocational Rehabilitation"};
    private static final BatchOptions BATCH = BatchOptions.defaults().withBatchSize(1000);

    private Generate() {
    }

    /** The JDBC URL of {@code target}: itself when it is one, else a SQLite file. */
    static String url(String target) {
        return target.startsWith("jdbc:") ? target : "jdbc:sqlite:" + target;
    }

    /** Writes the data set and returns what was written, with the time each part took. */
    public static String run(Scale scale, String target, long seed) {
        String url = url(target);
        if (scale == Scale.STATE && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--generate state writes ten million engagements: PostgreSQL only (--db jdbc:postgresql://...), not " + url);
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "generating %s (seed %d) into %s%n", scale, seed, url));
        try (JdbcCrmStorage storage = JdbcCrmStorage.builder().url(url).build()) {
            Crm crm = Crm.builder().storage(storage).build();
            if (storage.read(tx -> tx.employers().count(EmployerFilter.ALL)) > 0) {
                throw new IllegalArgumentException("--db " + target + " holds employers already: generate into an empty database");
            }
            StaffUser admin = crm.bootstrap(Partner.named("Bench Workforce Board", PartnerKind.WORKFORCE_BOARD), "Bench Admin", "admin@bench.example");
            CrmSession session = crm.as(admin);
            for (String code : BenchData.REGIONS) {
                session.reference().regions().create(Region.of(code, "Region " + code, RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of()));
            }
            List<NetworkData.Staff> staff = new ArrayList<>(List.of(new NetworkData.Staff(admin.partner(), admin.id())));
            for (int i = 0; i < PARTNERS.length; i++) {
                Partner p = session.reference().partners().create(Partner.named(PARTNERS[i], i == 0 ? PartnerKind.COMMUNITY_COLLEGE : PartnerKind.OTHER));
                StaffUser u = session.reference().staffUsers().create(StaffUser.of(p.id(), "Staff " + i, "staff" + i + "@bench.example", Role.STAFF));
                staff.add(new NetworkData.Staff(p.id(), u.id()));
            }
            BenchData data = new BenchData(seed);
            EmployerId[] ids = new EmployerId[scale.employers];
            EstablishmentId[][] sites = new EstablishmentId[scale.employers][];
            long[] establishments = {0};
            int[] next = {0};
            timed(out, "employers", () -> session.employers().importAll(Stream.generate(() -> {
                Employer e = data.employer().withId(new EmployerId(data.nextId()));
                List<Establishment> given = new ArrayList<>();
                for (Establishment s : e.establishments()) {
                    given.add(s.withId(new EstablishmentId(data.nextId())));
                }
                int k = next[0]++;
                ids[k] = e.id();
                sites[k] = given.stream().map(Establishment::id).toArray(EstablishmentId[]::new);
                establishments[0] += given.size();
                return e.withEstablishments(given);
            }).limit(scale.employers), BATCH));
            out.append(String.format(Locale.ROOT, "  (%,d establishments)%n", establishments[0]));
            timed(out, "contacts", () -> session.contacts().importAll(java.util.Arrays.stream(ids).flatMap(id -> data.contacts(id).stream()), BATCH));
            NetworkData net = new NetworkData(seed, new NetworkData.Employers(ids, sites), staff);
            timed(out, "engagements", () -> {
                long created = 0;
                for (int p = 0; p < staff.size(); p++) {
                    NetworkData.Staff by = staff.get(p);
                    int n = scale.engagements / staff.size() + (p == 0 ? scale.engagements % staff.size() : 0);
                    created += check(crm.as(by.staff()).engagements().importAll(Stream.generate(() -> net.engagement(by)).limit(n), BATCH)).created();
                }
                return new BatchReport(created, 0, 0, List.of());
            });
            timed(out, "needs", () -> session.needs().importAll(net.needs(scale.needs), BATCH));
            timed(out, "solutions", () -> session.solutions().importAll(Stream.generate(net::solution).limit(scale.solutions), BATCH));
            timed(out, "referrals", () -> {
                for (int done = 0; done < scale.referrals; done += 1000) {
                    List<AggregateStore.Save<Referral>> saves = new ArrayList<>();
                    for (int i = done; i < Math.min(scale.referrals, done + 1000); i++) {
                        saves.add(new AggregateStore.Save<>(net.referral(), 0));
                    }
                    storage.inTransaction(tx -> {
                        tx.referrals().saveAll(saves);
                        return null;
                    });
                }
                return new BatchReport(scale.referrals, 0, 0, List.of());
            });
        }
        return out.toString();
    }

    private static void timed(StringBuilder out, String what, Supplier<BatchReport> work) {
        long t0 = System.nanoTime();
        BatchReport r = check(work.get());
        double s = (System.nanoTime() - t0) / 1e9;
        String line = String.format(Locale.ROOT, "%,d %s in %.1f s (%,.0f a second)%n", r.created(), what, s, r.created() / s);
        System.out.print(line);
        out.append(line);
    }

    private static BatchReport check(BatchReport r) {
        if (!r.rejections().isEmpty()) {
            throw new IllegalStateException(r.rejections().size() + " generated records were refused, the first: " + r.rejections().get(0));
        }
        return r;
    }
}
