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
     * For the ESE report, both of its windows in one answer, the area applied: one row per establishment served in the
     * area, placed as {@link #placedCountableServices} places it (the engagement's establishment, or for an engagement
     * that names none its employer's primary one), with the ESE categories of its countable services dated
     * {@code query.from()}..{@code query.to()} (empty when it was served only in the look-back window) and whether it had
     * a countable service dated {@code query.lookBackFrom()}..{@code query.lookBackTo()}; all days inclusive. Only
     * establishments with a countable service in at least one window are listed, each once per employer: an engagement
     * naming no establishment and one naming the primary establishment give one row. A row with a null establishment
     * is an employer with such services that has no establishment to place them at.
     *
     * <p>The area: {@code query.partner()} keeps the services of that partner's engagements. {@code query.region()}
     * keeps an establishment whose county (as its employer lists it) is one of {@code query.counties()}, compared by
     * {@link #countyKey}; an establishment without a county (null or blank, or no longer listed by its employer) is
     * kept when its employer's region is {@code query.region()}, and so is a row with a null establishment. Rows of
     * employers deleted in this view are left out. In no particular order.
     *
     * <p>The default is the reference definition over two {@link #placedCountableServices} calls; a store with SQL
     * answers it in one statement, the area applied in the database (fewer rows, and a small region reads only its
     * employers' index entries).
     *
     * @throws org.sectorcrm.core.ValidationException when a day of either window is null (checked by {@link EseQuery})
     * @since 2
     */
    default List<EseEstablishment> eseEstablishments(EseQuery query) {
        Objects.requireNonNull(query, "query");
        return EseQuery.reference(query, placedCountableServices(query.from(), query.to(), query.partner(), true),
                placedCountableServices(query.lookBackFrom(), query.lookBackTo(), query.partner(), false));
    }

    /**
     * The key counties compare by: ignoring case, surrounding and repeated blanks and a trailing " County" ("Cook County"
     * = "cook"); null for null or blank (no county).
     */
    static String countyKey(String county) {
        if (county == null || county.isBlank()) {
            return null;
        }
        String c = EseQuery.BLANKS.matcher(county.trim()).replaceAll(" ").toLowerCase(java.util.Locale.ROOT);
        return c.endsWith(" county") ? c.substring(0, c.length() - " county".length()).trim() : c;
    }

    /**
     * The question of {@link #eseEstablishments}: the period's days, the look-back window's days, and the area (all
     * null: the state; a partner; or a region with its counties as the region lists them).
     */
    record EseQuery(LocalDate from, LocalDate to, LocalDate lookBackFrom, LocalDate lookBackTo, PartnerId partner, RegionCode region, List<String> counties) {
        static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");

        public EseQuery {
            org.sectorcrm.core.internal.Check c = org.sectorcrm.core.internal.Check.of("report").require("from", from).require("to", to)
                    .require("lookBackFrom", lookBackFrom).require("lookBackTo", lookBackTo);
            counties = List.copyOf(c.list("counties", counties));
            if (region == null && !counties.isEmpty()) {
                c.fail("counties", "are only given with a region");
            }
            c.throwIfInvalid();
        }

        /** The whole deployment, or one partner's services when {@code partner} is not null. */
        public static EseQuery of(LocalDate from, LocalDate to, LocalDate lookBackFrom, LocalDate lookBackTo, PartnerId partner) {
            return new EseQuery(from, to, lookBackFrom, lookBackTo, partner, null, List.of());
        }

        /** The establishments of a region: those in {@code counties}, and those without a county whose employer is in {@code region}. */
        public static EseQuery inRegion(LocalDate from, LocalDate to, LocalDate lookBackFrom, LocalDate lookBackTo, RegionCode region, List<String> counties) {
            return new EseQuery(from, to, lookBackFrom, lookBackTo, null, Objects.requireNonNull(region, "region"), counties);
        }

        /** The region's counties as {@link ReportQueries#countyKey} keys (empty without a region). */
        public Set<String> countyKeys() {
            Set<String> keys = new java.util.HashSet<>();
            counties.forEach(c -> {
                String k = countyKey(c);
                if (k != null) {
                    keys.add(k);
                }
            });
            return keys;
        }

        /** Whether a placed row is in this query's region (always, without a region); the partner is the query's. */
        public boolean inArea(PlacedService s, Set<String> countyKeys) {
            if (region == null) {
                return true;
            }
            String key = s.establishment() == null ? null : countyKey(s.county());
            return key != null ? countyKeys.contains(key) : region.equals(s.region());
        }

        /**
         * The reference definition of {@link ReportQueries#eseEstablishments} from the placed rows of the period (by
         * category) and of the look-back window, both already of the query's partner.
         */
        public static List<EseEstablishment> reference(EseQuery query, List<PlacedService> period, List<PlacedService> lookBack) {
            Set<String> keys = query.countyKeys();
            java.util.Map<List<Object>, Object[]> rows = new java.util.LinkedHashMap<>();
            for (PlacedService s : period) {
                if (query.inArea(s, keys)) {
                    Object[] row = rows.computeIfAbsent(java.util.Arrays.asList(s.employer(), s.establishment()),
                            k -> new Object[] {java.util.EnumSet.noneOf(EseCategory.class), false});
                    @SuppressWarnings("unchecked")
                    Set<EseCategory> categories = (Set<EseCategory>) row[0];
                    if (s.category() != null) {
                        categories.add(s.category());
                    }
                }
            }
            for (PlacedService s : lookBack) {
                if (query.inArea(s, keys)) {
                    rows.computeIfAbsent(java.util.Arrays.asList(s.employer(), s.establishment()),
                            k -> new Object[] {java.util.EnumSet.noneOf(EseCategory.class), false})[1] = true;
                }
            }
            List<EseEstablishment> result = new ArrayList<>(rows.size());
            rows.forEach((k, row) -> {
                @SuppressWarnings("unchecked")
                Set<EseCategory> categories = (Set<EseCategory>) row[0];
                result.add(new EseEstablishment((EmployerId) k.get(0), (EstablishmentId) k.get(1), categories, (Boolean) row[1]));
            });
            return result;
        }
    }

    /**
     * One row of {@link #eseEstablishments}: the employer, the establishment placed (null: the employer has none to
     * place its services at), the categories served in the period (empty: only in the look-back window) and whether it
     * was served in the look-back window.
     */
    record EseEstablishment(EmployerId employer, EstablishmentId establishment, Set<EseCategory> categories, boolean lookBack) {
        public EseEstablishment {
            if (employer == null || categories == null) {
                throw org.sectorcrm.core.ValidationException.of("ESE establishment", employer == null ? "employer" : "categories", "is required");
            }
            categories = Set.copyOf(categories); // the same instance when already immutable
        }
    }

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
