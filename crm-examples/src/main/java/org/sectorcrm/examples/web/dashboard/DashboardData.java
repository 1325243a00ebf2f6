package org.sectorcrm.examples.web.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.examples.web.Names;
import org.sectorcrm.examples.web.Option;

/**
 * Reads what the dashboard shows through the signed-in user's session (so crm-core's visibility rules apply) and counts
 * it here. The reads are a bounded number of paged queries whatever the data: employers, engagements of the last twelve
 * months, needs and referrals are each read in pages of {@link PageRequest#MAX_LIMIT}, at most {@link #MAX_PAGES} pages a
 * kind (the figures then say they are cut); how fast referrals were answered comes from each referral's own answer time
 * ({@code respondedAt}), so every role sees it; the ESE figures are crm-core's report, computed by the store's aggregate queries.
 */
final class DashboardData {
    static final int MAX_PAGES = 50;
    static final int DEFAULT_CADENCE = 90;
    private static final int TOP = 5;

    /** One employer past the contact cadence, for the list under that chart. */
    record Quiet(EmployerId id, String name, String sector, LocalDate lastContact) {
    }

    /**
     * What the reader chose: the contact cadence in days, the last month of the twelve the engagement charts show, the
     * program year of the ESE chart.
     */
    record Options(int cadence, YearMonth until, int programYear) {
        static int programYearOf(LocalDate day) {
            return day.getMonthValue() >= 7 ? day.getYear() : day.getYear() - 1;
        }
    }

    /** Everything the page shows; {@code latest} is the month of the newest engagement when the twelve months have none. */
    record Dashboard(List<BarChart> charts, List<Quiet> quiet, int cadence, String ese, boolean cut, YearMonth latest) {
        BarChart chart(String id) {
            return charts.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
        }
    }

    private final CrmSession s;
    private final Names names;
    private final LocalDate today;
    private boolean cut;

    DashboardData(CrmSession s, Names names, LocalDate today) {
        this.s = s;
        this.names = names;
        this.today = today;
    }

    Dashboard compute(Options o) {
        int cadence = o.cadence();
        YearMonth first = o.until().minusMonths(11);
        List<Employer> employers = all((f, p) -> s.employers().list(EmployerFilter.ALL, p));
        Map<EmployerId, Employer> byId = new HashMap<>();
        employers.forEach(e -> byId.put(e.id(), e));
        // one read serves the twelve months and the cadence (which always looks back from today)
        LocalDate from = first.atDay(1).isBefore(today.minusDays(cadence)) ? first.atDay(1) : today.minusDays(cadence);
        EngagementFilter window = EngagementFilter.between(from, today);
        List<Engagement> engagements = all((f, p) -> s.engagements().list(window, p));
        YearMonth latest = null;
        if (engagements.stream().noneMatch(e -> !YearMonth.from(e.date()).isBefore(first) && !YearMonth.from(e.date()).isAfter(o.until()))) {
            // nothing to chart: find the newest older engagement (one more bounded read), so the page can offer its year
            EngagementFilter older = EngagementFilter.between(first.atDay(1).minusYears(5), first.atDay(1).minusDays(1));
            latest = all((f, p) -> s.engagements().list(older, p)).stream().map(e -> YearMonth.from(e.date())).max(YearMonth::compareTo).orElse(null);
        }
        List<BarChart> charts = new ArrayList<>();
        List<String> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(first.plusMonths(i).toString());
        }
        charts.add(byMonth("by-sector", "Engagements per month by sector", "Sector", months, first, engagements, e -> {
            Employer em = byId.get(e.employer());
            return em == null || em.sector() == null ? "No sector" : names.sector(em.sector());
        }, "other sectors"));
        charts.add(byMonth("by-partner", "Engagements per month by partner", "Partner", months, first, engagements,
                e -> names.partner(e.partner()), "other partners"));
        charts.add(needs());
        charts.add(responses());
        List<Quiet> quiet = new ArrayList<>();
        charts.add(cadence(cadence, employers, engagements, quiet));
        String[] eseNote = new String[1];
        BarChart ese = ese(eseNote, o.programYear());
        if (ese != null) {
            charts.add(ese);
        }
        return new Dashboard(charts, quiet, cadence, eseNote[0], cut, latest);
    }

    private BarChart byMonth(String id, String title, String kind, List<String> months, YearMonth first, List<Engagement> engagements,
            Function<Engagement, String> seriesOf, String other) {
        Map<String, long[]> counts = new HashMap<>();
        for (Engagement e : engagements) {
            int m = (int) first.until(YearMonth.from(e.date()), java.time.temporal.ChronoUnit.MONTHS);
            if (m >= 0 && m < 12) {
                counts.computeIfAbsent(seriesOf.apply(e), k -> new long[12])[m]++;
            }
        }
        List<Map.Entry<String, long[]>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Comparator.comparingLong((Map.Entry<String, long[]> x) -> -sum(x.getValue())).thenComparing(Map.Entry::getKey));
        List<BarChart.Series> series = new ArrayList<>();
        long[] rest = new long[12];
        for (int i = 0; i < ranked.size(); i++) {
            if (i < TOP || ranked.size() == TOP + 1) {
                series.add(new BarChart.Series(ranked.get(i).getKey(), boxed(ranked.get(i).getValue())));
            } else {
                for (int m = 0; m < 12; m++) {
                    rest[m] += ranked.get(i).getValue()[m];
                }
            }
        }
        if (sum(rest) > 0) {
            series.add(new BarChart.Series("All " + other, boxed(rest)));
        }
        long total = counts.values().stream().mapToLong(DashboardData::sum).sum();
        String summary = count(total, "engagement") + " from " + months.get(0) + " to " + months.get(11) + (series.isEmpty() ? "."
                : "; most by " + series.get(0).name() + " (" + sum(series.get(0).values()) + ").");
        return new BarChart(id, title, summary, "Month", months, series, "Each bar is one month; its parts are the " + kind.toLowerCase(java.util.Locale.ROOT)
                + "s with the most engagements (up to " + TOP + ", the rest together).");
    }

    private BarChart needs() {
        List<BusinessNeed> needs = all((f, p) -> s.needs().list(NeedFilter.ALL, p));
        List<NeedStatus> statuses = List.of(NeedStatus.OPEN, NeedStatus.IN_PROGRESS, NeedStatus.MET, NeedStatus.UNMET, NeedStatus.WITHDRAWN);
        Map<NeedCategory, long[]> counts = new LinkedHashMap<>();
        for (NeedCategory c : NeedCategory.values()) {
            counts.put(c, new long[statuses.size()]);
        }
        needs.forEach(n -> counts.get(n.category())[statuses.indexOf(n.status())]++);
        counts.values().removeIf(v -> sum(v) == 0);
        List<String> rows = counts.keySet().stream().map(c -> Option.words(c.name())).toList();
        List<BarChart.Series> series = new ArrayList<>();
        for (int k = 0; k < statuses.size(); k++) {
            int col = k;
            series.add(new BarChart.Series(Option.words(statuses.get(k).name()), counts.values().stream().map(v -> v[col]).toList()));
        }
        long open = needs.stream().filter(n -> !n.status().isClosed()).count();
        long met = needs.stream().filter(n -> n.status() == NeedStatus.MET).count();
        return new BarChart("needs", "Needs open and met, by category", count(needs.size(), "need") + ": " + open + " open or in progress, " + met + " met.",
                "Need category", rows, series, "Each bar is one category of need; its parts are the needs' status.");
    }

    private BarChart responses() {
        List<Referral> referrals = all((f, p) -> s.referrals().list(ReferralFilter.ALL, p));
        List<String> buckets = List.of("Same day", "1 to 2 days", "3 to 7 days", "8 to 14 days", "15 days or more");
        long[] answered = new long[buckets.size()];
        long[] waiting = new long[buckets.size()];
        long unknown = 0;
        for (Referral x : referrals) {
            if (x.status() == ReferralStatus.SENT) {
                waiting[bucket(java.time.temporal.ChronoUnit.DAYS.between(x.sentOn(), today))]++;
            } else if (x.respondedAt() != null) {
                // the referral records when it was answered, so every reader of it sees the same figure (no audit trail needed)
                answered[bucket(java.time.temporal.ChronoUnit.DAYS.between(x.sentOn(), x.respondedAt().atZone(ZoneOffset.UTC).toLocalDate()))]++;
            } else if (x.status() != ReferralStatus.CANCELLED) {
                unknown++; // answered before referrals recorded their answer time
            }
        }
        String note = "Answered: days from sending to the receiver's accept or decline. Still waiting: days since sending."
                + (unknown == 0 ? "" : " " + count(unknown, "referral") + " answered before answer times were recorded " + (unknown == 1 ? "is" : "are")
                        + " not in the chart.");
        List<BarChart.Series> series = List.of(new BarChart.Series("Answered", boxed(answered)), new BarChart.Series("Still waiting", boxed(waiting)));
        String summary = count(sum(answered), "referral") + " answered, " + sum(waiting) + " waiting for an answer.";
        return new BarChart("responses", "Referral response times", summary, "Days", buckets, series, note);
    }

    private static int bucket(long days) {
        return days <= 0 ? 0 : days <= 2 ? 1 : days <= 7 ? 2 : days <= 14 ? 3 : 4;
    }

    private BarChart cadence(int days, List<Employer> employers, List<Engagement> engagements, List<Quiet> quiet) {
        Map<EmployerId, LocalDate> last = new HashMap<>();
        engagements.forEach(e -> last.merge(e.employer(), e.date(), (a, b) -> a.isAfter(b) ? a : b)); // read back to today - days at least
        LocalDate since = today.minusDays(days);
        Map<String, long[]> bySector = new java.util.TreeMap<>();
        for (Employer e : employers) {
            if (e.status() == EmployerStatus.INACTIVE) {
                continue;
            }
            String sector = e.sector() == null ? "No sector" : names.sector(e.sector());
            LocalDate l = last.get(e.id());
            boolean past = l == null || l.isBefore(since);
            bySector.computeIfAbsent(sector, k -> new long[2])[past ? 1 : 0]++;
            if (past) {
                quiet.add(new Quiet(e.id(), e.legalName(), sector, l));
            }
        }
        // never contacted first, then the longest quiet
        quiet.sort(Comparator.comparing(Quiet::lastContact, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Quiet::name));
        List<String> rows = new ArrayList<>(bySector.keySet());
        List<BarChart.Series> series = List.of(new BarChart.Series("Past the cadence", bySector.values().stream().map(v -> v[1]).toList()),
                new BarChart.Series("Contacted within " + days + " days", bySector.values().stream().map(v -> v[0]).toList()));
        long past = quiet.size();
        return new BarChart("cadence", "Employers past the contact cadence (" + days + " days)", past + " of "
                + bySector.values().stream().mapToLong(v -> v[0] + v[1]).sum() + " active and prospect employers had no engagement by any partner in the last "
                + days + " days.", "Sector", rows, series, "Inactive employers are left out.");
    }

    private BarChart ese(String[] note, int py) {
        var report = s.reports().ese(org.sectorcrm.core.report.ProgramPeriod.year(py), org.sectorcrm.core.report.ReportArea.state());
        List<String> rows = report.rows().stream().map(r -> r.label()).toList();
        var pen = report.penetration();
        note[0] = "Establishments served in PY" + py + " (" + report.period().start() + " to " + report.period().end() + "), whole deployment: "
                + report.total().count() + ". Employer penetration rate: "
                + (pen.rate() == null ? "not computed (" + pen.undefinedReason() + ")" : String.format(java.util.Locale.ROOT, "%.1f%%", pen.rate() * 100))
                + ".";
        return new BarChart("ese", "Establishments served, ESE categories (PY" + py + ")", note[0], "ESE category", rows,
                List.of(new BarChart.Series("Establishments", report.rows().stream().map(r -> r.count()).toList())),
                "The ETA-9169 rows as the ESE report computes them (docs/reports.md); an establishment counts once per category.");
    }

    private <T> List<T> all(BiFunction<Void, PageRequest, Page<T>> list) {
        List<T> out = new ArrayList<>();
        Page<T> page = list.apply(null, PageRequest.first(PageRequest.MAX_LIMIT));
        out.addAll(page.items());
        for (int n = 1; page.hasNext(); n++) {
            if (n == MAX_PAGES) {
                cut = true;
                break;
            }
            page = list.apply(null, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
            out.addAll(page.items());
        }
        return out;
    }

    /** "1 engagement", "2 engagements". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static long sum(long[] v) {
        long t = 0;
        for (long x : v) {
            t += x;
        }
        return t;
    }

    private static long sum(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).sum();
    }

    private static List<Long> boxed(long[] v) {
        List<Long> out = new ArrayList<>();
        for (long x : v) {
            out.add(x);
        }
        return out;
    }
}
