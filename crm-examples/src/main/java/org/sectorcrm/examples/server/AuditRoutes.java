package org.sectorcrm.examples.server;

import java.time.LocalDate;
import java.time.Clock;
import java.util.List;

import org.sectorcrm.core.Page;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.audit.FieldChange;
import org.sectorcrm.core.employer.EmployerStatus;

/** The audit trail and the two summary reports the database counts ({@code /reports/...}). */
final class AuditRoutes implements RouteGroup {
    private final Clock clock;

    AuditRoutes(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/reports/employers-by-region-sector").tag("reports").id("reportEmployersByRegionSector",
                "Employers per region and sector, counted by the database").returns(org.sectorcrm.core.report.EmployersByRegionSector.class)
                .query(List.of(new Route.Param("status", EmployerStatus.class, false))).handle(ctx -> {
                    Bodies.StatusQuery q = Http.filter(ctx, Bodies.StatusQuery.class, new Bodies.StatusQuery(null));
                    Http.send(ctx, 200, Http.session(ctx).reports().employersByRegionSector(q.status()));
                }),
                Route.get("/reports/overdue-referrals").tag("reports").id("reportOverdueReferrals",
                "Referrals sent and not answered after their response due date, as of 'on' (default: today, UTC)")
                .returns(org.sectorcrm.core.report.OverdueReferrals.class).query(List.of(new Route.Param("on", LocalDate.class, false))).handle(ctx -> {
                    Bodies.OnQuery q = Http.filter(ctx, Bodies.OnQuery.class, new Bodies.OnQuery(null));
                    Http.send(ctx, 200, Http.session(ctx).reports().overdueReferrals(q.on() != null ? q.on() : LocalDate.now(clock)));
                }),
                Route.get("/audit").tag("audit").id("listAudit", "The audit trail (MANAGER and above); a note's text shows in its record's history"
                + " to those who may read it, not here").pages(AuditEntry.class).query(Schemas.filterParams(AuditFilter.class)).handle(ctx -> {
                    AuditFilter filter = Http.filter(ctx, AuditFilter.class, AuditFilter.ALL);
                    Http.sendPage(ctx, withoutNoteText(Http.session(ctx).audit().query(filter, Http.page(ctx))));
                }));
    }

    /**
     * The trail as a MANAGER may read it here. crm-core's {@code AuditOperations.query} returns the recorded values as
     * they are, and no role may read another author's PRIVATE note or another partner's PARTNER note, so every note's text
     * is hidden in this list; {@code GET /{plural}/{id}/history} shows it to exactly the note's readers.
     */
    private static Page<AuditEntry> withoutNoteText(Page<AuditEntry> page) {
        return page.map(e -> {
            if (e.changes().stream().noneMatch(AuditRoutes::isNote)) {
                return e;
            }
            List<FieldChange> shown = e.changes().stream().map(c -> isNote(c) ? c.hidden("[note text: see the record's history]") : c).toList();
            return new AuditEntry(e.id(), e.at(), e.actor(), e.partner(), e.action(), e.recordType(), e.recordId(), e.changedFields(), e.detail(),
                    shown);
        });
    }

    private static boolean isNote(FieldChange c) {
        return c.restriction() != null && !c.restriction().equals(FieldChange.PII);
    }
}
