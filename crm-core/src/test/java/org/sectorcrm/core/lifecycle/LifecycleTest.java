package org.sectorcrm.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.partnership.PartnershipStage;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.solution.SolutionType;

/** For any sequence of attempted moves, a lifecycle takes exactly the allowed ones and refuses the rest without changing. */
class LifecycleTest {
    private static final EmployerId EMPLOYER = new EmployerId(UUID.fromString("0190a0b0-0000-7000-8000-000000000001"));
    private static final PartnerId FROM = new PartnerId(UUID.fromString("0190a0b0-0000-7000-8000-000000000002"));
    private static final PartnerId TO = new PartnerId(UUID.fromString("0190a0b0-0000-7000-8000-000000000003"));
    private static final StaffUserId STAFF = new StaffUserId(UUID.fromString("0190a0b0-0000-7000-8000-000000000004"));

    @Property(tries = 200)
    void referralsMoveOnlyAlongTheirLifecycle(@ForAll @Size(max = 8) List<ReferralStatus> attempts) {
        Referral r = Referral.sent(FROM, STAFF, TO, EMPLOYER, "Recruitment help", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 8));
        for (ReferralStatus to : attempts) {
            Referral before = r;
            if (to == ReferralStatus.SENT) {
                continue; // nothing moves back to SENT, and there is no method that would try
            }
            if (before.status().next().contains(to)) {
                r = move(before, to);
                assertThat(r.status()).isEqualTo(to);
            } else {
                assertThatThrownBy(() -> move(before, to)).isInstanceOf(ValidationException.class);
            }
            assertThat(r.status() == ReferralStatus.DECLINED).isEqualTo(r.declineReason() != null);
        }
    }

    private static Referral move(Referral r, ReferralStatus to) {
        return switch (to) {
            case ACCEPTED -> r.accept();
            case IN_PROGRESS -> r.start();
            case COMPLETED -> r.complete("Two hires");
            case DECLINED -> r.decline("No capacity");
            case CANCELLED -> r.cancel();
            case SENT -> throw new IllegalArgumentException("nothing moves back to SENT");
        };
    }

    @Property(tries = 200)
    void solutionsNeverJumpAndFinalStatesStayFinal(@ForAll @Size(max = 8) List<SolutionStatus> attempts) {
        Solution s = Solution.proposed(EMPLOYER, SolutionType.ON_THE_JOB_TRAINING, "OJT for welders", FROM);
        for (SolutionStatus to : attempts) {
            if (s.status().next().contains(to)) {
                s = s.moveTo(to);
            } else {
                Solution before = s;
                assertThatThrownBy(() -> before.moveTo(to)).isInstanceOf(ValidationException.class).hasMessageContaining("cannot move");
            }
        }
        assertThat(SolutionStatus.PROPOSED.next()).doesNotContain(SolutionStatus.COMPLETED, SolutionStatus.IN_DELIVERY);
    }

    @Property(tries = 200)
    void partnershipsMoveOneStageAlongThePlaybookOrToDormant(@ForAll @Size(max = 10) List<PartnershipStage> attempts) {
        SectorPartnership p = SectorPartnership.convened("Healthcare Alliance", new RegionCode("IL-EDR-1"), new SectorCode("HEALTH"), FROM);
        for (PartnershipStage to : attempts) {
            PartnershipStage from = p.stage();
            boolean oneAhead = from != PartnershipStage.DORMANT && to.ordinal() == from.ordinal() + 1 && to != PartnershipStage.DORMANT;
            boolean revival = from == PartnershipStage.DORMANT && (to == PartnershipStage.BUILDING_CONSENSUS || to == PartnershipStage.IMPLEMENTING);
            boolean allowed = oneAhead || to == PartnershipStage.DORMANT && from != PartnershipStage.DORMANT || revival;
            if (allowed) {
                p = p.advanceTo(to);
                assertThat(p.stage()).isEqualTo(to);
            } else {
                SectorPartnership before = p;
                assertThatThrownBy(() -> before.advanceTo(to)).isInstanceOf(ValidationException.class);
            }
        }
    }

    @Property(tries = 200)
    void aNeedHasAClosingDateExactlyWhenItIsClosed(@ForAll @Size(max = 6) List<NeedStatus> attempts) {
        BusinessNeed n = BusinessNeed.raised(EMPLOYER, NeedCategory.HIRING, "Twelve CNC operators by spring", Urgency.HIGH, LocalDate.of(2026, 9, 1));
        for (NeedStatus to : attempts) {
            if (n.status().next().contains(to)) {
                n = n.moveTo(to, LocalDate.of(2026, 10, 1));
            } else {
                BusinessNeed before = n;
                assertThatThrownBy(() -> before.moveTo(to, LocalDate.of(2026, 10, 1))).isInstanceOf(ValidationException.class);
            }
            assertThat(n.closedOn() != null).isEqualTo(n.status().isClosed());
        }
    }
}
