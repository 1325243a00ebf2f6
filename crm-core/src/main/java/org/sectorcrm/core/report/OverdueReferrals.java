package org.sectorcrm.core.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Referrals SENT and not answered after their response due date, as of {@code on}, as the caller may read them.
 *
 * @since 2
 */
public record OverdueReferrals(LocalDate on, List<OverdueReferral> referrals) {
    public OverdueReferrals {
        referrals = referrals == null ? List.of() : List.copyOf(referrals);
    }
}
