package org.sectorcrm.core.report;

import java.util.List;

/**
 * Retention with the Same Employer (the WIOA effectiveness-in-serving-employers indicator of 89 FR 13814): of the
 * exiters employed in the 2nd quarter after exit, the share employed by the same employer (FEIN or UI account) in the
 * 4th quarter after exit. Computed from a wage-record file the user supplies, which is read once and discarded: the
 * report holds counts only, no participant id.
 *
 * @param exitFrom     first exit quarter of the cohort, null: from the file's first
 * @param exitTo       last exit quarter of the cohort, null: to the file's last
 * @param lines        wage records read
 * @param exiters      records whose exit quarter is in the cohort
 * @param retention    numerator = same employer in Q2 and Q4, denominator = employed in Q2; rate null when undefined
 * @param byExitQuarter the same figures per exit quarter, in quarter order
 * @since 2
 */
public record RetentionReport(CalendarQuarter exitFrom, CalendarQuarter exitTo, long lines, long exiters, Ratio retention,
        List<Quarter> byExitQuarter) {
    public RetentionReport {
        byExitQuarter = byExitQuarter == null ? List.of() : List.copyOf(byExitQuarter);
    }

    /** A rate as its parts; {@code rate} null with {@code undefinedReason} when the denominator is 0. */
    public record Ratio(long numerator, long denominator, Double rate, String undefinedReason) {
        public static Ratio of(long numerator, long denominator, String reasonWhenZero) {
            return denominator == 0 ? new Ratio(numerator, 0, null, reasonWhenZero) : new Ratio(numerator, denominator, (double) numerator / denominator, null);
        }
    }

    /** One exit quarter's exiters and rate. */
    public record Quarter(CalendarQuarter exitQuarter, long exiters, Ratio retention) {
    }
}
