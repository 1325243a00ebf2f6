package org.sectorcrm.core.report;

import java.util.List;
import java.util.Map;

import org.sectorcrm.core.reference.PartnerId;

/**
 * Referrals per (sending, receiving) partner pair as of a day: how many were sent, are still unanswered, overdue now
 * (SENT after their response due date), accepted (ACCEPTED, IN_PROGRESS or COMPLETED), declined (with the reasons
 * counted), cancelled and completed, with the acceptance rate (accepted ÷ answered, answered = accepted + declined)
 * and the completion rate (completed ÷ accepted), each null when its denominator is 0.
 *
 * @since 2
 */
public record ReferralReport(java.time.LocalDate on, List<Pair> pairs) {
    public ReferralReport {
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }

    /** One pair; {@code declineReasons} maps each reason (trimmed, as written) to how often it was given. */
    public record Pair(PartnerId fromPartner, String fromPartnerName, PartnerId toPartner, String toPartnerName, long sent, long unanswered, long overdue,
            long accepted, long declined, long cancelled, long completed, Double acceptanceRate, Double completionRate,
            Map<String, Long> declineReasons) {
        public Pair {
            declineReasons = declineReasons == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(declineReasons)); // sorted: stable JSON
        }
    }
}
