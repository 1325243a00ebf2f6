package org.sectorcrm.core.report;

import java.util.List;

/**
 * Employer satisfaction from feedback ratings (1..5): per partner (the partner that delivered the engagement, or
 * that leads the solution, the feedback is about) and per solution type (null: feedback on an engagement), the
 * number of ratings, their mean and median and the distribution.
 *
 * @since 2
 */
public record SatisfactionReport(Stats overall, List<Long> overallDistribution, List<Group> byPartner, List<Group> bySolutionType) {
    public SatisfactionReport {
        overallDistribution = overallDistribution == null ? List.of() : List.copyOf(overallDistribution);
        byPartner = byPartner == null ? List.of() : List.copyOf(byPartner);
        bySolutionType = bySolutionType == null ? List.of() : List.copyOf(bySolutionType);
    }

    /** {@code distribution} holds the number of ratings of 1, 2, 3, 4 and 5, in that order. */
    public record Group(String key, String name, Stats rating, List<Long> distribution) {
        public Group {
            distribution = distribution == null ? List.of() : List.copyOf(distribution);
        }
    }
}
