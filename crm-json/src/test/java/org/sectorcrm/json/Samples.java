package org.sectorcrm.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentId;
import org.sectorcrm.core.appointment.AppointmentStatus;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditId;
import org.sectorcrm.core.audit.FieldChange;
import org.sectorcrm.core.contact.Consent;
import org.sectorcrm.core.contact.ConsentChannel;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactRole;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.employer.RelationshipLead;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.engagement.NoteId;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.feedback.FeedbackId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.outcome.Direction;
import org.sectorcrm.core.outcome.Metric;
import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.outcome.OutcomeId;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.ActionTeam;
import org.sectorcrm.core.partnership.Commitment;
import org.sectorcrm.core.partnership.CommitmentKind;
import org.sectorcrm.core.partnership.Member;
import org.sectorcrm.core.partnership.MemberRole;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.partnership.PartnershipStage;
import org.sectorcrm.core.partnership.Priority;
import org.sectorcrm.core.partnership.PriorityStatus;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.CatalogService;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.PhoneNumber;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.FollowUp;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionId;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.solution.SolutionType;

/**
 * A fully-populated and a minimal instance of every type the mapping covers. Full instances use every field,
 * text at exactly the maximum length of {@link Limits} and non-ASCII text (accents, CJK, an emoji).
 */
public final class Samples {
    public static final String UNICODE = "Größe Café 工場 – “quoted” \\ back/slash \"dq\" 😀\nsecond line\ttab";
    public static final Instant T0 = Instant.parse("2025-03-01T14:05:00.123456789Z");
    public static final Instant T1 = Instant.parse("2025-03-02T09:00:00Z");
    public static final LocalDate D0 = LocalDate.of(2025, 3, 1);

    public static final PartnerId PARTNER = new PartnerId(uuid(1));
    public static final PartnerId PARTNER_2 = new PartnerId(uuid(2));
    public static final StaffUserId STAFF = new StaffUserId(uuid(3));
    public static final EmployerId EMPLOYER = new EmployerId(uuid(4));
    public static final EmployerId EMPLOYER_2 = new EmployerId(uuid(5));
    public static final ContactId CONTACT = new ContactId(uuid(6));
    public static final ContactId CONTACT_2 = new ContactId(uuid(7));
    public static final NeedId NEED = new NeedId(uuid(8));
    public static final NeedId NEED_2 = new NeedId(uuid(9));
    public static final PartnershipId PARTNERSHIP = new PartnershipId(uuid(10));
    public static final SolutionId SOLUTION = new SolutionId(uuid(11));
    public static final EngagementId ENGAGEMENT = new EngagementId(uuid(12));
    public static final RegionCode REGION = new RegionCode("IL-EDR-4");
    public static final SectorCode SECTOR = new SectorCode("MFG");
    public static final Stamp STAMP = new Stamp(7, T0, T1, PARTNER);

    private Samples() {
    }

    public static UUID uuid(int n) {
        return UUID.fromString(String.format("0190f5a2-7c3e-7abc-8def-%012d", n));
    }

    /** Text of exactly {@code length} UTF-16 units with non-ASCII letters, never ending inside a surrogate pair. */
    public static String text(int length) {
        String unit = "Ärger 工場 é ";
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            sb.append(unit);
        }
        sb.setLength(length);
        return sb.toString();
    }

    /** A tag or code of exactly {@code length} characters matching the tag pattern. */
    public static String tag(String start, int length) {
        StringBuilder sb = new StringBuilder(start);
        while (sb.length() < length) {
            sb.append('x');
        }
        return sb.substring(0, length);
    }

    public static Region regionFull() {
        return new Region(REGION, STAMP, text(Limits.NAME), RegionKind.ECONOMIC_DEVELOPMENT_REGION,
                List.of("Cook", "DuPage", UNICODE, text(Limits.NAME)));
    }

    public static Region regionMinimal() {
        return new Region(new RegionCode("R"), null, "R", RegionKind.OTHER, List.of());
    }

    public static Sector sectorFull() {
        return new Sector(SECTOR, STAMP, text(Limits.NAME), List.of("31", "32", "33", "3361", "336110"));
    }

    public static Sector sectorMinimal() {
        return new Sector(new SectorCode("S"), null, "S", List.of());
    }

    public static Partner partnerFull() {
        return new Partner(PARTNER, STAMP, text(Limits.NAME), PartnerKind.WIOA_TITLE_III_WAGNER_PEYSER,
                Set.of(REGION, new RegionCode("IL-LWA-7")),
                List.of(new CatalogService(UNICODE, EseCategory.TRAINING_SERVICES, text(Limits.DESCRIPTION)),
                        new CatalogService("Job fairs", EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE, null)),
                false);
    }

    public static Partner partnerMinimal() {
        return Partner.named("P", PartnerKind.OTHER);
    }

    public static StaffUser staffUserFull() {
        return new StaffUser(STAFF, STAMP, PARTNER, text(Limits.NAME), new EmailAddress("jöns.o'brien+crm@例え.example.com"), Role.MANAGER, false);
    }

    public static StaffUser staffUserMinimal() {
        return StaffUser.of(PARTNER, "A", "a@b.co", Role.VIEWER);
    }

    public static Employer employerFull() {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put(tag("k", Limits.CODE), text(Limits.DESCRIPTION));
        custom.put("Größe", UNICODE);
        return new Employer(EMPLOYER, STAMP, text(Limits.NAME), List.of(UNICODE, text(Limits.NAME)), Fein.parse("36-1234567"),
                NaicsCode.of("336110"), SECTOR, REGION,
                List.of(new Establishment(new EstablishmentId(uuid(20)), "Plant 1",
                                new Address(text(Limits.NAME), text(Limits.NAME), "IL", "60601-1234"), "Cook", tag("UI", Limits.CODE),
                                NaicsCode.of("336110"), true),
                        new Establishment(new EstablishmentId(uuid(21)), UNICODE, new Address(null, null, null, "62701"), null, null, null, false),
                        new Establishment(null, "Depot", null, null, null, null, false)),
                12_000, "https://acme.example.com/ü", EmployerStatus.ACTIVE,
                Set.of("supply chain", tag("Ü", 100), "a.b_c-d"), new RelationshipLead(PARTNER, STAFF), custom, PhoneNumber.parse("(312) 555-0100 x7"));
    }

    public static Employer employerMinimal() {
        return Employer.named("E");
    }

    public static Contact contactFull() {
        return new Contact(CONTACT, STAMP, EMPLOYER, text(Limits.NAME), UNICODE, text(Limits.NAME), EmailAddress.parse("Jane.Doe@Example.com"),
                PhoneNumber.parse("(312) 555-0142 x12"), Set.of(ContactRole.CHAMPION, ContactRole.HR, ContactRole.OTHER),
                List.of(new Consent(ConsentChannel.EMAIL, T0, text(Limits.NAME)), new Consent(ConsentChannel.SMS, T1, "event sign-in")), false);
    }

    public static Contact contactMinimal() {
        return Contact.of(EMPLOYER, null, "D");
    }

    public static Engagement engagementFull() {
        return new Engagement(ENGAGEMENT, STAMP, EMPLOYER, new EstablishmentId(uuid(20)), PARTNERSHIP, PARTNER, STAFF, D0, Channel.SITE_VISIT,
                true, text(Limits.DESCRIPTION),
                List.of(new Note(new NoteId(uuid(30)), STAFF, PARTNER, Visibility.PRIVATE, text(Limits.NOTE), T0),
                        new Note(null, STAFF, PARTNER_2, Visibility.SHARED, UNICODE, T1)),
                Set.of(CONTACT_2, CONTACT), Set.of(EseCategory.TRAINING_SERVICES, EseCategory.EMPLOYER_INFORMATION_AND_SUPPORT),
                Set.of(NEED, NEED_2), D0.plusDays(14), tag("ext-", Limits.CODE));
    }

    public static Engagement engagementMinimal() {
        return Engagement.of(EMPLOYER, PARTNER, STAFF, D0, Channel.COLD_CALL, "S");
    }

    public static BusinessNeed needFull() {
        return new BusinessNeed(NEED, STAMP, EMPLOYER, PARTNERSHIP, NeedCategory.WORK_BASED_LEARNING, text(Limits.DESCRIPTION), Urgency.CRITICAL,
                NeedStatus.MET, D0, D0.plusDays(30));
    }

    public static BusinessNeed needMinimal() {
        return BusinessNeed.raised(EMPLOYER, NeedCategory.OTHER, "N", Urgency.LOW, D0);
    }

    public static Solution solutionFull() {
        return new Solution(SOLUTION, STAMP, EMPLOYER, PARTNERSHIP, Set.of(NEED_2, NEED), SolutionType.REGISTERED_APPRENTICESHIP, text(Limits.NAME),
                PARTNER, Set.of(PARTNER_2, PARTNER), List.of("WIOA-I", tag("F", Limits.CODE)), SolutionStatus.IN_DELIVERY, D0, D0.plusYears(2),
                25, new BigDecimal("1250000.50"));
    }

    public static Solution solutionMinimal() {
        return Solution.proposed(EMPLOYER, SolutionType.CUSTOM, "X", PARTNER);
    }

    public static SectorPartnership partnershipFull() {
        return new SectorPartnership(PARTNERSHIP, STAMP, text(Limits.NAME), REGION, SECTOR, PARTNER, PartnershipStage.IMPLEMENTING,
                List.of(new Member(EMPLOYER, MemberRole.CHAIR), new Member(EMPLOYER_2, MemberRole.MEMBER)), Set.of(PARTNER_2),
                List.of(new Priority(text(Limits.NAME), NeedCategory.SUPPLY_CHAIN, PriorityStatus.ACTIVE),
                        new Priority(UNICODE, NeedCategory.POLICY, PriorityStatus.DROPPED)),
                List.of(new ActionTeam(text(Limits.NAME), text(Limits.NAME), CONTACT), new ActionTeam("Team", null, null)),
                List.of(new Commitment(EMPLOYER, CommitmentKind.TIME, text(Limits.DESCRIPTION), new BigDecimal("40"), new BigDecimal("12.5")),
                        new Commitment(EMPLOYER_2, CommitmentKind.FINANCIAL, UNICODE, new BigDecimal("1.50"), null)));
    }

    public static SectorPartnership partnershipMinimal() {
        return SectorPartnership.convened("P", REGION, SECTOR, PARTNER);
    }

    public static Referral referralFull() {
        return new Referral(new ReferralId(uuid(40)), STAMP, PARTNER, STAFF, PARTNER_2, EMPLOYER, PARTNERSHIP, NEED, text(Limits.NAME),
                ReferralStatus.COMPLETED, D0, D0.plusDays(5), null,
                List.of(new FollowUp(T0, STAFF, text(Limits.DESCRIPTION)), new FollowUp(T1, STAFF, UNICODE)), text(Limits.DESCRIPTION),
                tag("case-", Limits.CODE));
    }

    public static Referral referralDeclined() {
        return Referral.sent(PARTNER, STAFF, PARTNER_2, EMPLOYER, "OJT", D0, null).decline(UNICODE);
    }

    public static Referral referralMinimal() {
        return Referral.sent(PARTNER, STAFF, PARTNER_2, EMPLOYER, "R", D0, null);
    }

    public static OutcomeMeasure outcomeFull() {
        return new OutcomeMeasure(new OutcomeId(uuid(50)), STAMP, EMPLOYER, SOLUTION,
                new Metric(tag("CUSTOM_", Limits.CODE).toUpperCase(java.util.Locale.ROOT), text(Limits.NAME), tag("u", Limits.CODE), Direction.HIGHER_IS_BETTER),
                D0, new BigDecimal("-12.500"),
                List.of(new Observation(D0.plusMonths(6), new BigDecimal("1E+3")), new Observation(D0.plusMonths(3), new BigDecimal("0.0000001"))));
    }

    public static OutcomeMeasure outcomeMinimal() {
        return new OutcomeMeasure(null, null, EMPLOYER, null, Metric.TURNOVER_RATE, D0, BigDecimal.ZERO, List.of());
    }

    public static Feedback feedbackFull() {
        return new Feedback(new FeedbackId(uuid(60)), STAMP, EMPLOYER, ENGAGEMENT, SOLUTION, 5, text(Limits.DESCRIPTION));
    }

    public static Feedback feedbackMinimal() {
        return new Feedback(null, null, EMPLOYER, null, SOLUTION, 1, null);
    }

    public static Appointment appointmentFull() {
        // Chicago's 2025 spring-forward night: a wall-clock time is kept as written, not moved to UTC.
        return new Appointment(new AppointmentId(uuid(90)), STAMP, EMPLOYER, new ReferralId(uuid(40)), ENGAGEMENT, PARTNERSHIP, PARTNER, STAFF,
                text(Limits.NAME), LocalDateTime.of(2025, 3, 9, 1, 30, 0, 123_456_789), LocalDateTime.of(2025, 3, 9, 3, 15),
                ZoneId.of("America/Chicago"), "  " + UNICODE + "  ", "https://meet.example.com/room?id=42&x=%C3%BC", Set.of(CONTACT_2, CONTACT),
                Set.of(STAFF, new StaffUserId(uuid(13))), AppointmentStatus.HELD, null, new EngagementId(uuid(14)));
    }

    public static Appointment appointmentCancelled() {
        return Appointment.scheduled(EMPLOYER, PARTNER, STAFF, "Plant tour", LocalDateTime.of(2025, 11, 2, 1, 30), LocalDateTime.of(2025, 11, 2, 2, 0),
                ZoneId.of("UTC")).cancel(" " + text(Limits.DESCRIPTION - 2) + " ");
    }

    public static Appointment appointmentMinimal() {
        return Appointment.scheduled(EMPLOYER, PARTNER, STAFF, "A", LocalDateTime.of(2025, 3, 1, 10, 0), LocalDateTime.of(2025, 3, 1, 11, 0),
                ZoneOffset.ofHours(-6));
    }

    public static AuditEntry auditFull() {
        return new AuditEntry(new AuditId(uuid(70)), T0, STAFF, PARTNER, tag("EXPORT_PII", Limits.CODE), tag("contact", Limits.CODE),
                tag("r", Limits.CODE), List.of("email", text(Limits.NAME)), text(Limits.DESCRIPTION),
                List.of(new FieldChange("email", "jane@example.com", "jane.doe@example.com", FieldChange.PII),
                        FieldChange.of("legalName", "  Acme  ", UNICODE), FieldChange.of("fein", null, "36-1234567"),
                        new FieldChange("notes[" + uuid(30) + "]", text(Limits.NOTE), null, "NOTE PRIVATE " + STAFF + " " + PARTNER)));
    }

    public static AuditEntry auditMinimal() {
        return new AuditEntry(new AuditId(uuid(71)), T0, STAFF, PARTNER, "A", "employer", null, List.of(), null);
    }

    public static DomainEvent.Created created() {
        return new DomainEvent.Created(uuid(80), T0, STAFF, PARTNER, AggregateTypes.EMPLOYER, EMPLOYER.asString(), 1);
    }

    public static DomainEvent.Changed changed() {
        return new DomainEvent.Changed(uuid(81), T0, STAFF, PARTNER, AggregateTypes.CONTACT, CONTACT.asString(), 3, List.of("email", "phone"));
    }

    public static DomainEvent.Changed changedNothing() {
        return new DomainEvent.Changed(uuid(82), T0, STAFF, PARTNER, AggregateTypes.REGION, REGION.asString(), 2, List.of());
    }

    public static DomainEvent.StatusChanged statusChanged() {
        return new DomainEvent.StatusChanged(uuid(83), T1, STAFF, PARTNER, AggregateTypes.REFERRAL, uuid(40).toString(), 4, "SENT", "ACCEPTED");
    }

    public static DomainEvent.Deleted deleted() {
        return new DomainEvent.Deleted(uuid(84), T1, STAFF, PARTNER_2, AggregateTypes.FEEDBACK, uuid(60).toString(), 9);
    }

    public static StoredEvent storedEvent() {
        return new StoredEvent(Long.MAX_VALUE, statusChanged());
    }

    /** The full and minimal records of every aggregate type, in {@link AggregateTypes#all()} order (reference data, employers, dependents). */
    public static List<org.sectorcrm.core.Aggregate<?>> exportOrder() {
        List<org.sectorcrm.core.Aggregate<?>> records = new java.util.ArrayList<>();
        for (Sample<?> sample : all()) {
            if (sample.value() instanceof org.sectorcrm.core.Aggregate<?> a) {
                records.add(a);
            }
        }
        // Stable: within a type the samples keep the order of all().
        records.sort(java.util.Comparator.comparingInt(r -> AggregateTypes.all().indexOf(AggregateTypes.of(r))));
        return records;
    }

    /** Every sample with the class it is read back as. */
    public static List<Sample<?>> all() {
        return List.of(
                new Sample<>("region full", Region.class, regionFull()),
                new Sample<>("region minimal", Region.class, regionMinimal()),
                new Sample<>("sector full", Sector.class, sectorFull()),
                new Sample<>("sector minimal", Sector.class, sectorMinimal()),
                new Sample<>("partner full", Partner.class, partnerFull()),
                new Sample<>("partner minimal", Partner.class, partnerMinimal()),
                new Sample<>("staff user full", StaffUser.class, staffUserFull()),
                new Sample<>("staff user minimal", StaffUser.class, staffUserMinimal()),
                new Sample<>("employer full", Employer.class, employerFull()),
                new Sample<>("employer minimal", Employer.class, employerMinimal()),
                new Sample<>("contact full", Contact.class, contactFull()),
                new Sample<>("contact minimal", Contact.class, contactMinimal()),
                new Sample<>("engagement full", Engagement.class, engagementFull()),
                new Sample<>("engagement minimal", Engagement.class, engagementMinimal()),
                new Sample<>("need full", BusinessNeed.class, needFull()),
                new Sample<>("need minimal", BusinessNeed.class, needMinimal()),
                new Sample<>("solution full", Solution.class, solutionFull()),
                new Sample<>("solution minimal", Solution.class, solutionMinimal()),
                new Sample<>("partnership full", SectorPartnership.class, partnershipFull()),
                new Sample<>("partnership minimal", SectorPartnership.class, partnershipMinimal()),
                new Sample<>("referral full", Referral.class, referralFull()),
                new Sample<>("referral declined", Referral.class, referralDeclined()),
                new Sample<>("referral minimal", Referral.class, referralMinimal()),
                new Sample<>("outcome full", OutcomeMeasure.class, outcomeFull()),
                new Sample<>("outcome minimal", OutcomeMeasure.class, outcomeMinimal()),
                new Sample<>("feedback full", Feedback.class, feedbackFull()),
                new Sample<>("feedback minimal", Feedback.class, feedbackMinimal()),
                new Sample<>("appointment full", Appointment.class, appointmentFull()),
                new Sample<>("appointment cancelled", Appointment.class, appointmentCancelled()),
                new Sample<>("appointment minimal", Appointment.class, appointmentMinimal()),
                new Sample<>("audit full", AuditEntry.class, auditFull()),
                new Sample<>("audit minimal", AuditEntry.class, auditMinimal()),
                new Sample<>("event created", DomainEvent.class, created()),
                new Sample<>("event changed", DomainEvent.class, changed()),
                new Sample<>("event changed nothing", DomainEvent.class, changedNothing()),
                new Sample<>("event status changed", DomainEvent.class, statusChanged()),
                new Sample<>("event deleted", DomainEvent.class, deleted()),
                new Sample<>("event created as its own class", DomainEvent.Created.class, created()),
                new Sample<>("stored event", StoredEvent.class, storedEvent()),
                new Sample<>("stamp", Stamp.class, STAMP),
                new Sample<>("phone without extension", PhoneNumber.class, PhoneNumber.parse("+1 312 555 0142")),
                new Sample<>("address", Address.class, new Address("1 Main St", "Springfield", "il", "62701")),
                new Sample<>("metric", Metric.class, Metric.RETENTION_RATE));
    }

    record Sample<T>(String name, Class<T> type, T value) {
        @Override
        public String toString() {
            return name;
        }
    }
}
