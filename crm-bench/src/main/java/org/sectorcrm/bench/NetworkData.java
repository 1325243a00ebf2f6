package org.sectorcrm.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionId;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.solution.SolutionType;

/**
 * The seeded engagements, needs, solutions and referrals of the benchmark data set, over employers already generated
 * ({@link BenchData}): the same seed and employers give the same records with the same ids. Distributions:
 * engagements and needs favour a few employers (an employer index drawn as {@code n u^3}, resp. {@code n u^2}); dates
 * spread over the program years PY2023..PY2025 (2023-07-01..2026-06-30); 85 % of engagements staff-assisted with one
 * ESE category, 30 % of those with a second; needs a third open, a quarter in progress, the rest closed; solutions
 * address one need (70 %) or two of the same employer, a fifth proposed, 70 % agreed or later, agreed 5-180 days
 * after the need was raised; referrals between two distinct partners, 35 % completed, 20 % declined with one of
 * five reasons, answered after an exponentially distributed time (mean two days).
 */
public final class NetworkData {
    static final String[] REASONS = {"No capacity this quarter", "Outside our service area", "Employer not eligible", "Duplicate request",
        "Employer unresponsive"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 7, 1);
    private static final int DAYS = 3 * 365;
    private static final EseCategory[] CATEGORIES = EseCategory.values();
    private static final Channel[] ASSISTED = {Channel.MEETING, Channel.CALL, Channel.EMAIL, Channel.EVENT, Channel.SITE_VISIT, Channel.VIRTUAL};
    private static final Channel[] UNASSISTED = {Channel.MASS_MAILING, Channel.COLD_CALL, Channel.EMAIL};

    /** One partner of the data set with the staff user its records are written by. */
    public record Staff(PartnerId partner, StaffUserId staff) {
    }

    /** The employers the records are about: ids in generation order, each with its establishments. */
    public record Employers(EmployerId[] ids, EstablishmentId[][] establishments) {
    }

    private final Employers employers;
    private final List<Staff> partners;
    private final BenchData ids;
    private final Random random;
    // the needs, kept compact for the solutions that address them
    private UUID[] needIds = new UUID[0];
    private int[] needEmployer = new int[0];
    private int[] needRaised = new int[0];

    public NetworkData(long seed, Employers employers, List<Staff> partners) {
        if (partners.size() < 2) {
            throw new IllegalArgumentException("referrals need at least two partners, got " + partners.size());
        }
        this.employers = employers;
        this.partners = List.copyOf(partners);
        this.ids = new BenchData(seed * 31 + 7);
        this.random = new Random(seed);
    }

    private int skewed(int power) {
        double u = random.nextDouble();
        return (int) (employers.ids().length * Math.pow(u, power));
    }

    private LocalDate day() {
        return FIRST_DAY.plusDays(random.nextInt(DAYS));
    }

    /** The next engagement of {@code by} (the bulk import logs each partner's engagements as its staff). */
    public Engagement engagement(Staff by) {
        int e = skewed(3);
        EstablishmentId[] sites = employers.establishments()[e];
        boolean assisted = random.nextDouble() < 0.85;
        Channel channel = assisted ? ASSISTED[random.nextInt(ASSISTED.length)] : UNASSISTED[random.nextInt(UNASSISTED.length)];
        Set<EseCategory> services = EnumSet.noneOf(EseCategory.class);
        if (assisted) {
            services.add(CATEGORIES[random.nextInt(CATEGORIES.length)]);
            if (random.nextDouble() < 0.3) {
                services.add(CATEGORIES[random.nextInt(CATEGORIES.length)]);
            }
        }
        EstablishmentId site = sites.length == 0 || random.nextDouble() < 0.2 ? null : sites[random.nextInt(sites.length)];
        return Engagement.of(employers.ids()[e], by.partner(), by.staff(), day(), channel, assisted ? "Business services visit" : "Outreach")
                .withStaffAssisted(assisted).withServices(services).withEstablishment(site).withId(new EngagementId(ids.nextId()));
    }

    /**
     * The {@code n} needs, grouped by employer (so that a solution can address two needs of one employer), generated as
     * the stream is read (constant memory but for the compact columns {@link #solution} picks from). Drafts with ids; the
     * bulk import stamps them.
     */
    public Stream<BusinessNeed> needs(int n) {
        int[] owners = new int[n];
        for (int i = 0; i < n; i++) {
            owners[i] = skewed(2);
        }
        Arrays.sort(owners);
        needIds = new UUID[n];
        needEmployer = owners;
        needRaised = new int[n];
        return IntStream.range(0, n).mapToObj(this::need);
    }

    private BusinessNeed need(int i) {
        NeedCategory[] categories = NeedCategory.values();
        LocalDate raised = day();
        double u = random.nextDouble();
        NeedStatus status = u < 0.33 ? NeedStatus.OPEN : u < 0.58 ? NeedStatus.IN_PROGRESS : u < 0.83 ? NeedStatus.MET : u < 0.95 ? NeedStatus.UNMET
                : NeedStatus.WITHDRAWN;
        LocalDate closed = status.isClosed() ? raised.plusDays(10 + random.nextInt(200)) : null;
        needIds[i] = ids.nextId();
        needRaised[i] = (int) raised.toEpochDay();
        return new BusinessNeed(new NeedId(needIds[i]), null, employers.ids()[needEmployer[i]], null, categories[random.nextInt(categories.length)],
                "Need " + i, Urgency.values()[random.nextInt(Urgency.values().length)], status, raised, closed);
    }

    /** The next solution, for a need of {@link #needs} (and the employer's next need, 30 % of the time). */
    public Solution solution() {
        if (needIds.length == 0) {
            throw new IllegalStateException("generate the needs first: a solution addresses them");
        }
        int i = random.nextInt(needIds.length);
        Set<NeedId> addressed = new LinkedHashSet<>(List.of(new NeedId(needIds[i])));
        if (i + 1 < needIds.length && needEmployer[i + 1] == needEmployer[i] && random.nextDouble() < 0.3) {
            addressed.add(new NeedId(needIds[i + 1]));
        }
        double u = random.nextDouble();
        SolutionStatus status = u < 0.2 ? SolutionStatus.PROPOSED : u < 0.45 ? SolutionStatus.AGREED : u < 0.7 ? SolutionStatus.IN_DELIVERY
                : u < 0.9 ? SolutionStatus.COMPLETED : u < 0.95 ? SolutionStatus.DECLINED : SolutionStatus.CANCELLED;
        LocalDate raised = LocalDate.ofEpochDay(needRaised[i]);
        boolean agreed = status == SolutionStatus.AGREED || status == SolutionStatus.IN_DELIVERY || status == SolutionStatus.COMPLETED;
        LocalDate agreedOn = agreed ? raised.plusDays(5 + (long) Math.min(175, -Math.log(1 - random.nextDouble()) * 40)) : null;
        LocalDate start = agreed ? agreedOn.plusDays(random.nextInt(60)) : null;
        LocalDate end = status == SolutionStatus.COMPLETED ? start.plusDays(30 + random.nextInt(300)) : null;
        SolutionType[] types = SolutionType.values();
        Staff lead = partners.get(random.nextInt(partners.size()));
        return new Solution(new SolutionId(ids.nextId()), null, employers.ids()[needEmployer[i]], null, addressed, types[random.nextInt(types.length)],
                "Solution for need " + i, lead.partner(), Set.of(), List.of("WIOA-I"), status, start, end, agreed ? 1 + random.nextInt(25) : null,
                agreed ? BigDecimal.valueOf(1_000 + random.nextInt(99_000)) : null, agreedOn);
    }

    /**
     * The next referral, stamped as sent at a moment of its sent day and carrying the moments of its moves, as a
     * restore writes them (crm-core records them from its clock when the moves happen, which a generator cannot wait for).
     */
    public Referral referral() {
        int f = random.nextInt(partners.size());
        int t = (f + 1 + random.nextInt(partners.size() - 1)) % partners.size();
        Staff from = partners.get(f);
        LocalDate sentOn = day();
        Instant sent = sentOn.atTime(8, 0).toInstant(ZoneOffset.UTC).plusMillis(random.nextInt(10 * 3_600_000));
        double u = random.nextDouble();
        ReferralStatus status = u < 0.1 ? ReferralStatus.SENT : u < 0.25 ? ReferralStatus.ACCEPTED : u < 0.4 ? ReferralStatus.IN_PROGRESS
                : u < 0.75 ? ReferralStatus.COMPLETED : u < 0.95 ? ReferralStatus.DECLINED : ReferralStatus.CANCELLED;
        boolean answered = status != ReferralStatus.SENT && (status != ReferralStatus.CANCELLED || random.nextBoolean());
        Instant responded = answered ? sent.plusMillis((long) (-Math.log(1 - random.nextDouble()) * 2 * 86_400_000L)) : null;
        Instant completed = status == ReferralStatus.COMPLETED ? responded.plusSeconds(86_400L * (1 + random.nextInt(90))) : null;
        return new Referral(new ReferralId(ids.nextId()), Stamp.first(sent, from.partner()), from.partner(), from.staff(),
                partners.get(t).partner(), employers.ids()[skewed(2)], null, null, "Business services referral", status, sentOn, sentOn.plusDays(10),
                status == ReferralStatus.DECLINED ? REASONS[random.nextInt(REASONS.length)] : null, List.of(),
                status == ReferralStatus.COMPLETED ? "Service delivered" : null, null, null, null, responded, completed);
    }
}
