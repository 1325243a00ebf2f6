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
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.solution.SolutionType;
import org.sectorcrm.core.type.AggregateTypes;

/** A solution's agreement date: recorded on the first move to AGREED or later, editable, and what the needs funnel counts to. */
class SolutionAgreedOnTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private Crm crm;
    private StaffUser bo;
    private Employer acme;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-06-30T15:00:00Z"), ZoneOffset.UTC);
        crm = Crm.builder().storage(new InMemoryCrmStorage()).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(3))).build();
        StaffUser admin = crm.bootstrap(Partner.named("Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        bo = crm.as(admin).reference().staffUsers().create(StaffUser.of(admin.partner(), "Bo", "bo@board.example", Role.STAFF));
        acme = crm.as(bo).employers().create(Employer.named("Acme"));
    }

    private Solution proposed(BusinessNeed need, LocalDate start) {
        return crm.as(bo).solutions().create(new Solution(null, null, acme.id(), null, Set.of(need.id()), SolutionType.CUSTOMIZED_TRAINING, "Course",
                bo.partner(), Set.of(), List.of(), SolutionStatus.PROPOSED, start, null, null, null));
    }

    private BusinessNeed need(LocalDate raised) {
        return crm.as(bo).needs().create(BusinessNeed.raised(acme.id(), NeedCategory.HIRING, "welders", Urgency.HIGH, raised));
    }

    @Test
    void theFirstMoveToAgreedRecordsTodayAndLaterMovesKeepIt() {
        Solution s = proposed(need(LocalDate.of(2026, 6, 1)), null);
        assertThat(s.agreedOn()).isNull();
        Solution agreed = crm.as(bo).solutions().moveTo(s.id(), s.version(), SolutionStatus.AGREED);
        assertThat(agreed.agreedOn()).isEqualTo(TODAY);
        Solution delivering = crm.as(bo).solutions().moveTo(agreed.id(), agreed.version(), SolutionStatus.IN_DELIVERY);
        assertThat(delivering.agreedOn()).isEqualTo(TODAY);
    }

    @Test
    void aGivenDayIsKeptEditableAndAnUpdateWithoutOneKeepsTheStoredDay() {
        Solution s = proposed(need(LocalDate.of(2026, 6, 1)), null);
        Solution agreed = crm.as(bo).solutions().moveTo(s.id(), s.version(), SolutionStatus.AGREED, LocalDate.of(2026, 6, 12));
        assertThat(agreed.agreedOn()).isEqualTo(LocalDate.of(2026, 6, 12));
        Solution edited = crm.as(bo).solutions().update(agreed.withAgreedOn(LocalDate.of(2026, 6, 10)));
        assertThat(edited.agreedOn()).isEqualTo(LocalDate.of(2026, 6, 10));
        Solution untouched = crm.as(bo).solutions().update(edited.withAgreedOn(null).withParticipants(4));
        assertThat(untouched.agreedOn()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(crm.as(bo).solutions().get(s.id()).agreedOn()).isEqualTo(LocalDate.of(2026, 6, 10));
    }

    @Test
    void aProposalOrADeclineHasNoAgreementDay() {
        Solution s = proposed(need(LocalDate.of(2026, 6, 1)), null);
        Solution declined = crm.as(bo).solutions().moveTo(s.id(), s.version(), SolutionStatus.DECLINED);
        assertThat(declined.agreedOn()).isNull();
    }

    @Test
    void anInvalidDayIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Solution.proposed(acme.id(), SolutionType.CUSTOM, "x", bo.partner()).withAgreedOn(LocalDate.of(1, 1, 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("agreedOn");
    }

    @Test
    void theFunnelCountsToTheAgreementDayAndFallsBackToTheStartDateForOldRecords() {
        BusinessNeed first = need(LocalDate.of(2026, 5, 1));
        Solution s = proposed(first, LocalDate.of(2026, 6, 20));
        crm.as(bo).solutions().moveTo(s.id(), s.version(), SolutionStatus.AGREED, LocalDate.of(2026, 5, 11));
        // A solution stored before agreedOn existed: AGREED with a start date and no agreement day, written as a restore does.
        BusinessNeed second = need(LocalDate.of(2026, 5, 1));
        Solution old = new Solution(null, null, acme.id(), null, Set.of(second.id()), SolutionType.CUSTOMIZED_TRAINING, "Old", bo.partner(), Set.of(),
                List.of(), SolutionStatus.AGREED, LocalDate.of(2026, 5, 31), null, null, null)
                .withId(org.sectorcrm.core.solution.SolutionId.of("0195a1b3-0000-7000-8000-0000000000aa"))
                .withStamp(Stamp.first(Instant.parse("2026-05-31T00:00:00Z"), bo.partner()));
        crm.storage().inTransaction(tx -> {
            tx.store(AggregateTypes.SOLUTION).save(old, 0);
            return null;
        });
        var funnel = crm.as(bo).reports().needsFunnel();
        // 05-01 -> agreed 05-11 = 10 days (not the start 06-20); 05-01 -> start 05-31 = 30 days (no agreement day)
        assertThat(funnel.total().daysToAgreedSolution().count()).isEqualTo(2);
        assertThat(funnel.total().daysToAgreedSolution().mean()).isEqualByComparingTo("20");
    }
}
