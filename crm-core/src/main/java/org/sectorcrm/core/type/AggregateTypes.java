package org.sectorcrm.core.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentFilter;
import org.sectorcrm.core.appointment.AppointmentId;
import org.sectorcrm.core.attachment.Attachment;
import org.sectorcrm.core.attachment.AttachmentFilter;
import org.sectorcrm.core.attachment.AttachmentId;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.dedupe.DuplicateReview;
import org.sectorcrm.core.dedupe.DuplicateReviewFilter;
import org.sectorcrm.core.dedupe.DuplicateReviewId;
import org.sectorcrm.core.dedupe.EmployerMerge;
import org.sectorcrm.core.dedupe.EmployerMergeFilter;
import org.sectorcrm.core.dedupe.EmployerMergeId;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.message.ReadMarker;
import org.sectorcrm.core.message.ReadMarkerFilter;
import org.sectorcrm.core.message.ReadMarkerId;
import org.sectorcrm.core.message.ReferralMessage;
import org.sectorcrm.core.message.ReferralMessageFilter;
import org.sectorcrm.core.message.ReferralMessageId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.feedback.FeedbackFilter;
import org.sectorcrm.core.feedback.FeedbackId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.outcome.OutcomeFilter;
import org.sectorcrm.core.outcome.OutcomeId;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.partnership.SectorPartnership;
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
import org.sectorcrm.core.report.EstablishmentCount;
import org.sectorcrm.core.report.EstablishmentCountFilter;
import org.sectorcrm.core.report.EstablishmentCountId;
import org.sectorcrm.core.search.SearchableText;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.core.solution.SolutionId;

/**
 * The descriptors of every aggregate: the one list of types. {@link #all()} is in <em>dependency order</em>: every
 * type comes after the types its records refer to (reference data, then employers, then the records about
 * employers), which is the order of an export and of a restore.
 *
 * <p>Adding an aggregate is adding its descriptor here; every store, decorator, mapping and kit test picks it up.
 *
 * @since 2
 */
public final class AggregateTypes {
    private static final List<AggregateType<?, ?, ?>> ALL = new ArrayList<>();

    public static final AggregateType<RegionCode, Region, RegionFilter> REGION = add(
            AggregateType.builder("region", Region.class, RegionCode.class, RegionFilter.class)
                    .ids(RegionCode::new, null)
                    .filter(RegionFilter.ALL, RegionFilter::matches)
                    .searchable(r -> SearchableText.join(r.id().value(), r.name(), String.join("\n", r.counties()))));

    public static final AggregateType<SectorCode, Sector, SectorFilter> SECTOR = add(
            AggregateType.builder("sector", Sector.class, SectorCode.class, SectorFilter.class)
                    .ids(SectorCode::new, null)
                    .filter(SectorFilter.ALL, SectorFilter::matches)
                    .searchable(s -> SearchableText.join(s.id().value(), s.name())));

    public static final AggregateType<PartnerId, Partner, PartnerFilter> PARTNER = add(
            AggregateType.builder("partner", Partner.class, PartnerId.class, PartnerFilter.class)
                    .ids(PartnerId::of, PartnerId::new)
                    .filter(PartnerFilter.ALL, PartnerFilter::matches)
                    .searchable(p -> p.name()));

    public static final AggregateType<StaffUserId, StaffUser, StaffUserFilter> STAFF_USER = add(
            AggregateType.builder("staffUser", StaffUser.class, StaffUserId.class, StaffUserFilter.class)
                    .plural("staff-users")
                    .ids(StaffUserId::of, StaffUserId::new)
                    .filter(StaffUserFilter.ALL, StaffUserFilter::matches)
                    .references("partner", PARTNER, StaffUser::partner)
                    .unique("email", "e-mail", u -> u.email().value())
                    .searchable(u -> SearchableText.join(u.name(), u.email().value())));

    public static final AggregateType<EmployerId, Employer, EmployerFilter> EMPLOYER = add(
            AggregateType.builder("employer", Employer.class, EmployerId.class, EmployerFilter.class)
                    .attachable()
                    .ids(EmployerId::of, EmployerId::new)
                    .filter(EmployerFilter.ALL, EmployerFilter::matches)
                    .unique("fein", "FEIN", e -> e.fein() == null ? null : e.fein().value())
                    .attachments()
                    .searchable(SearchableText::of));

    public static final AggregateType<ContactId, Contact, ContactFilter> CONTACT = add(
            AggregateType.builder("contact", Contact.class, ContactId.class, ContactFilter.class)
                    .attachable()
                    .ids(ContactId::of, ContactId::new)
                    .filter(ContactFilter.ALL, ContactFilter::matches)
                    .references("employer", EMPLOYER, Contact::employer)
                    .personal("email", "phone")
                    .searchable(SearchableText::of));

    public static final AggregateType<PartnershipId, SectorPartnership, PartnershipFilter> PARTNERSHIP = add(
            AggregateType.builder("partnership", SectorPartnership.class, PartnershipId.class, PartnershipFilter.class)
                    .attachable()
                    .ids(PartnershipId::of, PartnershipId::new)
                    .filter(PartnershipFilter.ALL, PartnershipFilter::matches)
                    .repoints("members", EMPLOYER, id -> new PartnershipFilter(null, null, null, null, (EmployerId) id), AggregateTypes::repointMember)
                    .searchable(SearchableText::of));

    public static final AggregateType<NeedId, BusinessNeed, NeedFilter> NEED = add(
            AggregateType.builder("need", BusinessNeed.class, NeedId.class, NeedFilter.class)
                    .attachable()
                    .ids(NeedId::of, NeedId::new)
                    .filter(NeedFilter.ALL, NeedFilter::matches)
                    .references("employer", EMPLOYER, BusinessNeed::employer)
                    .searchable(SearchableText::of));

    public static final AggregateType<EngagementId, Engagement, EngagementFilter> ENGAGEMENT = add(
            AggregateType.builder("engagement", Engagement.class, EngagementId.class, EngagementFilter.class)
                    .attachable()
                    .ids(EngagementId::of, EngagementId::new)
                    .filter(EngagementFilter.ALL, EngagementFilter::matches)
                    .references("employer", EMPLOYER, Engagement::employer)
                    .unique("externalId", "external id", Engagement::externalId)
                    .notes("notes", Engagement::notes)
                    .attachments()
                    .searchableFor(SearchableText::readableBy));

    public static final AggregateType<SolutionId, Solution, SolutionFilter> SOLUTION = add(
            AggregateType.builder("solution", Solution.class, SolutionId.class, SolutionFilter.class)
                    .attachable()
                    .ids(SolutionId::of, SolutionId::new)
                    .filter(SolutionFilter.ALL, SolutionFilter::matches)
                    .references("employer", EMPLOYER, Solution::employer)
                    .searchable(SearchableText::of));

    public static final AggregateType<ReferralId, Referral, ReferralFilter> REFERRAL = add(
            AggregateType.builder("referral", Referral.class, ReferralId.class, ReferralFilter.class)
                    .attachable()
                    .ids(ReferralId::of, ReferralId::new)
                    .filter(ReferralFilter.ALL, ReferralFilter::matches)
                    .references("employer", EMPLOYER, Referral::employer)
                    .attachments()
                    .searchable(SearchableText::of));

    public static final AggregateType<AppointmentId, Appointment, AppointmentFilter> APPOINTMENT = add(
            AggregateType.builder("appointment", Appointment.class, AppointmentId.class, AppointmentFilter.class)
                    .attachable()
                    .ids(AppointmentId::of, AppointmentId::new)
                    .filter(AppointmentFilter.ALL, AppointmentFilter::matches)
                    .references("employer", EMPLOYER, Appointment::employer)
                    .searchable(a -> SearchableText.join(a.title(), a.location())));

    /**
     * A message on a referral's thread. Its body is searchable text for the store's index; the operations show a message
     * only to the staff of the referral's two partners, and a search hit is read again through them.
     *
     * @since 2
     */
    public static final AggregateType<ReferralMessageId, ReferralMessage, ReferralMessageFilter> REFERRAL_MESSAGE = add(
            AggregateType.builder("referralMessage", ReferralMessage.class, ReferralMessageId.class, ReferralMessageFilter.class)
                    .plural("referral-messages")
                    .ids(ReferralMessageId::of, ReferralMessageId::new)
                    .filter(ReferralMessageFilter.ALL, ReferralMessageFilter::matches)
                    .references("employer", EMPLOYER, ReferralMessage::employer)
                    .searchable(ReferralMessage::body));

    /** How far one staff user has read one referral's messages (read state kept apart from the messages). @since 2 */
    public static final AggregateType<ReadMarkerId, ReadMarker, ReadMarkerFilter> READ_MARKER = add(
            AggregateType.builder("readMarker", ReadMarker.class, ReadMarkerId.class, ReadMarkerFilter.class)
                    .plural("read-markers")
                    .ids(ReadMarkerId::of, ReadMarkerId::new)
                    .filter(ReadMarkerFilter.ALL, ReadMarkerFilter::matches)
                    .searchable(m -> m.via() == null ? "" : m.via()));

    public static final AggregateType<OutcomeId, OutcomeMeasure, OutcomeFilter> OUTCOME = add(
            AggregateType.builder("outcome", OutcomeMeasure.class, OutcomeId.class, OutcomeFilter.class)
                    .attachable()
                    .ids(OutcomeId::of, OutcomeId::new)
                    .filter(OutcomeFilter.ALL, OutcomeFilter::matches)
                    .references("employer", EMPLOYER, OutcomeMeasure::employer)
                    .searchable(o -> SearchableText.join(o.metric().code(), o.metric().name())));

    public static final AggregateType<FeedbackId, Feedback, FeedbackFilter> FEEDBACK = add(
            AggregateType.builder("feedback", Feedback.class, FeedbackId.class, FeedbackFilter.class)
                    .attachable()
                    .plural("feedback")
                    .ids(FeedbackId::of, FeedbackId::new)
                    .filter(FeedbackFilter.ALL, FeedbackFilter::matches)
                    .references("employer", EMPLOYER, Feedback::employer)
                    .searchable(f -> f.comment() == null ? "" : f.comment()));

    /** Labour-market data (QCEW) per area and calendar quarter; the id is that natural key. @since 2 */
    public static final AggregateType<EstablishmentCountId, EstablishmentCount, EstablishmentCountFilter> ESTABLISHMENT_COUNT = add(
            AggregateType.builder("establishmentCount", EstablishmentCount.class, EstablishmentCountId.class, EstablishmentCountFilter.class)
                    .plural("establishment-counts")
                    .ids(EstablishmentCountId::of, null)
                    .filter(EstablishmentCountFilter.ALL, EstablishmentCountFilter::matches)
                    .searchable(c -> SearchableText.join(c.id().asString(), c.source() == null ? "" : c.source())));

    /** A reviewer's decision on a candidate pair of the dedupe scan; its id derives from the pair. @since 2 */
    public static final AggregateType<DuplicateReviewId, DuplicateReview, DuplicateReviewFilter> DUPLICATE_REVIEW = add(
            AggregateType.builder("duplicateReview", DuplicateReview.class, DuplicateReviewId.class, DuplicateReviewFilter.class)
                    .plural("duplicate-reviews")
                    .ids(DuplicateReviewId::of, DuplicateReviewId::new)
                    .filter(DuplicateReviewFilter.ALL, DuplicateReviewFilter::matches)
                    .searchable(r -> r.comment() == null ? "" : r.comment()));

    /** The tombstone of a merged employer (id: the merged employer's), pointing to the survivor. @since 2 */
    public static final AggregateType<EmployerMergeId, EmployerMerge, EmployerMergeFilter> EMPLOYER_MERGE = add(
            AggregateType.builder("employerMerge", EmployerMerge.class, EmployerMergeId.class, EmployerMergeFilter.class)
                    .plural("employer-merges")
                    .ids(EmployerMergeId::of, EmployerMergeId::new)
                    .filter(EmployerMergeFilter.ALL, EmployerMergeFilter::matches)
                    .references("survivor", EMPLOYER, EmployerMerge::survivor)
                    .searchable(m -> SearchableText.join(m.merged().legalName(), String.join("\n", m.merged().tradeNames()))));

    /**
     * A partnership moved from one member employer to another (members and their commitments). Both being members is
     * refused: joining the two memberships would lose one's role, and an unmerge could not tell them apart again.
     */
    private static Attachment repointAttachment(Attachment a, org.sectorcrm.core.Id from, org.sectorcrm.core.Id to) {
        return a.ownerType().equals("employer") && a.ownerId().equals(from.asString()) ? a.ownedBy(to.asString()) : a;
    }

    private static SectorPartnership repointMember(SectorPartnership p, org.sectorcrm.core.Id from, org.sectorcrm.core.Id to) {
        if (!p.hasMember((EmployerId) from)) {
            return p;
        }
        if (p.hasMember((EmployerId) to)) {
            throw org.sectorcrm.core.ValidationException.of("partnership", "members", "both employers " + from.asString() + " and " + to.asString()
                    + " are members of partnership " + p.id() + " (" + p.name() + "): remove one membership before merging");
        }
        List<org.sectorcrm.core.partnership.Member> members = new ArrayList<>();
        for (var m : p.members()) {
            members.add(m.employer().equals(from) ? new org.sectorcrm.core.partnership.Member((EmployerId) to, m.role()) : m);
        }
        List<org.sectorcrm.core.partnership.Commitment> commitments = new ArrayList<>();
        for (var c : p.commitments()) {
            commitments.add(c.member().equals(from) ? new org.sectorcrm.core.partnership.Commitment((EmployerId) to, c.kind(), c.description(), c.value(),
                    c.fulfilled()) : c);
        }
        return new SectorPartnership(p.id(), p.stamp(), p.name(), p.region(), p.sector(), p.convener(), p.stage(), members, p.supportPartners(),
                p.priorities(), p.actionTeams(), commitments);
    }

    /**
     * Files attached to records of any type that owns some (employers, engagements, referrals, ...), named by owner
     * type key and id, so it references no single type and comes last. Searchable by file name and description for
     * the readers its visibility allows. @since 2
     */
    public static final AggregateType<AttachmentId, Attachment, AttachmentFilter> ATTACHMENT = add(
            AggregateType.builder("attachment", Attachment.class, AttachmentId.class, AttachmentFilter.class)
                    .ids(AttachmentId::of, AttachmentId::new)
                    .filter(AttachmentFilter.ALL, AttachmentFilter::matches)
                    // An employer's files go with it in a merge (and come back on unmerge), like its other records.
                    .repoints("ownerId", EMPLOYER, id -> AttachmentFilter.of("employer", id.asString()), AggregateTypes::repointAttachment)
                    .searchableFor((a, r) -> a.readableBy(r.user(), r.partner(), java.util.Set.of())
                            ? SearchableText.join(a.filename(), a.description() == null ? "" : a.description()) : ""));

    private static final List<AggregateType<?, ?, ?>> ALL_VIEW = java.util.Collections.unmodifiableList(ALL);

    private AggregateTypes() {
    }

    private static <I extends org.sectorcrm.core.Id, T extends Aggregate<I>, F> AggregateType<I, T, F> add(AggregateType.Builder<I, T, F> builder) {
        AggregateType<I, T, F> type = builder.build();
        for (AggregateType<?, ?, ?> other : ALL) {
            if (other.key().equals(type.key()) || other.plural().equals(type.plural()) || other.recordClass() == type.recordClass()) {
                throw new IllegalStateException("aggregate types " + other + " and " + type + " share a key, plural or record class");
            }
        }
        ALL.add(type);
        return type;
    }

    /** Every aggregate type, in dependency order (a type after the types it refers to). */
    public static List<AggregateType<?, ?, ?>> all() {
        return ALL_VIEW;
    }

    /** The type with this {@link AggregateType#key() key}. */
    public static Optional<AggregateType<?, ?, ?>> byKey(String key) {
        return ALL.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** The type with this {@link AggregateType#plural() plural}. */
    public static Optional<AggregateType<?, ?, ?>> byPlural(String plural) {
        return ALL.stream().filter(t -> t.plural().equals(plural)).findFirst();
    }

    /** The type of a record, or an {@link IllegalArgumentException} for a class that is no aggregate of the domain. */
    @SuppressWarnings("unchecked")
    public static <I extends org.sectorcrm.core.Id, T extends Aggregate<I>> AggregateType<I, T, ?> of(T record) {
        return (AggregateType<I, T, ?>) ALL.stream().filter(t -> t.recordClass() == record.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(record.getClass().getName() + " is not an aggregate of the domain"));
    }
}
