package org.sectorcrm.examples.web.dashboard;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.examples.csv.CsvWriter;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * The dashboard ({@code /dashboard}): engagements per month by sector and by partner, needs open and met, referral
 * response times, employers past the contact cadence ({@code ?cadence=N} days, 90 by default) and the ESE
 * establishments served in the current program year. Each chart is inline SVG drawn on the server (no script), with a
 * text summary, its figures as a table and as CSV ({@code /dashboard/csv/{chart}}). Any role may open it: it shows
 * counts and employer names, never notes or contact details.
 */
public final class DashboardPage {
    private static final int QUIET_ROWS = 25;
    /** How many records of one kind the dashboard reads at most (it says so when there are more). */
    public static final int LIMIT = DashboardData.MAX_PAGES * org.sectorcrm.core.PageRequest.MAX_LIMIT;

    /** One employer past the cadence, as the list under the chart shows it. */
    public record QuietRow(String href, String name, String sector, String last) {
    }

    public List<WebRoute> routes() {
        return List.of(WebRoute.get("/dashboard", this::show), WebRoute.get("/dashboard/csv/{chart}", this::csv));
    }

    void show(WebRequest r) {
        DashboardData.Options o = options(r);
        int cadence = o.cadence();
        DashboardData.Dashboard d = new DashboardData(r.crm(), r.names(), r.today()).compute(o);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("charts", d.charts());
        p.put("quiet", d.quiet().stream().limit(QUIET_ROWS).map(q -> new QuietRow("/employers/" + q.id().asString(), q.name(), q.sector(),
                q.lastContact() == null ? "none in the last 12 months" : q.lastContact().toString())).toList());
        p.put("quietTotal", d.quiet().size());
        p.put("cadence", cadence);
        p.put("cut", d.cut());
        p.put("today", r.today().toString());
        p.put("until", o.until().toString());
        p.put("programYear", o.programYear());
        int current = DashboardData.Options.programYearOf(r.today());
        p.put("programYears", java.util.stream.IntStream.rangeClosed(current - 4, current).boxed().sorted(java.util.Comparator.reverseOrder())
                .map(y -> new org.sectorcrm.examples.web.Option(Integer.toString(y), "PY" + y + " (July " + y + " to June " + (y + 1) + ")")).toList());
        p.put("latestHref", d.latest() == null ? null : "/dashboard?until=" + d.latest() + "&py=" + DashboardData.Options.programYearOf(d.latest().atEndOfMonth())
                + "&cadence=" + cadence);
        p.put("latest", d.latest() == null ? null : d.latest().toString());
        p.put("query", "?until=" + o.until() + "&py=" + o.programYear() + "&cadence=" + cadence);
        r.render("dashboard/show.jte", "Dashboard", "/dashboard", p);
    }

    void csv(WebRequest r) {
        DashboardData.Dashboard d = new DashboardData(r.crm(), r.names(), r.today()).compute(options(r));
        BarChart chart = d.chart(r.path("chart"));
        if (chart == null) {
            throw new NotFoundException("dashboard chart", r.path("chart"));
        }
        StringWriter out = new StringWriter();
        CsvWriter w = new CsvWriter(out);
        chart.csv().forEach(w::write);
        r.context().header("Content-Disposition", "attachment; filename=\"dashboard-" + chart.id() + "-" + r.today() + ".csv\"");
        r.context().contentType("text/csv; charset=utf-8").result(out.toString());
    }

    /** The reader's choices from the URL, each checked; every problem is named at once. */
    private static DashboardData.Options options(WebRequest r) {
        List<org.sectorcrm.core.FieldViolation> problems = new java.util.ArrayList<>();
        int cadence = DashboardData.DEFAULT_CADENCE;
        try {
            cadence = cadence(r);
        } catch (ValidationException e) {
            problems.addAll(e.violations());
        }
        java.time.YearMonth now = java.time.YearMonth.from(r.today());
        java.time.YearMonth until = now;
        if (r.query("until") != null) {
            try {
                until = java.time.YearMonth.parse(r.query("until"));
            } catch (java.time.DateTimeException e) {
                until = null;
            }
            if (until == null || until.isAfter(now) || until.getYear() < 1990) {
                problems.add(new org.sectorcrm.core.FieldViolation("dashboard", "until", "must be a month like 2025-06, 1990-01 to " + now
                        + ", but was '" + r.query("until") + "'"));
            }
        }
        int current = DashboardData.Options.programYearOf(r.today());
        int py = current;
        if (r.query("py") != null) {
            try {
                py = Integer.parseInt(r.query("py"));
            } catch (NumberFormatException e) {
                py = -1;
            }
            if (py < 1990 || py > current) {
                problems.add(new org.sectorcrm.core.FieldViolation("dashboard", "py", "must be a program year from 1990 to " + current + ", but was '"
                        + r.query("py") + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new DashboardData.Options(cadence, until, py);
    }

    private static int cadence(WebRequest r) {
        String v = r.query("cadence");
        if (v == null) {
            return DashboardData.DEFAULT_CADENCE;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 365) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the field
        }
        throw ValidationException.of("dashboard", "cadence", "must be a number of days from 1 to 365 but was '" + v + "'");
    }
}
