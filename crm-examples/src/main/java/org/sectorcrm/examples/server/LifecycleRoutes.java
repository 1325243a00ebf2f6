package org.sectorcrm.examples.server;

import java.util.ArrayList;
import java.util.List;

import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.type.AggregateTypes;

/** The moves each type's lifecycle allows beyond create, replace and delete, each {@code POST /{plural}/{id}/verb} with If-Match. */
final class LifecycleRoutes implements RouteGroup {
    @Override
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(RecordRoutes.action(AggregateTypes.ENGAGEMENT, "notes", "addNote", "Add a note written now by the current user", Bodies.NewNote.class,
                (s, id, v, ctx) -> {
                    Bodies.NewNote b = Http.body(ctx, Bodies.NewNote.class);
                    return s.engagements().addNote(AggregateTypes.ENGAGEMENT.parseId(id), v, b.visibility(), b.text());
                }));
        routes.add(RecordRoutes.action(AggregateTypes.NEED, "status", "moveNeed", "Move the need along its lifecycle", Bodies.NeedMove.class,
                (s, id, v, ctx) -> {
                    Bodies.NeedMove b = Http.body(ctx, Bodies.NeedMove.class);
                    return s.needs().moveTo(AggregateTypes.NEED.parseId(id), v, b.status(), b.on());
                }));
        routes.add(RecordRoutes.action(AggregateTypes.SOLUTION, "status", "moveSolution", "Move the solution along its lifecycle", Bodies.SolutionMove.class,
                (s, id, v, ctx) -> {
                    Bodies.SolutionMove move = Http.body(ctx, Bodies.SolutionMove.class);
                    return s.solutions().moveTo(AggregateTypes.SOLUTION.parseId(id), v, move.status(), move.agreedOn());
                }));
        routes.add(RecordRoutes.action(AggregateTypes.PARTNERSHIP, "stage", "advancePartnership", "Move one stage along the playbook, or to DORMANT",
                Bodies.StageMove.class,
                (s, id, v, ctx) -> s.partnerships().advanceTo(AggregateTypes.PARTNERSHIP.parseId(id), v, Http.body(ctx, Bodies.StageMove.class).stage())));
        var referral = AggregateTypes.REFERRAL;
        routes.add(RecordRoutes.action(referral, "accept", "acceptReferral", "Accept (receiving partner)", null,
                (s, id, v, ctx) -> s.referrals().accept(referral.parseId(id), v)));
        routes.add(RecordRoutes.action(referral, "decline", "declineReferral", "Decline with a reason (receiving partner)", Bodies.Reason.class,
                (s, id, v, ctx) -> s.referrals().decline(referral.parseId(id), v, Http.body(ctx, Bodies.Reason.class).reason())));
        routes.add(RecordRoutes.action(referral, "start", "startReferral", "Start work (receiving partner)", null,
                (s, id, v, ctx) -> s.referrals().start(referral.parseId(id), v)));
        routes.add(RecordRoutes.action(referral, "complete", "completeReferral", "Complete with an outcome", Bodies.Outcome.class,
                (s, id, v, ctx) -> s.referrals().complete(referral.parseId(id), v, Http.body(ctx, Bodies.Outcome.class).outcome())));
        routes.add(RecordRoutes.action(referral, "cancel", "cancelReferral", "Cancel (sending partner)", null,
                (s, id, v, ctx) -> s.referrals().cancel(referral.parseId(id), v)));
        routes.add(RecordRoutes.action(referral, "follow-ups", "followUpReferral", "Log a follow-up", Bodies.Text.class,
                (s, id, v, ctx) -> s.referrals().followUp(referral.parseId(id), v, Http.body(ctx, Bodies.Text.class).text())));
        routes.add(RecordRoutes.action(AggregateTypes.OUTCOME, "observations", "observeOutcome", "Record a later observation", Observation.class,
                (s, id, v, ctx) -> s.outcomes().observe(AggregateTypes.OUTCOME.parseId(id), v, Http.body(ctx, Observation.class))));
        return routes;
    }
}
