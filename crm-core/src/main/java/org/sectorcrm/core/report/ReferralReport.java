package org.sectorcrm.core.report;

import java.util.List;
import java.util.Map;

import org.sectorcrm.core.reference.PartnerId;

/**
 * Referrals per (sending, receiving) partner pair as of a day: how many were sent, are still unanswered, overdue now
 * (SENT after their response due date), accepted (ACCEPTED, IN_PROGRESS or COMPLETED), declined (with the reasons
 * counted), cancelled and completed, with the acceptance rate (accepted ÷ answered, answered = accepted + declined)
 * and the completion rate (completed ÷ accepted), each null when its denominator is 0; each decline reason's rate
 * (÷ declined); and the response time (from the moment the referral was recorded as sent, its stamp's
 * {@code createdAt}, to {@code respondedAt}) in hours and in days, and the time to completion (to
 * {@code completedAt}) in days, over the referrals that carry the moment (records stored before crm-core kept it
 * are left out and counted in {@code answeredWithoutMoment}).
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
            Map<String, Long> declineReasons, Map<String, Double> declineReasonRates, Stats responseHours, Stats responseDays,
            long answeredWithoutMoment, Stats completionDays) {
        public Pair {
            declineReasons = declineReasons == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(declineReasons)); // sorted: stable JSON
            declineReasonRates = declineReasonRates == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(declineReasonRates));
            responseHours = responseHours == null ? Stats.NONE : responseHours;
            responseDays = responseDays == null ? Stats.NONE : responseDays;
            completionDays = completionDays == null ? Stats.NONE : completionDays;
        }
    }
}
