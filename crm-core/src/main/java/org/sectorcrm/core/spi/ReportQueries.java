package org.sectorcrm.core.spi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.outcome.Metric;
import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.outcome.OutcomeId;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionId;
import org.sectorcrm.core.solution.SolutionType;

/**
 * The aggregate queries reports run, answered by the storage over one transaction's view (its own writes included,
 * deleted records excluded). A storage with SQL computes them in the database; {@link #scanning} computes them by
 * reading the stores, which is correct for every storage and what the in-memory reference does.
 *
 * <p>The queries added during SPI 2 from kit 2.3 on ({@link #referralFacts}, {@link #needFacts}, {@link #outcomeFacts},
 * {@link #feedbackRatings}, {@link #cadenceFacts}) have defaults, so that a store written against an earlier kit still
 * compiles: each throws {@link NotAnswered}, and the reports, which read the queries through {@link #of}, then compute
 * that query by {@link #scanning} (correct, and as slow as reading every record). The kit holds every store to these
 * queries' contracts all the same: a store that leaves one to its default fails the kit's Reports group until it
 * answers it.
 *
 * @since 2
 */
public interface ReportQueries {

    /**
     * Number of employers matching {@code filter} per (region, sector) pair, null region or sector included as its own
     * group, ordered by region then sector (by id text) with nulls first.
     */
    List<GroupCount> countByRegionAndSector(EmployerFilter filter);

    /**
     * For ESE reports: the distinct (employer, establishment, category) triples of staff-assisted engagements dated
     * {@code from}..{@code to} inclusive, one per ESE category delivered; establishment is null for engagements that
     * name none. In no particular order.
     */
    List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to);

    /**
     * For the ETA-9169 counts: the distinct (employer, establishment, category) triples of the <em>countable</em>
     * services dated {@code from}..{@code to} inclusive, one per ESE category delivered, of engagements of
     * {@code partner} (null: of every partner). Countable means staff-assisted with at least one ESE category;
     * mass mailings and cold calls never are (an {@link Engagement} refuses to be both), so no store needs to look at
     * the channel. Establishment is null for engagements that name none. In no particular order. A store answers it
     * without returning one row per engagement (SQL: {@code SELECT DISTINCT}).
     *
     * @throws org.sectorcrm.core.ValidationException when {@code from} or {@code to} is null
     * @since 2 (kit 2.1)
     */
    List<ServedEstablishment> countableServices(LocalDate from, LocalDate to, PartnerId partner);

    /**
     * For the ETA-9169 counts: {@link #countableServices} with each triple <em>placed</em>, so that a report never reads
     * the served employers one by one. Per row: the employer; the establishment served, i.e. the engagement's, or, for
     * an engagement that names none, its employer's primary establishment (null when the employer has none); the
     * category; that establishment's county as its employer lists it (null when it has none, or when the employer no
     * longer lists the establishment); and the employer's region. With {@code byCategory} false the category is null
     * and there is one row per placed establishment (what the repeat-business look-back needs: fewer rows). Rows of
     * employers deleted in this view are left out. Distinct, in no particular order. A store answers it in one query
     * (SQL: the distinct triples joined to the employer and its establishments).
     *
     * @throws org.sectorcrm.core.ValidationException when {@code from} or {@code to} is null
     * @since 2 (kit 2.2)
     */
    List<PlacedService> placedCountableServices(LocalDate from, LocalDate to, PartnerId partner, boolean byCategory);

    /**
     * For the network-health reports (contact cadence, duplicated effort): per (employer, partner) with engagements
     * dated {@code from}..{@code to} inclusive (a null end is open), the latest such date and how many there are. Every
     * engagement but a mass mailing counts as contact, staff-assisted or not. In no particular order; a store answers it
     * without returning one row per engagement (SQL: {@code GROUP BY}).
     *
     * @since 2
     */
    List<PartnerContact> partnerContacts(LocalDate from, LocalDate to);

    /**
     * For the referral report: one row per referral, from the referral's own fields: the partner pair, the status, the
     * response due date, the decline reason as written (the report trims it), and the milliseconds from the moment it
     * was recorded as sent (its stamp's {@code createdAt}) to {@code respondedAt} and to {@code completedAt}, never
     * below 0, null when the moment is null ({@link #millisSinceSent}). In no particular order; a store answers it from
     * columns, without decoding documents.
     *
     * @since 2 (kit 2.3)
     */
    default List<ReferralFact> referralFacts() {
        throw new NotAnswered("referralFacts");
    }

    /**
     * For the needs funnel: one row per need with its category, its employer's sector (null when the employer has none
     * or is gone), its status and {@code raisedOn}, and the earliest agreement day of the solutions in AGREED or later
     * that address it: each solution's {@code agreedOn}, or its {@code startDate} when it has none (records stored
     * before {@code agreedOn} existed); null when no such solution has either. In no particular order.
     *
     * @since 2 (kit 2.3)
     */
    default List<NeedFact> needFacts() {
        throw new NotAnswered("needFacts");
    }

    /**
     * For the outcome report: one row per outcome measure, <em>in id order</em>, with its employer and metric, its
     * baseline and the value of its latest observation ({@link #latestObservation}; null without one), the employer's
     * sector and region (null when none or gone) and the partnership and type of the measure's solution (null without
     * one, or when it is gone). Decimals keep their scale.
     *
     * @since 2 (kit 2.3)
     */
    default List<OutcomeFact> outcomeFacts() {
        throw new NotAnswered("outcomeFacts");
    }

    /**
     * For the satisfaction report: the number of feedback records per (partner, solution type, rating). The partner is
     * the lead partner of the solution the feedback is about; when it names none (or it is gone), the partner of its
     * engagement (null when it names none or it is gone); the solution type is null for feedback without a solution.
     * In no particular order; a store answers it without returning one row per feedback (SQL: {@code GROUP BY}).
     *
     * @since 2 (kit 2.3)
     */
    default List<RatingCount> feedbackRatings() {
        throw new NotAnswered("feedbackRatings");
    }

    /**
     * For the contact-cadence report: one row per employer that is not {@code INACTIVE}, with its legal name, its sector
     * (null when none) and the partner leading its relationship (null when none), so that the report need not read the
     * employers' documents. In no particular order; a store answers it from columns.
     *
     * @since 2 (kit 2.3)
     */
    default List<CadenceFact> cadenceFacts() {
        throw new NotAnswered("cadenceFacts");
    }

    /** One row of {@link #cadenceFacts}. */
    record CadenceFact(EmployerId employer, String legalName, SectorCode sector, PartnerId lead) {
    }

    /**
     * What the defaults of the queries added during SPI 2 throw: the store does not answer the query, and
     * {@link #of} computes it by {@link #scanning} instead. Never thrown by a query a store implements.
     *
     * @since 2 (kit 2.3)
     */
    final class NotAnswered extends UnsupportedOperationException {
        private static final long serialVersionUID = 1L;

        public NotAnswered(String query) {
            super("ReportQueries." + query + " is not answered by this store (the SPI default): reports compute it by reading the stores;"
                    + " implement it to pass kit 2.3");
        }
    }

    /**
     * The report queries of {@code tx} as reports read them: {@code tx.reports()}, with every query its store leaves to
     * the default ({@link NotAnswered}) computed by {@link #scanning} over {@code tx}.
     *
     * @since 2 (kit 2.3)
     */
    static ReportQueries of(StorageTransaction tx) {
        Objects.requireNonNull(tx, "tx");
        return new ForwardingReportQueries(tx.reports()) {
            @Override
            public List<ReferralFact> referralFacts() {
                try {
                    return super.referralFacts();
                } catch (NotAnswered e) {
                    return scanning(tx).referralFacts();
                }
            }

            @Override
            public List<NeedFact> needFacts() {
                try {
                    return super.needFacts();
                } catch (NotAnswered e) {
                    return scanning(tx).needFacts();
                }
            }

            @Override
            public List<OutcomeFact> outcomeFacts() {
                try {
                    return super.outcomeFacts();
                } catch (NotAnswered e) {
                    return scanning(tx).outcomeFacts();
                }
            }

            @Override
            public List<RatingCount> feedbackRatings() {
                try {
                    return super.feedbackRatings();
                } catch (NotAnswered e) {
                    return scanning(tx).feedbackRatings();
                }
            }

            @Override
            public List<CadenceFact> cadenceFacts() {
                try {
                    return super.cadenceFacts();
                } catch (NotAnswered e) {
                    return scanning(tx).cadenceFacts();
                }
            }
        };
    }

    /** One row of {@link #referralFacts}. */
    record ReferralFact(PartnerId from, PartnerId to, ReferralStatus status, LocalDate responseDue, String declineReason, Long responseMillis,
            Long completionMillis) {
    }

    /** One row of {@link #needFacts}. */
    record NeedFact(NeedCategory category, SectorCode sector, NeedStatus status, LocalDate raisedOn, LocalDate agreedOn) {
    }

    /** One row of {@link #outcomeFacts}. */
    record OutcomeFact(OutcomeId id, EmployerId employer, Metric metric, BigDecimal baseline, BigDecimal latest, SectorCode sector, RegionCode region,
            PartnershipId partnership, SolutionType solutionType) {
    }

    /** One group of {@link #feedbackRatings}. */
    record RatingCount(PartnerId partner, SolutionType solutionType, int rating, long count) {
    }

    /**
     * Milliseconds from the moment {@code r} was recorded as sent (its stamp's createdAt: when the receiver could first
     * see it) to {@code moment}, exact to the millisecond and never below 0 (a restored record whose clock ran behind);
     * null when {@code moment} is.
     */
    static Long millisSinceSent(Referral r, Instant moment) {
        return moment == null ? null : Math.max(0, Duration.between(r.stamp().createdAt(), moment).toMillis());
    }

    /** The observation a report compares with the baseline: the one with the latest date; of several that day, the last listed. */
    static Optional<Observation> latestObservation(OutcomeMeasure m) {
        Observation latest = null;
        for (Observation o : m.observations()) {
            if (latest == null || !o.on().isBefore(latest.on())) {
                latest = o;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** One row of {@link #partnerContacts}. */
    record PartnerContact(EmployerId employer, PartnerId partner, LocalDate last, long engagements) {
    }

    /** One group of {@link #countByRegionAndSector}. */
    record GroupCount(RegionCode region, SectorCode sector, long count) {
    }

    /** One row of {@link #servedEstablishments}. */
    record ServedEstablishment(EmployerId employer, EstablishmentId establishment, EseCategory category) {
    }

    /** One row of {@link #placedCountableServices}. */
    record PlacedService(EmployerId employer, EstablishmentId establishment, EseCategory category, String county, RegionCode region) {
    }

    /**
     * The reference definition of {@link #placedCountableServices}: places each of {@code served} by reading its
     * employer through {@code employers} (once per employer). For stores whose reads are cheap (in memory).
     */
    static List<PlacedService> place(List<ServedEstablishment> served, boolean byCategory,
            java.util.function.Function<EmployerId, java.util.Optional<Employer>> employers) {
        java.util.Map<EmployerId, java.util.Optional<Employer>> read = new java.util.HashMap<>();
        Set<PlacedService> placed = new LinkedHashSet<>();
        for (ServedEstablishment s : served) {
            Employer employer = read.computeIfAbsent(s.employer(), employers).orElse(null);
            if (employer == null) {
                continue;
            }
            Establishment site = s.establishment() == null ? employer.primaryEstablishment().orElse(null)
                    : employer.establishment(s.establishment()).orElse(null);
            EstablishmentId id = s.establishment() != null ? s.establishment() : site == null ? null : site.id();
            placed.add(new PlacedService(employer.id(), id, byCategory ? s.category() : null, site == null ? null : site.county(), employer.region()));
        }
        return List.copyOf(placed);
    }

    /** The queries computed by reading {@code tx}'s stores page by page. */
    static ReportQueries scanning(StorageTransaction tx) {
        Objects.requireNonNull(tx, "tx");
        return new ReportQueries() {
            @Override
            public List<GroupCount> countByRegionAndSector(EmployerFilter filter) {
                Objects.requireNonNull(filter, "filter");
                Comparator<Id> nullsFirst = Comparator.nullsFirst(Comparator.comparing(Id::asString));
                TreeMap<List<Id>, Long> groups = new TreeMap<>((a, b) -> {
                    int c = nullsFirst.compare(a.get(0), b.get(0));
                    return c != 0 ? c : nullsFirst.compare(a.get(1), b.get(1));
                });
                forEach(tx.employers(), filter, e -> groups.merge(Arrays.asList(e.region(), e.sector()), 1L, Long::sum));
                List<GroupCount> result = new ArrayList<>();
                groups.forEach((k, n) -> result.add(new GroupCount((RegionCode) k.get(0), (SectorCode) k.get(1), n)));
                return result;
            }

            @Override
            public List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to) {
                Objects.requireNonNull(from, "from");
                Objects.requireNonNull(to, "to");
                Set<ServedEstablishment> served = new LinkedHashSet<>();
                forEach(tx.engagements(), tx.engagements().type().all(), (Engagement e) -> {
                    if (e.staffAssisted() && !e.date().isBefore(from) && !e.date().isAfter(to)) {
                        e.services().forEach(c -> served.add(new ServedEstablishment(e.employer(), e.establishment(), c)));
                    }
                });
                return List.copyOf(served);
            }

            @Override
            public List<ServedEstablishment> countableServices(LocalDate from, LocalDate to, PartnerId partner) {
                if (from == null || to == null) {
                    throw org.sectorcrm.core.ValidationException.of("report", from == null ? "from" : "to", "is required");
                }
                Set<ServedEstablishment> served = new LinkedHashSet<>();
                forEach(tx.engagements(), tx.engagements().type().all(), (Engagement e) -> {
                    if (e.countsForEse() && !e.date().isBefore(from) && !e.date().isAfter(to) && (partner == null || partner.equals(e.partner()))) {
                        e.services().forEach(c -> served.add(new ServedEstablishment(e.employer(), e.establishment(), c)));
                    }
                });
                return List.copyOf(served);
            }

            @Override
            public List<PlacedService> placedCountableServices(LocalDate from, LocalDate to, PartnerId partner, boolean byCategory) {
                return place(countableServices(from, to, partner), byCategory, tx.employers()::find);
            }

            @Override
            public List<PartnerContact> partnerContacts(LocalDate from, LocalDate to) {
                java.util.Map<List<Id>, PartnerContact> contacts = new java.util.LinkedHashMap<>();
                forEach(tx.engagements(), tx.engagements().type().all(), (Engagement e) -> {
                    if (e.channel() != org.sectorcrm.core.engagement.Channel.MASS_MAILING && (from == null || !e.date().isBefore(from))
                            && (to == null || !e.date().isAfter(to))) {
                        contacts.merge(List.of(e.employer(), e.partner()), new PartnerContact(e.employer(), e.partner(), e.date(), 1),
                                (a, b) -> new PartnerContact(a.employer(), a.partner(), a.last().isAfter(b.last()) ? a.last() : b.last(), a.engagements() + 1));
                    }
                });
                return List.copyOf(contacts.values());
            }

            @Override
            public List<ReferralFact> referralFacts() {
                List<ReferralFact> facts = new ArrayList<>();
                forEach(tx.referrals(), tx.referrals().type().all(), (Referral r) -> facts.add(new ReferralFact(r.fromPartner(), r.toPartner(), r.status(),
                        r.responseDue(), r.declineReason(), millisSinceSent(r, r.respondedAt()), millisSinceSent(r, r.completedAt()))));
                return facts;
            }

            @Override
            public List<NeedFact> needFacts() {
                Map<NeedId, LocalDate> agreed = new HashMap<>();
                forEach(tx.solutions(), tx.solutions().type().all(), (Solution s) -> {
                    LocalDate day = s.agreedOn() != null ? s.agreedOn() : s.startDate();
                    if (s.agreedOrLater() && day != null) {
                        s.needs().forEach(n -> agreed.merge(n, day, (a, b) -> a.isBefore(b) ? a : b));
                    }
                });
                Map<EmployerId, Optional<Employer>> employers = new HashMap<>();
                List<NeedFact> facts = new ArrayList<>();
                forEach(tx.needs(), tx.needs().type().all(), (BusinessNeed n) -> {
                    Employer e = employers.computeIfAbsent(n.employer(), tx.employers()::find).orElse(null);
                    facts.add(new NeedFact(n.category(), e == null ? null : e.sector(), n.status(), n.raisedOn(), agreed.get(n.id())));
                });
                return facts;
            }

            @Override
            public List<OutcomeFact> outcomeFacts() {
                Map<EmployerId, Optional<Employer>> employers = new HashMap<>();
                Map<SolutionId, Optional<Solution>> solutions = new HashMap<>();
                List<OutcomeFact> facts = new ArrayList<>();
                forEach(tx.outcomes(), tx.outcomes().type().all(), (OutcomeMeasure m) -> {
                    Employer e = employers.computeIfAbsent(m.employer(), tx.employers()::find).orElse(null);
                    Solution s = m.solution() == null ? null : solutions.computeIfAbsent(m.solution(), tx.solutions()::find).orElse(null);
                    facts.add(new OutcomeFact(m.id(), m.employer(), m.metric(), m.baseline(), latestObservation(m).map(Observation::value).orElse(null),
                            e == null ? null : e.sector(), e == null ? null : e.region(), s == null ? null : s.partnership(), s == null ? null : s.type()));
                });
                facts.sort(Comparator.comparing(f -> f.id().asString()));
                return facts;
            }

            @Override
            public List<RatingCount> feedbackRatings() {
                Map<SolutionId, Optional<Solution>> solutions = new HashMap<>();
                Map<List<Object>, Long> counts = new java.util.LinkedHashMap<>();
                forEach(tx.feedback(), tx.feedback().type().all(), (Feedback f) -> {
                    Solution s = f.solution() == null ? null : solutions.computeIfAbsent(f.solution(), tx.solutions()::find).orElse(null);
                    PartnerId partner = s != null ? s.leadPartner()
                            : f.engagement() == null ? null : tx.engagements().find(f.engagement()).map(Engagement::partner).orElse(null);
                    counts.merge(Arrays.asList(partner, s == null ? null : s.type(), f.rating()), 1L, Long::sum);
                });
                List<RatingCount> rows = new ArrayList<>();
                counts.forEach((k, n) -> rows.add(new RatingCount((PartnerId) k.get(0), (SolutionType) k.get(1), (Integer) k.get(2), n)));
                return rows;
            }

            @Override
            public List<CadenceFact> cadenceFacts() {
                List<CadenceFact> facts = new ArrayList<>();
                forEach(tx.employers(), EmployerFilter.ALL, (Employer e) -> {
                    if (e.status() != org.sectorcrm.core.employer.EmployerStatus.INACTIVE) {
                        facts.add(new CadenceFact(e.id(), e.legalName(), e.sector(), e.lead() == null ? null : e.lead().partner()));
                    }
                });
                return facts;
            }
        };
    }

    private static <I extends Id, T extends org.sectorcrm.core.Aggregate<I>, F> void forEach(AggregateStore<I, T, F> store, F filter,
            java.util.function.Consumer<T> each) {
        Page<T> page = store.query(filter, PageRequest.first(PageRequest.MAX_LIMIT));
        page.items().forEach(each);
        while (page.hasNext()) {
            page = store.query(filter, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
            page.items().forEach(each);
        }
    }
}
