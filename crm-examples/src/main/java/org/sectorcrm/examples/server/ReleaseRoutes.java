package org.sectorcrm.examples.server;

import java.util.List;

import org.sectorcrm.core.type.AggregateTypes;

/**
 * Releases of information on referrals beyond the referral's own fields (recorded with the referral: {@code contact} and
 * {@code release} in {@code POST /referrals}): recording that the contact withdrew it. crm-core refuses a referral about
 * a contact without a valid release when the deployment requires it (400 naming {@code release}).
 */
final class ReleaseRoutes implements RouteGroup {
    /** The day the contact withdrew their release. */
    public record Withdrawal(java.time.LocalDate on) {
    }

    @Override
    public List<Route> routes() {
        var type = AggregateTypes.REFERRAL;
        return List.of(RecordRoutes.action(type, "release/withdraw", "withdrawReferralRelease",
                "Record that the referral's contact withdrew their release of information on a day (either partner's staff)", Withdrawal.class,
                (s, id, v, ctx) -> s.referrals().withdrawRelease(type.parseId(id), v, Http.body(ctx, Withdrawal.class).on())));
    }
}
