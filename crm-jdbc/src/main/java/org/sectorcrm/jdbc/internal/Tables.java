package org.sectorcrm.jdbc.internal;

import static org.sectorcrm.jdbc.internal.ColumnType.BOOLEAN;
import static org.sectorcrm.jdbc.internal.ColumnType.CODE;
import static org.sectorcrm.jdbc.internal.ColumnType.DATE;
import static org.sectorcrm.jdbc.internal.ColumnType.DECIMAL;
import static org.sectorcrm.jdbc.internal.ColumnType.INSTANT;
import static org.sectorcrm.jdbc.internal.ColumnType.LONG;
import static org.sectorcrm.jdbc.internal.ColumnType.TEXT;
import static org.sectorcrm.jdbc.internal.ColumnType.UUID;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.attachment.Attachment;
import org.sectorcrm.core.attachment.AttachmentFilter;
import org.sectorcrm.core.attachment.AttachmentId;
import org.sectorcrm.core.appointment.AppointmentFilter;
import org.sectorcrm.core.appointment.AppointmentId;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.dedupe.DuplicateReview;
import org.sectorcrm.core.dedupe.DuplicateReviewFilter;
import org.sectorcrm.core.dedupe.DuplicateReviewId;
import org.sectorcrm.core.dedupe.EmployerMerge;
import org.sectorcrm.core.dedupe.EmployerMergeFilter;
import org.sectorcrm.core.dedupe.EmployerMergeId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.message.ReadMarker;
import org.sectorcrm.core.message.ReadMarkerFilter;
import org.sectorcrm.core.message.ReadMarkerId;
import org.sectorcrm.core.message.ReferralMessage;
import org.sectorcrm.core.message.ReferralMessageFilter;
import org.sectorcrm.core.message.ReferralMessageId;
import org.sectorcrm.core.report.EstablishmentCount;
import org.sectorcrm.core.report.EstablishmentCountFilter;
import org.sectorcrm.core.report.EstablishmentCountId;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.feedback.FeedbackFilter;
import org.sectorcrm.core.feedback.FeedbackId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.spi.ReportQueries;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.outcome.OutcomeFilter;
import org.sectorcrm.core.outcome.OutcomeId;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.Member;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.ReferenceFilters.PartnerFilter;
import org.sectorcrm.core.reference.ReferenceFilters.RegionFilter;
import org.sectorcrm.core.reference.ReferenceFilters.SectorFilter;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.core.solution.SolutionId;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * The storage layout of every aggregate type, and how each filter record becomes SQL. Each {@code ...Filter}
 * method mirrors the filter's {@code matches} method condition by condition. A layout registers itself when
 * built, so {@link #of} finds the layout of any type without a list of types; a type without a layout here
 * is refused by the store.
 */
public final class Tables {
    private Tables() {
    }

    public static final Table<RegionCode, Region, RegionFilter> REGION = Table.of(AggregateTypes.REGION, "crm_region")
            .column("kind", TEXT, r -> r.kind().name())
            .filter(Tables::regionFilter)
            .build();

    public static final Table<SectorCode, Sector, SectorFilter> SECTOR = Table.of(AggregateTypes.SECTOR, "crm_sector")
            .child("crm_sector_naics_prefix", "sector_id", List.of("prefix"), List.of(TEXT), s -> rows(distinct(s.naicsPrefixes())))
            .filter(Tables::sectorFilter)
            .build();

    public static final Table<PartnerId, Partner, PartnerFilter> PARTNER = Table.of(AggregateTypes.PARTNER, "crm_partner")
            .column("kind", TEXT, p -> p.kind().name())
            .column("active", BOOLEAN, Partner::active)
            .child("crm_partner_region", "partner_id", List.of("region"), List.of(CODE), p -> rows(codes(p.regions())))
            .filter(Tables::partnerFilter)
            .build();

    public static final Table<StaffUserId, StaffUser, StaffUserFilter> STAFF_USER = Table.of(AggregateTypes.STAFF_USER, "crm_staff_user")
            .column("partner_id", UUID, u -> uuid(u.partner()))
            .column("email", TEXT, u -> u.email().value())
            .column("active", BOOLEAN, StaffUser::active)
            .filter(Tables::staffUserFilter)
            .build();

    public static final Table<EmployerId, Employer, EmployerFilter> EMPLOYER = Table.of(AggregateTypes.EMPLOYER, "crm_employer")
            .column("status", TEXT, e -> e.status().name())
            .column("region", CODE, e -> code(e.region()))
            .column("sector", CODE, e -> code(e.sector()))
            .column("naics", TEXT, e -> e.naics() == null ? null : e.naics().value())
            .column("lead_partner_id", UUID, e -> e.lead() == null ? null : uuid(e.lead().partner()))
            .column("fein", TEXT, e -> e.fein() == null ? null : e.fein().value())
            .column("name_key", TEXT, Employer::nameKey)
            // Since V017: what the contact-cadence report shows of an overdue employer (ReportQueries.cadenceFacts).
            .column("legal_name", TEXT, Employer::legalName)
            .child("crm_employer_tag", "employer_id", List.of("tag"), List.of(TEXT), e -> rows(e.tags()))
            .child("crm_employer_zip", "employer_id", List.of("zip"), List.of(TEXT), e -> rows(zips(e)))
            // Since V013: the establishments' ids, counties and primary flag, which the ESE report joins to place what it counts.
            .child("crm_employer_establishment", "employer_id", List.of("establishment_id", "county", "is_primary"), List.of(UUID, TEXT, BOOLEAN),
                    Tables::establishmentRows)
            .filter(Tables::employerFilter)
            .build();

    public static final Table<ContactId, Contact, ContactFilter> CONTACT = Table.of(AggregateTypes.CONTACT, "crm_contact")
            .column("employer_id", UUID, c -> uuid(c.employer()))
            .column("email", TEXT, c -> c.email() == null ? null : c.email().value())
            .column("active", BOOLEAN, Contact::active)
            .child("crm_contact_role", "contact_id", List.of("role"), List.of(TEXT), c -> rows(names(c.roles())))
            .filter(Tables::contactFilter)
            .build();

    public static final Table<EngagementId, Engagement, EngagementFilter> ENGAGEMENT = Table.of(AggregateTypes.ENGAGEMENT, "crm_engagement")
            .column("employer_id", UUID, e -> uuid(e.employer()))
            .column("establishment_id", UUID, e -> uuid(e.establishment()))
            .column("partnership_id", UUID, e -> uuid(e.partnership()))
            .column("partner_id", UUID, e -> uuid(e.partner()))
            .column("staff_id", UUID, e -> uuid(e.staff()))
            .column("engaged_on", DATE, Engagement::date)
            .column("channel", TEXT, e -> e.channel().name())
            .column("staff_assisted", BOOLEAN, Engagement::staffAssisted)
            .column("external_id", TEXT, Engagement::externalId)
            .column("follow_up_due", DATE, Engagement::followUpDue)
            // Since V002 each service row repeats what the ESE report selects on and returns (servedEstablishments),
            // since V014 the partner too (a partner area of the ESE report reads only its own index entries).
            .child("crm_engagement_service", "engagement_id", List.of("category", "employer_id", "establishment_id", "engaged_on", "staff_assisted", "partner_id"),
                    List.of(TEXT, UUID, UUID, DATE, BOOLEAN, UUID), Tables::serviceRows)
            .restrictedText(Tables::restrictedNotes)
            .filter(Tables::engagementFilter)
            .build();

    public static final Table<NeedId, BusinessNeed, NeedFilter> NEED = Table.of(AggregateTypes.NEED, "crm_need")
            .column("employer_id", UUID, n -> uuid(n.employer()))
            .column("partnership_id", UUID, n -> uuid(n.partnership()))
            .column("status", TEXT, n -> n.status().name())
            .column("category", TEXT, n -> n.category().name())
            // Since V015, for the needs funnel (ReportQueries.needFacts).
            .column("raised_on", DATE, BusinessNeed::raisedOn)
            .filter(Tables::needFilter)
            .build();

    public static final Table<SolutionId, Solution, SolutionFilter> SOLUTION = Table.of(AggregateTypes.SOLUTION, "crm_solution")
            .column("employer_id", UUID, s -> uuid(s.employer()))
            .column("partnership_id", UUID, s -> uuid(s.partnership()))
            .column("status", TEXT, s -> s.status().name())
            .column("type", TEXT, s -> s.type().name())
            .column("lead_partner_id", UUID, s -> uuid(s.leadPartner()))
            .column("cost", DECIMAL, Solution::cost)
            // Since V015, for the needs funnel: the agreement day (the start date for records without one) and the needs addressed.
            .column("start_date", DATE, Solution::startDate)
            .column("agreed_on", DATE, Solution::agreedOn)
            .child("crm_solution_need", "solution_id", List.of("need_id"), List.of(UUID), s -> rows(s.needs().stream().map(Tables::uuid).toList()))
            .filter(Tables::solutionFilter)
            .build();

    public static final Table<PartnershipId, SectorPartnership, PartnershipFilter> PARTNERSHIP = Table.of(AggregateTypes.PARTNERSHIP, "crm_partnership")
            .column("region", CODE, p -> code(p.region()))
            .column("sector", CODE, p -> code(p.sector()))
            .column("stage", TEXT, p -> p.stage().name())
            .column("convener_id", UUID, p -> uuid(p.convener()))
            .child("crm_partnership_member", "partnership_id", List.of("employer_id", "role"), List.of(UUID, TEXT), Tables::memberRows)
            .filter(Tables::partnershipFilter)
            .build();

    public static final Table<ReferralId, Referral, ReferralFilter> REFERRAL = Table.of(AggregateTypes.REFERRAL, "crm_referral")
            .column("from_partner_id", UUID, r -> uuid(r.fromPartner()))
            .column("to_partner_id", UUID, r -> uuid(r.toPartner()))
            .column("employer_id", UUID, r -> uuid(r.employer()))
            .column("status", TEXT, r -> r.status().name())
            .column("sent_on", DATE, Referral::sentOn)
            .column("response_due", DATE, Referral::responseDue)
            // Since V015, for the referral report (ReportQueries.referralFacts): the times as exact milliseconds computed
            // here from the document's instants, which PostgreSQL and MariaDB columns would cut to microseconds.
            .column("decline_reason", TEXT, Referral::declineReason)
            .column("response_ms", LONG, r -> ReportQueries.millisSinceSent(r, r.respondedAt()))
            .column("completion_ms", LONG, r -> ReportQueries.millisSinceSent(r, r.completedAt()))
            .filter(Tables::referralFilter)
            .build();

    /**
     * Since V004. Start and end as instants in UTC, as the filter compares them; PostgreSQL and MariaDB keep
     * microseconds, so the nanoseconds below the microsecond sit next to each ({@code _ns}) and the comparisons
     * stay exact ({@link Conditions#after}).
     */
    public static final Table<AppointmentId, Appointment, AppointmentFilter> APPOINTMENT = Table.of(AggregateTypes.APPOINTMENT, "crm_appointment")
            .column("employer_id", UUID, a -> uuid(a.employer()))
            .column("referral_id", UUID, a -> uuid(a.referral()))
            .column("organizer_partner_id", UUID, a -> uuid(a.organizerPartner()))
            .column("organizer_id", UUID, a -> uuid(a.organizer()))
            .column("status", TEXT, a -> a.status().name())
            .column("starts_at", INSTANT, a -> Conditions.floorMicros(a.startsAt()))
            .column("starts_at_ns", LONG, a -> Conditions.belowMicros(a.startsAt()))
            .column("ends_at", INSTANT, a -> Conditions.floorMicros(a.endsAt()))
            .column("ends_at_ns", LONG, a -> Conditions.belowMicros(a.endsAt()))
            .child("crm_appointment_staff", "appointment_id", List.of("staff_id"), List.of(UUID), a -> rows(a.staff().stream().map(Tables::uuid).toList()))
            .filter(Tables::appointmentFilter)
            .build();

    /** Since V010. Both partners of the thread are columns, so a partner's messages are one indexed OR; sent_at as appointments keep instants. */
    public static final Table<ReferralMessageId, ReferralMessage, ReferralMessageFilter> REFERRAL_MESSAGE = Table.of(
            AggregateTypes.REFERRAL_MESSAGE, "crm_referral_message")
            .column("referral_id", UUID, m -> uuid(m.referral()))
            .column("employer_id", UUID, m -> uuid(m.employer()))
            .column("author_partner_id", UUID, m -> uuid(m.authorPartner()))
            .column("other_partner_id", UUID, m -> uuid(m.otherPartner()))
            .column("author_id", UUID, m -> uuid(m.author()))
            .column("sent_at", INSTANT, m -> Conditions.floorMicros(m.sentAt()))
            .column("sent_at_ns", LONG, m -> Conditions.belowMicros(m.sentAt()))
            .filter(Tables::referralMessageFilter)
            .build();

    /** Since V010. One row per reader and referral; the position read up to is in the document. */
    public static final Table<ReadMarkerId, ReadMarker, ReadMarkerFilter> READ_MARKER = Table.of(AggregateTypes.READ_MARKER, "crm_read_marker")
            .column("referral_id", UUID, m -> uuid(m.referral()))
            .column("reader_id", UUID, m -> uuid(m.reader()))
            .filter(Tables::readMarkerFilter)
            .build();

    public static final Table<OutcomeId, OutcomeMeasure, OutcomeFilter> OUTCOME = Table.of(AggregateTypes.OUTCOME, "crm_outcome")
            .column("employer_id", UUID, o -> uuid(o.employer()))
            .column("solution_id", UUID, o -> uuid(o.solution()))
            .column("metric_code", TEXT, o -> o.metric().code())
            // Since V015, for the outcome report (ReportQueries.outcomeFacts): the metric, and baseline and latest value as
            // decimal text, so that every database gives back the scale written (a DECIMAL(p, s) column would not).
            .column("metric_name", TEXT, o -> o.metric().name())
            .column("metric_unit", TEXT, o -> o.metric().unit())
            .column("direction", TEXT, o -> o.metric().direction().name())
            .column("baseline", TEXT, o -> o.baseline().toString())
            .column("latest_value", TEXT, o -> ReportQueries.latestObservation(o).map(v -> v.value().toString()).orElse(null))
            .filter(Tables::outcomeFilter)
            .build();

    public static final Table<FeedbackId, Feedback, FeedbackFilter> FEEDBACK = Table.of(AggregateTypes.FEEDBACK, "crm_feedback")
            .column("employer_id", UUID, f -> uuid(f.employer()))
            .column("engagement_id", UUID, f -> uuid(f.engagement()))
            .column("solution_id", UUID, f -> uuid(f.solution()))
            .column("rating", LONG, Feedback::rating)
            .filter(Tables::feedbackFilter)
            .build();

    /** Since V009. The id is the natural key QUARTER:AREA; area and quarter repeat it for the filter. */
    public static final Table<EstablishmentCountId, EstablishmentCount, EstablishmentCountFilter> ESTABLISHMENT_COUNT = Table.of(
            AggregateTypes.ESTABLISHMENT_COUNT, "crm_establishment_count")
            .column("area", CODE, EstablishmentCount::area)
            .column("quarter", TEXT, c -> c.quarter().toString())
            .column("establishments", LONG, EstablishmentCount::establishments)
            .filter(Tables::establishmentCountFilter)
            .build();

    /** Since V011. The owner is named generically (type key and id text), so no foreign key: the operations check it. */
    public static final Table<AttachmentId, Attachment, AttachmentFilter> ATTACHMENT = Table.of(AggregateTypes.ATTACHMENT, "crm_attachment")
            .column("owner_type", CODE, Attachment::ownerType)
            .column("owner_id", CODE, Attachment::ownerId)
            .column("partner_id", UUID, a -> uuid(a.partner()))
            .filter(Tables::attachmentFilter)
            .build();

    /** Since V012. The id derives from the pair; the pair's ids are columns for the filter, not foreign keys. */
    public static final Table<DuplicateReviewId, DuplicateReview, DuplicateReviewFilter> DUPLICATE_REVIEW = Table.of(
            AggregateTypes.DUPLICATE_REVIEW, "crm_duplicate_review")
            .column("first_id", UUID, r -> uuid(r.first()))
            .column("second_id", UUID, r -> uuid(r.second()))
            .column("decision", TEXT, r -> r.decision().name())
            .filter(Tables::duplicateReviewFilter)
            .build();

    /** Since V012. The id is the merged employer's; the survivor is a foreign key. */
    public static final Table<EmployerMergeId, EmployerMerge, EmployerMergeFilter> EMPLOYER_MERGE = Table.of(
            AggregateTypes.EMPLOYER_MERGE, "crm_employer_merge")
            .column("survivor_id", UUID, m -> uuid(m.survivor()))
            .filter(Tables::employerMergeFilter)
            .build();

    /**
     * The layout of {@code type}.
     *
     * @throws IllegalArgumentException when the SQL store has no table for it (a descriptor not among {@code AggregateTypes.all()})
     */
    @SuppressWarnings("unchecked")
    public static <I extends Id, T extends Aggregate<I>, F> Table<I, T, F> of(AggregateType<I, T, F> type) {
        Objects.requireNonNull(type, "type");
        Table<?, ?, ?> table = Table.registered(type);
        if (table == null) {
            throw new IllegalArgumentException("the SQL store has no table for aggregate type " + type.key()
                    + ": it holds the types of AggregateTypes.all(), and each needs a layout in " + Tables.class.getName());
        }
        return (Table<I, T, F>) table;
    }

    /**
     * Every table and column the store's SQL names, from the layout of each type of {@code AggregateTypes.all()} (a
     * type without one fails here) and the search index: what the schema lint checks each dialect's migrations against.
     */
    public static Map<String, Set<String>> usedColumns() {
        Map<String, Set<String>> used = new TreeMap<>();
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            Table<?, ?, ?> table = of(type);
            Set<String> columns = used.computeIfAbsent(table.name(), k -> new TreeSet<>());
            columns.addAll(List.of("id", "version", "created_at", "updated_at", "created_by", "doc"));
            table.columns().forEach(c -> columns.add(c.name()));
            for (Table.Child<?> child : table.children()) {
                Set<String> childColumns = used.computeIfAbsent(child.table(), k -> new TreeSet<>());
                childColumns.add(child.ownerColumn());
                childColumns.addAll(child.columns());
            }
        }
        used.put(SearchIndex.TABLE, new TreeSet<>(SearchIndex.COLUMNS));
        used.put(SearchReindex.TABLE, new TreeSet<>(SearchReindex.COLUMNS));
        used.put(ColumnRefill.TABLE, new TreeSet<>(ColumnRefill.COLUMNS));
        return used;
    }

    // --- filters: each mirrors the filter record's matches method ---

    public static void regionFilter(RegionFilter f, Conditions c) {
        c.eq("kind", TEXT, name(f.kind()));
    }

    public static void sectorFilter(SectorFilter f, Conditions c) {
        c.has("crm_sector_naics_prefix", "sector_id", "prefix", TEXT, f.naicsPrefix());
    }

    public static void partnerFilter(PartnerFilter f, Conditions c) {
        c.eq("kind", TEXT, name(f.kind()))
                .has("crm_partner_region", "partner_id", "region", CODE, code(f.region()))
                .eq("active", BOOLEAN, f.active());
    }

    public static void staffUserFilter(StaffUserFilter f, Conditions c) {
        c.eq("partner_id", UUID, uuid(f.partner()))
                .eq("email", TEXT, f.email() == null ? null : f.email().value())
                .eq("active", BOOLEAN, f.active());
    }

    public static void employerFilter(EmployerFilter f, Conditions c) {
        c.eq("status", TEXT, name(f.status()))
                .eq("region", CODE, code(f.region()))
                .eq("sector", CODE, code(f.sector()))
                .startsWith("naics", f.naicsPrefix())
                .has("crm_employer_tag", "employer_id", "tag", TEXT, f.tag())
                .eq("lead_partner_id", UUID, uuid(f.leadPartner()))
                .eq("fein", TEXT, f.fein() == null ? null : f.fein().value())
                .eq("name_key", TEXT, f.nameKey())
                .has("crm_employer_zip", "employer_id", "zip", TEXT, f.zip())
                .in("fein", TEXT, f.feins() == null ? null : f.feins().stream().map(Fein::value).sorted().toList())
                .in("name_key", TEXT, f.nameKeys() == null ? null : f.nameKeys().stream().sorted().toList());
    }

    public static void contactFilter(ContactFilter f, Conditions c) {
        c.eq("employer_id", UUID, uuid(f.employer()))
                .eq("email", TEXT, f.email() == null ? null : f.email().value())
                .has("crm_contact_role", "contact_id", "role", TEXT, name(f.role()))
                .eq("active", BOOLEAN, f.active());
    }

    public static void engagementFilter(EngagementFilter f, Conditions c) {
        SqlDialect d = c.dialect();
        c.eq("employer_id", UUID, uuid(f.employer()))
                .eq("partner_id", UUID, uuid(f.partner()))
                .eq("partnership_id", UUID, uuid(f.partnership()));
        if (f.from() != null) {
            c.and("t.engaged_on >= " + d.param(DATE), d.arg(DATE, f.from()));
        }
        if (f.to() != null) {
            c.and("t.engaged_on <= " + d.param(DATE), d.arg(DATE, f.to()));
        }
        c.eq("staff_assisted", BOOLEAN, f.staffAssisted())
                .eq("channel", TEXT, name(f.channel()))
                .has("crm_engagement_service", "engagement_id", "category", TEXT, name(f.service()))
                .eq("external_id", TEXT, f.externalId());
        if (f.followUpDueBy() != null) {
            // NULL (no follow-up) compares neither way, as matches requires a due date.
            c.and("t.follow_up_due <= " + d.param(DATE), d.arg(DATE, f.followUpDueBy()));
        }
    }

    public static void appointmentFilter(AppointmentFilter f, Conditions c) {
        SqlDialect d = c.dialect();
        c.eq("employer_id", UUID, uuid(f.employer()))
                .eq("referral_id", UUID, uuid(f.referral()))
                .eq("organizer_partner_id", UUID, uuid(f.organizerPartner()));
        if (f.attendee() != null) {
            c.and("(t.organizer_id = " + d.param(UUID) + " OR EXISTS (SELECT 1 FROM crm_appointment_staff c WHERE c.appointment_id = t.id AND c.staff_id = "
                    + d.param(UUID) + "))", d.arg(UUID, uuid(f.attendee())), d.arg(UUID, uuid(f.attendee())));
        }
        c.eq("status", TEXT, name(f.status()));
        if (f.from() != null) {
            c.after("ends_at", f.from());
        }
        if (f.to() != null) {
            c.before("starts_at", f.to());
        }
    }

    public static void referralMessageFilter(ReferralMessageFilter f, Conditions c) {
        SqlDialect d = c.dialect();
        c.eq("referral_id", UUID, uuid(f.referral()))
                .eq("author_id", UUID, uuid(f.author()))
                .eq("employer_id", UUID, uuid(f.employer()));
        if (f.partner() != null) {
            c.and("(t.author_partner_id = " + d.param(UUID) + " OR t.other_partner_id = " + d.param(UUID) + ")",
                    d.arg(UUID, uuid(f.partner())), d.arg(UUID, uuid(f.partner())));
        }
        if (f.sentAfter() != null) {
            c.after("sent_at", f.sentAfter());
        }
    }

    public static void readMarkerFilter(ReadMarkerFilter f, Conditions c) {
        c.eq("referral_id", UUID, uuid(f.referral()))
                .eq("reader_id", UUID, uuid(f.reader()));
    }

    public static void needFilter(NeedFilter f, Conditions c) {
        c.eq("employer_id", UUID, uuid(f.employer()))
                .eq("partnership_id", UUID, uuid(f.partnership()))
                .eq("status", TEXT, name(f.status()))
                .eq("category", TEXT, name(f.category()));
    }

    public static void solutionFilter(SolutionFilter f, Conditions c) {
        c.eq("employer_id", UUID, uuid(f.employer()))
                .eq("partnership_id", UUID, uuid(f.partnership()))
                .eq("status", TEXT, name(f.status()))
                .eq("type", TEXT, name(f.type()))
                .eq("lead_partner_id", UUID, uuid(f.leadPartner()));
    }

    public static void partnershipFilter(PartnershipFilter f, Conditions c) {
        c.eq("region", CODE, code(f.region()))
                .eq("sector", CODE, code(f.sector()))
                .eq("stage", TEXT, name(f.stage()))
                .eq("convener_id", UUID, uuid(f.convener()))
                .has("crm_partnership_member", "partnership_id", "employer_id", UUID, uuid(f.member()));
    }

    public static void referralFilter(ReferralFilter f, Conditions c) {
        SqlDialect d = c.dialect();
        c.eq("from_partner_id", UUID, uuid(f.fromPartner()))
                .eq("to_partner_id", UUID, uuid(f.toPartner()))
                .eq("employer_id", UUID, uuid(f.employer()))
                .eq("status", TEXT, name(f.status()));
        if (f.overdueOn() != null) {
            // Referral.isOverdue: still SENT, with a response due date before that day.
            c.and("t.status = " + d.param(TEXT) + " AND t.response_due IS NOT NULL AND t.response_due < " + d.param(DATE),
                    d.arg(TEXT, ReferralStatus.SENT.name()), d.arg(DATE, f.overdueOn()));
        }
    }

    public static void outcomeFilter(OutcomeFilter f, Conditions c) {
        c.eq("employer_id", UUID, uuid(f.employer()))
                .eq("solution_id", UUID, uuid(f.solution()))
                .eq("metric_code", TEXT, f.metricCode());
    }

    public static void feedbackFilter(FeedbackFilter f, Conditions c) {
        c.eq("employer_id", UUID, uuid(f.employer()))
                .eq("engagement_id", UUID, uuid(f.engagement()))
                .eq("solution_id", UUID, uuid(f.solution()));
    }

    public static void establishmentCountFilter(EstablishmentCountFilter f, Conditions c) {
        c.eq("area", CODE, f.area())
                .eq("quarter", TEXT, f.quarter() == null ? null : f.quarter().toString());
    }

    public static void attachmentFilter(AttachmentFilter f, Conditions c) {
        c.eq("owner_type", CODE, f.ownerType())
                .eq("owner_id", CODE, f.ownerId())
                .eq("partner_id", UUID, uuid(f.partner()));
    }

    public static void duplicateReviewFilter(DuplicateReviewFilter f, Conditions c) {
        c.eq("first_id", UUID, uuid(f.first()))
                .eq("second_id", UUID, uuid(f.second()))
                .eq("decision", TEXT, name(f.decision()));
    }

    public static void employerMergeFilter(EmployerMergeFilter f, Conditions c) {
        c.eq("survivor_id", UUID, uuid(f.survivor()));
    }

    // --- helpers ---

    static java.util.UUID uuid(Id id) {
        return id == null ? null : java.util.UUID.fromString(id.asString());
    }

    static String code(Id id) {
        return id == null ? null : id.asString();
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private static List<String> codes(Collection<? extends Id> values) {
        return values.stream().map(Id::asString).toList();
    }

    private static <V> List<V> distinct(Collection<V> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    private static List<List<Object>> rows(Collection<?> values) {
        List<List<Object>> rows = new ArrayList<>(values.size());
        for (Object v : values) {
            rows.add(List.of(v));
        }
        return rows;
    }

    /** One row per establishment with an id (a stored employer's all have one; a draft's cannot be served yet). */
    private static List<List<Object>> establishmentRows(Employer e) {
        List<List<Object>> rows = new ArrayList<>();
        for (Establishment s : e.establishments()) {
            if (s.id() != null) {
                rows.add(java.util.Arrays.asList(uuid(s.id()), s.county(), s.primary()));
            }
        }
        return rows;
    }

    /** The distinct five-digit ZIPs of an employer's establishments (EmployerFilter.zip matches any of them). */
    private static List<String> zips(Employer e) {
        return distinct(e.establishments().stream().map(s -> s.address() == null ? null : s.address().zip5())
                .filter(Objects::nonNull).toList());
    }

    /** The notes not every reader may read, under the scope of those who may (SHARED notes are in the descriptor's text for everyone). */
    private static List<Table.RestrictedText> restrictedNotes(Engagement e) {
        List<Table.RestrictedText> texts = new ArrayList<>();
        for (Note n : e.notes()) {
            switch (n.visibility()) {
                case SHARED -> {
                }
                case PARTNER -> texts.add(new Table.RestrictedText(SearchIndex.partnerScope(n.partner()), n.text()));
                case PRIVATE -> texts.add(new Table.RestrictedText(SearchIndex.staffScope(n.author()), n.text()));
            }
        }
        return texts;
    }

    private static List<List<Object>> serviceRows(Engagement e) {
        List<List<Object>> rows = new ArrayList<>(e.services().size());
        for (var category : e.services()) {
            rows.add(Arrays.asList(category.name(), uuid(e.employer()), uuid(e.establishment()), e.date(), e.staffAssisted(), uuid(e.partner())));
        }
        return rows;
    }

    private static List<List<Object>> memberRows(SectorPartnership p) {
        List<List<Object>> rows = new ArrayList<>(p.members().size());
        for (Member m : p.members()) {
            rows.add(List.of(uuid(m.employer()), m.role().name()));
        }
        return rows;
    }
}
