package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
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
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionType;

/** The rules that keep one partner's staff (or a MANAGER, or an ADMIN) out of what is another's, as crm-core enforces them for every embedder. */
class TrustRulesTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private Crm crm;
    private StaffUser admin;
    private StaffUser boardManager;
    private StaffUser boardStaff;
    private StaffUser boardColleague;
    private StaffUser collegeManager;
    private StaffUser collegeStaff;
    private Partner college;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().storage(new InMemoryCrmStorage()).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(3))).build();
        admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        var reference = crm.as(admin).reference();
        reference.regions().create(Region.of("IL-EDR-4", "Northeast", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook")));
        reference.sectors().create(Sector.of("MFG", "Manufacturing", List.of("31", "32", "33")));
        college = reference.partners().create(Partner.named("Harper College", PartnerKind.COMMUNITY_COLLEGE));
        boardManager = reference.staffUsers().create(StaffUser.of(admin.partner(), "Mo Board", "mo@board.example", Role.MANAGER));
        boardStaff = reference.staffUsers().create(StaffUser.of(admin.partner(), "Bo Board", "bo@board.example", Role.STAFF));
        boardColleague = reference.staffUsers().create(StaffUser.of(admin.partner(), "Cy Board", "cy@board.example", Role.STAFF));
        collegeManager = reference.staffUsers().create(StaffUser.of(college.id(), "Di College", "di@college.example", Role.MANAGER));
        collegeStaff = reference.staffUsers().create(StaffUser.of(college.id(), "Ed College", "ed@college.example", Role.STAFF));
    }

    private StaffUser movedTo(StaffUser u, Partner p) {
        return new StaffUser(u.id(), u.stamp(), p.id(), u.name(), u.email(), u.role(), u.active());
    }

    @Test
    void noStaffUsersPartnerChangesNotEvenAnAdminsOwn() {
        assertThatThrownBy(() -> crm.as(admin).reference().staffUsers().update(movedTo(admin, college)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("partner never changes");
        assertThatThrownBy(() -> crm.as(admin).reference().staffUsers().update(movedTo(boardStaff, college)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("partner never changes");
        assertThat(crm.as(admin).reference().staffUsers().get(admin.id()).partner()).isEqualTo(admin.partner());
        // other edits still work
        assertThat(crm.as(admin).reference().staffUsers().update(boardStaff.withRole(Role.VIEWER)).role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void deletingFollowsTheRulesOfEditing() {
        var asCollegeManager = crm.as(collegeManager).reference().staffUsers();
        assertThatThrownBy(() -> asCollegeManager.delete(boardStaff.id(), boardStaff.version())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asCollegeManager.delete(admin.id(), admin.version())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.as(boardManager).reference().staffUsers().delete(admin.id(), admin.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.as(boardStaff).reference().staffUsers().delete(boardColleague.id(), boardColleague.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asCollegeManager.delete(collegeManager.id(), collegeManager.version()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("yourself");
        assertThat(crm.as(admin).reference().staffUsers().find(boardStaff.id())).isPresent();
        asCollegeManager.delete(collegeStaff.id(), collegeStaff.version());
        assertThat(crm.as(admin).reference().staffUsers().find(collegeStaff.id())).isEmpty();
    }

    @Test
    void theLastActiveAdminStays() {
        var users = crm.as(admin).reference().staffUsers();
        StaffUser second = users.create(StaffUser.of(college.id(), "Al Admin", "al@college.example", Role.ADMIN));
        var asSecond = crm.as(second).reference().staffUsers();
        StaffUser demoted = asSecond.update(admin.withRole(Role.MANAGER));
        assertThat(demoted.role()).isEqualTo(Role.MANAGER);
        // now `second` is the only active ADMIN: no one may demote, disable or delete them
        // (read again: demoting `admin` re-saved `second`, the admin it relied on, with the next version)
        StaffUser secondNow = asSecond.get(second.id());
        assertThatThrownBy(() -> crm.as(admin).reference().staffUsers().update(secondNow.withRole(Role.STAFF)))
                .isInstanceOf(AccessDeniedException.class); // a MANAGER may not touch an ADMIN anyway
        users = asSecond;
        StaffUser third = users.create(StaffUser.of(college.id(), "Cy Admin", "cy@college.example", Role.ADMIN));
        StaffUser thirdDisabled = users.update(third.withActive(false));
        assertThat(thirdDisabled.active()).isFalse();
        var asThird = crm.as(users.update(thirdDisabled.withActive(true)));
        StaffUser current = crm.as(admin.id()).reference().staffUsers().get(second.id());
        asThird.reference().staffUsers().delete(second.id(), current.version());
        StaffUser last = asThird.reference().staffUsers().get(asThird.actor().user());
        // the last admin cannot leave by any door, whoever opens it
        assertThatThrownBy(() -> asThird.reference().staffUsers().update(last.withActive(false))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> asThird.reference().staffUsers().delete(last.id(), last.version())).isInstanceOf(ValidationException.class);
        StaffUser another = asThird.reference().staffUsers().create(StaffUser.of(college.id(), "Ev Admin", "ev@college.example", Role.ADMIN));
        var asAnother = crm.as(another).reference().staffUsers();
        asAnother.update(last.withRole(Role.STAFF));
        StaffUser evStored = asAnother.get(another.id());
        assertThatThrownBy(() -> crm.as(admin).reference().staffUsers().delete(evStored.id(), evStored.version()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theLastActiveAdminIsNotRemovedByAnotherAdminOfTheSameTeamEither() {
        var users = crm.as(admin).reference().staffUsers();
        StaffUser second = users.create(StaffUser.of(college.id(), "Al Admin", "al@college.example", Role.ADMIN));
        StaffUser disabledSecond = users.update(second.withActive(false));
        assertThat(disabledSecond.active()).isFalse();
        // admin is the only active ADMIN; an inactive admin (even re-enabled later) does not count
        StaffUser self = users.get(admin.id());
        assertThatThrownBy(() -> users.delete(self.id(), self.version())).isInstanceOf(ValidationException.class);
        users.delete(disabledSecond.id(), disabledSecond.version()); // an inactive admin may go
    }

    @Test
    void aReferralStartsSentFromAStaffUserOfTheSender() {
        Employer e = crm.as(boardStaff).employers().create(Employer.named("Acme Tool & Die, Inc."));
        Referral draft = Referral.sent(admin.partner(), boardStaff.id(), college.id(), e.id(), "Customized training", LocalDate.of(2026, 12, 2),
                LocalDate.of(2026, 12, 9));
        for (ReferralStatus s : List.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS)) {
            Referral answered = new Referral(null, null, draft.fromPartner(), draft.fromStaff(), draft.toPartner(), draft.employer(), null, null,
                    draft.requestedService(), s, draft.sentOn(), draft.responseDue(), null, List.of(), null, null, null, null, null, null);
            assertThatThrownBy(() -> crm.as(boardStaff).referrals().create(answered)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("status");
        }
        Referral completed = new Referral(null, null, draft.fromPartner(), draft.fromStaff(), draft.toPartner(), draft.employer(), null, null,
                draft.requestedService(), ReferralStatus.COMPLETED, draft.sentOn(), draft.responseDue(), null, List.of(), "Trained 12", null, null, null, null, null);
        assertThatThrownBy(() -> crm.as(boardStaff).referrals().create(completed)).isInstanceOf(ValidationException.class);
        Referral fromTheirs = Referral.sent(admin.partner(), collegeStaff.id(), college.id(), e.id(), "Customized training", LocalDate.of(2026, 12, 2),
                LocalDate.of(2026, 12, 9));
        assertThatThrownBy(() -> crm.as(boardStaff).referrals().create(fromTheirs)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("fromStaff");
        assertThat(crm.as(boardStaff).referrals().create(draft).status()).isEqualTo(ReferralStatus.SENT);
    }

    @Test
    void onlyTheOwningPartnerHandsOverASolutionOrAPartnership() {
        Employer e = crm.as(boardStaff).employers().create(Employer.named("Acme Tool & Die, Inc."));
        Solution s = crm.as(boardStaff).solutions().create(Solution.proposed(e.id(), SolutionType.CUSTOMIZED_TRAINING, "CNC", admin.partner()));
        Solution taken = new Solution(s.id(), s.stamp(), s.employer(), s.partnership(), s.needs(), s.type(), s.name(), college.id(), s.contributors(),
                s.fundingStreams(), s.status(), s.startDate(), s.endDate(), s.participants(), s.cost());
        assertThatThrownBy(() -> crm.as(collegeStaff).solutions().update(taken)).isInstanceOf(AccessDeniedException.class);
        assertThat(crm.as(collegeStaff).solutions().update(s.withParticipants(12)).participants()).isEqualTo(12); // other edits stay open
        Solution current = crm.as(boardStaff).solutions().get(s.id());
        Solution handedOver = new Solution(current.id(), current.stamp(), current.employer(), current.partnership(), current.needs(), current.type(),
                current.name(), college.id(), current.contributors(), current.fundingStreams(), current.status(), current.startDate(),
                current.endDate(), current.participants(), current.cost());
        assertThat(crm.as(boardStaff).solutions().update(handedOver).leadPartner()).isEqualTo(college.id());

        SectorPartnership p = crm.as(boardStaff).partnerships().create(SectorPartnership.convened("Fox Valley Manufacturing",
                new RegionCode("IL-EDR-4"), new SectorCode("MFG"), admin.partner()));
        SectorPartnership seized = new SectorPartnership(p.id(), p.stamp(), p.name(), p.region(), p.sector(), college.id(), p.stage(), p.members(),
                p.supportPartners(), p.priorities(), p.actionTeams(), p.commitments());
        assertThatThrownBy(() -> crm.as(collegeStaff).partnerships().update(seized)).isInstanceOf(AccessDeniedException.class);
        assertThat(crm.as(boardStaff).partnerships().update(seized).convener()).isEqualTo(college.id());
    }

    @Test
    void aColleaguesDeleteDoesNotDestroyNotesTheyCannotRead() {
        Employer e = crm.as(boardStaff).employers().create(Employer.named("Acme Tool & Die, Inc."));
        Engagement logged = crm.as(boardStaff).engagements().create(Engagement.of(e.id(), admin.partner(), boardStaff.id(),
                LocalDate.of(2026, 12, 1), Channel.CALL, "Call").withNotes(List.of(
                        new Note(null, boardStaff.id(), admin.partner(), Visibility.PRIVATE, "owner is retiring", clock.instant()))));
        assertThatThrownBy(() -> crm.as(boardColleague).engagements().delete(logged.id(), logged.version()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> crm.as(admin).engagements().delete(logged.id(), logged.version())).isInstanceOf(AccessDeniedException.class);
        assertThat(crm.as(boardStaff).engagements().get(logged.id()).notes()).extracting(Note::text).containsExactly("owner is retiring");
        crm.as(boardStaff).engagements().delete(logged.id(), logged.version()); // the author sees every note on it
        assertThat(crm.as(boardStaff).engagements().find(logged.id())).isEmpty();
    }

    @Test
    void aSessionCappedToALowerRoleActsWithIt() {
        CrmSession capped = crm.as(admin.id(), Role.VIEWER);
        assertThat(capped.actor().role()).isEqualTo(Role.VIEWER);
        assertThatThrownBy(() -> capped.employers().create(Employer.named("Acme"))).isInstanceOf(AccessDeniedException.class);
        assertThat(crm.as(boardStaff.id(), Role.ADMIN).actor().role()).isEqualTo(Role.STAFF); // a cap never raises
    }
}
