package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.message.ReadMarkerFilter;
import org.sectorcrm.core.message.ReferralMessage;
import org.sectorcrm.core.message.ReferralMessageFilter;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.type.AggregateTypes;

/** Messages on a referral: who reads and posts, read markers that leave messages alone, unread counts. */
class MessagesTest {
    /** A clock the test moves, so messages are sent one after another. */
    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-11-02T15:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void tick() {
            now = now.plusSeconds(60);
        }
    }

    private final StepClock clock = new StepClock();
    private Crm crm;
    private StaffUser board;
    private StaffUser boardColleague;
    private StaffUser college;
    private StaffUser collegeViewer;
    private StaffUser chamber;
    private Referral referral;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().storage(new InMemoryCrmStorage()).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(12))).build();
        StaffUser admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        var reference = crm.as(admin).reference();
        Partner harper = reference.partners().create(Partner.named("Harper College", PartnerKind.COMMUNITY_COLLEGE));
        Partner chamberOrg = reference.partners().create(Partner.named("Elgin Chamber", PartnerKind.CHAMBER_OF_COMMERCE));
        board = reference.staffUsers().create(StaffUser.of(admin.partner(), "Bo Board", "bo@board.example", Role.STAFF));
        boardColleague = reference.staffUsers().create(StaffUser.of(admin.partner(), "Cy Board", "cy@board.example", Role.MANAGER));
        college = reference.staffUsers().create(StaffUser.of(harper.id(), "Di College", "di@college.example", Role.STAFF));
        collegeViewer = reference.staffUsers().create(StaffUser.of(harper.id(), "Vi Viewer", "vi@college.example", Role.VIEWER));
        chamber = reference.staffUsers().create(StaffUser.of(chamberOrg.id(), "Ed Chamber", "ed@chamber.example", Role.ADMIN));
        Employer acme = crm.as(board).employers().create(Employer.named("Acme Tool & Die, Inc."));
        referral = crm.as(board).referrals().create(Referral.sent(board.partner(), board.id(), harper.id(), acme.id(), "Customized training",
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 12)));
    }

    private ReferralMessage post(StaffUser who, String body) {
        clock.tick();
        return crm.as(who).messages().post(referral.id(), body, null);
    }

    @Test
    void theTwoPartnersStaffPostAndReadTheThreadInOrder() {
        ReferralMessage first = post(board, "Can you reach the plant manager this week?");
        ReferralMessage reply = crm.as(college).messages().post(referral.id(), "Yes, Thursday <b>morning</b>.", first.id());
        assertThat(first.author()).isEqualTo(board.id());
        assertThat(first.authorPartner()).isEqualTo(board.partner());
        assertThat(first.otherPartner()).isEqualTo(college.partner());
        assertThat(first.sentAt()).isEqualTo(clock.now);
        assertThat(reply.replyTo()).isEqualTo(first.id());
        assertThat(crm.as(collegeViewer).messages().thread(referral.id())).extracting(ReferralMessage::body)
                .containsExactly("Can you reach the plant manager this week?", "Yes, Thursday <b>morning</b>.");
        assertThat(crm.as(boardColleague).messages().get(first.id())).isEqualTo(first);
    }

    @Test
    void noOtherPartnerSeesAMessageNotEvenAnAdmin() {
        ReferralMessage m = post(board, "Confidential: they are about to lay off 40 people");
        var outsider = crm.as(chamber).messages();
        assertThat(outsider.find(m.id())).isEmpty();
        assertThatThrownBy(() -> outsider.get(m.id())).isInstanceOf(NotFoundException.class);
        assertThat(outsider.list(ReferralMessageFilter.ALL, PageRequest.first()).items()).isEmpty();
        assertThat(outsider.list(new ReferralMessageFilter(null, board.partner(), null, null, null), PageRequest.first()).items()).isEmpty();
        assertThat(outsider.count(ReferralMessageFilter.ALL)).isZero();
        assertThat(outsider.count(new ReferralMessageFilter(null, board.partner(), null, null, null))).isZero();
        assertThatThrownBy(() -> outsider.thread(referral.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> outsider.post(referral.id(), "Let me in", null)).isInstanceOf(AccessDeniedException.class);
        assertThat(outsider.unreadCounts()).isEmpty();
    }

    @Test
    void viewersReadButDoNotPost() {
        post(board, "Hello");
        assertThat(crm.as(collegeViewer).messages().thread(referral.id())).hasSize(1);
        assertThatThrownBy(() -> crm.as(collegeViewer).messages().post(referral.id(), "Me too", null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aMessageIsNeverEditedAndOnlyItsAuthorDeletesIt() {
        ReferralMessage m = post(board, "Draft thought");
        assertThatThrownBy(() -> crm.as(board).messages().update(m.id(), m.version(), m.withBody("Edited"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("body");
        assertThatThrownBy(() -> crm.as(boardColleague).messages().delete(m.id(), m.version())).isInstanceOf(AccessDeniedException.class);
        crm.as(board).messages().delete(m.id(), m.version());
        assertThat(crm.as(board).messages().thread(referral.id())).isEmpty();
    }

    @Test
    void aReplyNamesAMessageOfTheSameThreadAndAReferralWithMessagesIsNotDeleted() {
        ReferralMessage m = post(board, "First");
        assertThatThrownBy(() -> crm.as(college).messages().post(referral.id(), "Reply", new org.sectorcrm.core.message.ReferralMessageId(
                java.util.UUID.randomUUID()))).isInstanceOf(ValidationException.class).hasMessageContaining("replyTo");
        Referral stored = crm.as(board).referrals().get(referral.id());
        assertThatThrownBy(() -> crm.as(board).referrals().delete(stored.id(), stored.version())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("cancel");
        assertThat(m.replyTo()).isNull();
    }

    @Test
    void readingMovesTheReadersMarkerNeverTheMessages() {
        ReferralMessage first = post(board, "One");
        post(board, "Two");
        var di = crm.as(college).messages();
        assertThat(di.unread(referral.id())).isEqualTo(2);
        assertThat(di.unreadCounts()).isEqualTo(Map.of(referral.id(), 2L));
        di.markRead(referral.id(), first.id(), "api");
        assertThat(di.unread(referral.id())).isEqualTo(1);
        di.markRead(referral.id(), "web");
        di.markRead(referral.id(), first.id(), "api"); // never backwards
        assertThat(di.unread(referral.id())).isZero();
        assertThat(di.unreadCounts()).isEmpty();
        // the messages keep version 1 and one audit entry each however often they are read
        assertThat(crm.as(board).messages().get(first.id()).version()).isEqualTo(1);
        assertThat(crm.as(board).audit().history(AggregateTypes.REFERRAL_MESSAGE, first.id(), PageRequest.first()).items()).hasSize(1);
        // the viewer of the same partner has read state of their own; the author never counts their own messages
        assertThat(crm.as(collegeViewer).messages().unread(referral.id())).isEqualTo(2);
        assertThat(crm.as(board).messages().unread(referral.id())).isZero();
        crm.as(collegeViewer).messages().markRead(referral.id(), "web");
        post(college, "Three");
        assertThat(crm.as(board).messages().unreadCounts()).isEqualTo(Map.of(referral.id(), 1L));
        assertThat(crm.as(boardColleague).messages().unreadCounts()).isEqualTo(Map.of(referral.id(), 3L));
        assertThat(crm.as(collegeViewer).messages().unread(referral.id())).isEqualTo(1);
    }

    @Test
    void eachUserReadsOnlyTheirOwnMarkersAndNobodyWritesThemDirectly() {
        post(board, "One");
        var marker = crm.as(college).messages().markRead(referral.id(), "web").orElseThrow();
        assertThat(crm.as(college).readMarkers().get(marker.id())).isEqualTo(marker);
        assertThat(crm.as(collegeViewer).readMarkers().find(marker.id())).isEmpty();
        assertThat(crm.as(collegeViewer).readMarkers().list(new ReadMarkerFilter(null, college.id()), PageRequest.first()).items()).isEmpty();
        assertThat(crm.as(college).readMarkers().list(ReadMarkerFilter.ALL, PageRequest.first()).items()).containsExactly(marker);
        assertThatThrownBy(() -> crm.as(college).readMarkers().update(marker.id(), marker.version(), marker.withVia("forged")))
                .isInstanceOf(ValidationException.class);
        List<?> none = crm.as(college).messages().markRead(crm.as(college).referrals().get(referral.id()).id(), "web").stream().toList();
        assertThat(none).hasSize(1);
    }
}
