package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.report.CalendarQuarter;
import org.sectorcrm.core.report.RetentionReport;
import org.sectorcrm.core.report.WageRecord;

/** Retention with the Same Employer on wage records computed by hand; nothing of them is stored, the computation is audited. */
class RetentionReportTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneOffset.UTC);
    private Crm crm;
    private StaffUser admin;
    private StaffUser viewer;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().storage(new InMemoryCrmStorage()).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(3))).build();
        admin = crm.bootstrap(Partner.named("Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        viewer = crm.as(admin).reference().staffUsers().create(StaffUser.of(admin.partner(), "Vi Viewer", "vi@board.example", Role.VIEWER));
    }

    private static WageRecord w(String id, String exit, Set<String> q2, Set<String> q4) {
        return new WageRecord(id, CalendarQuarter.parse(exit), q2, q4);
    }

    private static List<WageRecord> file() {
        return List.of(
                w("p1", "2024-Q3", Set.of("36-1234567"), Set.of("361234567")),        // same FEIN, written two ways: retained
                w("p2", "2024-Q3", Set.of("36-1234567"), Set.of("98-7654321")),       // another employer in Q4
                w("p3", "2024-Q3", Set.of(), Set.of("36-1234567")),                   // not employed in Q2: outside the denominator
                w("p4", "2024-Q4", Set.of("IL-0042 7", "36-1234567"), Set.of("il-00427")), // one of two Q2 employers, by UI account
                w("p5", "2024-Q4", Set.of("98-7654321"), Set.of()),                   // employed in Q2 only
                w("p6", "2025-Q1", Set.of(), Set.of()));
    }

    @Test
    void ofTheExitersEmployedInTheSecondQuarterTheShareWithTheSameEmployerInTheFourth() {
        RetentionReport r = crm.as(viewer).reports().retention(file().stream(), null, null);
        assertThat(r.lines()).isEqualTo(6);
        assertThat(r.exiters()).isEqualTo(6);
        assertThat(r.retention()).isEqualTo(new RetentionReport.Ratio(2, 4, 0.5, null));
        assertThat(r.byExitQuarter()).extracting(RetentionReport.Quarter::exitQuarter).extracting(Object::toString).containsExactly("2024-Q3", "2024-Q4", "2025-Q1");
        assertThat(r.byExitQuarter().get(0)).isEqualTo(new RetentionReport.Quarter(CalendarQuarter.parse("2024-Q3"), 3, new RetentionReport.Ratio(1, 2, 0.5, null)));
        assertThat(r.byExitQuarter().get(1).retention()).isEqualTo(new RetentionReport.Ratio(1, 2, 0.5, null));
        assertThat(r.byExitQuarter().get(2).retention().rate()).isNull();
        assertThat(r.byExitQuarter().get(2).retention().undefinedReason()).contains("2nd quarter");

        RetentionReport late = crm.as(viewer).reports().retention(file().stream(), CalendarQuarter.parse("2024-Q4"), CalendarQuarter.parse("2024-Q4"));
        assertThat(late.exiters()).isEqualTo(2);
        assertThat(late.lines()).isEqualTo(6);
        assertThat(late.retention()).isEqualTo(new RetentionReport.Ratio(1, 2, 0.5, null));
        RetentionReport none = crm.as(viewer).reports().retention(file().stream(), CalendarQuarter.parse("2025-Q1"), null);
        assertThat(none.retention().rate()).isNull();
        assertThat(none.retention().denominator()).isZero();
    }

    @Test
    void nothingOfTheFileIsStoredButTheComputationIsAudited() {
        crm.as(viewer).reports().retention(file().stream(), null, null);
        List<AuditEntry> audit = crm.as(admin).audit().query(AuditFilter.ALL, PageRequest.first(50)).items();
        AuditEntry read = audit.stream().filter(a -> a.action().equals(ReportOperations.WAGE_RECORDS_READ)).findFirst().orElseThrow();
        assertThat(read.toString()).contains("6 wage records").doesNotContain("p1", "1234567");
    }

    @Test
    void aParticipantTwiceBadEmployersAndAnEmptyCohortWindowAreRefused() {
        assertThatThrownBy(() -> crm.as(viewer).reports().retention(Stream.of(w("p1", "2024-Q3", Set.of(), Set.of()), w("p1", "2024-Q4", Set.of(), Set.of())),
                null, null)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.names("wageRecord.participant")).isTrue());
        assertThatThrownBy(() -> w("", "2024-Q3", Set.of("%%"), Set.of("**"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::path).containsExactly("wageRecord.participant", "wageRecord.q2", "wageRecord.q4"));
        assertThatThrownBy(() -> crm.as(viewer).reports().retention(Stream.of(), CalendarQuarter.parse("2025-Q2"), CalendarQuarter.parse("2025-Q1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.names("report.exitFrom")).isTrue());
        assertThat(WageRecord.employerKey("36-1234567")).isEqualTo(WageRecord.employerKey(" 361234567 "));
        assertThat(WageRecord.employerKey("361234567")).isNotEqualTo(WageRecord.employerKey("UI361234567"));
    }
}
