package org.sectorcrm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.sectorcrm.core.Crm;
import org.sectorcrm.core.IdGenerator;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.report.CalendarQuarter;
import org.sectorcrm.core.report.EstablishmentCount;
import org.sectorcrm.core.spi.CrmStorage;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;

/**
 * The accountability reports ({@code crm.as(user).reports()}) give identical results on the store under test and on
 * the in-memory reference, over random histories written through crm-core: employers with establishments in several
 * counties (or none, or without a county), engagements of two partners on days clustered at the program-year and
 * quarter boundaries and the look-back window's ends, every channel, staff-assisted or not, some later edited or
 * deleted, employers edited afterwards (counties, primary establishment, an establishment dropped, region), and
 * establishment counts for some quarters (some 0). Each report is compared as a whole: every count, every
 * id list, every rate with its reason: ESE for seven periods and every area, employers by region and sector, contact
 * cadence and duplicated effort on two days.
 *
 * <p>A store that answers the SPI's aggregate queries itself (in SQL) is held here to the reference's definitions:
 * <pre>{@code
 * class AcmeCrmReportTest extends CrmReportProperties {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return new AcmeCrmStorage(freshEmptyDatabase());
 *     }
 * }
 * }</pre>
 * Every try gets a fresh, empty storage and closes it afterwards.
 *
 * @since 2
 */
public abstract class CrmReportProperties {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneOffset.UTC);
    private static final String[] COUNTIES = {"Cook", "cook county", "DuPage", "Peoria", "Lake", null};
    private static final Channel[] CHANNELS = {Channel.MEETING, Channel.CALL, Channel.SITE_VISIT, Channel.MASS_MAILING, Channel.COLD_CALL};
    /** Days where an off-by-one shows: program-year and quarter ends, PY2025's look-back window ends. */
    private static final LocalDate[] EDGES = {LocalDate.of(2022, 6, 30), LocalDate.of(2022, 7, 1), LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 1),
        LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 1), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1)};
    private static final List<String> PERIODS = List.of("PY2024", "PY2025", "PY2025Q1", "PY2025Q2", "PY2025Q3", "PY2025Q4", "PY2026Q1");

    /** A new, empty storage; called once per try and closed after it. */
    protected abstract CrmStorage createStorage();

    @Property(tries = 20)
    @Label("the reports over a random history are the reports the in-memory reference gives")
    public void reportsEqualTheReference(@ForAll long seed) {
        try (CrmStorage reference = new InMemoryCrmStorage(); CrmStorage tested = createStorage()) {
            History expected = History.write(reference, seed);
            History actual = History.write(tested, seed);
            for (String area : expected.areas()) {
                for (String period : PERIODS) {
                    assertThat(actual.crm.as(actual.admin).reports().ese(period, area)).as("ese %s %s", period, area)
                            .isEqualTo(expected.crm.as(expected.admin).reports().ese(period, area));
                }
            }
            var want = expected.crm.as(expected.admin).reports();
            var got = actual.crm.as(actual.admin).reports();
            assertThat(got.employersByRegionSector(null)).isEqualTo(want.employersByRegionSector(null));
            for (LocalDate on : List.of(LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30))) {
                // contact per (employer, partner), mass mailings left out: what the stores aggregate for these two
                assertThat(got.cadence(on, 60, java.util.Map.of())).as("cadence %s", on).isEqualTo(want.cadence(on, 60, java.util.Map.of()));
                assertThat(got.duplicatedEffort(on, 120)).as("duplicated effort %s", on).isEqualTo(want.duplicatedEffort(on, 120));
            }
        }
    }

    /** One random history, written through crm-core onto a storage; the same seed writes the same records with the same ids. */
    static final class History {
        final Crm crm;
        final StaffUser admin;
        final List<StaffUser> staff = new ArrayList<>();
        final List<Region> regions = new ArrayList<>();

        private History(Crm crm, StaffUser admin) {
            this.crm = crm;
            this.admin = admin;
        }

        List<String> areas() {
            List<String> areas = new ArrayList<>(List.of("state"));
            regions.forEach(r -> areas.add("region:" + r.id().asString()));
            staff.forEach(s -> areas.add("partner:" + s.partner().asString()));
            return areas;
        }

        static History write(CrmStorage storage, long seed) {
            Random random = new Random(seed);
            Crm crm = Crm.builder().storage(storage).clock(CLOCK).ids(IdGenerator.timeOrdered(CLOCK, new Random(seed))).build();
            History h = new History(crm, crm.bootstrap(Partner.named("Board", PartnerKind.WORKFORCE_BOARD), "Ada", "ada@board.example"));
            var reference = crm.as(h.admin).reference();
            Partner college = reference.partners().create(Partner.named("College", PartnerKind.COMMUNITY_COLLEGE));
            h.staff.add(reference.staffUsers().create(StaffUser.of(h.admin.partner(), "Bo", "bo@board.example", Role.STAFF)));
            h.staff.add(reference.staffUsers().create(StaffUser.of(college.id(), "Di", "di@college.example", Role.STAFF)));
            h.regions.add(reference.regions().create(Region.of("NE", "Northeast", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook", "DuPage"))));
            h.regions.add(reference.regions().create(Region.of("NC", "North Central", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Peoria"))));
            List<Employer> employers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                List<Establishment> sites = new ArrayList<>();
                int n = random.nextInt(4);
                int primary = n == 0 ? 0 : random.nextInt(n); // not always the first: a store must pick the primary one
                for (int j = 0; j < n; j++) {
                    sites.add(new Establishment(null, "Site " + j, null, COUNTIES[random.nextInt(COUNTIES.length)], null, null, j == primary));
                }
                Employer e = Employer.named("Employer " + i).withEstablishments(sites);
                if (random.nextBoolean()) {
                    e = e.withRegion(h.regions.get(random.nextInt(2)).id());
                }
                employers.add(crm.as(h.staff.get(0)).employers().create(e));
            }
            List<Engagement> engagements = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Employer e = employers.get(random.nextInt(employers.size()));
                StaffUser by = h.staff.get(random.nextInt(2));
                Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
                boolean assisted = channel.canBeStaffAssisted() && random.nextInt(4) > 0;
                Engagement g = Engagement.of(e.id(), by.partner(), by.id(), day(random), channel, "touch").withStaffAssisted(assisted)
                        .withServices(services(random));
                if (!e.establishments().isEmpty() && random.nextBoolean()) {
                    g = g.withEstablishment(e.establishments().get(random.nextInt(e.establishments().size())).id());
                }
                engagements.add(crm.as(by).engagements().create(g));
            }
            // Edits and deletes: the stores' aggregate rows must follow the records, not their first version.
            for (int i = 0; i < 4; i++) {
                Engagement g = engagements.get(random.nextInt(engagements.size()));
                StaffUser by = g.partner().equals(h.staff.get(0).partner()) ? h.staff.get(0) : h.staff.get(1);
                var ops = crm.as(by).engagements();
                Engagement now = ops.find(g.id()).orElse(null);
                if (now == null) {
                    continue;
                }
                if (random.nextBoolean()) {
                    ops.delete(now.id(), now.stamp().version());
                } else {
                    ops.update(now.withServices(services(random)));
                }
            }
            // Employers edited after their engagements: a store that places establishments from rows of its own must
            // follow the employer's latest version (county, primary establishment, an establishment dropped, region).
            for (int i = 0; i < 3; i++) {
                Employer e = crm.as(h.admin).employers().get(employers.get(random.nextInt(employers.size())).id());
                List<Establishment> sites = new ArrayList<>(e.establishments());
                if (sites.size() > 1 && random.nextBoolean()) {
                    sites.remove(sites.size() - 1);
                }
                if (!sites.isEmpty()) {
                    int primary = random.nextInt(sites.size());
                    for (int j = 0; j < sites.size(); j++) {
                        Establishment site = sites.get(j);
                        String county = random.nextInt(3) == 0 ? COUNTIES[random.nextInt(COUNTIES.length)] : site.county();
                        sites.set(j, new Establishment(site.id(), site.name(), site.address(), county, site.uiAccountNumber(), site.naics(), j == primary));
                    }
                }
                e = e.withEstablishments(sites);
                e = random.nextBoolean() ? e.withRegion(h.regions.get(random.nextInt(2)).id()) : e;
                crm.as(h.admin).employers().update(e);
            }
            List<EstablishmentCount> counts = new ArrayList<>();
            for (String area : List.of("STATE", "NE", "NC")) {
                for (String q : List.of("2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3")) {
                    int pick = random.nextInt(4);
                    if (pick > 0) {
                        counts.add(EstablishmentCount.of(area, CalendarQuarter.parse(q), pick == 1 ? 0 : 5 + random.nextInt(50)));
                    }
                }
            }
            if (!counts.isEmpty()) {
                crm.as(h.admin).reports().establishmentCounts().put(counts);
            }
            return h;
        }

        private static Set<EseCategory> services(Random random) {
            Set<EseCategory> services = EnumSet.noneOf(EseCategory.class);
            for (EseCategory c : EseCategory.values()) {
                if (random.nextInt(5) == 0) {
                    services.add(c);
                }
            }
            return services;
        }

        private static LocalDate day(Random random) {
            return random.nextInt(3) == 0 ? EDGES[random.nextInt(EDGES.length)] : LocalDate.of(2021, 7, 1).plusDays(random.nextInt(6 * 365));
        }
    }
}
