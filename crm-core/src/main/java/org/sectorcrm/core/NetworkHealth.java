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

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.outcome.Direction;
import org.sectorcrm.core.outcome.Metric;
import org.sectorcrm.core.partnership.Commitment;
import org.sectorcrm.core.partnership.MemberRole;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.report.NeedsFunnel;
import org.sectorcrm.core.report.OutcomeReport;
import org.sectorcrm.core.report.PartnershipReport;
import org.sectorcrm.core.report.ReferralReport;
import org.sectorcrm.core.report.SatisfactionReport;
import org.sectorcrm.core.report.Stats;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.ReportQueries;
import org.sectorcrm.core.spi.ReportQueries.NeedFact;
import org.sectorcrm.core.spi.ReportQueries.OutcomeFact;
import org.sectorcrm.core.spi.ReportQueries.RatingCount;
import org.sectorcrm.core.spi.ReportQueries.ReferralFact;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * The outcome and network-health definitions over one transaction's view. The referral, funnel, outcome and
 * satisfaction reports read the storage's compact aggregate queries ({@link org.sectorcrm.core.spi.ReportQueries}:
 * one row per referral, need or measure from typed columns, feedback counted per group), never whole documents;
 * medians are computed here from those rows. Partnerships (a region has dozens) are still read page by page.
 */
final class NetworkHealth {
    private final StorageTransaction tx;

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

    OutcomeReport outcomes(OutcomeReport.Grouping by) {
        record Key(String metric, String key) {
        }
        Map<Key, List<OutcomeFact>> groups = new TreeMap<>(Comparator.comparing(Key::metric)
                .thenComparing(Key::key, Comparator.nullsFirst(Comparator.naturalOrder())));
        Map<String, Metric> metrics = new HashMap<>();
        long waiting = 0;
        // In id order, so that a custom metric named differently by two measures is shown as the first one names it.
        for (OutcomeFact m : ReportQueries.of(tx).outcomeFacts()) {
            if (m.latest() == null) {
                waiting++;
                continue;
            }
            String key = switch (by) {
                case SECTOR -> m.sector() == null ? null : m.sector().asString();
                case REGION -> m.region() == null ? null : m.region().asString();
                case PARTNERSHIP -> m.partnership() == null ? null : m.partnership().asString();
                case SOLUTION_TYPE -> m.solutionType() == null ? null : m.solutionType().name();
            };
            groups.computeIfAbsent(new Key(m.metric().code(), key), k -> new ArrayList<>()).add(m);
            metrics.putIfAbsent(m.metric().code(), m.metric());
        }
        List<OutcomeReport.Group> out = new ArrayList<>();
        groups.forEach((k, measures) -> {
            Metric metric = metrics.get(k.metric());
            List<BigDecimal> improvement = new ArrayList<>();
            List<BigDecimal> percent = new ArrayList<>();
            Set<EmployerId> behind = new HashSet<>();
            long improved = 0;
            for (OutcomeFact m : measures) {
                BigDecimal change = m.latest().subtract(m.baseline());
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

    SatisfactionReport satisfaction() {
        Map<String, long[]> byPartner = new TreeMap<>();
        Map<String, PartnerId> ids = new HashMap<>();
        Map<String, long[]> byType = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        long[] every = new long[5];
        // Counts per (partner, solution type, rating) from the storage; the ratings are 1..5, so a distribution is all
        // a mean and a median need.
        for (RatingCount c : ReportQueries.of(tx).feedbackRatings()) {
            every[c.rating() - 1] += c.count();
            if (c.partner() != null) {
                byPartner.computeIfAbsent(c.partner().asString(), k -> new long[5])[c.rating() - 1] += c.count();
                ids.put(c.partner().asString(), c.partner());
            }
            byType.computeIfAbsent(c.solutionType() == null ? null : c.solutionType().name(), k -> new long[5])[c.rating() - 1] += c.count();
        }
        List<SatisfactionReport.Group> partners = new ArrayList<>();
        byPartner.forEach((k, n) -> partners.add(new SatisfactionReport.Group(k, partnerName(ids.get(k)), ratings(n), distribution(n))));
        List<SatisfactionReport.Group> types = new ArrayList<>();
        byType.forEach((k, n) -> types.add(new SatisfactionReport.Group(k, k == null ? "feedback on an engagement" : k, ratings(n), distribution(n))));
        return new SatisfactionReport(ratings(every), distribution(every), partners, types);
    }

    private static Stats ratings(long[] distribution) {
        List<BigDecimal> values = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            for (long i = 0; i < distribution[r]; i++) {
                values.add(BigDecimal.valueOf(r + 1));
            }
        }
        return Stats.of(values);
    }

    private static List<Long> distribution(long[] n) {
        return List.of(n[0], n[1], n[2], n[3], n[4]);
    }

    private final Map<PartnerId, String> partnerNames = new HashMap<>();

    private String partnerName(PartnerId id) {
        return partnerNames.computeIfAbsent(id, k -> tx.partners().find(k).map(Partner::name).orElse(null));
    }

    ReferralReport referrals(LocalDate on) {
        record PairKey(PartnerId from, PartnerId to) {
        }
        Map<PairKey, List<ReferralFact>> pairs = new TreeMap<>(Comparator.comparing((PairKey p) -> p.from().asString()).thenComparing(p -> p.to().asString()));
        for (ReferralFact r : ReportQueries.of(tx).referralFacts()) {
            pairs.computeIfAbsent(new PairKey(r.from(), r.to()), k -> new ArrayList<>()).add(r);
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
            for (ReferralFact r : list) {
                if (r.responseMillis() != null) {
                    responseHours.add(hours(r.responseMillis()));
                } else if (r.status() != ReferralStatus.SENT && r.status() != ReferralStatus.CANCELLED) {
                    withoutMoment++; // answered before crm-core recorded the moment: no response time to give
                }
                if (r.completionMillis() != null) {
                    completionHours.add(hours(r.completionMillis()));
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

    /** Milliseconds ({@link ReportQueries#millisSinceSent}: from the moment the referral was recorded as sent) in hours. */
    private static BigDecimal hours(long ms) {
        return BigDecimal.valueOf(ms).divide(BigDecimal.valueOf(3_600_000L), MathContext.DECIMAL64);
    }

    private static List<BigDecimal> inDays(List<BigDecimal> hours) {
        return hours.stream().map(h -> h.divide(BigDecimal.valueOf(24), MathContext.DECIMAL64)).toList();
    }

    private static Double ratio(long n, long d) {
        return d == 0 ? null : (double) n / d;
    }

    NeedsFunnel needs() {
        // One compact row per need from the storage: category, the employer's sector, status, raisedOn and the earliest
        // agreement day of an AGREED-or-later solution addressing it (its start date for records without agreedOn).
        List<NeedFact> needs = ReportQueries.of(tx).needFacts();
        Map<String, List<NeedFact>> byCategory = new TreeMap<>();
        Map<String, List<NeedFact>> bySector = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (NeedFact n : needs) {
            byCategory.computeIfAbsent(n.category().name(), k -> new ArrayList<>()).add(n);
            bySector.computeIfAbsent(n.sector() == null ? null : n.sector().asString(), k -> new ArrayList<>()).add(n);
        }
        List<NeedsFunnel.Row> categories = new ArrayList<>();
        byCategory.forEach((k, list) -> categories.add(funnelRow(k, list)));
        List<NeedsFunnel.Row> sectors = new ArrayList<>();
        bySector.forEach((k, list) -> sectors.add(funnelRow(k, list)));
        return new NeedsFunnel(funnelRow(null, needs), categories, sectors);
    }

    private static NeedsFunnel.Row funnelRow(String key, List<NeedFact> needs) {
        Map<NeedStatus, Long> n = new EnumMap<>(NeedStatus.class);
        List<BigDecimal> days = new ArrayList<>();
        for (NeedFact need : needs) {
            n.merge(need.status(), 1L, Long::sum);
            if (need.agreedOn() != null && need.raisedOn() != null) {
                days.add(BigDecimal.valueOf(ChronoUnit.DAYS.between(need.raisedOn(), need.agreedOn())));
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
