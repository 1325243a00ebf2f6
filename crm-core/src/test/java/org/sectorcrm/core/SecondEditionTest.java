package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentFilter;
import org.sectorcrm.core.appointment.AppointmentStatus;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.FieldChange;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.PhoneNumber;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.type.AggregateTypes;

/** What the second edition adds to the application API: field history, appointments, follow-ups, the timeline, update by id. */
class SecondEditionTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneOffset.UTC);
    private Crm crm;
    private StaffUser admin;
    private StaffUser board;
    private StaffUser college;
    private StaffUser viewer;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().storage(new InMemoryCrmStorage()).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(11))).build();
        admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        var reference = crm.as(admin).reference();
        Partner harper = reference.partners().create(Partner.named("Harper College", PartnerKind.COMMUNITY_COLLEGE));
        board = reference.staffUsers().create(StaffUser.of(admin.partner(), "Bo Board", "bo@board.example", Role.STAFF));
        college = reference.staffUsers().create(StaffUser.of(harper.id(), "Di College", "di@college.example", Role.STAFF));
        viewer = reference.staffUsers().create(StaffUser.of(harper.id(), "Vi Viewer", "vi@college.example", Role.VIEWER));
    }

    private Employer acme() {
        return crm.as(board).employers().create(Employer.named("Acme Tool & Die, Inc.").withFein(Fein.parse("36-1234567"))
                .withPhone(PhoneNumber.parse("(815) 555-0100")));
    }

    @Nested
    class History {
        @Test
        void everyChangedFieldIsRecordedWithItsOldAndNewValue() {
            Employer e = acme();
            crm.as(board).employers().update(e.id(), e.version(), e.withFein(Fein.parse("36-7654321")).withLegalName("Acme Tool and Die"));
            List<AuditEntry> history = crm.as(viewer).audit().history(AggregateTypes.EMPLOYER, e.id(), PageRequest.first()).items();
            assertThat(history).extracting(AuditEntry::action).containsExactly("CREATE", "UPDATE");
            assertThat(history.get(1).actor()).isEqualTo(board.id());
            assertThat(history.get(1).changes()).containsExactlyInAnyOrder(
                    FieldChange.of("legalName", "Acme Tool & Die, Inc.", "Acme Tool and Die"),
                    FieldChange.of("fein", "36-1234567", "36-7654321"));
        }

        @Test
        void contactPiiInTheHistoryIsMaskedForViewers() {
            Employer e = acme();
            ContactView c = crm.as(board).contacts().create(Contact.of(e.id(), "Ana", "López").withEmail(EmailAddress.parse("ana@acme.example")));
            Contact stored = c.contact();
            crm.as(board).contacts().update(stored.id(), stored.version(), stored.withEmail(EmailAddress.parse("ana.lopez@acme.example")));
            FieldChange forStaff = crm.as(college).audit().history(AggregateTypes.CONTACT, stored.id(), PageRequest.first()).items().get(1)
                    .changes().get(0);
            FieldChange forViewer = crm.as(viewer).audit().history(AggregateTypes.CONTACT, stored.id(), PageRequest.first()).items().get(1)
                    .changes().get(0);
            assertThat(forStaff).isEqualTo(new FieldChange("email", "ana@acme.example", "ana.lopez@acme.example", FieldChange.PII));
            assertThat(forViewer.before()).isEqualTo("***");
            assertThat(forViewer.after()).isEqualTo("***");
            assertThat(forViewer.toString()).doesNotContain("ana");
        }

        @Test
        void noteTextInTheHistoryShowsOnlyToThoseWhoMayReadTheNote() {
            Employer e = acme();
            Engagement g = crm.as(board).engagements().create(Engagement.of(e.id(), admin.partner(), board.id(), LocalDate.of(2026, 10, 1),
                    Channel.CALL, "Call"));
            crm.as(board).engagements().addNote(g.id(), g.version(), Visibility.PARTNER, "Board only: layoffs rumoured");
            Engagement shared = crm.as(board).engagements().get(g.id());
            crm.as(board).engagements().addNote(g.id(), shared.version(), Visibility.SHARED, "Wants welders");
            List<FieldChange> forCollege = crm.as(college).audit().history(AggregateTypes.ENGAGEMENT, g.id(), PageRequest.first()).items().stream()
                    .flatMap(a -> a.changes().stream()).toList();
            List<FieldChange> forBoard = crm.as(board).audit().history(AggregateTypes.ENGAGEMENT, g.id(), PageRequest.first()).items().stream()
                    .flatMap(a -> a.changes().stream()).toList();
            assertThat(forBoard).extracting(FieldChange::after).contains("Board only: layoffs rumoured", "Wants welders");
            assertThat(forCollege).extracting(FieldChange::after).contains("Wants welders").doesNotContain("Board only: layoffs rumoured");
            assertThat(forCollege.toString()).doesNotContain("layoffs");
        }
    }

    @Nested
    class Appointments {
        private Appointment schedule(Employer e) {
            return crm.as(board).appointments().create(Appointment.scheduled(e.id(), admin.partner(), board.id(), "Site visit",
                    LocalDateTime.of(2026, 11, 10, 10, 0), LocalDateTime.of(2026, 11, 10, 11, 0), ZoneId.of("America/Chicago"))
                    .attendedBy(Set.of(), Set.of(college.id())));
        }

        @Test
        void scheduledThenHeldWithTheEngagementItProduced() {
            Employer e = acme();
            Appointment a = schedule(e);
            assertThat(a.status()).isEqualTo(AppointmentStatus.SCHEDULED);
            assertThat(a.startsAt()).isEqualTo(Instant.parse("2026-11-10T16:00:00Z"));
            Engagement g = crm.as(board).engagements().create(Engagement.of(e.id(), admin.partner(), board.id(), LocalDate.of(2026, 11, 10),
                    Channel.SITE_VISIT, "Visit held"));
            Appointment held = crm.as(board).appointments().hold(a.id(), a.version(), g.id());
            assertThat(held.status()).isEqualTo(AppointmentStatus.HELD);
            assertThat(held.produced()).isEqualTo(g.id());
            assertThatThrownBy(() -> crm.as(board).appointments().cancel(a.id(), held.version(), "too late"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("status");
        }

        @Test
        void theStatusMovesOnlyThroughTheLifecycleAndOnlyAScheduledOneIsRescheduled() {
            Appointment a = schedule(acme());
            assertThatThrownBy(() -> crm.as(board).appointments().update(a.id(), a.version(), a.cancel("no")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("lifecycle");
            Appointment moved = crm.as(board).appointments().reschedule(a.id(), a.version(), LocalDateTime.of(2026, 11, 12, 9, 0),
                    LocalDateTime.of(2026, 11, 12, 9, 30), ZoneId.of("America/Chicago"));
            assertThat(moved.start()).isEqualTo(LocalDateTime.of(2026, 11, 12, 9, 0));
            Appointment cancelled = crm.as(board).appointments().cancel(a.id(), moved.version(), "Plant closed");
            assertThat(cancelled.cancelReason()).isEqualTo("Plant closed");
            assertThatThrownBy(() -> crm.as(board).appointments().reschedule(a.id(), cancelled.version(), LocalDateTime.of(2026, 11, 13, 9, 0),
                    LocalDateTime.of(2026, 11, 13, 9, 30), ZoneId.of("America/Chicago"))).isInstanceOf(ValidationException.class);
        }

        @Test
        void anAppointmentIsRefusedWithEveryBadFieldNamed() {
            Employer e = acme();
            assertThatThrownBy(() -> Appointment.scheduled(e.id(), admin.partner(), board.id(), " ", LocalDateTime.of(2026, 11, 10, 10, 0),
                    LocalDateTime.of(2026, 11, 10, 9, 0), ZoneId.of("UTC")).at(null, "javascript:alert(1)"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("appointment.title").hasMessageContaining("appointment.end");
            assertThatThrownBy(() -> Appointment.scheduled(e.id(), admin.partner(), board.id(), "Visit", LocalDateTime.of(2026, 11, 10, 10, 0),
                    LocalDateTime.of(2026, 11, 10, 11, 0), ZoneId.of("UTC")).at(null, "javascript:alert(1)"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("appointment.videoLink");
            assertThatThrownBy(() -> crm.as(college).appointments().create(Appointment.scheduled(e.id(), admin.partner(), board.id(), "Visit",
                    LocalDateTime.of(2026, 11, 10, 10, 0), LocalDateTime.of(2026, 11, 10, 11, 0), ZoneId.of("UTC"))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("organizerPartner");
        }

        @Test
        void aStaffCalendarHoldsWhatTheyOrganiseAndAttendInTheWindow() {
            Employer e = acme();
            Appointment a = schedule(e);
            assertThat(crm.as(college).appointments().list(AppointmentFilter.calendarOf(college.id()), PageRequest.first()).items()).containsExactly(a);
            assertThat(crm.as(college).appointments().list(AppointmentFilter.calendarOf(viewer.id()), PageRequest.first()).items()).isEmpty();
            var window = new AppointmentFilter(null, null, null, board.id(), null, Instant.parse("2026-11-10T17:00:00Z"), null);
            assertThat(crm.as(board).appointments().list(window, PageRequest.first()).items()).as("ends at 17:00Z, outside").isEmpty();
        }
    }

    @Nested
    class FollowUpsAndTimeline {
        @Test
        void followUpsDueOrOverdueForMyPartnerSoonestFirst() {
            Employer e = acme();
            var ops = crm.as(board).engagements();
            Engagement later = ops.create(Engagement.of(e.id(), admin.partner(), board.id(), LocalDate.of(2026, 10, 1), Channel.CALL, "a")
                    .withFollowUpDue(LocalDate.of(2026, 11, 2)));
            Engagement overdue = ops.create(Engagement.of(e.id(), admin.partner(), board.id(), LocalDate.of(2026, 10, 2), Channel.CALL, "b")
                    .withFollowUpDue(LocalDate.of(2026, 10, 20)));
            ops.create(Engagement.of(e.id(), admin.partner(), board.id(), LocalDate.of(2026, 10, 3), Channel.CALL, "c")
                    .withFollowUpDue(LocalDate.of(2026, 12, 1)));
            crm.as(college).engagements().create(Engagement.of(e.id(), college.partner(), college.id(), LocalDate.of(2026, 9, 3), Channel.CALL, "d")
                    .withFollowUpDue(LocalDate.of(2026, 10, 1)));
            assertThat(ops.followUpsDue(LocalDate.of(2026, 11, 2))).containsExactly(overdue, later);
        }

        @Test
        void theTimelineIsNewestFirst() {
            Employer e = acme();
            var ops = crm.as(board).engagements();
            Engagement old = ops.create(Engagement.of(e.id(), admin.partner(), board.id(), LocalDate.of(2026, 9, 1), Channel.CALL, "old"));
            Engagement recent = ops.create(Engagement.of(e.id(), admin.partner(), board.id(), LocalDate.of(2026, 10, 1), Channel.CALL, "recent"));
            Engagement middle = ops.create(Engagement.of(e.id(), admin.partner(), board.id(), LocalDate.of(2026, 9, 15), Channel.CALL, "middle"));
            assertThat(ops.timeline(e.id(), 10)).containsExactly(recent, middle, old);
            assertThat(ops.timeline(e.id(), 2)).containsExactly(recent, middle);
        }
    }

    @Nested
    class UpdateById {
        @Test
        void theVersionIsPassedExplicitlyAndAStaleOneConflicts() {
            Employer e = acme();
            Employer renamed = crm.as(board).employers().update(e.id(), 1, Employer.named("Acme Tool & Die Co.").withFein(e.fein()));
            assertThat(renamed.version()).isEqualTo(2);
            assertThat(renamed.stamp().createdAt()).isEqualTo(e.stamp().createdAt());
            assertThatThrownBy(() -> crm.as(board).employers().update(e.id(), 1, Employer.named("Stale")))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void anIdInTheRecordMustBeTheNamedOne() {
            Employer e = acme();
            Employer other = crm.as(board).employers().create(Employer.named("Other"));
            assertThatThrownBy(() -> crm.as(board).employers().update(e.id(), 1, other))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("employer.id");
        }
    }
}
