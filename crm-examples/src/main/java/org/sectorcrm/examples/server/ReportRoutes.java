package org.sectorcrm.examples.server;

import java.util.ArrayList;
import java.util.List;

import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.report.CalendarQuarter;
import org.sectorcrm.core.report.EseReport;
import org.sectorcrm.core.report.EstablishmentCount;

/**
 * The accountability reports ({@code GET /reports/ese}) and the establishment counts they divide by
 * ({@code PUT /establishment-counts}, all or nothing). Definitions: docs/reports.md.
 */
final class ReportRoutes implements RouteGroup {
    private final java.time.Clock clock;

    ReportRoutes(java.time.Clock clock) {
        this.clock = clock;
    }

    /** The body of {@code PUT /establishment-counts}. */
    record EstablishmentCountsBody(List<CountRow> counts) {
    }

    /** One count: {@code area} STATE or a region code, {@code quarter} like 2026-Q2. */
    record CountRow(String area, String quarter, Long establishments, String source) {
    }

    /** What {@code PUT /establishment-counts} stored, in the given order. */
    record StoredCounts(List<EstablishmentCount> counts) {
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/reports/ese").tag("reports").id("reportEse",
                "WIOA Effectiveness in Serving Employers (ETA-9169) for a period (PY2025, PY2025Q1..Q4; default: the program year of today, UTC)"
                        + " and area (state, region:CODE, partner:ID; default: state)")
                .returns(EseReport.class)
                .query(List.of(new Route.Param("period", String.class, false), new Route.Param("area", String.class, false))).handle(ctx -> {
                    String period = ctx.queryParam("period");
                    String area = ctx.queryParam("area");
                    if (period == null) {
                        period = programYearOfToday();
                    }
                    if (area == null) {
                        area = "state";
                    }
                    Http.send(ctx, 200, Http.session(ctx).reports().ese(period, area));
                }),
                Route.get("/reports/ese/drill-down").tag("reports").id("reportEseDrillDown",
                "The establishments and engagements behind one ESE figure (figure=row1..row8, total, repeat, lookBack; default total;"
                        + " period and area as for /reports/ese), a page of 'limit' (default 100, at most 1000) establishments after the id 'after'")
                .returns(org.sectorcrm.core.report.EseDrillDown.class)
                .query(List.of(new Route.Param("period", String.class, false), new Route.Param("area", String.class, false),
                        new Route.Param("figure", String.class, false), new Route.Param("after", String.class, false),
                        new Route.Param("limit", Integer.class, false))).handle(ctx -> {
                    String limit = ctx.queryParam("limit");
                    int n = 100;
                    if (limit != null) {
                        try {
                            n = Integer.parseInt(limit.strip());
                        } catch (NumberFormatException e) {
                            throw ValidationException.of("page", "limit", "must be a whole number but was '" + limit + "'");
                        }
                    }
                    String period = ctx.queryParam("period");
                    String area = ctx.queryParam("area");
                    String figure = ctx.queryParam("figure");
                    Http.send(ctx, 200, Http.session(ctx).reports().eseDrillDown(period == null ? programYearOfToday() : period, area == null ? "state" : area,
                            figure == null ? "total" : figure, ctx.queryParam("after"), n));
                }),
                Route.post("/reports/retention").tag("reports").id("reportRetention",
                "Retention with the Same Employer from a wage-record file sent as the text/csv body (participant,exitQuarter,q2,q4), streamed:"
                        + " read, computed on and discarded, nothing of it stored; every bad line named at once (exitFrom, exitTo: 2025-Q1)")
                .body("text/csv").returns(org.sectorcrm.core.report.RetentionReport.class) // any other body type: 415 (RouteRules)
                .query(List.of(new Route.Param("exitFrom", String.class, false), new Route.Param("exitTo", String.class, false))).handle(ctx -> {
                    List<FieldViolation> problems = new ArrayList<>();
                    CalendarQuarter from = quarter(ctx.queryParam("exitFrom"), "exitFrom", problems);
                    CalendarQuarter to = quarter(ctx.queryParam("exitTo"), "exitTo", problems);
                    if (!problems.isEmpty()) {
                        throw new ValidationException(problems);
                    }
                    var session = Http.session(ctx);
                    // streamed: the body is never held whole, and each line is dropped once counted
                    try (java.io.Reader in = new java.io.InputStreamReader(ctx.bodyInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
                        Http.send(ctx, 200, org.sectorcrm.examples.reports.WageRecordsCsv.retention(session, new java.io.BufferedReader(in), from, to));
                    }
                }),
                Route.put("/establishment-counts").tag("establishment-counts").id("putEstablishmentCounts",
                "Store establishment counts (labour-market data per area and calendar quarter), each replacing the count of its area and quarter;"
                        + " every bad count named at once and nothing stored (MANAGER)")
                .body(EstablishmentCountsBody.class).returns(StoredCounts.class).handle(ctx -> {
                    EstablishmentCountsBody body = Http.body(ctx, EstablishmentCountsBody.class);
                    Http.send(ctx, 200, new StoredCounts(Http.session(ctx).reports().establishmentCounts().put(counts(body))));
                }));
    }

    /** The default period: the program year of today (UTC), PY2026 from 2026-07-01. */
    private String programYearOfToday() {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        return "PY" + (today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1);
    }

    private static CalendarQuarter quarter(String text, String field, List<FieldViolation> problems) {
        if (text == null) {
            return null;
        }
        try {
            return CalendarQuarter.parse(text, "report", field);
        } catch (ValidationException e) {
            problems.addAll(e.violations());
            return null;
        }
    }

    private static List<EstablishmentCount> counts(EstablishmentCountsBody body) {
        if (body.counts() == null) {
            throw ValidationException.of("establishmentCount", "counts", "is required: a list of {area, quarter, establishments}");
        }
        List<FieldViolation> problems = new ArrayList<>();
        List<EstablishmentCount> out = new ArrayList<>();
        for (int i = 0; i < body.counts().size(); i++) {
            CountRow row = body.counts().get(i);
            String at = "counts[" + i + "]";
            if (row == null) {
                problems.add(new FieldViolation("establishmentCount", at, "is required"));
                continue;
            }
            int before = problems.size();
            String area = null;
            CalendarQuarter quarter = null;
            try {
                area = EstablishmentCount.checkArea(row.area(), at + ".area");
            } catch (ValidationException e) {
                problems.addAll(e.violations());
            }
            try {
                quarter = CalendarQuarter.parse(row.quarter(), "establishmentCount", at + ".quarter");
            } catch (ValidationException e) {
                problems.addAll(e.violations());
            }
            if (row.establishments() == null || row.establishments() < 0) {
                problems.add(new FieldViolation("establishmentCount", at + ".establishments", "is required, 0 or more"));
            }
            if (problems.size() == before) {
                try {
                    out.add(EstablishmentCount.of(area, quarter, row.establishments()).withSource(row.source()));
                } catch (ValidationException e) {
                    e.violations().forEach(v -> problems.add(new FieldViolation("establishmentCount", at + "." + v.field(), v.message())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return out;
    }
}
