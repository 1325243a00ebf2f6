package org.sectorcrm.examples.web.reports;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.report.EseDrillDown;
import org.sectorcrm.core.report.EseReport;
import org.sectorcrm.examples.csv.CsvWriter;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * The ESE report (ETA-9169) as a page ({@code /reports/ese?period=PY2025&area=state}), its CSV, and the drill-down of
 * each figure ({@code /reports/ese/drill-down?...&figure=row5}) to the establishments and engagements behind it. Both
 * make the very crm-core calls of {@code GET /api/v1/reports/ese} and its drill-down, through the reader's session, so
 * the page shows what the API shows that user. A bad parameter is shown on the page with its name (400), the form
 * kept so it can be corrected. Definitions: docs/reports.md.
 */
public final class EsePages {
    /** Establishments per drill-down page by default ({@code limit} as in the API): each costs an employer read and its engagements' reads. */
    static final int PAGE = 50;

    /** One figure of the table: its ETA-9169 row (0 for the total), label, count and drill-down link. */
    public record Figure(int row, String label, long count, String href) {
    }

    /** A rate as the page shows it: the parts, the rate as a percentage or why there is none, and the numerator's link. */
    public record RateView(long numerator, String denominator, String rate, String href, String denominatorHref) {
    }

    /** One engagement behind an establishment. */
    public record EngagementView(String href, String date, String partner, String channel, String summary) {
    }

    /** One establishment of a drill-down. */
    public record EstablishmentView(String employerHref, String employerName, String establishment, String county, String region,
            List<EngagementView> engagements) {
    }

    public List<WebRoute> routes() {
        return List.of(WebRoute.get("/reports/ese", this::report), WebRoute.get("/reports/ese/csv", this::csv),
                WebRoute.get("/reports/ese/drill-down", this::drillDown));
    }

    void report(WebRequest r) {
        String period = period(r);
        String area = area(r);
        Map<String, Object> p = form(r, period, area);
        EseReport report = null;
        List<String> problems = List.of();
        try {
            report = r.crm().reports().ese(period, area);
        } catch (ValidationException e) {
            problems = problems(e);
        }
        p.put("problems", problems);
        p.put("report", report);
        String q = query(period, area);
        List<Figure> rows = new ArrayList<>();
        RateView penetration = null;
        RateView repeat = null;
        if (report != null) {
            for (EseReport.Row row : report.rows()) {
                rows.add(new Figure(row.row(), row.label(), row.count(), "/reports/ese/drill-down" + q + "&figure=row" + row.row()));
            }
            rows.add(new Figure(0, "Total establishments served (each once)", report.total().count(), "/reports/ese/drill-down" + q + "&figure=total"));
            penetration = rate(report.penetration(), "/reports/ese/drill-down" + q + "&figure=total", null);
            repeat = rate(report.repeatBusiness(), "/reports/ese/drill-down" + q + "&figure=repeat", "/reports/ese/drill-down" + q + "&figure=lookBack");
        }
        p.put("rows", rows);
        p.put("penetration", penetration);
        p.put("repeat", repeat);
        p.put("csvHref", "/reports/ese/csv" + q);
        r.render(problems.isEmpty() ? 200 : 400, "reports/ese.jte", "ESE report", "/reports/ese", p);
    }

    void csv(WebRequest r) {
        String period = period(r);
        String area = area(r);
        EseReport report = r.crm().reports().ese(period, area); // a bad parameter: the error page names it (400)
        StringWriter out = new StringWriter();
        CsvWriter w = new CsvWriter(out);
        w.write(List.of("Row", "Category", "Establishments"));
        report.rows().forEach(row -> w.write(List.of(Integer.toString(row.row()), row.label(), Long.toString(row.count()))));
        w.write(List.of("", "Total", Long.toString(report.total().count())));
        r.context().header("Content-Disposition", "attachment; filename=\"ese-" + report.period().label() + ".csv\"");
        r.context().contentType("text/csv; charset=utf-8").result(out.toString());
    }

    void drillDown(WebRequest r) {
        String period = period(r);
        String area = area(r);
        String figure = r.query("figure") == null ? "total" : r.query("figure");
        Map<String, Object> p = form(r, period, area);
        p.put("figure", figure);
        EseDrillDown drill = null;
        List<String> problems = List.of();
        int limit = PAGE;
        try {
            limit = limit(r);
            drill = r.crm().reports().eseDrillDown(period, area, figure, r.query("after"), limit);
        } catch (ValidationException e) {
            problems = problems(e);
        }
        List<EstablishmentView> items = new ArrayList<>();
        if (drill != null) {
            for (EseDrillDown.Item item : drill.establishments()) {
                items.add(view(r, item));
            }
        }
        String q = query(period, area) + (limit == PAGE ? "" : "&limit=" + limit);
        p.put("problems", problems);
        p.put("drill", drill);
        p.put("items", items);
        p.put("figureLabel", figureLabel(figure));
        p.put("reportHref", "/reports/ese" + q);
        p.put("nextHref", drill == null || drill.next() == null ? null
                : "/reports/ese/drill-down" + q + "&figure=" + enc(figure) + "&after=" + enc(drill.next()));
        p.put("firstHref", r.query("after") == null ? null : "/reports/ese/drill-down" + q + "&figure=" + enc(figure));
        r.render(problems.isEmpty() ? 200 : 400, "reports/drill.jte", "ESE drill-down", "/reports/ese", p);
    }

    /** The establishment's employer (its county and region) and the engagements, read through the reader's session. */
    private static EstablishmentView view(WebRequest r, EseDrillDown.Item item) {
        Employer employer = r.crm().employers().find(item.employer()).orElse(null);
        String name = item.establishment();
        String county = "";
        String region = "";
        if (employer != null) {
            for (Establishment e : employer.establishments()) {
                if (e.id() != null && e.id().asString().equals(item.establishment())) {
                    name = e.name();
                    county = e.county() == null ? "" : e.county();
                }
            }
            region = employer.region() == null ? "" : r.names().region(employer.region());
        }
        List<EngagementView> engagements = new ArrayList<>();
        for (EngagementId id : item.engagements()) {
            Engagement g = r.crm().engagements().find(id).orElse(null);
            if (g != null) {
                engagements.add(new EngagementView("/employers/" + item.employer().asString() + "#timeline", g.date().toString(),
                        r.names().partner(g.partner()), Option.words(g.channel().name()), g.summary()));
            }
        }
        return new EstablishmentView("/employers/" + item.employer().asString(), item.employerName(), name, county, region, engagements);
    }

    private static RateView rate(EseReport.Rate rate, String href, String denominatorHref) {
        String percent = rate.rate() == null ? "undefined: " + rate.undefinedReason()
                : String.format(java.util.Locale.ROOT, "%.1f%%", rate.rate() * 100);
        return new RateView(rate.numerator(), rate.denominator() == null ? "none" : Long.toString(rate.denominator()), percent, href, denominatorHref);
    }

    /** The form's choices: the last five program years and their quarters; the state, every region and partner. */
    private static Map<String, Object> form(WebRequest r, String period, String area) {
        Map<String, Object> p = new LinkedHashMap<>();
        int current = programYear(r.today());
        List<Option> periods = new ArrayList<>();
        for (int y = current; y > current - 5; y--) {
            periods.add(new Option("PY" + y, "PY" + y + " (July " + y + " to June " + (y + 1) + ")"));
            for (int q = 1; q <= 4; q++) {
                periods.add(new Option("PY" + y + "Q" + q, "PY" + y + " quarter " + q));
            }
        }
        List<Option> areas = new ArrayList<>();
        areas.add(new Option("state", "The whole state"));
        r.names().regions().values().forEach(g -> areas.add(new Option("region:" + g.id().asString(), "Region: " + g.name())));
        r.names().partners().values().forEach(x -> areas.add(new Option("partner:" + x.id().asString(), "Partner: " + x.name())));
        p.put("periods", periods);
        p.put("areas", areas);
        p.put("period", period);
        p.put("area", area);
        return p;
    }

    private static List<String> problems(ValidationException e) {
        return e.violations().stream().map(v -> v.field() + ": " + v.message()).toList();
    }

    static String figureLabel(String figure) {
        return switch (figure) {
            case "total" -> "Total establishments served (also the penetration numerator)";
            case "repeat" -> "Repeat business: establishments served in the look-back window and again in the period";
            case "lookBack" -> "Establishments served in the look-back window (the repeat-business denominator)";
            default -> figure.matches("row[1-8]") ? "ETA-9169 row " + figure.substring(3) : figure;
        };
    }

    /** {@code limit} as the API reads it; crm-core checks the range (1..1000). */
    private static int limit(WebRequest r) {
        String v = r.query("limit");
        if (v == null) {
            return PAGE;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ValidationException.of("page", "limit", "must be a whole number but was '" + v + "'");
        }
    }

    private static String period(WebRequest r) {
        return r.query("period") == null ? "PY" + programYear(r.today()) : r.query("period");
    }

    private static String area(WebRequest r) {
        return r.query("area") == null ? "state" : r.query("area");
    }

    /** As the REST route's default: PY2026 from 2026-07-01. */
    static int programYear(java.time.LocalDate day) {
        return day.getMonthValue() >= 7 ? day.getYear() : day.getYear() - 1;
    }

    private static String query(String period, String area) {
        return "?period=" + enc(period) + "&area=" + enc(area);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
