package org.sectorcrm.core.report;

import java.util.List;

import org.sectorcrm.core.outcome.Direction;

/**
 * Employer outcome measures: for each measure with at least one observation, the improvement from its baseline to its
 * latest observation in the metric's own direction (positive = better: a drop for turnover or time to fill, a rise for
 * retention, applicants or productivity), and the same relative to the baseline in percent (undefined for a baseline
 * of 0); aggregated per metric and group with the number of employers and measures behind each figure, mean and median.
 *
 * @param by                   what the groups are: SECTOR, REGION, PARTNERSHIP or SOLUTION_TYPE
 * @param groups               one per (metric, group key), ordered by metric code then key (null key, "none", first)
 * @param withoutObservation   measures that have only a baseline so far (not in any figure)
 * @since 2
 */
public record OutcomeReport(Grouping by, List<Group> groups, long withoutObservation) {
    public OutcomeReport {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** The dimensions a region aggregates by. */
    public enum Grouping {
        SECTOR, REGION, PARTNERSHIP, SOLUTION_TYPE
    }

    /**
     * One metric in one group. {@code key} is the sector or region code, partnership id or solution type, null for
     * measures without one; {@code improved} counts the measures whose improvement is above 0.
     */
    public record Group(String metric, String metricName, String unit, Direction direction, String key, long employers, long measures, long improved,
            Stats improvement, Stats improvementPercent) {
    }
}
