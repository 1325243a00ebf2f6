package org.sectorcrm.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.outcome.Direction;
import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.Commitment;
import org.sectorcrm.core.partnership.MemberRole;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.report.NeedsFunnel;
import org.sectorcrm.core.report.OutcomeReport;
import org.sectorcrm.core.report.PartnershipReport;
import org.sectorcrm.core.report.ReferralReport;
import org.sectorcrm.core.report.SatisfactionReport;
import org.sectorcrm.core.report.Stats;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionId;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * The outcome and network-health definitions over one transaction's view. They read outcome measures, feedback,
 * referrals, needs, solutions and partnerships page by page (records a region has hundreds or thousands of, not the
 * millions of engagements; an engagement is read only by id, for the feedback about it), and look up the employers
 * they name.
 */
final class NetworkHealth {
    private final StorageTransaction tx;
    private final Map<EmployerId, Employer> employers = new HashMap<>();
    private final Map<SolutionId, Solution> solutions = new HashMap<>();

    NetworkHealth(StorageTransaction tx) {
        this.tx = tx;
    }

    static <I extends Id, T extends Aggregate<I>, F> List<T> all(AggregateStore<I, T, F> store) {
        return all(store, store.type().all());
    }

    static <I extends Id, T extends Aggregate<I>, F> List<T> all(AggregateStore<I, T, F> store, F filter) {
        List<T> out = new ArrayList<>();
        Page<T> page = store.query(filter, PageRequest.first(PageRequest.MAX_LIMIT));
        out.addAll(page.items());
        while (page.hasNext()) {
            page = store.query(filter, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
            out.addAll(page.items());
        }
        return out;
    }

    private Employer employer(EmployerId id) {
        return id == null ? null : employers.computeIfAbsent(id, k -> tx.employers().find(k).orElse(null));
    }

    private Solution solution(SolutionId id) {
        return id == null ? null : solutions.computeIfAbsent(id, k -> tx.solutions().find(k).orElse(null));
    }

    OutcomeReport outcomes(OutcomeReport.Grouping by) {
        record Key(String metric, String key) {
        }
        Map<Key, List<OutcomeMeasure>> groups = new TreeMap<>(Comparator.comparing(Key::metric)
                .thenComparing(Key::key, Comparator.nullsFirst(Comparator.naturalOrder())));
        Map<String, OutcomeMeasure> metrics = new HashMap<>();
        long waiting = 0;
        for (OutcomeMeasure m : all(tx.outcomes())) {
            if (m.observations().isEmpty()) {
                waiting++;
                continue;
            }
            Employer e = employer(m.employer());
            Solution s = solution(m.solution());
            String key = switch (by) {
                case SECTOR -> e == null || e.sector() == null ? null : e.sector().asString();
                case REGION -> e == null || e.region() == null ? null : e.region().asString();
                case PARTNERSHIP -> s == null || s.partnership() == null ? null : s.partnership().asString();
                case SOLUTION_TYPE -> s == null ? null : s.type().name();
            };
            groups.computeIfAbsent(new Key(m.metric().code(), key), k -> new ArrayList<>()).add(m);
            metrics.putIfAbsent(m.metric().code(), m);
        }
        List<OutcomeReport.Group> out = new ArrayList<>();
        groups.forEach((k, measures) -> {
            var metric = metrics.get(k.metric()).metric();
            List<BigDecimal> improvement = new ArrayList<>();
            List<BigDecimal> percent = new ArrayList<>();
            Set<EmployerId> behind = new HashSet<>();
            long improved = 0;
            for (OutcomeMeasure m : measures) {
                BigDecimal change = latest(m).value().subtract(m.baseline());
                BigDecimal better = metric.direction() == Direction.HIGHER_IS_BETTER ? change : change.negate();
                improvement.add(better);
                if (m.baseline().signum() != 0) {
                    percent.add(better.multiply(BigDecimal.valueOf(100)).divide(m.baseline().abs(), MathContext.DECIMAL64));
                }
                improved += better.signum() > 0 ? 1 : 0;
                behind.add(m.employer());
            }
            out.add(new OutcomeReport.Group(metric.code(), metric.name(), metric.unit(), metric.direction(), k.key(), behind.size(), measures.size(), improved,
                    Stats.of(improvement), Stats.of(percent)));
        });
        return new OutcomeReport(by, out, waiting);
    }

    /** The latest observation; of several on the same day, the last listed. */
    private static Observation latest(OutcomeMeasure m) {
        Observation latest = null;
        for (Observation o : m.observations()) {
            if (latest == null || !o.on().isBefore(latest.on())) {
                latest = o;
            }
        }
        return latest;
    }

    SatisfactionReport satisfaction() {
        Map<String, List<Integer>> byPartner = new TreeMap<>();
        Map<String, PartnerId> ids = new HashMap<>();
        Map<String, List<Integer>> byType = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        List<Integer> every = new ArrayList<>();
        for (Feedback f : all(tx.feedback())) {
            Solution s = solution(f.solution());
            PartnerId partner = s != null ? s.leadPartner() : f.engagement() == null ? null : tx.engagements().find(f.engagement()).map(Engagement::partner).orElse(null);
            every.add(f.rating());
            if (partner != null) {
                byPartner.computeIfAbsent(partner.asString(), k -> new ArrayList<>()).add(f.rating());
                ids.put(partner.asString(), partner);
            }
            byType.computeIfAbsent(s == null ? null : s.type().name(), k -> new ArrayList<>()).add(f.rating());
        }
        List<SatisfactionReport.Group> partners = new ArrayList<>();
        byPartner.forEach((k, r) -> partners.add(new SatisfactionReport.Group(k, partnerName(ids.get(k)), ratings(r), distribution(r))));
        List<SatisfactionReport.Group> types = new ArrayList<>();
        byType.forEach((k, r) -> types.add(new SatisfactionReport.Group(k, k == null ? "feedback on an engagement" : k, ratings(r), distribution(r))));
        return new SatisfactionReport(ratings(every), distribution(every), partners, types);
    }

    private static Stats ratings(List<Integer> r) {
        return Stats.of(r.stream().map(BigDecimal::valueOf).toList());
    }

    private static List<Long> distribution(List<Integer> ratings) {
        long[] n = new long[5];
        ratings.forEach(r -> n[r - 1]++);
        return List.of(n[0], n[1], n[2], n[3], n[4]);
    }

    private final Map<PartnerId, String> partnerNames = new HashMap<>();

    private String partnerName(PartnerId id) {
        return partnerNames.computeIfAbsent(id, k -> tx.partners().find(k).map(Partner::name).orElse(null));
    }

    ReferralReport referrals(LocalDate on) {
        record PairKey(PartnerId from, PartnerId to) {
        }
        Map<PairKey, List<Referral>> pairs = new TreeMap<>(Comparator.comparing((PairKey p) -> p.from().asString()).thenComparing(p -> p.to().asString()));
        for (Referral r : all(tx.referrals())) {
            pairs.computeIfAbsent(new PairKey(r.fromPartner(), r.toPartner()), k -> new ArrayList<>()).add(r);
        }
        List<ReferralReport.Pair> out = new ArrayList<>();
        pairs.forEach((k, list) -> {
            long unanswered = 0;
            long overdue = 0;
            long accepted = 0;
            long declined = 0;
            long cancelled = 0;
            long completed = 0;
            Map<String, Long> reasons = new TreeMap<>();
            List<BigDecimal> responseHours = new ArrayList<>();
            List<BigDecimal> completionHours = new ArrayList<>();
            long withoutMoment = 0;
            for (Referral r : list) {
                if (r.respondedAt() != null) {
                    responseHours.add(hoursSinceSent(r, r.respondedAt()));
                } else if (r.status() != ReferralStatus.SENT && r.status() != ReferralStatus.CANCELLED) {
                    withoutMoment++; // answered before crm-core recorded the moment: no response time to give
                }
                if (r.completedAt() != null) {
                    completionHours.add(hoursSinceSent(r, r.completedAt()));
                }
                switch (r.status()) {
                    case SENT -> {
                        unanswered++;
                        overdue += r.responseDue() != null && r.responseDue().isBefore(on) ? 1 : 0;
                    }
                    case ACCEPTED, IN_PROGRESS -> accepted++;
                    case COMPLETED -> {
                        accepted++;
                        completed++;
                    }
                    case DECLINED -> {
                        declined++;
                        reasons.merge(r.declineReason() == null ? "" : r.declineReason().trim(), 1L, Long::sum);
                    }
                    case CANCELLED -> cancelled++;
                }
            }
            Map<String, Double> reasonRates = new TreeMap<>();
            for (var e : reasons.entrySet()) {
                reasonRates.put(e.getKey(), ratio(e.getValue(), declined));
            }
            out.add(new ReferralReport.Pair(k.from(), partnerName(k.from()), k.to(), partnerName(k.to()), list.size(), unanswered, overdue, accepted,
                    declined, cancelled, completed, ratio(accepted, accepted + declined), ratio(completed, accepted), reasons, reasonRates,
                    Stats.of(responseHours), Stats.of(inDays(responseHours)), withoutMoment, Stats.of(inDays(completionHours))));
        });
        return new ReferralReport(on, out);
    }

    /**
     * Hours from the moment the referral was recorded as sent (its stamp's createdAt: when the receiver could first see
     * it; {@code sentOn} is only a day) to {@code moment}, exact to the millisecond; never below 0 (a restored record
     * whose clock ran behind).
     */
    private static BigDecimal hoursSinceSent(Referral r, java.time.Instant moment) {
        long ms = Math.max(0, java.time.Duration.between(r.stamp().createdAt(), moment).toMillis());
        return BigDecimal.valueOf(ms).divide(BigDecimal.valueOf(3_600_000L), MathContext.DECIMAL64);
    }

    private static List<BigDecimal> inDays(List<BigDecimal> hours) {
        return hours.stream().map(h -> h.divide(BigDecimal.valueOf(24), MathContext.DECIMAL64)).toList();
    }

    private static Double ratio(long n, long d) {
        return d == 0 ? null : (double) n / d;
    }

    NeedsFunnel needs() {
        // The first day an AGREED-or-later solution for each need was agreed; a solution stored before agreedOn existed
        // has none and counts from its start date instead (documented choice).
        Map<org.sectorcrm.core.need.NeedId, LocalDate> agreed = new HashMap<>();
        for (Solution s : all(tx.solutions())) {
            LocalDate day = s.agreedOn() != null ? s.agreedOn() : s.startDate();
            if (s.agreedOrLater() && day != null) {
                s.needs().forEach(n -> agreed.merge(n, day, (a, b) -> a.isBefore(b) ? a : b));
            }
        }
        List<BusinessNeed> needs = all(tx.needs());
        Map<String, List<BusinessNeed>> byCategory = new TreeMap<>();
        Map<String, List<BusinessNeed>> bySector = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (BusinessNeed n : needs) {
            byCategory.computeIfAbsent(n.category().name(), k -> new ArrayList<>()).add(n);
            Employer e = employer(n.employer());
            bySector.computeIfAbsent(e == null || e.sector() == null ? null : e.sector().asString(), k -> new ArrayList<>()).add(n);
        }
        List<NeedsFunnel.Row> categories = new ArrayList<>();
        byCategory.forEach((k, list) -> categories.add(funnelRow(k, list, agreed)));
        List<NeedsFunnel.Row> sectors = new ArrayList<>();
        bySector.forEach((k, list) -> sectors.add(funnelRow(k, list, agreed)));
        return new NeedsFunnel(funnelRow(null, needs, agreed), categories, sectors);
    }

    private static NeedsFunnel.Row funnelRow(String key, List<BusinessNeed> needs, Map<org.sectorcrm.core.need.NeedId, LocalDate> agreed) {
        Map<NeedStatus, Long> n = new EnumMap<>(NeedStatus.class);
        List<BigDecimal> days = new ArrayList<>();
        for (BusinessNeed need : needs) {
            n.merge(need.status(), 1L, Long::sum);
            LocalDate start = agreed.get(need.id());
            if (start != null && need.raisedOn() != null) {
                days.add(BigDecimal.valueOf(ChronoUnit.DAYS.between(need.raisedOn(), start)));
            }
        }
        return new NeedsFunnel.Row(key, needs.size(), n.getOrDefault(NeedStatus.OPEN, 0L), n.getOrDefault(NeedStatus.IN_PROGRESS, 0L),
                n.getOrDefault(NeedStatus.MET, 0L), n.getOrDefault(NeedStatus.UNMET, 0L), n.getOrDefault(NeedStatus.WITHDRAWN, 0L), Stats.of(days));
    }

    PartnershipReport partnerships() {
        Map<String, Long> byStage = new TreeMap<>();
        List<PartnershipReport.Row> rows = new ArrayList<>();
        for (SectorPartnership p : all(tx.partnerships())) {
            byStage.merge(p.stage().name(), 1L, Long::sum);
            long champions = p.members().stream().filter(m -> m.role() == MemberRole.CHAIR || m.role() == MemberRole.CHAMPION).count();
            Map<String, List<Commitment>> kinds = new TreeMap<>();
            p.commitments().forEach(c -> kinds.computeIfAbsent(c.kind().name(), k -> new ArrayList<>()).add(c));
            Map<String, PartnershipReport.Commitments> commitments = new TreeMap<>();
            kinds.forEach((k, list) -> {
                BigDecimal pledged = list.stream().map(Commitment::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal fulfilled = list.stream().map(c -> c.fulfilled() == null ? BigDecimal.ZERO : c.fulfilled()).reduce(BigDecimal.ZERO, BigDecimal::add);
                commitments.put(k, new PartnershipReport.Commitments(list.size(), pledged, fulfilled,
                        pledged.signum() == 0 ? null : fulfilled.divide(pledged, MathContext.DECIMAL64).doubleValue()));
            });
            Map<String, Long> priorities = new TreeMap<>();
            p.priorities().forEach(pr -> priorities.merge(pr.status().name(), 1L, Long::sum));
            rows.add(new PartnershipReport.Row(p.id(), p.name(), p.stage().name(), p.members().size(), champions, commitments, priorities));
        }
        rows.sort(Comparator.comparing(r -> r.partnership().asString()));
        return new PartnershipReport(byStage, rows);
    }
}
