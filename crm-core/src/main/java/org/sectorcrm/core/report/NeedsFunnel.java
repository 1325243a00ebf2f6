package org.sectorcrm.core.report;

import java.util.List;

/**
 * Needs → solutions: per need category and per sector (the employer's), how many needs were raised and how many are
 * open, in progress, met, unmet and withdrawn, and the days from a need's {@code raisedOn} to the start date of the
 * first solution AGREED or later (in delivery, completed) that addresses it (median and mean; needs without such a
 * solution with a start date are not in it). Choice: the store keeps no date of agreement, so a solution's start date
 * stands for it (docs/reports.md).
 *
 * @since 2
 */
public record NeedsFunnel(Row total, List<Row> byCategory, List<Row> bySector) {
    public NeedsFunnel {
        byCategory = byCategory == null ? List.of() : List.copyOf(byCategory);
        bySector = bySector == null ? List.of() : List.copyOf(bySector);
    }

    /** One group; {@code key} is the category name or sector code (null: employers without a sector). */
    public record Row(String key, long raised, long open, long inProgress, long met, long unmet, long withdrawn, Stats daysToAgreedSolution) {
    }
}
