package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.report.CalendarQuarter;
import org.sectorcrm.core.report.EseReport;
import org.sectorcrm.core.report.EstablishmentCount;

/** The ETA-9169 figures on a fixture computed by hand (docs/reports.md gives each definition). */
class EseReportTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneOffset.UTC);
    private Crm crm;
    private StaffUser admin;
    private StaffUser board;
    private StaffUser college;
    private Employer acme;   // two establishments: Cook (NE) primary, Peoria (NC)
    private Employer bolt;   // one establishment without county, employer region NC
    private String acmeCook;
    private String acmePeoria;
    private String boltSite;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().storage(new InMemoryCrmStorage()).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(3))).build();
        admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        var reference = crm.as(admin).reference();
        Partner harper = reference.partners().create(Partner.named("Harper College", PartnerKind.COMMUNITY_COLLEGE));
        board = reference.staffUsers().create(StaffUser.of(admin.partner(), "Bo Board", "bo@board.example", Role.STAFF));
        college = reference.staffUsers().create(StaffUser.of(harper.id(), "Di College", "di@college.example", Role.STAFF));
        reference.regions().create(Region.of("NE", "Northeast", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook", "DuPage")));
        reference.regions().create(Region.of("NC", "North Central", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Peoria")));
        acme = crm.as(board).employers().create(Employer.named("Acme").withRegion(new RegionCode("NE")).withEstablishments(List.of(
                Establishment.primary("Acme Cook", null, "Cook County"), new Establishment(null, "Acme Peoria", null, "peoria", null, null, false))));
        acmeCook = acme.primaryEstablishment().orElseThrow().id().asString();
        acmePeoria = acme.establishments().get(1).id().asString();
        bolt = crm.as(board).employers().create(Employer.named("Bolt").withRegion(new RegionCode("NC"))
                .withEstablishments(List.of(Establishment.primary("Bolt", null, null))));
        boltSite = bolt.primaryEstablishment().orElseThrow().id().asString();
    }

    private void engage(StaffUser by, Employer e, int establishment, LocalDate day, Channel channel, boolean assisted, EseCategory... categories) {
        Engagement g = Engagement.of(e.id(), by.partner(), by.id(), day, channel, "visit").withStaffAssisted(assisted).withServices(Set.of(categories));
        if (establishment >= 0) {
            g = g.withEstablishment(e.establishments().get(establishment).id());
        }
        crm.as(by).engagements().create(g);
    }

    private static long count(EseReport r, int row) {
        return r.rows().get(row - 1).count();
    }

    @Test
    void countsDistinctEstablishmentsPerCategoryAndOnceInTheTotalWithinTheInclusivePeriod() {
        // PY2025Q4 = 2026-04-01..2026-06-30; PY2026 starts on 2026-07-01
        engage(board, acme, 0, LocalDate.of(2026, 4, 1), Channel.MEETING, true, EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE, EseCategory.TRAINING_SERVICES);
        engage(college, acme, -1, LocalDate.of(2026, 6, 30), Channel.SITE_VISIT, true, EseCategory.TRAINING_SERVICES); // no establishment: primary
        engage(board, acme, 1, LocalDate.of(2026, 7, 1), Channel.MEETING, true, EseCategory.TRAINING_SERVICES); // next program year
        engage(board, acme, 1, LocalDate.of(2026, 3, 31), Channel.MEETING, true, EseCategory.TRAINING_SERVICES); // previous quarter
        engage(board, bolt, 0, LocalDate.of(2026, 5, 5), Channel.CALL, false, EseCategory.EMPLOYER_INFORMATION_AND_SUPPORT); // unassisted
        engage(board, bolt, 0, LocalDate.of(2026, 5, 5), Channel.MASS_MAILING, false, EseCategory.EMPLOYER_INFORMATION_AND_SUPPORT);
        engage(board, bolt, 0, LocalDate.of(2026, 5, 6), Channel.MEETING, true); // no ESE category

        EseReport r = crm.as(board).reports().ese("PY2025Q4", "state");
        assertThat(r.period()).isEqualTo(new EseReport.Period("PY2025Q4", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)));
        assertThat(count(r, 2)).isEqualTo(1);
        assertThat(r.rows().get(4).establishments()).containsExactly(acmeCook);
        assertThat(count(r, 1)).isZero();
        assertThat(r.total().establishments()).containsExactly(acmeCook);
        assertThat(r.rows()).extracting(EseReport.Row::row).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);

        EseReport year = crm.as(board).reports().ese("PY2025", "state");
        assertThat(year.total().establishments()).containsExactlyInAnyOrder(acmeCook, acmePeoria);
        assertThat(year.period().end()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void regionsPlaceEstablishmentsByCountyElseByTheEmployersRegionAndPartnersBySrvicesTheyDelivered() {
        engage(board, acme, 0, LocalDate.of(2025, 8, 1), Channel.MEETING, true, EseCategory.TRAINING_SERVICES);
        engage(college, acme, 1, LocalDate.of(2025, 8, 2), Channel.MEETING, true, EseCategory.TRAINING_SERVICES);
        engage(college, bolt, -1, LocalDate.of(2025, 8, 3), Channel.MEETING, true, EseCategory.RAPID_RESPONSE_DOWNSIZING);

        assertThat(crm.as(board).reports().ese("PY2025Q1", "region:NE").total().establishments()).containsExactly(acmeCook);
        assertThat(crm.as(board).reports().ese("PY2025Q1", "region:NC").total().establishments()).containsExactlyInAnyOrder(acmePeoria, boltSite);
        EseReport harper = crm.as(board).reports().ese("PY2025Q1", "partner:" + college.partner().asString());
        assertThat(harper.total().establishments()).containsExactlyInAnyOrder(acmePeoria, boltSite);
        assertThat(harper.rows().get(6).establishments()).containsExactly(boltSite);
        assertThat(harper.penetration().rate()).isNull();
        assertThat(harper.penetration().undefinedReason()).contains("partner");
    }

    @Test
    void penetrationDividesByTheCountOfTheCalendarQuarterOfThePeriodsLastDayAndIsUndefinedWithoutIt() {
        engage(board, acme, 0, LocalDate.of(2025, 8, 1), Channel.MEETING, true, EseCategory.TRAINING_SERVICES);
        var counts = crm.as(admin).reports().establishmentCounts();
        counts.put(List.of(EstablishmentCount.of("STATE", CalendarQuarter.parse("2025-Q3"), 40), EstablishmentCount.of("NE", CalendarQuarter.parse("2025-Q3"), 0),
                EstablishmentCount.of("STATE", CalendarQuarter.parse("2025-Q2"), 10)));

        EseReport.Rate state = crm.as(board).reports().ese("PY2025Q1", "state").penetration();
        assertThat(state.numerator()).isEqualTo(1);
        assertThat(state.denominator()).isEqualTo(40);
        assertThat(state.rate()).isEqualTo(0.025);
        EseReport.Rate zero = crm.as(board).reports().ese("PY2025Q1", "region:NE").penetration();
        assertThat(zero.rate()).isNull();
        assertThat(zero.denominator()).isZero();
        assertThat(zero.undefinedReason()).contains("is 0");
        EseReport.Rate missing = crm.as(board).reports().ese("PY2025Q2", "state").penetration(); // 2025-Q4: no count, no substitute
        assertThat(missing.denominator()).isNull();
        assertThat(missing.rate()).isNull();
        assertThat(missing.undefinedReason()).contains("2025-Q4");

        counts.put(List.of(EstablishmentCount.of("STATE", CalendarQuarter.parse("2025-Q3"), 50)));
        assertThat(crm.as(board).reports().ese("PY2025Q1", "state").penetration().denominator()).isEqualTo(50);
    }

    @Test
    void repeatBusinessLooksBackThreeProgramYearsFirstAndLastDayIncluded() {
        // PY2025's look-back: PY2022..PY2024 = 2022-07-01..2025-06-30
        engage(board, acme, 0, LocalDate.of(2022, 7, 1), Channel.MEETING, true, EseCategory.TRAINING_SERVICES);
        engage(board, acme, 1, LocalDate.of(2025, 6, 30), Channel.MEETING, true, EseCategory.TRAINING_SERVICES);
        engage(board, bolt, 0, LocalDate.of(2022, 6, 30), Channel.MEETING, true, EseCategory.TRAINING_SERVICES); // before the window
        engage(board, acme, 0, LocalDate.of(2025, 10, 1), Channel.MEETING, true, EseCategory.TRAINING_SERVICES);
        engage(board, bolt, 0, LocalDate.of(2025, 10, 1), Channel.MEETING, true, EseCategory.TRAINING_SERVICES);

        EseReport r = crm.as(board).reports().ese("PY2025Q2", "state");
        assertThat(r.lookBack()).isEqualTo(new EseReport.Window(LocalDate.of(2022, 7, 1), LocalDate.of(2025, 6, 30), 3));
        assertThat(r.repeatBusiness().denominatorEstablishments()).containsExactlyInAnyOrder(acmeCook, acmePeoria);
        assertThat(r.repeatBusiness().establishments()).containsExactly(acmeCook);
        assertThat(r.repeatBusiness().numerator()).isEqualTo(1);
        assertThat(r.repeatBusiness().denominator()).isEqualTo(2);
        assertThat(r.repeatBusiness().rate()).isEqualTo(0.5);

        EseReport none = crm.as(board).reports().ese("PY2019", "state");
        assertThat(none.repeatBusiness().rate()).isNull();
        assertThat(none.repeatBusiness().denominator()).isZero();
        assertThat(none.repeatBusiness().undefinedReason()).isNotBlank();
    }

    @Test
    void badPeriodAndAreaAreNamedTogether() {
        assertThatThrownBy(() -> crm.as(board).reports().ese("2025", "county:Cook")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::path).containsExactly("report.period", "report.area"));
        assertThatThrownBy(() -> crm.as(board).reports().ese("PY2025Q5", "region:XX")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.names("report.period")).isTrue());
        assertThatThrownBy(() -> crm.as(board).reports().ese("PY2025", "region:XX")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.names("report.area")).isTrue());
    }

    @Test
    void countsNeedAManagerAndAnExistingArea() {
        assertThatThrownBy(() -> crm.as(board).reports().establishmentCounts().put(List.of(EstablishmentCount.of("NE", CalendarQuarter.parse("2025-Q3"), 1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.as(admin).reports().establishmentCounts().put(List.of(EstablishmentCount.of("NE", CalendarQuarter.parse("2025-Q3"), 1),
                EstablishmentCount.of("ZZ", CalendarQuarter.parse("2025-Q3"), 1)))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.names("establishmentCount.counts[1].area")).isTrue());
        assertThat(crm.as(admin).reports().establishmentCounts().count(org.sectorcrm.core.report.EstablishmentCountFilter.ALL)).isZero();
    }
}
