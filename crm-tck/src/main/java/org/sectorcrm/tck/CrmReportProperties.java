package org.sectorcrm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.outcome.Direction;
import org.sectorcrm.core.outcome.Metric;
import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.report.OutcomeReport;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.solution.SolutionType;
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
 * cadence (employers' sectors, leads, statuses and names edited last; one sector with a cadence of its own) and
 * duplicated effort on two days.
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
    private static final NeedCategory[] NEED_CATEGORIES = {NeedCategory.HIRING, NeedCategory.SKILLS_TRAINING};
    private static final SolutionType[] SOLUTION_TYPES = {SolutionType.CUSTOMIZED_TRAINING, SolutionType.RECRUITMENT};
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
                assertThat(got.cadence(on, 60, java.util.Map.of("MFG", 30))).as("cadence %s", on).isEqualTo(want.cadence(on, 60, java.util.Map.of("MFG", 30)));
                assertThat(got.duplicatedEffort(on, 120)).as("duplicated effort %s", on).isEqualTo(want.duplicatedEffort(on, 120));
                // referral facts per pair (statuses, reasons, exact milliseconds from the moment sent), overdue as of the day
                assertThat(got.referrals(on)).as("referrals %s", on).isEqualTo(want.referrals(on));
            }
            assertThat(got.needsFunnel()).as("needs funnel").isEqualTo(want.needsFunnel());
            for (OutcomeReport.Grouping by : OutcomeReport.Grouping.values()) {
                assertThat(got.outcomes(by)).as("outcomes by %s", by).isEqualTo(want.outcomes(by));
            }
            assertThat(got.satisfaction()).as("satisfaction").isEqualTo(want.satisfaction());
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
            reference.sectors().create(org.sectorcrm.core.reference.Sector.of("MFG", "Manufacturing", List.of("33")));
            reference.sectors().create(org.sectorcrm.core.reference.Sector.of("HC", "Health care", List.of("62")));
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
            network(storage, crm, h, employers, engagements, random);
            // Employers edited last: the cadence rows (cadenceFacts) follow the sector, lead, status and name of each
            // employer's latest version; a sector of its own cadence, an INACTIVE employer left out.
            for (int i = 0; i < 4; i++) {
                Employer e = crm.as(h.admin).employers().get(employers.get(random.nextInt(employers.size())).id());
                int change = random.nextInt(4);
                if (change == 0) {
                    e = e.withSector(new org.sectorcrm.core.reference.SectorCode(random.nextBoolean() ? "MFG" : "HC"));
                } else if (change == 1) {
                    e = e.withLead(new org.sectorcrm.core.employer.RelationshipLead(h.staff.get(random.nextInt(2)).partner(), null));
                } else if (change == 2) {
                    e = e.withStatus(org.sectorcrm.core.employer.EmployerStatus.INACTIVE);
                } else {
                    e = e.withLegalName(e.legalName() + " renamed");
                }
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

        /**
         * Needs, solutions, referrals, outcome measures and feedback for the network reports, with the edges a store's
         * own rows must get right: solutions agreed on a given day, today, or (stored as an old record) with only a start
         * date; a solution deleted; referrals answered at moments with nanoseconds, before their
         * stamp, or without a moment; decline reasons that differ only in blanks; decimals of different scales; several
         * observations on one day; feedback on a solution and on an engagement.
         */
        private static void network(CrmStorage storage, Crm crm, History h, List<Employer> employers, List<Engagement> engagements, Random random) {
            StaffUser bo = h.staff.get(0);
            List<BusinessNeed> needs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Employer e = employers.get(random.nextInt(employers.size()));
                BusinessNeed n = crm.as(bo).needs().create(BusinessNeed.raised(e.id(), NEED_CATEGORIES[random.nextInt(NEED_CATEGORIES.length)], "need " + i,
                        Urgency.MEDIUM, LocalDate.of(2025, 1, 1).plusDays(random.nextInt(400))));
                int move = random.nextInt(3);
                if (move > 0) {
                    n = crm.as(bo).needs().moveTo(n.id(), n.version(), move == 1 ? NeedStatus.IN_PROGRESS : NeedStatus.MET, n.raisedOn().plusDays(3));
                }
                needs.add(n);
            }
            List<Solution> solutions = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                BusinessNeed n = needs.get(random.nextInt(needs.size()));
                Set<org.sectorcrm.core.need.NeedId> addressed = new java.util.LinkedHashSet<>(List.of(n.id()));
                if (random.nextBoolean()) {
                    addressed.add(needs.get(random.nextInt(needs.size())).id());
                }
                LocalDate start = random.nextBoolean() ? n.raisedOn().plusDays(random.nextInt(90)) : null;
                Solution s = crm.as(bo).solutions().create(new Solution(null, null, n.employer(), null, addressed,
                        SOLUTION_TYPES[random.nextInt(SOLUTION_TYPES.length)], "solution " + i, h.staff.get(random.nextInt(2)).partner(), Set.of(), List.of(),
                        SolutionStatus.PROPOSED, start, null, null, null));
                int move = random.nextInt(4);
                if (move == 1) {
                    s = crm.as(bo).solutions().moveTo(s.id(), s.version(), SolutionStatus.AGREED, n.raisedOn().plusDays(random.nextInt(60)));
                } else if (move == 2) {
                    s = crm.as(bo).solutions().moveTo(s.id(), s.version(), SolutionStatus.AGREED); // agreed today
                    s = crm.as(bo).solutions().moveTo(s.id(), s.version(), SolutionStatus.IN_DELIVERY);
                } else if (move == 3) {
                    s = crm.as(bo).solutions().moveTo(s.id(), s.version(), SolutionStatus.DECLINED);
                }
                solutions.add(s);
            }
            // A solution deleted after it was agreed (before anything refers to it): it leaves the funnel.
            if (random.nextBoolean()) {
                Solution gone = solutions.remove(random.nextInt(solutions.size()));
                crm.as(h.admin).solutions().delete(gone.id(), gone.version());
            }
            // Stored before agreedOn existed (as a restore writes it): AGREED with a start date and no agreement day.
            BusinessNeed old = needs.get(random.nextInt(needs.size()));
            Solution oldSolution = new Solution(id(random, org.sectorcrm.core.solution.SolutionId::of), Stamp.first(CLOCK.instant(), bo.partner()),
                    old.employer(), null, Set.of(old.id()), SolutionType.CUSTOMIZED_TRAINING, "old solution", bo.partner(), Set.of(), List.of(),
                    SolutionStatus.AGREED, old.raisedOn().plusDays(random.nextInt(30)), null, null, null);
            storage.inTransaction(tx -> {
                tx.solutions().save(oldSolution, 0);
                return null;
            });
            solutions.add(oldSolution);
            // Referrals with their moments, written as a restore does (crm-core's fixed clock would make every time 0).
            String[] reasons = {"no capacity", " no capacity ", "out of area", "No capacity"};
            ReferralStatus[] statuses = ReferralStatus.values();
            for (int i = 0; i < 12; i++) {
                Employer e = employers.get(random.nextInt(employers.size()));
                int from = random.nextInt(2);
                ReferralStatus status = statuses[random.nextInt(statuses.length)];
                Instant sent = Instant.parse("2026-01-05T10:00:00Z").plusSeconds(random.nextInt(100 * 86400)).plusNanos(random.nextInt(1_000_000_000));
                Instant responded = status == ReferralStatus.SENT || random.nextInt(5) == 0 ? null
                        : sent.plusMillis(random.nextInt(20) == 0 ? -5000 : random.nextInt(30 * 86400) * 1000L).plusNanos(random.nextInt(1_000_000_000));
                if (status == ReferralStatus.SENT) {
                    responded = null;
                }
                Instant completed = status == ReferralStatus.COMPLETED && responded != null ? responded.plusSeconds(random.nextInt(60 * 86400)) : null;
                LocalDate sentOn = LocalDate.ofInstant(sent, ZoneOffset.UTC);
                Referral r = new Referral(id(random, ReferralId::of), Stamp.first(sent, h.staff.get(from).partner()), h.staff.get(from).partner(),
                        h.staff.get(from).id(), h.staff.get(1 - from).partner(), e.id(), null, null, "service " + i, status, sentOn,
                        random.nextBoolean() ? sentOn.plusDays(random.nextInt(400)) : null, status == ReferralStatus.DECLINED ? reasons[random.nextInt(reasons.length)] : null,
                        List.of(), status == ReferralStatus.COMPLETED ? "hired" : null, null, null, null, responded, completed);
                storage.inTransaction(tx -> {
                    tx.referrals().save(r, 0);
                    return null;
                });
            }
            // Outcome measures: two metrics, one custom; decimals of different scales; observations on one day.
            Metric custom = new Metric("APPRENTICES", "Apprentices", "people", Direction.HIGHER_IS_BETTER);
            for (int i = 0; i < 7; i++) {
                Employer e = employers.get(random.nextInt(employers.size()));
                Solution s = random.nextBoolean() ? solutions.get(random.nextInt(solutions.size())) : null;
                Metric metric = random.nextBoolean() ? Metric.TURNOVER_RATE : custom;
                BigDecimal baseline = random.nextInt(6) == 0 ? BigDecimal.ZERO : new BigDecimal(random.nextInt(4000)).movePointLeft(random.nextInt(3));
                List<Observation> observations = new ArrayList<>();
                for (int j = random.nextInt(4); j > 0; j--) {
                    observations.add(new Observation(LocalDate.of(2025, 9, 1).plusDays(random.nextInt(3)), new BigDecimal(random.nextInt(4000)).movePointLeft(random.nextInt(3))));
                }
                crm.as(bo).outcomes().create(new OutcomeMeasure(null, null, e.id(), s == null ? null : s.id(), metric, LocalDate.of(2025, 8, 1), baseline, observations));
            }
            // Feedback on solutions (rated for the lead partner) and on engagements (for the engagement's partner).
            for (int i = 0; i < 10; i++) {
                Solution s = random.nextBoolean() ? solutions.get(random.nextInt(solutions.size())) : null;
                Engagement g = s == null ? engagements.get(random.nextInt(engagements.size())) : null;
                if (g != null && crm.as(h.admin).engagements().find(g.id()).isEmpty()) {
                    continue; // deleted above
                }
                crm.as(bo).feedback().create(new Feedback(null, null, s != null ? s.employer() : g.employer(), g == null ? null : g.id(), s == null ? null : s.id(),
                        1 + random.nextInt(5), null));
            }
        }

        private static <I> I id(Random random, java.util.function.Function<String, I> of) {
            return of.apply(new java.util.UUID(random.nextLong() & 0xffffffffffff0fffL | 0x0000000000007000L, random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString());
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
