package org.sectorcrm.jdbc;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.sectorcrm.core.IdGenerator;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentId;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditId;
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
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.feedback.FeedbackId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.need.Urgency;
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
 * Complete aggregates for the SQL-layer tests: every field set (Unicode, several collection entries),
 * deterministic from a seed. Business-rule variety is crm-core's and the kit's concern; these exist to
 * exercise columns, child rows and documents.
 */
final class Samples {
    static final Instant NOW = Instant.parse("2026-03-02T14:15:16.123456Z");

    private final IdGenerator ids;
    private final Random random;
    private int fein = 1000;
    private int email;
    private final List<String> naics;
    final PartnerId creator;

    Samples(long seed) {
        random = new Random(seed);
        ids = IdGenerator.timeOrdered(Clock.fixed(NOW, ZoneOffset.UTC), new Random(seed));
        naics = new ArrayList<>(NaicsCode.sixDigitCodes());
        creator = new PartnerId(ids.next());
    }

    UUID uuid() {
        return ids.next();
    }

    Stamp stamp() {
        return Stamp.first(NOW, creator);
    }

    static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    Region region(String code) {
        return new Region(new RegionCode(code), stamp(), "Región " + code + " — Northern Stateline", RegionKind.ECONOMIC_DEVELOPMENT_REGION,
                List.of("Boone", "Winnebago", "Ogle"));
    }

    Sector sector(String code, String... prefixes) {
        return new Sector(new SectorCode(code), stamp(), "Sector " + code, List.of(prefixes));
    }

    Partner partner() {
        return new Partner(new PartnerId(uuid()), stamp(), "Partner " + random.nextInt(10_000), PartnerKind.WORKFORCE_BOARD,
                Set.of(new RegionCode("IL-EDR-1"), new RegionCode("IL-EDR-2")),
                List.of(new CatalogService("Job fairs", EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE, "Twice a year")), true);
    }

    StaffUser staff(PartnerId partner) {
        return new StaffUser(new StaffUserId(uuid()), stamp(), partner, "Staff Member " + (++email),
                EmailAddress.parse("staff" + email + "@partner.example"), Role.STAFF, true);
    }

    Fein nextFein() {
        return new Fein("36" + String.format("%07d", fein++));
    }

    Employer employer() {
        return employer("IL-EDR-1", "MFG");
    }

    Employer employer(String region, String sector) {
        EmployerId id = new EmployerId(uuid());
        Establishment main = new Establishment(new EstablishmentId(uuid()), "Main plant", new Address("1 Industrial Way", "Rockford", "IL", "61101-1234"),
                "Winnebago", "UI-" + random.nextInt(99_999), NaicsCode.of("336110"), true);
        Establishment branch = new Establishment(new EstablishmentId(uuid()), "Branch", new Address(null, "Belvidere", "IL", "61008"), "Boone", null,
                null, false);
        return new Employer(id, stamp(), "Acme Tool & Die Co. " + random.nextInt(1000), List.of("Acme", "Rock-River Präzision"), nextFein(),
                NaicsCode.of(pick(random, naics)), sectorOrNull(sector),
                region == null ? null : new RegionCode(region), List.of(main, branch), 120, "https://acme.example", EmployerStatus.ACTIVE,
                Set.of("automotive", "since 1999"), new RelationshipLead(creator, null), Map.of("crm.legacy", "A-1", "notes", "ünïcödé 東京"));
    }

    private static SectorCode sectorOrNull(String sector) {
        return sector == null ? null : new SectorCode(sector);
    }

    Contact contact(EmployerId employer) {
        return new Contact(new ContactId(uuid()), stamp(), employer, "Zoë", "Ærøskøbing", "Directrice Générale",
                EmailAddress.parse("zoe" + (++email) + "@baeckerei.example"), PhoneNumber.parse("(312) 555-0142 x12"),
                Set.of(ContactRole.CHAMPION, ContactRole.HR), List.of(new Consent(ConsentChannel.values()[0], NOW, "Sign-in sheet")), true);
    }

    Engagement engagement(EmployerId employer, PartnerId partner, StaffUserId staff) {
        return engagement(employer, partner, staff, LocalDate.of(2026, 1, 15));
    }

    Engagement engagement(EmployerId employer, PartnerId partner, StaffUserId staff, LocalDate on) {
        return new Engagement(new EngagementId(uuid()), stamp(), employer, null, null, partner, staff, on, Channel.MEETING, true,
                "Quarterly visit about hiring", List.of(new Note(new NoteId(uuid()), staff, partner, Visibility.SHARED, "Shared note text", NOW),
                        new Note(null, staff, partner, Visibility.PRIVATE, "Private thoughts", NOW)),
                Set.of(), Set.of(EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE, EseCategory.TRAINING_SERVICES), Set.of(), on.plusDays(17), null);
    }

    BusinessNeed need(EmployerId employer) {
        return new BusinessNeed(new NeedId(uuid()), stamp(), employer, null, NeedCategory.HIRING, "Twelve CNC operators by summer", Urgency.HIGH,
                NeedStatus.OPEN, LocalDate.of(2026, 1, 10), null);
    }

    Solution solution(EmployerId employer, PartnerId lead) {
        return new Solution(new SolutionId(uuid()), stamp(), employer, null, Set.of(new NeedId(uuid())), SolutionType.CUSTOMIZED_TRAINING,
                "CNC bootcamp", lead, Set.of(new PartnerId(uuid())), List.of("WIOA Title I", "State grant"), SolutionStatus.AGREED,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 30), 12, new BigDecimal("12500.50"));
    }

    Solution partnershipSolution(PartnershipId partnership, PartnerId lead) {
        return new Solution(new SolutionId(uuid()), stamp(), null, partnership, Set.of(), SolutionType.RECRUITMENT, "Shared recruiting drive", lead,
                Set.of(), List.of(), SolutionStatus.PROPOSED, null, null, null, null);
    }

    SectorPartnership partnership(PartnerId convener, EmployerId... members) {
        List<Member> list = new ArrayList<>();
        List<Commitment> commitments = new ArrayList<>();
        for (int i = 0; i < members.length; i++) {
            list.add(new Member(members[i], i == 0 ? MemberRole.CHAIR : MemberRole.MEMBER));
            commitments.add(new Commitment(members[i], CommitmentKind.TIME, "Hosts meetings", new BigDecimal("40.0"), new BigDecimal("12.50")));
        }
        return new SectorPartnership(new PartnershipId(uuid()), stamp(), "Northern Manufacturing Partnership", new RegionCode("IL-EDR-1"),
                new SectorCode("MFG"), convener, PartnershipStage.LAUNCHED, list, Set.of(new PartnerId(uuid())),
                List.of(new Priority("Talent pipeline", NeedCategory.HIRING, PriorityStatus.values()[0])),
                List.of(new ActionTeam("Pipeline team", "Talent pipeline", null)), commitments);
    }

    Referral referral(EmployerId employer, PartnerId from, StaffUserId fromStaff, PartnerId to, LocalDate due) {
        return new Referral(new ReferralId(uuid()), stamp(), from, fromStaff, to, employer, null, null, "Incumbent worker training",
                ReferralStatus.SENT, LocalDate.of(2026, 1, 5), due, null, List.of(new FollowUp(NOW, fromStaff, "Called twice")), null, "CASE-77");
    }

    OutcomeMeasure outcome(EmployerId employer) {
        return new OutcomeMeasure(new OutcomeId(uuid()), stamp(), employer, null, Metric.TURNOVER_RATE, LocalDate.of(2025, 1, 1), new BigDecimal("31.500"),
                List.of(new Observation(LocalDate.of(2025, 7, 1), new BigDecimal("1E+1")), new Observation(LocalDate.of(2026, 1, 1), new BigDecimal("0.000"))));
    }

    Feedback feedback(EmployerId employer, EngagementId engagement) {
        return new Feedback(new FeedbackId(uuid()), stamp(), employer, engagement, null, 4, "Helpful, thank you — très utile");
    }

    /** A scheduled hour at the place and behind a video link, with a contact and a staff member attending. */
    Appointment appointment(EmployerId employer, PartnerId organizerPartner, StaffUserId organizer, LocalDateTime start, ZoneId zone) {
        return Appointment.scheduled(employer, organizerPartner, organizer, "Site visit: hiring plan — Q2", start, start.plusHours(1), zone)
                .at("1 Industrial Way, Rockford", "https://meet.example/acme").attendedBy(Set.of(new ContactId(uuid())), Set.of(new StaffUserId(uuid())))
                .withId(new AppointmentId(uuid())).withStamp(stamp());
    }

    AuditEntry audit(StaffUserId actor, PartnerId partner, String action, String recordType, String recordId, Instant at) {
        return new AuditEntry(new AuditId(uuid()), at, actor, partner, action, recordType, recordId, List.of("legalName", "tags"), "détail");
    }

    DomainEvent.Created created(AggregateType<?, ?, ?> type, String recordId) {
        return new DomainEvent.Created(uuid(), NOW, new StaffUserId(uuid()), creator, type, recordId, 1);
    }

    DomainEvent.StatusChanged statusChanged(AggregateType<?, ?, ?> type, String recordId) {
        return new DomainEvent.StatusChanged(uuid(), NOW, new StaffUserId(uuid()), creator, type, recordId, 2, "SENT", "ACCEPTED");
    }

    DomainEvent.Changed changed(AggregateType<?, ?, ?> type, String recordId) {
        return new DomainEvent.Changed(uuid(), NOW, new StaffUserId(uuid()), creator, type, recordId, 3, List.of("legalName"));
    }
}
