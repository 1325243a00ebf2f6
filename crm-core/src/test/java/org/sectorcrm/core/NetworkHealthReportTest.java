package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.employer.RelationshipLead;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.outcome.Metric;
import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.Commitment;
import org.sectorcrm.core.partnership.CommitmentKind;
import org.sectorcrm.core.partnership.Member;
import org.sectorcrm.core.partnership.MemberRole;
import org.sectorcrm.core.partnership.Priority;
import org.sectorcrm.core.partnership.PriorityStatus;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.report.CadenceReport;
import org.sectorcrm.core.report.DuplicatedEffortReport;
import org.sectorcrm.core.report.OutcomeReport;
import org.sectorcrm.core.report.ReferralReport;
import org.sectorcrm.core.report.SatisfactionReport;
import org.sectorcrm.core.report.Stats;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.solution.SolutionType;

/** The outcome and partner-network health reports on one fixture computed by hand (as of 2026-06-30). */
class NetworkHealthReportTest {
    private static final LocalDate ON = LocalDate.of(2026, 6, 30);
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-30T15:00:00Z"), ZoneOffset.UTC);
    private Crm crm;
    private StaffUser bo;
    private StaffUser di;
    private StaffUser ch;
    private Employer alpha; // MFG (cadence 30), lead Board; Board 06-10, College 05-01; champion
    private Employer beta;  // HLT, no lead; Board 06-20, College 06-25, Chamber only a mass mailing
    private Employer gamma; // HLT, no lead; Board 06-05, Chamber 06-06, sharing an AGREED solution
    private Employer delta; // MFG, lead Chamber, never engaged; partnership chair
    private Employer zeta;  // HLT, no lead; Board 06-01 (first day of the window), College 05-31 (outside)
    private Solution training;
    private final java.util.List<Engagement> engagements = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        crm = Crm.builder().storage(new InMemoryCrmStorage()).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(5))).build();
        StaffUser admin = crm.bootstrap(Partner.named("Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        var reference = crm.as(admin).reference();
        Partner college = reference.partners().create(Partner.named("College", PartnerKind.COMMUNITY_COLLEGE));
        Partner chamber = reference.partners().create(Partner.named("Chamber", PartnerKind.WORKFORCE_BOARD));
        bo = reference.staffUsers().create(StaffUser.of(admin.partner(), "Bo", "bo@board.example", Role.STAFF));
        di = reference.staffUsers().create(StaffUser.of(college.id(), "Di", "di@college.example", Role.STAFF));
        ch = reference.staffUsers().create(StaffUser.of(chamber.id(), "Ch", "ch@chamber.example", Role.STAFF));
        reference.regions().create(Region.of("NE", "Northeast", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook")));
        reference.sectors().create(Sector.of("MFG", "Manufacturing", List.of("31")));
        reference.sectors().create(Sector.of("HLT", "Health", List.of("62")));
        var employers = crm.as(bo).employers();
        alpha = employers.create(Employer.named("Alpha").withSector(new SectorCode("MFG")).withLead(new RelationshipLead(bo.partner(), null)));
        beta = employers.create(Employer.named("Beta").withSector(new SectorCode("HLT")));
        gamma = employers.create(Employer.named("Gamma").withSector(new SectorCode("HLT")));
        delta = employers.create(Employer.named("Delta").withSector(new SectorCode("MFG")).withLead(new RelationshipLead(ch.partner(), null)));
        zeta = employers.create(Employer.named("Zeta").withSector(new SectorCode("HLT")));
        employers.create(Employer.named("Epsilon").withStatus(EmployerStatus.INACTIVE).withLead(new RelationshipLead(bo.partner(), null)));
        engage(bo, alpha, "2026-06-10", Channel.MEETING);
        engage(di, alpha, "2026-05-01", Channel.MEETING);
        engage(bo, beta, "2026-06-20", Channel.MEETING);
        engage(di, beta, "2026-06-25", Channel.CALL);
        engage(ch, beta, "2026-06-15", Channel.MASS_MAILING);
        engage(bo, gamma, "2026-06-05", Channel.SITE_VISIT);
        engage(ch, gamma, "2026-06-06", Channel.EMAIL);
        engage(bo, zeta, "2026-06-01", Channel.MEETING);
        engage(di, zeta, "2026-05-31", Channel.MEETING);

        BusinessNeed hiring = crm.as(bo).needs().create(BusinessNeed.raised(gamma.id(), NeedCategory.HIRING, "welders", Urgency.HIGH, LocalDate.of(2026, 5, 1)));
        crm.as(bo).needs().moveTo(hiring.id(), hiring.stamp().version(), NeedStatus.IN_PROGRESS, LocalDate.of(2026, 5, 2));
        crm.as(bo).needs().create(BusinessNeed.raised(beta.id(), NeedCategory.HIRING, "nurses", Urgency.LOW, LocalDate.of(2026, 6, 1)));
        BusinessNeed skills = crm.as(bo).needs().create(BusinessNeed.raised(alpha.id(), NeedCategory.SKILLS_TRAINING, "CNC", Urgency.MEDIUM, LocalDate.of(2026, 3, 1)));
        crm.as(bo).needs().moveTo(skills.id(), skills.stamp().version(), NeedStatus.MET, LocalDate.of(2026, 4, 1));
        Solution proposed = new Solution(null, null, gamma.id(), null, Set.of(hiring.id()), SolutionType.CUSTOMIZED_TRAINING, "Welding course", bo.partner(),
                Set.of(ch.partner()), List.of(), SolutionStatus.PROPOSED, LocalDate.of(2026, 5, 21), null, null, null);
        training = crm.as(bo).solutions().create(proposed);
        training = crm.as(bo).solutions().moveTo(training.id(), training.stamp().version(), SolutionStatus.AGREED, LocalDate.of(2026, 5, 11));

        SectorPartnership p = SectorPartnership.convened("MFG Partnership", new RegionCode("NE"), new SectorCode("MFG"), bo.partner())
                .withMembers(List.of(new Member(alpha.id(), MemberRole.CHAMPION), new Member(delta.id(), MemberRole.CHAIR), new Member(gamma.id(), MemberRole.MEMBER)))
                .withPriorities(List.of(new Priority("Pipeline", NeedCategory.HIRING, PriorityStatus.ACTIVE), new Priority("Roads", NeedCategory.HIRING, PriorityStatus.ACTIVE),
                        new Priority("Export", NeedCategory.SKILLS_TRAINING, PriorityStatus.PLANNED)))
                .withCommitments(List.of(new Commitment(alpha.id(), CommitmentKind.TIME, "mentoring", new BigDecimal("10"), new BigDecimal("4")),
                        new Commitment(delta.id(), CommitmentKind.TIME, "chairing", new BigDecimal("6"), new BigDecimal("6")),
                        new Commitment(delta.id(), CommitmentKind.FINANCIAL, "sponsorship", new BigDecimal("1000"), null)));
        crm.as(bo).partnerships().create(p);
    }

    private void engage(StaffUser by, Employer e, String day, Channel channel) {
        engagements.add(crm.as(by).engagements().create(Engagement.of(e.id(), by.partner(), by.id(), LocalDate.parse(day), channel, "touch")
                .withStaffAssisted(channel.canBeStaffAssisted())));
    }

    @Test
    void contactCadencePerPartnerAndForChampions() {
        CadenceReport r = crm.as(bo).reports().cadence(ON, 90, Map.of("MFG", 30));
        Map<String, List<String>> overdue = new java.util.HashMap<>();
        r.partners().forEach(p -> overdue.put(p.partnerName(), p.employers().stream().map(CadenceReport.Overdue::employerName).toList()));
        // Board: Alpha 20 days (MFG 30), Beta 10, Gamma 25, Zeta 29 (HLT 90); Epsilon is INACTIVE
        assertThat(overdue.get("Board")).isEmpty();
        // College: Alpha 60 days > 30; Beta 5, Zeta 30 <= 90
        assertThat(overdue.get("College")).containsExactly("Alpha");
        CadenceReport.Overdue alphaByCollege = r.partners().stream().filter(p -> p.partnerName().equals("College")).findFirst().orElseThrow().employers().get(0);
        assertThat(alphaByCollege.daysSince()).isEqualTo(60);
        assertThat(alphaByCollege.cadenceDays()).isEqualTo(30);
        // Chamber: leads Delta, never engaged; Beta had only a mass mailing (not contact); Gamma 24 days
        assertThat(overdue.get("Chamber")).containsExactly("Delta");
        assertThat(r.champions()).extracting(CadenceReport.Overdue::employerName).containsExactly("Delta");
        assertThat(r.champions().get(0).lastContact()).isNull();
        // a 19-day default makes Board's HLT employers overdue too (Beta 10 is not)
        assertThat(crm.as(bo).reports().cadence(ON, 19, Map.of()).partners().stream().filter(p -> p.partnerName().equals("Board")).findFirst().orElseThrow()
                .employers()).extracting(CadenceReport.Overdue::employerName)
                .containsExactlyInAnyOrder("Alpha", "Gamma", "Zeta");
    }

    @Test
    void duplicatedEffortNeedsTwoPartnersInTheWindowNoLeadAndNothingShared() {
        DuplicatedEffortReport r = crm.as(bo).reports().duplicatedEffort(ON, 30);
        assertThat(r.from()).isEqualTo(LocalDate.of(2026, 6, 1));
        // Alpha: College's 05-01 is outside and Alpha has a lead; Gamma: Board and Chamber share an AGREED solution;
        // Zeta: College's 05-31 is the day before the window; Beta: Board and College, nothing shared (the mass mailing is no effort)
        assertThat(r.employers()).extracting(DuplicatedEffortReport.Row::employerName).containsExactly("Beta");
        assertThat(r.employers().get(0).uncoordinatedPairs()).hasSize(1);
        assertThat(Set.copyOf(r.employers().get(0).uncoordinatedPairs().get(0))).isEqualTo(Set.of(bo.partner(), di.partner()));
        assertThat(crm.as(bo).reports().duplicatedEffort(ON, 31).employers()).extracting(DuplicatedEffortReport.Row::employerName)
                .containsExactlyInAnyOrder("Beta", "Zeta");
    }

    @Test
    void referralsPerPartnerPair() {
        var board = crm.as(bo).referrals();
        var college = crm.as(di).referrals();
        board.create(Referral.sent(bo.partner(), bo.id(), di.partner(), alpha.id(), "training", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 10)));
        Referral completed = board.create(Referral.sent(bo.partner(), bo.id(), di.partner(), beta.id(), "training", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 10)));
        completed = college.accept(completed.id(), completed.stamp().version());
        college.complete(completed.id(), completed.stamp().version(), "12 trained");
        Referral declined = board.create(Referral.sent(bo.partner(), bo.id(), di.partner(), gamma.id(), "training", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 10)));
        college.decline(declined.id(), declined.stamp().version(), "No capacity");
        Referral declined2 = board.create(Referral.sent(bo.partner(), bo.id(), di.partner(), zeta.id(), "training", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 10)));
        college.decline(declined2.id(), declined2.stamp().version(), " No capacity ");
        Referral accepted = board.create(Referral.sent(bo.partner(), bo.id(), di.partner(), delta.id(), "training", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 10)));
        college.accept(accepted.id(), accepted.stamp().version());
        college.create(Referral.sent(di.partner(), di.id(), bo.partner(), alpha.id(), "hiring", LocalDate.of(2026, 6, 28), LocalDate.of(2026, 7, 15)));
        Referral cancelled = college.create(Referral.sent(di.partner(), di.id(), bo.partner(), beta.id(), "hiring", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 5)));
        college.cancel(cancelled.id(), cancelled.stamp().version());

        ReferralReport r = crm.as(bo).reports().referrals(ON);
        ReferralReport.Pair out = r.pairs().stream().filter(p -> p.fromPartner().equals(bo.partner())).findFirst().orElseThrow();
        assertThat(out).isEqualTo(new ReferralReport.Pair(bo.partner(), "Board", di.partner(), "College", 5, 1, 1, 2, 2, 0, 1, 0.5, 0.5, Map.of("No capacity", 2L),
                Map.of("No capacity", 1.0), new Stats(4, BigDecimal.ZERO, BigDecimal.ZERO), new Stats(4, BigDecimal.ZERO, BigDecimal.ZERO), 0,
                new Stats(1, BigDecimal.ZERO, BigDecimal.ZERO))); // the clock stands still: every move at the moment of sending
        ReferralReport.Pair back = r.pairs().stream().filter(p -> p.fromPartner().equals(di.partner())).findFirst().orElseThrow();
        assertThat(back).isEqualTo(new ReferralReport.Pair(di.partner(), "College", bo.partner(), "Board", 2, 1, 0, 0, 0, 1, 0, null, null, Map.of(), Map.of(), Stats.NONE, Stats.NONE, 0, Stats.NONE));
    }

    @Test
    void outcomesImproveInTheMetricsDirectionWithMeanAndMedian() {
        var outcomes = crm.as(bo).outcomes();
        outcomes.create(measure(alpha, null, Metric.TIME_TO_FILL_DAYS, "40", "35", "30"));   // +10, 25 %
        outcomes.create(measure(beta, null, Metric.TIME_TO_FILL_DAYS, "20", "25"));         // -5, -25 %
        outcomes.create(measure(gamma, null, Metric.TIME_TO_FILL_DAYS, "30", "21"));        // +9, 30 %
        outcomes.create(measure(gamma, training, Metric.RETENTION_RATE, "80", "88"));       // +8, 10 %
        outcomes.create(measure(delta, null, Metric.TURNOVER_RATE, "10"));                  // no observation yet

        OutcomeReport bySector = crm.as(bo).reports().outcomes(OutcomeReport.Grouping.SECTOR);
        assertThat(bySector.withoutObservation()).isEqualTo(1);
        assertThat(bySector.groups()).extracting(g -> g.metric() + "/" + g.key()).containsExactly("RETENTION_RATE/HLT", "TIME_TO_FILL_DAYS/HLT", "TIME_TO_FILL_DAYS/MFG");
        OutcomeReport.Group hlt = bySector.groups().get(1);
        assertThat(hlt.employers()).isEqualTo(2);
        assertThat(hlt.improved()).isEqualTo(1);
        assertThat(hlt.improvement().mean()).isEqualByComparingTo("2");
        assertThat(hlt.improvement().median()).isEqualByComparingTo("2");
        assertThat(hlt.improvementPercent().mean()).isEqualByComparingTo("2.5");
        assertThat(bySector.groups().get(2).improvementPercent().median()).isEqualByComparingTo("25");

        OutcomeReport byType = crm.as(bo).reports().outcomes(OutcomeReport.Grouping.SOLUTION_TYPE);
        assertThat(byType.groups()).extracting(g -> g.metric() + "/" + g.key() + "/" + g.employers() + "/" + g.measures())
                .containsExactly("RETENTION_RATE/CUSTOMIZED_TRAINING/1/1", "TIME_TO_FILL_DAYS/null/3/3");
        assertThat(byType.groups().get(1).improvement().median()).isEqualByComparingTo("9");
        assertThat(byType.groups().get(1).improvement().mean()).isEqualByComparingTo("4.666667");
    }

    private static OutcomeMeasure measure(Employer e, Solution s, Metric metric, String baseline, String... observations) {
        List<Observation> obs = new java.util.ArrayList<>();
        for (int i = 0; i < observations.length; i++) {
            obs.add(new Observation(LocalDate.of(2025 + i, 3, 1), new BigDecimal(observations[i])));
        }
        return new OutcomeMeasure(null, null, e.id(), s == null ? null : s.id(), metric, LocalDate.of(2024, 3, 1), new BigDecimal(baseline), obs);
    }

    @Test
    void satisfactionNeedsFunnelAndPartnerships() {
        crm.as(bo).feedback().create(new Feedback(null, null, alpha.id(), engagements.get(0).id(), null, 5, null)); // Board's engagement
        crm.as(bo).feedback().create(new Feedback(null, null, beta.id(), engagements.get(3).id(), null, 2, null));  // College's
        crm.as(bo).feedback().create(new Feedback(null, null, gamma.id(), null, training.id(), 4, null));          // Board leads the solution
        SatisfactionReport s = crm.as(bo).reports().satisfaction();
        assertThat(s.overall().count()).isEqualTo(3);
        assertThat(s.overall().mean()).isEqualByComparingTo("3.666667");
        assertThat(s.overall().median()).isEqualByComparingTo("4");
        assertThat(s.overallDistribution()).containsExactly(0L, 1L, 0L, 1L, 1L);
        assertThat(s.byPartner()).filteredOn(g -> "Board".equals(g.name())).singleElement().satisfies(g -> assertThat(g.rating().mean()).isEqualByComparingTo("4.5"));
        assertThat(s.bySolutionType()).extracting(SatisfactionReport.Group::key).containsExactly(null, "CUSTOMIZED_TRAINING");
        assertThat(s.bySolutionType().get(0).rating().mean()).isEqualByComparingTo("3.5");

        var funnel = crm.as(bo).reports().needsFunnel();
        assertThat(funnel.total()).extracting(r -> r.raised(), r -> r.open(), r -> r.inProgress(), r -> r.met()).containsExactly(3L, 1L, 1L, 1L);
        assertThat(funnel.total().daysToAgreedSolution().median()).isEqualByComparingTo("10"); // 05-01 -> agreed 05-11 (not the start, 05-21)
        assertThat(funnel.byCategory()).extracting(r -> r.key() + "/" + r.raised()).containsExactly("HIRING/2", "SKILLS_TRAINING/1");
        assertThat(funnel.bySector()).extracting(r -> r.key() + "/" + r.raised()).containsExactly("HLT/2", "MFG/1");

        var partnerships = crm.as(bo).reports().partnerships();
        assertThat(partnerships.byStage()).isEqualTo(Map.of("BUILDING_CONSENSUS", 1L));
        var row = partnerships.partnerships().get(0);
        assertThat(row.champions()).isEqualTo(2);
        assertThat(row.members()).isEqualTo(3);
        assertThat(row.commitments().get("TIME").pledged()).isEqualByComparingTo("16");
        assertThat(row.commitments().get("TIME").fulfilled()).isEqualByComparingTo("10");
        assertThat(row.commitments().get("TIME").fulfilledShare()).isEqualTo(0.625);
        assertThat(row.commitments().get("FINANCIAL").fulfilledShare()).isEqualTo(0.0);
        assertThat(row.priorities()).isEqualTo(Map.of("ACTIVE", 2L, "PLANNED", 1L));
    }
}
