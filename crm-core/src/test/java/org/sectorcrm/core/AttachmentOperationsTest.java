package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.attachment.Attachment;
import org.sectorcrm.core.attachment.AttachmentFilter;
import org.sectorcrm.core.attachment.AttachmentId;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.type.AggregateTypes;

/** Attachment metadata: owners checked, visibility as on notes (a referral's two partners), deleted with the owner. */
class AttachmentOperationsTest {
    private static final String SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
    private final List<DomainEvent> events = new ArrayList<>();
    private Crm crm;
    private StaffUser board;
    private StaffUser boardmate;
    private StaffUser college;
    private StaffUser third;
    private StaffUser viewer;
    private Employer acme;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().storage(new InMemoryCrmStorage()).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(12)))
                .listener(events::add).build();
        StaffUser admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        var reference = crm.as(admin).reference();
        Partner harper = reference.partners().create(Partner.named("Harper College", PartnerKind.COMMUNITY_COLLEGE));
        Partner ajc = reference.partners().create(Partner.named("American Job Center", PartnerKind.WIOA_TITLE_III_WAGNER_PEYSER));
        board = reference.staffUsers().create(StaffUser.of(admin.partner(), "Bo Board", "bo@board.example", Role.STAFF));
        boardmate = reference.staffUsers().create(StaffUser.of(admin.partner(), "Cy Board", "cy@board.example", Role.STAFF));
        college = reference.staffUsers().create(StaffUser.of(harper.id(), "Di College", "di@college.example", Role.STAFF));
        third = reference.staffUsers().create(StaffUser.of(ajc.id(), "Ed Center", "ed@ajc.example", Role.STAFF));
        viewer = reference.staffUsers().create(StaffUser.of(harper.id(), "Vi Viewer", "vi@college.example", Role.VIEWER));
        acme = crm.as(board).employers().create(Employer.named("Acme Tool & Die"));
    }

    private Attachment attach(StaffUser as, String ownerType, String ownerId, Visibility visibility) {
        return crm.as(as).attachments().attach(Attachment.of(ownerType, ownerId, "intake.pdf", "application/pdf", 10, SHA, visibility,
                as.partner(), as.id()).withId(new AttachmentId(UUID.randomUUID())));
    }

    @Test
    void anAttachmentIsRecordedAsTheActorOnAnExistingRecordOnly() {
        Attachment a = attach(board, "employer", acme.id().asString(), Visibility.SHARED);
        assertThat(a.uploadedBy()).isEqualTo(board.id());
        assertThat(a.partner()).isEqualTo(board.partner());
        assertThat(crm.as(college).attachments().of(AggregateTypes.EMPLOYER, acme.id())).containsExactly(a);
        assertThatThrownBy(() -> attach(board, "employer", UUID.randomUUID().toString(), Visibility.SHARED)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> attach(board, "region", "NE", Visibility.SHARED)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("ownerType");
        assertThatThrownBy(() -> crm.as(board).attachments().create(a.withId(null).withStamp(null))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("uploading");
    }

    @Test
    void aPartnerAttachmentOnAnEngagementDoesNotExistForAnotherPartner() {
        Engagement g = crm.as(board).engagements().create(Engagement.of(acme.id(), board.partner(), board.id(), LocalDate.of(2026, 12, 1),
                Channel.CALL, "Call about the intake"));
        Attachment partner = attach(board, "engagement", g.id().asString(), Visibility.PARTNER);
        Attachment mine = attach(board, "engagement", g.id().asString(), Visibility.PRIVATE);
        assertThat(crm.as(college).attachments().find(partner.id())).isEmpty();
        assertThatThrownBy(() -> crm.as(college).attachments().get(partner.id())).isInstanceOf(NotFoundException.class);
        assertThat(crm.as(college).attachments().list(AttachmentFilter.ALL, PageRequest.first())).isNotNull()
                .satisfies(p -> assertThat(p.items()).isEmpty());
        assertThat(crm.as(boardmate).attachments().of(AggregateTypes.ENGAGEMENT, g.id())).containsExactly(partner);
        assertThat(crm.as(board).attachments().of(AggregateTypes.ENGAGEMENT, g.id())).containsExactlyInAnyOrder(partner, mine); // same instant: order by id, which is random
        assertThatThrownBy(() -> crm.as(college).attachments().delete(partner.id(), partner.version())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void bothPartnersOfAReferralReadItsPartnerAttachmentsAndNoOneElse() {
        Referral r = crm.as(board).referrals().create(Referral.sent(board.partner(), board.id(), college.partner(), acme.id(), "Incumbent worker training",
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15)));
        Attachment release = attach(college, "referral", r.id().asString(), Visibility.PARTNER);
        assertThat(crm.as(board).attachments().find(release.id())).contains(release);
        assertThat(crm.as(third).attachments().find(release.id())).isEmpty();
        assertThatThrownBy(() -> crm.as(board).attachments().delete(release.id(), release.version())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyTheDescriptionAndVisibilityChange() {
        Attachment a = attach(board, "employer", acme.id().asString(), Visibility.SHARED);
        Attachment described = crm.as(boardmate).attachments().update(a.id(), a.version(), a.describedAs("Job description, welders"));
        assertThat(described.description()).isEqualTo("Job description, welders");
        Attachment renamed = new Attachment(a.id(), a.stamp(), a.ownerType(), a.ownerId(), "other.pdf", a.contentType(), a.size(), a.sha256(),
                a.visibility(), a.partner(), a.uploadedBy(), null);
        assertThatThrownBy(() -> crm.as(board).attachments().update(a.id(), described.version(), renamed)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("content");
        assertThatThrownBy(() -> crm.as(college).attachments().update(a.id(), described.version(), described.describedAs("x")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("partner");
    }

    @Test
    void deletingTheOwnerDeletesItsAttachmentsInTheSameWriteWithAnEventEach() {
        Attachment one = attach(board, "employer", acme.id().asString(), Visibility.SHARED);
        Attachment two = attach(college, "employer", acme.id().asString(), Visibility.PRIVATE);
        Employer other = crm.as(board).employers().create(Employer.named("Other Works"));
        Attachment kept = attach(board, "employer", other.id().asString(), Visibility.SHARED);
        events.clear();
        crm.as(board).employers().delete(acme.id(), acme.version());
        long left = crm.storage().read(tx -> tx.store(AggregateTypes.ATTACHMENT).count(AttachmentFilter.ALL));
        assertThat(left).isEqualTo(1);
        assertThat(crm.as(board).attachments().find(kept.id())).isPresent();
        assertThat(events).filteredOn(e -> e instanceof DomainEvent.Deleted && e.recordType() == AggregateTypes.ATTACHMENT)
                .extracting(DomainEvent::recordId).containsExactlyInAnyOrder(one.id().asString(), two.id().asString());
    }

    @Test
    void everyDownloadIsAuditedAndViewersDoNotDownload() {
        Attachment a = attach(board, "employer", acme.id().asString(), Visibility.SHARED);
        crm.as(college).attachments().download(a.id());
        var audit = crm.storage().read(tx -> tx.audit().query(org.sectorcrm.core.audit.AuditFilter.forRecord("attachment", a.id().asString()),
                PageRequest.first())).items();
        assertThat(audit).extracting(e -> e.action()).contains(AttachmentOperations.DOWNLOAD);
        assertThat(audit).filteredOn(e -> e.action().equals(AttachmentOperations.DOWNLOAD)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(college.id()));
        assertThatThrownBy(() -> crm.as(viewer).attachments().download(a.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(crm.as(viewer).attachments().of(AggregateTypes.EMPLOYER, acme.id())).containsExactly(a);
    }
}
