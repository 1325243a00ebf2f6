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
        int cadence = cadence(r);
        DashboardData.Dashboard d = new DashboardData(r.crm(), r.names(), r.today()).compute(cadence);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("charts", d.charts());
        p.put("quiet", d.quiet().stream().limit(QUIET_ROWS).map(q -> new QuietRow("/employers/" + q.id().asString(), q.name(), q.sector(),
                q.lastContact() == null ? "none in the last 12 months" : q.lastContact().toString())).toList());
        p.put("quietTotal", d.quiet().size());
        p.put("cadence", cadence);
        p.put("cut", d.cut());
        p.put("today", r.today().toString());
        r.render("dashboard/show.jte", "Dashboard", "/dashboard", p);
    }

    void csv(WebRequest r) {
        int cadence = cadence(r);
        DashboardData.Dashboard d = new DashboardData(r.crm(), r.names(), r.today()).compute(cadence);
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
