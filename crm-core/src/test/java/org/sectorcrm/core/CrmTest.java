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
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.partnership.PartnershipStage;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.PhoneNumber;
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
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.solution.SolutionType;

class CrmTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneOffset.UTC);
    private final List<DomainEvent> events = new ArrayList<>();
    private InMemoryCrmStorage storage;
    private Crm crm;
    private StaffUser admin;
    private StaffUser boardStaff;
    private StaffUser boardColleague;
    private StaffUser collegeStaff;
    private StaffUser viewer;
    private Partner college;

    @BeforeEach
    void setUp() {
        storage = new InMemoryCrmStorage();
        crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(7))).listener(events::add).build();
        admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        var reference = crm.as(admin).reference();
        reference.regions().create(Region.of("IL-EDR-4", "Northeast", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook", "DuPage")));
        reference.sectors().create(Sector.of("MFG", "Manufacturing", List.of("31", "32", "33")));
        reference.sectors().create(Sector.of("AUTO", "Automotive", List.of("3361")));
        college = reference.partners().create(Partner.named("Harper College", PartnerKind.COMMUNITY_COLLEGE));
        boardStaff = reference.staffUsers().create(StaffUser.of(admin.partner(), "Bo Board", "bo@board.example", Role.STAFF));
        boardColleague = reference.staffUsers().create(StaffUser.of(admin.partner(), "Cy Board", "cy@board.example", Role.STAFF));
        collegeStaff = reference.staffUsers().create(StaffUser.of(college.id(), "Di College", "di@college.example", Role.STAFF));
        viewer = reference.staffUsers().create(StaffUser.of(college.id(), "Vi Viewer", "vi@college.example", Role.VIEWER));
        events.clear();
    }

    private Employer acme() {
        return crm.as(boardStaff).employers().create(Employer.named("Acme Tool & Die, Inc.")
                .withFein(Fein.parse("36-1234567"))
                .withNaics(NaicsCode.of("336110"))
                .withRegion(new RegionCode("IL-EDR-4"))
                .withEstablishments(List.of(Establishment.primary("Main plant", new Address("1 Main St", "Elgin", "il", "60120"), "Kane"))));
    }

    @Nested
    class Employers {
        @Test
        void createAssignsIdStampEstablishmentIdsAndDerivesTheSector() {
            Employer e = acme();
            assertThat(e.id()).isNotNull();
            assertThat(e.stamp()).isEqualTo(new Stamp(1, clock.instant(), clock.instant(), admin.partner()));
            assertThat(e.sector()).isEqualTo(new SectorCode("AUTO"));
            assertThat(e.establishments()).allSatisfy(s -> assertThat(s.id()).isNotNull());
            assertThat(e.establishments().get(0).address().state()).isEqualTo("IL");
            assertThat(crm.as(viewer).employers().get(e.id())).isEqualTo(e);
        }

        @Test
        void invalidInputListsEveryViolatedFieldAndStoresNothing() {
            assertThatThrownBy(() -> new Employer(null, null, " ", List.of(), null, null, null, null, List.of(), -3, null, null, Set.of(), null, null))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.violations()).extracting(FieldViolation::path)
                                .containsExactlyInAnyOrder("employer.legalName", "employer.status", "employer.employees");
                    });
            assertThatThrownBy(() -> crm.as(boardStaff).employers().create(Employer.named("Ghost").withRegion(new RegionCode("NOWHERE"))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.names("employer.region")).isTrue());
            assertThat(crm.as(admin).employers().count(EmployerFilter.ALL)).isZero();
            assertThat(events).isEmpty();
        }

        @Test
        void aStaleUpdateIsRejectedWithTheCurrentVersionAndChangesNothing() {
            Employer e = acme();
            Employer first = crm.as(boardStaff).employers().update(e.withWebsite("https://acme.example"));
            assertThat(first.version()).isEqualTo(2);
            assertThatThrownBy(() -> crm.as(collegeStaff).employers().update(e.withEmployees(40)))
                    .isInstanceOfSatisfying(ConflictException.class, c -> assertThat(c.currentVersion()).hasValue(2));
            assertThat(crm.as(admin).employers().get(e.id())).isEqualTo(first);
        }

        @Test
        void anUpdateThatChangesNothingWritesNothing() {
            Employer e = acme();
            assertThat(crm.as(boardStaff).employers().update(e)).isEqualTo(e);
            assertThat(events).hasSize(1);
        }

        @Test
        void duplicateFeinIsAConflict() {
            acme();
            assertThatThrownBy(() -> crm.as(boardStaff).employers().create(Employer.named("Other").withFein(Fein.parse("36-1234567"))))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("fein");
        }

        @Test
        void viewersCannotWriteAndOnlyAdminsWriteReferenceData() {
            assertThatThrownBy(() -> crm.as(viewer).employers().create(Employer.named("X"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> crm.as(boardStaff).reference().sectors().create(Sector.of("X", "X", List.of("11"))))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("ADMIN");
        }

        @Test
        void searchFindsWholeWordsOfThreeOrMoreLettersCaseInsensitively() {
            Employer e = acme();
            assertThat(crm.as(viewer).employers().search("ACME die", PageRequest.first()).items()).containsExactly(e);
            assertThat(crm.as(viewer).employers().search("acme plastics", PageRequest.first()).items()).isEmpty();
            assertThatThrownBy(() -> crm.as(viewer).employers().search("a b", PageRequest.first())).isInstanceOf(ValidationException.class);
        }
    }

    @Nested
    class Visibility_ {
        @Test
        void noteTextFollowsItsVisibilityForEveryRoleIncludingAdmin() {
            Employer e = acme();
            Engagement logged = crm.as(boardStaff).engagements().create(Engagement.of(e.id(), admin.partner(), boardStaff.id(),
                    LocalDate.of(2026, 10, 1), Channel.SITE_VISIT, "Plant tour with the HR director")
                    .withServices(Set.of(EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE))
                    .withNotes(List.of(
                            new Note(null, boardStaff.id(), admin.partner(), Visibility.SHARED, "Wants welders", clock.instant()),
                            new Note(null, boardStaff.id(), admin.partner(), Visibility.PARTNER, "Board only: layoffs rumoured", clock.instant()),
                            new Note(null, boardStaff.id(), admin.partner(), Visibility.PRIVATE, "Private: owner is retiring", clock.instant()))));

            assertThat(logged.notes()).hasSize(3);
            assertThat(logged.establishment()).isEqualTo(e.establishments().get(0).id());
            assertThat(texts(crm.as(boardColleague).engagements().get(logged.id()))).containsExactly("Wants welders", "Board only: layoffs rumoured");
            assertThat(texts(crm.as(collegeStaff).engagements().get(logged.id()))).containsExactly("Wants welders");
            assertThat(texts(crm.as(admin).engagements().get(logged.id()))).containsExactly("Wants welders", "Board only: layoffs rumoured");

            assertThat(crm.as(collegeStaff).engagements().search("layoffs", PageRequest.first()).items()).isEmpty();
            assertThat(crm.as(admin).engagements().search("retiring", PageRequest.first()).items()).isEmpty();
            assertThat(crm.as(boardStaff).engagements().search("retiring", PageRequest.first()).items()).hasSize(1);
        }

        @Test
        void anUpdateByAColleagueKeepsTheNotesTheyCannotSee() {
            Employer e = acme();
            Engagement logged = crm.as(boardStaff).engagements().create(Engagement.of(e.id(), admin.partner(), boardStaff.id(),
                    LocalDate.of(2026, 10, 1), Channel.CALL, "Call").withNotes(List.of(
                            new Note(null, boardStaff.id(), admin.partner(), Visibility.PRIVATE, "mine", clock.instant()))));
            Engagement seen = crm.as(boardColleague).engagements().get(logged.id());
            assertThat(seen.notes()).isEmpty();
            crm.as(boardColleague).engagements().update(seen.withSummary("Call about apprenticeships"));
            Engagement after = crm.as(boardStaff).engagements().get(logged.id());
            assertThat(after.summary()).isEqualTo("Call about apprenticeships");
            assertThat(texts(after)).containsExactly("mine");
        }

        @Test
        void viewersSeeContactPiiMaskedAndStaffInTheClear() {
            Employer e = acme();
            Contact c = Contact.of(e.id(), "Ana", "López").withEmail(EmailAddress.parse("ana@acme.example"))
                    .withPhone(PhoneNumber.parse("312-555-0142"));
            ContactView created = crm.as(boardStaff).contacts().create(c);
            ContactView masked = crm.as(viewer).contacts().get(created.contact().id());
            assertThat(masked.masked()).isTrue();
            assertThat(masked.email()).isEqualTo("a***@acme.example");
            assertThat(masked.phone()).isEqualTo("(***) ***-0142");
            assertThat(masked.contact().email()).isNull();
            assertThat(crm.as(collegeStaff).contacts().get(created.contact().id()).email()).isEqualTo("ana@acme.example");

            // a viewer cannot confirm a guessed address through a filter or a search
            var byEmail = new org.sectorcrm.core.contact.ContactFilter(null, EmailAddress.parse("ana@acme.example"), null, null);
            assertThatThrownBy(() -> crm.as(viewer).contacts().list(byEmail, PageRequest.first())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> crm.as(viewer).contacts().count(byEmail)).isInstanceOf(AccessDeniedException.class);
            assertThat(crm.as(collegeStaff).contacts().list(byEmail, PageRequest.first()).items()).hasSize(1);
            assertThat(crm.as(viewer).contacts().search("ana acme example", PageRequest.first()).items()).isEmpty();
            assertThat(crm.as(collegeStaff).contacts().search("ana acme example", PageRequest.first()).items()).hasSize(1);
            assertThat(crm.as(viewer).contacts().search("López", PageRequest.first()).items()).singleElement()
                    .satisfies(v -> assertThat(v.email()).isEqualTo("a***@acme.example"));
        }

        @Test
        void onlyTheOwningPartnerDeletesAnEngagementAndOnlyTheTwoPartnersChangeAReferral() {
            Employer e = acme();
            Engagement logged = crm.as(boardStaff).engagements().create(Engagement.of(e.id(), admin.partner(), boardStaff.id(),
                    LocalDate.of(2026, 10, 1), Channel.CALL, "Call").withNotes(List.of(
                            new Note(null, boardStaff.id(), admin.partner(), Visibility.PRIVATE, "mine", clock.instant()))));
            assertThatThrownBy(() -> crm.as(collegeStaff).engagements().delete(logged.id(), logged.version()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(crm.as(boardStaff).engagements().find(logged.id())).isPresent();

            Partner chamber = crm.as(admin).reference().partners().create(Partner.named("Chamber", PartnerKind.CHAMBER_OF_COMMERCE));
            StaffUser chamberStaff = crm.as(admin).reference().staffUsers().create(StaffUser.of(chamber.id(), "Ed", "ed@chamber.example", Role.STAFF));
            Referral sent = crm.as(boardStaff).referrals().create(Referral.sent(admin.partner(), boardStaff.id(), college.id(), e.id(),
                    "Customized training", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9)));
            assertThatThrownBy(() -> crm.as(chamberStaff).referrals().update(sent.withExternalReference("case-1")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> crm.as(collegeStaff).referrals().delete(sent.id(), sent.version())).isInstanceOf(AccessDeniedException.class);
            assertThat(crm.as(collegeStaff).referrals().update(sent.withExternalReference("case-1")).externalReference()).isEqualTo("case-1");
            crm.as(boardStaff).referrals().delete(sent.id(), 2);
            crm.as(boardStaff).engagements().delete(logged.id(), logged.version());
            assertThat(crm.as(boardStaff).engagements().find(logged.id())).isEmpty();
        }

        private List<String> texts(Engagement e) {
            return e.notes().stream().map(Note::text).toList();
        }
    }

    @Nested
    class Lifecycles {
        @Test
        void decliningAReferralNeedsAReasonAndOnlyTheReceiverAnswers() {
            Employer e = acme();
            Referral sent = crm.as(boardStaff).referrals().create(Referral.sent(admin.partner(), boardStaff.id(), college.id(), e.id(),
                    "Customized CNC training", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9)));
            assertThatThrownBy(() -> crm.as(collegeStaff).referrals().decline(sent.id(), 1, " "))
                    .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.names("referral.declineReason")).isTrue());
            assertThatThrownBy(() -> crm.as(boardStaff).referrals().accept(sent.id(), 1)).isInstanceOf(AccessDeniedException.class);
            Referral declined = crm.as(collegeStaff).referrals().decline(sent.id(), 1, "No instructor until spring");
            assertThat(declined.status()).isEqualTo(ReferralStatus.DECLINED);
            assertThat(events).last().isInstanceOfSatisfying(DomainEvent.StatusChanged.class, s -> {
                assertThat(s.from()).isEqualTo("SENT");
                assertThat(s.to()).isEqualTo("DECLINED");
            });
            assertThatThrownBy(() -> crm.as(collegeStaff).referrals().accept(sent.id(), declined.version()))
                    .hasMessageContaining("DECLINED is final");
        }

        @Test
        void aStatusCannotBeChangedByUpdateAndAProposalCannotJumpToCompleted() {
            Employer e = acme();
            Solution s = crm.as(boardStaff).solutions().create(Solution.proposed(e.id(), SolutionType.CUSTOMIZED_TRAINING, "CNC", admin.partner()));
            assertThatThrownBy(() -> crm.as(boardStaff).solutions().moveTo(s.id(), 1, SolutionStatus.COMPLETED))
                    .hasMessageContaining("cannot move from PROPOSED to COMPLETED");
            assertThatThrownBy(() -> crm.as(boardStaff).solutions().update(s.moveTo(SolutionStatus.AGREED)))
                    .hasMessageContaining("lifecycle");
            assertThat(crm.as(boardStaff).solutions().moveTo(s.id(), 1, SolutionStatus.AGREED).status()).isEqualTo(SolutionStatus.AGREED);
        }

        @Test
        void aPartnershipMovesOnlyAlongThePlaybookOrToDormant() {
            SectorPartnership p = crm.as(boardStaff).partnerships().create(SectorPartnership.convened("Fox Valley Manufacturing",
                    new RegionCode("IL-EDR-4"), new SectorCode("MFG"), admin.partner()));
            assertThatThrownBy(() -> crm.as(boardStaff).partnerships().advanceTo(p.id(), 1, PartnershipStage.LAUNCHED))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("BUILDING_CONSENSUS");
            SectorPartnership next = crm.as(boardStaff).partnerships().advanceTo(p.id(), 1, PartnershipStage.ORGANIZING_LAUNCH);
            assertThat(crm.as(boardStaff).partnerships().advanceTo(p.id(), next.version(), PartnershipStage.DORMANT).stage())
                    .isEqualTo(PartnershipStage.DORMANT);
        }
    }

    @Nested
    class AuditAndEvents {
        @Test
        void everyWriteIsAuditedAndPublishedAfterCommitAndLoggedForIntegrations() {
            Employer e = acme();
            crm.as(boardStaff).employers().update(e.withWebsite("https://acme.example"));
            assertThat(events).hasSize(2);
            assertThat(events.get(0)).isInstanceOf(DomainEvent.Created.class);
            assertThat(events.get(1)).isInstanceOfSatisfying(DomainEvent.Changed.class,
                    c -> assertThat(c.changedFields()).containsExactly("website"));
            var audit = crm.as(admin).audit().query(AuditFilter.forRecord("employer", e.id().asString()), PageRequest.first()).items();
            assertThat(audit).extracting(a -> a.action()).containsExactly("CREATE", "UPDATE");
            assertThat(audit.get(1).changedFields()).containsExactly("website");
            assertThat(audit.get(1).actor()).isEqualTo(boardStaff.id());
            var logged = crm.events().after(0, 100);
            assertThat(logged.subList(logged.size() - 2, logged.size())).extracting(se -> se.event()).containsExactlyElementsOf(events);
            assertThat(logged.get(logged.size() - 1).event().recordType()).isEqualTo(AggregateTypes.EMPLOYER);
        }

        @Test
        void aFailedWritePublishesNothingAndLeavesNoAuditEntry() {
            long before = crm.events().after(0, 1000).size();
            assertThatThrownBy(() -> crm.as(boardStaff).contacts().create(Contact.of(new org.sectorcrm.core.employer.EmployerId(java.util.UUID.randomUUID()), "A", "B")))
                    .isInstanceOf(ValidationException.class);
            assertThat(events).isEmpty();
            assertThat(crm.events().after(0, 1000)).hasSize((int) before);
        }

        @Test
        void piiExportsAreAuditedAndOnlyManagersReadTheTrail() {
            crm.as(viewer).audit().recordPiiExport("contact", 12, "contacts.csv");
            assertThatThrownBy(() -> crm.as(viewer).audit().query(AuditFilter.ALL, PageRequest.first())).isInstanceOf(AccessDeniedException.class);
            var exports = crm.as(admin).audit().query(new AuditFilter(null, null, null, AuditOperations.EXPORT_PII, null, null), PageRequest.first());
            assertThat(exports.items()).singleElement().satisfies(a -> {
                assertThat(a.actor()).isEqualTo(viewer.id());
                assertThat(a.detail()).contains("12 records");
            });
        }

        @Test
        void bootstrapRefusesOnceStaffExist() {
            assertThatThrownBy(() -> crm.bootstrap(Partner.named("X", PartnerKind.OTHER), "X", "x@x.example"))
                    .isInstanceOf(ConflictException.class);
        }
    }
}
