package org.sectorcrm.examples.server;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.report.CadenceReport;
import org.sectorcrm.core.report.DuplicatedEffortReport;
import org.sectorcrm.core.report.NeedsFunnel;
import org.sectorcrm.core.report.OutcomeReport;
import org.sectorcrm.core.report.PartnershipReport;
import org.sectorcrm.core.report.ReferralReport;
import org.sectorcrm.core.report.SatisfactionReport;
import org.sectorcrm.examples.reports.ReportOptions;

/**
 * The employer outcome measures and the partner-network health reports ({@code GET /reports/outcomes},
 * {@code /satisfaction}, {@code /referrals}, {@code /needs-funnel}, {@code /partnerships}, {@code /cadence},
 * {@code /duplicated-effort}); definitions in crm-core and docs/reports.md. Any role: counts and record ids only.
 */
final class NetworkReportRoutes implements RouteGroup {
    private final Clock clock;

    NetworkReportRoutes(Clock clock) {
        this.clock = clock;
    }

    /** Query of {@code /reports/outcomes}. */
    record ByQuery(OutcomeReport.Grouping by) {
    }

    /** Query of {@code /reports/cadence}: {@code sectorDays} like {@code MFG:30,HLT:60}. */
    record CadenceQuery(LocalDate on, Integer days, String sectorDays) {
    }

    /** Query of {@code /reports/duplicated-effort}. */
    record WindowQuery(LocalDate on, Integer windowDays) {
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/reports/outcomes").tag("reports").id("reportOutcomes",
                "Employer outcome measures: improvement from baseline to latest in each metric's direction, per metric and group"
                        + " (by=SECTOR|REGION|PARTNERSHIP|SOLUTION_TYPE, default SECTOR), with employers, mean and median")
                .returns(OutcomeReport.class).query(List.of(new Route.Param("by", OutcomeReport.Grouping.class, false))).handle(ctx -> {
                    ByQuery q = Http.filter(ctx, ByQuery.class, new ByQuery(null));
                    Http.send(ctx, 200, Http.session(ctx).reports().outcomes(q.by() == null ? OutcomeReport.Grouping.SECTOR : q.by()));
                }),
                Route.get("/reports/satisfaction").tag("reports").id("reportSatisfaction",
                "Employer satisfaction from feedback: mean, median and distribution overall, per partner and per solution type")
                .returns(SatisfactionReport.class).handle(ctx -> Http.send(ctx, 200, Http.session(ctx).reports().satisfaction())),
                Route.get("/reports/referrals").tag("reports").id("reportReferrals",
                "Referrals per partner pair: acceptance, completion, decline reasons, and overdue as of 'on' (default: today, UTC)")
                .returns(ReferralReport.class).query(List.of(new Route.Param("on", LocalDate.class, false))).handle(ctx -> {
                    Bodies.OnQuery q = Http.filter(ctx, Bodies.OnQuery.class, new Bodies.OnQuery(null));
                    Http.send(ctx, 200, Http.session(ctx).reports().referrals(q.on() != null ? q.on() : LocalDate.now(clock)));
                }),
                Route.get("/reports/needs-funnel").tag("reports").id("reportNeedsFunnel",
                "Needs to solutions: needs by status per category and sector, days from a need to an agreed solution (median, mean)")
                .returns(NeedsFunnel.class).handle(ctx -> Http.send(ctx, 200, Http.session(ctx).reports().needsFunnel())),
                Route.get("/reports/partnerships").tag("reports").id("reportPartnerships",
                "Sector partnerships by stage, champions, commitments pledged vs fulfilled by kind, priorities by status")
                .returns(PartnershipReport.class).handle(ctx -> Http.send(ctx, 200, Http.session(ctx).reports().partnerships())),
                Route.get("/reports/cadence").tag("reports").id("reportCadence",
                "Employers per partner and champions past the contact cadence on 'on' (default today, UTC): 'days' (default 90),"
                        + " 'sectorDays' like MFG:30,HLT:60")
                .returns(CadenceReport.class).query(List.of(new Route.Param("on", LocalDate.class, false), new Route.Param("days", Integer.class, false),
                        new Route.Param("sectorDays", String.class, false))).handle(ctx -> {
                    CadenceQuery q = Http.filter(ctx, CadenceQuery.class, new CadenceQuery(null, null, null));
                    Map<String, Integer> sectors = ReportOptions.sectorDays(q.sectorDays(), "sectorDays");
                    Http.send(ctx, 200, Http.session(ctx).reports().cadence(q.on() != null ? q.on() : LocalDate.now(clock),
                            q.days() != null ? q.days() : ReportOptions.CADENCE_DAYS, sectors));
                }),
                Route.get("/reports/duplicated-effort").tag("reports").id("reportDuplicatedEffort",
                "Employers engaged by two or more partners in the 'windowDays' (default 30) up to 'on' (default today, UTC), with no lead"
                        + " and nothing shared between the partners")
                .returns(DuplicatedEffortReport.class).query(List.of(new Route.Param("on", LocalDate.class, false),
                        new Route.Param("windowDays", Integer.class, false))).handle(ctx -> {
                    WindowQuery q = Http.filter(ctx, WindowQuery.class, new WindowQuery(null, null));
                    Http.send(ctx, 200, Http.session(ctx).reports().duplicatedEffort(q.on() != null ? q.on() : LocalDate.now(clock),
                            q.windowDays() != null ? q.windowDays() : ReportOptions.WINDOW_DAYS));
                }));
    }
}
