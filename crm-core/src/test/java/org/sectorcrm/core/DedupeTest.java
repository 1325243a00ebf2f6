package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.attachment.Attachment;
import org.sectorcrm.core.attachment.AttachmentId;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.dedupe.CandidatePair;
import org.sectorcrm.core.dedupe.EmployerMerge;
import org.sectorcrm.core.dedupe.MergeChoices;
import org.sectorcrm.core.dedupe.MergePreview;
import org.sectorcrm.core.dedupe.ReviewDecision;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.partnership.Member;
import org.sectorcrm.core.partnership.MemberRole;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/** The dedupe scan with remembered reviews, merge with its preview, the tombstone, and unmerge, on the in-memory store. */
class DedupeTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
    private Crm crm;
    private StaffUser admin;
    private StaffUser staff;
    private Employer acme;
    private Employer acme2;
    private Employer other;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().storage(new InMemoryCrmStorage()).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(5))).build();
        admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        staff = crm.as(admin).reference().staffUsers().create(StaffUser.of(admin.partner(), "Bo Board", "bo@board.example", Role.STAFF));
        crm.as(admin).reference().regions().create(Region.of("NE", "Northeast", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook")));
        crm.as(admin).reference().sectors().create(Sector.of("MFG", "Manufacturing", List.of("31", "32", "33")));
        var employers = crm.as(staff).employers();
        acme = employers.create(Employer.named("Acme Tool & Die, Inc.").withFein(Fein.parse("36-1234567")).withTags(java.util.Set.of("metal"))
                .withEstablishments(List.of(Establishment.primary("Main", new Address("100 Main St", "Elgin", "IL", "60120"), "Kane"))));
        acme2 = employers.createAnyway(Employer.named("ACME TOOL AND DIE").withWebsite("https://acmetool.example").withRegion(new RegionCode("NE"))
                .withEstablishments(List.of(Establishment.primary("Plant 2", new Address("100 Main Street", "Elgin", "IL", "60120"), "Kane"))));
        other = employers.create(Employer.named("Zenith Bakery").withEstablishments(List.of(
                Establishment.primary("Shop", new Address("9 Oak Ave", "Peoria", "IL", "61602"), "Peoria"))));
    }

    @Test
    void everyReferenceToAnEmployerHasARepointerDerivedFromTheDescriptor() {
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            for (var ref : type.references()) {
                if (ref.target() == AggregateTypes.EMPLOYER) {
                    assertThat(type.repointersTo(AggregateTypes.EMPLOYER)).as(type.key()).anyMatch(r -> r.field().equals(ref.field()));
                }
            }
        }
        assertThat(AggregateTypes.PARTNERSHIP.repointersTo(AggregateTypes.EMPLOYER)).extracting(r -> r.field()).containsExactly("members");
    }

    @Test
    void scanProposesThePairOnceAndNeverAgainOnceReviewedNotDuplicate() {
        List<CandidatePair> pairs = scanAll(crm.as(staff).dedupe());
        assertThat(pairs).hasSize(1);
        CandidatePair p = pairs.get(0);
        assertThat(List.of(p.first().id(), p.second().id())).containsExactlyInAnyOrder(acme.id(), acme2.id());
        assertThat(p.first().id().asString()).isLessThan(p.second().id().asString());
        assertThat(p.reasons()).isNotEmpty();
        assertThat(p.review()).isNull();

        crm.as(staff).dedupe().review(acme2.id(), acme.id(), ReviewDecision.LATER, "ask the college");
        assertThat(scanAll(crm.as(staff).dedupe())).singleElement().extracting(CandidatePair::review).isEqualTo(ReviewDecision.LATER);
        var review = crm.as(staff).dedupe().review(acme.id(), acme2.id(), ReviewDecision.NOT_DUPLICATE, "two firms");
        assertThat(review.version()).isEqualTo(2);
        assertThat(review.reviewer()).isEqualTo(staff.id());
        assertThat(scanAll(crm.as(staff).dedupe())).isEmpty();
    }

    @Test
    void scanPagesResumeFromTheCursor() {
        Page<CandidatePair> first = crm.as(staff).dedupe().scan(PageRequest.first(1));
        assertThat(first.items()).hasSize(1);
        if (first.hasNext()) {
            assertThat(crm.as(staff).dedupe().scan(PageRequest.after(first.nextCursor(), 1)).items()).isEmpty();
        }
    }

    @Test
    void mergeRepointsEveryReferringRecordKeepsATombstoneAndUnmergeRestoresBoth() {
        var s = crm.as(staff);
        var c = s.contacts().create(Contact.of(acme2.id(), "Cy", "Contact"));
        Engagement g = s.engagements().create(Engagement.of(acme2.id(), staff.partner(), staff.id(), LocalDate.of(2026, 11, 2), Channel.CALL, "call")
                .withEstablishment(acme2.primaryEstablishment().orElseThrow().id()));
        SectorPartnership p = s.partnerships().create(SectorPartnership.convened("Metal", new RegionCode("NE"), new SectorCode("MFG"), staff.partner())
                .withMembers(List.of(new Member(acme2.id(), MemberRole.CHAMPION), new Member(other.id(), MemberRole.MEMBER))));
        Employer survivorBefore = s.employers().get(acme.id());
        Employer mergedBefore = s.employers().get(acme2.id());

        MergePreview preview = s.dedupe().preview(acme.id(), acme2.id(), MergeChoices.DEFAULTS);
        assertThat(preview.moving()).containsEntry("contact", 1L).containsEntry("engagement", 1L).containsEntry("partnership", 1L);
        assertThat(preview.fields()).anySatisfy(f -> {
            assertThat(f.field()).isEqualTo("website");
            assertThat(f.winner()).isEqualTo("MERGED");
        });
        assertThat(preview.fields()).anySatisfy(f -> {
            assertThat(f.field()).isEqualTo("legalName");
            assertThat(f.winner()).isEqualTo("SURVIVOR");
        });
        assertThatThrownBy(() -> s.dedupe().merge(acme.id(), acme2.id(), MergeChoices.DEFAULTS)).isInstanceOf(AccessDeniedException.class);

        var manager = crm.as(admin);
        EmployerMerge m = manager.dedupe().merge(acme.id(), acme2.id(), new MergeChoices(Map.of("region", MergeChoices.Side.MERGED)));
        assertThat(m.moved()).hasSize(3);
        Employer survivor = s.employers().get(acme.id());
        assertThat(survivor).isEqualTo(preview.result().withStamp(survivor.stamp()));
        assertThat(survivor.tradeNames()).contains("ACME TOOL AND DIE");
        assertThat(survivor.establishments()).hasSize(2);
        assertThat(s.employers().find(acme2.id())).isEmpty();
        assertThat(s.employers().get(acme2.id()).id()).isEqualTo(acme.id());
        assertThat(s.dedupe().resolve(acme2.id())).contains(acme.id());
        assertThat(s.contacts().get(c.contact().id()).contact().employer()).isEqualTo(acme.id());
        assertThat(s.engagements().get(g.id()).employer()).isEqualTo(acme.id());
        assertThat(s.partnerships().get(p.id()).hasMember(acme.id())).isTrue();
        assertThat(s.audit().history(AggregateTypes.EMPLOYER, acme.id(), PageRequest.first(50)).items())
                .anySatisfy(e -> assertThat(e.action()).isEqualTo(DedupeOperations.MERGED));

        // added after the merge: stays with the survivor
        var later = s.contacts().create(Contact.of(acme.id(), "Di", "Later"));
        Employer restored = manager.dedupe().unmerge(acme2.id());
        assertThat(restored).isEqualTo(mergedBefore);
        assertThat(s.employers().get(acme2.id())).isEqualTo(mergedBefore);
        Employer survivorAfter = s.employers().get(acme.id());
        assertThat(survivorAfter).isEqualTo(survivorBefore.withStamp(survivorAfter.stamp()));
        assertThat(s.contacts().get(c.contact().id()).contact().employer()).isEqualTo(acme2.id());
        assertThat(s.contacts().get(later.contact().id()).contact().employer()).isEqualTo(acme.id());
        assertThat(s.engagements().get(g.id()).employer()).isEqualTo(acme2.id());
        assertThat(s.partnerships().get(p.id()).members()).isEqualTo(p.members());
        assertThat(s.dedupe().merges().list(org.sectorcrm.core.dedupe.EmployerMergeFilter.ALL, PageRequest.first()).items()).isEmpty();
        assertThat(s.contacts().count(ContactFilter.atEmployer(acme2.id()))).isEqualTo(1);
    }

    @Test
    void aMergeWithThePreviewsVersionsIsRefusedWhenEitherEmployerChangedSinceAndNothingIsWritten() {
        CrmSession manager = crm.as(admin);
        MergeChoices takeWebsite = new MergeChoices(Map.of("website", MergeChoices.Side.MERGED));
        Employer survivorSeen = manager.employers().get(acme.id());
        Employer mergedSeen = manager.employers().update(acme2.id(), acme2.version(), acme2.withWebsite("https://acme2.example"));
        manager.employers().update(survivorSeen.id(), survivorSeen.version(), survivorSeen.withEmployees(40)); // after the preview

        assertThatThrownBy(() -> manager.dedupe().merge(acme.id(), acme2.id(), takeWebsite, survivorSeen.version(), mergedSeen.version()))
                .isInstanceOf(ConflictException.class).hasMessageContaining(acme.legalName()).hasMessageContaining("the survivor")
                .hasMessageContaining("version " + survivorSeen.version() + " previewed, version " + (survivorSeen.version() + 1) + " stored");
        assertThat(manager.dedupe().resolve(acme2.id())).contains(acme2.id()); // not merged
        assertThat(manager.dedupe().merges().find(org.sectorcrm.core.dedupe.EmployerMergeId.of(acme2.id()))).isEmpty();

        Employer survivorNow = manager.employers().get(acme.id());
        manager.employers().update(acme2.id(), mergedSeen.version(), mergedSeen.withEmployees(7));
        assertThatThrownBy(() -> manager.dedupe().merge(acme.id(), acme2.id(), takeWebsite, survivorNow.version(), mergedSeen.version()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("the merged employer");

        Employer mergedNow = manager.employers().get(acme2.id());
        EmployerMerge m = manager.dedupe().merge(acme.id(), acme2.id(), takeWebsite, survivorNow.version(), mergedNow.version());
        assertThat(m.survivorAfter().website()).isEqualTo("https://acme2.example"); // the field chosen from the merged employer
        assertThatThrownBy(() -> crm.as(staff).dedupe().merge(acme.id(), other.id(), MergeChoices.DEFAULTS, 1, 1))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theMergedEmployersFilesMoveToTheSurvivorAndBackOnUnmerge() {
        // The fixed clock stamps every file at one instant, so the files of one record come in id order: compared as sets.
        var s = crm.as(staff);
        Attachment onMerged = attach(s, "employer", acme2.id().asString());
        Attachment onSurvivor = attach(s, "employer", acme.id().asString());
        Engagement g = s.engagements().create(Engagement.of(acme2.id(), staff.partner(), staff.id(), LocalDate.of(2026, 11, 2), Channel.CALL, "call"));
        Attachment onEngagement = attach(s, "engagement", g.id().asString());
        assertThat(s.dedupe().preview(acme.id(), acme2.id(), MergeChoices.DEFAULTS).moving()).containsEntry("attachment", 1L);

        EmployerMerge m = crm.as(admin).dedupe().merge(acme.id(), acme2.id(), MergeChoices.DEFAULTS);
        assertThat(m.moved()).contains(new org.sectorcrm.core.dedupe.MovedRecord("attachment", onMerged.id().asString(), "ownerId"));
        assertThat(s.attachments().of(AggregateTypes.EMPLOYER, acme.id())).extracting(Attachment::id).containsExactlyInAnyOrder(onSurvivor.id(), onMerged.id());
        assertThat(s.attachments().get(onMerged.id())).isEqualTo(onMerged.ownedBy(acme.id().asString()).withStamp(s.attachments().get(onMerged.id()).stamp()));
        assertThat(s.attachments().get(onEngagement.id()).ownerId()).isEqualTo(g.id().asString()); // a child's file stays with the child

        Attachment later = attach(s, "employer", acme.id().asString());
        crm.as(admin).dedupe().unmerge(acme2.id());
        assertThat(s.attachments().of(AggregateTypes.EMPLOYER, acme2.id())).extracting(Attachment::id).containsExactly(onMerged.id());
        assertThat(s.attachments().of(AggregateTypes.EMPLOYER, acme.id())).extracting(Attachment::id).containsExactlyInAnyOrder(onSurvivor.id(), later.id());
        Attachment back = s.attachments().get(onMerged.id());
        assertThat(back).isEqualTo(onMerged.withStamp(back.stamp()));
    }

    @Test
    void onlyAttachableTypesOwnFilesAndDeletingOneDeletesItsFiles() {
        assertThat(AggregateTypes.all().stream().filter(AggregateType::attachable).map(AggregateType::key)).containsExactlyInAnyOrder("employer",
                "contact", "partnership", "need", "engagement", "solution", "referral", "appointment", "outcome", "feedback");
        var s = crm.as(staff);
        assertThatThrownBy(() -> attach(s, "staffUser", staff.id().asString())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.getMessage()).contains("ownerType").contains("feedback"));
        Attachment a = attach(s, "employer", other.id().asString());
        crm.as(admin).employers().delete(other.id(), s.employers().get(other.id()).version());
        assertThat(crm.as(admin).attachments().find(a.id())).isEmpty();
    }

    private static Attachment attach(CrmSession s, String ownerType, String ownerId) {
        return s.attachments().attach(Attachment.of(ownerType, ownerId, "intake.pdf", "application/pdf", 10, "ab".repeat(32),
                org.sectorcrm.core.engagement.Visibility.PARTNER, s.actor().partner(), s.actor().user()).withId(new AttachmentId(java.util.UUID.randomUUID())));
    }

    @Test
    void mergeRecordsAreWrittenOnlyByMergeAndTombstonesFollowALaterMerge() {
        var manager = crm.as(admin);
        EmployerMerge first = manager.dedupe().merge(acme.id(), acme2.id(), MergeChoices.DEFAULTS);
        assertThatThrownBy(() -> manager.dedupe().merges().delete(first.id(), first.version())).isInstanceOf(ValidationException.class);
        manager.dedupe().merge(other.id(), acme.id(), MergeChoices.DEFAULTS);
        assertThat(manager.dedupe().resolve(acme2.id())).contains(other.id());
        assertThat(manager.dedupe().merges().get(first.id()).survivor()).isEqualTo(other.id());
        assertThatThrownBy(() -> manager.dedupe().unmerge(acme2.id())).isInstanceOf(ConflictException.class);
        manager.dedupe().unmerge(acme.id());
        assertThat(manager.dedupe().resolve(acme2.id())).contains(acme.id());
        manager.dedupe().unmerge(acme2.id());
        assertThat(manager.employers().get(acme2.id())).isEqualTo(acme2);
        assertThat(manager.employers().get(acme.id()).legalName()).isEqualTo(acme.legalName());
    }

    @Test
    void badChoicesAreNamedAndBothMembersOfOnePartnershipIsRefused() {
        assertThatThrownBy(() -> new MergeChoices(Map.of("tags", MergeChoices.Side.MERGED, "nope", MergeChoices.Side.SURVIVOR)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).hasSize(2));
        crm.as(staff).partnerships().create(SectorPartnership.convened("Metal", new RegionCode("NE"), new SectorCode("MFG"), staff.partner())
                .withMembers(List.of(new Member(acme2.id(), MemberRole.CHAMPION), new Member(acme.id(), MemberRole.MEMBER))));
        assertThatThrownBy(() -> crm.as(admin).dedupe().merge(acme.id(), acme2.id(), MergeChoices.DEFAULTS)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("members");
        assertThat(crm.as(admin).employers().find(acme2.id())).isPresent();
    }

    private static List<CandidatePair> scanAll(DedupeOperations d) {
        List<CandidatePair> all = new java.util.ArrayList<>();
        Page<CandidatePair> page = d.scan(PageRequest.first(50));
        all.addAll(page.items());
        while (page.hasNext()) {
            page = d.scan(PageRequest.after(page.nextCursor(), 50));
            all.addAll(page.items());
        }
        return all;
    }
}
